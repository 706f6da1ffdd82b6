/* ruletable.c — the rule table (schema/ruletable.def) and its public accessors. */
#include "schema/ruletable.h"

static const odfgate_rule_info rules[] = {
#define OG_RULE_DEF(name, id, severity, family, description) {id, severity, family, description},
#include "schema/ruletable.def"
#undef OG_RULE_DEF
};

const char *og_rule_id(og_rule r) { return rules[og_rule_index(r)].id; }

og_rule og_rule_find(const char *id)
{
    if (!id)
        return OG_RULE_NONE;
    for (size_t i = 0; i < OG_ARRAY_LEN(rules); i++)
        if (strcmp(rules[i].id, id) == 0)
            return (og_rule)(i + 1);
    return OG_RULE_NONE;
}

size_t odfgate_rule_count(void) { return OG_ARRAY_LEN(rules); }

const odfgate_rule_info *odfgate_rule_at(size_t i)
{
    return i < OG_ARRAY_LEN(rules) ? &rules[i] : NULL;
}

const odfgate_rule_info *odfgate_rule_find(const char *id)
{
    og_rule r = og_rule_find(id);
    return r == OG_RULE_NONE ? NULL : &rules[og_rule_index(r)];
}

static const char *const severity_names[] = {"off", "info", "warning", "error"};

const char *odfgate_severity_name(odfgate_severity sev)
{
    return (unsigned)sev < OG_ARRAY_LEN(severity_names) ? severity_names[sev] : "unknown";
}

int odfgate_severity_parse(const char *name)
{
    if (!name)
        return -1;
    for (size_t i = 0; i < OG_ARRAY_LEN(severity_names); i++)
        if (strcmp(severity_names[i], name) == 0)
            return (int)i;
    return -1;
}
