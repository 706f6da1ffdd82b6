/*
 * xmlw.h — writing a small XML part into memory with xmlTextWriter: every call records a
 * failure (out of memory) and later calls do nothing, so the caller checks once, at
 * og_xw_close.  Used by the new-draft writer (skeleton.c) and the overview's spreadsheet
 * (overview/format-ods.c).  Text must be UTF-8 (libxml2 escapes markup).
 */
#ifndef OG_XMLW_H
#define OG_XMLW_H

#include "base/buf.h"
#include "base/internal.h"

#include <libxml/xmlwriter.h>

#define OG_NS_FO "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"

typedef struct og_xw {
    xmlBufferPtr buf;
    xmlTextWriterPtr w;
    int failed;
} og_xw;

int og_xw_open(og_xw *wr); /* 0, or -1 (out of memory) */
void og_xw_start(og_xw *wr, const char *name);
void og_xw_attr(og_xw *wr, const char *name, const char *value);
void og_xw_text(og_xw *wr, const char *s);
void og_xw_end(og_xw *wr);
void og_xw_leaf(og_xw *wr, const char *name, const char *content); /* <name>content</name> */
/* The ODF namespaces (office, style, text, table, fo, dc, meta) and office:version 1.3 on the
 * element just started. */
void og_xw_namespaces(og_xw *wr);
/* Finish the document into out; 0, or -1 with err filled. */
int og_xw_close(og_xw *wr, og_buf *out, const char *path, odfgate_error *err);
/* META-INF/manifest.xml (ODF 1.3) listing entries {full-path, media-type}; the first is
 * "/" with the package's media type. */
int og_xw_manifest(og_buf *out, const char *const (*entries)[2], size_t n, const char *path,
                   odfgate_error *err);

#endif
