/*
 * skeleton.c — `odfgate new`: a fresh draft from a schema.  The title, a table of the
 * signatories, then every required section as a "Heading N" heading at its level with a
 * guidance paragraph in "[insert: …]" brackets, which the placeholder rule flags until it is
 * replaced.  Without a template the package is built from scratch (styles with Heading 1..10
 * and an outline style); with a template (.ott/.odt) its styles, settings and pictures are
 * kept and only content.xml, meta.xml, the mimetype and the manifest's own type change.
 * All XML is written with xmlTextWriter; the write is atomic.
 */
#include "base/internal.h"

#include "base/buf.h"
#include "write/metaedit.h"
#include "read/package.h"
#include "write/pkgwrite.h"
#include "schema/schema.h"
#include "check/signoff.h"
#include "read/xml.h"

#include <libxml/xmlwriter.h>

#define OG_MIME_ODT "application/vnd.oasis.opendocument.text"
#define OG_NS_FO    "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
#define X(s)        ((const xmlChar *)(s))

typedef struct writer {
    xmlBufferPtr buf;
    xmlTextWriterPtr w;
    int failed;
} writer;

static int w_open(writer *wr)
{
    wr->failed = 0;
    wr->buf = xmlBufferCreate();
    wr->w = wr->buf ? xmlNewTextWriterMemory(wr->buf, 0) : NULL;
    if (!wr->w || xmlTextWriterStartDocument(wr->w, "1.0", "UTF-8", NULL) < 0)
        wr->failed = 1;
    return wr->failed ? -1 : 0;
}

/* Each helper records a failure; the caller checks wr->failed once at the end. */
static void start(writer *wr, const char *name)
{
    if (!wr->failed && xmlTextWriterStartElement(wr->w, X(name)) < 0)
        wr->failed = 1;
}
static void attr(writer *wr, const char *name, const char *value)
{
    if (!wr->failed && xmlTextWriterWriteAttribute(wr->w, X(name), X(value)) < 0)
        wr->failed = 1;
}
static void text(writer *wr, const char *s)
{
    if (!wr->failed && xmlTextWriterWriteString(wr->w, X(s)) < 0)
        wr->failed = 1;
}
static void end(writer *wr)
{
    if (!wr->failed && xmlTextWriterEndElement(wr->w) < 0)
        wr->failed = 1;
}
static void leaf(writer *wr, const char *name, const char *content)
{
    start(wr, name);
    text(wr, content);
    end(wr);
}
static void namespaces(writer *wr)
{
    attr(wr, "xmlns:office", OG_NS_OFFICE);
    attr(wr, "xmlns:style", OG_NS_STYLE);
    attr(wr, "xmlns:text", OG_NS_TEXT);
    attr(wr, "xmlns:table", OG_NS_TABLE);
    attr(wr, "xmlns:fo", OG_NS_FO);
    attr(wr, "xmlns:dc", OG_NS_DC);
    attr(wr, "xmlns:meta", OG_NS_META);
    attr(wr, "office:version", "1.3");
}

/* Finish the document into out; 0 or -1 (err filled). */
static int w_close(writer *wr, og_buf *out, const char *path, odfgate_error *err)
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
        og_fail(err, ODFGATE_E_NOMEM, path, NULL, "cannot write the new document");
    xmlBufferFree(wr->buf);
    wr->buf = NULL;
    return rc;
}

static int max_level(const odfgate_schema *s)
{
    int m = 3;
    for (size_t i = 0; i < s->section_count; i++)
        if (s->sections[i].level > m)
            m = s->sections[i].level;
    return m > 10 ? 10 : m;
}

/* Is section i required, and so are all its parents? */
static int wanted(const odfgate_schema *s, size_t i)
{
    for (size_t k = i; k != OG_NONE; k = s->sections[k].parent)
        if (!s->sections[k].required)
            return 0;
    return 1;
}

static int content_xml(const odfgate_schema *s, const char *title, og_buf *out, const char *path,
                       odfgate_error *err)
{
    writer wr;
    char name[32], level[8], guidance[1200];
    if (w_open(&wr) < 0)
        return og_fail(err, ODFGATE_E_NOMEM, path, NULL, "out of memory"), -1;
    start(&wr, "office:document-content");
    namespaces(&wr);
    start(&wr, "office:body");
    start(&wr, "office:text");
    start(&wr, "text:p");
    attr(&wr, "text:style-name", "Title");
    text(&wr, title);
    end(&wr);
    if (s->signatory_count) {
        start(&wr, "text:p");
        attr(&wr, "text:style-name", "Text_20_body");
        text(&wr, "This statement is made jointly by:");
        end(&wr);
        start(&wr, "table:table");
        attr(&wr, "table:name", "Signatories");
        start(&wr, "table:table-column");
        attr(&wr, "table:number-columns-repeated", "2");
        end(&wr);
        for (size_t i = 0; i < s->signatory_count; i++) {
            start(&wr, "table:table-row");
            start(&wr, "table:table-cell");
            leaf(&wr, "text:p", s->signatories[i].name);
            end(&wr);
            start(&wr, "table:table-cell");
            leaf(&wr, "text:p", s->signatories[i].id);
            end(&wr);
            end(&wr);
        }
        end(&wr);
    }
    for (size_t i = 0; i < s->section_count; i++) {
        const og_section *sec = &s->sections[i];
        if (!wanted(s, i))
            continue;
        snprintf(name, sizeof(name), "Heading_20_%d", sec->level);
        snprintf(level, sizeof(level), "%d", sec->level);
        start(&wr, "text:h");
        attr(&wr, "text:style-name", name);
        attr(&wr, "text:outline-level", level);
        text(&wr, sec->heading);
        end(&wr);
        snprintf(guidance, sizeof(guidance), "[insert: %s]",
                 sec->guidance ? sec->guidance : "the text of this section");
        start(&wr, "text:p");
        attr(&wr, "text:style-name", "Text_20_body");
        text(&wr, guidance);
        end(&wr);
    }
    end(&wr);
    end(&wr);
    end(&wr);
    return w_close(&wr, out, path, err);
}

static void paragraph_style(writer *wr, const char *name, const char *display, const char *parent,
                            const char *size, const char *weight, int outline)
{
    char level[8];
    start(wr, "style:style");
    attr(wr, "style:name", name);
    if (display)
        attr(wr, "style:display-name", display);
    attr(wr, "style:family", "paragraph");
    if (parent)
        attr(wr, "style:parent-style-name", parent);
    if (outline) {
        snprintf(level, sizeof(level), "%d", outline);
        attr(wr, "style:default-outline-level", level);
        attr(wr, "style:next-style-name", "Text_20_body");
    }
    start(wr, "style:paragraph-properties");
    attr(wr, "fo:margin-top", outline ? "0.42cm" : "0cm");
    attr(wr, "fo:margin-bottom", "0.21cm");
    end(wr);
    if (size || weight) {
        start(wr, "style:text-properties");
        if (size)
            attr(wr, "fo:font-size", size);
        if (weight)
            attr(wr, "fo:font-weight", weight);
        end(wr);
    }
    end(wr);
}

static int styles_xml(const odfgate_schema *s, og_buf *out, const char *path, odfgate_error *err)
{
    static const char *const sizes[] = {"18pt", "16pt", "14pt", "13pt", "12pt",
                                        "12pt", "11pt", "11pt", "11pt", "11pt"};
    writer wr;
    char name[32], display[32], level[8];
    int levels = max_level(s);
    if (w_open(&wr) < 0)
        return og_fail(err, ODFGATE_E_NOMEM, path, NULL, "out of memory"), -1;
    start(&wr, "office:document-styles");
    namespaces(&wr);
    start(&wr, "office:styles");
    paragraph_style(&wr, "Standard", NULL, NULL, "11pt", NULL, 0);
    paragraph_style(&wr, "Text_20_body", "Text body", "Standard", NULL, NULL, 0);
    paragraph_style(&wr, "Title", NULL, "Standard", "24pt", "bold", 0);
    paragraph_style(&wr, "Heading", NULL, "Standard", "14pt", "bold", 0);
    for (int l = 1; l <= levels; l++) {
        snprintf(name, sizeof(name), "Heading_20_%d", l);
        snprintf(display, sizeof(display), "Heading %d", l);
        paragraph_style(&wr, name, display, "Heading", sizes[l - 1], "bold", l);
    }
    start(&wr, "text:outline-style");
    attr(&wr, "style:name", "Outline");
    for (int l = 1; l <= 10; l++) {
        snprintf(level, sizeof(level), "%d", l);
        start(&wr, "text:outline-level-style");
        attr(&wr, "text:level", level);
        attr(&wr, "style:num-format", "");
        end(&wr);
    }
    end(&wr);
    end(&wr); /* office:styles */
    start(&wr, "office:automatic-styles");
    start(&wr, "style:page-layout");
    attr(&wr, "style:name", "pm1");
    start(&wr, "style:page-layout-properties");
    attr(&wr, "fo:page-width", "21.001cm");
    attr(&wr, "fo:page-height", "29.7cm");
    attr(&wr, "fo:margin-top", "2cm");
    attr(&wr, "fo:margin-bottom", "2cm");
    attr(&wr, "fo:margin-left", "2cm");
    attr(&wr, "fo:margin-right", "2cm");
    end(&wr);
    end(&wr);
    end(&wr);
    start(&wr, "office:master-styles");
    start(&wr, "style:master-page");
    attr(&wr, "style:name", "Standard");
    attr(&wr, "style:page-layout-name", "pm1");
    end(&wr);
    end(&wr);
    end(&wr);
    return w_close(&wr, out, path, err);
}

static int meta_xml(const char *title, og_buf *out, const char *path, odfgate_error *err)
{
    writer wr;
    char now[32], generator[64];
    og_now_iso(now);
    snprintf(generator, sizeof(generator), "odfgate/%s", odfgate_version());
    if (w_open(&wr) < 0)
        return og_fail(err, ODFGATE_E_NOMEM, path, NULL, "out of memory"), -1;
    start(&wr, "office:document-meta");
    namespaces(&wr);
    start(&wr, "office:meta");
    leaf(&wr, "meta:generator", generator);
    leaf(&wr, "dc:title", title);
    leaf(&wr, "meta:creation-date", now);
    end(&wr);
    end(&wr);
    return w_close(&wr, out, path, err);
}

static int manifest_xml(og_buf *out, const char *path, odfgate_error *err)
{
    static const char *const entries[][2] = {{"/", OG_MIME_ODT},
                                             {"content.xml", "text/xml"},
                                             {"styles.xml", "text/xml"},
                                             {"meta.xml", "text/xml"}};
    writer wr;
    if (w_open(&wr) < 0)
        return og_fail(err, ODFGATE_E_NOMEM, path, NULL, "out of memory"), -1;
    start(&wr, "manifest:manifest");
    attr(&wr, "xmlns:manifest", OG_NS_MANIFEST);
    attr(&wr, "manifest:version", "1.3");
    for (size_t i = 0; i < OG_ARRAY_LEN(entries); i++) {
        start(&wr, "manifest:file-entry");
        attr(&wr, "manifest:full-path", entries[i][0]);
        if (i == 0)
            attr(&wr, "manifest:version", "1.3");
        attr(&wr, "manifest:media-type", entries[i][1]);
        end(&wr);
    }
    end(&wr);
    return w_close(&wr, out, path, err);
}

odfgate_status odfgate_new_draft(const char *out_path, const odfgate_schema *schema,
                                 const char *title, const char *template_path, odfgate_error *err)
{
    OG_ERR_LOCAL(err);
    og_buf content, styles, meta, manifest, tmpl;
    int rc = -1;
    static const char mime[] = OG_MIME_ODT;
    if (!out_path || !schema)
        return og_fail(err, ODFGATE_E_USAGE, out_path, NULL, "missing argument");
    if (!title || !*title)
        title = schema->title ? schema->title : schema->id;
    og_buf_init(&content, SIZE_MAX / 2);
    og_buf_init(&styles, SIZE_MAX / 2);
    og_buf_init(&meta, SIZE_MAX / 2);
    og_buf_init(&manifest, SIZE_MAX / 2);
    og_buf_init(&tmpl, 64u << 20);
    if (content_xml(schema, title, &content, out_path, err) < 0 ||
        meta_xml(title, &meta, out_path, err) < 0)
        goto done;
    if (!template_path) {
        if (styles_xml(schema, &styles, out_path, err) < 0 ||
            manifest_xml(&manifest, out_path, err) < 0)
            goto done;
        og_part_data parts[] = {{"mimetype", mime, sizeof(mime) - 1, NULL},
                                {"content.xml", content.data, content.len, NULL},
                                {"styles.xml", styles.data, styles.len, NULL},
                                {"meta.xml", meta.data, meta.len, NULL},
                                {"META-INF/manifest.xml", manifest.data, manifest.len, NULL}};
        rc = og_package_create(out_path, parts, OG_ARRAY_LEN(parts), err);
    } else {
        og_package *pkg = NULL;
        if (og_package_open(template_path, NULL, &pkg, err) != ODFGATE_OK)
            goto done;
        if (og_package_kind_of(pkg) != OG_PACKAGE_ZIP) {
            og_fail(err, ODFGATE_E_USAGE, template_path, NULL,
                    "a template must be a zip package (.ott or .odt)");
            og_package_free(pkg);
            goto done;
        }
        if (og_package_read_part(pkg, "META-INF/manifest.xml", &tmpl, err) < 0 ||
            og_manifest_retype(tmpl.data, tmpl.len, template_path, OG_MIME_ODT,
                               "Thumbnails/thumbnail.png", &manifest, err) < 0) {
            og_package_free(pkg);
            goto done;
        }
        og_package_free(pkg);
        og_part_data parts[] = {{"mimetype", mime, sizeof(mime) - 1, NULL},
                                {"content.xml", content.data, content.len, NULL},
                                {"meta.xml", meta.data, meta.len, NULL},
                                {"META-INF/manifest.xml", manifest.data, manifest.len, NULL}};
        static const char *const drop[] = {"Thumbnails/thumbnail.png", OG_SIGNATURES_PART, NULL};
        rc = og_package_write(template_path, out_path, parts, OG_ARRAY_LEN(parts), drop, NULL, err);
    }
done:
    og_buf_free(&content);
    og_buf_free(&styles);
    og_buf_free(&meta);
    og_buf_free(&manifest);
    og_buf_free(&tmpl);
    return rc == 0 ? ODFGATE_OK : (og_status_of(err));
}
