/* metadata.c — metadata-missing and metadata-invalid, from the schema's <metadata>. */
#include "check/rules/rules.h"

#include "text/regex.h"

#include <ctype.h>

static int blank(const char *v)
{
    for (; v && *v; v++)
        if (!isspace((unsigned char)*v))
            return 0;
    return 1;
}

int og_rules_metadata(og_check *c)
{
    const odfgate_schema *sc = c->schema;
    for (size_t i = 0; i < sc->meta_count; i++) {
        const og_meta_req *m = &sc->meta[i];
        const char *v = odfgate_doc_meta_field(c->doc, m->field);
        if (!v || blank(v)) {
            if (m->required)
                og_finding(c, OG_RULE_METADATA_MISSING, OG_NONE, OG_NONE, 0,
                           "required metadata \"%s\" is %s", m->field, v ? "empty" : "missing");
            continue;
        }
        /* the pattern must match the whole value */
        if (m->pattern && og_regex_full(m->pattern, v, strlen(v)) == 0)
            og_finding(c, OG_RULE_METADATA_INVALID, OG_NONE, OG_NONE, 0,
                       "metadata \"%s\" (\"%.80s\") does not match the pattern %s", m->field, v,
                       m->pattern_text);
    }
    return 0;
}
