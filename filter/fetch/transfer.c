/* transfer.c — one HTTP transfer with every limit (docs/dependencies.md, libcurl 7.88). */
#include "fetch/fetch.h"

#include "fetch/urlguard.h"

#include <strings.h>

static size_t on_body(char *data, size_t size, size_t nmemb, void *ctx)
{
    og_transfer *t = ctx;
    size_t n = size * nmemb;
    if (t->mode == OG_TRANSFER_PROBE) {
        t->probed = 1;
        return 0; /* the status is known: stop (CURLE_WRITE_ERROR, expected) */
    }
    if (og_buf_add(&t->body, data, n) != OG_BUF_OK) {
        t->over_cap = t->body.len + n > t->body.max;
        return 0; /* over the size cap (or out of memory): abort */
    }
    return n;
}

/* Copy a header's value (trimmed, control characters dropped) if its name matches. */
static int header_value(const char *line, size_t n, const char *name, char *out, size_t cap)
{
    size_t k = strlen(name), o = 0;
    if (n <= k || strncasecmp(line, name, k) != 0 || line[k] != ':')
        return 0;
    line += k + 1;
    n -= k + 1;
    while (n && (*line == ' ' || *line == '\t'))
        line++, n--;
    while (n && (unsigned char)line[n - 1] <= ' ')
        n--;
    for (size_t i = 0; i < n && o + 1 < cap; i++)
        if ((unsigned char)line[i] >= 0x20 && line[i] != 0x7f)
            out[o++] = line[i];
    out[o] = '\0';
    return 1;
}

static size_t on_header(char *line, size_t size, size_t nmemb, void *ctx)
{
    og_transfer *t = ctx;
    size_t n = size * nmemb;
    if (n >= 5 && strncmp(line, "HTTP/", 5) == 0) { /* a new response (after a redirect) */
        t->etag[0] = '\0';
        t->last_modified[0] = '\0';
        return n;
    }
    if (!header_value(line, n, "ETag", t->etag, sizeof(t->etag)))
        header_value(line, n, "Last-Modified", t->last_modified, sizeof(t->last_modified));
    return n;
}

/* The address policy, on the address actually connected (after DNS, for every redirect). */
static curl_socket_t on_open_socket(void *ctx, curlsocktype purpose, struct curl_sockaddr *a)
{
    og_transfer *t = ctx;
    (void)purpose;
    if (t->untrusted && !t->f->opt.allow_private) {
        const char *why = og_addr_refusal(&a->addr, a->addrlen);
        if (why) {
            char text[64];
            og_addr_text(&a->addr, text, sizeof(text));
            snprintf(
                t->refused, sizeof(t->refused),
                "refused to connect to %s, %s %s address (--allow-private-addresses allows it)",
                text, why[0] == 'u' ? "an" : "a", why);
            return CURL_SOCKET_BAD;
        }
    }
    return socket(a->family, a->socktype, a->protocol);
}

int og_transfer_setup(CURL *h, og_transfer *t)
{
    const odfgate_fetch_options *o = &t->f->opt;
    char line[700];
    og_buf_init(&t->body, (size_t)o->max_size);
    t->status = 0;
    t->etag[0] = t->last_modified[0] = t->refused[0] = t->errbuf[0] = '\0';
    t->over_cap = t->probed = 0;
    t->headers = NULL;
    if (t->if_none_match && *t->if_none_match) {
        snprintf(line, sizeof(line), "If-None-Match: %s", t->if_none_match);
        if (!(t->headers = curl_slist_append(t->headers, line)))
            return -1;
    }
    if (t->if_modified_since && *t->if_modified_since) {
        struct curl_slist *n;
        snprintf(line, sizeof(line), "If-Modified-Since: %s", t->if_modified_since);
        if (!(n = curl_slist_append(t->headers, line)))
            return -1;
        t->headers = n;
    }
    curl_easy_setopt(h, CURLOPT_URL, t->url);
    curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(h, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, t->own_redirects ? 0L : 1L);
    curl_easy_setopt(h, CURLOPT_MAXREDIRS, o->max_redirects);
    curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, o->connect_timeout_ms);
    curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, o->timeout_ms);
    curl_easy_setopt(h, CURLOPT_LOW_SPEED_LIMIT, o->low_speed_bytes);
    curl_easy_setopt(h, CURLOPT_LOW_SPEED_TIME, o->low_speed_seconds);
    curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(h, CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)o->max_size);
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(h, CURLOPT_WRITEDATA, t);
    curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, on_header);
    curl_easy_setopt(h, CURLOPT_HEADERDATA, t);
    curl_easy_setopt(h, CURLOPT_OPENSOCKETFUNCTION, on_open_socket);
    curl_easy_setopt(h, CURLOPT_OPENSOCKETDATA, t);
    curl_easy_setopt(h, CURLOPT_ERRORBUFFER, t->errbuf);
    curl_easy_setopt(h, CURLOPT_USERAGENT, "odfgate/" PACKAGE_VERSION);
    curl_easy_setopt(h, CURLOPT_ACCEPT_ENCODING, ""); /* the size cap applies to decoded bytes */
    curl_easy_setopt(h, CURLOPT_HTTPHEADER, t->headers);
    if (t->mode == OG_TRANSFER_HEAD)
        curl_easy_setopt(h, CURLOPT_NOBODY, 1L);
    if (o->cacert)
        curl_easy_setopt(h, CURLOPT_CAINFO, o->cacert);
    if (o->no_proxy)
        curl_easy_setopt(h, CURLOPT_PROXY, ""); /* "" = no proxy, whatever the environment says */
    return 0;
}

int og_transfer_outcome(CURL *h, og_transfer *t, CURLcode rc, char *msg, size_t n, int *timeout,
                        int *unknown_host)
{
    const odfgate_fetch_options *o = &t->f->opt;
    const char *detail = t->errbuf[0] ? t->errbuf : curl_easy_strerror(rc);
    curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &t->status);
    if (timeout)
        *timeout = 0;
    if (unknown_host)
        *unknown_host = 0;
    if (rc == CURLE_OK || (rc == CURLE_WRITE_ERROR && t->probed && t->status))
        return 0;
    switch (rc) {
    case CURLE_COULDNT_RESOLVE_HOST:
        if (unknown_host)
            *unknown_host = 1;
        snprintf(msg, n, "unknown host (%s)", detail);
        break;
    case CURLE_COULDNT_CONNECT:
        if (t->refused[0])
            snprintf(msg, n, "%s", t->refused);
        else
            snprintf(msg, n, "cannot connect: %s", detail);
        break;
    case CURLE_OPERATION_TIMEDOUT:
        if (timeout)
            *timeout = 1;
        snprintf(msg, n, "timed out (%s)", detail);
        break;
    case CURLE_FILESIZE_EXCEEDED:
        snprintf(msg, n, "body larger than the limit of %llu bytes",
                 (unsigned long long)o->max_size);
        break;
    case CURLE_WRITE_ERROR:
        if (t->over_cap)
            snprintf(msg, n, "body larger than the limit of %llu bytes",
                     (unsigned long long)o->max_size);
        else
            snprintf(msg, n, "out of memory");
        break;
    case CURLE_TOO_MANY_REDIRECTS:
        snprintf(msg, n, "more than %ld redirects (a redirect loop?)", o->max_redirects);
        break;
    case CURLE_UNSUPPORTED_PROTOCOL:
        snprintf(msg, n, "redirected to a scheme other than http or https (%s)", detail);
        break;
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_SSL_CERTPROBLEM: snprintf(msg, n, "TLS failed: %s", detail); break;
    default: snprintf(msg, n, "%s", detail); break;
    }
    return -1;
}

void og_transfer_release(og_transfer *t)
{
    og_buf_free(&t->body);
    curl_slist_free_all(t->headers);
    t->headers = NULL;
}
