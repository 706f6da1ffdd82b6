/* packaging.c — package-nonconformant: what the package reader tolerated, one finding each. */
#include "check/rules/rules.h"

int og_rules_package(og_check *c)
{
    for (size_t i = 0; i < c->doc->note_count; i++)
        og_finding(c, OG_RULE_PACKAGE_NONCONFORMANT, OG_NONE, OG_NONE, 0, "%s", c->doc->notes[i]);
    return 0;
}
