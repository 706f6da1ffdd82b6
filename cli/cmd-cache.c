/* cmd-cache.c — odfgate cache list|clear: the HTTP cache (docs/http.md). */
#include "cli.h"

#include "args.h"
#include "fetchopts.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

static const cli_command command = {
    "cache",
    "Usage: odfgate cache list [--cache-dir DIR]\n"
    "       odfgate cache clear [--cache-dir DIR]\n"
    "list:  one line per entry: kind, HTTP status, bytes, fetched (UTC), URL\n"
    "clear: remove every entry (other files in the directory are left alone)\n",
    NULL, &cli_http_options, NULL};

static int list_entry(const odfgate_cache_entry *e, void *ctx)
{
    char when[32];
    time_t t = (time_t)e->fetched;
    struct tm tm;
    (void)ctx;
    if (!gmtime_r(&t, &tm) || !strftime(when, sizeof(when), "%Y-%m-%dT%H:%M:%SZ", &tm))
        snprintf(when, sizeof(when), "-");
    printf("%-8s %3ld %9llu %s ", e->kind, e->status, (unsigned long long)e->size, when);
    odfgate_fput_safe(e->url, stdout);
    putchar('\n');
    return 0;
}

int cmd_cache(int argc, char **argv)
{
    const char *what;
    odfgate_fetcher *f;
    odfgate_error err;
    int c;

    while ((c = cli_getopt(&command, argc, argv)) != CLI_END) {
        switch (c) {
        case CLI_HELP: return OG_EXIT_PASS;
        default: return OG_EXIT_USAGE;
        }
    }
    if (argc - optind != 1 ||
        (strcmp(argv[optind], "list") != 0 && strcmp(argv[optind], "clear") != 0))
        return cli_usage_error("cache", "give list or clear");
    what = argv[optind];
    if (!(f = cli_fetcher()))
        return OG_EXIT_USAGE;
    odfgate_error_clear(&err);
    if (strcmp(what, "list") == 0) {
        if (odfgate_cache_list(f, list_entry, NULL, &err) == ODFGATE_OK)
            return OG_EXIT_PASS;
    } else {
        size_t n = 0;
        if (odfgate_cache_clear(f, &n, &err) == ODFGATE_OK) {
            printf("%s: %zu entr%s removed\n", odfgate_cache_dir(f), n, n == 1 ? "y" : "ies");
            return OG_EXIT_PASS;
        }
    }
    cli_error("%s: %s (%s)",
              err.path[0]            ? err.path
              : odfgate_cache_dir(f) ? odfgate_cache_dir(f)
                                     : "cache",
              err.message, odfgate_errcode_name(err.code));
    return OG_EXIT_UNREADABLE;
}
