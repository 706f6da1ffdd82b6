/* cmd-flatten.c — odfgate flatten: a package as one flat ODF document (.fodt). */
#include "cli.h"

#include "args.h"
#include "options.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const cli_option options[] = {
    {"output", 'o', "OUT", "write to OUT ('-' for standard output)"},
    {"force", CLI_LONG('F'), NULL, "replace OUT if it exists (it is never replaced otherwise)"},
    {NULL, 0, NULL, NULL},
};

static const cli_command command = {
    "flatten",
    "Usage: odfgate flatten [--force] -o OUT FILE\n"
    "Write FILE (.odt/.ott) as one flat ODF XML document (.fodt) to OUT: meta, settings,\n"
    "styles and content merged; pictures embedded as base64.  Embedded objects are not\n"
    "carried over.  A flat FILE is copied.  The write is atomic; FILE is untouched.\n",
    options, NULL,
    "Exit: 0 written, 2 usage, 3 FILE could not be read or OUT could not be written.\n"};

int cmd_flatten(int argc, char **argv)
{
    const char *out = NULL, *in;
    odfgate_error err;
    odfgate_status st;
    char *xml = NULL;
    size_t len = 0;
    int c, force = 0, rc;

    while ((c = cli_getopt(&command, argc, argv)) != CLI_END) {
        switch (c) {
        case 'o': out = optarg; break;
        case CLI_LONG('F'): force = 1; break;
        case CLI_HELP: return OG_EXIT_PASS;
        default: return OG_EXIT_USAGE;
        }
    }
    if (argc - optind != 1 || !out)
        return cli_usage_error("flatten", "give -o OUT and exactly one FILE");
    if ((rc = cli_output_allowed(out, force, 0)) != 0)
        return rc;
    in = argv[optind];
    odfgate_error_clear(&err);
    st = odfgate_flatten(in, NULL, &xml, &len, &err);
    if (st <= ODFGATE_WARN) {
        if (strcmp(out, "-") == 0)
            st = fwrite(xml, 1, len, stdout) == len ? ODFGATE_OK : ODFGATE_FAILED;
        else
            st = odfgate_write_file(out, xml, len, &err);
        if (st > ODFGATE_WARN && strcmp(out, "-") == 0)
            snprintf(err.message, sizeof(err.message), "cannot write standard output");
    }
    free(xml);
    if (st <= ODFGATE_WARN)
        return OG_EXIT_PASS;
    cli_error("%s: %s (%s)", err.path[0] ? err.path : in, err.message,
              odfgate_errcode_name(err.code));
    return st == ODFGATE_FATAL || err.code == ODFGATE_E_USAGE ? OG_EXIT_USAGE : OG_EXIT_UNREADABLE;
}
