/*
 * strmap.h — a set of strings, each given the index of its first insertion (0, 1, 2 …), keyed
 * with SipHash (siphash.h) so that a document cannot make its names collide: constant time per
 * lookup whatever the names.  The map owns copies of its keys.
 */
#ifndef OG_STRMAP_H
#define OG_STRMAP_H

#include <stddef.h>

typedef struct og_strmap {
    char **keys; /* by index */
    size_t count;
    size_t *slots; /* open addressing: index + 1, 0 empty */
    size_t nslots;
} og_strmap;

/* The index of s, or (size_t)-1 if absent. */
size_t og_strmap_find(const og_strmap *m, const char *s);
/* The index of s, inserting it if absent.  (size_t)-1 on out of memory. */
size_t og_strmap_add(og_strmap *m, const char *s);
void og_strmap_free(og_strmap *m);

#endif
