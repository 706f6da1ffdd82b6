/* cmd-rules.c — odfgate rules: the rule table (id, default severity, family, description). */
#include "cli.h"

#include "args.h"

#include <stdio.h>
#include <string.h>

int cmd_rules(int argc, char **argv)
{
    int json = 0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            puts("Usage: odfgate rules [--format text|json]\n"
                 "List every rule: id, default severity, family and a one-line description.\n"
                 "A schema can change severities with <rules><rule id=... severity=.../></rules>.");
            return OG_EXIT_PASS;
        }
        if ((strcmp(argv[i], "--format") == 0 || strcmp(argv[i], "-f") == 0) && i + 1 < argc &&
            cli_known_format(argv[i + 1])) {
            json = strcmp(argv[++i], "json") == 0;
            continue;
        }
        return cli_usage_error("rules", "invalid argument '%s'", argv[i]);
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
            printf("%-24s %-8s %-9s %s\n", r->id, odfgate_severity_name(r->severity), r->family,
                   r->description);
        }
    }
    if (json)
        puts("]");
    return OG_EXIT_PASS;
}
