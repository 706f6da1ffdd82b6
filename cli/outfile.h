/*
 * outfile.h — an output file written atomically: to a temporary file beside it (same folder,
 * so the rename is atomic), flushed, fsync'ed and renamed over the target at the end; removed
 * on failure, so a reader never sees half a report.  Used for check --report and status -o /
 * --write-state.
 */
#ifndef OG_OUTFILE_H
#define OG_OUTFILE_H

#include <stdio.h>

typedef struct cli_outfile {
    const char *path;
    const char *what; /* in errors: "%s: cannot write <what>: reason" */
    char tmp[4096];
    FILE *f;
} cli_outfile;

/* Open the temporary file for path: the stream, or NULL after printing the error. */
FILE *cli_outfile_open(cli_outfile *of, const char *path, const char *what);
/* Flush, fsync and rename it into place: 0, or -1 after printing the error (the temporary
 * file is removed). */
int cli_outfile_commit(cli_outfile *of);
/* Close and remove it (nothing replaced); safe to call when it is not open. */
void cli_outfile_abort(cli_outfile *of);

#endif
