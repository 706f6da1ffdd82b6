/* cmd-merge.c — odfgate merge: the reports of several shards in one report. */
#include "cli.h"

#include "args.h"
#include "options.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

static const cli_option options[] = {
    {"format", 'f', "FORMAT", "jsonl, sarif or junit: require this format (default: auto)"},
    {"output", 'o', "FILE", "write the merged report to FILE (atomically), not stdout"},
    {"force", CLI_LONG('F'), NULL, "replace FILE if it exists (it is never replaced otherwise)"},
    {"limit", CLI_LONG('L'), "NAME=N", "max-file-size (each report, default 256M) or max-depth"},
    {NULL, 0, NULL, NULL},
};

static const cli_command command = {
    "merge",
    "Usage: odfgate merge [--format FORMAT] [-o OUT [--force]] REPORT...\n"
    "Merge the reports of the shards of one run (odfgate check --shard K/N --format jsonl,\n"
    "sarif or junit) into one report of the same format.  The format is detected by content\n"
    "and must be the same in every REPORT ('-' is standard input).\n",
    options, NULL,
    "JSONL: documents ordered by path; a path in two reports is refused.  SARIF: one run,\n"
    "the reports must come from one odfgate version.  JUnit: every testsuite, totals\n"
    "recomputed.\n"
    "Exit: 0 merged, every document passed; 1 merged, a document failed (JSONL status fail\n"
    "or error, a SARIF result at level error, a JUnit failure or error); 2 usage or a bad\n"
    "report (nothing written).\n"};

int cmd_merge(int argc, char **argv)
{
    const char *out_path = NULL;
    int format = ODFGATE_MERGE_AUTO, c, force = 0, rc;
    odfgate_limits limits;
    odfgate_merge_summary sum;
    odfgate_error err;
    char *merged = NULL;
    size_t len = 0;

    odfgate_limits_init(&limits);
    while ((c = cli_getopt(&command, argc, argv)) != CLI_END) {
        switch (c) {
        case 'f':
            if ((format = odfgate_merge_format_parse(optarg)) < 0)
                return cli_usage_error("merge", "unknown format '%s' (jsonl, sarif or junit)",
                                       optarg);
            break;
        case 'o': out_path = optarg; break;
        case CLI_LONG('F'): force = 1; break;
        case CLI_LONG('L'):
            if (cli_parse_limit(&limits, optarg) < 0)
                return cli_usage_error("merge", "bad --limit '%s'", optarg);
            break;
        case CLI_HELP: return OG_EXIT_PASS;
        default: return OG_EXIT_USAGE;
        }
    }
    if (optind == argc)
        return cli_usage_error("merge", "give the reports to merge");
    if ((rc = cli_output_allowed(out_path, force, 0)) != 0)
        return rc;
    odfgate_error_clear(&err);
    if (odfgate_merge_files((const char *const *)argv + optind, (size_t)(argc - optind),
                            (odfgate_merge_format)format, &limits, &merged, &len, &sum,
                            &err) != ODFGATE_OK) {
        if (err.path[0])
            cli_error("%s: %s (%s)", err.path, err.message, odfgate_errcode_name(err.code));
        else
            cli_error("%s (%s)", err.message, odfgate_errcode_name(err.code));
        return OG_EXIT_USAGE;
    }
    if (out_path) {
        if (odfgate_write_file(out_path, merged, len, &err) != ODFGATE_OK) {
            cli_error("%s: %s (%s)", out_path, err.message, odfgate_errcode_name(err.code));
            free(merged);
            return OG_EXIT_UNREADABLE; /* an output cannot be written: 3, as everywhere */
        }
    } else
        fwrite(merged, 1, len, stdout);
    free(merged);
    return sum.failed ? OG_EXIT_FINDINGS : OG_EXIT_PASS;
}
