/* cmd-check.c — odfgate check: check documents and report. */
#include "cli.h"

#include "args.h"
#include "batch.h"
#include "outfile.h"
#include "shard.h"
#include "fetchopts.h"
#include "walk.h"

#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <unistd.h>
#include <stdio.h>
#include <string.h>

static const cli_option options[] = {
    {"schema", 's', "FILE",
     "schema for every document (default: the one the document's\n.odfgate.ini names, else the "
     "built-in common purpose\nframework; see odfgate-schema(5))"},
    CLI_NO_CONFIG_OPTION,
    {"format", 'f', "FORMAT", "text (default), json, jsonl, sarif, junit, github or gitlab"},
    {"report", CLI_LONG('R'), "FORMAT:FILE",
     "also write a report in FORMAT to FILE (repeatable; the file\nis written atomically when the "
     "run ends)"},
    {"fail-on", CLI_LONG('F'), "LEVEL",
     "error (default), warning, info or never: the lowest severity\nthat makes a document fail "
     "(overrides .odfgate.ini)"},
    {"baseline", CLI_LONG('B'), "FILE", "findings recorded in FILE do not fail (only new ones do)"},
    {"write-baseline", CLI_LONG('W'), "FILE",
     "record every finding in FILE (atomically) and exit 0\nunless an input could not be read"},
    {"jobs", 'j', "N",
     "check N documents at once (default: the number of cores);\nthe output is the same for every "
     "N"},
    {"shard", CLI_LONG('S'), "K/N",
     "check only shard K of N (a stable split by path), or\n'auto' / 'auto/N' from GitLab, "
     "Kubernetes or GNU parallel"},
    {"no-progress", CLI_LONG('P'), NULL,
     "no progress line (it is shown only on a terminal, after 1 s)"},
    {"quiet", 'q', NULL, "text: print only failing findings and the summary"},
    {"color", CLI_LONG('C'), "WHEN", "auto (default), always or never; NO_COLOR is honoured"},
    {"links", CLI_LONG('K'), NULL,
     "also check every http(s) hyperlink (link-broken,\nlink-unreachable; fragments are not "
     "checked; docs/http.md)"},
    {"limit", CLI_LONG('L'), "NAME=N",
     "change a limit on untrusted input, e.g. max-file-size=20M,\nmax-depth=128 (names and "
     "defaults: docs/limits.md)"},
    {NULL, 0, NULL, NULL},
};

static const cli_command command = {
    "check",
    "Usage: odfgate check [OPTIONS] PATH...\n"
    "Check ODF text documents against a required-section schema.  A PATH may be a file,\n"
    "'-' (standard input) or a directory (walked for .odt, .ott and .fodt files).\n",
    options, &cli_http_options,
    "Exit: 0 all passed, 1 a finding at or above --fail-on, 2 usage or schema error,\n"
    "3 an input could not be read (the others are still checked).\n"};

#define MAX_REPORTS 8

/* A further report (--report FORMAT:FILE), written to a temporary file renamed at the end. */
typedef struct extra_report {
    char format[16];
    const char *path;
    cli_outfile file;
    odfgate_report *rep;
} extra_report;

/* Open the further reports (--report): each to a temporary file renamed at the end. */
static int open_extra(extra_report *extra, int nextra, const odfgate_report_options *ro,
                      const odfgate_schema *schema)
{
    odfgate_error err;
    for (int k = 0; k < nextra; k++) {
        odfgate_report_options xo = *ro;
        FILE *f;
        xo.color = 0;
        xo.quiet = 0;
        if (!(f = cli_outfile_open(&extra[k].file, extra[k].path, "the report")))
            return -1;
        if (odfgate_report_new(extra[k].format, f, &xo, schema, &extra[k].rep, &err) !=
            ODFGATE_OK) {
            cli_error("%s: cannot write the report: %s", extra[k].path, err.message);
            return -1;
        }
    }
    return 0;
}

/* Finish the further reports: fsync and rename.  0, or -1 after printing the error. */
static int close_extra(extra_report *extra, int nextra)
{
    int rc = 0;
    for (int k = 0; k < nextra; k++) {
        if (odfgate_report_end(extra[k].rep) < 0) {
            cli_error("%s: cannot write the report", extra[k].path);
            cli_outfile_abort(&extra[k].file);
            rc = -1;
        } else if (cli_outfile_commit(&extra[k].file) < 0) {
            rc = -1;
        }
    }
    return rc;
}

int cmd_check(int argc, char **argv)
{
    extra_report extra[MAX_REPORTS];
    int nextra = 0;
    const char *format = "text", *write_baseline = NULL, *baseline_path = NULL;
    odfgate_report_options ro = {0, 0, ODFGATE_SEV_ERROR};
    odfgate_report *reps[MAX_REPORTS + 1] = {NULL};
    batch_options bo = {NULL, 1, -1, NULL, NULL, NULL, 0, 1, 0};
    batch *plan = NULL;
    odfgate_baseline *baseline = NULL;
    odfgate_error err;
    cli_inputs inputs = {0};
    cli_shard shard = {0, 0};
    int c, color = -2, rc = OG_EXIT_PASS;
    odfgate_limits limits;

    odfgate_limits_init(&limits);
    memset(extra, 0, sizeof(extra));
    bo.jobs = cli_default_jobs();

    while ((c = cli_getopt(&command, argc, argv)) != CLI_END) {
        switch (c) {
        case 's': bo.schema_path = optarg; break;
        case 'f':
            if (!cli_report_format(optarg))
                return cli_usage_error("check", "unknown format '%s'", optarg);
            format = optarg;
            break;
        case CLI_LONG('R'): {
            const char *colon = strchr(optarg, ':');
            if (!colon || colon == optarg || !colon[1] || nextra == MAX_REPORTS)
                return cli_usage_error("check", "--report takes FORMAT:FILE (at most %d)",
                                       MAX_REPORTS);
            snprintf(extra[nextra].format, sizeof(extra[nextra].format), "%.*s",
                     (int)(colon - optarg), optarg);
            if (!cli_report_format(extra[nextra].format))
                return cli_usage_error("check", "unknown report format '%s'", extra[nextra].format);
            extra[nextra++].path = colon + 1;
            break;
        }
        case CLI_LONG('F'): {
            int sev = cli_parse_fail_on(optarg);
            if (sev < 0)
                return cli_usage_error("check", "--fail-on takes error, warning, info or never");
            ro.fail_on = (odfgate_severity)sev;
            bo.fail_on = sev;
            break;
        }
        case 'q': ro.quiet = 1; break;
        case CLI_LONG('L'):
            if (cli_parse_limit(&limits, optarg) < 0)
                return cli_usage_error("check", "bad --limit '%s' (NAME=VALUE, see docs/limits.md)",
                                       optarg);
            break;
        case CLI_LONG('C'):
            if ((color = cli_parse_color(optarg)) < 0)
                return cli_usage_error("check", "--color takes auto, always or never");
            break;
        case 'j':
            if (cli_parse_jobs(optarg, &bo.jobs) < 0)
                return cli_usage_error("check", "--jobs takes a number from 1 to 256");
            break;
        case CLI_LONG('S'):
            if (cli_shard_parse(optarg, &shard) < 0)
                return OG_EXIT_USAGE;
            break;
        case CLI_OPT_NO_CONFIG: bo.use_config = 0; break;
        case CLI_LONG('B'): baseline_path = optarg; break;
        case CLI_LONG('W'): write_baseline = optarg; break;
        case CLI_LONG('P'): bo.progress = 0; break;
        case CLI_LONG('K'): bo.links = 1; break;
        case CLI_HELP: return OG_EXIT_PASS;
        default: return OG_EXIT_USAGE;
        }
    }
    if (optind >= argc)
        return cli_usage_error("check", "no PATH given");
    ro.color = color == -2 ? cli_parse_color("auto") : color;
    bo.limits = &limits;

    odfgate_error_clear(&err);
    if (baseline_path && odfgate_baseline_load(baseline_path, &baseline, &err) != ODFGATE_OK) {
        cli_config_error(&err);
        return OG_EXIT_USAGE;
    }
    bo.baseline = baseline;
    if (write_baseline && !(bo.new_baseline = odfgate_baseline_new())) {
        cli_error("out of memory");
        rc = OG_EXIT_USAGE;
        goto out;
    }
    for (int i = optind; i < argc; i++)
        if (cli_walk(&inputs, argv[i]) < 0) {
            cli_error("out of memory");
            rc = OG_EXIT_USAGE;
            goto out;
        }
    if (inputs.len == 0) { /* only folders were named, and they hold no document */
        cli_error("%s%s: no .odt, .ott or .fodt documents in %s", argv[optind],
                  argc - optind > 1 ? " (and the other folders)" : "",
                  argc - optind > 1 ? "these folders" : "this folder");
        rc = OG_EXIT_USAGE;
        goto out;
    }
    cli_shard_filter(&inputs, &shard);
    if ((rc = batch_plan(&plan, &inputs, &bo)) != 0)
        goto out;
    if (odfgate_report_new(format, stdout, &ro, batch_main_schema(plan), &reps[0], &err) !=
        ODFGATE_OK) {
        cli_error("%s", err.message);
        rc = OG_EXIT_USAGE;
        goto out;
    }
    if (open_extra(extra, nextra, &ro, batch_main_schema(plan)) < 0) {
        rc = OG_EXIT_UNREADABLE; /* an output cannot be written: 3, as for -o */
        goto out;
    }
    for (int k = 0; k < nextra; k++)
        reps[k + 1] = extra[k].rep;
    rc = batch_run(plan, reps, (size_t)nextra + 1);
    if (odfgate_report_end(reps[0]) < 0) {
        cli_error("cannot write the report");
        rc = OG_EXIT_USAGE;
    }
    if (close_extra(extra, nextra) < 0)
        rc = OG_EXIT_UNREADABLE;
    if (baseline && odfgate_baseline_unmatched(baseline)) /* never silent (a note, not a failure) */
        cli_error("%s: %zu of %zu baseline entries matched nothing in this run (fixed, renamed, "
                  "or not checked this time)",
                  baseline_path, odfgate_baseline_unmatched(baseline),
                  odfgate_baseline_count(baseline));
    if (write_baseline && rc != OG_EXIT_USAGE) {
        if (odfgate_baseline_write(bo.new_baseline, write_baseline, &err) != ODFGATE_OK) {
            cli_error("%s: cannot write the baseline: %s", write_baseline, err.message);
            rc = OG_EXIT_UNREADABLE;
        } else if (rc == OG_EXIT_FINDINGS)
            rc = OG_EXIT_PASS; /* the findings are now the baseline */
    }
out:
    for (int k = 0; k < nextra; k++) {
        cli_outfile_abort(&extra[k].file);
        odfgate_report_free(extra[k].rep);
    }
    odfgate_report_free(reps[0]);
    batch_free(plan);
    odfgate_baseline_free(baseline);
    odfgate_baseline_free(bo.new_baseline);
    cli_inputs_free(&inputs);
    return rc;
}
