/* check.c — run the rule families over one document (odfgate_check); the findings they
 * record are result.c's. */
#include "check/result.h"
#include "check/rules/rules.h"

/* The families in the order they run: sections matches headings to schema sections, which
 * the families after it use.  Links are checked separately (odfgate_check_links). */
static int (*const families[])(og_check *) = {
    og_rules_package, og_rules_metadata,   og_rules_sections, og_rules_phrases, og_rules_signoff,
    og_rules_clauses, og_rules_signatures, og_rules_hygiene,  og_rules_a11y,
};

odfgate_status odfgate_check(const odfgate_doc *doc, const odfgate_schema *schema,
                             odfgate_result **out, odfgate_error *err)
{
    return odfgate_check_config(doc, schema, NULL, out, err);
}

odfgate_status odfgate_check_config(const odfgate_doc *doc, const odfgate_schema *schema,
                                    const odfgate_config *cfg, odfgate_result **out,
                                    odfgate_error *err)
{
    OG_ERR_LOCAL(err);
    odfgate_result *res;
    og_check c;
    size_t nh, np, ns;
    int rc;

    if (!doc || !schema || !out)
        return og_fail(err, ODFGATE_E_USAGE, NULL, NULL, "odfgate_check: missing argument");
    *out = NULL;
    res = calloc(1, sizeof(*res));
    if (!res)
        return og_fail(err, ODFGATE_E_NOMEM, doc->path, NULL, "out of memory");
    og_arena_init(&res->arena);
    nh = doc->heading_count;
    np = doc->para_count;
    ns = schema->section_count;
    memset(&c, 0, sizeof(c));
    c.doc = doc;
    c.schema = schema;
    c.cfg = cfg;
    c.res = res;
    res->schema = schema;
    c.heading_match = og_arena_alloc(&res->arena, (nh + 1) * sizeof(size_t));
    c.section_heading = og_arena_alloc(&res->arena, (ns + 1) * sizeof(size_t));
    c.para_heading = og_arena_alloc(&res->arena, (np + 1) * sizeof(size_t));
    c.para_section = og_arena_alloc(&res->arena, (np + 1) * sizeof(size_t));
    c.folded = og_arena_zalloc(&res->arena, (np + 1) * sizeof(char *));
    c.folded_len = og_arena_zalloc(&res->arena, (np + 1) * sizeof(size_t));
    c.grams = og_arena_alloc(&res->arena, (np + 1) * sizeof(og_trigrams));
    c.have_grams = og_arena_zalloc(&res->arena, np + 1);
    c.placeholder = og_arena_zalloc(&res->arena, np + 1);
    res->heading_section = og_arena_zalloc(&res->arena, (nh + 1) * sizeof(char *));
    res->heading_count = nh;
    rc = (c.heading_match && c.section_heading && c.para_heading && c.para_section && c.folded &&
          c.folded_len && c.grams && c.have_grams && c.placeholder && res->heading_section)
             ? 0
             : -1;
    for (size_t f = 0; rc == 0 && f < OG_ARRAY_LEN(families); f++)
        rc = families[f](&c);
    if (rc == 0 && !c.nomem)
        rc = og_result_order(res);
    if (rc < 0 || c.nomem) {
        odfgate_result_free(res);
        return og_fail(err, ODFGATE_E_NOMEM, doc->path, NULL, "out of memory");
    }
    for (size_t i = 0; i < nh; i++)
        res->heading_section[i] =
            c.heading_match[i] != OG_NONE ? schema->sections[c.heading_match[i]].id : NULL;
    res->fail_on = -1;
    *out = res;
    return ODFGATE_OK;
}
