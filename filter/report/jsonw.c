/* jsonw.c — JSON string escaping, see jsonw.h. */
#include "report/jsonw.h"

#include "base/internal.h"
#include "report/jsonr.h"
#include "text/text.h"

/* The writers are called many times per document: they use the stdio calls that do not take
 * the FILE's lock each time (jsonw.h: the caller holds it, or owns the FILE). */
#define PUTC(c, out)     putc_unlocked((c), (out))
#define PUTS(str, out)   fputs_unlocked((str), (out))
#define WRITE(p, n, out) fwrite_unlocked((p), 1, (n), (out))

/* Length of the run at s[0..n) that is written as it is: printable ASCII other than '"' and
 * '\\', and valid UTF-8 sequences. */
#define ONES  0x0101010101010101ull
#define HIGHS 0x8080808080808080ull

/* Non-zero if a byte of x is below 0x20, '"', '\\', 0x7f or from 0x80 on (may also flag
 * bytes after such a byte, never a word without one). */
static uint64_t special_bytes(uint64_t x)
{
    uint64_t quote = x ^ ('"' * ONES), bslash = x ^ ('\\' * ONES), del = x ^ (0x7f * ONES);
    return (((x - 0x20 * ONES) | (quote - ONES) | (bslash - ONES) | (del - ONES)) & ~x & HIGHS) |
           (x & HIGHS);
}

static size_t plain_run(const char *s, size_t n)
{
    size_t i = 0;
    for (uint64_t x; n - i >= 8; i += 8) { /* eight plain ASCII bytes at a time */
        memcpy(&x, s + i, 8);
        if (special_bytes(x))
            break;
    }
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        uint32_t cp;
        size_t k;
        if (c < 0x80) {
            if (c < 0x20 || c == 0x7f || c == '"' || c == '\\')
                break;
            i++;
            continue;
        }
        k = og_utf8_decode(s + i, n - i, &cp);
        if (cp == 0xFFFD && k == 1)
            break; /* invalid: escaped as U+FFFD */
        i += k;
    }
    return i;
}

void odfgate_json_string(FILE *out, const char *s) { og_json_str(out, s); }

void og_json_str(FILE *out, const char *s)
{
    if (!s)
        PUTS("null", out);
    else
        og_json_strn(out, s, strlen(s));
}

void og_json_strn(FILE *out, const char *s, size_t n)
{
    PUTC('"', out);
    for (size_t i = 0; i < n;) {
        size_t run = plain_run(s + i, n - i); /* written in one call, not byte by byte */
        unsigned char c;
        if (run) {
            WRITE(s + i, run, out);
            i += run;
            continue;
        }
        c = (unsigned char)s[i++];
        if (c == '"' || c == '\\') {
            PUTC('\\', out);
            PUTC(c, out);
        } else if (c < 0x80)
            fprintf(out, "\\u%04x", c);
        else
            PUTS("\\ufffd", out); /* an invalid byte */
    }
    PUTC('"', out);
}

void og_json_key(FILE *out, const char *key)
{
    og_json_str(out, key);
    PUTC(':', out);
}

void og_json_uint(FILE *out, uint64_t v)
{
    char digits[20]; /* 2^64 - 1 has 20; written by hand: fprintf costs ~10 times more */
    size_t i = sizeof(digits);
    do
        digits[--i] = (char)('0' + v % 10);
    while ((v /= 10) != 0);
    WRITE(digits + i, sizeof(digits) - i, out);
}

static void member(FILE *out, int first, const char *key)
{
    if (!first)
        PUTC(',', out);
    og_json_key(out, key);
}

void og_json_member_str(FILE *out, int first, const char *key, const char *v)
{
    member(out, first, key);
    og_json_str(out, v);
}

void og_json_member_uint(FILE *out, int first, const char *key, uint64_t v)
{
    member(out, first, key);
    og_json_uint(out, v);
}

void og_json_member_bool(FILE *out, int first, const char *key, int v)
{
    member(out, first, key);
    PUTS(v ? "true" : "false", out);
}

void og_json_value(FILE *out, const og_json *v)
{
    const og_json *m;
    switch (v->type) {
    case OG_JSON_NULL: PUTS("null", out); return;
    case OG_JSON_FALSE: PUTS("false", out); return;
    case OG_JSON_TRUE: PUTS("true", out); return;
    case OG_JSON_NUMBER: WRITE(v->s, v->len, out); return;
    case OG_JSON_STRING: og_json_strn(out, v->s, v->len); return;
    case OG_JSON_ARRAY:
    case OG_JSON_OBJECT:
        PUTC(v->type == OG_JSON_ARRAY ? '[' : '{', out);
        for (m = v->child; m; m = m->next) {
            if (m != v->child)
                PUTC(',', out);
            if (v->type == OG_JSON_OBJECT) {
                og_json_strn(out, m->key, m->key_len);
                PUTC(':', out);
            }
            og_json_value(out, m);
        }
        PUTC(v->type == OG_JSON_ARRAY ? ']' : '}', out);
    }
}
