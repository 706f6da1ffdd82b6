/* xml.c — safe libxml2 parsers (see xml.h and docs/dependencies.md). */
#include "read/xml.h"

#include "read/xmlscan.h"

#include "base/threadcache.h"

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>

/* ------------------------------------------------------------------ global */

static xmlParserInputPtr deny_entity_loader(const char *url, const char *id, xmlParserCtxtPtr ctxt)
{
    (void)url;
    (void)id;
    (void)ctxt;
    return NULL; /* never load anything: no files, no network */
}

/* ------------------------------------------------------------------ spare readers */

/* Creating a libxml2 reader (context, dictionary, SAX tables) and freeing it costs about as
 * much as parsing a short part, so a batch would pay it for every document.  Each thread
 * keeps the reader of its last stream that ended cleanly in its cache (threadcache.h) and the
 * next stream takes it (xmlReaderNewIO resets the parse but keeps the dictionary and buffers).
 * A reader that has read SPARE_BYTES_MAX bytes (about ten drafts) is freed instead: a reader
 * kept for good after a large document held its grown buffers at the top of the heap, and the
 * process's resident size stayed 9 MB higher (the soak test saw it); the bytes also bound its
 * dictionary, which keeps every name and some short text. */
#define SPARE_BYTES_MAX (1024 * 1024)

/* Take this thread's spare reader (NULL if none). */
static xmlTextReaderPtr spare_take(void)
{
    og_thread_cache *c = og_thread_cache_get();
    xmlTextReaderPtr r = c ? c->reader : NULL;
    if (r)
        c->reader = NULL;
    return r;
}

/* Keep r, which was given `bytes` since it was taken, as this thread's spare, or free it. */
static void spare_put(xmlTextReaderPtr r, size_t bytes)
{
    og_thread_cache *c = og_thread_cache_get();
    xmlTextReaderSetStructuredErrorHandler(r, NULL, NULL);
    if (!c || c->reader || (c->reader_bytes += bytes) > SPARE_BYTES_MAX) {
        xmlFreeTextReader(r);
        if (c && !c->reader)
            c->reader_bytes = 0;
        return;
    }
    c->reader = r;
}

void og_xml_global_init(void)
{
    xmlInitParser();
    xmlSetExternalEntityLoader(deny_entity_loader);
}

void og_xml_global_cleanup(void) { xmlCleanupParser(); }

/* ------------------------------------------------------------------ errors */

/* Classify a libxml2 error: limits and entities get their own codes so that users see
 * "limit-exceeded" for a 10,000-deep document rather than a generic XML error. */
static odfgate_errcode classify(const xmlError *e)
{
    const char *m = e->message ? e->message : "";
    switch (e->code) {
    case XML_ERR_ENTITY_LOOP:
    case XML_ERR_UNDECLARED_ENTITY:
    case XML_WAR_UNDECLARED_ENTITY:
    case XML_ERR_ENTITY_BOUNDARY:
    case XML_ERR_UNPARSED_ENTITY:
    case XML_ERR_EXT_ENTITY_STANDALONE:
    case XML_IO_LOAD_ERROR: return ODFGATE_E_ENTITY;
    default: break;
    }
    if (strstr(m, "Excessive depth") || strstr(m, "huge text node") || strstr(m, "Huge input") ||
        strstr(m, "too long") || strstr(m, "Maximum entity amplification"))
        return ODFGATE_E_LIMIT;
    if (strstr(m, "ntity"))
        return ODFGATE_E_ENTITY;
    return ODFGATE_E_XML;
}

/* The first error is kept; a later fatal one replaces a non-fatal one.  Only fatal errors
 * (well-formedness) stop a parse: namespace and xml:id validity errors (real documents have
 * them, e.g. xml:id="1") are not failures. */
typedef struct err_sink {
    odfgate_error *err;
    const char *path, *part;
    int have;
    int fatal;
} err_sink;

static void sink_error(err_sink *sink, const xmlError *e)
{
    char msg[400];
    size_t n;
    if (!e || e->level < XML_ERR_ERROR || sink->fatal || (sink->have && e->level != XML_ERR_FATAL))
        return;
    sink->have = 1;
    sink->fatal = e->level == XML_ERR_FATAL;
    odfgate_errcode code = classify(e);
    og_copy_safe(msg, sizeof(msg), e->message ? e->message : "malformed XML");
    n = strlen(msg);
    while (n > 0 && (msg[n - 1] == '?' || msg[n - 1] == ' ')) /* trailing newline became '?' */
        msg[--n] = '\0';
    /* libxml2's own wording suggests XML_PARSE_HUGE; say what the limit is instead */
    if (strstr(msg, "Excessive depth"))
        snprintf(msg, sizeof(msg), "XML nested deeper than the limit of 256 levels");
    else if (strstr(msg, "huge text node") || strstr(msg, "Huge input"))
        snprintf(msg, sizeof(msg), "a text node larger than the limit of 10 MB");
    og_fail(sink->err, code, sink->path, sink->part, "%s%s%s (line %d)",
            sink->part ? sink->part : "", sink->part ? ": " : "", msg, e->line);
    og_error_set_line(sink->err, e->line);
}

static void structured_error(void *arg, xmlErrorPtr e) { sink_error(arg, e); }

/* ------------------------------------------------------------------ DOM of a small part */

typedef struct dom_state {
    err_sink sink;
    int entity_declared;
} dom_state;

static void refuse_entity_decl(void *ctx, const xmlChar *name, int type, const xmlChar *pub,
                               const xmlChar *sys, xmlChar *content)
{
    xmlParserCtxtPtr ctxt = ctx;
    dom_state *st = ctxt->_private;
    (void)name, (void)type, (void)pub, (void)sys, (void)content;
    st->entity_declared = 1;
    xmlStopParser(ctxt);
}

static void dom_serror(void *ctx, xmlErrorPtr e)
{
    xmlParserCtxtPtr ctxt = ctx;
    dom_state *st = ctxt->_private;
    if (!st->entity_declared)
        sink_error(&st->sink, e);
}

static void attrs_fail(odfgate_error *err, const char *path, const char *part, uint64_t line)
{
    og_fail(err, ODFGATE_E_LIMIT, path, part,
            "%s%san element with more than %d attributes (line %llu)", part ? part : "",
            part ? ": " : "", OG_XML_MAX_ATTRIBUTES, (unsigned long long)line);
    og_error_set_line(err, (long)line);
}

/* A whole source in memory, scanned before any parser sees it: 0, or -1 with err filled. */
static int scan_memory(const char *data, size_t len, const char *path, const char *part,
                       odfgate_error *err)
{
    og_xml_scan sc;
    og_xml_scan_init(&sc);
    if (og_xml_scan_bytes(&sc, data, len) == 0)
        return 0;
    attrs_fail(err, path, part, sc.line);
    return -1;
}

static int has_entities(xmlDtdPtr dtd) { return dtd && (dtd->entities || dtd->pentities); }

static int tree_has_entity_ref(xmlNodePtr n)
{
    /* iterative walk: no recursion over untrusted structure */
    while (n) {
        if (n->type == XML_ENTITY_REF_NODE || n->type == XML_ENTITY_NODE)
            return 1;
        if (n->children && n->type == XML_ELEMENT_NODE) {
            n = n->children;
            continue;
        }
        while (n && !n->next)
            n = n->parent && n->parent->type == XML_ELEMENT_NODE ? n->parent : NULL;
        if (n)
            n = n->next;
    }
    return 0;
}

xmlDocPtr og_xml_parse_memory(const char *data, size_t len, const char *path, const char *part,
                              odfgate_error *err)
{
    dom_state st = {{err, path, part, 0, 0}, 0};
    xmlParserCtxtPtr ctxt;
    xmlDocPtr doc;

    if (len > INT32_MAX) {
        og_fail(err, ODFGATE_E_LIMIT, path, part, "%s: XML part too large", part ? part : "");
        return NULL;
    }
    if (scan_memory(data, len, path, part, err) < 0)
        return NULL;
    ctxt = xmlNewParserCtxt();
    if (!ctxt) {
        og_fail(err, ODFGATE_E_NOMEM, path, part, "out of memory");
        return NULL;
    }
    ctxt->_private = &st;
    ctxt->sax->entityDecl = refuse_entity_decl;
    ctxt->sax->serror = dom_serror;
    ctxt->sax->initialized = XML_SAX2_MAGIC;
    doc = xmlCtxtReadMemory(ctxt, data, (int)len, NULL, NULL, OG_XML_PARSE_OPTIONS);
    if (st.entity_declared ||
        (doc && (has_entities(doc->intSubset) || has_entities(doc->extSubset) ||
                 tree_has_entity_ref(doc->children)))) {
        xmlFreeDoc(doc);
        xmlFreeParserCtxt(ctxt);
        og_fail(err, ODFGATE_E_ENTITY, path, part,
                "%s%sXML entity declarations are refused (possible entity expansion attack)",
                part ? part : "", part ? ": " : "");
        return NULL;
    }
    if (!doc || !ctxt->wellFormed) {
        if (!st.sink.have)
            og_fail(err, ODFGATE_E_XML, path, part, "%s%smalformed XML", part ? part : "",
                    part ? ": " : "");
        xmlFreeDoc(doc);
        xmlFreeParserCtxt(ctxt);
        return NULL;
    }
    xmlFreeParserCtxt(ctxt);
    return doc;
}

/* ------------------------------------------------------------------ streaming */

/* The first bytes of a source (up to HEAD_LEN, one read) are read before its reader is chosen
 * (see start_reader) and handed to the reader first, then the source is read on as libxml2
 * asks.  The sizes of the reads change, not where a source fails: a part that inflates past
 * its declared size still fails on the read after its declared bytes, and a failure during
 * the head is reported on the first read after it. */
#define HEAD_LEN 4000

typedef struct io_ctx {
    og_xml_read_fn read;
    void *ctx;
    og_xml_stream *stream;
    og_xml_scan scan; /* what libxml2 is given, scanned first (xmlscan.h) */
    char head[HEAD_LEN];
    int head_len, head_pos;
    int head_failed; /* the read callback failed while the head was read */
} io_ctx;

/* Bytes about to be given to libxml2: -1 (the source stops) past the attribute limit. */
static int scanned(io_ctx *io, const char *buf, int n)
{
    if (n <= 0 || og_xml_scan_bytes(&io->scan, buf, (size_t)n) == 0)
        return n;
    io->stream->source_failed = 1;
    io->stream->attrs_over_line = io->scan.line;
    return -1;
}

static int stream_read(void *arg, char *buf, int len)
{
    io_ctx *io = arg;
    int n;
    if (io->head_pos < io->head_len) {
        n = io->head_len - io->head_pos < len ? io->head_len - io->head_pos : len;
        memcpy(buf, io->head + io->head_pos, (size_t)n);
        io->head_pos += n;
        io->stream->bytes += (size_t)n;
        return scanned(io, buf, n);
    }
    n = io->head_failed ? -1 : io->read(io->ctx, buf, len);
    if (n < 0)
        io->stream->source_failed = 1; /* must be checked after the loop (docs/dependencies.md) */
    else
        io->stream->bytes += (size_t)n;
    return scanned(io, buf, n);
}

static void read_head(io_ctx *io)
{
    int n = io->read(io->ctx, io->head, (int)sizeof(io->head));
    io->head_len = n > 0 ? n : 0;
    io->head_failed = n < 0;
}

/* May a reused reader read a source that starts with head[0..n)?  A reader reused through
 * xmlReaderNewIO / xmlReaderNewMemory (libxml2 2.9.14) assumes UTF-8: it does not detect a
 * byte order mark or UTF-16, which only a new reader does.  And it was seen to give up
 * where a new one reads on: on a part that ends (fails to inflate) inside its XML
 * declaration, it reported "malformed XML" without asking for the bytes that would have
 * shown the real error.  So a reused reader only gets a source that starts with '<' and a
 * byte that is not NUL and whose head, which libxml2 gets as its first input, holds the whole
 * start tag of the first element after at most an XML declaration and white space: every
 * ODF part of the corpus (root tags up to 2.4 KB).  Anything else (BOM, UTF-16, a comment
 * or DOCTYPE first, a root tag longer than the head, a part cut short) gets a new reader. */
static int reusable_start(const char *h, size_t n)
{
    size_t i = 0;
    char quote = 0;
    if (n < 2 || h[0] != '<' || h[1] == '\0')
        return 0;
    if (n >= 6 && memcmp(h, "<?xml", 5) == 0 &&
        (h[5] == ' ' || h[5] == '\t' || h[5] == '\r' || h[5] == '\n')) {
        for (i = 5; i + 1 < n && !(h[i] == '?' && h[i + 1] == '>'); i++)
            ;
        if (i + 1 >= n)
            return 0;
        i += 2;
    }
    while (i < n && (h[i] == ' ' || h[i] == '\t' || h[i] == '\r' || h[i] == '\n'))
        i++;
    if (i + 1 >= n || h[i] != '<' ||
        !(((h[i + 1] | 0x20) >= 'a' && (h[i + 1] | 0x20) <= 'z') || h[i + 1] == '_'))
        return 0;
    for (i += 2; i < n; i++) {
        if (quote) {
            if (h[i] == quote)
                quote = 0;
        } else if (h[i] == '"' || h[i] == '\'') {
            quote = h[i];
        } else if (h[i] == '>') {
            return 1;
        }
    }
    return 0;
}

static int stream_close(void *arg)
{
    free(arg);
    return 0;
}

static void stream_init(og_xml_stream *s, const char *path, const char *part, unsigned max_depth,
                        odfgate_error *err)
{
    memset(s, 0, sizeof(*s));
    s->err = err;
    s->path = path;
    s->part = part;
    s->max_depth = max_depth ? max_depth : 256;
}

static int stream_attach(og_xml_stream *s)
{
    err_sink *sink;
    if (!s->reader) {
        og_fail(s->err, ODFGATE_E_NOMEM, s->path, s->part, "cannot create XML reader");
        return -1;
    }
    sink = calloc(1, sizeof(*sink));
    if (!sink) {
        xmlFreeTextReader(s->reader);
        s->reader = NULL;
        og_fail(s->err, ODFGATE_E_NOMEM, s->path, s->part, "out of memory");
        return -1;
    }
    *sink = (err_sink){s->err, s->path, s->part, 0, 0};
    s->sink = sink;
    xmlTextReaderSetStructuredErrorHandler(s->reader, structured_error, sink);
    return 0;
}

/* Start s's reader on `read`: `reuse` (a reader that ended cleanly, or NULL) when the source
 * starts plainly, else a new one.  Frees reuse if it is not used.  `own`: reuse is the
 * stream's own reader from its last part (kept, s->serial stays). */
static int start_reader(og_xml_stream *s, xmlTextReaderPtr reuse, int own, og_xml_read_fn read,
                        void *ctx)
{
    io_ctx *io = malloc(sizeof(*io));
    if (!io) {
        if (reuse)
            xmlFreeTextReader(reuse);
        og_fail(s->err, ODFGATE_E_NOMEM, s->path, s->part, "out of memory");
        return -1;
    }
    *io = (io_ctx){.read = read, .ctx = ctx, .stream = s};
    og_xml_scan_init(&io->scan);
    read_head(io);
    if (reuse && !reusable_start(io->head, (size_t)io->head_len)) {
        xmlFreeTextReader(reuse);
        reuse = NULL;
    }
    /* xmlReaderForIO and xmlReaderNewIO free io through stream_close, also on failure */
    if (reuse) {
        if (xmlReaderNewIO(reuse, stream_read, stream_close, io, NULL, NULL, OG_XML_PARSE_OPTIONS) <
            0) {
            xmlFreeTextReader(reuse);
            reuse = NULL;
        }
        s->reader = reuse;
    } else {
        s->reader = xmlReaderForIO(stream_read, stream_close, io, NULL, NULL, OG_XML_PARSE_OPTIONS);
    }
    if (!(own && reuse))
        s->serial++;
    return stream_attach(s);
}

int og_xml_stream_open(og_xml_stream *s, og_xml_read_fn read, void *ctx, const char *path,
                       const char *part, unsigned max_depth, odfgate_error *err)
{
    stream_init(s, path, part, max_depth, err);
    return start_reader(s, spare_take(), 0, read, ctx);
}

int og_xml_stream_reopen(og_xml_stream *s, og_xml_read_fn read, void *ctx, const char *path,
                         const char *part, unsigned max_depth, odfgate_error *err)
{
    xmlTextReaderPtr reader = s->reader;
    size_t bytes = reader ? s->bytes : 0; /* counted over the reader's life, for spare_put */
    unsigned serial = s->serial;          /* counted over the stream's life */
    free(s->sink);
    stream_init(s, path, part, max_depth, err);
    s->bytes = bytes;
    s->serial = serial;
    return start_reader(s, reader ? reader : spare_take(), reader != NULL, read, ctx);
}

void og_xml_stream_end(og_xml_stream *s)
{
    if (s->doc) { /* the reader kept the document for us: start afresh next time */
        og_xml_stream_close(s);
        return;
    }
    if (s->reader)
        xmlTextReaderClose(s->reader); /* frees what is left of the document, and the input */
}

int og_xml_stream_open_memory(og_xml_stream *s, const char *data, size_t len, const char *path,
                              const char *part, unsigned max_depth, odfgate_error *err)
{
    stream_init(s, path, part, max_depth, err);
    if (len > INT32_MAX) {
        og_fail(err, ODFGATE_E_LIMIT, path, part, "%s: XML part too large", part ? part : "");
        return -1;
    }
    if (scan_memory(data, len, path, part, err) < 0)
        return -1;
    if ((s->reader = spare_take()) != NULL &&
        (!reusable_start(data, len < HEAD_LEN ? len : HEAD_LEN) ||
         xmlReaderNewMemory(s->reader, data, (int)len, NULL, NULL, OG_XML_PARSE_OPTIONS) < 0)) {
        xmlFreeTextReader(s->reader);
        s->reader = NULL;
    }
    if (!s->reader)
        s->reader = xmlReaderForMemory(data, (int)len, NULL, NULL, OG_XML_PARSE_OPTIONS);
    s->bytes = len;
    return stream_attach(s);
}

static int stream_fail(og_xml_stream *s, odfgate_errcode code, const char *what)
{
    err_sink *sink = s->sink;
    int line = xmlTextReaderGetParserLineNumber(s->reader);
    if (!sink->fatal) {
        og_fail(s->err, code, s->path, s->part, "%s%s%s (line %d)", s->part ? s->part : "",
                s->part ? ": " : "", what, line);
        og_error_set_line(s->err, line);
        sink->have = sink->fatal = 1;
    }
    s->failed = 1;
    return -1;
}

int og_xml_stream_next(og_xml_stream *s)
{
    err_sink *sink = s->sink;
    int rc, type;
    if (s->failed)
        return -1;
    rc = xmlTextReaderRead(s->reader);
    if (s->attrs_over_line) { /* before what libxml2 made of the cut-off source */
        attrs_fail(s->err, s->path, s->part, s->attrs_over_line);
        sink->have = sink->fatal = 1;
        s->failed = 1;
        return -1;
    }
    if (rc < 0 || sink->fatal) {
        if (s->source_failed && !sink->fatal)
            return stream_fail(s, ODFGATE_E_CORRUPT, "cannot read the part");
        if (!sink->have)
            return stream_fail(s, ODFGATE_E_XML, "malformed XML");
        s->failed = 1;
        return -1;
    }
    if (rc == 0) {
        if (s->source_failed)
            return stream_fail(s, ODFGATE_E_CORRUPT, "cannot read the part");
        return 0;
    }
    type = s->type = xmlTextReaderNodeType(s->reader);
    if (type == XML_READER_TYPE_DOCUMENT_TYPE) {
        /* after this call the reader no longer frees its document: og_xml_stream_close does */
        xmlDocPtr doc = xmlTextReaderCurrentDoc(s->reader);
        s->doc = doc;
        if (doc && (has_entities(doc->intSubset) || has_entities(doc->extSubset)))
            return stream_fail(
                s, ODFGATE_E_ENTITY,
                "XML entity declarations are refused (possible entity expansion attack)");
    } else if (type == XML_READER_TYPE_ENTITY_REFERENCE || type == XML_READER_TYPE_ENTITY) {
        return stream_fail(s, ODFGATE_E_ENTITY, "XML entity references are refused");
    } else if (type == XML_READER_TYPE_ELEMENT) {
        int depth = xmlTextReaderDepth(s->reader);
        if ((unsigned)depth >= s->max_depth)
            return stream_fail(s, ODFGATE_E_LIMIT, "XML nesting deeper than the limit");
        if (depth == 0 && !s->root)
            s->root = xmlTextReaderCurrentNode(s->reader);
    }
    return 1;
}

void og_xml_stream_close(og_xml_stream *s)
{
    const err_sink *sink = s->sink;
    /* a reader that ended cleanly is kept for the next stream; after an error or with a
     * document taken from it (DOCTYPE), it is freed */
    if (s->reader && !s->doc && !s->failed && !s->source_failed && sink && !sink->have) {
        xmlTextReaderClose(s->reader);
        spare_put(s->reader, s->bytes);
    } else if (s->reader)
        xmlFreeTextReader(s->reader);
    if (s->doc)
        xmlFreeDoc(s->doc);
    free(s->sink);
    s->doc = NULL;
    s->reader = NULL;
    s->sink = NULL;
}

/* 1 if ns is one of the root element's namespace declarations. */
static int declared_on_root(const og_xml_stream *s, const xmlNs *ns)
{
    for (const xmlNs *d = s->root ? s->root->nsDef : NULL; d; d = d->next)
        if (d == ns)
            return 1;
    return 0;
}

/* xmlTextReaderConstNamespaceUri looks the URI up in the reader's dictionary (hashing it) on
 * every call: 5% of a check.  The namespaces declared on the root element (in ODF, all of
 * them) live as long as the reader, so their xmlNs pointers stand for their URIs: those
 * answers are cached by pointer, and compare by pointer with xmlTextReaderConstString. */
const char *og_xml_ns(og_xml_stream *s)
{
    xmlNodePtr n = xmlTextReaderCurrentNode(s->reader);
    const xmlChar *v;
    if (n && n->type == XML_ELEMENT_NODE) { /* start or end tag; every such node is in root */
        const xmlNs *ns = n->ns;
        size_t slot;
        if (!ns)
            return "";
        slot = ((uintptr_t)ns >> 4) % OG_ARRAY_LEN(s->ns_cache);
        if (s->ns_cache[slot].ns == ns)
            return s->ns_cache[slot].uri;
        if (declared_on_root(s, ns) &&
            (v = xmlTextReaderConstString(s->reader, ns->href)) != NULL) {
            s->ns_cache[slot].ns = ns;
            s->ns_cache[slot].uri = (const char *)v;
            return (const char *)v;
        }
    }
    v = xmlTextReaderConstNamespaceUri(s->reader);
    return v ? (const char *)v : "";
}

const char *og_xml_local(og_xml_stream *s)
{
    const xmlChar *v = xmlTextReaderConstLocalName(s->reader);
    return v ? (const char *)v : "";
}

/* 1 if namespace ns has the URI `uri`.  Namespaces declared on the root are compared by
 * pointer after the first time (see og_xml_ns); others by string. */
static int ns_is(og_xml_stream *s, const xmlNs *ns, const char *uri)
{
    if (s->attr_ns == ns && s->attr_ns_uri == uri)
        return 1;
    if (!ns->href || strcmp((const char *)ns->href, uri) != 0)
        return 0;
    if (declared_on_root(s, ns)) {
        s->attr_ns = ns;
        s->attr_ns_uri = uri;
    }
    return 1;
}

/* xmlTextReaderGetAttributeNs compares the namespace URI of each attribute as a string; the
 * walk below does what it does (xmlGetNsProp) for an element read from a document without
 * DTD, comparing the namespaces of the root by pointer. */
/* The current element's attribute: 1 and *found (NULL for an empty value), 0 absent, or -1
 * when only libxml2 can answer (a document with a DTD: entity references, defaults). */
static int find_attr(og_xml_stream *s, const char *ns, const char *local, xmlAttrPtr *found)
{
    xmlNodePtr n = xmlTextReaderCurrentNode(s->reader);
    if (!n || n->type != XML_ELEMENT_NODE || !n->doc || n->doc->intSubset || n->doc->extSubset)
        return -1;
    for (xmlAttrPtr a = n->properties; a; a = a->next) {
        if (!a->ns || strcmp((const char *)a->name, local) != 0 || !ns_is(s, a->ns, ns))
            continue;
        *found = a;
        return 1;
    }
    return 0;
}

char *og_xml_attr(og_xml_stream *s, const char *ns, const char *local)
{
    xmlAttrPtr a;
    switch (find_attr(s, ns, local, &a)) {
    case 1:
        if (!a->children) /* an empty value */
            return (char *)xmlStrdup((const xmlChar *)"");
        return (char *)xmlNodeListGetString(a->doc, a->children, 1);
    case 0: return NULL;
    default:
        return (char *)xmlTextReaderGetAttributeNs(s->reader, (const xmlChar *)local,
                                                   (const xmlChar *)ns);
    }
}

const char *og_xml_attr_ref(og_xml_stream *s, const char *ns, const char *local, char **owned)
{
    xmlAttrPtr a;
    int rc = find_attr(s, ns, local, &a);
    *owned = NULL;
    if (rc == 0)
        return NULL;
    if (rc == 1 && !a->children)
        return "";
    if (rc == 1 && a->children->type == XML_TEXT_NODE && !a->children->next && a->children->content)
        return (const char *)a->children->content; /* one text node: its bytes are the value */
    if (rc == 1) /* several nodes (character references): joined in a copy */
        return *owned = (char *)xmlNodeListGetString(a->doc, a->children, 1);
    return *owned = og_xml_attr(s, ns, local);
}

int og_xml_doc_to_buf(xmlDocPtr doc, og_buf *out)
{
    xmlChar *mem = NULL;
    int len = 0, rc;
    xmlDocDumpMemoryEnc(doc, &mem, &len, "UTF-8");
    if (!mem)
        return -1;
    rc = og_buf_add(out, mem, (size_t)len);
    xmlFree(mem);
    return rc < 0 ? -1 : 0;
}

int og_xml_write_doc(xmlDocPtr doc, FILE *out)
{
    xmlChar *mem = NULL;
    int len = 0;
    xmlDocDumpFormatMemoryEnc(doc, &mem, &len, "UTF-8", 1);
    if (!mem)
        return -1;
    fwrite(mem, 1, (size_t)len, out);
    xmlFree(mem);
    return 0;
}
