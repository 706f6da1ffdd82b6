/* cmd-schema.c — odfgate schema check FILE... | schema show [--grammar]. */
#include "cli.h"

#include "args.h"

#include <stdio.h>
#include <string.h>

static const char usage_text[] =
    "Usage: odfgate schema check FILE...\n"
    "       odfgate schema show [--grammar]\n"
    "check: load each schema (with its extends chain), validate it against the RelaxNG\n"
    "       grammar and its consistency rules; exit 2 if any is invalid.\n"
    "show:  print the built-in default schema (--grammar: the RelaxNG grammar of the format).\n"
    "The format is described in odfgate-schema(5).\n";

static int schema_check(int argc, char **argv)
{
    int rc = OG_EXIT_PASS;
    if (argc < 1)
        return cli_usage_error("schema", "schema check needs at least one FILE");
    for (int i = 0; i < argc; i++) {
        odfgate_schema *s = NULL;
        if (cli_load_schema(argv[i], &s) < 0) {
            rc = OG_EXIT_USAGE;
            continue;
        }
        printf("%s: ok: schema \"%s\", %zu sections, %zu signatories\n", argv[i],
               odfgate_schema_id(s), odfgate_schema_section_count(s),
               odfgate_schema_signatory_count(s));
        odfgate_schema_free(s);
    }
    return rc;
}

int cmd_schema(int argc, char **argv)
{
    size_t len;
    if (argc < 2 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
        fputs(usage_text, argc < 2 ? stderr : stdout);
        return argc < 2 ? OG_EXIT_USAGE : OG_EXIT_PASS;
    }
    if (strcmp(argv[1], "check") == 0)
        return schema_check(argc - 2, argv + 2);
    if (strcmp(argv[1], "show") == 0) {
        const char *text;
        if (argc > 3 || (argc == 3 && strcmp(argv[2], "--grammar") != 0))
            return cli_usage_error("schema", "schema show takes only --grammar");
        text = argc == 3 ? odfgate_schema_grammar_rng(&len) : odfgate_schema_builtin_xml(&len);
        fwrite(text, 1, len, stdout);
        return OG_EXIT_PASS;
    }
    return cli_usage_error("schema", "unknown schema command '%s'", argv[1]);
}
