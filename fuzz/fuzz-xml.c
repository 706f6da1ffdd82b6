/* fuzz-xml.c — one XML part through the reader: the bytes are the body of a flat document
 * (office:text children), so the fuzzer spends its time on the reader's element handling. */
#include "fuzz.h"

#include "odfgate.h"

#include <stdlib.h>
#include <string.h>

static const char head[] =
    "<office:document xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
    "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" "
    "xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" "
    "xmlns:draw=\"urn:oasis:names:tc:opendocument:xmlns:drawing:1.0\" "
    "xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\" "
    "xmlns:meta=\"urn:oasis:names:tc:opendocument:xmlns:meta:1.0\" "
    "xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><office:body><office:text>";
static const char tail[] = "</office:text></office:body></office:document>";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    size_t n = sizeof(head) - 1 + size + sizeof(tail) - 1;
    char *buf = malloc(n);
    odfgate_doc *doc = NULL;
    odfgate_error err;
    char *canon = NULL;
    size_t len;
    if (!buf)
        return 0;
    memcpy(buf, head, sizeof(head) - 1);
    memcpy(buf + sizeof(head) - 1, data, size);
    memcpy(buf + sizeof(head) - 1 + size, tail, sizeof(tail) - 1);
    if (odfgate_doc_open_memory(buf, n, "fuzz.fodt", NULL, &doc, &err) <= ODFGATE_WARN) {
        /* invariants: headings lie within the paragraphs; the canonical text exists */
        for (size_t i = 0; i < odfgate_doc_heading_count(doc); i++)
            if (odfgate_doc_heading(doc, i)->paragraph > odfgate_doc_paragraph_count(doc))
                abort();
        if (odfgate_doc_canonical_text(doc, &canon, &len, &err) != ODFGATE_OK)
            abort();
        free(canon);
        odfgate_doc_free(doc);
    }
    free(buf);
    return 0;
}
