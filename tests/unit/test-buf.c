/* test-buf.c — og_buf_read_file and og_buf_read_fd: the readers of small whole files and
 * streams (cap, missing, exact). */
#include "unit.h"

#include "base/buf.h"
#include "base/vec.h"

#include <errno.h>
#include <stdlib.h>
#include <unistd.h>

OG_TEST(buf_read_file_cap_and_errors)
{
    char path[] = "/tmp/odfgate-buf-XXXXXX";
    int fd = mkstemp(path);
    og_buf b;
    OG_CHECK(fd >= 0);
    OG_CHECK(write(fd, "0123456789", 10) == 10);
    close(fd);

    og_buf_init(&b, 10); /* exactly the size: read whole */
    OG_CHECK_INT(og_buf_read_file(&b, path), OG_BUF_OK);
    OG_CHECK_INT(b.len, 10);
    OG_CHECK_STR(b.data, "0123456789");
    og_buf_free(&b);

    og_buf_init(&b, 9); /* one byte short: refused, not cut */
    OG_CHECK_INT(og_buf_read_file(&b, path), OG_BUF_TOOBIG);
    og_buf_free(&b);

    og_buf_init(&b, 100);
    OG_CHECK(og_buf_adds(&b, "head:") == OG_BUF_OK); /* appends after what is there */
    OG_CHECK_INT(og_buf_read_file(&b, path), OG_BUF_OK);
    OG_CHECK_STR(b.data, "head:0123456789");
    og_buf_free(&b);

    remove(path);
    og_buf_init(&b, 100);
    OG_CHECK_INT(og_buf_read_file(&b, path), OG_BUF_NOFILE);
    OG_CHECK_INT(errno, ENOENT);
    OG_CHECK_INT(og_buf_read_file(&b, "/"), OG_BUF_IO); /* a directory opens but cannot be read */
    OG_CHECK_INT(errno, EISDIR);
    og_buf_free(&b);
}

/* A pipe (what merge reads as standard input): read to its end, refused past the cap. */
OG_TEST(buf_read_fd_pipe_and_cap)
{
    int p[2];
    og_buf b;
    OG_CHECK(pipe(p) == 0);
    OG_CHECK(write(p[1], "0123456789", 10) == 10);
    close(p[1]);
    og_buf_init(&b, 10);
    OG_CHECK_INT(og_buf_read_fd(&b, p[0]), OG_BUF_OK);
    OG_CHECK_STR(b.data, "0123456789");
    og_buf_free(&b);
    close(p[0]);

    OG_CHECK(pipe(p) == 0);
    OG_CHECK(write(p[1], "0123456789", 10) == 10);
    close(p[1]);
    og_buf_init(&b, 9);
    OG_CHECK_INT(og_buf_read_fd(&b, p[0]), OG_BUF_TOOBIG);
    og_buf_free(&b);
    close(p[0]);

    og_buf_init(&b, 10);
    OG_CHECK_INT(og_buf_read_fd(&b, -1), OG_BUF_IO);
    OG_CHECK_INT(errno, EBADF);
    og_buf_free(&b);
}

/* OG_VEC_PUSH reserves once: a push that fails reports the failure and appends nothing (it
 * used to reserve again after a failure, which could succeed and report success unpushed). */
OG_TEST(vec_push_reserves_once)
{
    OG_VEC(int) v = {0};
    int evaluations = 0;
    for (int i = 0; i < 3; i++)
        OG_CHECK_INT(OG_VEC_PUSH(&v, i, (evaluations++, 3)), 0);
    OG_CHECK_INT(evaluations, 3);
    OG_CHECK_INT(OG_VEC_PUSH(&v, 9, (evaluations++, 3)), -2); /* over the cap */
    OG_CHECK_INT(evaluations, 4);
    OG_CHECK_INT(v.len, 3);
    OG_CHECK_INT(v.items[2], 2);
    free(v.items);
}
