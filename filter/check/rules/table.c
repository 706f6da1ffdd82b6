/*
 * table.c — the one table of rules: id, default severity, family, description.
 * It drives `odfgate rules`, schema validation of <rules>, the docs and every report.
 * Rule ids are a public contract: never rename one.
 */
#include "base/internal.h"

static const odfgate_rule_info rules[] = {
    {"section-missing", ODFGATE_SEV_ERROR, "sections", "A required section is not in the document."},
    {"section-order", ODFGATE_SEV_ERROR, "sections", "Required sections are not in the schema's order."},
    {"section-empty", ODFGATE_SEV_ERROR, "sections", "A section has a heading but no body text."},
    {"section-too-short", ODFGATE_SEV_ERROR, "sections", "A section has fewer words than the schema's minimum."},
    {"section-too-long", ODFGATE_SEV_WARNING, "sections", "A section has more words than the schema's maximum."},
    {"section-unexpected", ODFGATE_SEV_INFO, "sections", "A heading matches no schema section (an error when the schema is closed)."},
    {"section-duplicate", ODFGATE_SEV_ERROR, "sections", "A schema section appears more than once."},
    {"section-hidden", ODFGATE_SEV_ERROR, "sections", "A required section is present only inside a hidden section."},
    {"heading-empty", ODFGATE_SEV_WARNING, "sections", "A heading has no text (only a picture, or nothing): LibreOffice lists it as an empty heading."},
    {"heading-not-styled", ODFGATE_SEV_WARNING, "sections", "A paragraph reads like a missing section's heading but is not a heading: apply a Heading style."},
    {"phrase-required", ODFGATE_SEV_ERROR, "phrases", "A phrase the schema requires is absent from its section or the document."},
    {"phrase-forbidden", ODFGATE_SEV_ERROR, "phrases", "A phrase the schema forbids appears in its section or the document."},
    {"placeholder", ODFGATE_SEV_ERROR, "phrases", "Placeholder text (TBC, TODO, [insert ...], lorem ipsum ...) is left in the document."},
    {"metadata-missing", ODFGATE_SEV_ERROR, "metadata", "A required metadata field is absent or empty."},
    {"metadata-invalid", ODFGATE_SEV_ERROR, "metadata", "A metadata field does not match the schema's pattern."},
    {"package-nonconformant", ODFGATE_SEV_WARNING, "package", "The package breaks an ODF packaging rule but could be read."},
    {"signoff-missing", ODFGATE_SEV_WARNING, "signoff", "Signatories of the schema have not signed off: one finding names them all (a warning while drafting; make it an error to gate circulation)."},
    {"signoff-stale", ODFGATE_SEV_ERROR, "signoff", "The text changed after a signatory signed off; the changed sections are named."},
    {"signoff-rejected", ODFGATE_SEV_ERROR, "signoff", "A signatory recorded a rejection."},
    {"signoff-unknown", ODFGATE_SEV_WARNING, "signoff", "A sign-off names a signatory the schema does not list."},
    {"signoff-malformed", ODFGATE_SEV_ERROR, "signoff", "A sign-off record cannot be read."},
    {"signoff-quorum", ODFGATE_SEV_WARNING, "signoff", "Fewer valid approvals than the schema requires (k of n)."},
    {"signoff-pending-changes", ODFGATE_SEV_ERROR, "signoff", "A signed document has unresolved tracked changes, so its sign-offs do not bind to one text."},
    {"signoff-future-date", ODFGATE_SEV_WARNING, "signoff", "A sign-off is dated in the future."},
    {"waiver-invalid", ODFGATE_SEV_WARNING, "waivers", "An odfgate-waive comment lacks a reason or names an unknown rule."},
    {"waiver-unused", ODFGATE_SEV_INFO, "waivers", "An odfgate-waive comment waives no finding in its section."},
    /* reference material over HTTP (docs/http.md) */
    {"signoff-unauthorized", ODFGATE_SEV_ERROR, "signoff", "A sign-off is by someone the signatory registry does not authorise for that signatory (or in that role)."},
    {"clause-missing", ODFGATE_SEV_ERROR, "clauses", "A standard clause the schema requires is not in its section."},
    {"clause-modified", ODFGATE_SEV_ERROR, "clauses", "A standard clause is in its section with different wording (a short word-level difference is shown)."},
    {"link-broken", ODFGATE_SEV_ERROR, "links", "A hyperlink answers 404 or 410, or its host does not exist (check --links)."},
    {"link-unreachable", ODFGATE_SEV_WARNING, "links", "A hyperlink could not be confirmed: time-out, server errors after retries, refused address (check --links)."},
};

size_t odfgate_rule_count(void) { return OG_ARRAY_LEN(rules); }

const odfgate_rule_info *odfgate_rule_at(size_t i)
{
    return i < OG_ARRAY_LEN(rules) ? &rules[i] : NULL;
}

const odfgate_rule_info *odfgate_rule_find(const char *id)
{
    if (!id)
        return NULL;
    for (size_t i = 0; i < OG_ARRAY_LEN(rules); i++)
        if (strcmp(rules[i].id, id) == 0)
            return &rules[i];
    return NULL;
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
