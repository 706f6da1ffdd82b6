/* schema.c — a loaded schema: its accessors and its release (schema/schema.h); loading is
 * load.c, the grammar grammar.c. */
#include "schema/schema.h"

#include <openssl/x509_vfy.h>

#include "text/regex.h"

extern const char og_embedded_rng[];
extern const size_t og_embedded_rng_len;
extern const char og_embedded_default_schema[];
extern const size_t og_embedded_default_schema_len;

void odfgate_schema_free(odfgate_schema *s)
{
    if (!s)
        return;
    for (size_t i = 0; i < s->section_count; i++) {
        for (size_t k = 0; k < s->sections[i].required_count; k++)
            og_phrase_release(&s->sections[i].required_phrases[k]);
        for (size_t k = 0; k < s->sections[i].forbidden_count; k++)
            og_phrase_release(&s->sections[i].forbidden_phrases[k]);
    }
    for (size_t k = 0; k < s->doc_required_count; k++)
        og_phrase_release(&s->doc_required[k]);
    for (size_t k = 0; k < s->doc_forbidden_count; k++)
        og_phrase_release(&s->doc_forbidden[k]);
    for (size_t k = 0; k < s->placeholder_count; k++)
        og_phrase_release(&s->placeholders[k]);
    for (size_t k = 0; k < s->meta_count; k++)
        og_regex_free(s->meta[k].pattern);
    X509_STORE_free(s->trust); /* trust anchors (schema/trust.c) */
    og_arena_free(&s->arena);
    free(s);
}

size_t og_schema_section_index(const odfgate_schema *s, const char *id)
{
    for (size_t i = 0; i < s->section_count; i++)
        if (strcmp(s->sections[i].id, id) == 0)
            return i;
    return OG_NONE;
}

odfgate_severity og_schema_severity(const odfgate_schema *s, og_rule rule)
{
    for (size_t i = s->severity_count; i-- > 0;) /* the last entry for a rule wins */
        if (s->severities[i].rule == rule)
            return s->severities[i].severity;
    return odfgate_rule_at(og_rule_index(rule))->severity;
}

const char *odfgate_schema_builtin_xml(size_t *len)
{
    if (len)
        *len = og_embedded_default_schema_len;
    return og_embedded_default_schema;
}

const char *odfgate_schema_grammar_rng(size_t *len)
{
    if (len)
        *len = og_embedded_rng_len;
    return og_embedded_rng;
}

const char *odfgate_schema_id(const odfgate_schema *s) { return s->id; }
const char *odfgate_schema_source(const odfgate_schema *s) { return s->source; }
size_t odfgate_schema_section_count(const odfgate_schema *s) { return s->section_count; }

const char *odfgate_schema_section_id(const odfgate_schema *s, size_t i)
{
    return i < s->section_count ? s->sections[i].id : NULL;
}

const char *odfgate_schema_section_heading(const odfgate_schema *s, size_t i)
{
    return i < s->section_count ? s->sections[i].heading : NULL;
}

int odfgate_schema_section_level(const odfgate_schema *s, size_t i)
{
    return i < s->section_count ? s->sections[i].level : 0;
}

size_t odfgate_schema_signatory_count(const odfgate_schema *s) { return s->signatory_count; }

const char *odfgate_schema_signatory_id(const odfgate_schema *s, size_t i)
{
    return i < s->signatory_count ? s->signatories[i].id : NULL;
}

size_t odfgate_schema_quorum(const odfgate_schema *s) { return s->quorum; }

const char *odfgate_schema_signatory_name(const odfgate_schema *s, size_t i)
{
    return i < s->signatory_count ? s->signatories[i].name : NULL;
}
