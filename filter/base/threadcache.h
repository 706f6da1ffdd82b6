/*
 * threadcache.h — objects a thread keeps from one document to the next because they cost more
 * to create than to use: a libxml2 reader (xml.c decides when one is kept) and a libdeflate
 * decompressor (inflate.c).  Each thread has its own; they are freed when the thread ends, and
 * the calling thread's by og_thread_cache_release (odfgate_global_cleanup).
 */
#ifndef OG_THREADCACHE_H
#define OG_THREADCACHE_H

#include <libxml/xmlreader.h>
#include <stddef.h>

struct libdeflate_decompressor;

typedef struct og_thread_cache {
    xmlTextReaderPtr reader;                  /* xml.c: a reader that ended cleanly, or NULL */
    size_t reader_bytes;                      /* bytes it has read since it was created */
    struct libdeflate_decompressor *inflater; /* inflate.c, or NULL */
} og_thread_cache;

/* The calling thread's cache, created on first use; NULL if there cannot be one. */
og_thread_cache *og_thread_cache_get(void);
/* Free the calling thread's cache and what it holds. */
void og_thread_cache_release(void);

#endif
