/* fuzz-json.c — the strict JSON reader and `odfgate merge` on arbitrary bytes.
 * Invariants: a value that parses is written back (og_json_value) as text that parses to an
 * equal value and is written back identically; the bytes split in two at the middle newline
 * are merged as two reports, and a merged JSONL or SARIF report merged alone is itself. */
#include "fuzz.h"

#include "base/arena.h"
#include "odfgate.h"
#include "report/jsonr.h"
#include "report/jsonw.h"

#include <stdlib.h>
#include <string.h>

static char *write_value(const og_json *v, size_t *len)
{
    char *mem = NULL;
    FILE *f = open_memstream(&mem, len);
    if (!f)
        abort();
    og_json_value(f, v);
    fclose(f);
    return mem;
}

static void roundtrip(const uint8_t *data, size_t size)
{
    og_arena a;
    og_json *v = NULL, *w = NULL;
    odfgate_error err;
    og_arena_init(&a);
    if (og_json_parse((const char *)data, size, 64, "fuzz.json", 1, &a, &v, &err) == ODFGATE_OK) {
        size_t n1, n2;
        char *t1 = write_value(v, &n1), *t2;
        if (og_json_parse(t1, n1, 64, "written.json", 1, &a, &w, &err) != ODFGATE_OK ||
            !og_json_equal(v, w))
            abort();
        t2 = write_value(w, &n2);
        if (n1 != n2 || memcmp(t1, t2, n1) != 0)
            abort();
        free(t1);
        free(t2);
    }
    og_arena_free(&a);
}

static void merge(const uint8_t *data, size_t size)
{
    const char *mid = size ? memchr(data + size / 2, '\n', size - size / 2) : NULL;
    size_t cut = mid ? (size_t)(mid - (const char *)data) + 1 : size;
    odfgate_merge_input in[2] = {{"a", data, cut}, {"b", data + cut, size - cut}};
    odfgate_merge_summary sum, again;
    odfgate_error err;
    char *out = NULL, *out2 = NULL;
    size_t len = 0, len2 = 0;
    if (odfgate_merge_reports(in, 2, ODFGATE_MERGE_AUTO, NULL, &out, &len, &sum, &err) !=
        ODFGATE_OK)
        return;
    if (sum.format != ODFGATE_MERGE_JUNIT) {
        odfgate_merge_input one = {"merged", out, len};
        if (odfgate_merge_reports(&one, 1, sum.format, NULL, &out2, &len2, &again, &err) !=
                ODFGATE_OK ||
            len2 != len || memcmp(out, out2, len) != 0 || again.items != sum.items ||
            again.failed != sum.failed)
            abort();
    }
    free(out);
    free(out2);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    roundtrip(data, size);
    merge(data, size);
    return 0;
}
