/* xmlcopy.c — streaming XML copy with hooks, see xmlcopy.h. */
#include "write/xmlcopy.h"

#include "read/xml.h"

xmlNodePtr og_xml_next(xmlNodePtr top, xmlNodePtr n, int skip_children)
{
    if (!skip_children && n->type == XML_ELEMENT_NODE && n->children)
        return n->children;
    while (n && n != top && !n->next)
        n = n->parent;
    return !n || n == top ? NULL : n->next;
}

uint32_t og_xml_count_elements(xmlNodePtr top)
{
    uint32_t n = top->type == XML_ELEMENT_NODE;
    for (xmlNodePtr c = og_xml_next(top, top, 0); c; c = og_xml_next(top, c, 0))
        n += c->type == XML_ELEMENT_NODE;
    return n;
}

/* Elements open around the copy point: their indices, for before_end.  Its depth is bounded
 * by the reader's nesting limit (og_xml_stream). */
typedef struct open_stack {
    uint32_t *idx;
    size_t len, cap;
} open_stack;

/* An unwrapped element's entry on the open stack: its end tag is not written. */
#define UNWRAPPED 0x80000000u

static int end_element(xmlTextWriterPtr w, const og_copy_hooks *h, uint32_t index)
{
    if (index & UNWRAPPED)
        return 0;
    if (h && h->before_end && h->before_end(h->ctx, w, index) < 0)
        return -1;
    return xmlTextWriterEndElement(w) < 0 ? -1 : 0;
}

static int push_open(open_stack *st, uint32_t index)
{
    if (st->len == st->cap) {
        size_t ncap = st->cap ? st->cap * 2 : 64;
        uint32_t *p = realloc(st->idx, ncap * sizeof(uint32_t));
        if (!p)
            return -1;
        st->idx = p;
        st->cap = ncap;
    }
    st->idx[st->len++] = index;
    return 0;
}

static int write_node(xmlTextReaderPtr r, xmlTextWriterPtr w, const og_copy_hooks *h,
                      uint32_t index, open_stack *st)
{
    const char *name = (const char *)xmlTextReaderConstName(r);
    const char *value;
    int empty;
    switch (xmlTextReaderNodeType(r)) {
    case XML_READER_TYPE_ELEMENT:
        empty = xmlTextReaderIsEmptyElement(r);
        if (xmlTextWriterStartElement(w, (const xmlChar *)name) < 0)
            return -1;
        while (xmlTextReaderMoveToNextAttribute(r) == 1)
            if (xmlTextWriterWriteAttribute(w, xmlTextReaderConstName(r),
                                            xmlTextReaderConstValue(r)) < 0)
                return -1;
        xmlTextReaderMoveToElement(r);
        if (h && h->after_start && h->after_start(h->ctx, w, index) < 0)
            return -1;
        if (empty)
            return end_element(w, h, index);
        return push_open(st, index);
    case XML_READER_TYPE_END_ELEMENT: return end_element(w, h, st->len ? st->idx[--st->len] : 0);
    case XML_READER_TYPE_TEXT:
    case XML_READER_TYPE_WHITESPACE:
    case XML_READER_TYPE_SIGNIFICANT_WHITESPACE:
        value = (const char *)xmlTextReaderConstValue(r);
        return value && xmlTextWriterWriteString(w, (const xmlChar *)value) < 0 ? -1 : 0;
    case XML_READER_TYPE_CDATA:
        value = (const char *)xmlTextReaderConstValue(r);
        return value && xmlTextWriterWriteCDATA(w, (const xmlChar *)value) < 0 ? -1 : 0;
    case XML_READER_TYPE_COMMENT:
        return xmlTextWriterWriteComment(w, xmlTextReaderConstValue(r)) < 0 ? -1 : 0;
    case XML_READER_TYPE_PROCESSING_INSTRUCTION:
        return xmlTextWriterWritePI(w, xmlTextReaderConstName(r), xmlTextReaderConstValue(r)) < 0
                   ? -1
                   : 0;
    default: return 0; /* the XML declaration is written by the writer; DOCTYPEs are dropped */
    }
}

int og_xml_copy(const char *xml, size_t len, const char *path, const char *part,
                const og_copy_hooks *hooks, og_buf *out, odfgate_error *err)
{
    og_xml_stream s;
    xmlBufferPtr buf = xmlBufferCreate();
    xmlTextWriterPtr w;
    /* doubling, not libxml2's default exact growth: that copies the whole output at every
     * write, quadratic (an annotate of a 900 KB package took 31 s under ASan, 15 s of it in
     * xmlBufferResize's memmove; plain realloc hid it by growing in place) */
    if (buf)
        xmlBufferSetAllocationScheme(buf, XML_BUFFER_ALLOC_DOUBLEIT);
    w = buf ? xmlNewTextWriterMemory(buf, 0) : NULL;
    uint32_t index = 0;
    int rc = -1, more;
    open_stack st = {0};

    if (!w) {
        xmlBufferFree(buf);
        return og_fail(err, ODFGATE_E_NOMEM, path, part, "out of memory"), -1;
    }
    if (og_xml_stream_open_memory(&s, xml, len, path, part, 0, err) < 0) {
        xmlFreeTextWriter(w);
        xmlBufferFree(buf);
        return -1;
    }
    if (xmlTextWriterStartDocument(w, "1.0", "UTF-8", NULL) < 0)
        goto write_error;
    more = og_xml_stream_next(&s);
    while (more == 1) {
        if (s.type == XML_READER_TYPE_ELEMENT) {
            index++;
            if (hooks && hooks->drop && hooks->drop(hooks->ctx, s.reader, index)) {
                xmlNodePtr sub = xmlTextReaderExpand(s.reader);
                index += (sub ? og_xml_count_elements(sub) : 1) - 1;
                more = xmlTextReaderNext(s.reader); /* past the subtree, onto the next node */
                if (more == 1) /* whatever that node is (the type of the dropped element was
                                  counted as the next node's: an element too many per comment
                                  followed by text, and comments went astray) */
                    s.type = xmlTextReaderNodeType(s.reader);
                continue;
            }
            if (hooks && hooks->unwrap && hooks->unwrap(hooks->ctx, s.reader, index)) {
                /* children only: an empty element leaves nothing, else its end is skipped */
                if (!xmlTextReaderIsEmptyElement(s.reader) && push_open(&st, index | UNWRAPPED) < 0)
                    goto write_error;
                more = og_xml_stream_next(&s);
                continue;
            }
            if (hooks && hooks->replace && !xmlTextReaderIsEmptyElement(s.reader) &&
                hooks->replace(hooks->ctx, s.reader, index)) {
                /* the start tag and the new children, then past the old ones to the end */
                xmlNodePtr sub = xmlTextReaderExpand(s.reader);
                uint32_t at = index;
                if (write_node(s.reader, w, hooks, index, &st) < 0)
                    goto write_error;
                st.len--; /* its end is written here, not met in the stream */
                index += (sub ? og_xml_count_elements(sub) : 1) - 1;
                if (end_element(w, hooks, at) < 0)
                    goto write_error;
                more = xmlTextReaderNext(s.reader);
                if (more == 1)
                    s.type = xmlTextReaderNodeType(s.reader);
                continue;
            }
        }
        if (write_node(s.reader, w, hooks, index, &st) < 0)
            goto write_error;
        more = og_xml_stream_next(&s);
    }
    if (more < 0 || s.failed) {
        if (err && !err->message[0])
            og_fail(err, ODFGATE_E_XML, path, part, "%s: cannot be read again for writing", part);
        goto out;
    }
    if (xmlTextWriterEndDocument(w) < 0)
        goto write_error;
    xmlFreeTextWriter(w);
    w = NULL;
    og_buf_reset(out);
    if (og_buf_add(out, xmlBufferContent(buf), (size_t)xmlBufferLength(buf)) != OG_BUF_OK) {
        og_fail(err, ODFGATE_E_NOMEM, path, part, "out of memory");
        goto out;
    }
    rc = 0;
    goto out;
write_error:
    og_fail(err, ODFGATE_E_NOMEM, path, part, "%s: cannot write the new XML",
            part ? part : "document");
out:
    free(st.idx);
    og_xml_stream_close(&s);
    if (w)
        xmlFreeTextWriter(w);
    xmlBufferFree(buf);
    return rc;
}
