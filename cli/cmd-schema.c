/* cmd-schema.c — odfgate schema check FILE|URL... | schema show [--grammar | URL] | schema from. */
#include "cli.h"

#include "args.h"
#include "fetchopts.h"

#include <getopt.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const cli_option options[] = {
    {"grammar", CLI_LONG('g'), NULL, "show: the RelaxNG grammar of the schema format"},
    {"output", 'o', "SCHEMA.xml", "from: write the schema to SCHEMA.xml"},
    {"force", CLI_LONG('F'), NULL, "from: replace SCHEMA.xml if it exists (never otherwise)"},
    {NULL, 0, NULL, NULL},
};

static const cli_command command = {
    "schema",
    "Usage: odfgate schema check [HTTP OPTIONS] FILE|URL...\n"
    "       odfgate schema show [--grammar | [HTTP OPTIONS] URL]\n"
    "       odfgate schema from FILE.ott|FILE.odt [-o SCHEMA.xml [--force]]\n"
    "check: load each schema (with its extends chain), validate it against the RelaxNG\n"
    "       grammar and its consistency rules; exit 2 if any is invalid.\n"
    "show:  print the built-in default schema (--grammar: the RelaxNG grammar of the format;\n"
    "       URL: that schema as fetched, through the cache).\n"
    "from:  write a schema whose sections are the template's headings (ids from slugs, order\n"
    "       kept), ready to edit; to standard output unless -o.\n"
    "The format is described in odfgate-schema(5).\n",
    options, &cli_http_options, NULL};

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
    if (cli_schema_pin() && argc > 1)
        return cli_usage_error("schema",
                               "--schema-sha256 pins one schema: give one FILE or URL with it");
    if (argc < 1)
        return cli_usage_error("schema", "schema check needs at least one FILE or URL");
    for (int i = 0; i < argc; i++) {
        odfgate_schema *s = NULL;
        if (cli_load_schema(argv[i], NULL, &s) < 0) {
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

static int schema_from(int argc, char **argv, const char *out, int force)
{
    const char *in = argc == 1 ? argv[0] : NULL;
    odfgate_doc *doc = NULL;
    odfgate_error err;
    char *xml = NULL;
    size_t len = 0;
    int rc = OG_EXIT_PASS;
    if (argc > 1)
        return cli_usage_error("schema", "schema from takes one FILE and -o OUT");
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
        fprintf(stderr, "%s: schema with %zu headings of %s\n", out, odfgate_doc_heading_count(doc),
                in);
    }
    free(xml);
    odfgate_doc_free(doc);
    return rc;
}

int cmd_schema(int argc, char **argv)
{
    const char *out = NULL, *sub;
    int c, grammar = 0, force = 0;
    size_t len;
    while ((c = cli_getopt(&command, argc, argv)) != CLI_END) {
        switch (c) {
        case CLI_LONG('g'): grammar = 1; break;
        case 'o': out = optarg; break;
        case CLI_LONG('F'): force = 1; break;
        case CLI_HELP: return OG_EXIT_PASS;
        default: return OG_EXIT_USAGE;
        }
    }
    if (optind >= argc) {
        cli_usage(&command, stderr);
        return OG_EXIT_USAGE;
    }
    sub = argv[optind];
    argc -= optind + 1;
    argv += optind + 1;
    if (strcmp(sub, "from") != 0 && (out || force))
        return cli_usage_error("schema", "-o and --force are for schema from");
    if (strcmp(sub, "show") != 0 && grammar)
        return cli_usage_error("schema", "--grammar is for schema show");
    if (strcmp(sub, "check") == 0)
        return schema_check(argc, argv);
    if (strcmp(sub, "from") == 0)
        return schema_from(argc, argv, out, force);
    if (strcmp(sub, "show") == 0) {
        const char *text;
        if (grammar || argc == 0) {
            if (argc)
                return cli_usage_error("schema", "schema show takes only --grammar");
            text = grammar ? odfgate_schema_grammar_rng(&len) : odfgate_schema_builtin_xml(&len);
            fwrite(text, 1, len, stdout);
            return OG_EXIT_PASS;
        }
        if (argc != 1 || !odfgate_is_url(argv[0]))
            return cli_usage_error("schema", "schema show takes --grammar, or one http(s) URL");
        return show_url(argv[0]);
    }
    return cli_usage_error("schema", "unknown schema command '%s'", sub);
}
