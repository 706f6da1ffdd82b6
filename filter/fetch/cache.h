/*
 * cache.h — the HTTP cache (docs/http.md): one directory, two files per entry named by the
 * SHA-256 of the key ("URL" for a resource, "link:URL" for a link-check result):
 *
 *   <key>.body   the body bytes (resources only)
 *   <key>.meta   text, "odfgate-cache/1" then one "name value" line each: kind, url, status,
 *                etag, last-modified, fetched, checked, size, sha256, verdict, detail
 *
 * Each file is written atomically (temporary file beside it, fsync, rename) while holding an
 * exclusive flock on the directory, so processes sharing the cache never see half an entry; a
 * reader also checks the body against the size and sha256 in the meta and takes any mismatch
 * as a miss.  The directory is created 0700 when first written.
 */
#ifndef OG_CACHE_H
#define OG_CACHE_H

#include "base/buf.h"
#include "base/internal.h"

#define OG_CACHE_MAX_META 16384

typedef struct og_cache_meta {
    char kind[16]; /* "resource" or "link" */
    char *url;     /* heap; NULL until set */
    long status;
    char *etag, *last_modified; /* heap or NULL */
    int64_t fetched, checked;
    uint64_t size;
    char sha256[65];  /* of the body; "" for links */
    char verdict[16]; /* links: "ok" or "broken"; "" for resources */
    char *detail;     /* links: the finding's reason, heap or NULL */
} og_cache_meta;

void og_cache_meta_release(og_cache_meta *m);

/* Parse a meta file's text into m (released first by the caller).  0 ok, -1 malformed. */
int og_cache_meta_parse(const char *text, size_t len, og_cache_meta *m);
/* Format m (control characters in values become '?').  OG_BUF_* code. */
int og_cache_meta_format(const og_cache_meta *m, og_buf *out);

/* Entry file name stem: SHA-256 hex of (kind "link": "link:" URL; else URL). */
void og_cache_key(const char *kind, const char *url, char hex[65]);

/* Look an entry up.  1 hit (m filled; body, if non-NULL, holds the verified body), 0 miss or
 * unusable entry, -1 out of memory. */
int og_cache_load(const char *dir, const char *kind, const char *url, og_cache_meta *m,
                  og_buf *body);
/* Store an entry (body may be NULL for links).  `durable`: fsync each file and the directory
 * (resources); link verdicts skip the fsyncs — still written whole and renamed into place, and
 * one lost in a crash is only asked again.  0, or -1 with err filled (path = the file). */
int og_cache_store(const char *dir, const og_cache_meta *m, const char *body, size_t len,
                   int durable, odfgate_error *err);

/* Each well-formed entry's meta; fn returns non-zero to stop.  A missing directory is empty. */
int og_cache_each(const char *dir, int (*fn)(const og_cache_meta *m, void *ctx), void *ctx,
                  odfgate_error *err);
/* Remove every entry file (and leftover temporary files); *removed = entries. */
int og_cache_clear_dir(const char *dir, size_t *removed, odfgate_error *err);

#endif
