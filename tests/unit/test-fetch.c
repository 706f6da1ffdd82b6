/* test-fetch.c — address classification, URL schemes, cache keys and metadata parsing. */
#include "unit.h"

#include "fetch/cache.h"
#include "fetch/urlguard.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdlib.h>

static const char *v4(const char *text)
{
    struct sockaddr_in sa;
    memset(&sa, 0, sizeof(sa));
    sa.sin_family = AF_INET;
    if (inet_pton(AF_INET, text, &sa.sin_addr) != 1)
        return "unparsable";
    return og_addr_refusal((struct sockaddr *)&sa, sizeof(sa));
}

static const char *v6(const char *text)
{
    struct sockaddr_in6 sa;
    memset(&sa, 0, sizeof(sa));
    sa.sin6_family = AF_INET6;
    if (inet_pton(AF_INET6, text, &sa.sin6_addr) != 1)
        return "unparsable";
    return og_addr_refusal((struct sockaddr *)&sa, sizeof(sa));
}

OG_TEST(urlguard_ipv4)
{
    OG_CHECK_STR(v4("127.0.0.1"), "loopback");
    OG_CHECK_STR(v4("127.255.0.9"), "loopback");
    OG_CHECK_STR(v4("10.1.2.3"), "private");
    OG_CHECK_STR(v4("172.16.0.1"), "private");
    OG_CHECK_STR(v4("172.31.255.255"), "private");
    OG_CHECK_STR(v4("172.32.0.1"), NULL);
    OG_CHECK_STR(v4("192.168.1.1"), "private");
    OG_CHECK_STR(v4("169.254.169.254"), "link-local");
    OG_CHECK_STR(v4("0.0.0.0"), "unspecified");
    OG_CHECK_STR(v4("100.64.0.1"), "shared (CGNAT)");
    OG_CHECK_STR(v4("100.128.0.1"), NULL);
    OG_CHECK_STR(v4("224.0.0.1"), "multicast");
    OG_CHECK_STR(v4("255.255.255.255"), "reserved");
    OG_CHECK_STR(v4("93.184.216.34"), NULL);
    OG_CHECK_STR(v4("8.8.8.8"), NULL);
}

OG_TEST(urlguard_ipv6)
{
    OG_CHECK_STR(v6("::1"), "loopback");
    OG_CHECK_STR(v6("::"), "unspecified");
    OG_CHECK_STR(v6("fe80::1"), "link-local");
    OG_CHECK_STR(v6("fd12:3456::1"), "private");
    OG_CHECK_STR(v6("fc00::1"), "private");
    OG_CHECK_STR(v6("ff02::1"), "multicast");
    OG_CHECK_STR(v6("::ffff:127.0.0.1"), "loopback"); /* v4-mapped */
    OG_CHECK_STR(v6("::ffff:10.0.0.1"), "private");
    OG_CHECK_STR(v6("::ffff:169.254.169.254"), "link-local");
    OG_CHECK_STR(v6("::ffff:93.184.216.34"), NULL);
    OG_CHECK_STR(v6("64:ff9b::a9fe:a9fe"), "link-local"); /* NAT64 of 169.254.169.254 */
    OG_CHECK_STR(v6("2002:7f00:1::"), "loopback");        /* 6to4 of 127.0.0.1 */
    OG_CHECK_STR(v6("2606:4700::1111"), NULL);
}

OG_TEST(urlguard_schemes)
{
    OG_CHECK_INT(og_url_is_http("http://example.org/x"), 1);
    OG_CHECK_INT(og_url_is_http("HTTPS://example.org"), 1);
    OG_CHECK_INT(og_url_is_http("https://"), 0);
    OG_CHECK_INT(og_url_is_http("http:///etc/passwd"), 0);
    OG_CHECK_INT(og_url_is_http("file:///etc/passwd"), 0);
    OG_CHECK_INT(og_url_is_http("ftp://example.org/"), 0);
    OG_CHECK_INT(og_url_is_http("gopher://x"), 0);
    OG_CHECK_INT(og_url_is_http("schema.xml"), 0);
}

OG_TEST(cache_key)
{
    char a[65], b[65], c[65];
    og_cache_key("resource", "http://x/a", a);
    og_cache_key("link", "http://x/a", b);
    og_cache_key("resource", "http://x/b", c);
    OG_CHECK_INT(strlen(a), 64);
    OG_CHECK(strcmp(a, b) != 0); /* a link result never overwrites a resource */
    OG_CHECK(strcmp(a, c) != 0);
    /* the resource key is the SHA-256 of the URL */
    OG_CHECK_STR(a, "dbf012bfe46a5772cde8cc40c84fac435f8cf833c21bad4608db7bdbf1ecf9aa");
}

OG_TEST(cache_meta_round_trip)
{
    og_cache_meta m, back;
    og_buf b;
    memset(&m, 0, sizeof(m));
    memset(&back, 0, sizeof(back));
    snprintf(m.kind, sizeof(m.kind), "resource");
    m.url = (char *)"http://example.org/reg.xml";
    m.status = 200;
    m.etag = (char *)"\"abc\nfake-line 1\"";
    m.last_modified = (char *)"Wed, 21 Oct 2015 07:28:00 GMT";
    m.fetched = 1700000000;
    m.checked = 1700000100;
    m.size = 42;
    memset(m.sha256, 'a', 64);
    og_buf_init(&b, OG_CACHE_MAX_META);
    OG_CHECK_INT(og_cache_meta_format(&m, &b), OG_BUF_OK);
    OG_CHECK(strstr(b.data, "etag \"abc?fake-line 1\"\n") != NULL); /* no line injection */
    OG_CHECK_INT(og_cache_meta_parse(b.data, b.len, &back), 0);
    OG_CHECK_STR(back.url, m.url);
    OG_CHECK_STR(back.kind, "resource");
    OG_CHECK_STR(back.etag, "\"abc?fake-line 1\""); /* the newline became ? and stayed so */
    OG_CHECK_STR(back.last_modified, m.last_modified);
    OG_CHECK_INT(back.fetched, 1700000000);
    OG_CHECK_INT(back.checked, 1700000100);
    OG_CHECK_INT(back.size, 42);
    OG_CHECK_INT(back.status, 200);
    OG_CHECK_INT(strlen(back.sha256), 64);
    og_cache_meta_release(&back);
    /* a cut file (no final newline) is refused */
    OG_CHECK_INT(og_cache_meta_parse(b.data, b.len - 1, &back), -1);
    og_cache_meta_release(&back);
    og_buf_free(&b);
}

OG_TEST(cache_meta_malformed)
{
    static const char *const bad[] = {
        "",
        "odfgate-cache/2\nkind link\nurl http://x/\n" /* wrong version, otherwise valid */,
        "odfgate-cache/1\nkind link\nurl \n",                    /* empty url */
        "odfgate-cache/1\nkind resource\nurl http://x/\n",       /* resource without sha256 */
        "odfgate-cache/1\nkind other\nurl http://x/\n",          /* unknown kind */
        "odfgate-cache/1\nkind link\n",                          /* no url */
        "odfgate-cache/1\nkind link\nurl http://x/\nsize 12x\n", /* bad number */
        "odfgate-cache/1\nkind link\nurl http://x/\nstatus\n",   /* no value */
    };
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        og_cache_meta m;
        memset(&m, 0, sizeof(m));
        if (og_cache_meta_parse(bad[i], strlen(bad[i]), &m) != -1) {
            printf("#   accepted case %zu\n", i);
            (*og_failures_)++;
        }
        og_cache_meta_release(&m);
    }
    og_cache_meta m;
    memset(&m, 0, sizeof(m));
    const char *good =
        "odfgate-cache/1\nkind link\nurl http://x/\nstatus 404\nverdict broken\nfuture-key x\n";
    OG_CHECK_INT(og_cache_meta_parse(good, strlen(good), &m), 0);
    OG_CHECK_STR(m.verdict, "broken");
    OG_CHECK_INT(m.status, 404);
    og_cache_meta_release(&m);
}
