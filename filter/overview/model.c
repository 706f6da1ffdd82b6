/*
 * model.c — odfgate_overview_new and the rows: each checked document becomes an ov_row (see
 * overview.h), compared with the earlier run, then streamed or kept for the format's end.
 */
#include "overview/overview.h"

#include "base/vec.h"
#include "text/text.h"

static const ov_format *const formats[] = {&ov_format_text, &ov_format_csv, &ov_format_json,
                                           &ov_format_html, &ov_format_ods};

const char *odfgate_overview_format_name(size_t i)
{
    return i < OG_ARRAY_LEN(formats) ? formats[i]->name : NULL;
}

int ov_awaiting(odfgate_signatory_state st)
{
    return st != ODFGATE_SIGNATORY_APPROVED && st != ODFGATE_SIGNATORY_REJECTED;
}

const char *ov_clean(og_arena *a, const char *s)
{
    og_buf b;
    const char *copy;
    size_t n;
    if (!s)
        return NULL;
    n = strlen(s);
    og_buf_init(&b, SIZE_MAX / 2);
    for (size_t i = 0, k; i < n; i += k) {
        uint32_t cp;
        k = og_utf8_decode(s + i, n - i, &cp);
        if (cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp < 0xa0) || cp == 0xfffe || cp == 0xffff)
            cp = 0xfffd;
        if (og_utf8_append(&b, cp) != OG_BUF_OK) {
            og_buf_free(&b);
            return NULL;
        }
    }
    copy = og_arena_strndup(a, b.data ? b.data : "", b.len);
    og_buf_free(&b);
    return copy;
}

const ov_cell *ov_cell_at(const ov_row *row, size_t col)
{
    for (size_t i = 0; i < row->cell_count; i++)
        if (row->cells[i].col == col)
            return &row->cells[i];
    return NULL;
}

/* The column of signatory id (added after the others when new). SIZE_MAX on out of memory. */
static size_t column(og_overview *ov, const odfgate_schema *schema, size_t k)
{
    const char *id = odfgate_schema_signatory_id(schema, k);
    for (size_t c = 0; c < ov->col_count; c++)
        if (strcmp(ov->cols[c].id, id) == 0)
            return c;
    if (og_vec_reserve_((void **)&ov->cols, &ov->col_cap, ov->col_count, sizeof(ov_column),
                        SIZE_MAX / sizeof(ov_column)) < 0)
        return SIZE_MAX;
    ov->cols[ov->col_count].id = ov_clean(&ov->arena, id);
    ov->cols[ov->col_count].name = ov_clean(&ov->arena, odfgate_schema_signatory_name(schema, k));
    if (!ov->cols[ov->col_count].id)
        return SIZE_MAX;
    return ov->col_count++;
}

/* Count a failing finding into the row's blockers (one entry per rule: the rule table bounds
 * the list).  The list grows geometrically in the arena (*cap). */
static int tally(og_arena *a, ov_row *row, size_t *cap, const odfgate_finding *f)
{
    for (size_t i = 0; i < row->blocker_count; i++)
        if (strcmp(row->blockers[i].rule, f->rule) == 0) {
            row->blockers[i].count++;
            if (f->severity > row->blockers[i].severity)
                row->blockers[i].severity = f->severity;
            return 0;
        }
    if (row->blocker_count == *cap) {
        size_t grow = *cap ? 2 * *cap : 4;
        ov_tally *grown = og_arena_alloc(a, grow * sizeof(ov_tally));
        if (!grown)
            return -1;
        if (row->blocker_count)
            memcpy(grown, row->blockers, row->blocker_count * sizeof(ov_tally));
        row->blockers = grown;
        *cap = grow;
    }
    row->blockers[row->blocker_count++] = (ov_tally){f->rule, f->severity, NULL, 1};
    return 0;
}

static int by_rule_and_reason(const void *x, const void *y)
{
    const odfgate_finding *a = *(const odfgate_finding *const *)x;
    const odfgate_finding *b = *(const odfgate_finding *const *)y;
    int c = strcmp(a->rule, b->rule);
    return c ? c : strcmp(a->suppressed, b->suppressed);
}

/* The waivers in force: the waived findings grouped by rule and reason (as the document wrote
 * it; kept cleaned).  Sorted, so n log n in the findings a document controls. */
static int tally_waivers(og_arena *a, ov_row *row, const odfgate_finding **waived, size_t n)
{
    qsort(waived, n, sizeof(*waived), by_rule_and_reason);
    if (n && !(row->waivers = og_arena_alloc(a, n * sizeof(ov_tally))))
        return -1;
    for (size_t i = 0; i < n; i++) {
        ov_tally *last = row->waiver_count ? &row->waivers[row->waiver_count - 1] : NULL;
        if (last && by_rule_and_reason(&waived[i - 1], &waived[i]) == 0) {
            last->count++;
            continue;
        }
        row->waivers[row->waiver_count] =
            (ov_tally){waived[i]->rule, waived[i]->severity,
                       ov_clean(a, waived[i]->suppressed + strlen("waived: ")), 1};
        if (!row->waivers[row->waiver_count++].reason)
            return -1;
    }
    return 0;
}

static int build_cells(og_overview *ov, og_arena *a, ov_row *row, const odfgate_result *res)
{
    const odfgate_schema *schema = odfgate_result_schema(res);
    const odfgate_signoffs *so = odfgate_result_signoffs(res);
    size_t n = odfgate_schema_signatory_count(schema);
    if (!n)
        return 0;
    if (!(row->cells = og_arena_zalloc(a, n * sizeof(ov_cell))))
        return -1;
    row->required = odfgate_schema_quorum(schema);
    row->approvals = odfgate_signoffs_approvals(so, schema);
    for (size_t k = 0; k < n; k++) {
        ov_cell *cell = &row->cells[row->cell_count++];
        const odfgate_signoff *r;
        const char **changed;
        if ((cell->col = column(ov, schema, k)) == SIZE_MAX)
            return -1;
        cell->state = odfgate_signoffs_signatory(so, schema, ov->cols[cell->col].id, &r);
        if (!r)
            continue;
        cell->by = ov_clean(a, r->by);
        cell->role = ov_clean(a, r->role);
        cell->at = ov_clean(a, r->at);
        if (cell->state != ODFGATE_SIGNATORY_STALE)
            continue;
        if (!(changed = og_arena_zalloc(a, (r->changed_count + 1) * sizeof(char *))))
            return -1;
        for (size_t i = 0; i < r->changed_count; i++)
            if (!(changed[i] = ov_clean(a, r->changed[i])))
                return -1;
        cell->changed = changed;
        cell->changed_count = r->changed_count;
        cell->changed_outside = r->changed_outside;
    }
    return 0;
}

static int build_row(og_overview *ov, const odfgate_report *rep, og_arena *a, ov_row *row,
                     const char *path, const odfgate_doc *doc, const odfgate_result *res,
                     int failed)
{
    size_t blocker_cap = 0, nwaived = 0;
    const odfgate_finding **waived = NULL;
    int rc = -1;
    memset(row, 0, sizeof(*row));
    row->path = ov_clean(a, path);
    row->title = ov_clean(a, odfgate_doc_meta(doc)->title);
    row->status = failed ? OV_FAIL : OV_PASS;
    if (!row->path || build_cells(ov, a, row, res) < 0 ||
        !(waived = malloc((odfgate_result_count(res) + 1) * sizeof(*waived))))
        goto out;
    for (size_t i = 0; i < odfgate_result_count(res); i++) {
        const odfgate_finding *f = odfgate_result_finding(res, i);
        if (f->suppressed) {
            if (strncmp(f->suppressed, "waived: ", 8) == 0)
                waived[nwaived++] = f;
            continue;
        }
        row->errors += f->severity == ODFGATE_SEV_ERROR;
        row->warnings += f->severity == ODFGATE_SEV_WARNING;
        if (og_report_fails(rep, res, f) && tally(a, row, &blocker_cap, f) < 0)
            goto out;
    }
    if (tally_waivers(a, row, waived, nwaived) < 0)
        goto out;
    row->ready = !failed && row->approvals >= row->required;
    rc = 0;
out:
    free(waived);
    return rc;
}

/* Count the row, compare it with the earlier run, and stream or keep it. */
static void take(og_overview *ov, FILE *out, ov_row *row)
{
    ov->ready += row->ready;
    ov->not_ready += !row->ready;
    ov->failed += row->status == OV_FAIL;
    ov->errors += row->status == OV_ERROR;
    if (ov->since)
        ov_since_compare(ov, row);
    if (ov->fmt->row)
        ov->fmt->row(ov, out, row);
    if (!ov->fmt->keep)
        return;
    if (og_vec_reserve_((void **)&ov->rows, &ov->row_cap, ov->row_count, sizeof(ov_row),
                        SIZE_MAX / sizeof(ov_row)) < 0) {
        ov->nomem = 1;
        return;
    }
    ov->rows[ov->row_count++] = *row;
}

/* A streaming format's row lives until the next one. */
static og_arena *row_arena(og_overview *ov)
{
    if (ov->fmt->keep)
        return &ov->arena;
    og_arena_free(&ov->scratch);
    og_arena_init(&ov->scratch);
    return &ov->scratch;
}

static void overview_begin(odfgate_report *rep)
{
    og_overview *ov = rep->state;
    ov->fmt->begin(ov, rep->out);
}

static void overview_doc(odfgate_report *rep, const char *path, const odfgate_doc *doc,
                         const odfgate_result *res, int failed)
{
    og_overview *ov = rep->state;
    ov_row row;
    if (build_row(ov, rep, row_arena(ov), &row, path, doc, res, failed) < 0) {
        ov->nomem = 1;
        return;
    }
    take(ov, rep->out, &row);
}

static void overview_error(odfgate_report *rep, const char *path, const odfgate_error *err)
{
    og_overview *ov = rep->state;
    og_arena *a = row_arena(ov);
    ov_row row;
    memset(&row, 0, sizeof(row));
    row.status = OV_ERROR;
    row.path = ov_clean(a, path);
    row.error_code = odfgate_errcode_name(err->code);
    row.error_message = ov_clean(a, err->message);
    if (!row.path || !row.error_message) {
        ov->nomem = 1;
        return;
    }
    take(ov, rep->out, &row);
}

static void overview_end(odfgate_report *rep)
{
    og_overview *ov = rep->state;
    if (ov->since)
        ov_since_finish(ov);
    ov->fmt->end(ov, rep->out);
    rep->broken = ov->nomem; /* never silently short: odfgate_report_end fails */
}

static void overview_free(void *state)
{
    og_overview *ov = state;
    if (!ov)
        return;
    ov_since_free(ov);
    free(ov->rows);
    free(ov->cols);
    free(ov->changes);
    og_arena_free(&ov->scratch);
    og_arena_free(&ov->arena);
    free(ov);
}

static const og_report_format overview_report = {"overview",     overview_begin, overview_doc,
                                                 overview_error, overview_end,   overview_free};

odfgate_status odfgate_overview_new(const char *format, FILE *out,
                                    const odfgate_overview_options *opt,
                                    const odfgate_schema *schema, odfgate_report **rep,
                                    odfgate_error *err)
{
    OG_ERR_LOCAL(err);
    const ov_format *fmt = NULL;
    og_overview *ov;
    odfgate_report *r;
    *rep = NULL;
    for (size_t i = 0; i < OG_ARRAY_LEN(formats); i++)
        if (format && strcmp(formats[i]->name, format) == 0)
            fmt = formats[i];
    if (!fmt)
        return og_fail(err, ODFGATE_E_USAGE, NULL, NULL,
                       "unknown overview format \"%s\" (known: text, csv, json, html, ods)",
                       format ? format : "");
    if (!(ov = calloc(1, sizeof(*ov))) || !(r = calloc(1, sizeof(*r)))) {
        free(ov);
        return og_fail(err, ODFGATE_E_NOMEM, NULL, NULL, "out of memory");
    }
    og_arena_init(&ov->arena);
    og_arena_init(&ov->scratch);
    ov->fmt = fmt;
    ov->schema = schema;
    if (opt)
        ov->opt = *opt;
    else
        ov->opt.fail_on = ODFGATE_SEV_ERROR;
    ov->opt.since = NULL;
    r->fmt = &overview_report;
    r->out = out;
    r->opt.color = ov->opt.color;
    r->opt.fail_on = ov->opt.fail_on;
    r->schema = schema;
    r->state = ov;
    /* the schema's signatories come first, in its order, even when no document names them */
    for (size_t k = 0; schema && k < odfgate_schema_signatory_count(schema); k++)
        if (column(ov, schema, k) == SIZE_MAX) {
            odfgate_report_free(r);
            return og_fail(err, ODFGATE_E_NOMEM, NULL, NULL, "out of memory");
        }
    if (opt && opt->since && ov_since_load(ov, opt->since, opt->limits, err) < 0) {
        odfgate_report_free(r);
        return og_status_of(err);
    }
    flockfile(out);
    overview_begin(r);
    funlockfile(out);
    *rep = r;
    return ODFGATE_OK;
}

size_t odfgate_overview_not_ready(const odfgate_report *rep)
{
    if (!rep || rep->fmt != &overview_report)
        return 0;
    return ((const og_overview *)rep->state)->not_ready;
}

int ov_each_blocker(const og_overview *ov, ov_blocker_fn fn, void *ctx)
{
    const ov_row **rows = malloc((ov->row_count + 1) * sizeof(*rows));
    size_t *counts = malloc((ov->row_count + 1) * sizeof(*counts));
    if (!rows || !counts) {
        free(rows);
        free(counts);
        return -1;
    }
    for (size_t r = 0; r < odfgate_rule_count(); r++) {
        const char *rule = odfgate_rule_at(r)->id;
        odfgate_severity sev = ODFGATE_SEV_OFF;
        size_t n = 0;
        for (size_t i = 0; i < ov->row_count; i++)
            for (size_t k = 0; k < ov->rows[i].blocker_count; k++)
                if (strcmp(ov->rows[i].blockers[k].rule, rule) == 0) {
                    rows[n] = &ov->rows[i];
                    counts[n++] = ov->rows[i].blockers[k].count;
                    if (ov->rows[i].blockers[k].severity > sev)
                        sev = ov->rows[i].blockers[k].severity;
                }
        if (n)
            fn(ctx, rule, sev, rows, counts, n);
    }
    free(rows);
    free(counts);
    return 0;
}
