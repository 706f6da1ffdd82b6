/*
 * ruletable.h — rule ids as an enum generated with the rule table (schema/ruletable.def), so that a
 * rule the table does not have is a compile error rather than a finding with no severity.
 * Schemas and .odfgate.ini name rules by their public id; both are checked against the table
 * when they are loaded.
 */
#ifndef OG_SCHEMA_RULES_H
#define OG_SCHEMA_RULES_H

#include "base/internal.h"

typedef enum og_rule {
    OG_RULE_NONE = 0, /* no rule (e.g. a link found fine): what zeroed memory holds */
#define OG_RULE_DEF(name, id, severity, family, description) OG_RULE_##name,
#include "schema/ruletable.def"
#undef OG_RULE_DEF
    OG_RULE_END
} og_rule;

/* Rule r's entry of the public table (odfgate_rule_at(og_rule_index(r))). */
#define og_rule_index(r) ((size_t)(r)-1)

/* The public id of rule r ("section-missing"); r must be a rule of the table. */
const char *og_rule_id(og_rule r);
/* The rule with this public id, or OG_RULE_NONE. */
og_rule og_rule_find(const char *id);

#endif
