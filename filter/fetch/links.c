/*
 * links.c — odfgate_check_links: every http(s) hyperlink of a document checked at once
 * (docs/http.md, "Link check").
 *
 *   - links are reduced to distinct targets (the fragment after '#' is dropped: fragments
 *     are not checked);
 *   - a target checked less than link_max_age ago is taken from the cache (ok and broken
 *     verdicts are cached; an unreachable one is asked again next time);
 *   - the others run on one multi handle: at most link_connections transfers at once and
 *     link_host_connections per scheme://host:port (counted here, so no transfer waits in a
 *     queue with its time-out running), each an untrusted transfer (address policy);
 *   - HEAD first; 405, 501, 400 or 403 to HEAD → GET, stopped at the first body bytes;
 *   - 429 and 5xx are retried link_retries times: after Retry-After when the server sends one
 *     (up to link_max_retry_wait seconds), else after 0.5 s, 1 s, 2 s …; failed connections too;
 *   - verdicts: 2xx, 3xx, 401, 403 fine; 404, 410 and unknown hosts link-broken; time-outs,
 *     5xx and 429 after the retries, refused addresses, other 4xx link-unreachable.
 */
#include "fetch/fetch.h"

#include "fetch/cache.h"
#include "check/rules/rules.h"

#include <time.h>

typedef enum { JOB_QUEUED = 0, JOB_ACTIVE, JOB_DONE } job_state;

typedef struct link_job {
    char *url;     /* target: the link without its fragment */
    size_t origin; /* index into origins */
    job_state state;
    og_transfer_mode mode;
    int attempt;
    double not_before; /* monotonic seconds */
    size_t slot;       /* easy handle while active */
    og_transfer t;
    og_rule rule; /* verdict: OG_RULE_NONE fine, OG_RULE_LINK_BROKEN, OG_RULE_LINK_UNREACHABLE */
    char reason[300];
    long status;
    int cached; /* the verdict came from the cache */
} link_job;

/* Distinct strings → their index, by open addressing (documents have up to OG_MAX_LINKS links:
 * no quadratic search).  slot[k] holds index + 1, 0 = empty; cap is a power of two > 2 n. */
typedef struct str_index {
    size_t *slot;
    size_t cap;
} str_index;

static int str_index_init(str_index *x, size_t n)
{
    x->cap = 16;
    while (x->cap < 2 * n + 2)
        x->cap *= 2;
    x->slot = calloc(x->cap, sizeof(size_t));
    return x->slot ? 0 : -1;
}

static size_t fnv1a(const char *s, size_t n)
{
    uint64_t h = 1469598103934665603ULL;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 1099511628211ULL;
    return (size_t)h;
}

/* Index of s[0..n) among names[] (each NUL-terminated), or where to add it: *is_new is set and
 * the slot is taken for index `next`. */
static size_t str_index_find(str_index *x, char *const *names, const char *s, size_t n, size_t next,
                             int *is_new)
{
    size_t k = fnv1a(s, n) & (x->cap - 1);
    for (;; k = (k + 1) & (x->cap - 1)) {
        size_t i = x->slot[k];
        if (i == 0) {
            x->slot[k] = next + 1;
            *is_new = 1;
            return next;
        }
        if (strncmp(names[i - 1], s, n) == 0 && names[i - 1][n] == '\0') {
            *is_new = 0;
            return i - 1;
        }
    }
}

typedef struct link_run {
    odfgate_fetcher *f;
    link_job *jobs;
    size_t njobs;
    char **origins;
    size_t norigins;
    char **targets; /* jobs[i].url, for the index */
    str_index target_index, origin_index;
    int *origin_active;
    CURLM *multi;
    CURL **handles;
    int *handle_busy;
    size_t nhandles, active;
} link_run;

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* scheme://host:port of a URL (the whole URL if it does not parse: its own "host"). */
static char *origin_of(const char *url)
{
    CURLU *u = curl_url();
    char *scheme = NULL, *host = NULL, *port = NULL, *r = NULL;
    if (u && curl_url_set(u, CURLUPART_URL, url, 0) == CURLUE_OK &&
        curl_url_get(u, CURLUPART_SCHEME, &scheme, 0) == CURLUE_OK &&
        curl_url_get(u, CURLUPART_HOST, &host, 0) == CURLUE_OK &&
        curl_url_get(u, CURLUPART_PORT, &port, CURLU_DEFAULT_PORT) == CURLUE_OK) {
        size_t n = strlen(scheme) + strlen(host) + strlen(port) + 5;
        if ((r = malloc(n)))
            snprintf(r, n, "%s://%s:%s", scheme, host, port);
    } else
        r = og_strdup(url);
    curl_free(scheme);
    curl_free(host);
    curl_free(port);
    curl_url_cleanup(u);
    return r;
}

static int origin_index(link_run *run, const char *url, size_t *out)
{
    char *o = origin_of(url);
    int is_new;
    if (!o)
        return -1;
    *out = str_index_find(&run->origin_index, run->origins, o, strlen(o), run->norigins, &is_new);
    if (is_new)
        run->origins[run->norigins++] = o;
    else
        free(o);
    return 0;
}

static void verdict(link_job *j, og_rule rule, const char *reason)
{
    j->rule = rule;
    snprintf(j->reason, sizeof(j->reason), "%s", reason);
    j->state = JOB_DONE;
}

static int start(link_run *run, link_job *j)
{
    size_t s = 0;
    while (run->handle_busy[s])
        s++;
    if (!run->handles[s] && !(run->handles[s] = curl_easy_init()))
        return -1;
    curl_easy_reset(run->handles[s]);
    memset(&j->t, 0, sizeof(j->t));
    j->t.f = run->f;
    j->t.url = j->url;
    j->t.untrusted = 1;
    j->t.mode = j->mode;
    if (og_transfer_setup(run->handles[s], &j->t) < 0) {
        og_transfer_release(&j->t);
        return -1;
    }
    curl_easy_setopt(run->handles[s], CURLOPT_PRIVATE, (void *)j);
    if (curl_multi_add_handle(run->multi, run->handles[s]) != CURLM_OK) {
        og_transfer_release(&j->t);
        return -1;
    }
    run->handle_busy[s] = 1;
    j->slot = s;
    j->state = JOB_ACTIVE;
    run->active++;
    run->origin_active[j->origin]++;
    return 0;
}

/* Another attempt later (or a verdict when none is left). */
static void retry(link_run *run, link_job *j, double delay, const char *why)
{
    if (j->attempt >= run->f->opt.link_retries) {
        snprintf(j->reason, sizeof(j->reason), "%s after %d attempts", why, j->attempt + 1);
        j->rule = OG_RULE_LINK_UNREACHABLE;
        j->state = JOB_DONE;
        return;
    }
    j->attempt++;
    j->not_before = now_s() + delay;
    j->state = JOB_QUEUED;
}

static double backoff(int attempt) { return 0.5 * (double)(1 << (attempt < 6 ? attempt : 6)); }

static void finish(link_run *run, CURL *h, CURLcode code)
{
    link_job *j = NULL;
    char msg[300], why[96];
    int timeout, unknown;
    curl_easy_getinfo(h, CURLINFO_PRIVATE, (char **)&j);
    curl_multi_remove_handle(run->multi, h);
    run->handle_busy[j->slot] = 0;
    run->active--;
    run->origin_active[j->origin]--;
    int rc = og_transfer_outcome(h, &j->t, code, msg, sizeof(msg), &timeout, &unknown);
    long st = j->t.status;
    curl_off_t after = -1;
    curl_easy_getinfo(h, CURLINFO_RETRY_AFTER, &after);
    og_transfer_release(&j->t);
    j->status = st;
    if (rc < 0) {
        if (unknown)
            verdict(j, OG_RULE_LINK_BROKEN, "unknown host");
        else if (timeout || j->t.refused[0])
            verdict(j, OG_RULE_LINK_UNREACHABLE, msg);
        else
            retry(run, j, backoff(j->attempt), msg);
        return;
    }
    if (j->mode == OG_TRANSFER_HEAD && (st == 405 || st == 501 || st == 400 || st == 403)) {
        j->mode = OG_TRANSFER_PROBE; /* HEAD refused: ask with GET, at once */
        j->not_before = 0;
        j->state = JOB_QUEUED;
        return;
    }
    snprintf(why, sizeof(why), "HTTP %ld", st);
    if ((st >= 200 && st < 400) || st == 401 || st == 403)
        verdict(j, OG_RULE_NONE, why);
    else if (st == 404 || st == 410)
        verdict(j, OG_RULE_LINK_BROKEN, why);
    else if (st == 429 || st >= 500) {
        double delay = backoff(j->attempt);
        if (after > run->f->opt.link_max_retry_wait) {
            snprintf(why, sizeof(why),
                     "HTTP %ld, and Retry-After %ld s is longer than odfgate waits", st,
                     (long)after);
            verdict(j, OG_RULE_LINK_UNREACHABLE, why);
            return;
        }
        if (after >= 0 && (st == 429 || st == 503))
            delay = (double)after;
        retry(run, j, delay, why);
    } else
        verdict(j, OG_RULE_LINK_UNREACHABLE, why);
}

/* Start what may start; returns seconds until a delayed job is due (or 1). */
static double start_ready(link_run *run, size_t *first_queued, int *nomem)
{
    double now = now_s(), wait = 1.0;
    size_t total = (size_t)run->f->opt.link_connections;
    int per_host = run->f->opt.link_host_connections;
    while (*first_queued < run->njobs && run->jobs[*first_queued].state == JOB_DONE)
        (*first_queued)++;
    for (size_t i = *first_queued; i < run->njobs && run->active < total; i++) {
        link_job *j = &run->jobs[i];
        if (j->state != JOB_QUEUED || run->origin_active[j->origin] >= per_host)
            continue;
        if (j->not_before > now) {
            if (j->not_before - now < wait)
                wait = j->not_before - now;
            continue;
        }
        if (start(run, j) < 0) {
            *nomem = 1;
            return 0;
        }
    }
    return wait;
}

static int run_all(link_run *run)
{
    size_t first = 0;
    int nomem = 0, running;
    for (;;) {
        double wait = start_ready(run, &first, &nomem);
        CURLMsg *m;
        int left;
        if (nomem)
            return -1;
        if (run->active == 0) {
            int queued = 0;
            for (size_t i = first; i < run->njobs && !queued; i++)
                queued = run->jobs[i].state == JOB_QUEUED;
            if (!queued)
                return 0;
        }
        int finished = 0;
        curl_multi_perform(run->multi, &running);
        while ((m = curl_multi_info_read(run->multi, &left)))
            if (m->msg == CURLMSG_DONE) {
                finish(run, m->easy_handle, m->data.result);
                finished = 1;
            }
        if (finished)
            continue; /* free slots: start what waits before sleeping */
        if (run->active)
            curl_multi_poll(run->multi, NULL, 0, (int)(wait * 1000) + 1, NULL);
        else {
            struct timespec ts = {(time_t)wait, (long)((wait - (double)(time_t)wait) * 1e9)};
            nanosleep(&ts, NULL);
        }
    }
}

/* Cached verdict of a target if fresh (or offline: whatever is there). 1 hit, 0 miss. */
static int from_cache(link_run *run, link_job *j)
{
    og_cache_meta m;
    int64_t now = (int64_t)time(NULL);
    int hit;
    memset(&m, 0, sizeof(m));
    hit = og_cache_load(run->f->cache_dir, "link", j->url, &m, NULL) == 1;
    if (hit && (run->f->opt.offline || (!run->f->opt.refresh && now >= m.checked &&
                                        now - m.checked < run->f->opt.link_max_age))) {
        j->rule = strcmp(m.verdict, "broken") == 0 ? OG_RULE_LINK_BROKEN : OG_RULE_NONE;
        snprintf(j->reason, sizeof(j->reason), "%s", m.detail ? m.detail : "");
        j->state = JOB_DONE;
        j->cached = 1;
    } else if (run->f->opt.offline) {
        j->rule = OG_RULE_LINK_UNREACHABLE;
        snprintf(j->reason, sizeof(j->reason), "not checked: offline, and not in the cache");
        j->state = JOB_DONE;
        j->cached = 1;
    } else
        hit = 0;
    og_cache_meta_release(&m);
    return hit;
}

/* Remember fine and broken verdicts (a failure to write the cache is not an error). */
static void remember(link_run *run, link_job *j)
{
    og_cache_meta m;
    odfgate_error ignored;
    if (j->rule != OG_RULE_NONE && j->rule != OG_RULE_LINK_BROKEN)
        return;
    memset(&m, 0, sizeof(m));
    snprintf(m.kind, sizeof(m.kind), "link");
    m.url = j->url;
    m.status = j->status;
    m.fetched = m.checked = (int64_t)time(NULL);
    snprintf(m.verdict, sizeof(m.verdict), "%s", j->rule ? "broken" : "ok");
    m.detail = j->reason;
    og_cache_store(run->f->cache_dir, &m, NULL, 0, 0, &ignored);
}

static void run_free(link_run *run)
{
    for (size_t i = 0; i < run->njobs; i++)
        free(run->jobs[i].url);
    for (size_t i = 0; i < run->norigins; i++)
        free(run->origins[i]);
    for (size_t i = 0; i < run->nhandles; i++)
        if (run->handles && run->handles[i])
            curl_easy_cleanup(run->handles[i]);
    if (run->multi)
        curl_multi_cleanup(run->multi);
    free(run->jobs);
    free(run->origins);
    free(run->targets);
    free(run->target_index.slot);
    free(run->origin_index.slot);
    free(run->origin_active);
    free(run->handles);
    free(run->handle_busy);
}

/* Distinct targets; link_target[i] = the job of doc link i. */
static int make_jobs(link_run *run, const odfgate_doc *doc, size_t *link_target)
{
    if (str_index_init(&run->target_index, doc->link_count) < 0 ||
        str_index_init(&run->origin_index, doc->link_count) < 0)
        return -1;
    for (size_t i = 0; i < doc->link_count; i++) {
        const char *u = doc->links[i].url, *hash = strchr(u, '#');
        size_t n = hash ? (size_t)(hash - u) : strlen(u);
        int is_new;
        size_t k = str_index_find(&run->target_index, run->targets, u, n, run->njobs, &is_new);
        if (is_new) {
            link_job *j = &run->jobs[run->njobs];
            memset(j, 0, sizeof(*j));
            if (!(j->url = og_strndup(u, n)))
                return -1;
            run->targets[run->njobs++] = j->url;
            if (origin_index(run, j->url, &j->origin) < 0)
                return -1;
        }
        link_target[i] = k;
    }
    return 0;
}

odfgate_status odfgate_check_links(odfgate_fetcher *f, const odfgate_doc *doc, odfgate_result *res,
                                   odfgate_error *err)
{
    OG_ERR_LOCAL(err);
    link_run run;
    size_t n, *target = NULL;
    og_link_verdict *v = NULL;
    odfgate_status st = ODFGATE_OK;

    if (!f || !doc || !res || !res->schema)
        return og_fail(err, ODFGATE_E_USAGE, NULL, NULL, "odfgate_check_links: missing argument");
    if ((n = doc->link_count) == 0)
        return ODFGATE_OK;
    if (og_fetch_need_cache(f, doc->path, err) < 0)
        return ODFGATE_FAILED;
    memset(&run, 0, sizeof(run));
    run.f = f;
    run.nhandles = (size_t)f->opt.link_connections;
    run.jobs = calloc(n, sizeof(link_job));
    run.origins = calloc(n, sizeof(char *));
    run.targets = calloc(n, sizeof(char *));
    run.origin_active = calloc(n, sizeof(int));
    run.handles = calloc(run.nhandles, sizeof(CURL *));
    run.handle_busy = calloc(run.nhandles, sizeof(int));
    target = calloc(n, sizeof(size_t));
    v = calloc(n, sizeof(og_link_verdict));
    if (!run.jobs || !run.origins || !run.targets || !run.origin_active || !run.handles ||
        !run.handle_busy || !target || !v || make_jobs(&run, doc, target) < 0)
        goto nomem;
    for (size_t k = 0; k < run.njobs; k++)
        from_cache(&run, &run.jobs[k]);
    if (!f->opt.offline) {
        if (og_fetch_global_init() < 0) {
            st = og_fail(err, ODFGATE_E_FETCH, doc->path, NULL, "libcurl cannot be initialised%s%s",
                         og_curl_error() ? ": " : "", og_curl_error() ? og_curl_error() : "");
            goto out;
        }
        if (!(run.multi = curl_multi_init()))
            goto nomem;
        curl_multi_setopt(run.multi, CURLMOPT_MAX_TOTAL_CONNECTIONS, (long)f->opt.link_connections);
        curl_multi_setopt(run.multi, CURLMOPT_MAX_HOST_CONNECTIONS,
                          (long)f->opt.link_host_connections);
        for (size_t k = 0; k < run.njobs; k++)
            if (run.jobs[k].state == JOB_QUEUED)
                run.jobs[k].mode = OG_TRANSFER_HEAD;
        if (run_all(&run) < 0)
            goto nomem;
        for (size_t k = 0; k < run.njobs; k++)
            if (!run.jobs[k].cached)
                remember(&run, &run.jobs[k]);
    }
    for (size_t i = 0; i < n; i++) {
        const link_job *j = &run.jobs[target[i]];
        v[i].url = doc->links[i].url;
        odfgate_doc_link(doc, i, &v[i].paragraph);
        v[i].rule = j->rule;
        v[i].reason = j->reason;
    }
    if (og_rules_links(doc, res, v, n) < 0)
        goto nomem;
    goto out;
nomem:
    st = og_fail(err, ODFGATE_E_NOMEM, doc->path, NULL, "out of memory");
out:
    for (size_t k = 0; k < run.njobs; k++)
        if (run.jobs[k].state == JOB_ACTIVE)
            og_transfer_release(&run.jobs[k].t);
    run_free(&run);
    free(target);
    free(v);
    return st;
}
