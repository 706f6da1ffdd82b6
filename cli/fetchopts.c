/* fetchopts.c — the shared HTTP options and the process's fetcher, see fetchopts.h. */
#include "fetchopts.h"

#include "args.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

enum {
    /* above every command's own keys (options.h: CLI_KEY_LONG and up) */
    CLI_FO_CACHE_DIR = 0x4000,
    CLI_FO_MAX_AGE,
    CLI_FO_REFRESH,
    CLI_FO_OFFLINE,
    CLI_FO_CACERT,
    CLI_FO_NO_PROXY,
    CLI_FO_ALLOW_PRIVATE,
    CLI_FO_SCHEMA_SHA256,
    CLI_FO_TIMEOUT,
    CLI_FO_TRUST
};

#define CLI_MAX_TRUST 16

static const cli_option fetch_options[] = {
    {"cache-dir", CLI_FO_CACHE_DIR, "DIR", "cache directory (default $XDG_CACHE_HOME/odfgate)"},
    {"max-age", CLI_FO_MAX_AGE, "TIME",
     "use a cached copy this long without asking the server\n(seconds, or with s, m, h, d; default "
     "1h)"},
    {"refresh", CLI_FO_REFRESH, NULL, "always revalidate cached copies with the server"},
    {"offline", CLI_FO_OFFLINE, NULL, "never use the network: only what is in the cache"},
    {"cacert", CLI_FO_CACERT, "FILE", "CA bundle for TLS verification"},
    {"no-proxy", CLI_FO_NO_PROXY, NULL, "ignore http_proxy/https_proxy from the environment"},
    {"allow-private-addresses", CLI_FO_ALLOW_PRIVATE, NULL,
     "let URLs from documents and fetched material reach\nloopback, private and link-local "
     "addresses"},
    {"schema-sha256", CLI_FO_SCHEMA_SHA256, "HEX", "the schema's bytes must have this SHA-256"},
    {"timeout", CLI_FO_TIMEOUT, "TIME",
     "longest time for one transfer (default 30s; as --max-age)"},
    {"trust", CLI_FO_TRUST, "FILE|DIR",
     "CA certificates (PEM) that signatures must chain to\n(repeatable; instead of .odfgate.ini's "
     "trust; docs/signatures.md)"},
    {NULL, 0, NULL, NULL},
};

static odfgate_fetch_options options;
static int options_ready;
static const char *schema_pin;
static const char *trust[CLI_MAX_TRUST];
static size_t trust_count;
static odfgate_fetcher *fetcher;

static odfgate_fetch_options *opts(void)
{
    if (!options_ready) {
        odfgate_fetch_options_init(&options);
        options_ready = 1;
    }
    return &options;
}

/* "90", "90s", "15m", "2h", "1d" → seconds; -1 if bad. */
static long parse_age(const char *s)
{
    char *end;
    unsigned long long v;
    if (*s < '0' || *s > '9')
        return -1;
    v = strtoull(s, &end, 10);
    unsigned long long mul = !*end || strcmp(end, "s") == 0 ? 1
                             : strcmp(end, "m") == 0        ? 60
                             : strcmp(end, "h") == 0        ? 3600
                             : strcmp(end, "d") == 0        ? 86400
                                                            : 0;
    if (!mul || v > 100ULL * 365 * 86400 / mul)
        return -1;
    return (long)(v * mul);
}

/* Take one HTTP option: 0, or -1 after printing a usage error for command `cmd`. */
static int take(const char *cmd, int code, const char *arg)
{
    odfgate_fetch_options *o = opts();
    switch (code) {
    case CLI_FO_CACHE_DIR: o->cache_dir = arg; break;
    case CLI_FO_MAX_AGE:
        if ((o->max_age = parse_age(arg)) < 0) {
            cli_usage_error(cmd, "--max-age takes seconds, or a number with s, m, h or d");
            return -1;
        }
        break;
    case CLI_FO_REFRESH: o->refresh = 1; break;
    case CLI_FO_OFFLINE: o->offline = 1; break;
    case CLI_FO_CACERT: o->cacert = arg; break;
    case CLI_FO_NO_PROXY: o->no_proxy = 1; break;
    case CLI_FO_ALLOW_PRIVATE: o->allow_private = 1; break;
    case CLI_FO_SCHEMA_SHA256: schema_pin = arg; break;
    case CLI_FO_TRUST:
        if (trust_count == CLI_MAX_TRUST) {
            cli_usage_error(cmd, "--trust is given more than %d times", CLI_MAX_TRUST);
            return -1;
        }
        trust[trust_count++] = arg;
        break;
    case CLI_FO_TIMEOUT: {
        long s = parse_age(arg);
        if (s <= 0 || s > 86400) {
            cli_usage_error(cmd, "--timeout takes 1 second to 1 day (seconds, or with s, m, h)");
            return -1;
        }
        o->timeout_ms = s * 1000;
        if (o->connect_timeout_ms > o->timeout_ms)
            o->connect_timeout_ms = o->timeout_ms;
        break;
    }
    default: cli_usage_error(cmd, "invalid option"); return -1;
    }
    return 0;
}

const cli_option_group cli_http_options = {
    "Schema material (by URL: docs/http.md) and trust (docs/signatures.md):", fetch_options, take};

odfgate_fetcher *cli_fetcher_new(void)
{
    odfgate_fetcher *f = NULL;
    odfgate_error err;
    odfgate_error_clear(&err);
    if (odfgate_fetcher_new(opts(), &f, &err) != ODFGATE_OK) {
        cli_error("%s (%s)", err.message, odfgate_errcode_name(err.code));
        return NULL;
    }
    return f;
}

odfgate_fetcher *cli_fetcher(void)
{
    if (!fetcher)
        fetcher = cli_fetcher_new();
    return fetcher;
}

const char *cli_schema_pin(void) { return schema_pin; }

void cli_fetcher_release(void)
{
    odfgate_fetcher_free(fetcher);
    fetcher = NULL;
}

int cli_pin_without_schema(const char *path)
{
    if (!cli_schema_pin() || path)
        return 0;
    cli_error("--schema-sha256 pins the schema given with --schema: give one");
    return 1;
}

int cli_load_schema(const char *path, const odfgate_config *cfg, odfgate_schema **out)
{
    odfgate_error err;
    odfgate_status st;
    odfgate_fetcher *f = NULL;
    odfgate_error_clear(&err);
    if (cli_pin_without_schema(path))
        return -1;
    if (path && !(f = cli_fetcher())) /* made on first use; no network unless a URL is met */
        return -1;
    st = path ? odfgate_schema_load(f, path, cli_schema_pin(), out, &err)
              : odfgate_schema_load_builtin(out, &err);
    if ((st == ODFGATE_OK || st == ODFGATE_WARN) &&
        (st = odfgate_schema_trust_choice(*out, trust, trust_count, cfg, &err)) != ODFGATE_OK) {
        cli_error("%s: %s (%s)", err.path, err.message, odfgate_errcode_name(err.code));
        odfgate_schema_free(*out);
        *out = NULL;
        return -1;
    }
    if (st == ODFGATE_OK || st == ODFGATE_WARN)
        return 0;
    /* a failure in a fetched part names that URL, else the schema given */
    cli_error("%s: %s (%s)",
              err.path[0] ? err.path
              : path      ? path
                          : "built-in schema",
              err.message, odfgate_errcode_name(err.code));
    return -1;
}
