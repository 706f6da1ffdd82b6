/* fuzz-schema.c — schema loading from memory (grammar, interpretation, consistency checks). */
#include "fuzz.h"

#include "odfgate.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    odfgate_schema *s = NULL;
    odfgate_error err;
    if (odfgate_schema_load_memory(data, size, NULL, &s, &err) == ODFGATE_OK)
        odfgate_schema_free(s);
    return 0;
}
