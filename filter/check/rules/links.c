/*
 * links.c — link-broken, link-unreachable: findings for the verdicts of a link check
 * (fetch/links.c), appended to a document's result with the schema's severities, each at the
 * link's paragraph and in the section of the heading above it; then the result is put back in
 * its documented order.
 */
#include "check/rules/rules.h"

/* Innermost heading at or before paragraph ordinal p (1-based), or OG_NONE. */
static size_t heading_above(const odfgate_doc *doc, uint32_t p)
{
    for (uint32_t i = p < doc->para_count ? p : doc->para_count; i > 0; i--)
        if (doc->paras[i - 1].heading >= 0)
            return (size_t)doc->paras[i - 1].heading;
    return OG_NONE;
}

int og_rules_links(const odfgate_doc *doc, odfgate_result *res, const og_link_verdict *v, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        odfgate_severity sev;
        char msg[1024];
        size_t h;
        if (!v[i].rule || (sev = og_schema_severity(res->schema, v[i].rule)) == ODFGATE_SEV_OFF)
            continue;
        snprintf(msg, sizeof(msg), "%s %s: %s",
                 v[i].rule == OG_RULE_LINK_BROKEN ? "broken link" : "link not reachable", v[i].url,
                 v[i].reason);
        h = heading_above(doc, v[i].paragraph);
        if (og_result_add(res, v[i].rule, sev,
                          h != OG_NONE && h < res->heading_count ? res->heading_section[h] : NULL,
                          h != OG_NONE ? doc->headings[h].text : NULL, v[i].paragraph, msg) < 0)
            return -1;
    }
    return og_result_order(res);
}
