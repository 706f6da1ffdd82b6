/* jsonw.c — JSON string escaping, see jsonw.h. */
#include "jsonw.h"

#include "internal.h"
#include "jsonr.h"
#include "text.h"

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
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            if (c == '"' || c == '\\') {
                putc('\\', out);
                putc(c, out);
            } else if (c < 0x20 || c == 0x7f)
                fprintf(out, "\\u%04x", c);
            else
                putc(c, out);
            i++;
            continue;
        }
        uint32_t cp;
        size_t k = og_utf8_decode(s + i, n - i, &cp);
        if (cp == 0xFFFD && k == 1)
            fputs("\\ufffd", out);
        else
            fwrite(s + i, 1, k, out);
        i += k;
    }
    putc('"', out);
}

void og_json_key(FILE *out, const char *key)
{
    og_json_str(out, key);
    putc(':', out);
}

void og_json_uint(FILE *out, uint64_t v) { fprintf(out, "%llu", (unsigned long long)v); }

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
