/*
 * merge-jsonl.c — JSON Lines shards into one: every line of every input is parsed (it must be
 * a document object with a string "path" and a "status" of pass, fail or error), the lines
 * are ordered by path (byte order) and written as they were read; a path found twice (in two
 * shards, or twice in one) is refused, since the shards of one run are disjoint.
 */
#include "report/merge.h"

#include "base/arena.h"
#include "report/jsonr.h"
#include "base/vec.h"

typedef struct entry {
    const char *path; /* decoded, in the merger's arena */
    size_t path_len;
    const char *line; /* the raw line in the input, without its newline */
    size_t line_len;
    size_t input;
    long lineno;
} entry;

typedef OG_VEC(entry) entries;

static int by_path(const void *a, const void *b)
{
    const entry *x = a, *y = b;
    size_t n = x->path_len < y->path_len ? x->path_len : y->path_len;
    int c = memcmp(x->path, y->path, n);
    if (c || x->path_len != y->path_len)
        return c ? c : x->path_len < y->path_len ? -1 : 1;
    /* equal paths: keep input order, so the duplicate is reported against the first */
    return x->input != y->input ? (x->input < y->input ? -1 : 1) : (x->lineno < y->lineno ? -1 : 1);
}

/* Parse one line into e (path copied into keep); counts a failed document. */
static odfgate_status one_line(og_merge *m, size_t input, long lineno, const char *line, size_t len,
                               og_arena *keep, entries *e)
{
    const char *name = m->in[input].name, *path, *status;
    og_arena tmp;
    og_json *v = NULL;
    odfgate_status st;
    og_arena_init(&tmp);
    st = og_json_parse(line, len, m->max_depth, name, lineno, &tmp, &v, m->err);
    if (st == ODFGATE_OK) {
        path = og_json_get_str(v, "path");
        status = og_json_get_str(v, "status");
        if (v->type != OG_JSON_OBJECT || !path || !status)
            st = og_fail(m->err, ODFGATE_E_USAGE, name, NULL,
                         "line %ld: not a document of odfgate check --format jsonl (no \"path\" "
                         "and \"status\")",
                         lineno);
        else if (strcmp(status, "pass") != 0 && strcmp(status, "fail") != 0 &&
                 strcmp(status, "error") != 0)
            st = og_fail(m->err, ODFGATE_E_USAGE, name, NULL,
                         "line %ld: status \"%.40s\" is not pass, fail or error", lineno, status);
        else {
            entry x = {og_arena_strdup(keep, path), strlen(path), line, len, input, lineno};
            if (!x.path || OG_VEC_PUSH(e, x, SIZE_MAX / sizeof(entry)) < 0)
                st = og_fail(m->err, ODFGATE_E_NOMEM, name, NULL, "out of memory");
            else if (strcmp(status, "pass") != 0)
                m->sum->failed++;
        }
    }
    og_arena_free(&tmp);
    return st;
}

odfgate_status og_merge_jsonl(og_merge *m)
{
    entries e = {0};
    og_arena keep;
    odfgate_status st = ODFGATE_OK;
    og_arena_init(&keep);
    for (size_t i = 0; st == ODFGATE_OK && i < m->n; i++) {
        const char *d = m->in[i].data, *end = d + m->in[i].len;
        long lineno = 0;
        while (st == ODFGATE_OK && d < end) {
            const char *nl = memchr(d, '\n', (size_t)(end - d));
            size_t len = nl ? (size_t)(nl - d) : (size_t)(end - d);
            size_t k = 0;
            lineno++;
            /* all trailing white space, CRs included: a merged report merged again must be
             * itself ("}\r\r\n" lost one CR per merge: found by fuzz-json) */
            while (len && (d[len - 1] == '\r' || d[len - 1] == ' ' || d[len - 1] == '\t'))
                len--;
            while (k < len && (d[k] == ' ' || d[k] == '\t'))
                k++;
            if (k < len) /* blank lines are skipped */
                st = one_line(m, i, lineno, d, len, &keep, &e);
            d = nl ? nl + 1 : end;
        }
    }
    if (st == ODFGATE_OK && e.len)
        qsort(e.items, e.len, sizeof(*e.items), by_path);
    for (size_t i = 1; st == ODFGATE_OK && i < e.len; i++)
        if (e.items[i].path_len == e.items[i - 1].path_len &&
            memcmp(e.items[i].path, e.items[i - 1].path, e.items[i].path_len) == 0) {
            char where[300];
            og_copy_safe(where, sizeof(where), m->in[e.items[i - 1].input].name);
            st =
                og_fail(m->err, ODFGATE_E_USAGE, m->in[e.items[i].input].name, NULL,
                        "line %ld: document \"%.200s\" is also in %s line %ld (the shards overlap)",
                        e.items[i].lineno, e.items[i].path, where, e.items[i - 1].lineno);
        }
    for (size_t i = 0; st == ODFGATE_OK && i < e.len; i++) {
        fwrite(e.items[i].line, 1, e.items[i].line_len, m->out);
        putc('\n', m->out);
    }
    m->sum->items = st == ODFGATE_OK ? e.len : 0;
    free(e.items);
    og_arena_free(&keep);
    return st;
}
