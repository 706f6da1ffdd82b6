/*
 * annotate.c — findings as ODF comments.  content.xml (or the flat document) is copied node by
 * node (xmlcopy.c); each finding becomes an office:annotation (dc:creator "odfgate") as the
 * first child of its paragraph: the heading of its section, the paragraph it is about, the
 * heading a missing section should precede; document-level findings go into the first
 * paragraph.  Earlier odfgate comments are dropped first, so running again replaces them;
 * other people's comments are never touched.  Every other part is copied raw; the write is
 * atomic.
 */
#include "base/internal.h"

#include "base/buf.h"
#include "read/model.h"
#include "read/package.h"
#include "write/pkgwrite.h"
#include "check/signoff.h"
#include "read/xml.h"
#include "write/xmlcopy.h"

typedef struct pending {
    uint32_t node;
    const odfgate_finding *f;
} pending;

typedef struct annot {
    pending *items;
    size_t count, next;
    const char *date;
    size_t written, removed;
} annot;

static int by_node(const void *a, const void *b)
{
    const pending *x = a, *y = b;
    return x->node < y->node ? -1 : x->node > y->node;
}

/* Is the current element an office:annotation written by odfgate? */
static int drop_ours(void *ctx, xmlTextReaderPtr r, uint32_t index)
{
    annot *a = ctx;
    xmlNodePtr n, c;
    (void)index;
    if (!xmlStrEqual(xmlTextReaderConstLocalName(r), (const xmlChar *)"annotation") ||
        !xmlStrEqual(xmlTextReaderConstNamespaceUri(r), (const xmlChar *)OG_NS_OFFICE))
        return 0;
    if (!(n = xmlTextReaderExpand(r)))
        return 0;
    for (c = n->children; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE && c->ns &&
            xmlStrEqual(c->ns->href, (const xmlChar *)OG_NS_DC) &&
            xmlStrEqual(c->name, (const xmlChar *)"creator")) {
            xmlChar *who = xmlNodeGetContent(c);
            int ours = who && xmlStrEqual(who, (const xmlChar *)OG_OWN_AUTHOR);
            xmlFree(who);
            a->removed += ours;
            return ours;
        }
    return 0;
}

static int element(xmlTextWriterPtr w, const char *qname, const char *text)
{
    if (xmlTextWriterStartElement(w, (const xmlChar *)qname) < 0 ||
        xmlTextWriterWriteString(w, (const xmlChar *)text) < 0 || xmlTextWriterEndElement(w) < 0)
        return -1;
    return 0;
}

static int write_annotations(void *ctx, xmlTextWriterPtr w, uint32_t index)
{
    annot *a = ctx;
    while (a->next < a->count && a->items[a->next].node == index) {
        const odfgate_finding *f = a->items[a->next++].f;
        char text[1200];
        /* as `check` prints a finding, less the section the comment sits in */
        snprintf(text, sizeof(text), "%s: %s (%s)", odfgate_severity_name(f->severity), f->message,
                 f->rule);
        /* the prefixes are declared on the comment itself, whatever the document declares */
        if (xmlTextWriterStartElement(w, (const xmlChar *)"office:annotation") < 0 ||
            xmlTextWriterWriteAttribute(w, (const xmlChar *)"xmlns:office",
                                        (const xmlChar *)OG_NS_OFFICE) < 0 ||
            xmlTextWriterWriteAttribute(w, (const xmlChar *)"xmlns:dc", (const xmlChar *)OG_NS_DC) <
                0 ||
            xmlTextWriterWriteAttribute(w, (const xmlChar *)"xmlns:text",
                                        (const xmlChar *)OG_NS_TEXT) < 0 ||
            element(w, "dc:creator", OG_OWN_AUTHOR) < 0 || element(w, "dc:date", a->date) < 0 ||
            element(w, "text:p", text) < 0 || xmlTextWriterEndElement(w) < 0)
            return -1;
        a->written++;
    }
    return 0;
}

odfgate_status odfgate_annotate(const char *in_path, const char *out_path, const odfgate_doc *doc,
                                const odfgate_result *res, const char *date, int force,
                                odfgate_annotate_counts *counts, odfgate_error *err)
{
    OG_ERR_LOCAL(err);
    og_package *pkg = NULL;
    og_buf in, out;
    annot a = {0};
    char now[32];
    size_t n = res ? odfgate_result_count(res) : 0;
    int rc = -1;
    odfgate_status st;

    if (!in_path || !out_path || !doc)
        return og_fail(err, ODFGATE_E_USAGE, in_path, NULL, "missing argument");
    og_now_iso(now);
    a.date = date ? date : now;
    a.items = calloc(n + 1, sizeof(*a.items));
    if (!a.items)
        return og_fail(err, ODFGATE_E_NOMEM, in_path, NULL, "out of memory");
    for (size_t i = 0; i < n && doc->para_count; i++) {
        const odfgate_finding *f = odfgate_result_finding(res, i);
        uint32_t ord = f->paragraph && f->paragraph <= doc->para_count ? f->paragraph : 1;
        a.items[a.count++] = (pending){doc->paras[ord - 1].node, f};
    }
    /* stable: findings of one paragraph keep their report order */
    for (size_t i = 1; i < a.count; i++)
        for (size_t j = i; j > 0 && by_node(&a.items[j - 1], &a.items[j]) > 0; j--) {
            pending t = a.items[j];
            a.items[j] = a.items[j - 1];
            a.items[j - 1] = t;
        }
    og_buf_init(&in, SIZE_MAX / 2);
    og_buf_init(&out, SIZE_MAX / 2);
    if ((st = og_package_open(in_path, NULL, &pkg, err)) != ODFGATE_OK)
        goto done;
    if (og_package_has_part(pkg, OG_SIGNATURES_PART) && !force) {
        og_fail(err, ODFGATE_E_USAGE, in_path, OG_SIGNATURES_PART,
                "the document carries ODF digital signatures; rewriting content.xml would "
                "invalidate them (use --force to write anyway: the signatures are then removed)");
        goto done;
    }
    og_copy_hooks hooks = {&a, write_annotations, drop_ours, NULL, NULL, NULL};
    if (og_package_read_part(pkg, "content.xml", &in, err) < 0 ||
        og_xml_copy(in.data, in.len, in_path,
                    og_package_kind_of(pkg) == OG_PACKAGE_FLAT ? NULL : "content.xml", &hooks, &out,
                    err) < 0)
        goto done;
    if (og_package_kind_of(pkg) == OG_PACKAGE_FLAT) {
        rc = og_write_file_atomic(out_path, out.data, out.len,
                                  og_in_place_expect(in_path, out_path, &doc->source), err);
    } else {
        og_part_data part = {"content.xml", out.data, out.len, "text/xml"};
        og_package_free(pkg);
        pkg = NULL;
        static const char *const drop[] = {OG_SIGNATURES_PART, NULL};
        rc = og_package_write(in_path, out_path, &part, 1, force ? drop : NULL,
                              og_in_place_expect(in_path, out_path, &doc->source), err);
    }
done:
    og_package_free(pkg);
    og_buf_free(&in);
    og_buf_free(&out);
    if (counts)
        *counts = (odfgate_annotate_counts){rc == 0 ? a.written : 0, rc == 0 ? a.removed : 0};
    free(a.items);
    if (rc == 0)
        return ODFGATE_OK;
    return og_status_of(err);
}
