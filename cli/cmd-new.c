/* cmd-new.c — odfgate new: a fresh draft from a schema. */
#include "cli.h"

#include "args.h"
#include "docsetup.h"
#include "fetchopts.h"

#include <getopt.h>
#include <stdio.h>

static const char usage_text[] =
    "Usage: odfgate new [--schema FILE] [--no-config] [--title TITLE] [--template ORG.ott] [--force] -o DRAFT.odt\n"
    "Write a new draft: the title, a table of the signatories, and every required section of\n"
    "the schema as a \"Heading N\" heading with a guidance paragraph in [insert: ...]\n"
    "brackets, which `odfgate check` reports as a placeholder until it is replaced.\n"
    "With --template, styles and page layout come from the organisation's template.\n"
    "An existing DRAFT.odt is never replaced unless --force.  The schema is --schema, else\n"
    "the one the .odfgate.ini of DRAFT.odt's folder names (unless --no-config), else the\n"
    "built-in common purpose framework.\n";

int cmd_new(int argc, char **argv)
{
    enum { O_TITLE = 256, O_TEMPLATE, O_FORCE };
    static const struct option opts[] = {{"schema", required_argument, NULL, 's'},
                                         {"output", required_argument, NULL, 'o'},
                                         {"force", no_argument, NULL, O_FORCE},
                                         CLI_NO_CONFIG_LONGOPT,
                                         {"title", required_argument, NULL, O_TITLE},
                                         {"template", required_argument, NULL, O_TEMPLATE},
                                         {"help", no_argument, NULL, 'h'},
                                         CLI_FETCH_LONGOPTS, {NULL, 0, NULL, 0}};
    const char *schema_path = NULL, *out = NULL, *title = NULL, *tmpl = NULL;
    cli_doc_setup setup;
    odfgate_error err;
    int c, rc = OG_EXIT_PASS, force = 0, use_config = 1;

    while ((c = getopt_long(argc, argv, "s:o:h", opts, NULL)) != -1) {
        switch (c) {
        case 's': schema_path = optarg; break;
        case 'o': out = optarg; break;
        case O_TITLE: title = optarg; break;
        case O_TEMPLATE: tmpl = optarg; break;
        case O_FORCE: force = 1; break;
        case CLI_OPT_NO_CONFIG: use_config = 0; break;
        case 'h': fputs(usage_text, stdout); fputs(cli_fetch_help, stdout); return OG_EXIT_PASS;
        case CLI_FO_FIRST ... CLI_FO_LAST:
            if (cli_fetch_option("new", c, optarg) < 0)
                return OG_EXIT_USAGE;
            break;
        default: return cli_usage_error("new", "invalid option");
        }
    }
    if (!out || optind != argc)
        return cli_usage_error("new", "give -o DRAFT.odt and no other argument");
    if ((rc = cli_output_allowed(out, force, 0)) != 0)
        return rc;
    if (cli_doc_setup_for(out, schema_path, use_config, -1, &setup) != 0)
        return OG_EXIT_USAGE;
    odfgate_error_clear(&err);
    if (odfgate_new_draft(out, setup.schema, title, tmpl, &err) == ODFGATE_OK)
        cli_say("%s: new draft from schema %s", out, odfgate_schema_id(setup.schema));
    else {
        cli_error("%s: %s (%s)", err.path[0] ? err.path : out, err.message, odfgate_errcode_name(err.code));
        rc = err.code == ODFGATE_E_USAGE ? OG_EXIT_USAGE : OG_EXIT_UNREADABLE;
    }
    cli_doc_setup_free(&setup);
    return rc;
}
