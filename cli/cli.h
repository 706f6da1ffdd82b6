/*
 * cli.h — the odfgate command: a table of subcommands (main.c), one file each
 * (cmd-*.c), as git's builtin/.  Commands return the process exit code.
 */
#ifndef OG_CLI_H
#define OG_CLI_H

#include "config.h"
#include "odfgate.h"

/* Exit codes: the CLI's contract (README, odfgate(1)). */
enum {
    OG_EXIT_PASS = 0,      /* every document passed */
    OG_EXIT_FINDINGS = 1,  /* a finding at or above --fail-on */
    OG_EXIT_USAGE = 2,     /* usage, configuration or schema error; nothing checked */
    OG_EXIT_UNREADABLE = 3 /* an input could not be read (the others were checked) */
};

int cmd_check(int argc, char **argv);
int cmd_outline(int argc, char **argv);
int cmd_schema(int argc, char **argv);
int cmd_rules(int argc, char **argv);
int cmd_signoff(int argc, char **argv);
int cmd_signoffs(int argc, char **argv);
int cmd_status(int argc, char **argv);
int cmd_diff(int argc, char **argv);
int cmd_annotate(int argc, char **argv);
int cmd_new(int argc, char **argv);
int cmd_config(int argc, char **argv);
int cmd_merge(int argc, char **argv);
int cmd_fetch(int argc, char **argv);
int cmd_cache(int argc, char **argv);
int cmd_flatten(int argc, char **argv);
int cmd_scrub(int argc, char **argv);

#endif
