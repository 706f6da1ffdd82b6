/*
 * package.h — open and verify an ODF package: a zip (.odt/.ott) or a flat XML file (.fodt).
 * Decides the kind by content ("PK\3\4" = zip; an optional UTF-8 BOM, white space and '<' =
 * flat XML), applies the limits of odfgate_limits (docs/limits.md, docs/dependencies.md),
 * checks mimetype, manifest and encryption, and hands out parts as capped byte streams.
 *
 * Inputs: a path is opened once; a zip is then read by libzip from that descriptor (never
 * loaded whole), a flat file with pread up to the size measured at open.  "-" (standard input)
 * and FIFOs are read into memory, capped at max_file_size.  og_package_open_memory copies the
 * bytes.  A package is used by one thread at a time.
 *
 * Refusals at open (ODFGATE_FAILED, err filled; ODFGATE_FATAL for out of memory):
 *   ODFGATE_E_IO           cannot open/read (strerror), "is a directory"
 *   ODFGATE_E_NOT_PACKAGE  "empty file"; neither a zip nor XML; XML whose root is not
 *                          office:document
 *   ODFGATE_E_CORRUPT      "corrupt or truncated zip: …" (libzip's refusals, duplicate names);
 *                          unsafe entry names (not UTF-8, absolute, "..", backslash, control
 *                          character); compression other than stored/deflate
 *   ODFGATE_E_LIMIT        file size, entry count (checked before libzip reads the directory),
 *                          declared part size, inflation ratio, declared total
 *   ODFGATE_E_ENCRYPTED    zip-level encryption, or manifest:encryption-data (checked before
 *                          content.xml is required)
 *   ODFGATE_E_WRONG_TYPE   a declared media type that is not ODF text ("is a spreadsheet, not a
 *                          text document"; "application/pdf")
 *   ODFGATE_E_ENTITY       entity declarations in the manifest or in a flat file's prolog
 *   ODFGATE_E_MISSING_PART no content.xml
 * Tolerated with a note (rule package-nonconformant; see og_package_note): mimetype missing,
 * not first, compressed, with an extra field, or not a media type at all (then the type comes
 * from the manifest's full-path="/" entry, else text is assumed); manifest missing or
 * malformed, or disagreeing with mimetype; flat file without office:mimetype.
 */
#ifndef OG_PACKAGE_H
#define OG_PACKAGE_H

#include "base/buf.h"
#include "base/fileid.h"
#include "base/internal.h"

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
const char *og_package_path(const og_package *pkg);          /* as given ("-" for stdin) */
const char *og_package_mimetype(const og_package *pkg);      /* never NULL */
uint64_t og_package_input_size(const og_package *pkg);       /* bytes of the file (or memory) */
const og_file_id *og_package_file_id(const og_package *pkg); /* its state when opened */
size_t og_package_note_count(const og_package *pkg);
const char *og_package_note(const og_package *pkg, size_t i);

/* Zip packages: does the part exist?  Flat: true only for "content.xml", which names the
 * whole flat document (it holds meta, styles and body in one stream). */
int og_package_has_part(const og_package *pkg, const char *name);

/* Zip packages: the entries in central-directory order (names checked at open: UTF-8, no
 * "..", no absolute path); directories end in '/'.  Flat: none. */
size_t og_package_entry_count(const og_package *pkg);
const char *og_package_entry_name(const og_package *pkg, size_t i);
/* The index of the entry named `name` (libzip's name table: not a scan), or -1. */
long og_package_entry_index(const og_package *pkg, const char *name);

/* Read a whole part into `out` (reset first; out->max also caps it: ODFGATE_E_LIMIT).  At most
 * the declared size is inflated, and one more byte must not exist (ODFGATE_E_LIMIT "part
 * inflates past its declared size"); bytes read count against max_part_size and, over every
 * read of the package, max_total_size.  Inflate or CRC errors are ODFGATE_E_CORRUPT.  A zip
 * entry of up to OG_INFLATE_WHOLE_MAX bytes is inflated and CRC-checked whole at its first
 * read (inflate.h), so a bad one fails before any byte is handed out; a larger one is streamed
 * and may fail after its declared size was handed out.  Flat: "content.xml" is the whole
 * file.  Returns 0, or -1 with err filled (part = the part name, empty for a flat file). */
int og_package_read_part(og_package *pkg, const char *name, og_buf *out, odfgate_error *err);

/* Stream a part (for og_xml_stream_open): same limits and checks as og_package_read_part.
 * og_part_read has the og_xml_read_fn contract (bytes, 0 at the end, -1 on error; after an
 * error it keeps returning -1).  libxml2 may not fail when the callback fails after the root
 * element closed (docs/dependencies.md), so after the XML loop always call og_part_finish: 0 if the
 * stream was clean, or -1 with err filled (limit, inflate/CRC error, size mismatch) — that
 * error is the cause and should replace whatever the XML layer reported.  The package must
 * outlive its parts; og_part_close accepts NULL. */
typedef struct og_part og_part;
int og_package_part_open(og_package *pkg, const char *name, og_part **out, odfgate_error *err);
int og_part_read(void *part, char *buf, int len);
int og_part_finish(og_part *part, odfgate_error *err);
void og_part_close(og_part *part);

#endif
