/*
 * walk.h — turn the PATH arguments into the list of documents to check.  Files are taken
 * as given (whatever their name: the content decides); "-" is standard input; directories
 * are walked recursively for *.odt, *.ott and *.fodt (case-insensitive), skipping hidden
 * entries and not following symbolic links to directories, in byte order of the path at
 * each level, so the order is stable across machines.  In a folder only regular files (or
 * links to them) are read: a FIFO, device or socket with a document's name is an input that
 * is reported as such, never opened (a FIFO or device named as an argument is read, bounded).
 */
#ifndef OG_WALK_H
#define OG_WALK_H

#include <stddef.h>

typedef struct cli_input {
    char *path;
    int missing_errno;   /* non-zero: the argument does not exist / cannot be listed */
    const char *special; /* found in a folder and not a regular file: what it is ("a FIFO") */
} cli_input;

typedef struct cli_inputs {
    cli_input *items;
    size_t len, cap;
} cli_inputs;

/* Append the documents named by one argument.  Returns 0, or -1 on out-of-memory. */
int cli_walk(cli_inputs *list, const char *arg);
void cli_inputs_free(cli_inputs *list);

#endif
