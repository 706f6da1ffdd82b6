/*
 * regex.h — the schema's regular expressions (phrases, placeholders, metadata patterns),
 * matched by RE2 in time linear in the text, whatever the pattern (#21.3: glibc's regexec
 * took 8.5 s for (a|aa)*c on 80,000 letters, and more as the text grows).
 *
 * The syntax stays POSIX extended (RE2 in POSIX mode, leftmost-longest like regexec), plus
 * \b \B and the Perl classes \d \s \w (glibc's \b and \w were GNU extensions schemas use);
 * ^ and $ are the ends of the text, '.' and negated classes match a newline (as regexec
 * without REG_NEWLINE).  Text is UTF-8: ignore-case folds Unicode case.  Back-references
 * are not supported (og_phrase_init names them); a pattern whose program would exceed
 * OG_REGEX_MAX_MEM is refused when the schema loads.  Implemented in C++ (regex.cc); the
 * interface is C and never throws.
 */
#ifndef OG_REGEX_H
#define OG_REGEX_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Memory for one pattern's program and matching caches (RE2's max_mem). */
#define OG_REGEX_MAX_MEM (8u << 20)

typedef struct og_regex og_regex;

/* Compile; NULL on error with the reason in msg (*nomem set when memory ran out). */
og_regex *og_regex_new(const char *pattern, int ignore_case, char *msg, size_t msgsize, int *nomem);
/* The leftmost-longest match in text[0..len): 1 with its offset and length, 0 if none, -1 when
 * memory ran out. */
int og_regex_search(const og_regex *re, const char *text, size_t len, size_t *off, size_t *mlen);
/* 1 if the whole of text[0..len) matches, 0 if not, -1 when memory ran out. */
int og_regex_full(const og_regex *re, const char *text, size_t len);
void og_regex_free(og_regex *re);

#ifdef __cplusplus
}
#endif

#endif
