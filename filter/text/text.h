/*
 * text.h — UTF-8 helpers, normalisation and word counting (no locale dependence).
 *
 * Folding (og_text_fold): simple case folding of Latin (ASCII, Latin-1, Extended-A and -B,
 * Extended Additional; U+0130 İ → i, ſ → s, ẞ → ß), Greek (final sigma → σ, symbol forms),
 * Cyrillic (U+0400..U+052F), Armenian and fullwidth Latin letters; typographic quotes
 * ‘ ’ ‚ ‛ ′ ‹ › → ' and “ ” „ ‟ ″ « » → "; dashes U+2010..U+2015, minus U+2212, U+FE58,
 * U+FE63, U+FF0D → '-'; every white space (og_cp_is_space) collapsed to one ASCII space,
 * trimmed; soft hyphen, zero-width (non-)joiner, word joiner and BOM dropped.  Invalid
 * UTF-8 becomes U+FFFD.  A folded code point is never longer in UTF-8 than the original.
 *
 * Heading keys (og_heading_key): folded, then up to four leading numbering labels stripped,
 * then quotes around the heading (“Common vision”, 'Annex') and trailing punctuation
 * (. : ; , ! ? - and spaces) removed; if that leaves nothing, the
 * labels are kept ("1." → "1").  Two headings match when their keys are equal.  Grammar
 * (matched on the folded text, ASCII letters case-insensitively unless said otherwise):
 *
 *   prefix  := label SP                       — SP: exactly one space must follow
 *   label   := NUM ("." | ")" | ":")          "1." "12)" "3:"      (a bare "2020" is a word)
 *            | DOTTED ["." | ")" | ":"]       "2.3" "2.3.1)" "10.2." (digits, 2+ dotted parts)
 *            | "(" (NUM | DOTTED | ROMAN | LETTER) ")"                "(1)" "(a)" "(iv)"
 *            | (ROMAN | LETTER) ("." | ")")   "IV." "iv)" "A." "a)" "б)"
 *            | KEYWORD SP? ALNUM [SP? (":" | "-") | "." | ")"]
 *                                   "Section 2:" "Part 3 -" "Chapter 4." "Annex B:" "§ 4"
 *   KEYWORD := section | part | chapter | annex | appendix | article | schedule | clause
 *              (each followed by one space) | "§" (a space after it is optional)
 *   ALNUM   := NUM | DOTTED | ROMAN | LETTER; after a KEYWORD with no punctuation, a ROMAN
 *              or LETTER must be written in capitals ("Annex B Data", not "Schedule a …")
 *   ROMAN   := a well-formed numeral 1..89 (i v x l), all upper or all lower case:
 *              "Vision", "Mix.", "Ill.", "Civic." are no labels
 *   LETTER  := one letter (ASCII, or one non-ideographic letter such as Cyrillic "б")
 *              that is not followed by another letter
 *
 *   "1. Common Vision:" → "common vision";  "Section 2: Why …" → "why …";  "I. Vision" →
 *   "vision";  "2020 vision", "I am here", "A common vision", "1.5m people" stay whole.
 *
 * Words (og_count_words): a word is a maximal run of letters, digits and marks (Unicode L, M,
 * N; see og_cp_is_word), where an apostrophe (' ’) or hyphen (- ‐ ‑) between two such
 * characters and a point or comma between two ASCII digits do not split: "don't",
 * "well-being", "COVID-19", "3.5", "1,000" are one word each; en and em dashes split.  Each
 * CJK ideograph or kana counts as one word by itself (combining voicing marks and variation
 * selectors after it add nothing); Korean is spaced, so hangul is counted like Latin.  Soft
 * hyphens and joiners are invisible; punctuation and symbols alone are no word.
 * See docs/reading.md.
 */
#ifndef OG_TEXT_H
#define OG_TEXT_H

#include "base/buf.h"

#include <stddef.h>
#include <stdint.h>

/* Decode one code point at s (n bytes available).  Returns the bytes consumed (1-4);
 * invalid, overlong, surrogate, above-U+10FFFF or truncated sequences give *cp = 0xFFFD and
 * consume 1 byte (so a real U+FFFD is told apart by consuming 3).  n == 0 consumes 0. */
size_t og_utf8_decode(const char *s, size_t n, uint32_t *cp);
/* Append code point cp as UTF-8 (a surrogate or a value above U+10FFFF as U+FFFD). */
int og_utf8_append(og_buf *b, uint32_t cp);
/* 1 if s[0..n) is valid UTF-8 (no overlongs, no surrogates, nothing above U+10FFFF), else 0. */
int og_utf8_valid(const char *s, size_t n);
/* 1 if code point cp must not reach a terminal, a CI log or a rendered annotation raw: C0 and
 * C1 controls, DEL, the bidirectional controls (U+061C, U+200E, U+200F, U+202A..U+202E,
 * U+2066..U+2069: they reorder what follows, "Trojan Source", CVE-2021-42574) and the line
 * and paragraph separators U+2028, U+2029. */
int og_cp_is_unsafe(uint32_t cp);
/* The next character of the NUL-terminated s, for display: returns the bytes it takes (0 at
 * the end) and fills esc with what to show instead, "<U+XXXX>" for an unsafe code point and
 * "<0xNN>" for a byte that is not UTF-8, or "" when it is shown as it is. */
size_t og_utf8_display_unit(const char *s, char esc[12]);
/* s[0..n) for quoting in a message, in out (cap bytes, NUL-terminated, returned): whole when it
 * has at most max characters (and fits), else cut at the last space within them (unless that
 * leaves less than half) and ended with "…"; a UTF-8 character is never cut. */
const char *og_excerpt(const char *s, size_t n, size_t max, char *out, size_t cap);

/* Unicode White_Space, plus U+200B..U+200D (zero-width space, non-joiner, joiner), U+2060
 * (word joiner) and U+FEFF (BOM).  Folding drops the last four rather than spacing them. */
int og_cp_is_space(uint32_t cp);
/* Letters, marks and numbers: ASCII letters and digits, and the Unicode 14 general
 * categories L*, M*, N* (a sorted range table; unassigned code points between two ranges of
 * the same class count as inside).  Punctuation, symbols, currency, math, spaces: not. */
int og_cp_is_word(uint32_t cp);
/* Simple case fold + quote/dash folding of one code point, as described above. */
uint32_t og_cp_fold(uint32_t cp);

/* Fold s[0..n) into out (out is reset first).  Returns OG_BUF_* code; on error out is empty.
 * The cap applies to the folded length (a long input that collapses below it is fine). */
int og_text_fold(const char *s, size_t n, og_buf *out);
/* Heading key of a NUL-terminated heading text into out (reset first). */
int og_heading_key(const char *s, og_buf *out);

/* A 1024-bit summary of the word starts of a folded text: for each letter or digit (not an
 * ideograph or kana) that does not follow one, a hash of the three bytes it starts (when two
 * more bytes follow).  The summary of a literal phrase is made the same way; the phrase can
 * only be found by og_find_phrase in a text whose summary has all of the phrase's trigrams
 * (og_trigrams_contain), because og_find_phrase matches on word boundaries.  This saves
 * folding and searching most paragraphs for most phrases.  (A phrase with no word start
 * followed by two bytes, say "--" or "ok", has an empty summary: it may match anywhere.) */
typedef struct og_trigrams {
    uint64_t bits[16];
} og_trigrams;
void og_trigrams_of(const char *s, size_t n, og_trigrams *out);
int og_trigrams_contain(const og_trigrams *text, const og_trigrams *phrase);
/* A summary usable in place of og_trigrams_of(og_text_fold(s)), made without folding, for
 * "plain" text: ASCII without control bytes or two spaces in a row (it may hold more
 * trigrams, never fewer).  Returns 1 and sets *out if s[0..n) is plain; else 0 (*out is then
 * meaningless: fold, and og_trigrams_of). */
int og_trigrams_of_plain(const char *s, size_t n, og_trigrams *out);
/* og_trigrams_of_plain and og_count_words in one pass: returns 1 and sets both if s[0..n) is
 * plain, else 0 (*words and *out are then meaningless: use the two functions).  A joiner
 * (' - . ,) between two word characters, which may or may not join them, leaves *words
 * OG_WORDS_UNKNOWN (count with og_count_words; *out is right). */
#define OG_WORDS_UNKNOWN UINT64_MAX
int og_words_trigrams_of_plain(const char *s, size_t n, uint64_t *words, og_trigrams *out);

/* Words in s[0..n). */
uint64_t og_count_words(const char *s, size_t n);

/* Find a literal needle in hay, both already folded with og_text_fold, on word boundaries:
 * at each end of the match, the code point inside the match and the one outside it must not
 * belong to the same word — so the check is skipped on a side where the needle starts/ends
 * with a non-word character ("[insert]"), and an ideograph or kana is a word by itself.
 * Apostrophes and hyphens are not word characters here ("don" is found in "don't").
 * Returns the byte offset of the first match in hay, or -1 (also for an empty needle). */
long og_find_phrase(const char *hay, size_t hay_len, const char *needle, size_t needle_len);

/* Append s[0..n) to out collapsing runs of XML white space (space, tab, CR, LF — other
 * spaces such as U+00A0 are content) into one ' ' and dropping leading white space when out
 * is empty or already ends in ' ' (for building paragraph text; a trailing ' ' is kept).  The
 * cap applies to the collapsed length; on error nothing is appended. */
int og_append_collapsed(og_buf *out, const char *s, size_t n);

/* Make a slug from a heading: folded, ASCII letters/digits kept, other runs become '-',
 * trimmed of '-'; non-ASCII letters kept as UTF-8.  Empty input gives "section". */
int og_slug(const char *s, og_buf *out);

#endif
