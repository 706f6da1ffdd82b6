/* xmlw.c — XML parts written into memory with xmlTextWriter, see xmlw.h. */
#include "write/xmlw.h"

#include "read/xml.h"

#define X(s) ((const xmlChar *)(s))

int og_xw_open(og_xw *wr)
{
    wr->failed = 0;
    wr->buf = xmlBufferCreate();
    wr->w = wr->buf ? xmlNewTextWriterMemory(wr->buf, 0) : NULL;
    if (!wr->w || xmlTextWriterStartDocument(wr->w, "1.0", "UTF-8", NULL) < 0)
        wr->failed = 1;
    return wr->failed ? -1 : 0;
}

/* Each helper records a failure; the caller checks wr->failed once at the end. */
void og_xw_start(og_xw *wr, const char *name)
{
    if (!wr->failed && xmlTextWriterStartElement(wr->w, X(name)) < 0)
        wr->failed = 1;
}
void og_xw_attr(og_xw *wr, const char *name, const char *value)
{
    if (!wr->failed && xmlTextWriterWriteAttribute(wr->w, X(name), X(value)) < 0)
        wr->failed = 1;
}
void og_xw_text(og_xw *wr, const char *s)
{
    if (!wr->failed && xmlTextWriterWriteString(wr->w, X(s)) < 0)
        wr->failed = 1;
}
void og_xw_end(og_xw *wr)
{
    if (!wr->failed && xmlTextWriterEndElement(wr->w) < 0)
        wr->failed = 1;
}
void og_xw_leaf(og_xw *wr, const char *name, const char *content)
{
    og_xw_start(wr, name);
    og_xw_text(wr, content);
    og_xw_end(wr);
}
void og_xw_namespaces(og_xw *wr)
{
    og_xw_attr(wr, "xmlns:office", OG_NS_OFFICE);
    og_xw_attr(wr, "xmlns:style", OG_NS_STYLE);
    og_xw_attr(wr, "xmlns:text", OG_NS_TEXT);
    og_xw_attr(wr, "xmlns:table", OG_NS_TABLE);
    og_xw_attr(wr, "xmlns:fo", OG_NS_FO);
    og_xw_attr(wr, "xmlns:dc", OG_NS_DC);
    og_xw_attr(wr, "xmlns:meta", OG_NS_META);
    og_xw_attr(wr, "office:version", "1.3");
}

/* Finish the document into out; 0 or -1 (err filled). */
int og_xw_close(og_xw *wr, og_buf *out, const char *path, odfgate_error *err)
{
    int rc = -1;
    if (!wr->failed && xmlTextWriterEndDocument(wr->w) < 0)
        wr->failed = 1;
    if (wr->w)
        xmlFreeTextWriter(wr->w);
    wr->w = NULL;
    if (!wr->failed &&
        og_buf_add(out, xmlBufferContent(wr->buf), (size_t)xmlBufferLength(wr->buf)) == OG_BUF_OK)
        rc = 0;
    else
        og_fail(err, ODFGATE_E_NOMEM, path, NULL, "out of memory writing XML");
    xmlBufferFree(wr->buf);
    wr->buf = NULL;
    return rc;
}

int og_xw_manifest(og_buf *out, const char *const (*entries)[2], size_t n, const char *path,
                   odfgate_error *err)
{
    og_xw wr;
    if (og_xw_open(&wr) < 0)
        return og_fail(err, ODFGATE_E_NOMEM, path, NULL, "out of memory"), -1;
    og_xw_start(&wr, "manifest:manifest");
    og_xw_attr(&wr, "xmlns:manifest", OG_NS_MANIFEST);
    og_xw_attr(&wr, "manifest:version", "1.3");
    for (size_t i = 0; i < n; i++) {
        og_xw_start(&wr, "manifest:file-entry");
        og_xw_attr(&wr, "manifest:full-path", entries[i][0]);
        if (i == 0)
            og_xw_attr(&wr, "manifest:version", "1.3");
        og_xw_attr(&wr, "manifest:media-type", entries[i][1]);
        og_xw_end(&wr);
    }
    og_xw_end(&wr);
    return og_xw_close(&wr, out, path, err);
}
