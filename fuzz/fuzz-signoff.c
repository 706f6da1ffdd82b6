/* fuzz-signoff.c — the sign-off record parser: the bytes are the value of an
 * odfgate.signoff.dh property (XML-escaped into a flat document), verified against the
 * built-in schema. */
#include "fuzz.h"

#include "odfgate.h"

#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static odfgate_schema *schema;
    static const char head[] =
        "<office:document xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
        "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" "
        "xmlns:meta=\"urn:oasis:names:tc:opendocument:xmlns:meta:1.0\"><office:meta>"
        "<meta:user-defined meta:name=\"odfgate.signoff.dh\">";
    static const char tail[] = "</meta:user-defined></office:meta><office:body><office:text>"
                               "<text:h>Common vision</text:h><text:p>Text.</text:p>"
                               "</office:text></office:body></office:document>";
    odfgate_doc *doc = NULL;
    odfgate_signoffs *so = NULL;
    odfgate_error err;
    char *buf = malloc(sizeof(head) + size * 6 + sizeof(tail)), *p;
    if (!schema && odfgate_schema_load_builtin(&schema, &err) != ODFGATE_OK)
        abort();
    if (!buf)
        return 0;
    p = buf + sizeof(head) - 1;
    memcpy(buf, head, sizeof(head) - 1);
    for (size_t i = 0; i < size; i++) { /* escape what XML would not take as text */
        unsigned char c = data[i];
        if (c == '<') {
            memcpy(p, "&lt;", 4);
            p += 4;
        } else if (c == '&') {
            memcpy(p, "&amp;", 5);
            p += 5;
        } else if (c >= 0x20 || c == '\t')
            *p++ = (char)c;
    }
    memcpy(p, tail, sizeof(tail) - 1);
    p += sizeof(tail) - 1;
    if (odfgate_doc_open_memory(buf, (size_t)(p - buf), "fuzz.fodt", NULL, &doc, &err) <=
        ODFGATE_WARN) {
        if (odfgate_signoffs_read(doc, schema, &so, &err) != ODFGATE_OK)
            abort();
        if (odfgate_signoffs_count(so) != 1)
            abort(); /* the one property is always reported, valid or not */
        odfgate_signoffs_free(so);
        odfgate_doc_free(doc);
    }
    free(buf);
    return 0;
}
