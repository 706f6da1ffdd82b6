/*
 * rules.h — the rule families.  Each reads the model and the schema through og_check and
 * records findings with og_finding.  Their rule ids, severities and descriptions live in
 * rules/table.c, the one table.
 */
#ifndef OG_RULES_H
#define OG_RULES_H

#include "check.h"

/* sections.c: matches headings to sections (fills heading_match, section_heading,
 * para_heading, para_section), then section-* rules.  Returns -1 on out-of-memory. */
int og_rules_sections(og_check *c);
/* phrases.c: phrase-required, phrase-forbidden, placeholder. */
int og_rules_phrases(og_check *c);
/* metadata.c: metadata-missing, metadata-invalid. */
int og_rules_metadata(og_check *c);
/* packaging.c: package-nonconformant (notes recorded while opening). */
int og_rules_package(og_check *c);

#endif
