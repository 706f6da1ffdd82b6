/* fuzz-package.c — package open and read: bytes as an .odt/.ott/.fodt from memory, then the
 * whole model and a check against the built-in schema. */
#include "fuzz.h"

#include "odfgate.h"

#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static odfgate_schema *schema;
    odfgate_doc *doc = NULL;
    odfgate_result *res = NULL;
    odfgate_error err;
    if (!schema && odfgate_schema_load_builtin(&schema, &err) != ODFGATE_OK)
        abort();
    if (odfgate_doc_open_memory(data, size, "fuzz.odt", NULL, &doc, &err) <= ODFGATE_WARN) {
        if (odfgate_check(doc, schema, &res, &err) != ODFGATE_OK)
            abort(); /* only out-of-memory may fail a check */
        odfgate_result_free(res);
        odfgate_doc_free(doc);
    }
    return 0;
}
