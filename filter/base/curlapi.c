/* curlapi.c — see curlapi.h. */
#include "base/curlapi.h"

#include "base/lazylib.h"

#include <pthread.h>
#include <stddef.h>

#ifndef OG_LIBCURL_SONAME
#define OG_LIBCURL_SONAME "libcurl.so.4"
#endif

static pthread_once_t once = PTHREAD_ONCE_INIT;
static og_curl_api api;
static char problem[300];
static int loaded;

/* What the table holds when libcurl is missing: constructors fail, destructors do nothing
 * (nothing else is reached without a handle a constructor made). */
static CURLcode no_global_init(long flags)
{
    (void)flags;
    return CURLE_FAILED_INIT;
}
static void no_global_cleanup(void) {}
static CURL *no_easy_init(void) { return NULL; }
static void no_easy_cleanup(CURL *h) { (void)h; }
static CURLM *no_multi_init(void) { return NULL; }
static CURLMcode no_multi_cleanup(CURLM *m)
{
    (void)m;
    return CURLM_OK;
}
static CURLU *no_url(void) { return NULL; }
static void no_url_cleanup(CURLU *u) { (void)u; }
static void no_free(void *p) { (void)p; }
static struct curl_slist *no_slist_append(struct curl_slist *l, const char *s)
{
    (void)l, (void)s;
    return NULL;
}
static void no_slist_free_all(struct curl_slist *l) { (void)l; }

static void load(void)
{
    static const char *const names[] = {
        "curl_easy_cleanup",
        "curl_easy_getinfo",
        "curl_easy_init",
        "curl_easy_perform",
        "curl_easy_reset",
        "curl_easy_setopt",
        "curl_easy_strerror",
        "curl_free",
        "curl_global_cleanup",
        "curl_global_init",
        "curl_multi_add_handle",
        "curl_multi_cleanup",
        "curl_multi_info_read",
        "curl_multi_init",
        "curl_multi_perform",
        "curl_multi_poll",
        "curl_multi_remove_handle",
        "curl_multi_setopt",
        "curl_slist_append",
        "curl_slist_free_all",
        "curl_url",
        "curl_url_cleanup",
        "curl_url_get",
        "curl_url_set",
    };
    void **const slots[] = {
        (void **)&api.easy_cleanup,
        (void **)&api.easy_getinfo,
        (void **)&api.easy_init,
        (void **)&api.easy_perform,
        (void **)&api.easy_reset,
        (void **)&api.easy_setopt,
        (void **)&api.easy_strerror,
        (void **)&api.free,
        (void **)&api.global_cleanup,
        (void **)&api.global_init,
        (void **)&api.multi_add_handle,
        (void **)&api.multi_cleanup,
        (void **)&api.multi_info_read,
        (void **)&api.multi_init,
        (void **)&api.multi_perform,
        (void **)&api.multi_poll,
        (void **)&api.multi_remove_handle,
        (void **)&api.multi_setopt,
        (void **)&api.slist_append,
        (void **)&api.slist_free_all,
        (void **)&api.url,
        (void **)&api.url_cleanup,
        (void **)&api.url_get,
        (void **)&api.url_set,
    };
    if ((loaded = og_lazylib_bind(OG_LIBCURL_SONAME, names, slots, sizeof(names) / sizeof(*names),
                                  problem, sizeof(problem)) == 0))
        return;
    api.global_init = no_global_init;
    api.global_cleanup = no_global_cleanup;
    api.easy_init = no_easy_init;
    api.easy_cleanup = no_easy_cleanup;
    api.multi_init = no_multi_init;
    api.multi_cleanup = no_multi_cleanup;
    api.url = no_url;
    api.url_cleanup = no_url_cleanup;
    api.free = no_free;
    api.slist_append = no_slist_append;
    api.slist_free_all = no_slist_free_all;
}

const og_curl_api *og_curl(void)
{
    pthread_once(&once, load);
    return &api;
}

const char *og_curl_error(void)
{
    pthread_once(&once, load);
    return loaded ? NULL : problem;
}
