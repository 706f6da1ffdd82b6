/*
 * outfile.h — an output file written atomically by the library's writer (odfgate_write_file:
 * a temporary file beside it, fsync, rename, the folder fsync'ed; links written through, a
 * device, FIFO or folder never replaced, the file's permissions kept).  The output is
 * collected in memory and written when complete, so a reader never sees half a report; the
 * folder is checked at open, so a run whose output cannot be written fails before any work.
 * Used for check --report and status -o / --write-state.
 */
#ifndef OG_OUTFILE_H
#define OG_OUTFILE_H

#include <stdio.h>

typedef struct cli_outfile {
    const char *path;
    const char *what; /* in errors: "%s: cannot write <what>: reason" */
    char *data;       /* the collected output (open_memstream) */
    size_t len;
    FILE *f;
} cli_outfile;

/* Start collecting the output for path: the stream, or NULL after printing the error (a
 * folder that does not exist or cannot be written, a path that is a folder). */
FILE *cli_outfile_open(cli_outfile *of, const char *path, const char *what);
/* Write what was collected into place: 0, or -1 after printing the error. */
int cli_outfile_commit(cli_outfile *of);
/* Drop what was collected (nothing written); safe to call when it is not open. */
void cli_outfile_abort(cli_outfile *of);

#endif
