/*
 * curlapi.h — libcurl, loaded (dlopen) the first time odfgate needs it instead of linked:
 * most runs never fetch, and linking it made every process map some thirty libraries (TLS,
 * LDAP, Kerberos, SSH, …) at start-up, doubling the CPU of a one-document check (#22).
 *
 * Include this instead of <curl/curl.h>: the curl_* functions odfgate calls become calls
 * through og_curl()'s table, filled on first use.  When libcurl cannot be loaded the
 * constructors fail (curl_global_init an error, curl_url / curl_easy_init / curl_multi_init /
 * curl_slist_append NULL) and the destructors do nothing, so every caller's existing failure
 * path reports it; og_curl_error() says why.  The soname is the one configure found
 * (OG_LIBCURL_SONAME: read from the libcurl pkg-config names).
 */
#ifndef OG_CURLAPI_H
#define OG_CURLAPI_H

#define CURL_DISABLE_TYPECHECK /* its macros would wrap the names redefined below */
#include <curl/curl.h>

typedef struct og_curl_api {
    void (*easy_cleanup)(CURL *);
    CURLcode (*easy_getinfo)(CURL *, CURLINFO, ...);
    CURL *(*easy_init)(void);
    CURLcode (*easy_perform)(CURL *);
    void (*easy_reset)(CURL *);
    CURLcode (*easy_setopt)(CURL *, CURLoption, ...);
    const char *(*easy_strerror)(CURLcode);
    void (*free)(void *);
    void (*global_cleanup)(void);
    CURLcode (*global_init)(long);
    CURLMcode (*multi_add_handle)(CURLM *, CURL *);
    CURLMcode (*multi_cleanup)(CURLM *);
    CURLMsg *(*multi_info_read)(CURLM *, int *);
    CURLM *(*multi_init)(void);
    CURLMcode (*multi_perform)(CURLM *, int *);
    CURLMcode (*multi_poll)(CURLM *, struct curl_waitfd *, unsigned int, int, int *);
    CURLMcode (*multi_remove_handle)(CURLM *, CURL *);
    CURLMcode (*multi_setopt)(CURLM *, CURLMoption, ...);
    struct curl_slist *(*slist_append)(struct curl_slist *, const char *);
    void (*slist_free_all)(struct curl_slist *);
    CURLU *(*url)(void);
    void (*url_cleanup)(CURLU *);
    CURLUcode (*url_get)(const CURLU *, CURLUPart, char **, unsigned int);
    CURLUcode (*url_set)(CURLU *, CURLUPart, const char *, unsigned int);
} og_curl_api;

/* The table (loaded on first call; thread-safe). */
const og_curl_api *og_curl(void);
/* Why libcurl could not be loaded, or NULL if it was. */
const char *og_curl_error(void);

/* curl.h wraps these to count their arguments */
#undef curl_easy_getinfo
#undef curl_easy_setopt
#undef curl_multi_setopt
#define curl_easy_cleanup        (og_curl()->easy_cleanup)
#define curl_easy_getinfo        (og_curl()->easy_getinfo)
#define curl_easy_init           (og_curl()->easy_init)
#define curl_easy_perform        (og_curl()->easy_perform)
#define curl_easy_reset          (og_curl()->easy_reset)
#define curl_easy_setopt         (og_curl()->easy_setopt)
#define curl_easy_strerror       (og_curl()->easy_strerror)
#define curl_free                (og_curl()->free)
#define curl_global_cleanup      (og_curl()->global_cleanup)
#define curl_global_init         (og_curl()->global_init)
#define curl_multi_add_handle    (og_curl()->multi_add_handle)
#define curl_multi_cleanup       (og_curl()->multi_cleanup)
#define curl_multi_info_read     (og_curl()->multi_info_read)
#define curl_multi_init          (og_curl()->multi_init)
#define curl_multi_perform       (og_curl()->multi_perform)
#define curl_multi_poll          (og_curl()->multi_poll)
#define curl_multi_remove_handle (og_curl()->multi_remove_handle)
#define curl_multi_setopt        (og_curl()->multi_setopt)
#define curl_slist_append        (og_curl()->slist_append)
#define curl_slist_free_all      (og_curl()->slist_free_all)
#define curl_url                 (og_curl()->url)
#define curl_url_cleanup         (og_curl()->url_cleanup)
#define curl_url_get             (og_curl()->url_get)
#define curl_url_set             (og_curl()->url_set)

#endif
