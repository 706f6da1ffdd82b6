/* fuzz-package.c — package open and read: bytes as an .odt/.ott/.fodt from memory, then the
 * whole model and a check against the built-in schema, and one against a schema that turns the
 * accessibility family on (off by default: its rules would otherwise not run). */
#include "fuzz.h"

#include "odfgate.h"

#include <stdlib.h>
#include <string.h>

static const char a11y_schema[] =
    "<schema xmlns=\"urn:odfgate:schema:1\" id=\"fuzz-a11y\"><sections><section id=\"a\" "
    "heading=\"Purpose\" level=\"1\"/></sections><rules><rule id=\"a11y\" severity=\"info\"/>"
    "</rules></schema>";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static odfgate_schema *schema, *a11y;
    odfgate_doc *doc = NULL;
    odfgate_result *res = NULL;
    odfgate_error err;
    if (!schema && odfgate_schema_load_builtin(&schema, &err) != ODFGATE_OK)
        abort();
    if (!a11y && odfgate_schema_load_memory(a11y_schema, strlen(a11y_schema), "fuzz-a11y.xml",
                                            &a11y, &err) != ODFGATE_OK)
        abort();
    if (odfgate_doc_open_memory(data, size, "fuzz.odt", NULL, &doc, &err) <= ODFGATE_WARN) {
        if (odfgate_check(doc, schema, &res, &err) != ODFGATE_OK)
            abort(); /* only out-of-memory may fail a check */
        odfgate_result_free(res);
        if (odfgate_check(doc, a11y, &res, &err) != ODFGATE_OK)
            abort();
        odfgate_result_free(res);
        odfgate_doc_free(doc);
    }
    return 0;
}
