/* main.c — odfgate: global options and the table of subcommands. */
#include "cli.h"

#include "args.h"
#include "fetchopts.h"

#include <errno.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct command {
    const char *name;
    int (*run)(int argc, char **argv);
    const char *summary;
} command;

static const command commands[] = {
    {"check", cmd_check, "check documents against a required-section schema"},
    {"outline", cmd_outline, "print a document's heading tree and the sections it matches"},
    {"schema", cmd_schema, "check a schema file, or show the built-in one"},
    {"rules", cmd_rules, "list the rules: id, default severity, description"},
    {"new", cmd_new, "write a new draft with every required section of a schema"},
    {"annotate", cmd_annotate, "write the findings into a copy of the document as comments"},
    {"scrub", cmd_scrub,
     "remove comments, hidden text, personal data, macros … before a document circulates"},
    {"signoff", cmd_signoff, "record or revoke a signatory's sign-off, bound to the text"},
    {"signoffs", cmd_signoffs, "list a document's sign-offs and whether they are still valid"},
    {"status", cmd_status,
     "the overview of many documents: who has signed what, who still has to act"},
    {"diff", cmd_diff, "what changed in the text between two versions, section by section"},
    {"config", cmd_config, "explain which .odfgate.ini settings apply to a document"},
    {"merge", cmd_merge, "merge the JSONL, SARIF or JUnit reports of several shards into one"},
    {"fetch", cmd_fetch, "fetch http(s) resources into the cache (e.g. before an offline CI run)"},
    {"cache", cmd_cache, "list or clear the HTTP cache"},
    {"flatten", cmd_flatten, "write a package as one flat ODF document (.fodt)"},
};

static void usage(FILE *out)
{
    fputs("Usage: odfgate COMMAND [OPTIONS] [ARGS]\n\n"
          "Gate ODF text documents (.odt, .ott, .fodt) before they circulate.\n\nCommands:\n",
          out);
    for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
        fprintf(out, "  %-9s %s\n", commands[i].name, commands[i].summary);
    fputs("\nRun 'odfgate COMMAND --help' for a command's options.  See odfgate(1).\n"
          "Exit codes: 0 pass, 1 findings at or above --fail-on, 2 usage or schema error,\n"
          "3 an input could not be read.\n",
          out);
}

/* Edit distance (Levenshtein, with a swap of neighbours as one edit) between two short words. */
static size_t distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b), d[32][32];
    if (la >= 32 || lb >= 32)
        return (size_t)-1;
    for (size_t i = 0; i <= la; i++)
        for (size_t j = 0; j <= lb; j++) {
            if (!i || !j) {
                d[i][j] = i + j;
                continue;
            }
            size_t best = d[i - 1][j - 1] + (a[i - 1] != b[j - 1]);
            best = d[i - 1][j] + 1 < best ? d[i - 1][j] + 1 : best;
            best = d[i][j - 1] + 1 < best ? d[i][j - 1] + 1 : best;
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
                d[i - 2][j - 2] + 1 < best)
                best = d[i - 2][j - 2] + 1;
            d[i][j] = best;
        }
    return d[la][lb];
}

/* "unknown command", the nearest commands when they are near (at most 2 edits, as git does),
 * and where the list is: not the whole help. */
static int unknown_command(const char *name)
{
    size_t best = 3, n = 0;
    for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++) {
        size_t d = distance(name, commands[i].name);
        best = d < best ? d : best;
    }
    cli_error("unknown command '%s'", name);
    for (size_t i = 0; best <= 2 && i < sizeof(commands) / sizeof(commands[0]); i++)
        if (distance(name, commands[i].name) == best)
            fprintf(stderr, "%s%s", n++ ? ", " : "Did you mean: ", commands[i].name);
    if (n)
        fputs("?\n", stderr);
    fputs("Run 'odfgate --help' for the list of commands.\n", stderr);
    return OG_EXIT_USAGE;
}

int main(int argc, char **argv)
{
    int rc;
    setlocale(LC_CTYPE, ""); /* POSIX regex on UTF-8 in schemas */
    /* a write over `ulimit -f` must fail with EFBIG (a clear error), not kill the process */
    signal(SIGXFSZ, SIG_IGN);
    /* The same zone, read once: with TZ unset glibc stats /etc/localtime on every mktime, and
     * libzip converts each entry's DOS time on opening a package (~20 stats a document). */
    if (!getenv("TZ"))
        setenv("TZ", ":/etc/localtime", 0);
    if (argc < 2) {
        usage(stderr);
        return OG_EXIT_USAGE;
    }
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
        strcmp(argv[1], "help") == 0) {
        usage(stdout);
        return OG_EXIT_PASS;
    }
    if (strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "-V") == 0) {
        printf("odfgate %s\n", odfgate_version());
        return OG_EXIT_PASS;
    }
    for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
        if (strcmp(argv[1], commands[i].name) == 0) {
            odfgate_global_init();
            rc = commands[i].run(argc - 1, argv + 1);
            cli_fetcher_release();
            odfgate_global_cleanup();
            if (fflush(stdout) != 0 || ferror(stdout)) {
                cli_error("cannot write the output: %s", strerror(errno));
                return OG_EXIT_UNREADABLE;
            }
            return rc;
        }
    return unknown_command(argv[1]);
}
