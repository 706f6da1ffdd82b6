/*
 * headings.h — matching document headings to schema sections: one definition for the
 * section rules, sign-off section digests and diff.
 */
#ifndef OG_SCHEMA_HEADINGS_H
#define OG_SCHEMA_HEADINGS_H

#include "read/model.h"
#include "schema/schema.h"

/* The section whose key (og_heading_key form) is `key`, or OG_NONE. */
size_t og_section_for_key(const odfgate_schema *s, const char *key);
/* Match every document heading to a schema section (OG_NONE if none) and each section to its
 * first visible heading (OG_NONE if absent).  -1 on out-of-memory. */
int og_match_headings(const odfgate_doc *doc, const odfgate_schema *schema, size_t *heading_match,
                      size_t *section_heading);

#endif
