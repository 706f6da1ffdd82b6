/* threadcache.c — per-thread objects kept between documents, see threadcache.h. */
#include "base/threadcache.h"

#include <libdeflate.h>
#include <pthread.h>
#include <stdlib.h>

static pthread_key_t cache_key;
static int cache_key_ok;
static pthread_once_t cache_once = PTHREAD_ONCE_INIT;

static void cache_free(void *arg)
{
    og_thread_cache *c = arg;
    if (!c)
        return;
    if (c->reader)
        xmlFreeTextReader(c->reader);
    if (c->inflater)
        libdeflate_free_decompressor(c->inflater);
    free(c);
}

static void cache_key_create(void)
{
    cache_key_ok = pthread_key_create(&cache_key, cache_free) == 0;
}

/* A host that unloads the library (a LibreOffice extension can be removed) must not have
 * threads call cache_free, gone with it, when they end: the key goes first (the caches of
 * threads still running are then lost, once). */
__attribute__((destructor)) static void cache_key_unload(void)
{
    if (cache_key_ok) {
        cache_key_ok = 0;
        pthread_key_delete(cache_key);
    }
}

og_thread_cache *og_thread_cache_get(void)
{
    og_thread_cache *c;
    pthread_once(&cache_once, cache_key_create);
    if (!cache_key_ok)
        return NULL;
    if ((c = pthread_getspecific(cache_key)) == NULL && (c = calloc(1, sizeof(*c))) != NULL &&
        pthread_setspecific(cache_key, c) != 0) {
        free(c);
        c = NULL;
    }
    return c;
}

void og_thread_cache_release(void)
{
    if (cache_key_ok) {
        cache_free(pthread_getspecific(cache_key));
        pthread_setspecific(cache_key, NULL);
    }
}
