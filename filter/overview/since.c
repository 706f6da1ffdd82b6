/*
 * since.c — what changed since an earlier run (odfgate status --since FILE): the earlier
 * json output is read (capped, strict JSON: report/jsonr.h), its documents sorted by path;
 * each new row is looked up (added, newly failing or passing, cells that changed state) and
 * at the end the documents not seen again are gone.  Cost: n log n in the earlier run.
 */
#include "overview/overview.h"

#include "base/vec.h"
#include "report/jsonr.h"

typedef struct ov_prev {
    const char *path;
    const char *status;   /* "pass", "fail", "error" */
    const og_json *cells; /* its "signoffs" array, or NULL */
    int seen;
} ov_prev;

struct ov_since {
    og_arena arena;
    ov_prev *docs;
    size_t count;
};

/* The status names this version writes (anything else: not a status file). */
static const char *known_status(const char *st)
{
    static const char *const names[] = {"pass", "fail", "error"};
    for (size_t i = 0; st && i < OG_ARRAY_LEN(names); i++)
        if (strcmp(st, names[i]) == 0)
            return names[i];
    return NULL;
}

static int by_path(const void *a, const void *b)
{
    return strcmp(((const ov_prev *)a)->path, ((const ov_prev *)b)->path);
}

int ov_since_load(og_overview *ov, const char *path, const odfgate_limits *lim, odfgate_error *err)
{
    odfgate_limits def;
    struct ov_since *s = calloc(1, sizeof(*s));
    og_json *root = NULL;
    const og_json *docs;
    og_buf b;
    int rc = -1;
    if (!lim) {
        odfgate_limits_init(&def);
        lim = &def;
    }
    if (!s)
        return og_fail(err, ODFGATE_E_NOMEM, path, NULL, "out of memory"), -1;
    og_arena_init(&s->arena);
    ov->since = s;
    if (og_report_read_file(path, lim->max_file_size, &b, err) != ODFGATE_OK) {
        og_buf_free(&b);
        return -1;
    }
    if (og_json_parse(b.data ? b.data : "", b.len, lim->max_depth, path, 1, &s->arena, &root,
                      err) != ODFGATE_OK)
        goto out;
    docs = root->type == OG_JSON_OBJECT ? og_json_get(root, "documents") : NULL;
    if (!docs || docs->type != OG_JSON_ARRAY || !og_json_get_str(root, "kind") ||
        strcmp(og_json_get_str(root, "kind"), "status") != 0) {
        og_fail(err, ODFGATE_E_JSON, path, NULL,
                "not the json output of odfgate status (no \"kind\":\"status\" and "
                "\"documents\")");
        goto out;
    }
    if (!(s->docs = og_arena_zalloc(&s->arena, (docs->count + 1) * sizeof(ov_prev)))) {
        og_fail(err, ODFGATE_E_NOMEM, path, NULL, "out of memory");
        goto out;
    }
    for (const og_json *d = docs->child; d; d = d->next) {
        ov_prev *p = &s->docs[s->count];
        const og_json *cells = d->type == OG_JSON_OBJECT ? og_json_get(d, "signoffs") : NULL;
        p->path =
            d->type == OG_JSON_OBJECT ? ov_clean(&s->arena, og_json_get_str(d, "path")) : NULL;
        p->status = p->path ? known_status(og_json_get_str(d, "status")) : NULL;
        if (!p->path || !p->status) {
            og_fail(err, ODFGATE_E_JSON, path, NULL,
                    "document %zu has no \"path\" or \"status\" string", s->count + 1);
            goto out;
        }
        p->cells = cells && cells->type == OG_JSON_ARRAY ? cells : NULL;
        s->count++;
    }
    /* a path listed twice (an input named twice in that run): the first kept */
    qsort(s->docs, s->count, sizeof(ov_prev), by_path);
    size_t kept = 0;
    for (size_t i = 0; i < s->count; i++)
        if (!kept || strcmp(s->docs[kept - 1].path, s->docs[i].path) != 0)
            s->docs[kept++] = s->docs[i];
    s->count = kept;
    if (!(ov->since_name = ov_clean(&ov->arena, path))) {
        og_fail(err, ODFGATE_E_NOMEM, path, NULL, "out of memory");
        goto out;
    }
    rc = 0;
out:
    og_buf_free(&b);
    return rc;
}

void ov_since_free(og_overview *ov)
{
    if (!ov->since)
        return;
    og_arena_free(&ov->since->arena);
    free(ov->since);
    ov->since = NULL;
}

void ov_change_add(og_overview *ov, ov_change_kind kind, const char *path, const char *signatory,
                   const char *from, const char *to)
{
    ov_change c = {kind, og_arena_strdup(&ov->arena, path),
                   signatory ? og_arena_strdup(&ov->arena, signatory) : NULL, from, to};
    if (!c.path || (signatory && !c.signatory) ||
        og_vec_reserve_((void **)&ov->changes, &ov->change_cap, ov->change_count, sizeof(ov_change),
                        SIZE_MAX / sizeof(ov_change)) < 0) {
        ov->nomem = 1;
        return;
    }
    ov->changes[ov->change_count++] = c;
}

/* The earlier state of signatory id in p ("missing" when it was not listed). */
static const char *earlier_state(const ov_prev *p, const char *id)
{
    for (const og_json *c = p->cells ? p->cells->child : NULL; c; c = c->next) {
        const char *sig = c->type == OG_JSON_OBJECT ? og_json_get_str(c, "signatory") : NULL;
        const char *st = sig ? og_json_get_str(c, "state") : NULL;
        if (st && strcmp(sig, id) == 0) /* a state name of ours, never the file's text */
            for (int k = ODFGATE_SIGNATORY_APPROVED; k <= ODFGATE_SIGNATORY_UNSIGNED; k++)
                if (strcmp(st, odfgate_signatory_state_name((odfgate_signatory_state)k)) == 0)
                    return odfgate_signatory_state_name((odfgate_signatory_state)k);
    }
    return "missing";
}

void ov_since_compare(og_overview *ov, const ov_row *row)
{
    ov_prev key = {row->path, NULL, NULL, 0};
    ov_prev *p = bsearch(&key, ov->since->docs, ov->since->count, sizeof(ov_prev), by_path);
    const char *now = row->status == OV_PASS ? "pass" : row->status == OV_FAIL ? "fail" : "error";
    if (!p) {
        ov_change_add(ov, OV_ADDED, row->path, NULL, NULL, NULL);
        return;
    }
    p->seen = 1;
    if (strcmp(p->status, "pass") == 0 && strcmp(now, "pass") != 0)
        ov_change_add(ov, OV_NEWLY_FAILING, row->path, NULL, p->status, now);
    else if (strcmp(p->status, "pass") != 0 && strcmp(now, "pass") == 0)
        ov_change_add(ov, OV_NEWLY_PASSING, row->path, NULL, p->status, now);
    for (size_t i = 0; i < row->cell_count; i++) {
        const char *id = ov->cols[row->cells[i].col].id;
        const char *to = odfgate_signatory_state_name(row->cells[i].state);
        const char *from = earlier_state(p, id);
        if (strcmp(from, to) != 0)
            ov_change_add(ov, OV_CELL, row->path, id, from, to); /* both outlive ov */
    }
}

void ov_since_finish(og_overview *ov)
{
    for (size_t i = 0; i < ov->since->count; i++)
        if (!ov->since->docs[i].seen)
            ov_change_add(ov, OV_GONE, ov->since->docs[i].path, NULL, NULL, NULL);
}
