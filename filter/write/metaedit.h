/*
 * metaedit.h — set or remove a meta:user-defined property in a meta.xml part or in a flat
 * ODF document, and add a part to a manifest.  The XML is parsed with the safe parser
 * (xml.h), edited as a tree and serialised by libxml2; nothing else in the part changes
 * meaning (attribute order, namespaces and text are kept).
 */
#ifndef OG_METAEDIT_H
#define OG_METAEDIT_H

#include "base/buf.h"
#include "base/internal.h"

/* A minimal meta.xml (no properties). */
extern const char og_empty_meta_xml[];

/* Set `name` to `value` (value NULL: remove it) in xml[0..len).  *found (may be NULL) is set
 * to 1 if the property existed.  out receives the new document.  0, or -1 with err filled. */
int og_meta_set_user(const char *xml, size_t len, const char *path, const char *name,
                     const char *value, og_buf *out, int *found, odfgate_error *err);

/* Add a file-entry (full-path, media-type) to a manifest unless present. */
int og_manifest_add(const char *xml, size_t len, const char *path, const char *full_path,
                    const char *media_type, og_buf *out, odfgate_error *err);

/* Set the media type of the "/" entry (the package's own type) and remove the entry of
 * `drop_path` (may be NULL). */
int og_manifest_retype(const char *xml, size_t len, const char *path, const char *media_type,
                       const char *drop_path, og_buf *out, odfgate_error *err);

#endif
