/*
 * options.h — one mechanism for every command's options and --help: a command describes its
 * options once (cli_option: long name, short letter, argument, help), and cli_getopt parses
 * them with getopt_long while cli_usage prints the help from the same table, so the two
 * cannot disagree.  A group of options several commands share (the HTTP options of
 * fetchopts.h) is added by pointing at it.
 */
#ifndef OG_OPTIONS_H
#define OG_OPTIONS_H

#include <getopt.h> /* optarg, optind */
#include <stdio.h>

/* Keys of options without a short letter start here (getopt_long returns them as is);
 * CLI_LONG('x') is such a key named after a letter. */
#define CLI_KEY_LONG 0x100
#define CLI_LONG(c)  (CLI_KEY_LONG + (c))

typedef struct cli_option {
    const char *name; /* long name, without "--" */
    int key;          /* the short letter, or a key from CLI_KEY_LONG on (long only) */
    const char *arg;  /* the argument's name in the help ("FILE"); NULL: a flag */
    const char *help; /* what it does; '\n' starts a continuation line */
} cli_option;

/* The --no-config option every command that resolves a schema takes. */
#define CLI_OPT_NO_CONFIG CLI_LONG('N')
#define CLI_NO_CONFIG_OPTION                                                                       \
    {                                                                                              \
        "no-config", CLI_OPT_NO_CONFIG, NULL, "ignore .odfgate.ini files (docs/config.md)"         \
    }

/* Options several commands share, with the function that takes them: 0, or -1 after
 * printing a usage error. */
typedef struct cli_option_group {
    const char *title;         /* heading of the group in --help */
    const cli_option *options; /* ends with {NULL} */
    int (*take)(const char *cmd, int key, const char *arg);
} cli_option_group;

typedef struct cli_command {
    const char *name;          /* "outline" */
    const char *usage;         /* the "Usage:" lines and the description, each line ending "\n" */
    const cli_option *options; /* ends with {NULL}; -h/--help is always added */
    const cli_option_group *group; /* a shared group (e.g. &cli_http_options), or NULL */
    const char *epilogue;          /* printed last (e.g. the exit codes), or NULL */
} cli_command;

/* cli_getopt's answers besides an option's key. */
#define CLI_END  (-1) /* no more options: operands start at optind */
#define CLI_HELP (-2) /* --help was printed: exit 0 */
#define CLI_BAD  (-3) /* a usage error was printed: exit OG_EXIT_USAGE */

/* The next option of argv for cmd (getopt_long over its table; optarg is its argument).
 * --help and the group's options are handled here; an unknown option or a missing argument
 * prints a usage error and answers CLI_BAD. */
int cli_getopt(const cli_command *cmd, int argc, char **argv);
/* cmd's --help: usage, the options (column 24), the shared group, the epilogue. */
void cli_usage(const cli_command *cmd, FILE *out);

#endif
