/*
 * clause.h — standard clauses (docs/http.md): their text cut into words, and finding one in
 * a section's words.
 *
 * Normalisation: og_text_fold (case, quotes, dashes, white space), then only words count —
 * a word is a maximal run of og_cp_is_word code points, so punctuation and line breaks make
 * no difference.  The clause is present when its words appear in order and contiguous in the
 * section.  Otherwise the closest stretch of the section is found by word-level edit distance
 * with free ends in the section (semi-global alignment): at most half the clause's words
 * changed = modified (with a short word difference), more = missing.
 */
#ifndef OG_CLAUSE_H
#define OG_CLAUSE_H

#include "schema/schema.h"

#define OG_CLAUSE_MAX_FILE (256u * 1024u)
/* Word pairs compared at most (clause words x section words) before giving up on a diff. */
#define OG_CLAUSE_MAX_CELLS (8u * 1024u * 1024u)

/* Cut folded text into words (arena).  0 or -1 (out of memory). */
int og_words_cut(og_arena *a, const char *s, size_t n, og_word **out, size_t *count);

/* Load a clause's text (UTF-8) into c (schema arena).  0 or -1 with err filled. */
int og_clause_load(odfgate_schema *s, og_clause *c, const char *data, size_t len, const char *where,
                   odfgate_error *err);

typedef enum og_clause_match {
    OG_CLAUSE_PRESENT = 0,
    OG_CLAUSE_MODIFIED, /* diff holds the word difference; *at the first section word */
    OG_CLAUSE_MISSING,
    OG_CLAUSE_TOO_LONG /* not present verbatim, and too long to compare word by word */
} og_clause_match;

/* Look for the clause's words in text[0..n).  Returns an og_clause_match, or -1 on out of
 * memory.  For MODIFIED, diff gets e.g. `... shall [-not-] {+never+} disclose ...` (at most
 * three changes shown) and *at the index of the first aligned section word. */
int og_clause_find(const og_word *clause, size_t m, const og_word *text, size_t n, og_buf *diff,
                   size_t *at);

#endif
