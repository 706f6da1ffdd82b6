/* cmd-annotate.c — odfgate annotate: write the findings into the document as comments. */
#include "cli.h"

#include "args.h"
#include "docsetup.h"
#include "fetchopts.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>

enum { O_STRIP = CLI_KEY_LONG, O_INPLACE, O_FORCE };

static const cli_option options[] = {
    {"schema", 's', "FILE",
     "schema to check against (default: the one .odfgate.ini names,\nelse the built-in one)"},
    CLI_NO_CONFIG_OPTION,
    {"strip", O_STRIP, NULL, "only remove odfgate's comments"},
    {"force", O_FORCE, NULL,
     "rewrite a document carrying ODF digital signatures (they are\nremoved: a changed content.xml "
     "would no longer verify), and\nreplace OUT if it exists (it is never replaced otherwise)"},
    {"output", 'o', "OUT", "write to OUT"},
    {"in-place", O_INPLACE, NULL, "replace FILE"},
    {NULL, 0, NULL, NULL},
};

static const cli_command command = {
    "annotate",
    "Usage: odfgate annotate [--schema FILE] [--no-config] [--strip] [--force] (-o OUT | "
    "--in-place) FILE\n"
    "Write a copy of FILE in which every finding of `odfgate check` is an ODF comment\n"
    "(author \"odfgate\", text \"rule-id: message\") in the heading of its section, in the\n"
    "paragraph it is about, or where a missing section should be; document-level findings\n"
    "at the start.  Earlier odfgate comments are replaced; other comments are never touched.\n"
    "Only content.xml changes; the write is atomic; FILE is untouched unless --in-place.\n",
    options, &cli_http_options,
    "Exit: 0 written and no finding at the fail-on level (.odfgate.ini; default error), 1\n"
    "written with such findings, 2 usage,\n"
    "3 FILE could not be read or the copy could not be written.\n"};

int cmd_annotate(int argc, char **argv)
{
    const char *schema_path = NULL, *out = NULL, *in;
    int c, strip = 0, in_place = 0, force = 0, use_config = 1, rc = OG_EXIT_PASS;
    cli_doc_setup setup;
    odfgate_doc *doc = NULL;
    odfgate_result *res = NULL;
    odfgate_error err;
    odfgate_status st;
    odfgate_annotate_counts counts = {0, 0};

    while ((c = cli_getopt(&command, argc, argv)) != CLI_END) {
        switch (c) {
        case 's': schema_path = optarg; break;
        case 'o': out = optarg; break;
        case O_STRIP: strip = 1; break;
        case O_INPLACE: in_place = 1; break;
        case O_FORCE: force = 1; break;
        case CLI_OPT_NO_CONFIG: use_config = 0; break;
        case CLI_HELP: return OG_EXIT_PASS;
        default: return OG_EXIT_USAGE;
        }
    }
    if (argc - optind != 1)
        return cli_usage_error("annotate", "give exactly one FILE");
    in = argv[optind];
    if (!!out == !!in_place)
        return cli_usage_error("annotate", "give either -o OUT or --in-place");
    if (in_place)
        out = in;
    if (strcmp(in, "-") == 0 || strcmp(out, "-") == 0)
        return cli_usage_error("annotate", "annotate works on files, not standard input/output");
    if ((rc = cli_output_allowed(out, force, in_place)) != 0)
        return rc;
    if (cli_doc_setup_for(in, schema_path, use_config, -1, &setup) != 0)
        return OG_EXIT_USAGE;
    odfgate_error_clear(&err);
    if (strip) {
        st = odfgate_doc_open(in, NULL, &doc, &err);
    } else { /* gated as check gates it: waivers, the configuration, the failure level */
        odfgate_gate g = {setup.schema, setup.cfg, setup.fail_on, NULL, NULL, NULL};
        st = odfgate_gate_document(in, &g, &doc, &res, &err);
    }
    if (st <= ODFGATE_WARN && (rc = cli_output_matches(out, doc)) != 0) {
        odfgate_result_free(res);
        odfgate_doc_free(doc);
        cli_doc_setup_free(&setup);
        return rc;
    }
    if (st <= ODFGATE_WARN)
        st = odfgate_annotate(in, out, doc, strip ? NULL : res, NULL, force, &counts, &err);
    if (st <= ODFGATE_WARN) {
        if (strip)
            cli_say("%s: %zu odfgate comment%s removed", out, counts.removed,
                    counts.removed == 1 ? "" : "s");
        else
            cli_say("%s: %zu odfgate comment%s written (%zu earlier one%s replaced)", out,
                    counts.written, counts.written == 1 ? "" : "s", counts.removed,
                    counts.removed == 1 ? "" : "s");
        if (odfgate_result_fails(res))
            rc = OG_EXIT_FINDINGS;
    } else {
        cli_error("%s: %s (%s)", err.path[0] ? err.path : in, err.message,
                  odfgate_errcode_name(err.code));
        rc =
            st == ODFGATE_FATAL || err.code == ODFGATE_E_USAGE ? OG_EXIT_USAGE : OG_EXIT_UNREADABLE;
    }
    odfgate_result_free(res);
    odfgate_doc_free(doc);
    cli_doc_setup_free(&setup);
    return rc;
}
