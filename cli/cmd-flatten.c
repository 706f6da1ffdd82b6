/* cmd-flatten.c — odfgate flatten: a package as one flat ODF document (.fodt). */
#include "cli.h"

#include "args.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char usage_text[] =
    "Usage: odfgate flatten [--force] -o OUT FILE\n"
    "Write FILE (.odt/.ott) as one flat ODF XML document (.fodt) to OUT: meta, settings,\n"
    "styles and content merged; pictures embedded as base64.  Embedded objects are not\n"
    "carried over.  A flat FILE is copied.  The write is atomic; FILE is untouched.\n\n"
    "  -o, --output OUT    write to OUT ('-' for standard output)\n"
    "      --force         replace OUT if it exists (it is never replaced otherwise)\n"
    "Exit: 0 written, 2 usage, 3 FILE could not be read or OUT could not be written.\n";

int cmd_flatten(int argc, char **argv)
{
    static const struct option opts[] = {{"output", required_argument, NULL, 'o'},
                                         {"force", no_argument, NULL, 'F'},
                                         {"help", no_argument, NULL, 'h'},
                                         {NULL, 0, NULL, 0}};
    const char *out = NULL, *in;
    odfgate_error err;
    odfgate_status st;
    char *xml = NULL;
    size_t len = 0;
    int c, force = 0, rc;

    while ((c = getopt_long(argc, argv, "o:h", opts, NULL)) != -1) {
        switch (c) {
        case 'o': out = optarg; break;
        case 'F': force = 1; break;
        case 'h': fputs(usage_text, stdout); return OG_EXIT_PASS;
        default: return cli_usage_error("flatten", "invalid option");
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
