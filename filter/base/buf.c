/* buf.c — capped growable buffer, see buf.h. */
#include "base/buf.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void og_buf_init(og_buf *b, size_t max)
{
    b->data = NULL;
    b->len = b->cap = 0;
    b->max = max;
}

int og_buf_reserve(og_buf *b, size_t extra)
{
    size_t need, ncap;
    char *p;
    if (extra > b->max || b->len > b->max - extra)
        return OG_BUF_TOOBIG;
    need = b->len + extra + 1;
    if (need <= b->cap)
        return OG_BUF_OK;
    ncap = b->cap ? b->cap : 64;
    while (ncap < need)
        ncap = ncap > SIZE_MAX / 2 ? need : ncap * 2;
    if (ncap > b->max + 1 && b->max < SIZE_MAX) /* never more than the cap (and its NUL) */
        ncap = need > b->max + 1 ? need : b->max + 1;
    p = realloc(b->data, ncap);
    if (!p)
        return OG_BUF_NOMEM;
    b->data = p;
    b->cap = ncap;
    return OG_BUF_OK;
}

int og_buf_add(og_buf *b, const void *p, size_t n)
{
    int rc = og_buf_reserve(b, n);
    if (rc)
        return rc;
    if (n)
        memcpy(b->data + b->len, p, n);
    b->len += n;
    b->data[b->len] = '\0';
    return OG_BUF_OK;
}

int og_buf_addc(og_buf *b, char c) { return og_buf_add(b, &c, 1); }

int og_buf_adds(og_buf *b, const char *s) { return og_buf_add(b, s, strlen(s)); }

int og_buf_printf(og_buf *b, const char *fmt, ...)
{
    va_list ap;
    int n, rc;
    va_start(ap, fmt);
    n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        return OG_BUF_NOMEM;
    if ((rc = og_buf_reserve(b, (size_t)n)) != 0)
        return rc;
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
    return OG_BUF_OK;
}

int og_buf_read_fd(og_buf *b, int fd)
{
    int rc = OG_BUF_OK, e = 0;
    struct stat st;
    /* a regular file is read into a buffer of its size (not 64 KiB for a 200-byte file) */
    size_t chunk = fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size >= 0 &&
                           (uint64_t)st.st_size < 65536
                       ? (size_t)st.st_size + 1
                       : 65536;
    for (;;) {
        size_t room = b->max - b->len;
        char one;
        ssize_t got;
        if (room > chunk)
            room = chunk;
        if (room && (rc = og_buf_reserve(b, room)) != OG_BUF_OK)
            break;
        /* when full, one more byte means the file is over the cap */
        got = read(fd, room ? b->data + b->len : &one, room ? room : 1);
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0) {
            e = errno;
            rc = OG_BUF_IO;
            break;
        }
        if (got == 0)
            break;
        if (!room) {
            rc = OG_BUF_TOOBIG;
            break;
        }
        b->len += (size_t)got;
        b->data[b->len] = '\0';
    }
    errno = e;
    return rc;
}

int og_buf_read_file(og_buf *b, const char *path)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC), rc, e;
    if (fd < 0)
        return OG_BUF_NOFILE;
    rc = og_buf_read_fd(b, fd);
    e = errno;
    close(fd);
    errno = e;
    return rc;
}

void og_buf_reset(og_buf *b)
{
    b->len = 0;
    if (b->data)
        b->data[0] = '\0';
}

void og_buf_free(og_buf *b)
{
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}

char *og_buf_take(og_buf *b)
{
    char *p = b->data;
    if (!p)
        p = calloc(1, 1);
    b->data = NULL;
    b->len = b->cap = 0;
    return p;
}
