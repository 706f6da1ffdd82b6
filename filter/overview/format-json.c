/*
 * format-json.c — the overview as JSON: a contract (docs/status.md; keys may be added, never
 * renamed or removed), and the state that --since reads back.  Written at the end: the chase
 * list and the blockers need every document.
 */
#include "overview/overview.h"

#include "report/jsonw.h"

static const char *status_name(ov_status st)
{
    return st == OV_PASS ? "pass" : st == OV_FAIL ? "fail" : "error";
}

static void json_begin(og_overview *ov, FILE *o)
{
    (void)ov;
    (void)o;
}

static void str_array(FILE *o, const char *const *items, size_t n)
{
    fputc('[', o);
    for (size_t i = 0; i < n; i++) {
        if (i)
            fputc(',', o);
        og_json_str(o, items[i]);
    }
    fputc(']', o);
}

static void cell_json(FILE *o, const og_overview *ov, const ov_cell *c)
{
    fputc('{', o);
    og_json_member_str(o, 1, "signatory", ov->cols[c->col].id);
    og_json_member_str(o, 0, "state", odfgate_signatory_state_name(c->state));
    og_json_member_str(o, 0, "by", c->by);
    og_json_member_str(o, 0, "role", c->role);
    og_json_member_str(o, 0, "at", c->at);
    fputc(',', o);
    og_json_key(o, "changed_sections");
    str_array(o, c->changed, c->changed_count);
    og_json_member_bool(o, 0, "changed_outside_sections", c->changed_outside);
    fputc('}', o);
}

static void row_json(FILE *o, const og_overview *ov, const ov_row *r)
{
    fputc('{', o);
    og_json_member_str(o, 1, "path", r->path);
    og_json_member_str(o, 0, "status", status_name(r->status));
    og_json_member_bool(o, 0, "ready", r->ready);
    if (r->status == OV_ERROR) {
        fputs(",\"error\":{", o);
        og_json_member_str(o, 1, "code", r->error_code);
        og_json_member_str(o, 0, "message", r->error_message);
        fputs("}}", o);
        return;
    }
    og_json_member_str(o, 0, "title", r->title);
    og_json_member_uint(o, 0, "errors", r->errors);
    og_json_member_uint(o, 0, "warnings", r->warnings);
    fputs(",\"quorum\":{", o);
    og_json_member_uint(o, 1, "required", r->required);
    og_json_member_uint(o, 0, "approvals", r->approvals);
    og_json_member_bool(o, 0, "met", r->approvals >= r->required);
    fputs("},\"signoffs\":[", o);
    for (size_t i = 0; i < r->cell_count; i++) {
        if (i)
            fputc(',', o);
        cell_json(o, ov, &r->cells[i]);
    }
    fputs("]}", o);
}

static void chase_json(FILE *o, const og_overview *ov)
{
    fputs(",\"chase\":[", o);
    for (size_t c = 0; c < ov->col_count; c++) {
        fputs(c ? ",{" : "{", o);
        og_json_member_str(o, 1, "signatory", ov->cols[c].id);
        og_json_member_str(o, 0, "name", ov->cols[c].name);
        fputs(",\"documents\":[", o);
        for (size_t i = 0, n = 0; i < ov->row_count; i++) {
            const ov_cell *cell = ov_cell_at(&ov->rows[i], c);
            if (!cell || !ov_awaiting(cell->state))
                continue;
            fputs(n++ ? ",{" : "{", o);
            og_json_member_str(o, 1, "path", ov->rows[i].path);
            og_json_member_str(o, 0, "state", odfgate_signatory_state_name(cell->state));
            fputc('}', o);
        }
        fputs("]}", o);
    }
    fputc(']', o);
}

typedef struct blockers_ctx {
    FILE *o;
    size_t n;
} blockers_ctx;

static void blocker_json(void *ctx, const char *rule, odfgate_severity sev,
                         const ov_row *const *rows, const size_t *counts, size_t n)
{
    blockers_ctx *b = ctx;
    FILE *o = b->o;
    fputs(b->n++ ? ",{" : "{", o);
    og_json_member_str(o, 1, "rule", rule);
    og_json_member_str(o, 0, "severity", odfgate_severity_name(sev));
    fputs(",\"documents\":[", o);
    for (size_t i = 0; i < n; i++) {
        fputs(i ? ",{" : "{", o);
        og_json_member_str(o, 1, "path", rows[i]->path);
        og_json_member_uint(o, 0, "count", counts[i]);
        fputc('}', o);
    }
    fputs("]}", o);
}

static void waivers_json(FILE *o, const og_overview *ov)
{
    size_t n = 0;
    fputs(",\"waivers\":[", o);
    for (size_t i = 0; i < ov->row_count; i++)
        for (size_t k = 0; k < ov->rows[i].waiver_count; k++) {
            const ov_tally *w = &ov->rows[i].waivers[k];
            fputs(n++ ? ",{" : "{", o);
            og_json_member_str(o, 1, "path", ov->rows[i].path);
            og_json_member_str(o, 0, "rule", w->rule);
            og_json_member_str(o, 0, "reason", w->reason);
            og_json_member_uint(o, 0, "count", w->count);
            fputc('}', o);
        }
    fputc(']', o);
}

static void paths_of(FILE *o, const og_overview *ov, const char *key, ov_change_kind kind)
{
    size_t n = 0;
    fputc(',', o);
    og_json_key(o, key);
    fputc('[', o);
    for (size_t i = 0; i < ov->change_count; i++)
        if (ov->changes[i].kind == kind) {
            if (n++)
                fputc(',', o);
            og_json_str(o, ov->changes[i].path);
        }
    fputc(']', o);
}

/* The cells that changed to state `to`: [{"path","signatory"}]. */
static void cells_to(FILE *o, const og_overview *ov, const char *key, const char *to)
{
    size_t n = 0;
    fputc(',', o);
    og_json_key(o, key);
    fputc('[', o);
    for (size_t i = 0; i < ov->change_count; i++) {
        const ov_change *c = &ov->changes[i];
        if (c->kind != OV_CELL || strcmp(c->to, to) != 0)
            continue;
        fputs(n++ ? ",{" : "{", o);
        og_json_member_str(o, 1, "path", c->path);
        og_json_member_str(o, 0, "signatory", c->signatory);
        fputc('}', o);
    }
    fputc(']', o);
}

static void changes_json(FILE *o, const og_overview *ov)
{
    size_t n = 0;
    if (!ov->since_name)
        return;
    fputs(",\"changes\":{", o);
    og_json_member_str(o, 1, "since", ov->since_name);
    paths_of(o, ov, "added", OV_ADDED);
    paths_of(o, ov, "gone", OV_GONE);
    paths_of(o, ov, "newly_failing", OV_NEWLY_FAILING);
    paths_of(o, ov, "newly_passing", OV_NEWLY_PASSING);
    cells_to(o, ov, "newly_signed", "approved");
    cells_to(o, ov, "newly_stale", "stale");
    fputs(",\"cells\":[", o);
    for (size_t i = 0; i < ov->change_count; i++) {
        const ov_change *c = &ov->changes[i];
        if (c->kind != OV_CELL)
            continue;
        fputs(n++ ? ",{" : "{", o);
        og_json_member_str(o, 1, "path", c->path);
        og_json_member_str(o, 0, "signatory", c->signatory);
        og_json_member_str(o, 0, "from", c->from);
        og_json_member_str(o, 0, "to", c->to);
        fputc('}', o);
    }
    fputs("]}", o);
}

static void json_end(og_overview *ov, FILE *o)
{
    blockers_ctx b = {o, 0};
    fputc('{', o);
    og_json_member_str(o, 1, "odfgate", odfgate_version());
    og_json_member_str(o, 0, "kind", "status");
    fputs(",\"schema\":{", o);
    og_json_member_str(o, 1, "id", ov->schema ? odfgate_schema_id(ov->schema) : NULL);
    og_json_member_str(o, 0, "source", ov->schema ? odfgate_schema_source(ov->schema) : NULL);
    fputs("},\"signatories\":[", o);
    for (size_t c = 0; c < ov->col_count; c++) {
        fputs(c ? ",{" : "{", o);
        og_json_member_str(o, 1, "id", ov->cols[c].id);
        og_json_member_str(o, 0, "name", ov->cols[c].name);
        fputc('}', o);
    }
    fputs("],\"documents\":[", o);
    for (size_t i = 0; i < ov->row_count; i++) {
        fputs(i ? ",\n" : "\n", o);
        row_json(o, ov, &ov->rows[i]);
    }
    fputs("\n]", o);
    chase_json(o, ov);
    fputs(",\"blockers\":[", o);
    if (ov_each_blocker(ov, blocker_json, &b) < 0)
        ov->nomem = 1;
    fputc(']', o);
    waivers_json(o, ov);
    changes_json(o, ov);
    fputs(",\"summary\":{", o);
    og_json_member_uint(o, 1, "documents", ov->ready + ov->not_ready);
    og_json_member_uint(o, 0, "ready", ov->ready);
    og_json_member_uint(o, 0, "failed", ov->failed);
    og_json_member_uint(o, 0, "errors", ov->errors);
    fputs("}}\n", o);
}

const ov_format ov_format_json = {"json", 1, json_begin, NULL, json_end};
