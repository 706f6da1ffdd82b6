/* url.c — what kind of URL a string is (base/url.h); parsing is libcurl's (curl_url). */
#include "base/url.h"

#include "base/curlapi.h"
#include <strings.h>

int og_url_is_http(const char *url)
{
    size_t skip;
    if (!url)
        return 0;
    if (strncasecmp(url, "http://", 7) == 0)
        skip = 7;
    else if (strncasecmp(url, "https://", 8) == 0)
        skip = 8;
    else
        return 0;
    return url[skip] != '\0' && url[skip] != '/';
}

/* scheme://host:port of an http(s) URL into out; -1 if it does not parse. */
static int origin_of(const char *url, char *out, size_t n)
{
    CURLU *u = curl_url();
    char *scheme = NULL, *host = NULL, *port = NULL;
    int rc = -1;
    if (u && curl_url_set(u, CURLUPART_URL, url, 0) == CURLUE_OK &&
        curl_url_get(u, CURLUPART_SCHEME, &scheme, 0) == CURLUE_OK &&
        curl_url_get(u, CURLUPART_HOST, &host, 0) == CURLUE_OK &&
        curl_url_get(u, CURLUPART_PORT, &port, CURLU_DEFAULT_PORT) == CURLUE_OK) {
        snprintf(out, n, "%s://%s:%s", scheme, host, port);
        rc = 0;
    }
    curl_free(scheme);
    curl_free(host);
    curl_free(port);
    curl_url_cleanup(u);
    return rc;
}

int og_url_same_origin(const char *a, const char *b)
{
    char oa[1200], ob[1200];
    return origin_of(a, oa, sizeof(oa)) == 0 && origin_of(b, ob, sizeof(ob)) == 0 &&
           strcasecmp(oa, ob) == 0;
}

int odfgate_is_url(const char *s) { return og_url_is_http(s); }
