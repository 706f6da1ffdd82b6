/* cmd-fetch.c — odfgate fetch URL...: store resources in the cache (warm it for CI). */
#include "cli.h"

#include "args.h"
#include "fetchopts.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

static const cli_command command = {
    "fetch",
    "Usage: odfgate fetch [OPTIONS] URL...\n"
    "Fetch each http(s) URL into the cache (revalidating a cached copy), so that later runs,\n"
    "even with --offline, find schemas, registries and clauses there.  One line per URL:\n"
    "URL: fetched|not modified|cached, N bytes.  --schema-sha256 pins one URL.\n",
    NULL, &cli_http_options,
    "Exit: 0 every URL is in the cache, 2 usage error, 3 a URL could not be fetched\n"
    "(the others were still fetched).\n"};

int cmd_fetch(int argc, char **argv)
{
    static const char *const how[] = {"fetched", "not modified", "cached"};
    odfgate_fetcher *f;
    int c, rc = OG_EXIT_PASS;

    while ((c = cli_getopt(&command, argc, argv)) != CLI_END) {
        switch (c) {
        case CLI_HELP: return OG_EXIT_PASS;
        default: return OG_EXIT_USAGE;
        }
    }
    if (optind >= argc)
        return cli_usage_error("fetch", "no URL given");
    for (int i = optind; i < argc; i++)
        if (!odfgate_is_url(argv[i]))
            return cli_usage_error("fetch", "'%s' is not an http:// or https:// URL", argv[i]);
    if (cli_schema_pin() && argc - optind > 1)
        return cli_usage_error("fetch", "--schema-sha256 pins one URL: give one URL with it");
    if (!(f = cli_fetcher()))
        return OG_EXIT_USAGE;
    for (int i = optind; i < argc; i++) {
        odfgate_error err;
        odfgate_fetch_source src;
        char *data = NULL;
        size_t len = 0;
        odfgate_error_clear(&err);
        /* URLs given on the command line are trusted: the address policy is for URLs found in
         * documents and fetched material */
        if (odfgate_fetch(f, argv[i], cli_schema_pin(), 0, &data, &len, &src, &err) != ODFGATE_OK) {
            cli_error("%s: %s (%s)", argv[i], err.message, odfgate_errcode_name(err.code));
            rc = OG_EXIT_UNREADABLE;
            continue;
        }
        cli_say("%s: %s, %zu bytes", argv[i], how[src], len);
        free(data);
    }
    return rc;
}
