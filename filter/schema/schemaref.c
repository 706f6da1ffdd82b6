/* schemaref.c — references from a schema to other material, see schemaref.h. */
#include "schema/schemaref.h"

#include "base/sha256.h"
#include "base/url.h"

#include "base/curlapi.h"
#include <errno.h>
#include <libgen.h>
#include <strings.h>

int og_ref_is_remote(const char *ref) { return og_url_is_http(ref); }

static int pin_ok(const char *pin, const og_buf *b)
{
    char hex[65];
    og_sha256_hex(b->data ? b->data : "", b->len, hex);
    return strlen(pin) == 64 && strcasecmp(pin, hex) == 0;
}

static int read_local(const char *path, size_t max, const char *what, og_buf *b, odfgate_error *err)
{
    int rc = og_buf_read_file(b, path);
    if (rc == OG_BUF_TOOBIG)
        return og_fail(err, ODFGATE_E_LIMIT, path, NULL, "%s file larger than %zu bytes", what,
                       max),
               -1;
    if (rc == OG_BUF_NOMEM)
        return og_fail(err, ODFGATE_E_NOMEM, path, NULL, "out of memory"), -1;
    if (rc != OG_BUF_OK)
        return og_fail(err, ODFGATE_E_SCHEMA, path, NULL, "cannot %s the %s: %s",
                       rc == OG_BUF_NOFILE ? "open" : "read", what, strerror(errno)),
               -1;
    return 0;
}

int og_ref_read(odfgate_fetcher *f, const char *ref, const char *pin, int untrusted, size_t max,
                const char *what, og_buf *b, odfgate_error *err)
{
    og_buf_free(b);
    og_buf_init(b, max);
    if (!og_url_is_http(ref)) {
        if (read_local(ref, max, what, b, err) < 0)
            return -1;
        if (pin && !pin_ok(pin, b))
            return og_fail(err, ODFGATE_E_SCHEMA, ref, NULL,
                           "sha256 pin mismatch: the %s's bytes have another digest", what),
                   -1;
        return 0;
    }
    if (!f)
        return og_fail(err, ODFGATE_E_SCHEMA, ref, NULL,
                       "the %s is a URL, which needs a fetcher (odfgate_schema_load)", what),
               -1;
    char *data = NULL;
    size_t len = 0;
    if (odfgate_fetch(f, ref, pin, untrusted, &data, &len, NULL, err) != ODFGATE_OK)
        return -1;
    int rc = og_buf_add(b, data, len);
    free(data);
    if (rc == OG_BUF_TOOBIG)
        return og_fail(err, ODFGATE_E_LIMIT, ref, NULL, "%s larger than %zu bytes", what, max), -1;
    if (rc != OG_BUF_OK)
        return og_fail(err, ODFGATE_E_NOMEM, ref, NULL, "out of memory"), -1;
    return 0;
}

static char *resolve_url(const char *base, const char *rel)
{
    CURLU *u = curl_url();
    char *out = NULL, *r = NULL;
    if (!u)
        return NULL;
    if (curl_url_set(u, CURLUPART_URL, base, 0) == CURLUE_OK &&
        curl_url_set(u, CURLUPART_URL, rel, 0) == CURLUE_OK &&
        curl_url_get(u, CURLUPART_URL, &out, 0) == CURLUE_OK)
        r = og_strdup(out);
    curl_free(out);
    curl_url_cleanup(u);
    return r;
}

char *og_ref_resolve(const char *base, const char *rel)
{
    char *copy, *dir, *out;
    size_t n;
    if (og_url_is_http(rel))
        return og_strdup(rel);
    if (base && og_url_is_http(base)) {
        /* relative to a fetched schema: only another http(s) URL, never file:, sftp: … (a fetched
         * schema must not make odfgate read local files) */
        char *u = resolve_url(base, rel);
        if (u && !og_url_is_http(u)) {
            free(u);
            u = NULL;
        }
        return u;
    }
    if (rel[0] == '/' || !base)
        return og_strdup(rel);
    if (!(copy = og_strdup(base)))
        return NULL;
    dir = dirname(copy);
    n = strlen(dir) + strlen(rel) + 2;
    if ((out = malloc(n)))
        snprintf(out, n, "%s/%s", dir, rel);
    free(copy);
    return out;
}

int og_ref_same(const char *a, const char *b)
{
    if (og_url_is_http(a) || og_url_is_http(b))
        return strcmp(a, b) == 0;
    char *ra = realpath(a, NULL), *rb = realpath(b, NULL);
    int same = ra && rb && strcmp(ra, rb) == 0;
    free(ra);
    free(rb);
    return same;
}

int og_ref_untrusted(const char *from, int from_untrusted, const char *ref)
{
    if (!from || !og_url_is_http(from) || !og_url_is_http(ref))
        return 0; /* named by a local file (or not remote at all) */
    return from_untrusted || !og_url_same_origin(from, ref);
}
