/* options.c — parsing and describing a command's options from one table (options.h). */
#include "options.h"

#include "args.h"
#include "cli.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#define MAX_OPTIONS 64 /* a command's own, --help and its group's, all together */

static const cli_option help_option = {"help", 'h', NULL, "show this help"};

/* Every option cmd accepts, in the order its help lists them; returns how many.  The tables
 * are the program's own: more than MAX_OPTIONS is a programming error, stopped here. */
static size_t all_options(const cli_command *cmd, const cli_option **out)
{
    const cli_option *shared = cmd->group ? cmd->group->options : NULL;
    size_t n = 1; /* --help */
    for (const cli_option *o = cmd->options; o && o->name; o++)
        n++;
    for (const cli_option *o = shared; o && o->name; o++)
        n++;
    if (n > MAX_OPTIONS) {
        fprintf(stderr, "odfgate %s: %zu options, more than MAX_OPTIONS\n", cmd->name, n);
        abort();
    }
    n = 0;
    for (const cli_option *o = cmd->options; o && o->name; o++)
        out[n++] = o;
    out[n++] = &help_option;
    for (const cli_option *o = shared; o && o->name; o++)
        out[n++] = o;
    return n;
}

int cli_getopt(const cli_command *cmd, int argc, char **argv)
{
    /* the getopt tables of the command being parsed (one command per process) */
    static const cli_command *built;
    static struct option longopts[MAX_OPTIONS + 1];
    static char shortopts[2 * MAX_OPTIONS + 2];
    const cli_option *all[MAX_OPTIONS + 1];
    int c;

    if (built != cmd) {
        size_t n = all_options(cmd, all), s = 0;
        shortopts[s++] = ':'; /* a missing argument answers ':' */
        for (size_t i = 0; i < n; i++) {
            longopts[i] = (struct option){
                all[i]->name, all[i]->arg ? required_argument : no_argument, NULL, all[i]->key};
            if (all[i]->key < CLI_KEY_LONG) {
                shortopts[s++] = (char)all[i]->key;
                if (all[i]->arg)
                    shortopts[s++] = ':';
            }
        }
        longopts[n] = (struct option){NULL, 0, NULL, 0};
        shortopts[s] = '\0';
        built = cmd;
    }
    opterr = 0; /* the messages are ours */
    for (;;) {
        const cli_option *shared = NULL;
        c = getopt_long(argc, argv, shortopts, longopts, NULL);
        if (c == -1)
            return CLI_END;
        if (c == 'h') {
            cli_usage(cmd, stdout);
            return CLI_HELP;
        }
        if (c == ':' || c == '?') {
            char shortopt[3] = {'-', (char)optopt, '\0'};
            /* an unknown short option is named by optopt (it may sit in a cluster, "-qx");
             * otherwise the argument getopt stopped at names it as the user wrote it */
            const char *opt =
                c == '?' && optopt > 0 && optopt < CLI_KEY_LONG ? shortopt : argv[optind - 1];
            cli_usage_error(cmd->name,
                            c == ':' ? "option '%s' needs an argument" : "invalid option '%s'",
                            opt ? opt : "?");
            return CLI_BAD;
        }
        for (const cli_option *o = cmd->group ? cmd->group->options : NULL; o && o->name; o++)
            if (o->key == c)
                shared = o;
        if (!shared)
            return c;
        if (cmd->group->take(cmd->name, c, optarg) < 0)
            return CLI_BAD;
    }
}

/* "  -s, --schema FILE" or "      --no-config", then the help from column 24 (or two spaces
 * after a longer left part), continuation lines indented to column 24. */
static void print_option(const cli_option *o, FILE *out)
{
    char left[128];
    int n = o->key < CLI_KEY_LONG ? snprintf(left, sizeof(left), "  -%c, --%s%s%s", o->key, o->name,
                                             o->arg ? " " : "", o->arg ? o->arg : "")
                                  : snprintf(left, sizeof(left), "      --%s%s%s", o->name,
                                             o->arg ? " " : "", o->arg ? o->arg : "");
    fputs(left, out);
    fprintf(out, "%*s", n < 22 ? 24 - n : 2, "");
    for (const char *h = o->help; *h; h++) {
        fputc(*h, out);
        if (*h == '\n')
            fprintf(out, "%24s", "");
    }
    fputc('\n', out);
}

void cli_usage(const cli_command *cmd, FILE *out)
{
    fputs(cmd->usage, out);
    fputc('\n', out);
    for (const cli_option *o = cmd->options; o && o->name; o++)
        print_option(o, out);
    print_option(&help_option, out);
    if (cmd->group) {
        fprintf(out, "\n%s\n", cmd->group->title);
        for (const cli_option *o = cmd->group->options; o->name; o++)
            print_option(o, out);
    }
    if (cmd->epilogue) {
        fputc('\n', out);
        fputs(cmd->epilogue, out);
    }
}
