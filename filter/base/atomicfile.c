/*
 * atomicfile.c — replace a file atomically, and the file-identity helpers around it
 * (base/atomicfile.h).  Owns nothing beyond each call: every path and descriptor it opens is
 * closed before it returns.
 */
#include "base/atomicfile.h"

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

static int io_fail(odfgate_error *err, const char *path, const char *what, int e)
{
    og_fail(err, ODFGATE_E_IO, path, NULL, "%s: %s", what, strerror(e));
    return -1;
}

static char *dir_of(const char *path)
{
    char *copy = og_strdup(path), *d;
    if (!copy)
        return NULL;
    d = og_strdup(dirname(copy));
    free(copy);
    return d;
}

static int fsync_dir(const char *path)
{
    char *dir = dir_of(path);
    int fd, rc = 0;
    if (!dir)
        return -1;
    fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    free(dir);
    if (fd < 0)
        return -1;
    if (fsync(fd) < 0 && errno != EINVAL)
        rc = -1;
    close(fd);
    return rc;
}

/* Where a write to `path` goes: the path itself, or, for a symbolic link, the file it points
 * to (a link is written through, never replaced by a regular file that would leave its target
 * stale).  Refused: a dangling link, and anything that exists and is not a regular file (a
 * device or a FIFO would be replaced by a file, as root, or never finish).  *out is
 * allocated; 0 or -1 with err filled. */
static int write_target(const char *path, char **out, odfgate_error *err)
{
    struct stat st;
    *out = NULL;
    if (lstat(path, &st) != 0) {
        if (errno != ENOENT)
            return io_fail(err, path, "cannot write", errno);
        *out = og_strdup(path);
    } else if (S_ISLNK(st.st_mode)) {
        if (!(*out = realpath(path, NULL)))
            return og_fail(err, ODFGATE_E_IO, path, NULL,
                           "a symbolic link to nothing (%s): not replaced", strerror(errno)),
                   -1;
        if (stat(*out, &st) == 0 && !S_ISREG(st.st_mode)) {
            free(*out);
            *out = NULL;
            return og_fail(err, ODFGATE_E_IO, path, NULL,
                           "links to something that is not a regular file: not written"),
                   -1;
        }
    } else if (!S_ISREG(st.st_mode)) {
        return og_fail(err, ODFGATE_E_IO, path, NULL,
                       "is not a regular file (a device, FIFO or folder): not replaced"),
               -1;
    } else {
        *out = og_strdup(path);
    }
    return *out ? 0 : (og_fail(err, ODFGATE_E_NOMEM, path, NULL, "out of memory"), -1);
}

int og_same_file(const char *a, const char *b)
{
    char *ra = realpath(a, NULL), *rb = realpath(b, NULL);
    int same = ra && rb ? strcmp(ra, rb) == 0 : strcmp(a, b) == 0;
    free(ra);
    free(rb);
    return same;
}

const og_file_id *og_in_place_expect(const char *in_path, const char *out_path,
                                     const og_file_id *source)
{
    return source && source->known && og_same_file(in_path, out_path) ? source : NULL;
}

int og_write_file_atomic(const char *path, const char *data, size_t len, const og_file_id *expect,
                         odfgate_error *err)
{
    char *dst_path = NULL, *dir, tmp[4096];
    struct stat st;
    mode_t mode;
    int fd, e, rc;

    if (write_target(path, &dst_path, err) < 0)
        return -1;
    dir = dir_of(dst_path);
    /* the temporary file's name is short whatever the target's (a 249-byte name is legal, and
     * ".name.odfgate-XXXXXX" beside it was not): it lives in the target's folder so that the
     * rename is atomic */
    if (!dir || (size_t)snprintf(tmp, sizeof(tmp), "%s/.odfgate-XXXXXX", dir) >= sizeof(tmp)) {
        rc = dir ? (og_fail(err, ODFGATE_E_IO, path, NULL, "path too long"), -1)
                 : (og_fail(err, ODFGATE_E_NOMEM, path, NULL, "out of memory"), -1);
        free(dir);
        free(dst_path);
        return rc;
    }
    free(dir);
    fd = mkstemp(tmp);
    if (fd < 0) {
        rc = io_fail(err, path, "cannot create a temporary file beside it", errno);
        free(dst_path);
        return rc;
    }
    /* keep the permissions of the file we replace; a new file gets 0666 & ~umask */
    if (stat(dst_path, &st) == 0)
        mode = st.st_mode & 07777;
    else {
        mode_t mask = umask(022);
        umask(mask);
        mode = 0666 & ~mask;
    }
    if (fchmod(fd, mode) < 0)
        goto fail;
    for (size_t done = 0; done < len;) {
        ssize_t n = write(fd, data + done, len - done);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            goto fail;
        }
        done += (size_t)n;
    }
    if (fsync(fd) < 0)
        goto fail;
    if (close(fd) < 0) {
        fd = -1;
        goto fail;
    }
    fd = -1;
    if (expect && expect->known && (stat(dst_path, &st) != 0 || !og_file_id_same(expect, &st))) {
        unlink(tmp);
        free(dst_path);
        return og_fail(err, ODFGATE_E_IO, path, NULL,
                       "changed since it was read (saved by another program?): not replaced, "
                       "nothing written; run again on the new version"),
               -1;
    }
    if (rename(tmp, dst_path) < 0)
        goto fail;
    rc = fsync_dir(dst_path) < 0
             ? io_fail(err, path, "written, but the directory could not be synced", errno)
             : 0;
    free(dst_path);
    return rc;
fail:
    e = errno;
    if (fd >= 0)
        close(fd);
    unlink(tmp);
    free(dst_path);
    return io_fail(err, path, "cannot write", e);
}

odfgate_status odfgate_write_file(const char *path, const void *data, size_t len,
                                  odfgate_error *err)
{
    OG_ERR_LOCAL(err);
    if (!path || (!data && len))
        return og_fail(err, ODFGATE_E_USAGE, path, NULL, "missing argument");
    return og_write_file_atomic(path, data, len, NULL, err) == 0 ? ODFGATE_OK : ODFGATE_FAILED;
}

int og_lock_dir_of(const char *path, odfgate_error *err)
{
    char *dir = dir_of(path);
    int fd;
    if (!dir)
        return og_fail(err, ODFGATE_E_NOMEM, path, NULL, "out of memory"), -1;
    fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    free(dir);
    if (fd < 0)
        return io_fail(err, path, "cannot open its directory", errno);
    while (flock(fd, LOCK_EX) < 0) {
        if (errno != EINTR) {
            int e = errno;
            close(fd);
            return io_fail(err, path, "cannot lock its directory", e);
        }
    }
    return fd;
}

void og_unlock(int fd)
{
    if (fd >= 0)
        close(fd); /* closing the descriptor releases the lock */
}
