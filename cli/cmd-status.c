/*
 * cmd-status.c — odfgate status: the secretariat's overview of many documents (a row each, a
 * column per signatory), from the same batch as check (discovery, .odfgate.ini, --jobs,
 * --shard), written by the library's overview report (docs/status.md).
 */
#include "cli.h"

#include "args.h"
#include "batch.h"
#include "fetchopts.h"
#include "outfile.h"
#include "shard.h"
#include "walk.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

static const cli_option options[] = {
    {"schema", 's', "FILE",
     "schema for every document (default: the one the document's\n.odfgate.ini names, else the "
     "built-in one)"},
    CLI_NO_CONFIG_OPTION,
    {"format", 'f', "FORMAT", "text (default), csv, json, html or ods"},
    {"output", 'o', "FILE", "write to FILE (atomically) instead of standard output"},
    {"since", CLI_LONG('s'), "FILE",
     "compare with an earlier run's json (--write-state) and show\nwhat changed (text, json, "
     "html)"},
    {"write-state", CLI_LONG('w'), "FILE",
     "also write this run's json to FILE (atomically), for a later\n--since"},
    {"fail-on", CLI_LONG('F'), "LEVEL",
     "error (default), warning, info or never: the lowest severity\nthat fails a document"},
    {"jobs", 'j', "N", "read N documents at once (default: the number of cores)"},
    {"shard", CLI_LONG('S'), "K/N", "only shard K of N (as odfgate check)"},
    {"no-progress", CLI_LONG('P'), NULL, "no progress line"},
    {"color", CLI_LONG('C'), "WHEN", "auto (default), always or never; NO_COLOR is honoured"},
    {"limit", CLI_LONG('L'), "NAME=N", "change a limit on untrusted input (docs/limits.md)"},
    {NULL, 0, NULL, NULL},
};

static const cli_command command = {
    "status",
    "Usage: odfgate status [OPTIONS] PATH...\n"
    "The state of many statements at once: a row per document (verdict, quorum), a column\n"
    "per signatory (approved, rejected, stale, missing, signature-invalid, untrusted,\n"
    "unsigned), then who still has to act, the blockers by rule, the waivers in force, and\n"
    "with --since what changed since an earlier run.  PATHs as for odfgate check.\n",
    options, &cli_http_options,
    "Exit: 0 every document ready (it passes and its quorum is met), 1 otherwise,\n"
    "2 usage or schema error, 3 an input could not be read (the others are still shown).\n"};

static int known_format(const char *f)
{
    for (size_t i = 0; odfgate_overview_format_name(i); i++)
        if (strcmp(odfgate_overview_format_name(i), f) == 0)
            return 1;
    return 0;
}

/* Columns to fit: the terminal's, else $COLUMNS, else 100. */
static unsigned terminal_width(void)
{
    struct winsize ws;
    const char *env = getenv("COLUMNS");
    if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
        return ws.ws_col;
    if (env && atoi(env) > 0)
        return (unsigned)atoi(env);
    return 100;
}

typedef struct status_args {
    const char *format, *output, *since, *state;
    int color;
    cli_shard shard;
    batch_options bo;
    odfgate_limits limits;
} status_args;

/* 0 to go on, or the exit code (--help: 0 with help set). */
static int parse(int argc, char **argv, status_args *a, int *help)
{
    int c;
    while ((c = cli_getopt(&command, argc, argv)) != CLI_END) {
        switch (c) {
        case 's': a->bo.schema_path = optarg; break;
        case CLI_OPT_NO_CONFIG: a->bo.use_config = 0; break;
        case 'f':
            if (!known_format(optarg))
                return cli_usage_error("status", "unknown format '%s'", optarg);
            a->format = optarg;
            break;
        case 'o': a->output = optarg; break;
        case CLI_LONG('s'): a->since = optarg; break;
        case CLI_LONG('w'): a->state = optarg; break;
        case CLI_LONG('F'): {
            int sev = cli_parse_fail_on(optarg);
            if (sev < 0)
                return cli_usage_error("status", "--fail-on takes error, warning, info or never");
            a->bo.fail_on = sev;
            break;
        }
        case 'j':
            if (cli_parse_jobs(optarg, &a->bo.jobs) < 0)
                return cli_usage_error("status", "--jobs takes a number from 1 to 256");
            break;
        case CLI_LONG('S'):
            if (cli_shard_parse(optarg, &a->shard) < 0)
                return OG_EXIT_USAGE;
            break;
        case CLI_LONG('P'): a->bo.progress = 0; break;
        case CLI_LONG('C'):
            if ((a->color = cli_parse_color(optarg)) < 0)
                return cli_usage_error("status", "--color takes auto, always or never");
            break;
        case CLI_LONG('L'):
            if (cli_parse_limit(&a->limits, optarg) < 0)
                return cli_usage_error("status",
                                       "bad --limit '%s' (NAME=VALUE, see docs/limits.md)", optarg);
            break;
        case CLI_HELP: *help = 1; return OG_EXIT_PASS;
        default: return OG_EXIT_USAGE;
        }
    }
    if (optind >= argc)
        return cli_usage_error("status", "no PATH given");
    if (a->since && (strcmp(a->format, "csv") == 0 || strcmp(a->format, "ods") == 0))
        return cli_usage_error("status", "--since: the changes are shown by the text, json and "
                                         "html formats");
    if (a->output && a->state && cli_same_file(a->output, a->state))
        return cli_usage_error("status", "-o and --write-state name the same file");
    if (strcmp(a->format, "ods") == 0 && !a->output && isatty(STDOUT_FILENO))
        return cli_usage_error("status", "--format ods writes a spreadsheet: give -o FILE.ods");
    return 0;
}

int cmd_status(int argc, char **argv)
{
    status_args a = {.format = "text", .color = -2};
    odfgate_overview_options oo = {0};
    odfgate_report *reps[2] = {NULL, NULL};
    cli_outfile out = {0}, state = {0};
    cli_inputs inputs = {0};
    batch *plan = NULL;
    odfgate_error err;
    FILE *stream = stdout;
    int rc, help = 0;

    odfgate_limits_init(&a.limits);
    a.bo = (batch_options){NULL, 1, -1, NULL, NULL, NULL, cli_default_jobs(), 1, 0};
    if ((rc = parse(argc, argv, &a, &help)) != 0 || help)
        return rc;
    a.bo.limits = &a.limits;
    for (int i = optind; i < argc; i++)
        if (cli_walk(&inputs, argv[i]) < 0) {
            cli_error("out of memory");
            rc = OG_EXIT_USAGE;
            goto out;
        }
    if (inputs.len == 0) {
        cli_error("%s: no .odt, .ott or .fodt documents in %s", argv[optind],
                  argc - optind > 1 ? "these folders" : "this folder");
        rc = OG_EXIT_USAGE;
        goto out;
    }
    cli_shard_filter(&inputs, &a.shard);
    if ((rc = batch_plan(&plan, &inputs, &a.bo)) != 0)
        goto out;
    oo.color = a.output ? 0 : a.color == -2 ? cli_parse_color("auto") : a.color;
    oo.width = a.output ? 0 : terminal_width();
    oo.fail_on = a.bo.fail_on >= 0 ? (odfgate_severity)a.bo.fail_on : ODFGATE_SEV_ERROR;
    oo.since = a.since;
    oo.limits = &a.limits;
    if ((a.output && !(stream = cli_outfile_open(&out, a.output, "the overview"))) ||
        (a.state && !cli_outfile_open(&state, a.state, "the state"))) {
        rc = OG_EXIT_UNREADABLE; /* an output cannot be written: 3, as for check --report */
        goto out;
    }
    odfgate_error_clear(&err);
    if (odfgate_overview_new(a.format, stream, &oo, batch_main_schema(plan), &reps[0], &err) !=
            ODFGATE_OK ||
        (a.state && odfgate_overview_new("json", state.f, &oo, batch_main_schema(plan), &reps[1],
                                         &err) != ODFGATE_OK)) {
        cli_error("%s%s%s", err.path[0] ? err.path : "", err.path[0] ? ": " : "", err.message);
        rc = OG_EXIT_USAGE;
        goto out;
    }
    rc = batch_run(plan, reps, a.state ? 2 : 1);
    if (rc == OG_EXIT_USAGE) /* stopped part-way (out of memory): no partial overview or state */
        goto out;
    if (rc == OG_EXIT_PASS && odfgate_overview_not_ready(reps[0]))
        rc = OG_EXIT_FINDINGS; /* passing, but short of the quorum */
    if (odfgate_report_end(reps[0]) < 0) {
        cli_error("%s: cannot write the overview", a.output ? a.output : "standard output");
        rc = OG_EXIT_UNREADABLE;
        cli_outfile_abort(&out);
    } else if (a.output && cli_outfile_commit(&out) < 0) {
        rc = OG_EXIT_UNREADABLE;
    }
    if (a.state && odfgate_report_end(reps[1]) < 0) {
        cli_error("%s: cannot write the state", a.state);
        rc = OG_EXIT_UNREADABLE;
    } else if (a.state && cli_outfile_commit(&state) < 0) {
        rc = OG_EXIT_UNREADABLE;
    }
out:
    cli_outfile_abort(&out);
    cli_outfile_abort(&state);
    odfgate_report_free(reps[0]);
    odfgate_report_free(reps[1]);
    batch_free(plan);
    cli_inputs_free(&inputs);
    return rc;
}
