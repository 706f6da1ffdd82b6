/*
 * diff.h — what changed between two versions of a document (odfgate diff, docs/diff.md).
 *
 * Both documents are read as units — the lines of their canonical text (canonical.h, version
 * 2: headings, paragraphs, note and text-box paragraphs), so that what a sign-off digest
 * ignores (formatting, metadata, comments, sign-offs, fields LibreOffice recomputes) is no
 * change here either.  Units are cut into segments at every heading (the text before the
 * first heading is a segment too).  Then:
 *   1. segments are paired: by schema section (heading matching as check: schema/headings.c),
 *      else by heading key and occurrence, else a leftover old and new segment with the same
 *      level whose paragraphs mostly agree (a renamed heading outside the schema);
 *   2. pairs whose order changed are moved (those outside a longest increasing run);
 *   3. inside each pair, paragraphs are aligned with libgit2's buffer diff (xdiff, patience),
 *      deleted and inserted paragraphs of one hunk that share most words become changed ones,
 *      and a changed paragraph's words are aligned with the same diff over word tokens.
 * The result is a list of sections (og_sdiff) in NEW's order, removed ones after the pair of
 * their predecessor in OLD, each with its edits (og_edit).  This file owns the model; the
 * formats are format-text.c and format-json.c, the tracked-changes document write/redline.c.
 */
#ifndef OG_DIFF_H
#define OG_DIFF_H

#include "base/arena.h"
#include "base/buf.h"
#include "base/internal.h"
#include "base/vec.h"
#include "read/model.h"
#include "schema/schema.h"

#define OG_NO UINT32_MAX

typedef enum og_edit_op {
    OG_EDIT_EQUAL = 0,
    OG_EDIT_INSERT, /* unit only in NEW */
    OG_EDIT_DELETE, /* unit only in OLD */
    OG_EDIT_CHANGE  /* the same paragraph, some words changed (words[]) */
} og_edit_op;

/* A line of the canonical text. */
typedef struct og_unit {
    const char *line; /* the canonical line without its "\n": "H1 Common vision" */
    const char *text; /* the text in it, after the tag */ /* canonical text version 2: fields as
                                                             \x01definition\x01 */
    uint32_t len, line_len;
    char kind;     /* 'H' heading, 'P' paragraph, 'N' note or text-box paragraph */
    uint8_t level; /* heading level */
    uint32_t para; /* body paragraph index (a note's: the paragraph it is anchored in;
                      para_count for text boxes after the last paragraph) */
    uint32_t aux;  /* index in doc->aux for 'N', else OG_NO */
} og_unit;

typedef struct og_dword {
    uint8_t op;        /* OG_EDIT_EQUAL, _INSERT or _DELETE */
    uint32_t off, len; /* in the OLD unit's text (equal, delete) or the NEW one's (insert) */
} og_dword;

typedef struct og_edit {
    uint8_t op;
    uint32_t old_u, new_u;     /* unit indices, OG_NO when absent */
    uint32_t word, word_count; /* change: its words in og_diff.words */
    uint32_t ins, del;         /* words inserted and deleted (for insert/delete: the unit's) */
} og_edit;

typedef struct og_sdiff {
    const char *id;              /* schema section id of either heading, or NULL */
    uint32_t old_seg, new_seg;   /* segment indices, OG_NO when absent (added / removed) */
    uint32_t old_head, new_head; /* heading units, OG_NO (the text before the first heading) */
    uint8_t moved, renamed;
    uint8_t moved_from;        /* the place a moved segment left: listed for the redline only */
    uint32_t edit, edit_count; /* its edits in og_diff.edits: the non-equal ones and the
                                  equal ones alike, in order */
    uint64_t ins, del;         /* words inserted and deleted */
    uint32_t paras_ins, paras_del, paras_chg;
} og_sdiff;

typedef struct og_side {
    const odfgate_doc *doc;
    og_unit *units;
    uint32_t unit_count;
    uint32_t *seg_start; /* segment s is units [seg_start[s], seg_start[s+1]) */
    uint32_t seg_count;
    const char **seg_id;  /* schema section id of segment s's heading, or NULL */
    const char **seg_key; /* its heading key (og_heading_key), "" for the first segment */
} og_side;

struct odfgate_diff {
    og_arena arena;
    og_side old, new_;
    OG_VEC(og_sdiff) sections;
    OG_VEC(og_edit) edits;
    OG_VEC(og_dword) words;
    size_t word_floor; /* words before it belong to earlier paragraphs: never extended */
    const char *schema_id;
    uint64_t ins, del;
    uint32_t changed_sections;
};

/* The word tokens of a text: a run of word characters, one other character, or a run of
 * white space; a field (\x01…\x01) is one token.  Calls fn(off, len) for each. */
typedef void (*og_token_fn)(void *ctx, uint32_t off, uint32_t len);
void og_diff_tokens(const char *s, uint32_t n, og_token_fn fn, void *ctx);
/* Does a token count as a word (holds a letter or digit, or is a field)? */
int og_diff_is_word(const char *s, uint32_t n);
/* Words in a text (og_diff_is_word tokens). */
uint32_t og_diff_word_count(const char *s, uint32_t n);

/* One line-level alignment with libgit2 (lines.c): a[0..na) against b[0..nb) (any bytes,
 * newlines too); calls hunk(ctx, a_from, a_n, b_from, b_n) for each differing run, in order.
 * `words` picks xdiff's plain algorithm (for word tokens) over patience.  0, or -1. */
typedef int (*og_hunk_fn)(void *ctx, uint32_t a_from, uint32_t a_n, uint32_t b_from, uint32_t b_n);
int og_diff_lines(const char *const *a, const uint32_t *alen, uint32_t na, const char *const *b,
                  const uint32_t *blen, uint32_t nb, int words, og_hunk_fn hunk, void *ctx);

/* The text of a unit's field as displayed: "\x01date\x01" → "[date]" (writes into out). */
const char *og_diff_show(const char *s, uint32_t n, og_buf *out);

#endif
