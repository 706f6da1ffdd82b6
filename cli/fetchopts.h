/*
 * fetchopts.h — the HTTP options shared by every command that takes a schema (docs/http.md):
 * --cache-dir, --max-age, --refresh, --offline, --cacert, --no-proxy,
 * --allow-private-addresses, --schema-sha256, --timeout, and --trust (signatures).  A command takes
 * them by pointing its cli_command (options.h) at cli_http_options, which parses and describes
 * them.  The process has one fetcher, made on first use from the options seen (cli_fetcher) and
 * released by main (cli_fetcher_release).
 */
#ifndef OG_FETCHOPTS_H
#define OG_FETCHOPTS_H

#include "odfgate.h"
#include "options.h"

/* The HTTP options as a group (options.h): a command points its cli_command.group at it. */
extern const cli_option_group cli_http_options;

/* The process's fetcher (made on first call); NULL after printing the error. */
odfgate_fetcher *cli_fetcher(void);
/* --schema-sha256, or NULL. */
const char *cli_schema_pin(void);
void cli_fetcher_release(void);
/* A new fetcher with the same options, for another thread (a fetcher serves one thread at a
 * time); the caller frees it.  NULL after printing the error. */
odfgate_fetcher *cli_fetcher_new(void);

/* Load --schema PATH (NULL: the built-in default), pinned by --schema-sha256 if given, with
 * the trust anchors of --trust, else of cfg's `trust` (odfgate_schema_trust_choice).  On
 * failure prints the error and returns -1; a pin without a PATH is such a failure. */
int cli_load_schema(const char *path, const odfgate_config *cfg, odfgate_schema **out);
/* 1 (with the error printed) if --schema-sha256 was given but no schema `path` to pin. */
int cli_pin_without_schema(const char *path);

#endif
