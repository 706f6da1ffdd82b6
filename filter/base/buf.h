/*
 * buf.h — a growable byte buffer with a hard cap (in the spirit of curl's dynbuf).
 * Everything that untrusted input can grow goes through one of these.
 * The buffer owns its memory; og_buf_free releases it; og_buf_take hands it to the caller.
 * The content is always NUL-terminated (the NUL is not counted in len).
 */
#ifndef OG_BUF_H
#define OG_BUF_H

#include <stddef.h>

typedef struct og_buf {
    char *data;
    size_t len, cap, max; /* max: hard cap on len */
} og_buf;

/* Errors returned by the appenders. */
enum { OG_BUF_OK = 0, OG_BUF_NOMEM = -1, OG_BUF_TOOBIG = -2, OG_BUF_IO = -3, OG_BUF_NOFILE = -4 };

void og_buf_init(og_buf *b, size_t max);
/* Make room for `extra` more bytes (and the NUL) without changing len: for writers that fill
 * data directly.  OG_BUF_TOOBIG if len + extra would pass max. */
int og_buf_reserve(og_buf *b, size_t extra);
int og_buf_add(og_buf *b, const void *p, size_t n);
int og_buf_addc(og_buf *b, char c);
int og_buf_adds(og_buf *b, const char *s);
int og_buf_printf(og_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Append the whole file at `path`, up to the buffer's cap.  OG_BUF_OK; OG_BUF_TOOBIG if it
 * is longer than the cap; OG_BUF_NOFILE (errno set) if it cannot be opened, OG_BUF_IO (errno
 * set) if it cannot be read; OG_BUF_NOMEM.  The one way odfgate reads a small file whole
 * (configuration, baseline, local schema references, reports to merge).  "-" is a file
 * name here like any other: a caller that means standard input says so (og_buf_read_fd). */
int og_buf_read_file(og_buf *b, const char *path);
/* The same from an open descriptor, read to its end (not closed). */
int og_buf_read_fd(og_buf *b, int fd);
void og_buf_reset(og_buf *b); /* len = 0, memory kept */
void og_buf_free(og_buf *b);  /* release memory; the buffer can be reused after init */
char *og_buf_take(og_buf *b); /* detach data (caller frees; never NULL: "" if empty) */

#endif
