/* zipbuild.h — zip packages built in memory with libzip, for the unit tests (test-package.c,
 * test-reader.c). */
#ifndef OG_TEST_ZIPBUILD_H
#define OG_TEST_ZIPBUILD_H

#include <stddef.h>

typedef struct zent {
    const char *name;
    const char *data; /* NUL-terminated unless len is given */
    size_t len;
    int deflate;
    int extra; /* add an extra field (local and central) */
} zent;

/* A zip in memory from the entries, in order; malloc'd, NULL on failure. */
unsigned char *build_zip(const zent *e, size_t n, size_t *len);

#endif
