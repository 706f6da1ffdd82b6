/*
 * fetcher.c — odfgate_fetcher and odfgate_fetch: the cache policy (docs/http.md).
 *
 *   cached and (offline, or matching its pin, or checked less than max-age ago, not --refresh)
 *        → the cached body, no request;
 *   offline and not cached → an error;
 *   otherwise a request, conditional (If-None-Match / If-Modified-Since) when cached:
 *        304 → the cached body, its check time renewed;  200 → pin checked, then stored.
 * A body that fails its pin is never stored: the cache keeps what it had.
 */
#include "fetch/fetch.h"

#include "fetch/cache.h"
#include "base/sha256.h"
#include "fetch/urlguard.h"

#include <pthread.h>
#include <time.h>

static pthread_once_t curl_once = PTHREAD_ONCE_INIT;
static int curl_ready;

/* libcurl is initialised on first use, not in odfgate_global_init: most runs never touch the
 * network, and curl_global_init (TLS library set-up) costs every process milliseconds. */
static void init_curl(void) { curl_ready = curl_global_init(CURL_GLOBAL_ALL) == CURLE_OK; }

int og_fetch_global_init(void)
{
    pthread_once(&curl_once, init_curl);
    return curl_ready ? 0 : -1;
}

void og_fetch_global_cleanup(void)
{
    if (curl_ready)
        curl_global_cleanup();
    curl_ready = 0;
}

void odfgate_fetch_options_init(odfgate_fetch_options *o)
{
    memset(o, 0, sizeof(*o));
    o->max_age = 3600;
    o->link_max_age = 600;
    o->max_size = 4u * 1024u * 1024u;
    o->connect_timeout_ms = 10000;
    o->timeout_ms = 30000;
    o->low_speed_bytes = 8192; /* a trickle (below 8 KiB/s for 8 s) ends within 10 s */
    o->low_speed_seconds = 8;
    o->max_redirects = 5;
    o->link_connections = 64;
    o->link_host_connections = 8;
    o->link_retries = 2;
    o->link_max_retry_wait = 30;
}

static char *default_cache_dir(void)
{
    const char *xdg = getenv("XDG_CACHE_HOME"), *home = getenv("HOME");
    og_buf b;
    og_buf_init(&b, 8192);
    if (xdg && xdg[0] == '/') {
        if (og_buf_printf(&b, "%s/odfgate", xdg) != OG_BUF_OK)
            goto fail;
    } else if (home && home[0] == '/') {
        if (og_buf_printf(&b, "%s/.cache/odfgate", home) != OG_BUF_OK)
            goto fail;
    } else
        goto fail;
    return og_buf_take(&b);
fail:
    og_buf_free(&b);
    return NULL;
}

odfgate_status odfgate_fetcher_new(const odfgate_fetch_options *opt, odfgate_fetcher **out,
                                   odfgate_error *err)
{
    OG_ERR_LOCAL(err);
    odfgate_fetcher *f;
    if (!out)
        return og_fail(err, ODFGATE_E_USAGE, NULL, NULL, "odfgate_fetcher_new: missing argument");
    *out = NULL;
    if (!(f = calloc(1, sizeof(*f))))
        return og_fail(err, ODFGATE_E_NOMEM, NULL, NULL, "out of memory");
    if (opt)
        f->opt = *opt;
    else
        odfgate_fetch_options_init(&f->opt);
    if (f->opt.max_size == 0 || f->opt.max_redirects < 0 || f->opt.timeout_ms <= 0 ||
        f->opt.connect_timeout_ms <= 0 || f->opt.link_connections < 1 ||
        f->opt.link_host_connections < 1 || f->opt.max_age < 0 || f->opt.link_max_age < 0 ||
        f->opt.link_retries < 0) {
        free(f);
        return og_fail(err, ODFGATE_E_USAGE, NULL, NULL,
                       "invalid fetch options (a limit is 0 or negative)");
    }
    /* without a cache directory (no --cache-dir, XDG_CACHE_HOME or HOME) the fetcher is still
     * made, so that local schemas load; fetching then fails (og_fetch_need_cache) */
    f->cache_dir = f->opt.cache_dir ? og_strdup(f->opt.cache_dir) : default_cache_dir();
    if (f->opt.cache_dir && !f->cache_dir) {
        odfgate_fetcher_free(f);
        return og_fail(err, ODFGATE_E_NOMEM, NULL, NULL, "out of memory");
    }
    if (f->opt.cacert && !(f->cacert = og_strdup(f->opt.cacert))) {
        odfgate_fetcher_free(f);
        return og_fail(err, ODFGATE_E_NOMEM, NULL, NULL, "out of memory");
    }
    f->opt.cache_dir = f->cache_dir;
    f->opt.cacert = f->cacert;
    *out = f;
    return ODFGATE_OK;
}

void odfgate_fetcher_free(odfgate_fetcher *f)
{
    if (!f)
        return;
    if (f->trusted)
        curl_easy_cleanup(f->trusted);
    if (f->untrusted)
        curl_easy_cleanup(f->untrusted);
    free(f->cache_dir);
    free(f->cacert);
    free(f);
}

const char *odfgate_cache_dir(const odfgate_fetcher *f) { return f ? f->cache_dir : NULL; }

int og_fetch_need_cache(const odfgate_fetcher *f, const char *what, odfgate_error *err)
{
    if (f->cache_dir)
        return 0;
    og_fail(err, ODFGATE_E_USAGE, what, NULL,
            "no cache directory: set XDG_CACHE_HOME or HOME, or give --cache-dir");
    return -1;
}

static int valid_pin(const char *pin)
{
    size_t i;
    for (i = 0; pin[i]; i++)
        if (!((pin[i] >= '0' && pin[i] <= '9') || (pin[i] >= 'a' && pin[i] <= 'f') ||
              (pin[i] >= 'A' && pin[i] <= 'F')))
            return 0;
    return i == 64;
}

static int pin_matches(const char *pin, const char *hex)
{
    for (size_t i = 0; i < 64; i++) {
        char c = pin[i] >= 'A' && pin[i] <= 'F' ? (char)(pin[i] - 'A' + 'a') : pin[i];
        if (c != hex[i])
            return 0;
    }
    return 1;
}

static odfgate_status pin_fail(odfgate_error *err, const char *url, const char *pin,
                               const char *got)
{
    return og_fail(
        err, ODFGATE_E_FETCH, url, NULL,
        "sha256 pin mismatch: the body has %.12s…, the pin says %.12s… (not used, cache unchanged)",
        got, pin);
}

static odfgate_status hand_over(og_buf *body, char **data, size_t *len,
                                odfgate_fetch_source *source, odfgate_fetch_source how)
{
    *len = body->len;
    *data = og_buf_take(body);
    if (source)
        *source = how;
    return ODFGATE_OK;
}

static int is_redirect(long status)
{
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}

/* One GET with its redirects followed here, not by libcurl, so that every hop is judged on its
 * own (docs/http.md): a hop to another origin than the hop before it is untrusted from there
 * on (the address policy applies, and the untrusted handle, with its own connections, carries
 * it), however the first URL was trusted.  On success t holds the last answer. */
static odfgate_status get_following(odfgate_fetcher *f, og_transfer *t, const char *url,
                                    int untrusted, odfgate_error *err)
{
    char msg[400], *hop = NULL, *loc;
    odfgate_status st = ODFGATE_OK;
    struct timespec t0, now;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    for (long n = 0;; n++) {
        long spent, left;
        CURL **hp = untrusted ? &f->untrusted : &f->trusted;
        if (!*hp && og_fetch_global_init() < 0) {
            st = og_fail(err, ODFGATE_E_FETCH, url, NULL, "libcurl cannot be initialised%s%s",
                         og_curl_error() ? ": " : "", og_curl_error() ? og_curl_error() : "");
            break;
        }
        if (!*hp && !(*hp = curl_easy_init())) {
            st = og_fail(err, ODFGATE_E_NOMEM, url, NULL, "out of memory");
            break;
        }
        curl_easy_reset(*hp);
        og_transfer_release(t); /* the previous hop's body and headers */
        t->url = hop ? hop : url;
        t->untrusted = untrusted;
        t->own_redirects = 1;
        if (og_transfer_setup(*hp, t) < 0) {
            st = og_fail(err, ODFGATE_E_NOMEM, url, NULL, "out of memory");
            break;
        }
        /* the time limit is for the whole fetch, redirects included */
        clock_gettime(CLOCK_MONOTONIC, &now);
        spent = (long)(now.tv_sec - t0.tv_sec) * 1000 + (now.tv_nsec - t0.tv_nsec) / 1000000;
        left = f->opt.timeout_ms - spent > 1 ? f->opt.timeout_ms - spent : 1;
        curl_easy_setopt(*hp, CURLOPT_TIMEOUT_MS, left);
        if (og_transfer_outcome(*hp, t, curl_easy_perform(*hp), msg, sizeof(msg), NULL, NULL) < 0) {
            if (hop)
                st = og_fail(err, ODFGATE_E_FETCH, url, NULL, "%s (redirected to %s)", msg, hop);
            else
                st = og_fail(err, ODFGATE_E_FETCH, url, NULL, "%s", msg);
            break;
        }
        loc = NULL;
        if (!is_redirect(t->status) ||
            curl_easy_getinfo(*hp, CURLINFO_REDIRECT_URL, &loc) != CURLE_OK || !loc)
            break; /* the answer */
        if (n >= f->opt.max_redirects) {
            st = og_fail(err, ODFGATE_E_FETCH, url, NULL,
                         "more than %ld redirects (a redirect loop?)", f->opt.max_redirects);
            break;
        }
        if (!og_url_is_http(loc)) {
            st = og_fail(err, ODFGATE_E_FETCH, url, NULL,
                         "redirected to a scheme other than http or https (%.200s)", loc);
            break;
        }
        if (!untrusted && !og_url_same_origin(t->url, loc))
            untrusted = 1;
        free(hop);
        if (!(hop = og_strdup(loc))) {
            st = og_fail(err, ODFGATE_E_NOMEM, url, NULL, "out of memory");
            break;
        }
    }
    t->url = url;
    free(hop);
    return st;
}

odfgate_status odfgate_fetch(odfgate_fetcher *f, const char *url, const char *sha256, int untrusted,
                             char **data, size_t *len, odfgate_fetch_source *source,
                             odfgate_error *err)
{
    OG_ERR_LOCAL(err);
    og_cache_meta m;
    og_buf cached;
    og_transfer t;
    char hex[65];
    int hit;
    int64_t now = (int64_t)time(NULL);
    odfgate_status st;

    if (!f || !url || !data || !len)
        return og_fail(err, ODFGATE_E_USAGE, url, NULL, "odfgate_fetch: missing argument");
    *data = NULL;
    *len = 0;
    if (!og_url_is_http(url))
        return og_fail(err, ODFGATE_E_FETCH, url, NULL, "not an http:// or https:// URL");
    if (sha256 && !valid_pin(sha256))
        return og_fail(err, ODFGATE_E_USAGE, url, NULL, "sha256 pin must be 64 hexadecimal digits");
    if (og_fetch_need_cache(f, url, err) < 0)
        return ODFGATE_FAILED;
    memset(&m, 0, sizeof(m));
    og_buf_init(&cached, (size_t)f->opt.max_size);
    hit = og_cache_load(f->cache_dir, "resource", url, &m, &cached);
    if (hit < 0) {
        og_buf_free(&cached);
        return og_fail(err, ODFGATE_E_NOMEM, url, NULL, "out of memory");
    }
    /* a cached copy that does not match the pin is stale whatever its age (the pin was updated
     * with the resource): fetch it afresh, unconditionally; offline, the mismatch is the answer */
    if (hit > 0 && sha256 && !pin_matches(sha256, m.sha256) && !f->opt.offline) {
        og_cache_meta_release(&m);
        memset(&m, 0, sizeof(m));
        og_buf_reset(&cached);
        hit = 0;
    }
    if (hit && (f->opt.offline || (sha256 && pin_matches(sha256, m.sha256)) ||
                (!f->opt.refresh && now - m.checked < f->opt.max_age && now >= m.checked))) {
        if (sha256 && !pin_matches(sha256, m.sha256))
            st = pin_fail(err, url, sha256, m.sha256);
        else
            st = hand_over(&cached, data, len, source, ODFGATE_FETCH_CACHED);
        og_cache_meta_release(&m);
        og_buf_free(&cached);
        return st;
    }
    if (f->opt.offline) {
        og_buf_free(&cached);
        return og_fail(err, ODFGATE_E_FETCH, url, NULL,
                       "offline, and not in the cache (odfgate fetch URL stores it while online)");
    }
    memset(&t, 0, sizeof(t));
    t.f = f;
    t.if_none_match = hit ? m.etag : NULL;
    t.if_modified_since = hit ? m.last_modified : NULL;
    if ((st = get_following(f, &t, url, untrusted, err)) != ODFGATE_OK)
        goto out;
    if (t.status == 304 && hit) { /* no pin here: a pinned copy was answered from the cache */
        m.checked = now;
        if (og_cache_store(f->cache_dir, &m, NULL, 0, 1, err) < 0) {
            st = ODFGATE_FAILED;
            goto out;
        }
        st = hand_over(&cached, data, len, source, ODFGATE_FETCH_REVALIDATED);
        goto out;
    }
    if (t.status != 200) {
        st = og_fail(err, ODFGATE_E_FETCH, url, NULL, "the server answered HTTP %ld", t.status);
        goto out;
    }
    og_sha256_hex(t.body.data ? t.body.data : "", t.body.len, hex);
    if (sha256 && !pin_matches(sha256, hex)) {
        st = pin_fail(err, url, sha256, hex);
        goto out;
    }
    og_cache_meta_release(&m);
    snprintf(m.kind, sizeof(m.kind), "resource");
    m.url = og_strdup(url);
    m.etag = t.etag[0] ? og_strdup(t.etag) : NULL;
    m.last_modified = t.last_modified[0] ? og_strdup(t.last_modified) : NULL;
    m.status = t.status;
    m.fetched = m.checked = now;
    m.size = t.body.len;
    memcpy(m.sha256, hex, sizeof(hex));
    if (!m.url || (t.etag[0] && !m.etag) || (t.last_modified[0] && !m.last_modified)) {
        st = og_fail(err, ODFGATE_E_NOMEM, url, NULL, "out of memory");
        goto out;
    }
    if (og_cache_store(f->cache_dir, &m, t.body.data ? t.body.data : "", t.body.len, 1, err) < 0) {
        st = ODFGATE_FAILED;
        goto out;
    }
    st = hand_over(&t.body, data, len, source, ODFGATE_FETCH_NETWORK);
out:
    og_transfer_release(&t);
    og_cache_meta_release(&m);
    og_buf_free(&cached);
    return st;
}

/* ------------------------------------------------------------------ cache listing */

typedef struct list_ctx {
    int (*fn)(const odfgate_cache_entry *e, void *ctx);
    void *ctx;
} list_ctx;

static int list_one(const og_cache_meta *m, void *ctx)
{
    list_ctx *l = ctx;
    odfgate_cache_entry e = {m->url,     m->kind,          m->status,
                             m->etag,    m->last_modified, m->fetched,
                             m->checked, m->size,          m->sha256[0] ? m->sha256 : NULL};
    return l->fn(&e, l->ctx);
}

odfgate_status odfgate_cache_list(odfgate_fetcher *f,
                                  int (*fn)(const odfgate_cache_entry *e, void *ctx), void *ctx,
                                  odfgate_error *err)
{
    list_ctx l = {fn, ctx};
    if (!f || !fn)
        return og_fail(err, ODFGATE_E_USAGE, NULL, NULL, "odfgate_cache_list: missing argument");
    if (og_fetch_need_cache(f, NULL, err) < 0)
        return ODFGATE_FAILED;
    return og_cache_each(f->cache_dir, list_one, &l, err) < 0 ? ODFGATE_FAILED : ODFGATE_OK;
}

odfgate_status odfgate_cache_clear(odfgate_fetcher *f, size_t *removed, odfgate_error *err)
{
    OG_ERR_LOCAL(err);
    if (!f)
        return og_fail(err, ODFGATE_E_USAGE, NULL, NULL, "odfgate_cache_clear: missing argument");
    if (og_fetch_need_cache(f, NULL, err) < 0)
        return ODFGATE_FAILED;
    return og_cache_clear_dir(f->cache_dir, removed, err) < 0 ? ODFGATE_FAILED : ODFGATE_OK;
}
