/*
 * package.h — open and verify an ODF package: a zip (.odt/.ott) or a flat XML file (.fodt).
 * Decides the kind by content (zip signature vs '<'), applies the limits of odfgate_limits
 * (../shared/SAFE-USE.md), checks mimetype, manifest and encryption, and hands out parts as
 * capped byte streams.  The package owns a copy of the bytes when opened from memory/stdin.
 *
 * Refusals at open: not a zip nor XML (ODFGATE_E_NOT_PACKAGE), broken/truncated zip
 * (ODFGATE_E_CORRUPT), over a limit (ODFGATE_E_LIMIT), duplicate or unsafe entry names
 * (ODFGATE_E_CORRUPT), zip-level encryption or ODF encryption in the manifest
 * (ODFGATE_E_ENCRYPTED), a spreadsheet/presentation/drawing… (ODFGATE_E_WRONG_TYPE),
 * no content.xml (ODFGATE_E_MISSING_PART).
 * Tolerated with a note (rule package-nonconformant): mimetype missing, not first, or
 * compressed; mimetype inferred from the manifest.
 */
#ifndef OG_PACKAGE_H
#define OG_PACKAGE_H

#include "buf.h"
#include "internal.h"

typedef struct og_package og_package;

typedef enum og_package_kind { OG_PACKAGE_ZIP, OG_PACKAGE_FLAT } og_package_kind;

/* path "-" reads standard input (capped at max_file_size). */
odfgate_status og_package_open(const char *path, const odfgate_limits *lim, og_package **out,
                               odfgate_error *err);
/* The bytes are copied. */
odfgate_status og_package_open_memory(const void *data, size_t len, const char *name,
                                      const odfgate_limits *lim, og_package **out,
                                      odfgate_error *err);
void og_package_free(og_package *pkg);

og_package_kind og_package_kind_of(const og_package *pkg);
const char *og_package_path(const og_package *pkg);      /* as given ("-" for stdin) */
const char *og_package_mimetype(const og_package *pkg);  /* never NULL */
size_t og_package_note_count(const og_package *pkg);
const char *og_package_note(const og_package *pkg, size_t i);

/* Zip packages: does the part exist?  Flat: true only for "content.xml", which names the
 * whole flat document (it holds meta, styles and body in one stream). */
int og_package_has_part(const og_package *pkg, const char *name);

/* Read a whole part into `out` (reset first).  The part's inflated size is checked against
 * max_part_size and the running total against max_total_size, and the declared size is
 * enforced.  Returns 0, or -1 with err filled. */
int og_package_read_part(og_package *pkg, const char *name, og_buf *out, odfgate_error *err);

/* Stream a part (for og_xml_stream_open): same limits as og_package_read_part.
 * og_part_read has the og_xml_read_fn contract; after the XML loop, call
 * og_part_finish to learn whether the stream ended cleanly (0) or failed (-1, err filled:
 * limit exceeded, inflate error, size mismatch). */
typedef struct og_part og_part;
int og_package_part_open(og_package *pkg, const char *name, og_part **out, odfgate_error *err);
int og_part_read(void *part, char *buf, int len);
int og_part_finish(og_part *part, odfgate_error *err);
void og_part_close(og_part *part);

#endif
