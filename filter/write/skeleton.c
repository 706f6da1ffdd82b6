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
#include "write/xmlw.h"

#define OG_MIME_ODT "application/vnd.oasis.opendocument.text"

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
    og_xw wr;
    char name[32], level[8], guidance[1200];
    if (og_xw_open(&wr) < 0)
        return og_fail(err, ODFGATE_E_NOMEM, path, NULL, "out of memory"), -1;
    og_xw_start(&wr, "office:document-content");
    og_xw_namespaces(&wr);
    og_xw_start(&wr, "office:body");
    og_xw_start(&wr, "office:text");
    og_xw_start(&wr, "text:p");
    og_xw_attr(&wr, "text:style-name", "Title");
    og_xw_text(&wr, title);
    og_xw_end(&wr);
    if (s->signatory_count) {
        og_xw_start(&wr, "text:p");
        og_xw_attr(&wr, "text:style-name", "Text_20_body");
        og_xw_text(&wr, "This statement is made jointly by:");
        og_xw_end(&wr);
        og_xw_start(&wr, "table:table");
        og_xw_attr(&wr, "table:name", "Signatories");
        og_xw_start(&wr, "table:table-column");
        og_xw_attr(&wr, "table:number-columns-repeated", "2");
        og_xw_end(&wr);
        for (size_t i = 0; i < s->signatory_count; i++) {
            og_xw_start(&wr, "table:table-row");
            og_xw_start(&wr, "table:table-cell");
            og_xw_leaf(&wr, "text:p", s->signatories[i].name);
            og_xw_end(&wr);
            og_xw_start(&wr, "table:table-cell");
            og_xw_leaf(&wr, "text:p", s->signatories[i].id);
            og_xw_end(&wr);
            og_xw_end(&wr);
        }
        og_xw_end(&wr);
    }
    for (size_t i = 0; i < s->section_count; i++) {
        const og_section *sec = &s->sections[i];
        if (!wanted(s, i))
            continue;
        snprintf(name, sizeof(name), "Heading_20_%d", sec->level);
        snprintf(level, sizeof(level), "%d", sec->level);
        og_xw_start(&wr, "text:h");
        og_xw_attr(&wr, "text:style-name", name);
        og_xw_attr(&wr, "text:outline-level", level);
        og_xw_text(&wr, sec->heading);
        og_xw_end(&wr);
        snprintf(guidance, sizeof(guidance), "[insert: %s]",
                 sec->guidance ? sec->guidance : "the text of this section");
        og_xw_start(&wr, "text:p");
        og_xw_attr(&wr, "text:style-name", "Text_20_body");
        og_xw_text(&wr, guidance);
        og_xw_end(&wr);
    }
    og_xw_end(&wr);
    og_xw_end(&wr);
    og_xw_end(&wr);
    return og_xw_close(&wr, out, path, err);
}

static void paragraph_style(og_xw *wr, const char *name, const char *display, const char *parent,
                            const char *size, const char *weight, int outline)
{
    char level[8];
    og_xw_start(wr, "style:style");
    og_xw_attr(wr, "style:name", name);
    if (display)
        og_xw_attr(wr, "style:display-name", display);
    og_xw_attr(wr, "style:family", "paragraph");
    if (parent)
        og_xw_attr(wr, "style:parent-style-name", parent);
    if (outline) {
        snprintf(level, sizeof(level), "%d", outline);
        og_xw_attr(wr, "style:default-outline-level", level);
        og_xw_attr(wr, "style:next-style-name", "Text_20_body");
    }
    og_xw_start(wr, "style:paragraph-properties");
    og_xw_attr(wr, "fo:margin-top", outline ? "0.42cm" : "0cm");
    og_xw_attr(wr, "fo:margin-bottom", "0.21cm");
    og_xw_end(wr);
    if (size || weight) {
        og_xw_start(wr, "style:text-properties");
        if (size)
            og_xw_attr(wr, "fo:font-size", size);
        if (weight)
            og_xw_attr(wr, "fo:font-weight", weight);
        og_xw_end(wr);
    }
    og_xw_end(wr);
}

static int styles_xml(const odfgate_schema *s, og_buf *out, const char *path, odfgate_error *err)
{
    static const char *const sizes[] = {"18pt", "16pt", "14pt", "13pt", "12pt",
                                        "12pt", "11pt", "11pt", "11pt", "11pt"};
    og_xw wr;
    char name[32], display[32], level[8];
    int levels = max_level(s);
    if (og_xw_open(&wr) < 0)
        return og_fail(err, ODFGATE_E_NOMEM, path, NULL, "out of memory"), -1;
    og_xw_start(&wr, "office:document-styles");
    og_xw_namespaces(&wr);
    og_xw_start(&wr, "office:styles");
    paragraph_style(&wr, "Standard", NULL, NULL, "11pt", NULL, 0);
    paragraph_style(&wr, "Text_20_body", "Text body", "Standard", NULL, NULL, 0);
    paragraph_style(&wr, "Title", NULL, "Standard", "24pt", "bold", 0);
    paragraph_style(&wr, "Heading", NULL, "Standard", "14pt", "bold", 0);
    for (int l = 1; l <= levels; l++) {
        snprintf(name, sizeof(name), "Heading_20_%d", l);
        snprintf(display, sizeof(display), "Heading %d", l);
        paragraph_style(&wr, name, display, "Heading", sizes[l - 1], "bold", l);
    }
    og_xw_start(&wr, "text:outline-style");
    og_xw_attr(&wr, "style:name", "Outline");
    for (int l = 1; l <= 10; l++) {
        snprintf(level, sizeof(level), "%d", l);
        og_xw_start(&wr, "text:outline-level-style");
        og_xw_attr(&wr, "text:level", level);
        og_xw_attr(&wr, "style:num-format", "");
        og_xw_end(&wr);
    }
    og_xw_end(&wr);
    og_xw_end(&wr); /* office:styles */
    og_xw_start(&wr, "office:automatic-styles");
    og_xw_start(&wr, "style:page-layout");
    og_xw_attr(&wr, "style:name", "pm1");
    og_xw_start(&wr, "style:page-layout-properties");
    og_xw_attr(&wr, "fo:page-width", "21.001cm");
    og_xw_attr(&wr, "fo:page-height", "29.7cm");
    og_xw_attr(&wr, "fo:margin-top", "2cm");
    og_xw_attr(&wr, "fo:margin-bottom", "2cm");
    og_xw_attr(&wr, "fo:margin-left", "2cm");
    og_xw_attr(&wr, "fo:margin-right", "2cm");
    og_xw_end(&wr);
    og_xw_end(&wr);
    og_xw_end(&wr);
    og_xw_start(&wr, "office:master-styles");
    og_xw_start(&wr, "style:master-page");
    og_xw_attr(&wr, "style:name", "Standard");
    og_xw_attr(&wr, "style:page-layout-name", "pm1");
    og_xw_end(&wr);
    og_xw_end(&wr);
    og_xw_end(&wr);
    return og_xw_close(&wr, out, path, err);
}

static int meta_xml(const char *title, og_buf *out, const char *path, odfgate_error *err)
{
    og_xw wr;
    char now[32], generator[64];
    og_now_iso(now);
    snprintf(generator, sizeof(generator), "odfgate/%s", odfgate_version());
    if (og_xw_open(&wr) < 0)
        return og_fail(err, ODFGATE_E_NOMEM, path, NULL, "out of memory"), -1;
    og_xw_start(&wr, "office:document-meta");
    og_xw_namespaces(&wr);
    og_xw_start(&wr, "office:meta");
    og_xw_leaf(&wr, "meta:generator", generator);
    og_xw_leaf(&wr, "dc:title", title);
    og_xw_leaf(&wr, "meta:creation-date", now);
    og_xw_end(&wr);
    og_xw_end(&wr);
    return og_xw_close(&wr, out, path, err);
}

static int manifest_xml(og_buf *out, const char *path, odfgate_error *err)
{
    static const char *const entries[][2] = {{"/", OG_MIME_ODT},
                                             {"content.xml", "text/xml"},
                                             {"styles.xml", "text/xml"},
                                             {"meta.xml", "text/xml"}};
    return og_xw_manifest(out, entries, OG_ARRAY_LEN(entries), path, err);
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
