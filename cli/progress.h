/*
 * progress.h — the progress line of a batch on standard error: done/total, rate, time left.
 * Shown only when standard error is a terminal, and only once the work has taken more than a
 * second; never in logs.  Redrawn at most ten times a second; cleared before anything else is
 * written to the same terminal and at the end.
 */
#ifndef OG_PROGRESS_H
#define OG_PROGRESS_H

#include <stddef.h>

typedef struct cli_progress {
    int enabled; /* standard error is a terminal and the caller wants it */
    int shown;   /* the line is on the screen */
    size_t total;
    double start, last; /* monotonic seconds */
} cli_progress;

void cli_progress_start(cli_progress *p, size_t total, int wanted);
/* `done` documents finished. */
void cli_progress_update(cli_progress *p, size_t done);
/* Erase the line (before other output to the terminal, and at the end). */
void cli_progress_clear(cli_progress *p);

#endif
