/* curlapi.c — see curlapi.h. */
#include "base/curlapi.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#ifndef OG_LIBCURL_SONAME
#define OG_LIBCURL_SONAME "libcurl.so.4"
#endif

static pthread_once_t once = PTHREAD_ONCE_INIT;
static og_curl_api api;
static char problem[300];
static void *lib;

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

static void *sym(const char *name)
{
    void *p = dlsym(lib, name);
    if (!p && !problem[0])
        snprintf(problem, sizeof(problem), "%s has no %.100s", OG_LIBCURL_SONAME, name);
    return p;
}

static void load(void)
{
    const char *why;
    if ((lib = dlopen(OG_LIBCURL_SONAME, RTLD_NOW | RTLD_LOCAL)) &&
        (api.easy_cleanup = (void (*)(CURL *))sym("curl_easy_cleanup")) &&
        (api.easy_getinfo = (CURLcode(*)(CURL *, CURLINFO, ...))sym("curl_easy_getinfo")) &&
        (api.easy_init = (CURL * (*)(void)) sym("curl_easy_init")) &&
        (api.easy_perform = (CURLcode(*)(CURL *))sym("curl_easy_perform")) &&
        (api.easy_reset = (void (*)(CURL *))sym("curl_easy_reset")) &&
        (api.easy_setopt = (CURLcode(*)(CURL *, CURLoption, ...))sym("curl_easy_setopt")) &&
        (api.easy_strerror = (const char *(*)(CURLcode))sym("curl_easy_strerror")) &&
        (api.free = (void (*)(void *))sym("curl_free")) &&
        (api.global_cleanup = (void (*)(void))sym("curl_global_cleanup")) &&
        (api.global_init = (CURLcode(*)(long))sym("curl_global_init")) &&
        (api.multi_add_handle = (CURLMcode(*)(CURLM *, CURL *))sym("curl_multi_add_handle")) &&
        (api.multi_cleanup = (CURLMcode(*)(CURLM *))sym("curl_multi_cleanup")) &&
        (api.multi_info_read = (CURLMsg * (*)(CURLM *, int *)) sym("curl_multi_info_read")) &&
        (api.multi_init = (CURLM * (*)(void)) sym("curl_multi_init")) &&
        (api.multi_perform = (CURLMcode(*)(CURLM *, int *))sym("curl_multi_perform")) &&
        (api.multi_poll = (CURLMcode(*)(CURLM *, struct curl_waitfd *, unsigned int, int,
                                        int *))sym("curl_multi_poll")) &&
        (api.multi_remove_handle =
             (CURLMcode(*)(CURLM *, CURL *))sym("curl_multi_remove_handle")) &&
        (api.multi_setopt = (CURLMcode(*)(CURLM *, CURLMoption, ...))sym("curl_multi_setopt")) &&
        (api.slist_append = (struct curl_slist * (*)(struct curl_slist *, const char *))
             sym("curl_slist_append")) &&
        (api.slist_free_all = (void (*)(struct curl_slist *))sym("curl_slist_free_all")) &&
        (api.url = (CURLU * (*)(void)) sym("curl_url")) &&
        (api.url_cleanup = (void (*)(CURLU *))sym("curl_url_cleanup")) &&
        (api.url_get =
             (CURLUcode(*)(const CURLU *, CURLUPart, char **, unsigned int))sym("curl_url_get")) &&
        (api.url_set =
             (CURLUcode(*)(CURLU *, CURLUPart, const char *, unsigned int))sym("curl_url_set")))
        return;
    char reason[sizeof(problem)];
    why = lib ? problem : dlerror(); /* problem: the missing symbol, said by sym() */
    snprintf(reason, sizeof(reason), "%s", why ? why : "unknown error");
    snprintf(problem, sizeof(problem), "cannot load libcurl: %.250s", reason);
    if (lib)
        dlclose(lib);
    lib = NULL;
    memset(&api, 0, sizeof(api));
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
    return lib ? NULL : problem;
}
