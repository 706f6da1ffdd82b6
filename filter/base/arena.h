/*
 * arena.h — a bump allocator.  A document (and a schema, a result) owns one arena; all its
 * strings and arrays live there and are released at once by og_arena_free.
 */
#ifndef OG_ARENA_H
#define OG_ARENA_H

#include <stddef.h>

typedef struct og_arena_block og_arena_block;
typedef struct og_arena {
    og_arena_block *head;
    size_t total; /* bytes handed out, for statistics */
} og_arena;

void og_arena_init(og_arena *a);
void og_arena_free(og_arena *a);
/* Aligned to 16; NULL on out-of-memory. */
void *og_arena_alloc(og_arena *a, size_t n);
void *og_arena_zalloc(og_arena *a, size_t n);
char *og_arena_strdup(og_arena *a, const char *s);
char *og_arena_strndup(og_arena *a, const char *s, size_t n);

#endif
