/*
 * phrase.h — a phrase to look for in text: a literal (case-insensitive, folded, on word
 * boundaries) or a POSIX extended regular expression (matched on the raw UTF-8 text by RE2,
 * in time linear in the text (regex.h); case-insensitive when the schema says
 * ignore-case="true").
 * Used by schema phrases, placeholders and any rule that searches text.
 */
#ifndef OG_PHRASE_H
#define OG_PHRASE_H

#include "base/arena.h"
#include "base/internal.h"
#include "text/text.h"

/* OG_PHRASE_BRACKETED: the built-in placeholder, "[" + white space + the word (ASCII, any case)
 * + anything but "]" + "]", i.e. the ERE \[[[:space:]]*insert[^]]*\], found by one linear
 * scan: glibc's regexec took 23 s on a paragraph of 20,000 "[insert " without a "]"
 * (quadratic in the text).  text is the word. */
typedef enum og_phrase_kind {
    OG_PHRASE_LITERAL = 0,
    OG_PHRASE_REGEX = 1,
    OG_PHRASE_BRACKETED = 2
} og_phrase_kind;

typedef struct og_phrase {
    og_phrase_kind kind;
    const char *text;   /* as written in the schema (for messages) */
    const char *folded; /* literal: folded form; regex: NULL */
    size_t folded_len;
    og_trigrams grams; /* literal: word-start summary of folded (og_trigrams_of) */
    unsigned char gram_words[OG_ARRAY_LEN(((og_trigrams *)0)->bits)]; /* its non-zero words, */
    unsigned gram_word_count;                                         /* the only ones tested */
    struct og_regex *re; /* regex only: og_phrase_release frees it */
    const char *message; /* optional message from the schema, or NULL */
} og_phrase;

/* Prepare p (text copied into arena).  A literal is folded (og_text_fold) and always matches
 * ignoring case; a regex is compiled by og_regex_new (ignoring case if asked).  Returns
 * 0, or -1 with err filled (err may be NULL): ODFGATE_E_SCHEMA for an empty phrase (or a
 * literal that folds to nothing) and for a bad expression, with the message
 * `invalid regular expression "x(": <RE2's reason>`; `where` names the file.  After a
 * failure og_phrase_release is harmless and not needed. */
int og_phrase_init(og_phrase *p, og_arena *a, og_phrase_kind kind, const char *text,
                   int ignore_case, const char *where, odfgate_error *err);
void og_phrase_release(og_phrase *p);

/* 0 if p cannot occur in a text whose folded form has the summary `text` (literals
 * only; a regex may always match). */
int og_phrase_may_match(const og_phrase *p, const og_trigrams *text);

/* Search: raw is the paragraph text, folded its og_text_fold form.  Returns 1 if found and
 * sets *match_off / *match_len (offsets in raw for regex, in folded for literal), else 0.
 * A regex runs on raw[0..raw_len) (no terminator needed); a literal on folded[0..folded_len)
 * with og_find_phrase. */
int og_phrase_search(const og_phrase *p, const char *raw, size_t raw_len, const char *folded,
                     size_t folded_len, size_t *match_off, size_t *match_len);

#endif
