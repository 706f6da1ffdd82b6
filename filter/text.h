/*
 * text.h — UTF-8 helpers, normalisation and word counting (no locale dependence).
 *
 * Folding (og_text_fold): simple case folding for Latin, Greek and Cyrillic letters,
 * typographic quotes and guillemets to ASCII ' and ", dashes and minus signs to '-', every
 * Unicode white space (incl. no-break and zero-width space) collapsed to one ASCII space,
 * trimmed; soft hyphens, zero-width joiners and BOMs dropped.  Invalid UTF-8 becomes U+FFFD.
 *
 * Heading keys (og_heading_key): folded, then up to four leading numbering labels stripped,
 * then trailing punctuation (.:;,!?- and spaces) removed.  Two headings match when their keys
 * are equal.  A label is followed by a space and is one of:
 *   N. N) N:  N.N[.N…] (with or without a final . or ))  (N) (a) (iv)
 *   ROMAN. ROMAN)  LETTER. LETTER)         — "I am", "Vision", "2020 vision" are not labels
 *   KEYWORD LABEL [: . - )]  with KEYWORD one of section part chapter annex appendix article
 *   schedule clause §   ("Section 2: Why…", "Part 3 - …", "§ 4 …", "Annex B. …")
 *
 * Words (og_count_words): a word is a maximal run of letters, digits and marks (plus ' and
 * - between two letters, and . , between digits); each CJK ideograph or kana counts as one
 * word by itself (Korean is spaced, so hangul is counted like Latin).  See docs/reading.md.
 */
#ifndef OG_TEXT_H
#define OG_TEXT_H

#include "buf.h"

#include <stddef.h>
#include <stdint.h>

/* Decode one code point at s (n bytes available, n > 0).  Returns the bytes consumed (1-4);
 * invalid or truncated sequences give *cp = 0xFFFD and consume 1 byte. */
size_t og_utf8_decode(const char *s, size_t n, uint32_t *cp);
/* Append code point cp as UTF-8. */
int og_utf8_append(og_buf *b, uint32_t cp);
/* 1 if s[0..n) is valid UTF-8 (no overlongs, no surrogates), else 0. */
int og_utf8_valid(const char *s, size_t n);

int og_cp_is_space(uint32_t cp);   /* Unicode White_Space + zero-width space/joiners + BOM */
int og_cp_is_word(uint32_t cp);    /* letters, digits, marks (approximation by ranges) */
uint32_t og_cp_fold(uint32_t cp);  /* simple case fold + quote/dash folding */

/* Fold s[0..n) into out (out is reset first).  Returns OG_BUF_* code. */
int og_text_fold(const char *s, size_t n, og_buf *out);
/* Heading key of a NUL-terminated heading text into out (reset first). */
int og_heading_key(const char *s, og_buf *out);

/* A 512-bit summary of the byte pairs (bigrams) of a text: a literal phrase can only occur in
 * a text whose summary has every bigram of the phrase (og_phrase_may_match), which saves
 * searching most paragraphs for most phrases. */
typedef struct og_bigrams {
    uint64_t bits[8];
} og_bigrams;
void og_bigrams_of(const char *s, size_t n, og_bigrams *out);
int og_bigrams_contain(const og_bigrams *text, const og_bigrams *phrase);

/* Words in s[0..n). */
uint64_t og_count_words(const char *s, size_t n);

/* Find a literal needle in hay, both already folded with og_text_fold, on word boundaries:
 * the match must not be preceded or followed by a word character.  Returns the byte offset
 * of the first match in hay, or -1. */
long og_find_phrase(const char *hay, size_t hay_len, const char *needle, size_t needle_len);

/* Append s[0..n) to out collapsing runs of white space into one ' ' and dropping leading
 * white space when out is empty or already ends in ' ' (for building paragraph text). */
int og_append_collapsed(og_buf *out, const char *s, size_t n);

/* Make a slug from a heading: folded, ASCII letters/digits kept, other runs become '-',
 * trimmed of '-'; non-ASCII letters kept as UTF-8.  Empty input gives "section". */
int og_slug(const char *s, og_buf *out);

#endif
