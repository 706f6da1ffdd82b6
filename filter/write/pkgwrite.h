/*
 * pkgwrite.h — write a copy of a zip package with some parts replaced, atomically.
 *
 *   - the copy is built in a temporary file beside the target (same directory, so rename is
 *     atomic), fsync'ed, renamed over the target, and the directory fsync'ed;
 *   - `mimetype` is written first and stored (no compression, no extra field);
 *   - every part that is not replaced is copied raw: its compressed bytes are unchanged;
 *   - on any failure the temporary file is removed and the target is untouched.
 * The source is never modified (it may be the same path as the target: --in-place).
 * The atomic replacement itself is base/atomicfile.h.
 */
#ifndef OG_PKGWRITE_H
#define OG_PKGWRITE_H

#include "base/atomicfile.h"
#include "base/buf.h"

/* ODF digital signatures (OG_SIGNATURES_PART): any rewrite of a signed part invalidates them. */
#include "read/signatures.h"

typedef struct og_part_data {
    const char *name; /* part name, e.g. "meta.xml" */
    const char *data; /* new content (kept by the caller until og_package_write returns) */
    size_t len;
    const char *media_type; /* for a part that is new to the package: manifest entry type */
} og_part_data;

/* Copy the zip package at src_path to dst_path, replacing (or adding) the given parts and
 * dropping the parts named in `drop` (NULL-terminated list, may be NULL).  A part that is
 * added gets a manifest entry only if the caller also replaces META-INF/manifest.xml.
 * `expect` (may be NULL): as og_write_file_atomic.
 * Returns 0, or -1 with err filled (ODFGATE_E_IO with the reason, e.g. "No space left on
 * device" or "File too large"). */
int og_package_write(const char *src_path, const char *dst_path, const og_part_data *parts,
                     size_t nparts, const char *const *drop, const og_file_id *expect,
                     odfgate_error *err);

/* A new package with the given parts, in memory: its bytes appended to out.  parts[0] must
 * be "mimetype" (written first and stored).  `path` names the package in errors.  0, or -1
 * with err filled. */
int og_package_assemble(const og_part_data *parts, size_t nparts, og_buf *out, const char *path,
                        odfgate_error *err);
/* The same written to dst_path, atomic as og_package_write. */
int og_package_create(const char *dst_path, const og_part_data *parts, size_t nparts,
                      odfgate_error *err);

#endif
