/*
 * jsonw.h — minimal JSON output helpers for the report formats: strings are escaped
 * (quotes, backslash, control characters) and invalid UTF-8 becomes U+FFFD, so the output
 * is always valid JSON whatever bytes the documents or paths hold.  They write with the
 * unlocked stdio calls: the caller holds the FILE's lock (flockfile, as report.c does around
 * each document) or is the only thread using it.
 */
#ifndef OG_JSONW_H
#define OG_JSONW_H

#include <stdint.h>
#include <stdio.h>

void og_json_str(FILE *out, const char *s);            /* "…" or null for NULL */
void og_json_strn(FILE *out, const char *s, size_t n); /* n bytes, NUL written as \u0000 */
void og_json_key(FILE *out, const char *key);          /* "key": */
void og_json_uint(FILE *out, uint64_t v);
/* Object members: a comma first unless `first`, then "key":value. */
void og_json_member_str(FILE *out, int first, const char *key, const char *v);
void og_json_member_uint(FILE *out, int first, const char *key, uint64_t v);
void og_json_member_bool(FILE *out, int first, const char *key, int v);

/* A value read by jsonr.h, written back compactly: members in order, numbers as written,
 * strings escaped as above (so odfgate's own output is reproduced byte for byte). */
struct og_json;
void og_json_value(FILE *out, const struct og_json *v);

#endif
