/*
 * jsonr.h — a small strict JSON reader (RFC 8259) for the reports that `odfgate merge`
 * reads back: the text is validated as UTF-8 (no overlongs, no surrogates), string escapes
 * are decoded (a surrogate pair becomes one code point; a lone surrogate is refused),
 * numbers must follow the grammar and are kept as written, nesting is capped, duplicate
 * member names are refused, and a byte order mark or trailing data is an error.
 * Errors are ODFGATE_E_JSON (ODFGATE_E_LIMIT for nesting) with "line L, column C: reason";
 * the column counts characters from 1.
 *
 * Ownership: every node and string lives in the caller's arena and is released with it.
 */
#ifndef OG_JSONR_H
#define OG_JSONR_H

#include "base/arena.h"
#include "base/internal.h"

typedef enum og_json_type {
    OG_JSON_NULL,
    OG_JSON_FALSE,
    OG_JSON_TRUE,
    OG_JSON_NUMBER,
    OG_JSON_STRING,
    OG_JSON_ARRAY,
    OG_JSON_OBJECT
} og_json_type;

typedef struct og_json og_json;
struct og_json {
    og_json_type type;
    const char *s; /* STRING: decoded UTF-8, NUL-terminated, may hold NUL (see len);
                      NUMBER: the lexeme as written */
    size_t len;
    const char *key; /* a member of an OBJECT: its decoded name (NUL-terminated) */
    size_t key_len;
    og_json *child; /* ARRAY, OBJECT: first element or member, in order */
    og_json *next;  /* the next sibling */
    size_t count;   /* ARRAY, OBJECT: number of children */
};

/* Nesting deeper than this is refused whatever the caller asks (the reader recurses). */
#define OG_JSON_DEPTH_HARD_MAX 1000

/* Parse data[0..len) as one JSON value.  `name` names the input in errors; `first_line` is
 * the line number of data[0] in that input (1 for a whole file; JSON Lines pass their own).
 * max_depth: arrays and objects nested deeper are refused (clamped to
 * OG_JSON_DEPTH_HARD_MAX).  Returns ODFGATE_OK and *out, or fails with err filled. */
odfgate_status og_json_parse(const char *data, size_t len, unsigned max_depth, const char *name,
                             long first_line, og_arena *arena, og_json **out, odfgate_error *err);

/* The member `key` of an object (the first: names are unique), or NULL. */
const og_json *og_json_get(const og_json *obj, const char *key);
/* 1 if the member m is named exactly `key`. */
int og_json_key_is(const og_json *m, const char *key);
/* The member `key` if it is a string without NUL, else NULL. */
const char *og_json_get_str(const og_json *obj, const char *key);
/* 1 if a and b are the same value: same types, the same strings and number lexemes
 * byte for byte, the same members in the same order. */
int og_json_equal(const og_json *a, const og_json *b);

#endif
