/* args.h — option handling shared by the subcommands. */
#ifndef OG_ARGS_H
#define OG_ARGS_H

#include "odfgate.h"

#include <stdio.h>

/* Print "odfgate: MESSAGE" on stderr (control characters replaced). */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Print one line on stdout (a newline is added), escaped as odfgate_fput_safe does: for
 * messages that quote a file name, a schema id or anything a document or schema says. */
void cli_say(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Write text of several lines to out, each line escaped (the newlines kept). */
void cli_put_lines(const char *text, FILE *out);
/* May command `cmd` write `out`?  "-" (standard output) always; an existing file only with
 * `force` (never overwritten silently); with `in_place`, out is the input and must be
 * writable by this user (a read-only file is not replaced through its folder's permission).
 * 0, or the exit code after printing why: 2 for an existing file, 3 for one not writable. */
int cli_output_allowed(const char *out, int force, int in_place);
/* A rewrite keeps the input's container (a package stays a zip, a flat document flat XML):
 * 0 if the output's name agrees (.odt/.ott for a zip, .fodt for flat; any other name is
 * taken as given), else 2 after saying so ("y.odt" would have held flat XML). */
int cli_output_matches(const char *out, const odfgate_doc *doc);
/* The same path, or two names of one existing file (an output that would replace an input). */
int cli_same_file(const char *a, const char *b);
/* "Try 'odfgate CMD --help'." after a usage error; returns OG_EXIT_USAGE. */
int cli_usage_error(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Print a configuration error as "odfgate: FILE:LINE: MESSAGE". */
void cli_config_error(const odfgate_error *err);

/* --fail-on: error|warning|info|never → severity (never = ODFGATE_SEV_OFF); -1 if bad. */
int cli_parse_fail_on(const char *v);
/* --color: auto|always|never → 1/0 for stdout; -1 if bad.  auto = a terminal, NO_COLOR unset
 * or empty, TERM not "dumb". */
int cli_parse_color(const char *v);
/* --limit NAME=VALUE: set one field of lim (names as in docs/limits.md, e.g. max-file-size=10M;
 * K, M, G suffixes are powers of 1024).  0 ok, -1 unknown name or bad value. */
int cli_parse_limit(odfgate_limits *lim, const char *arg);
/* 1 if s is "text" or "json". */
int cli_known_format(const char *s);
/* 1 if s is a report format of odfgate check (odfgate_report_format_name). */
int cli_report_format(const char *s);

/* The number of cores (1 if unknown): the default of --jobs. */
unsigned cli_default_jobs(void);
/* --jobs N: 1 to 256 into *jobs; -1 if bad. */
int cli_parse_jobs(const char *v, unsigned *jobs);

#endif
