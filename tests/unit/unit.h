/*
 * unit.h — a tiny self-registering unit test framework that prints TAP.
 *
 *   OG_TEST(name) { OG_CHECK(expr); OG_CHECK_STR(got, want); OG_CHECK_INT(got, want); }
 *
 * Each OG_TEST registers itself at load time (constructor); runner.c runs them all (or those
 * whose name contains argv[1]) and prints one TAP line per test.
 */
#ifndef OG_UNIT_H
#define OG_UNIT_H

#include <stdio.h>
#include <string.h>

typedef void (*og_test_fn)(int *failures);
void og_test_register(const char *name, const char *file, og_test_fn fn);

#define OG_TEST(name)                                                                              \
    static void og_test_##name(int *og_failures_);                                                 \
    __attribute__((constructor)) static void og_test_reg_##name(void)                              \
    {                                                                                              \
        og_test_register(#name, __FILE__, og_test_##name);                                         \
    }                                                                                              \
    static void og_test_##name(int *og_failures_)

#define OG_CHECK(expr)                                                                             \
    do {                                                                                           \
        if (!(expr)) {                                                                             \
            printf("#   %s:%d: check failed: %s\n", __FILE__, __LINE__, #expr);                    \
            (*og_failures_)++;                                                                     \
        }                                                                                          \
    } while (0)

#define OG_CHECK_STR(got, want)                                                                    \
    do {                                                                                           \
        const char *g_ = (got), *w_ = (want);                                                      \
        if (!((g_ == NULL && w_ == NULL) || (g_ && w_ && strcmp(g_, w_) == 0))) {                  \
            printf("#   %s:%d: %s: got \"%s\", want \"%s\"\n", __FILE__, __LINE__, #got,           \
                   g_ ? g_ : "(null)", w_ ? w_ : "(null)");                                        \
            (*og_failures_)++;                                                                     \
        }                                                                                          \
    } while (0)

#define OG_CHECK_INT(got, want)                                                                    \
    do {                                                                                           \
        long long g_ = (long long)(got), w_ = (long long)(want);                                   \
        if (g_ != w_) {                                                                            \
            printf("#   %s:%d: %s: got %lld, want %lld\n", __FILE__, __LINE__, #got, g_, w_);      \
            (*og_failures_)++;                                                                     \
        }                                                                                          \
    } while (0)

#endif
