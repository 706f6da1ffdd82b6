/* cmd-new.c — odfgate new: a fresh draft from a schema. */
#include "cli.h"

#include "args.h"
#include "docsetup.h"
#include "fetchopts.h"

#include <getopt.h>
#include <stdio.h>

enum { O_TITLE = CLI_KEY_LONG, O_TEMPLATE, O_FORCE };

static const cli_option options[] = {
    {"schema", 's', "FILE",
     "schema whose sections the draft has (default: the one the\n.odfgate.ini of DRAFT.odt's "
     "folder names, else the built-in one)"},
    CLI_NO_CONFIG_OPTION,
    {"title", O_TITLE, "TITLE", "the document's title"},
    {"template", O_TEMPLATE, "ORG.ott",
     "take styles and page layout from the organisation's template"},
    {"force", O_FORCE, NULL, "replace DRAFT.odt if it exists (it is never replaced otherwise)"},
    {"output", 'o', "DRAFT.odt", "write the new draft to DRAFT.odt"},
    {NULL, 0, NULL, NULL},
};

static const cli_command command = {
    "new",
    "Usage: odfgate new [--schema FILE] [--no-config] [--title TITLE] [--template ORG.ott] "
    "[--force] -o DRAFT.odt\n"
    "Write a new draft: the title, a table of the signatories, and every required section of\n"
    "the schema as a \"Heading N\" heading with a guidance paragraph in [insert: ...]\n"
    "brackets, which `odfgate check` reports as a placeholder until it is replaced.\n",
    options, &cli_http_options, NULL};

int cmd_new(int argc, char **argv)
{
    const char *schema_path = NULL, *out = NULL, *title = NULL, *tmpl = NULL;
    cli_doc_setup setup;
    odfgate_error err;
    int c, rc = OG_EXIT_PASS, force = 0, use_config = 1;

    while ((c = cli_getopt(&command, argc, argv)) != CLI_END) {
        switch (c) {
        case 's': schema_path = optarg; break;
        case 'o': out = optarg; break;
        case O_TITLE: title = optarg; break;
        case O_TEMPLATE: tmpl = optarg; break;
        case O_FORCE: force = 1; break;
        case CLI_OPT_NO_CONFIG: use_config = 0; break;
        case CLI_HELP: return OG_EXIT_PASS;
        default: return OG_EXIT_USAGE;
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
        cli_error("%s: %s (%s)", err.path[0] ? err.path : out, err.message,
                  odfgate_errcode_name(err.code));
        rc = err.code == ODFGATE_E_USAGE ? OG_EXIT_USAGE : OG_EXIT_UNREADABLE;
    }
    cli_doc_setup_free(&setup);
    return rc;
}
