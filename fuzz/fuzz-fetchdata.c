/*
 * fuzz-fetchdata.c — what comes over HTTP and is parsed without the schema grammar: the first
 * byte chooses
 *   'r'  a signatory registry (og_registry_parse into the built-in schema);
 *   'm'  a cache meta file (og_cache_meta_parse; what parses must format and parse back the same);
 *   'c'  a standard clause and a section text separated by a NUL byte (og_clause_load into the
 *        built-in schema, og_clause_find: a match must lie inside the section).
 * Reaches internal functions: linked with the static library.
 */
#include "fuzz.h"

#include "schema/clause.h"
#include "fetch/cache.h"
#include "schema/registry.h"
#include "text/text.h"

#include <stdlib.h>

static void meta(const char *d, size_t n)
{
    og_cache_meta m, back;
    og_buf out;
    memset(&m, 0, sizeof(m));
    memset(&back, 0, sizeof(back));
    og_buf_init(&out, 1u << 20);
    if (og_cache_meta_parse(d, n, &m) == 0) {
        if (og_cache_meta_format(&m, &out) != OG_BUF_OK ||
            og_cache_meta_parse(out.data, out.len, &back) != 0 || strcmp(back.url, m.url) != 0 ||
            back.size != m.size || back.status != m.status)
            abort();
    }
    og_cache_meta_release(&m);
    og_cache_meta_release(&back);
    og_buf_free(&out);
}

static void clause(odfgate_schema *s, const char *d, size_t n)
{
    const char *nul = memchr(d, '\0', n);
    og_clause c;
    og_buf folded, diff;
    og_word *words = NULL;
    size_t count = 0, at = 0, clen = nul ? (size_t)(nul - d) : n;
    odfgate_error err;
    memset(&c, 0, sizeof(c));
    c.id = "fuzz";
    if (og_clause_load(s, &c, d, clen, "fuzz", &err) < 0)
        return;
    og_buf_init(&folded, 1u << 20);
    og_buf_init(&diff, 4096);
    if (nul && og_text_fold(nul + 1, n - clen - 1, &folded) == OG_BUF_OK &&
        og_words_cut(&s->arena, folded.data ? folded.data : "", folded.len, &words, &count) == 0) {
        int r = og_clause_find(c.words, c.word_count, words, count, &diff, &at);
        if (r == OG_CLAUSE_PRESENT && at + c.word_count > count)
            abort();
        if (r == OG_CLAUSE_MODIFIED && at > count)
            abort();
    }
    og_buf_free(&folded);
    og_buf_free(&diff);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    odfgate_schema *s = NULL;
    odfgate_error err;
    const char *d = (const char *)data + 1;
    if (size < 1)
        return 0;
    if (data[0] == 'm') {
        meta(d, size - 1);
        return 0;
    }
    if (odfgate_schema_load_builtin(&s, &err) != ODFGATE_OK)
        abort();
    if (data[0] == 'r')
        og_registry_parse(s, d, size - 1, "fuzz", &err);
    else if (data[0] == 'c')
        clause(s, d, size - 1);
    odfgate_schema_free(s);
    return 0;
}
