/*
 * schemaref.h — what a schema refers to (extends, registry, clauses): a path or an http(s)
 * URL, read through the fetcher (docs/http.md) with an optional sha256 pin.
 *
 * Trust follows the source: references in a local file are trusted, and so are references in
 * trusted fetched material to its own origin (scheme, host, port); any other reference found
 * in fetched material is untrusted (the address policy applies).  References in fetched
 * material are always resolved as URLs against the URL they came from — remote material
 * never reads local files.
 */
#ifndef OG_SCHEMAREF_H
#define OG_SCHEMAREF_H

#include "base/buf.h"
#include "base/internal.h"

/* Read the bytes of `ref` into b (reset first; at most `max` bytes).  `what` names it in
 * messages ("schema", "registry", "clause").  f may be NULL: a URL is then refused.  0 or -1
 * with err filled (path = the file or URL; ODFGATE_E_FETCH for HTTP failures and pins). */
int og_ref_read(odfgate_fetcher *f, const char *ref, const char *pin, int untrusted, size_t max,
                const char *what, og_buf *b, odfgate_error *err);
/* `rel` resolved against `base` (a path, a URL, or NULL); malloc'ed, NULL on out of memory
 * or when rel cannot be resolved against a URL. */
char *og_ref_resolve(const char *base, const char *rel);
/* 1 if a and b name the same resource (URLs compared as strings, files by realpath). */
int og_ref_same(const char *a, const char *b);
/* 1 if `ref`, found in material read from `from` (untrusted itself or not), is untrusted. */
int og_ref_untrusted(const char *from, int from_untrusted, const char *ref);
/* 1 if `ref` is remote (an http(s) URL). */
int og_ref_is_remote(const char *ref);

#endif
