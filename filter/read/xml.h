/*
 * xml.h — the one place that creates libxml2 parsers and writers (docs/dependencies.md).
 * Nothing else in odfgate calls xmlRead* / xmlReaderFor* / xmlNewTextWriter* directly.
 *
 * Policy: XML_PARSE_NONET, no entity substitution, no DTD loading, no XInclude, no HUGE;
 * a deny-all external entity loader (installed by og_xml_global_init); documents whose
 * internal subset declares entities, or that contain entity references, are refused
 * (ODFGATE_E_ENTITY).  A DOCTYPE without entity declarations is allowed (old manifests).
 * Parser errors are captured into the caller's odfgate_error, never printed.
 */
#ifndef OG_XML_H
#define OG_XML_H

#include "base/buf.h"
#include "base/internal.h"

#include <libxml/tree.h>
#include <libxml/xmlreader.h>

void og_xml_global_init(void); /* xmlInitParser + entity loader; idempotent, not thread-safe */
void og_xml_global_cleanup(void);

/* Options used for every parse. */
#define OG_XML_PARSE_OPTIONS (XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_COMPACT)

/* Parse a complete, small XML part (meta.xml, manifest.xml, a schema) into a DOM.
 * `path`/`part` are used in error messages.  Returns NULL and fills err on failure
 * (ODFGATE_E_XML, ODFGATE_E_ENTITY, ODFGATE_E_LIMIT for depth). */
xmlDocPtr og_xml_parse_memory(const char *data, size_t len, const char *path, const char *part,
                              odfgate_error *err);

/* Serialize a DOM built or copied in memory to out as indented UTF-8 with an XML declaration.
 * Returns 0, or -1 if out of memory. */
int og_xml_write_doc(xmlDocPtr doc, FILE *out);

/* Serialize a DOM to out as it is (no indentation added), UTF-8 with an XML declaration.
 * Returns 0, or -1 if out of memory or over out's bound. */
int og_xml_doc_to_buf(xmlDocPtr doc, og_buf *out);

/* Streaming reader over bytes supplied by `read` (same contract as xmlInputReadCallback:
 * return bytes read, 0 at end, -1 on error).  The og_xml_stream wraps the reader and keeps
 * the error state; use og_xml_stream_next() instead of xmlTextReaderRead(). */
typedef int (*og_xml_read_fn)(void *ctx, char *buf, int len);

typedef struct og_xml_stream {
    xmlTextReaderPtr reader;
    odfgate_error *err;
    const char *path, *part;
    int type;                 /* xmlTextReaderNodeType of the current node (og_xml_stream_next) */
    unsigned serial;          /* changes (within a stream's life, reopen included) whenever it gets
                               * another libxml2 reader: strings interned in the reader's
                               * dictionary (xmlTextReaderConstString) stay valid while it stays */
    int failed;               /* an error was recorded (err filled) */
    int source_failed;        /* the read callback reported an error (checked after the loop) */
    uint64_t attrs_over_line; /* the source was stopped here: an element with too many
                                 attributes (xmlscan.h); 0 if not */
    unsigned max_depth;
    void *sink;      /* private: error capture */
    xmlDocPtr doc;   /* private: document taken from the reader (freed at close) */
    xmlNodePtr root; /* private: the root element, once read (lives as long as the reader) */
    size_t bytes;    /* private: bytes the reader was given */
    struct {
        const xmlNs *ns;
        const char *uri;
    } ns_cache[16];          /* private: og_xml_ns answers for the root's namespace declarations */
    const xmlNs *attr_ns;    /* private: a root namespace og_xml_attr found to be ... */
    const char *attr_ns_uri; /* ... this URI (the caller's pointer) */
} og_xml_stream;

/* Create a stream.  `read` is called with `ctx`.  Returns 0, or -1 with err filled. */
int og_xml_stream_open(og_xml_stream *s, og_xml_read_fn read, void *ctx, const char *path,
                       const char *part, unsigned max_depth, odfgate_error *err);
/* The same on a stream that was open before and ended with og_xml_stream_end: its libxml2
 * reader (and dictionary) is reused, which is cheaper than a new one for each part of a
 * document.  On a closed or zeroed stream, the same as og_xml_stream_open. */
int og_xml_stream_reopen(og_xml_stream *s, og_xml_read_fn read, void *ctx, const char *path,
                         const char *part, unsigned max_depth, odfgate_error *err);
/* Done with the current source (its read callback is not called again): what the reader
 * holds of it is freed, the reader is kept for og_xml_stream_reopen.  og_xml_stream_close
 * still frees the stream at the end. */
void og_xml_stream_end(og_xml_stream *s);
/* Stream over bytes in memory (not copied; must outlive the stream). */
int og_xml_stream_open_memory(og_xml_stream *s, const char *data, size_t len, const char *path,
                              const char *part, unsigned max_depth, odfgate_error *err);
/* Advance: 1 = a node is current, 0 = end of document (check s->failed), -1 = error
 * (err filled).  Refuses entity declarations/references and depth over max_depth. */
int og_xml_stream_next(og_xml_stream *s);
void og_xml_stream_close(og_xml_stream *s);

/* Helpers on the current node of a stream. */
/* Namespace URI and local name, never NULL ("" if none). */
const char *og_xml_ns(og_xml_stream *s);
const char *og_xml_local(og_xml_stream *s);
/* Attribute value by namespace URI and local name; caller must xmlFree() it; NULL if absent. */
char *og_xml_attr(og_xml_stream *s, const char *ns, const char *local);
/* The same value without a copy when it can: borrowed from the current element, valid until
 * the stream moves on.  When a copy had to be made, *owned is set to it (caller xmlFree()s
 * *owned, which is always safe: NULL otherwise). */
const char *og_xml_attr_ref(og_xml_stream *s, const char *ns, const char *local, char **owned);

/* ODF namespace URIs. */
#define OG_NS_OFFICE   "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
#define OG_NS_TEXT     "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
#define OG_NS_STYLE    "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
#define OG_NS_TABLE    "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
#define OG_NS_DRAW     "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
#define OG_NS_SVG      "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
#define OG_NS_META     "urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
#define OG_NS_DC       "http://purl.org/dc/elements/1.1/"
#define OG_NS_XLINK    "http://www.w3.org/1999/xlink"
#define OG_NS_MANIFEST "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"
#define OG_NS_SCHEMA   "urn:odfgate:schema:1"

#endif
