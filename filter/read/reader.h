/*
 * reader.h — the single streaming pass that turns a package into the model.
 *
 *   zip:  content.xml (automatic styles + body) → styles.xml only if a paragraph style
 *         must be resolved through common styles → meta.xml
 *   flat: one pass over the whole document (meta, styles and body in one stream)
 *
 * No DOM of content.xml is built.  What counts as body text and as a heading is written
 * down in docs/reading.md; keep the two in step.
 */
#ifndef OG_READER_H
#define OG_READER_H

#include "read/model.h"
#include "read/package.h"

/* Fill doc (already initialised, arena ready) from pkg.  Returns 0, or -1 with err filled. */
int og_read_document(og_package *pkg, const odfgate_limits *lim, odfgate_doc *doc,
                     odfgate_error *err);

#endif
