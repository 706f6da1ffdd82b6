/* progress.c — the batch progress line (see progress.h). */
#include "progress.h"

#include <stdio.h>
#include <time.h>
#include <unistd.h>

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void cli_progress_start(cli_progress *p, size_t total, int wanted)
{
    p->enabled = wanted && isatty(STDERR_FILENO);
    p->shown = 0;
    p->total = total;
    p->start = p->last = now();
}

void cli_progress_update(cli_progress *p, size_t done)
{
    double t, elapsed, rate;
    if (!p->enabled)
        return;
    t = now();
    elapsed = t - p->start;
    if (elapsed < 1.0 || (p->shown && t - p->last < 0.1 && done < p->total))
        return;
    p->last = t;
    rate = elapsed > 0 ? (double)done / elapsed : 0;
    double left = rate > 0 ? (double)(p->total - done) / rate : 0;
    fprintf(stderr, "\r\033[K%zu/%zu documents, %.1f/s, %dm%02ds left", done, p->total, rate,
            (int)(left / 60), (int)left % 60);
    fflush(stderr);
    p->shown = 1;
}

void cli_progress_clear(cli_progress *p)
{
    if (p->shown) {
        fputs("\r\033[K", stderr);
        fflush(stderr);
        p->shown = 0;
    }
}
