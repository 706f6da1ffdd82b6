/*
 * fetch.h — the fetch module's internals (docs/http.md): the fetcher, and one HTTP transfer
 * set up with every limit of docs/dependencies.md (libcurl 7.88).
 *
 *   fetcher.c   odfgate_fetcher: options, the cache policy (fresh / revalidate / offline / pins)
 *   transfer.c  og_transfer: one easy handle's options, callbacks and the reason of a failure
 *   cache.c     the cache directory          urlguard.c  schemes and address policy
 *   links.c     odfgate_check_links: many transfers at once on one multi handle
 */
#ifndef OG_FETCH_H
#define OG_FETCH_H

#include "base/buf.h"
#include "base/internal.h"

#include "base/curlapi.h"

struct odfgate_fetcher {
    odfgate_fetch_options opt; /* strings point into the fetcher's own copies below */
    char *cache_dir, *cacert;
    CURL *trusted, *untrusted; /* one handle each, so connections opened under one address
                                  policy are never reused under the other */
};

/* 0 if f has a cache directory, else -1 with err filled (path = what). */
int og_fetch_need_cache(const odfgate_fetcher *f, const char *what, odfgate_error *err);

/* Initialise libcurl once per process (pthread_once); 0 or -1. */
int og_fetch_global_init(void);
void og_fetch_global_cleanup(void);

typedef enum og_transfer_mode {
    OG_TRANSFER_GET = 0, /* the body is kept (up to max_size) */
    OG_TRANSFER_HEAD,    /* link check */
    OG_TRANSFER_PROBE    /* link check fallback: GET, stop at the first body bytes */
} og_transfer_mode;

typedef struct og_transfer {
    const odfgate_fetcher *f;
    const char *url;
    int untrusted;
    og_transfer_mode mode;
    int own_redirects; /* 1: libcurl does not follow redirects (odfgate_fetch follows them
                          itself, judging each hop: fetcher.c); 0: libcurl follows them */
    const char *if_none_match, *if_modified_since; /* conditional request, may be NULL */
    /* results */
    og_buf body;
    long status; /* HTTP status of the last response, 0 if none */
    char etag[512], last_modified[128];
    char refused[200]; /* set when the address policy refused a connection */
    char errbuf[CURL_ERROR_SIZE];
    int over_cap, probed;
    struct curl_slist *headers;
} og_transfer;

/* Prepare t (results cleared) and set every option on h (after curl_easy_reset).  0 or -1
 * (out of memory). */
int og_transfer_setup(CURL *h, og_transfer *t);
/* After the transfer: fill t->status; return 0 when an HTTP answer was had (look at status),
 * else -1 with reason (one line) in msg: unknown host, refused address, time-out, size cap,
 * redirects, TLS … *timeout (may be NULL) is set for time-outs, *unknown_host for failed
 * name resolution. */
int og_transfer_outcome(CURL *h, og_transfer *t, CURLcode rc, char *msg, size_t n, int *timeout,
                        int *unknown_host);
void og_transfer_release(og_transfer *t);

#endif
