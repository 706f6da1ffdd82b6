/* cmd-annotate.c — odfgate annotate: write the findings into the document as comments. */
#include "cli.h"

#include "args.h"
#include "docsetup.h"
#include "fetchopts.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>

static const char usage_text[] =
    "Usage: odfgate annotate [--schema FILE] [--no-config] [--strip] [--force] (-o OUT | --in-place) FILE\n"
    "Write a copy of FILE in which every finding of `odfgate check` is an ODF comment\n"
    "(author \"odfgate\", text \"rule-id: message\") in the heading of its section, in the\n"
    "paragraph it is about, or where a missing section should be; document-level findings\n"
    "at the start.  Earlier odfgate comments are replaced; other comments are never touched.\n"
    "Only content.xml changes; the write is atomic; FILE is untouched unless --in-place.\n\n"
    "  -s, --schema FILE   schema to check against (default: the one .odfgate.ini names,\n"
    "                      else the built-in one)\n"
    CLI_NO_CONFIG_HELP
    "      --strip         only remove odfgate's comments\n"
    "      --force         rewrite a document carrying ODF digital signatures (they are\n"
    "                      removed: a changed content.xml would no longer verify), and\n"
    "                      replace OUT if it exists (it is never replaced otherwise)\n"
    "  -o, --output OUT    write to OUT\n"
    "      --in-place      replace FILE\n"
    "Exit: 0 written and no finding at the fail-on level (.odfgate.ini; default error), 1\n"
    "written with such findings, 2 usage,\n"
    "3 FILE could not be read or the copy could not be written.\n";

int cmd_annotate(int argc, char **argv)
{
    enum { O_STRIP = 256, O_INPLACE, O_FORCE };
    static const struct option opts[] = {{"schema", required_argument, NULL, 's'},
                                         {"output", required_argument, NULL, 'o'},
                                         {"strip", no_argument, NULL, O_STRIP},
                                         {"in-place", no_argument, NULL, O_INPLACE},
                                         {"force", no_argument, NULL, O_FORCE},
                                         CLI_NO_CONFIG_LONGOPT,
                                         {"help", no_argument, NULL, 'h'},
                                         CLI_FETCH_LONGOPTS, {NULL, 0, NULL, 0}};
    const char *schema_path = NULL, *out = NULL, *in;
    int c, strip = 0, in_place = 0, force = 0, use_config = 1, rc = OG_EXIT_PASS;
    cli_doc_setup setup;
    odfgate_doc *doc = NULL;
    odfgate_result *res = NULL;
    odfgate_error err;
    odfgate_status st;
    odfgate_annotate_counts counts = {0, 0};

    while ((c = getopt_long(argc, argv, "s:o:h", opts, NULL)) != -1) {
        switch (c) {
        case 's': schema_path = optarg; break;
        case 'o': out = optarg; break;
        case O_STRIP: strip = 1; break;
        case O_INPLACE: in_place = 1; break;
        case O_FORCE: force = 1; break;
        case CLI_OPT_NO_CONFIG: use_config = 0; break;
        case 'h': fputs(usage_text, stdout); fputs(cli_fetch_help, stdout); return OG_EXIT_PASS;
        case CLI_FO_FIRST ... CLI_FO_LAST:
            if (cli_fetch_option("annotate", c, optarg) < 0)
                return OG_EXIT_USAGE;
            break;
        default: return cli_usage_error("annotate", "invalid option");
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
            cli_say("%s: %zu odfgate comment%s removed", out, counts.removed, counts.removed == 1 ? "" : "s");
        else
            cli_say("%s: %zu odfgate comment%s written (%zu earlier one%s replaced)", out, counts.written,
                    counts.written == 1 ? "" : "s", counts.removed, counts.removed == 1 ? "" : "s");
        if (odfgate_result_fails(res))
            rc = OG_EXIT_FINDINGS;
    } else {
        cli_error("%s: %s (%s)", err.path[0] ? err.path : in, err.message, odfgate_errcode_name(err.code));
        rc = st == ODFGATE_FATAL || err.code == ODFGATE_E_USAGE ? OG_EXIT_USAGE : OG_EXIT_UNREADABLE;
    }
    odfgate_result_free(res);
    odfgate_doc_free(doc);
    cli_doc_setup_free(&setup);
    return rc;
}
