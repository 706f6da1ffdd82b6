/*
 * format-ods.c — the overview as an OpenDocument spreadsheet (ODF 1.3, valid against the
 * OASIS schema: tests/status/ods.sh): sheet "Matrix" (a row per document, a column per
 * signatory, cells styled by state), sheet "Chase list" (a row per signatory and document
 * awaiting them).  The package is assembled in memory (write/pkgwrite.h) and written to the
 * output stream at the end: a command writes it to a file.
 */
#include "overview/overview.h"

#include "write/pkgwrite.h"
#include "write/xmlw.h"

#define MIME_ODS "application/vnd.oasis.opendocument.spreadsheet"

static const char *const fills[] = {"#d8f3dc", "#f8c9c9", "#fff1b8", "#eeeeee",
                                    "#e5383b", "#e7c6ff", "#ffe0b2"};

static void cell_style(og_xw *w, const char *name, const char *fill, int bold)
{
    og_xw_start(w, "style:style");
    og_xw_attr(w, "style:name", name);
    og_xw_attr(w, "style:family", "table-cell");
    if (fill) {
        og_xw_start(w, "style:table-cell-properties");
        og_xw_attr(w, "fo:background-color", fill);
        og_xw_end(w);
    }
    if (bold) {
        og_xw_start(w, "style:text-properties");
        og_xw_attr(w, "fo:font-weight", "bold");
        og_xw_end(w);
    }
    og_xw_end(w);
}

static void column_style(og_xw *w, const char *name, const char *width)
{
    og_xw_start(w, "style:style");
    og_xw_attr(w, "style:name", name);
    og_xw_attr(w, "style:family", "table-column");
    og_xw_start(w, "style:table-column-properties");
    og_xw_attr(w, "style:column-width", width);
    og_xw_end(w);
    og_xw_end(w);
}

static void styles(og_xw *w)
{
    char name[40];
    og_xw_start(w, "office:automatic-styles");
    column_style(w, "co-wide", "3in");
    column_style(w, "co-normal", "1in");
    cell_style(w, "head", NULL, 1);
    for (int s = ODFGATE_SIGNATORY_APPROVED; s <= ODFGATE_SIGNATORY_UNSIGNED; s++) {
        snprintf(name, sizeof(name), "s-%s",
                 odfgate_signatory_state_name((odfgate_signatory_state)s));
        cell_style(w, name, fills[s], 0);
    }
    og_xw_end(w);
}

static void text_cell(og_xw *w, const char *s, const char *style)
{
    og_xw_start(w, "table:table-cell");
    if (style)
        og_xw_attr(w, "table:style-name", style);
    og_xw_attr(w, "office:value-type", "string");
    og_xw_leaf(w, "text:p", s ? s : "");
    og_xw_end(w);
}

static void number_cell(og_xw *w, size_t v)
{
    char num[32];
    snprintf(num, sizeof(num), "%zu", v);
    og_xw_start(w, "table:table-cell");
    og_xw_attr(w, "office:value-type", "float");
    og_xw_attr(w, "office:value", num);
    og_xw_leaf(w, "text:p", num);
    og_xw_end(w);
}

static void empty_cell(og_xw *w)
{
    og_xw_start(w, "table:table-cell");
    og_xw_end(w);
}

static void columns(og_xw *w, size_t wide, size_t normal)
{
    char n[32];
    og_xw_start(w, "table:table-column");
    og_xw_attr(w, "table:style-name", "co-wide");
    if (wide > 1) {
        snprintf(n, sizeof(n), "%zu", wide);
        og_xw_attr(w, "table:number-columns-repeated", n);
    }
    og_xw_end(w);
    og_xw_start(w, "table:table-column");
    og_xw_attr(w, "table:style-name", "co-normal");
    snprintf(n, sizeof(n), "%zu", normal);
    og_xw_attr(w, "table:number-columns-repeated", n);
    og_xw_end(w);
}

static void matrix(og_xw *w, const og_overview *ov)
{
    static const char *const heads[] = {"Document", "Title",    "Verdict",
                                        "Errors",   "Warnings", "Quorum"};
    char quorum[48], style[40];
    og_xw_start(w, "table:table");
    og_xw_attr(w, "table:name", "Matrix");
    columns(w, 2, OG_ARRAY_LEN(heads) - 2 + ov->col_count);
    og_xw_start(w, "table:table-header-rows");
    og_xw_start(w, "table:table-row");
    for (size_t i = 0; i < OG_ARRAY_LEN(heads); i++)
        text_cell(w, heads[i], "head");
    for (size_t c = 0; c < ov->col_count; c++)
        text_cell(w, ov->cols[c].id, "head");
    og_xw_end(w);
    og_xw_end(w);
    for (size_t i = 0; i < ov->row_count; i++) {
        const ov_row *r = &ov->rows[i];
        og_xw_start(w, "table:table-row");
        text_cell(w, r->path, NULL);
        if (r->status == OV_ERROR) {
            text_cell(w, r->error_message, NULL);
            text_cell(w, "error", NULL);
            og_xw_end(w);
            continue;
        }
        text_cell(w, r->title, NULL);
        text_cell(w, r->status == OV_PASS ? "pass" : "fail", NULL);
        number_cell(w, r->errors);
        number_cell(w, r->warnings);
        snprintf(quorum, sizeof(quorum), "%zu/%zu", r->approvals, r->required);
        text_cell(w, r->required ? quorum : "-", NULL);
        for (size_t c = 0; c < ov->col_count; c++) {
            const ov_cell *cell = ov_cell_at(r, c);
            if (!cell) {
                empty_cell(w);
                continue;
            }
            snprintf(style, sizeof(style), "s-%s", odfgate_signatory_state_name(cell->state));
            text_cell(w, odfgate_signatory_state_name(cell->state), style);
        }
        og_xw_end(w);
    }
    og_xw_end(w);
}

static void chase(og_xw *w, const og_overview *ov)
{
    static const char *const heads[] = {"Signatory", "Name", "Document", "State", "By", "At"};
    char style[40];
    og_xw_start(w, "table:table");
    og_xw_attr(w, "table:name", "Chase list");
    columns(w, 3, 3);
    og_xw_start(w, "table:table-header-rows");
    og_xw_start(w, "table:table-row");
    for (size_t i = 0; i < OG_ARRAY_LEN(heads); i++)
        text_cell(w, heads[i], "head");
    og_xw_end(w);
    og_xw_end(w);
    for (size_t c = 0; c < ov->col_count; c++)
        for (size_t i = 0; i < ov->row_count; i++) {
            const ov_cell *cell = ov_cell_at(&ov->rows[i], c);
            if (!cell || !ov_awaiting(cell->state))
                continue;
            snprintf(style, sizeof(style), "s-%s", odfgate_signatory_state_name(cell->state));
            og_xw_start(w, "table:table-row");
            text_cell(w, ov->cols[c].id, NULL);
            text_cell(w, ov->cols[c].name, NULL);
            text_cell(w, ov->rows[i].path, NULL);
            text_cell(w, odfgate_signatory_state_name(cell->state), style);
            text_cell(w, cell->by, NULL);
            text_cell(w, cell->at, NULL);
            og_xw_end(w);
        }
    og_xw_end(w);
}

static int content_xml(const og_overview *ov, og_buf *out, odfgate_error *err)
{
    og_xw w;
    if (og_xw_open(&w) < 0)
        return og_fail(err, ODFGATE_E_NOMEM, NULL, NULL, "out of memory"), -1;
    og_xw_start(&w, "office:document-content");
    og_xw_namespaces(&w);
    styles(&w);
    og_xw_start(&w, "office:body");
    og_xw_start(&w, "office:spreadsheet");
    matrix(&w, ov);
    chase(&w, ov);
    og_xw_end(&w);
    og_xw_end(&w);
    og_xw_end(&w);
    return og_xw_close(&w, out, NULL, err);
}

static int meta_xml(og_buf *out, odfgate_error *err)
{
    char generator[64];
    og_xw w;
    snprintf(generator, sizeof(generator), "odfgate/%s", odfgate_version());
    if (og_xw_open(&w) < 0)
        return og_fail(err, ODFGATE_E_NOMEM, NULL, NULL, "out of memory"), -1;
    og_xw_start(&w, "office:document-meta");
    og_xw_namespaces(&w);
    og_xw_start(&w, "office:meta");
    og_xw_leaf(&w, "meta:generator", generator);
    og_xw_leaf(&w, "dc:title", "Statement status");
    og_xw_end(&w);
    og_xw_end(&w);
    return og_xw_close(&w, out, NULL, err);
}

static int styles_xml(og_buf *out, odfgate_error *err)
{
    og_xw w;
    if (og_xw_open(&w) < 0)
        return og_fail(err, ODFGATE_E_NOMEM, NULL, NULL, "out of memory"), -1;
    og_xw_start(&w, "office:document-styles");
    og_xw_namespaces(&w);
    og_xw_start(&w, "office:styles");
    og_xw_end(&w);
    og_xw_end(&w);
    return og_xw_close(&w, out, NULL, err);
}

static void ods_begin(og_overview *ov, FILE *o)
{
    (void)ov;
    (void)o;
}

static void ods_end(og_overview *ov, FILE *o)
{
    static const char *const entries[][2] = {{"/", MIME_ODS},
                                             {"content.xml", "text/xml"},
                                             {"styles.xml", "text/xml"},
                                             {"meta.xml", "text/xml"}};
    og_buf part[4], pkg;
    odfgate_error err;
    int ok;
    for (int i = 0; i < 4; i++)
        og_buf_init(&part[i], SIZE_MAX / 2);
    og_buf_init(&pkg, SIZE_MAX / 2);
    ok = content_xml(ov, &part[0], &err) == 0 && styles_xml(&part[1], &err) == 0 &&
         meta_xml(&part[2], &err) == 0 &&
         og_xw_manifest(&part[3], entries, OG_ARRAY_LEN(entries), NULL, &err) == 0;
    if (ok) {
        og_part_data parts[] = {{"mimetype", MIME_ODS, strlen(MIME_ODS), NULL},
                                {"content.xml", part[0].data, part[0].len, NULL},
                                {"styles.xml", part[1].data, part[1].len, NULL},
                                {"meta.xml", part[2].data, part[2].len, NULL},
                                {"META-INF/manifest.xml", part[3].data, part[3].len, NULL}};
        ok = og_package_assemble(parts, OG_ARRAY_LEN(parts), &pkg, NULL, &err) == 0;
    }
    if (ok)
        fwrite(pkg.data, 1, pkg.len, o);
    else
        ov->nomem = 1;
    for (int i = 0; i < 4; i++)
        og_buf_free(&part[i]);
    og_buf_free(&pkg);
}

const ov_format ov_format_ods = {"ods", 1, ods_begin, NULL, ods_end};
