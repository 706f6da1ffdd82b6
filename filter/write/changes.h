/*
 * changes.h — resolve every tracked change of a document's text as LibreOffice 7.4's
 * Edit ▸ Track Changes ▸ Accept All / Reject All does (docs/hygiene.md, "Tracked changes").
 * Used by scrub.c; owns nothing beyond the call.
 */
#ifndef OG_CHANGES_H
#define OG_CHANGES_H

#include "base/buf.h"
#include "base/internal.h"

typedef struct og_changes_outcome {
    size_t resolved;   /* changed regions resolved */
    char refused[256]; /* set (and nothing resolved) when a change has a shape odfgate cannot
                          resolve exactly as LibreOffice does: which change, and why */
} og_changes_outcome;

/* Resolve every change (mode ODFGATE_CHANGES_ACCEPT or ODFGATE_CHANGES_REJECT) of the XML part
 * xml[0..len) (content.xml, or a flat document) into out (the part serialized again).  Returns 0
 * (out filled, or o->refused set and out empty when a change cannot be resolved exactly), or -1
 * with err filled (not XML, out of memory). */
int og_changes_resolve(const char *xml, size_t len, const char *path, const char *part, int mode,
                       og_buf *out, og_changes_outcome *o, odfgate_error *err);

#endif
