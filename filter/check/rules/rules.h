/*
 * rules.h — the rule families.  Each reads the model and the schema through og_check and
 * records findings with og_finding.  Their rule ids, severities and descriptions live in
 * schema/ruletable.def, the one table.
 */
#ifndef OG_RULES_H
#define OG_RULES_H

#include "check/result.h"

/* sections.c: matches headings to sections (fills heading_match, section_heading,
 * para_heading, para_section), then section-* rules.  Returns -1 on out-of-memory. */
int og_rules_sections(og_check *c);
/* sections.c: how a message names section s: by its heading as the document writes it ("3.
 * Working together", at most 80 characters) when present, else by the schema's heading.
 * Returns out or the schema's string. */
const char *og_section_shown(og_check *c, size_t s, char *out, size_t cap);
/* phrases.c: phrase-required, phrase-forbidden, placeholder. */
int og_rules_phrases(og_check *c);
/* phrases.c: 1 if a paragraph of present section s holds a placeholder, 0 if not, -1 on
 * out-of-memory.  Such a section's length is not judged: the placeholder is the finding. */
int og_section_has_placeholder(og_check *c, size_t s);
/* metadata.c: metadata-missing, metadata-invalid. */
int og_rules_metadata(og_check *c);
/* packaging.c: package-nonconformant (notes recorded while opening). */
int og_rules_package(og_check *c);
/* signoff.c: signoff-* rules (only when the schema names signatories). */
int og_rules_signoff(og_check *c);
/* signatures.c: signature-invalid, signature-partial, signature-untrusted. */
int og_rules_signatures(og_check *c);
/* hygiene.c: hidden-comments, hidden-changes, hidden-text, personal-info, macros,
 * embedded-objects, linked-resources, stale-index (docs/hygiene.md). */
int og_rules_hygiene(og_check *c);
/* hygiene.c: why a hyperlink must not circulate ("a local file", "a network share", "a
 * private address", "an intranet host name"), or NULL (scrub unlinks the same ones). */
const char *og_link_concern(const char *href);
/* hygiene.c: what personal-info reports, for scrub to remove the same: an editing time other
 * than zero (PT0S, P0D …), more than one editing cycle, a custom property (not a sign-off
 * record) whose value is the creator's, initial creator's or printer's name. */
int og_editing_time_recorded(const char *duration);
int og_editing_cycles_recorded(const char *cycles);
int og_property_names_person(const odfgate_doc *d, const char *name, const char *value);
/* a11y.c: the a11y-* rules (docs/accessibility.md); nothing when the schema leaves the
 * family off.  og_contrast_ratio: WCAG 2.2's contrast ratio of two colours 0xRRGGBB. */
int og_rules_a11y(og_check *c);
double og_contrast_ratio(int32_t fg, int32_t bg);
/* clauses.c: clause-missing, clause-modified (standard clauses of the schema). */
int og_rules_clauses(og_check *c);
/* links.c: append link-broken / link-unreachable findings for a checked document's links
 * (fetch/links.c decides the verdicts) and restore the result's order.  -1 out of memory. */
typedef struct og_link_verdict {
    const char *url; /* as in the document */
    uint32_t paragraph;
    og_rule rule;       /* OG_RULE_LINK_BROKEN, OG_RULE_LINK_UNREACHABLE, OG_RULE_NONE */
    const char *reason; /* e.g. "HTTP 404" */
} og_link_verdict;
int og_rules_links(const odfgate_doc *doc, odfgate_result *res, const og_link_verdict *v, size_t n);

#endif
