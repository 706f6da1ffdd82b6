/* jsonw.c — JSON string escaping, see jsonw.h. */
#include "jsonw.h"

#include "internal.h"
#include "jsonr.h"
#include "text.h"

/* Length of the run at s[0..n) that is written as it is: printable ASCII other than '"' and
 * '\\', and valid UTF-8 sequences. */
static size_t plain_run(const char *s, size_t n)
{
    size_t i = 0;
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

void og_json_str(FILE *out, const char *s)
{
    if (!s)
        fputs("null", out);
    else
        og_json_strn(out, s, strlen(s));
}

void og_json_strn(FILE *out, const char *s, size_t n)
{
    putc('"', out);
    for (size_t i = 0; i < n;) {
        size_t run = plain_run(s + i, n - i); /* written in one call, not byte by byte */
        unsigned char c;
        if (run) {
            fwrite(s + i, 1, run, out);
            i += run;
            continue;
        }
        c = (unsigned char)s[i++];
        if (c == '"' || c == '\\') {
            putc('\\', out);
            putc(c, out);
        } else if (c < 0x80)
            fprintf(out, "\\u%04x", c);
        else
            fputs("\\ufffd", out); /* an invalid byte */
    }
    putc('"', out);
}

void og_json_key(FILE *out, const char *key)
{
    og_json_str(out, key);
    putc(':', out);
}

void og_json_uint(FILE *out, uint64_t v)
{
    char digits[20]; /* 2^64 - 1 has 20; written by hand: fprintf costs ~10 times more */
    size_t i = sizeof(digits);
    do
        digits[--i] = (char)('0' + v % 10);
    while ((v /= 10) != 0);
    fwrite(digits + i, 1, sizeof(digits) - i, out);
}

static void member(FILE *out, int first, const char *key)
{
    if (!first)
        putc(',', out);
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
    fputs(v ? "true" : "false", out);
}

void og_json_value(FILE *out, const og_json *v)
{
    const og_json *m;
    switch (v->type) {
    case OG_JSON_NULL: fputs("null", out); return;
    case OG_JSON_FALSE: fputs("false", out); return;
    case OG_JSON_TRUE: fputs("true", out); return;
    case OG_JSON_NUMBER: fwrite(v->s, 1, v->len, out); return;
    case OG_JSON_STRING: og_json_strn(out, v->s, v->len); return;
    case OG_JSON_ARRAY:
    case OG_JSON_OBJECT:
        putc(v->type == OG_JSON_ARRAY ? '[' : '{', out);
        for (m = v->child; m; m = m->next) {
            if (m != v->child)
                putc(',', out);
            if (v->type == OG_JSON_OBJECT) {
                og_json_strn(out, m->key, m->key_len);
                putc(':', out);
            }
            og_json_value(out, m);
        }
        putc(v->type == OG_JSON_ARRAY ? ']' : '}', out);
    }
}
