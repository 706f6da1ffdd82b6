/* fuzz-diff.c — odfgate diff over two small documents made from the bytes: lines up to a
 * "---" line are OLD, the rest NEW; a line of '#'s is a heading of that level, any other line
 * a paragraph (XML-escaped into flat documents); "{name}" in a line is a user field named
 * name, where '|' is a newline (a field's definition can hold one: the canonical text's units
 * then do too).  Invariants: the comparison says "changed"
 * exactly when the canonical texts differ, and every output format writes without error. */
#include "fuzz.h"

#include "odfgate.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char head[] =
    "<office:document xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
    "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"><office:body><office:text>";
static const char tail[] = "</office:text></office:body></office:document>";

/* A flat document from lines [s, e). */
static char *flat(const uint8_t *s, const uint8_t *e, size_t *len)
{
    char *buf =
        malloc(sizeof(head) + (size_t)(e - s) * 6 + 64 * (size_t)(e - s + 1) + sizeof(tail));
    char *p = buf;
    if (!buf)
        return NULL;
    p += sprintf(p, "%s", head);
    while (s < e) {
        const uint8_t *nl = memchr(s, '\n', (size_t)(e - s));
        const uint8_t *end = nl ? nl : e;
        int level = 0;
        while (s + level < end && s[level] == '#' && level < 9)
            level++;
        p += level ? sprintf(p, "<text:h text:outline-level=\"%d\">", level)
                   : sprintf(p, "<text:p>");
        for (const uint8_t *c = s + level; c < end; c++) {
            const uint8_t *close = *c == '{' ? memchr(c, '}', (size_t)(end - c)) : NULL;
            if (close) { /* a field */
                p += sprintf(p, "<text:user-defined text:name=\"");
                for (c++; c < close; c++)
                    p += *c == '|'    ? sprintf(p, "&#10;")
                         : *c == '"'  ? sprintf(p, "&quot;")
                         : *c == '<'  ? sprintf(p, "&lt;")
                         : *c == '&'  ? sprintf(p, "&amp;")
                         : *c >= 0x20 ? (*p = (char)*c, 1)
                                      : 0;
                p += sprintf(p, "\">v</text:user-defined>");
                continue;
            }
            if (*c == '<')
                p += sprintf(p, "&lt;");
            else if (*c == '&')
                p += sprintf(p, "&amp;");
            else if (*c >= 0x20 || *c == '\t')
                *p++ = (char)*c;
        }
        p += sprintf(p, level ? "</text:h>" : "</text:p>");
        s = nl ? nl + 1 : e;
    }
    p += sprintf(p, "%s", tail);
    *len = (size_t)(p - buf);
    return buf;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static odfgate_schema *schema;
    odfgate_error err;
    odfgate_doc *a = NULL, *b = NULL;
    odfgate_diff *d = NULL;
    const uint8_t *sep = NULL, *end = data + size;
    size_t la, lb;
    if (!schema && odfgate_schema_load_builtin(&schema, &err) != ODFGATE_OK)
        abort();
    for (const uint8_t *s = data; s + 4 <= end; s++)
        if (memcmp(s, "---\n", 4) == 0 && (s == data || s[-1] == '\n')) {
            sep = s;
            break;
        }
    char *xa = flat(data, sep ? sep : end, &la), *xb = flat(sep ? sep + 4 : end, end, &lb);
    if (xa && xb && odfgate_doc_open_memory(xa, la, "old.fodt", NULL, &a, &err) <= ODFGATE_WARN &&
        odfgate_doc_open_memory(xb, lb, "new.fodt", NULL, &b, &err) <= ODFGATE_WARN) {
        char *ta = NULL, *tb = NULL;
        size_t na = 0, nb = 0;
        if (odfgate_diff_new(a, b, schema, &d, &err) != ODFGATE_OK ||
            odfgate_doc_canonical_text(a, &ta, &na, &err) != ODFGATE_OK ||
            odfgate_doc_canonical_text(b, &tb, &nb, &err) != ODFGATE_OK)
            abort();
        if (odfgate_diff_changed(d) != (na != nb || memcmp(ta, tb, na) != 0))
            abort(); /* "changed" is exactly "the canonical texts differ" */
        FILE *out = fopen("/dev/null", "w");
        for (int f = ODFGATE_DIFF_TEXT; out && f <= ODFGATE_DIFF_JSON; f++)
            if (odfgate_diff_write(d, (odfgate_diff_format)f, NULL, out, &err) != ODFGATE_OK)
                abort();
        if (out)
            fclose(out);
        free(ta);
        free(tb);
    }
    odfgate_diff_free(d);
    odfgate_doc_free(a);
    odfgate_doc_free(b);
    free(xa);
    free(xb);
    return 0;
}
