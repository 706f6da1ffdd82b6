/*
 * canonical.h — the canonical text of a document, over which sign-off digests are computed
 * (defined precisely in docs/signoff.md; keep the two in step).
 *
 *   line 1:        "odfgate-canonical/<version>" (1 or 2)
 *   per heading:   "H<level> <text>"
 *   per paragraph: "P <text>"          (empty paragraphs are left out)
 *   per note/text-box paragraph, after the paragraph it is anchored in: "N <text>"
 *   each line ends with "\n"; text is the model's (white space collapsed, trimmed, UTF-8 as
 *   stored, no Unicode normalisation).
 */
#ifndef OG_CANONICAL_H
#define OG_CANONICAL_H

#include "base/buf.h"
#include "read/model.h"

/* The canonical text versions: 1 has every field's cached value; 2 (what new sign-offs use)
 * has the fields that LibreOffice recomputes on load or print as their definitions
 * (fields.h), so that opening a document on another day or as another user changes nothing.
 * Records made with version 1 are still verified against version 1. */
#define OG_CANONICAL_LATEST 2

/* "odfgate-canonical/<version>\n", the first line. */
const char *og_canonical_header(int version);
/* Append the canonical lines (of `version`) of body paragraphs [from, to) and the aux text
 * anchored in them to out.  Returns OG_BUF_* code. */
int og_canonical_range(const odfgate_doc *doc, uint32_t from, uint32_t to, int version,
                       og_buf *out);

#endif
