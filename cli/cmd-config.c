/* cmd-config.c — odfgate config explain: which .odfgate.ini files and sections apply. */
#include "cli.h"

#include "args.h"
#include "options.h"

#include <stdio.h>
#include <string.h>

static const cli_command command = {
    "config",
    "Usage: odfgate config explain FILE...\n"
    "Show which .odfgate.ini files apply to each document (found from the document's own\n"
    "folder upward until a file says 'root = true'), which of their [pattern] sections match\n"
    "it, and the resulting settings with the file and line each comes from.  The format is in\n"
    "docs/config.md.\n",
    NULL, NULL, "Exit: 0 shown, 2 usage error or an invalid configuration file.\n"};

int cmd_config(int argc, char **argv)
{
    int c, rc = OG_EXIT_PASS, first;
    while ((c = cli_getopt(&command, argc, argv)) != CLI_END)
        return c == CLI_HELP ? OG_EXIT_PASS : OG_EXIT_USAGE;
    if (optind >= argc || strcmp(argv[optind], "explain") != 0)
        return cli_usage_error("config", "expected 'explain FILE...'");
    if (optind + 1 >= argc)
        return cli_usage_error("config", "no FILE given");
    first = optind + 1;
    for (int i = first; i < argc; i++) {
        odfgate_config *cfg = NULL;
        odfgate_error err;
        odfgate_error_clear(&err);
        if (odfgate_config_for(argv[i], &cfg, &err) != ODFGATE_OK) {
            cli_config_error(&err);
            rc = OG_EXIT_USAGE;
            continue;
        }
        if (i > first)
            putchar('\n');
        cli_put_lines(odfgate_config_explain(cfg), stdout);
        odfgate_config_free(cfg);
    }
    return rc;
}
