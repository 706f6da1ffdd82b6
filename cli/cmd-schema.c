/* cmd-schema.c — odfgate schema check FILE|URL... | schema show [--grammar | URL] | schema from. */
#include "cli.h"

#include "args.h"
#include "fetchopts.h"

#include <getopt.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char usage_text[] =
    "Usage: odfgate schema check [HTTP OPTIONS] FILE|URL...\n"
    "       odfgate schema show [--grammar | [HTTP OPTIONS] URL]\n"
    "       odfgate schema from FILE.ott|FILE.odt [-o SCHEMA.xml [--force]]\n"
    "check: load each schema (with its extends chain), validate it against the RelaxNG\n"
    "       grammar and its consistency rules; exit 2 if any is invalid.\n"
    "show:  print the built-in default schema (--grammar: the RelaxNG grammar of the format;\n"
    "       URL: that schema as fetched, through the cache).\n"
    "from:  write a schema whose sections are the template's headings (ids from slugs, order\n"
    "       kept), ready to edit; to standard output unless -o.\n"
    "The format is described in odfgate-schema(5).\n";

/* Take the HTTP options (fetchopts.h) out of argv[0..argc), where argv[-1] is the
 * subcommand's name; the other arguments are left in *argv.  0, or -1 after a usage error. */
static int http_options(int *argc, char ***argv)
{
    static const struct option opts[] = {CLI_FETCH_LONGOPTS, {"grammar", no_argument, NULL, 'g'}, {NULL, 0, NULL, 0}};
    int c;
    optind = 0; /* (*argv)[0] is the first argument: parse from it */
    while ((c = getopt_long(*argc + 1, *argv - 1, "", opts, NULL)) != -1) {
        if (c == 'g')
            continue; /* schema show --grammar: looked at by the caller */
        if (c < CLI_FO_FIRST || c > CLI_FO_LAST) {
            cli_usage_error("schema", "invalid option");
            return -1;
        }
        if (cli_fetch_option("schema", c, optarg) < 0)
            return -1;
    }
    *argv += optind - 1;
    *argc -= optind - 1;
    return 0;
}

/* schema show URL: the schema's bytes, through the cache. */
static int show_url(const char *url)
{
    odfgate_fetcher *f = cli_fetcher();
    odfgate_error err;
    char *data = NULL;
    size_t len = 0;
    if (!f)
        return OG_EXIT_USAGE;
    odfgate_error_clear(&err);
    if (odfgate_fetch(f, url, cli_schema_pin(), 0, &data, &len, NULL, &err) != ODFGATE_OK) {
        cli_error("%s: %s (%s)", url, err.message, odfgate_errcode_name(err.code));
        return OG_EXIT_USAGE;
    }
    fwrite(data, 1, len, stdout);
    free(data);
    return OG_EXIT_PASS;
}

static int schema_check(int argc, char **argv)
{
    int rc = OG_EXIT_PASS;
    if (http_options(&argc, &argv) < 0)
        return OG_EXIT_USAGE;
    if (cli_schema_pin() && argc > 1)
        return cli_usage_error("schema", "--schema-sha256 pins one schema: give one FILE or URL with it");
    if (argc < 1)
        return cli_usage_error("schema", "schema check needs at least one FILE or URL");
    for (int i = 0; i < argc; i++) {
        odfgate_schema *s = NULL;
        if (cli_load_schema(argv[i], &s) < 0) {
            rc = OG_EXIT_USAGE;
            continue;
        }
        cli_say("%s: ok: schema \"%s\", %zu sections, %zu signatories", argv[i],
               odfgate_schema_id(s), odfgate_schema_section_count(s),
               odfgate_schema_signatory_count(s));
        odfgate_schema_free(s);
    }
    return rc;
}

static int schema_from(int argc, char **argv)
{
    const char *in = NULL, *out = NULL;
    odfgate_doc *doc = NULL;
    odfgate_error err;
    char *xml = NULL;
    size_t len = 0;
    int rc = OG_EXIT_PASS;
    int force = 0;
    for (int i = 0; i < argc; i++) {
        if ((strcmp(argv[i], "-o") == 0 || strcmp(argv[i], "--output") == 0) && i + 1 < argc)
            out = argv[++i];
        else if (strcmp(argv[i], "--force") == 0)
            force = 1;
        else if (!in)
            in = argv[i];
        else
            return cli_usage_error("schema", "schema from takes one FILE and -o OUT");
    }
    if (!in)
        return cli_usage_error("schema", "schema from needs a FILE");
    if ((rc = cli_output_allowed(out, force, 0)) != 0)
        return rc;
    odfgate_error_clear(&err);
    if (odfgate_doc_open(in, NULL, &doc, &err) > ODFGATE_WARN ||
        odfgate_schema_from_document(doc, &xml, &len, &err) != ODFGATE_OK) {
        cli_error("%s: %s (%s)", in, err.message, odfgate_errcode_name(err.code));
        rc = OG_EXIT_UNREADABLE;
    } else if (!out) {
        fwrite(xml, 1, len, stdout);
    } else if (odfgate_write_file(out, xml, len, &err) != ODFGATE_OK) {
        cli_error("%s: %s", out, err.message);
        rc = OG_EXIT_UNREADABLE;
    } else {
        fprintf(stderr, "%s: schema with %zu headings of %s\n", out, odfgate_doc_heading_count(doc), in);
    }
    free(xml);
    odfgate_doc_free(doc);
    return rc;
}

int cmd_schema(int argc, char **argv)
{
    size_t len;
    if (argc < 2 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
        fputs(usage_text, argc < 2 ? stderr : stdout);
        if (argc >= 2)
            fputs(cli_fetch_help, stdout);
        return argc < 2 ? OG_EXIT_USAGE : OG_EXIT_PASS;
    }
    if (strcmp(argv[1], "check") == 0)
        return schema_check(argc - 2, argv + 2);
    if (strcmp(argv[1], "from") == 0)
        return schema_from(argc - 2, argv + 2);
    if (strcmp(argv[1], "show") == 0 && argc >= 3 && strcmp(argv[argc - 1], "--grammar") != 0) {
        int n = argc - 2;
        char **rest = argv + 2;
        if (http_options(&n, &rest) < 0)
            return OG_EXIT_USAGE;
        if (n != 1 || !odfgate_is_url(rest[0]))
            return cli_usage_error("schema", "schema show takes --grammar, or one http(s) URL");
        return show_url(rest[0]);
    }
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
