/*
 * merge-sarif.c — SARIF 2.1.0 shards into one log with one run.  Every input must be a SARIF
 * 2.1.0 log with exactly one run, as odfgate check writes, and the same tool.driver (name,
 * version and rules: ruleIndex values then mean the same in every input).  The output is the
 * first input with its run's results replaced by the results of all inputs, in input order,
 * and its invocations by one invocation: executionSuccessful only if every input's was, and
 * every toolExecutionNotification.  odfgate writes no run.artifacts nor run.logicalLocations
 * (locations carry the uri and the names themselves), so no index needs remapping; an input
 * that has them was not written by odfgate check and is refused rather than merged wrongly.
 * Merging one report gives it back byte for byte.
 */
#include "report/merge.h"

#include "base/arena.h"
#include "report/jsonr.h"
#include "report/jsonw.h"

typedef struct sarif_in {
    const og_json *root, *run, *driver, *results, *invocations;
} sarif_in;

static odfgate_status bad(og_merge *m, size_t i, const char *why)
{
    return og_fail(m->err, ODFGATE_E_USAGE, m->in[i].name, NULL, "%s", why);
}

static odfgate_status load(og_merge *m, size_t i, og_arena *arena, sarif_in *s)
{
    og_json *root;
    const og_json *runs, *tool;
    const char *version;
    odfgate_status st = og_json_parse(m->in[i].data, m->in[i].len, m->max_depth, m->in[i].name, 1,
                                      arena, &root, m->err);
    if (st != ODFGATE_OK)
        return st;
    s->root = root;
    if (root->type != OG_JSON_OBJECT || !(runs = og_json_get(root, "runs")))
        return og_json_get(root, "documents")
                   ? bad(m, i,
                         "is odfgate's json format, which cannot be merged: use --format jsonl")
                   : bad(m, i, "not a SARIF log (no \"runs\")");
    if (!(version = og_json_get_str(root, "version")) || strcmp(version, "2.1.0") != 0)
        return bad(m, i, "not SARIF 2.1.0 (\"version\" is not \"2.1.0\")");
    if (runs->type != OG_JSON_ARRAY || runs->count == 0)
        return bad(m, i, "a SARIF log with no runs");
    if (runs->count > 1)
        return bad(m, i, "a SARIF log with more than one run (odfgate check writes one)");
    s->run = runs->child;
    if (s->run->type != OG_JSON_OBJECT || !(tool = og_json_get(s->run, "tool")) ||
        !(s->driver = og_json_get(tool, "driver")) || s->driver->type != OG_JSON_OBJECT)
        return bad(m, i, "the SARIF run has no tool.driver");
    if (og_json_get(s->run, "artifacts") || og_json_get(s->run, "logicalLocations"))
        return bad(m, i,
                   "the SARIF run has artifacts or logicalLocations tables (not written by odfgate "
                   "check)");
    if (!(s->results = og_json_get(s->run, "results")) || s->results->type != OG_JSON_ARRAY)
        return bad(m, i, "the SARIF run has no results array");
    s->invocations = og_json_get(s->run, "invocations");
    if (s->invocations && s->invocations->type != OG_JSON_ARRAY)
        return bad(m, i, "the SARIF run's invocations is not an array");
    return ODFGATE_OK;
}

/* The same tool in every input, else a message that says what differs. */
static odfgate_status same_tool(og_merge *m, const sarif_in *s, size_t i)
{
    const char *n0 = og_json_get_str(s[0].driver, "name"),
               *v0 = og_json_get_str(s[0].driver, "version");
    const char *n1 = og_json_get_str(s[i].driver, "name"),
               *v1 = og_json_get_str(s[i].driver, "version");
    char first[300];
    if (og_json_equal(s[0].driver, s[i].driver))
        return ODFGATE_OK;
    og_copy_safe(first, sizeof(first), m->in[0].name);
    if (!n0 || !n1 || strcmp(n0, n1) != 0 || !v0 || !v1 || strcmp(v0, v1) != 0)
        return og_fail(
            m->err, ODFGATE_E_USAGE, m->in[i].name, NULL,
            "written by %.40s %.40s but %s by %.40s %.40s: merge reports of one tool version",
            n1 ? n1 : "?", v1 ? v1 : "?", first, n0 ? n0 : "?", v0 ? v0 : "?");
    return og_fail(m->err, ODFGATE_E_USAGE, m->in[i].name, NULL,
                   "its rules differ from those of %s (same odfgate version, another rule set)",
                   first);
}

static int is_error_level(const og_json *v)
{
    const char *level = og_json_get_str(v, "level");
    return level && strcmp(level, "error") == 0;
}

/* The merged invocation: the first invocation's members in order, with executionSuccessful
 * and toolExecutionNotifications computed over every invocation of every input. */
static void write_invocations(og_merge *m, const sarif_in *s)
{
    const og_json *model = NULL;
    int success = 1, first = 1;
    for (size_t i = 0; i < m->n; i++)
        for (const og_json *inv = s[i].invocations ? s[i].invocations->child : NULL; inv;
             inv = inv->next) {
            const og_json *ok = og_json_get(inv, "executionSuccessful");
            if (!model)
                model = inv;
            if (ok && ok->type == OG_JSON_FALSE)
                success = 0;
        }
    if (!model)
        return;
    fputs(",\"invocations\":[{", m->out);
    for (const og_json *mem = model->child; mem; mem = mem->next) {
        if (!first)
            putc(',', m->out);
        first = 0;
        og_json_strn(m->out, mem->key, mem->key_len);
        putc(':', m->out);
        if (og_json_key_is(mem, "executionSuccessful"))
            fputs(success ? "true" : "false", m->out);
        else if (og_json_key_is(mem, "toolExecutionNotifications")) {
            size_t k = 0;
            putc('[', m->out);
            for (size_t i = 0; i < m->n; i++)
                for (const og_json *inv = s[i].invocations ? s[i].invocations->child : NULL; inv;
                     inv = inv->next) {
                    const og_json *notes = og_json_get(inv, "toolExecutionNotifications");
                    for (const og_json *n = notes && notes->type == OG_JSON_ARRAY ? notes->child
                                                                                  : NULL;
                         n; n = n->next) {
                        if (k++)
                            putc(',', m->out);
                        og_json_value(m->out, n);
                        if (is_error_level(n))
                            m->sum->failed++;
                    }
                }
            putc(']', m->out);
        } else
            og_json_value(m->out, mem);
    }
    fputs("}]", m->out);
}

static void write_run(og_merge *m, const sarif_in *s)
{
    int first = 1;
    putc('{', m->out);
    for (const og_json *mem = s[0].run->child; mem; mem = mem->next) {
        if (og_json_key_is(mem, "invocations"))
            continue; /* written last, merged */
        if (!first)
            putc(',', m->out);
        first = 0;
        og_json_strn(m->out, mem->key, mem->key_len);
        putc(':', m->out);
        if (!og_json_key_is(mem, "results")) {
            og_json_value(m->out, mem);
            continue;
        }
        putc('[', m->out);
        for (size_t i = 0; i < m->n; i++)
            for (const og_json *r = s[i].results->child; r; r = r->next) {
                fputs(m->sum->items++ ? ",\n" : "\n", m->out);
                og_json_value(m->out, r);
                if (is_error_level(r))
                    m->sum->failed++;
            }
        fputs("\n]", m->out);
    }
    write_invocations(m, s);
    putc('}', m->out);
}

odfgate_status og_merge_sarif(og_merge *m)
{
    og_arena arena;
    sarif_in *s = calloc(m->n, sizeof(*s));
    odfgate_status st =
        s ? ODFGATE_OK : og_fail(m->err, ODFGATE_E_NOMEM, NULL, NULL, "out of memory");
    og_arena_init(&arena);
    for (size_t i = 0; st == ODFGATE_OK && i < m->n; i++)
        if ((st = load(m, i, &arena, &s[i])) == ODFGATE_OK)
            st = same_tool(m, s, i);
    if (st == ODFGATE_OK) {
        int first = 1;
        putc('{', m->out);
        for (const og_json *mem = s[0].root->child; mem; mem = mem->next) {
            if (!first)
                putc(',', m->out);
            first = 0;
            og_json_strn(m->out, mem->key, mem->key_len);
            putc(':', m->out);
            if (og_json_key_is(mem, "runs")) {
                putc('[', m->out);
                write_run(m, s);
                putc(']', m->out);
            } else
                og_json_value(m->out, mem);
        }
        fputs("}\n", m->out);
    }
    og_arena_free(&arena);
    free(s);
    return st;
}
