/* batch.c — plan and run odfgate check over many documents (see batch.h). */
#include "batch.h"

#include "args.h"
#include "cli.h"
#include "docsetup.h"
#include "fetchopts.h"
#include "progress.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#define WINDOW_PER_JOB 16 /* documents checked ahead of the one being reported, per thread */

typedef struct loaded_schema {
    char *path;        /* NULL: built-in */
    const char *trust; /* the configuration's trust anchors it was loaded with (NULL: none) */
    odfgate_schema *schema;
} loaded_schema;

static int same(const char *a, const char *b) { return a == b || (a && b && strcmp(a, b) == 0); }

typedef struct item {
    odfgate_config *cfg; /* NULL: none applies */
    const odfgate_schema *schema;
    odfgate_severity fail_on;
    int links;
} item;

typedef struct slot {
    odfgate_doc *doc;
    odfgate_result *res;
    odfgate_error err;
    odfgate_status st;
    int done;
} slot;

struct batch {
    const cli_inputs *inputs;
    const batch_options *opt;
    item *items;
    loaded_schema *schemas;
    size_t nschemas;
    const odfgate_schema *main_schema;

    /* run */
    odfgate_report *const *reports;
    size_t nreports;
    cli_progress *progress;
    slot *ring;
    size_t window;
    size_t next_claim, next_emit;
    int rc;              /* the exit code so far */
    int stop;            /* a report failed: everyone stops */
    int reporting;       /* a thread is handing documents to the reports */
    int workers_waiting; /* workers waiting for room in the window */
    pthread_mutex_t mu;
    pthread_cond_t claimed_space;
};

/* One load per schema and trust anchors (documents under two .odfgate.ini files naming the
 * same schema with different `trust` keys get two). */
static const odfgate_schema *schema_for(batch *b, const char *path, const odfgate_config *cfg)
{
    const char *trust = odfgate_config_trust(cfg);
    for (size_t i = 0; i < b->nschemas; i++)
        if (same(path, b->schemas[i].path) && same(trust, b->schemas[i].trust))
            return b->schemas[i].schema;
    loaded_schema *n = realloc(b->schemas, (b->nschemas + 1) * sizeof(*n));
    if (!n) {
        cli_error("out of memory");
        return NULL;
    }
    b->schemas = n;
    n = &b->schemas[b->nschemas];
    n->path = path ? strdup(path) : NULL;
    n->trust = trust; /* lives as long as cfg, which the batch keeps */
    /* with --schema-sha256 there is a --schema (batch_plan), which every document uses: a
     * pin never applies to a schema a .odfgate.ini names */
    if ((path && !n->path) || cli_load_schema(path, cfg, &n->schema) < 0) {
        free(n->path);
        return NULL;
    }
    b->nschemas++;
    return n->schema;
}

static int plan_items(batch *b, const cli_inputs *inputs, const batch_options *opt);

int batch_plan(batch **out, const cli_inputs *inputs, const batch_options *opt)
{
    batch *b = calloc(1, sizeof(*b));
    *out = b;
    if (!b || !(b->items = calloc(inputs->len ? inputs->len : 1, sizeof(item)))) {
        cli_error("out of memory");
        return OG_EXIT_USAGE;
    }
    b->inputs = inputs;
    b->opt = opt;
    if (cli_pin_without_schema(opt->schema_path))
        return OG_EXIT_USAGE;
    /* documents of one folder share its .odfgate.ini files: each is read once */
    odfgate_config_batch_begin();
    int rc = plan_items(b, inputs, opt);
    odfgate_config_batch_end();
    if (rc != 0)
        return rc;
    b->main_schema = b->nschemas == 1 && !opt->schema_path ? b->schemas[0].schema : NULL;
    if (!b->main_schema && !(b->main_schema = schema_for(b, opt->schema_path, NULL)))
        return OG_EXIT_USAGE;
    return 0;
}

/* Each input's configuration, failure level and schema. */
static int plan_items(batch *b, const cli_inputs *inputs, const batch_options *opt)
{
    for (size_t i = 0; i < inputs->len; i++) {
        item *it = &b->items[i];
        if (cli_config_for(inputs->items[i].path, opt->use_config, &it->cfg) != 0)
            return OG_EXIT_USAGE;
        const char *schema = odfgate_schema_choice(opt->schema_path, it->cfg);
        it->fail_on = odfgate_fail_on_choice(opt->fail_on, it->cfg);
        it->links = opt->links || odfgate_config_links(it->cfg) == 1;
        if (it->links && !cli_fetcher()) /* the options are good: threads can make their own */
            return OG_EXIT_USAGE;
        if (!(it->schema = schema_for(b, schema, it->cfg)))
            return OG_EXIT_USAGE;
    }
    return 0;
}

const odfgate_schema *batch_main_schema(const batch *b) { return b->main_schema; }

/* Read and check input i into s (no lock held: documents are independent).  *fetcher is the
 * calling thread's own, made when a document first needs its links checked. */
static void process(batch *b, size_t i, slot *s, odfgate_fetcher **fetcher, int own)
{
    const cli_input *in = &b->inputs->items[i];
    const item *it = &b->items[i];
    odfgate_error_clear(&s->err);
    s->doc = NULL;
    s->res = NULL;
    if (in->missing_errno) {
        s->err.code = ODFGATE_E_IO;
        snprintf(s->err.message, sizeof(s->err.message), "cannot open: %s",
                 strerror(in->missing_errno));
        s->st = ODFGATE_FAILED;
        return;
    }
    if (in->special) {
        s->err.code = ODFGATE_E_IO;
        snprintf(s->err.message, sizeof(s->err.message),
                 "%s, not a regular file: not read in a folder (name it as an argument to read it)",
                 in->special);
        s->st = ODFGATE_FAILED;
        return;
    }
    if (it->links && !*fetcher && !(*fetcher = own ? cli_fetcher_new() : cli_fetcher())) {
        s->st = ODFGATE_FATAL;
        snprintf(s->err.message, sizeof(s->err.message), "cannot check links");
        return;
    }
    odfgate_gate g = {
        it->schema,      it->cfg, it->fail_on, b->opt->limits, it->links ? *fetcher : NULL,
        b->opt->baseline};
    s->st = odfgate_gate_document(in->path, &g, &s->doc, &s->res, &s->err);
}

/* Hand one finished document to every report; returns its exit code contribution. */
static int emit(batch *b, size_t i, slot *s)
{
    const char *path = b->inputs->items[i].path;
    odfgate_report *const *reps = b->reports;
    size_t nrep = b->nreports;
    int rc = OG_EXIT_PASS;
    if (s->st == ODFGATE_FATAL) {
        cli_error("%s: %s", path, s->err.message);
        rc = -1;
    } else if (s->st == ODFGATE_FAILED) {
        for (size_t k = 0; k < nrep; k++)
            odfgate_report_add_error(reps[k], path, &s->err);
        rc = OG_EXIT_UNREADABLE;
    } else {
        for (size_t k = 0; k < nrep; k++)
            odfgate_report_add_doc(reps[k], path, s->doc, s->res);
        if (odfgate_result_fails(s->res))
            rc = OG_EXIT_FINDINGS;
        if (b->opt->new_baseline) {
            odfgate_error err;
            if (odfgate_baseline_add(b->opt->new_baseline, path, s->res, &err) != ODFGATE_OK) {
                cli_error("%s", err.message);
                rc = -1;
            }
        }
    }
    odfgate_result_free(s->res);
    odfgate_doc_free(s->doc);
    s->res = NULL;
    s->doc = NULL;
    s->done = 0;
    return rc;
}

static int merge_rc(int rc, int one)
{
    if (one == OG_EXIT_UNREADABLE || (one == OG_EXIT_FINDINGS && rc == OG_EXIT_PASS))
        return one;
    return rc;
}

/* Report document next_emit and those after it that are finished, in order (b->mu held; it is
 * let go while a report writes).  With threads, the worker that finishes the next document in
 * order does this unless another already is: no thread waits only to report, and a document
 * costs one lock round beyond its claim. */
static void report_ready(batch *b)
{
    if (b->reporting)
        return;
    b->reporting = 1;
    while (!b->stop && b->next_emit < b->inputs->len) {
        size_t i = b->next_emit;
        slot *s = &b->ring[i % b->window];
        if (!s->done)
            break;
        pthread_mutex_unlock(&b->mu);
        cli_progress_clear(b->progress);
        int one = emit(b, i, s);
        cli_progress_update(b->progress, i + 1);
        pthread_mutex_lock(&b->mu);
        b->next_emit = i + 1;
        if (one < 0) {
            b->stop = 1;
            b->rc = OG_EXIT_USAGE;
        } else {
            b->rc = merge_rc(b->rc, one);
        }
        if (b->workers_waiting)
            pthread_cond_broadcast(&b->claimed_space);
    }
    b->reporting = 0;
}

/* Claim the next document, check it, report what is ready; until none is left.  The window
 * bounds how far checking runs ahead of reporting (memory: window documents at most). */
static void *worker(void *arg)
{
    batch *b = arg;
    odfgate_fetcher *fetcher = NULL;
    pthread_mutex_lock(&b->mu);
    for (;;) {
        while (!b->stop && b->next_claim < b->inputs->len &&
               b->next_claim >= b->next_emit + b->window) {
            b->workers_waiting++;
            pthread_cond_wait(&b->claimed_space, &b->mu);
            b->workers_waiting--;
        }
        if (b->stop || b->next_claim >= b->inputs->len)
            break;
        size_t i = b->next_claim++;
        slot *s = &b->ring[i % b->window];
        pthread_mutex_unlock(&b->mu);
        process(b, i, s, &fetcher, 1);
        pthread_mutex_lock(&b->mu);
        s->done = 1;
        if (i == b->next_emit)
            report_ready(b);
    }
    pthread_mutex_unlock(&b->mu);
    odfgate_fetcher_free(fetcher);
    return NULL;
}

int batch_run(batch *b, odfgate_report *const *reps, size_t nrep)
{
    size_t n = b->inputs->len, nthreads = b->opt->jobs > 1 ? b->opt->jobs : 1;
    pthread_t *threads = NULL;
    size_t started = 0;
    cli_progress progress;

    if (nthreads > n)
        nthreads = n ? n : 1;
    b->window = nthreads * WINDOW_PER_JOB;
    if (!(b->ring = calloc(b->window, sizeof(slot)))) {
        cli_error("out of memory");
        return OG_EXIT_USAGE;
    }
    b->reports = reps;
    b->nreports = nrep;
    b->progress = &progress;
    b->rc = OG_EXIT_PASS;
    cli_progress_start(&progress, n, b->opt->progress);
    /* no threads: the same steps, one after the other */
    if (nthreads == 1) {
        odfgate_fetcher *fetcher = NULL; /* the process's own (cli_fetcher): not freed here */
        for (size_t i = 0; i < n; i++) {
            process(b, i, &b->ring[0], &fetcher, 0);
            cli_progress_clear(&progress);
            int one = emit(b, i, &b->ring[0]);
            if (one < 0)
                return OG_EXIT_USAGE;
            b->rc = merge_rc(b->rc, one);
            cli_progress_update(&progress, i + 1);
        }
        cli_progress_clear(&progress);
        return b->rc;
    }
    pthread_mutex_init(&b->mu, NULL);
    pthread_cond_init(&b->claimed_space, NULL);
    /* the calling thread is one of the jobs */
    if ((threads = calloc(nthreads - 1, sizeof(*threads))))
        for (; started < nthreads - 1; started++)
            if (pthread_create(&threads[started], NULL, worker, b) != 0)
                break;
    worker(b); /* with fewer threads than asked (none started), the same work, slower */
    for (size_t t = 0; t < started; t++)
        pthread_join(threads[t], NULL);
    free(threads);
    cli_progress_clear(&progress);
    pthread_cond_destroy(&b->claimed_space);
    pthread_mutex_destroy(&b->mu);
    return b->rc;
}

void batch_free(batch *b)
{
    if (!b)
        return;
    for (size_t i = 0; b->items && b->inputs && i < b->inputs->len; i++)
        odfgate_config_free(b->items[i].cfg);
    for (size_t i = 0; i < b->nschemas; i++) {
        free(b->schemas[i].path);
        odfgate_schema_free(b->schemas[i].schema);
    }
    if (b->ring)
        for (size_t i = 0; i < b->window; i++) {
            odfgate_result_free(b->ring[i].res);
            odfgate_doc_free(b->ring[i].doc);
        }
    free(b->ring);
    free(b->schemas);
    free(b->items);
    free(b);
}
