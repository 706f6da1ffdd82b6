/* cmd-outline.c — odfgate outline: the heading tree and the schema sections it matches. */
#include "cli.h"

#include "args.h"
#include "docsetup.h"
#include "fetchopts.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>

static const cli_option options[] = {
    {"schema", 's', "FILE",
     "schema whose sections are matched (default: the one\n.odfgate.ini names, else the built-in "
     "one)"},
    CLI_NO_CONFIG_OPTION,
    {"format", 'f', "FORMAT", "text (default) or json (the check report's document object)"},
    {NULL, 0, NULL, NULL},
};

static const cli_command command = {
    "outline",
    "Usage: odfgate outline [OPTIONS] FILE\n"
    "Print the heading tree of a document: level, text, words in the section, and the\n"
    "schema section each heading matched.\n",
    options, &cli_http_options, NULL};

static void print_outline(const odfgate_doc *doc, const odfgate_result *res)
{
    const odfgate_meta *m = odfgate_doc_meta(doc);
    printf("title: ");
    odfgate_fput_safe(m->title ? m->title : "(none)", stdout);
    printf("\ngenerator: ");
    odfgate_fput_safe(m->generator ? m->generator : "(unknown)", stdout);
    printf("\n");
    for (size_t i = 0; i < odfgate_doc_heading_count(doc); i++) {
        const odfgate_heading *h = odfgate_doc_heading(doc, i);
        const char *sec = odfgate_result_heading_section(res, i);
        printf("%*sH%d ", (h->level - 1) * 2, "", h->level);
        odfgate_fput_safe(h->text, stdout);
        printf("  (%llu words, paragraph %u%s%s)", (unsigned long long)h->words, h->paragraph,
               h->source == ODFGATE_HEADING_STYLE ? ", by style" : "", h->hidden ? ", hidden" : "");
        if (sec) {
            printf(" -> ");
            odfgate_fput_safe(sec, stdout);
        }
        putchar('\n');
    }
    printf("%zu headings, %llu words, %u paragraphs\n", odfgate_doc_heading_count(doc),
           (unsigned long long)odfgate_doc_words(doc), odfgate_doc_paragraph_count(doc));
}

int cmd_outline(int argc, char **argv)
{
    const char *schema_path = NULL, *format = "text";
    cli_doc_setup setup;
    odfgate_doc *doc = NULL;
    odfgate_result *res = NULL;
    odfgate_error err;
    odfgate_status st;
    int c, use_config = 1, rc = OG_EXIT_PASS;

    while ((c = cli_getopt(&command, argc, argv)) != CLI_END) {
        switch (c) {
        case 's': schema_path = optarg; break;
        case CLI_OPT_NO_CONFIG: use_config = 0; break;
        case 'f':
            if (!cli_known_format(optarg))
                return cli_usage_error("outline", "unknown format '%s'", optarg);
            format = optarg;
            break;
        case CLI_HELP: return OG_EXIT_PASS;
        default: return OG_EXIT_USAGE;
        }
    }
    if (argc - optind != 1)
        return cli_usage_error("outline", "give exactly one FILE");
    if (cli_doc_setup_for(argv[optind], schema_path, use_config, -1, &setup) != 0)
        return OG_EXIT_USAGE;
    odfgate_error_clear(&err);
    st = odfgate_doc_open(argv[optind], NULL, &doc, &err);
    if (st == ODFGATE_OK || st == ODFGATE_WARN)
        st = odfgate_check_config(doc, setup.schema, setup.cfg, &res, &err);
    if (st == ODFGATE_OK || st == ODFGATE_WARN)
        st = odfgate_result_apply(res, doc, setup.cfg, &err);
    if (st != ODFGATE_OK && st != ODFGATE_WARN) {
        cli_error("%s: %s (%s)", argv[optind], err.message, odfgate_errcode_name(err.code));
        rc = st == ODFGATE_FATAL ? OG_EXIT_USAGE : OG_EXIT_UNREADABLE;
    } else if (strcmp(format, "json") == 0) {
        odfgate_report *rep = NULL;
        odfgate_report_options ro = {0, 0, ODFGATE_SEV_ERROR};
        if (odfgate_report_new("json", stdout, &ro, setup.schema, &rep, &err) == ODFGATE_OK) {
            odfgate_report_add_doc(rep, argv[optind], doc, res);
            odfgate_report_end(rep);
        }
        odfgate_report_free(rep);
    } else {
        print_outline(doc, res);
    }
    odfgate_result_free(res);
    odfgate_doc_free(doc);
    cli_doc_setup_free(&setup);
    return rc;
}
