/* cmd-check.c — odfgate check: check documents and report. */
#include "cli.h"

#include "args.h"
#include "fetchopts.h"
#include "walk.h"

#include <errno.h>
#include <getopt.h>
#include <unistd.h>
#include <stdio.h>
#include <string.h>

static const char usage_text[] =
    "Usage: odfgate check [OPTIONS] PATH...\n"
    "Check ODF text documents against a required-section schema.  A PATH may be a file,\n"
    "'-' (standard input) or a directory (walked for .odt, .ott and .fodt files).\n\n"
    "  -s, --schema FILE     schema to check against (default: the built-in\n"
    "                        common purpose framework; see odfgate-schema(5))\n"
    "  -f, --format FORMAT   text (default), json, jsonl, sarif, junit, github or gitlab\n"
    "      --report FORMAT:FILE  also write a report in FORMAT to FILE (repeatable; the file\n"
    "                        is written atomically when the run ends)\n"
    "      --fail-on LEVEL   error (default), warning, info or never: the lowest severity\n"
    "                        that makes a document fail\n"
    "  -q, --quiet           text: print only failing findings and the summary\n"
    "      --color WHEN      auto (default), always or never; NO_COLOR is honoured\n"
    "      --links           also check every http(s) hyperlink (link-broken,\n"
    "                        link-unreachable; fragments are not checked; docs/http.md)\n"
    "      --limit NAME=N    change a limit on untrusted input, e.g. max-file-size=20M,\n"
    "                        max-depth=128 (names and defaults: docs/limits.md)\n"
    "  -h, --help            show this help\n\n"
    "Exit: 0 all passed, 1 a finding at or above --fail-on, 2 usage or schema error,\n"
    "3 an input could not be read (the others are still checked).\n";

#define MAX_REPORTS 8

/* A further report (--report FORMAT:FILE), written to a temporary file renamed at the end. */
typedef struct extra_report {
    char format[16];
    const char *path;
    char tmp[4096];
    FILE *f;
    odfgate_report *rep;
} extra_report;

int cmd_check(int argc, char **argv)
{
    extra_report extra[MAX_REPORTS];
    int nextra = 0;
    static const struct option opts[] = {
        {"schema", required_argument, NULL, 's'}, {"format", required_argument, NULL, 'f'},
        {"fail-on", required_argument, NULL, 'F'}, {"quiet", no_argument, NULL, 'q'},
        {"color", required_argument, NULL, 'C'},   {"help", no_argument, NULL, 'h'},
        {"limit", required_argument, NULL, 'L'},  {"report", required_argument, NULL, 'R'},
        {"links", no_argument, NULL, 'K'},
        CLI_FETCH_LONGOPTS, {NULL, 0, NULL, 0}};
    const char *schema_path = NULL, *format = "text";
    odfgate_report_options ro = {0, 0, ODFGATE_SEV_ERROR};
    odfgate_schema *schema = NULL;
    odfgate_report *rep = NULL;
    odfgate_error err;
    cli_inputs inputs = {0};
    int c, color = -2, rc = OG_EXIT_PASS, links = 0;
    odfgate_limits limits;

    odfgate_limits_init(&limits);

    while ((c = getopt_long(argc, argv, "s:f:qh", opts, NULL)) != -1) {
        switch (c) {
        case 's': schema_path = optarg; break;
        case 'f':
            if (!cli_report_format(optarg))
                return cli_usage_error("check", "unknown format '%s'", optarg);
            format = optarg;
            break;
        case 'R': {
            const char *colon = strchr(optarg, ':');
            if (!colon || colon == optarg || !colon[1] || nextra == MAX_REPORTS)
                return cli_usage_error("check", "--report takes FORMAT:FILE (at most %d)", MAX_REPORTS);
            snprintf(extra[nextra].format, sizeof(extra[nextra].format), "%.*s", (int)(colon - optarg), optarg);
            if (!cli_report_format(extra[nextra].format))
                return cli_usage_error("check", "unknown report format '%s'", extra[nextra].format);
            extra[nextra++].path = colon + 1;
            break;
        }
        case 'F': {
            int s = cli_parse_fail_on(optarg);
            if (s < 0)
                return cli_usage_error("check", "--fail-on takes error, warning, info or never");
            ro.fail_on = (odfgate_severity)s;
            break;
        }
        case 'q': ro.quiet = 1; break;
        case 'K': links = 1; break;
        case 'L':
            if (cli_parse_limit(&limits, optarg) < 0)
                return cli_usage_error("check", "bad --limit '%s' (NAME=VALUE, see docs/limits.md)", optarg);
            break;
        case 'C':
            if ((color = cli_parse_color(optarg)) < 0)
                return cli_usage_error("check", "--color takes auto, always or never");
            break;
        case 'h': fputs(usage_text, stdout); fputs(cli_fetch_help, stdout); return OG_EXIT_PASS;
        case CLI_FO_FIRST ... CLI_FO_LAST:
            if (cli_fetch_option("check", c, optarg) < 0)
                return OG_EXIT_USAGE;
            break;
        default: return cli_usage_error("check", "invalid option");
        }
    }
    if (optind >= argc)
        return cli_usage_error("check", "no PATH given");
    ro.color = color == -2 ? cli_parse_color("auto") : color;

    if (cli_load_schema(schema_path, &schema) < 0 || (links && !cli_fetcher())) {
        odfgate_schema_free(schema);
        return OG_EXIT_USAGE;
    }
    for (int i = optind; i < argc; i++)
        if (cli_walk(&inputs, argv[i]) < 0) {
            cli_error("out of memory");
            rc = OG_EXIT_USAGE;
            goto out;
        }
    if (inputs.len == 0) {
        cli_error("no .odt, .ott or .fodt documents found");
        rc = OG_EXIT_USAGE;
        goto out;
    }
    odfgate_error_clear(&err);
    if (odfgate_report_new(format, stdout, &ro, schema, &rep, &err) != ODFGATE_OK) {
        cli_error("%s", err.message);
        rc = OG_EXIT_USAGE;
        goto out;
    }
    for (int k = 0; k < nextra; k++) {
        odfgate_report_options xo = ro;
        xo.color = 0;
        xo.quiet = 0;
        extra[k].rep = NULL;
        snprintf(extra[k].tmp, sizeof(extra[k].tmp), "%s.odfgate-%ld.tmp", extra[k].path, (long)getpid());
        if (!(extra[k].f = fopen(extra[k].tmp, "w")) ||
            odfgate_report_new(extra[k].format, extra[k].f, &xo, schema, &extra[k].rep, &err) != ODFGATE_OK) {
            cli_error("%s: cannot write the report", extra[k].path);
            for (int j = 0; j <= k; j++) {
                if (extra[j].f) {
                    fclose(extra[j].f);
                    remove(extra[j].tmp);
                }
                odfgate_report_free(extra[j].rep);
            }
            nextra = 0;
            rc = OG_EXIT_USAGE;
            goto out;
        }
    }
    for (size_t i = 0; i < inputs.len; i++) {
        const char *path = inputs.items[i].path;
        odfgate_doc *doc = NULL;
        odfgate_result *res = NULL;
        odfgate_status st;

        odfgate_error_clear(&err);
        if (inputs.items[i].missing_errno) {
            err.code = ODFGATE_E_IO;
            snprintf(err.message, sizeof(err.message), "cannot open: %s", strerror(inputs.items[i].missing_errno));
            st = ODFGATE_FAILED;
        } else {
            st = odfgate_doc_open(path, &limits, &doc, &err);
        }
        if (st == ODFGATE_OK || st == ODFGATE_WARN)
            st = odfgate_check(doc, schema, &res, &err);
        if (st == ODFGATE_OK && links)
            st = odfgate_check_links(cli_fetcher(), doc, res, &err);
        if (st == ODFGATE_FATAL) {
            cli_error("%s: %s", path, err.message);
            odfgate_doc_free(doc);
            rc = OG_EXIT_USAGE;
            goto out;
        }
        if (st == ODFGATE_FAILED) {
            odfgate_report_add_error(rep, path, &err);
            for (int k = 0; k < nextra; k++)
                odfgate_report_add_error(extra[k].rep, path, &err);
            rc = OG_EXIT_UNREADABLE;
        } else {
            odfgate_report_add_doc(rep, path, doc, res);
            for (int k = 0; k < nextra; k++)
                odfgate_report_add_doc(extra[k].rep, path, doc, res);
            if (ro.fail_on != ODFGATE_SEV_OFF && odfgate_result_max_severity(res) >= ro.fail_on &&
                rc == OG_EXIT_PASS)
                rc = OG_EXIT_FINDINGS;
        }
        odfgate_result_free(res);
        odfgate_doc_free(doc);
    }
    if (odfgate_report_end(rep) < 0) {
        cli_error("cannot write the report");
        rc = OG_EXIT_USAGE;
    }
    for (int k = 0; k < nextra; k++) {
        int bad = odfgate_report_end(extra[k].rep) < 0 || fsync(fileno(extra[k].f)) < 0;
        bad |= fclose(extra[k].f) != 0;
        extra[k].f = NULL;
        if (bad || rename(extra[k].tmp, extra[k].path) < 0) {
            cli_error("%s: cannot write the report: %s", extra[k].path, strerror(errno));
            remove(extra[k].tmp);
            rc = OG_EXIT_USAGE;
        }
    }
out:
    for (int k = 0; k < nextra; k++) {
        if (extra[k].f) {
            fclose(extra[k].f);
            remove(extra[k].tmp);
        }
        odfgate_report_free(extra[k].rep);
    }
    odfgate_report_free(rep);
    odfgate_schema_free(schema);
    cli_inputs_free(&inputs);
    return rc;
}
