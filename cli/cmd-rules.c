/* cmd-rules.c — odfgate rules: the rule table (id, default severity, family, description). */
#include "cli.h"

#include "args.h"
#include "options.h"

#include <stdio.h>
#include <string.h>

static const cli_option options[] = {
    {"format", 'f', "FORMAT", "text (default) or json"},
    {NULL, 0, NULL, NULL},
};

static const cli_command command = {
    "rules",
    "Usage: odfgate rules [--format text|json]\n"
    "List every rule: id, default severity, family and a one-line description.\n"
    "A schema can change severities with <rules><rule id=... severity=.../></rules>.\n",
    options, NULL, NULL};

int cmd_rules(int argc, char **argv)
{
    int c, json = 0;
    while ((c = cli_getopt(&command, argc, argv)) != CLI_END) {
        switch (c) {
        case 'f':
            if (!cli_known_format(optarg))
                return cli_usage_error("rules", "unknown format '%s'", optarg);
            json = strcmp(optarg, "json") == 0;
            break;
        case CLI_HELP: return OG_EXIT_PASS;
        default: return OG_EXIT_USAGE;
        }
    }
    if (optind < argc)
        return cli_usage_error("rules", "invalid argument '%s'", argv[optind]);
    int id_w = 0, family_w = 0; /* the columns fit the longest id and family */
    for (size_t i = 0; i < odfgate_rule_count(); i++) {
        const odfgate_rule_info *r = odfgate_rule_at(i);
        id_w = (int)strlen(r->id) > id_w ? (int)strlen(r->id) : id_w;
        family_w = (int)strlen(r->family) > family_w ? (int)strlen(r->family) : family_w;
    }
    if (json)
        putchar('[');
    for (size_t i = 0; i < odfgate_rule_count(); i++) {
        const odfgate_rule_info *r = odfgate_rule_at(i);
        if (json) {
            printf("%s{\"id\":", i ? "," : "");
            odfgate_json_string(stdout, r->id);
            printf(",\"severity\":\"%s\",\"family\":", odfgate_severity_name(r->severity));
            odfgate_json_string(stdout, r->family);
            printf(",\"description\":");
            odfgate_json_string(stdout, r->description);
            putchar('}');
        } else {
            printf("%-*s %-8s %-*s %s\n", id_w, r->id, odfgate_severity_name(r->severity), family_w,
                   r->family, r->description);
        }
    }
    if (json)
        puts("]");
    return OG_EXIT_PASS;
}
