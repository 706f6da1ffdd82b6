/* pkgwrite.c — atomic package writing, see pkgwrite.h and ../shared/SAFE-USE.md (libzip). */
#include "write/pkgwrite.h"

#include "base/buf.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/file.h>
#include <libgen.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zip.h>

#define OG_MIMETYPE_TEXT "application/vnd.oasis.opendocument.text"

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
                           "a symbolic link to nothing (%s): not replaced", strerror(errno)), -1;
        if (stat(*out, &st) == 0 && !S_ISREG(st.st_mode)) {
            free(*out);
            *out = NULL;
            return og_fail(err, ODFGATE_E_IO, path, NULL,
                           "links to something that is not a regular file: not written"), -1;
        }
    } else if (!S_ISREG(st.st_mode)) {
        return og_fail(err, ODFGATE_E_IO, path, NULL,
                       "is not a regular file (a device, FIFO or folder): not replaced"), -1;
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

const og_file_id *og_in_place_expect(const char *in_path, const char *out_path, const og_file_id *source)
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
                       "nothing written; run again on the new version"), -1;
    }
    if (rename(tmp, dst_path) < 0)
        goto fail;
    rc = fsync_dir(dst_path) < 0 ? io_fail(err, path, "written, but the directory could not be synced", errno) : 0;
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

static const og_part_data *find_part(const og_part_data *parts, size_t n, const char *name)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(parts[i].name, name) == 0)
            return &parts[i];
    return NULL;
}

static int dropped(const char *const *drop, const char *name)
{
    for (; drop && *drop; drop++)
        if (strcmp(*drop, name) == 0)
            return 1;
    return 0;
}

static int add_buffer(zip_t *dst, const char *name, const char *data, size_t len, int store)
{
    zip_source_t *s = zip_source_buffer(dst, data, len, 0);
    zip_int64_t idx;
    if (!s)
        return -1;
    if ((idx = zip_file_add(dst, name, s, ZIP_FL_OVERWRITE | ZIP_FL_ENC_UTF_8)) < 0) {
        zip_source_free(s);
        return -1;
    }
    return zip_set_file_compression(dst, (zip_uint64_t)idx, store ? ZIP_CM_STORE : ZIP_CM_DEFLATE, 0);
}

/* Read the mimetype part of src (small), or the text default. */
static int read_mimetype(zip_t *src, og_buf *out)
{
    zip_stat_t st;
    zip_file_t *f;
    char tmp[256];
    zip_int64_t n;
    if (zip_stat(src, "mimetype", 0, &st) < 0 || !(st.valid & ZIP_STAT_SIZE) || st.size == 0 ||
        st.size >= sizeof(tmp) || !(f = zip_fopen(src, "mimetype", 0)))
        return og_buf_adds(out, OG_MIMETYPE_TEXT);
    n = zip_fread(f, tmp, sizeof(tmp) - 1);
    zip_fclose(f);
    if (n <= 0)
        return og_buf_adds(out, OG_MIMETYPE_TEXT);
    return og_buf_add(out, tmp, (size_t)n);
}

/* Close dst (writing the archive into the buffer source mem) and copy the bytes into out. */
static int finish(zip_t *dst, zip_source_t *mem, og_buf *out, const char *path, odfgate_error *err)
{
    zip_stat_t st;
    if (zip_close(dst) < 0) {
        og_fail(err, ODFGATE_E_IO, path, NULL, "cannot assemble the package: %s", zip_strerror(dst));
        zip_discard(dst);
        return -1;
    }
    if (zip_source_stat(mem, &st) < 0 || zip_source_open(mem) < 0) {
        og_fail(err, ODFGATE_E_IO, path, NULL, "cannot read the assembled package");
        return -1;
    }
    for (;;) {
        char chunk[65536];
        zip_int64_t got = zip_source_read(mem, chunk, sizeof(chunk));
        if (got == 0)
            break;
        if (got < 0 || og_buf_add(out, chunk, (size_t)got) != OG_BUF_OK) {
            og_fail(err, got < 0 ? ODFGATE_E_IO : ODFGATE_E_NOMEM, path, NULL,
                    "cannot read the assembled package");
            zip_source_close(mem);
            return -1;
        }
    }
    zip_source_close(mem);
    return 0;
}

/* Build the new package in memory (libzip writes it into a buffer source). */
static int build(zip_t *src, const og_part_data *parts, size_t nparts, const char *const *drop,
                 og_buf *out, const char *path, odfgate_error *err)
{
    zip_error_t ze;
    zip_source_t *mem;
    zip_t *dst;
    og_buf mimetype;
    zip_int64_t n = zip_get_num_entries(src, 0);
    int rc = -1;

    zip_error_init(&ze);
    og_buf_init(&mimetype, 255);
    if (!(mem = zip_source_buffer_create(NULL, 0, 0, &ze))) {
        zip_error_fini(&ze);
        return og_fail(err, ODFGATE_E_NOMEM, path, NULL, "out of memory"), -1;
    }
    zip_source_keep(mem);
    if (!(dst = zip_open_from_source(mem, ZIP_TRUNCATE, &ze))) {
        og_fail(err, ODFGATE_E_IO, path, NULL, "cannot start a package: %s", zip_error_strerror(&ze));
        goto out;
    }
    /* mimetype first and stored */
    const og_part_data *mt = find_part(parts, nparts, "mimetype");
    if (!mt && read_mimetype(src, &mimetype) != OG_BUF_OK)
        goto zipfail;
    if (add_buffer(dst, "mimetype", mt ? mt->data : mimetype.data, mt ? mt->len : mimetype.len, 1) < 0)
        goto zipfail;
    for (zip_int64_t i = 0; i < n; i++) {
        const char *name = zip_get_name(src, (zip_uint64_t)i, ZIP_FL_ENC_RAW);
        const og_part_data *rep;
        if (!name || strcmp(name, "mimetype") == 0 || dropped(drop, name))
            continue;
        if ((rep = find_part(parts, nparts, name)) != NULL) {
            if (add_buffer(dst, name, rep->data, rep->len, 0) < 0)
                goto zipfail;
            continue;
        }
        /* untouched parts: compressed bytes copied as they are, with the same method (a
         * stored part, a PNG thumbnail say, must stay stored: by default libzip would
         * deflate it) */
        zip_stat_t st;
        zip_int64_t idx;
        zip_source_t *s = zip_source_zip(dst, src, (zip_uint64_t)i, 0, 0, -1);
        if (!s || zip_stat_index(src, (zip_uint64_t)i, 0, &st) < 0)
            goto zipfail;
        if ((idx = zip_file_add(dst, name, s, ZIP_FL_ENC_RAW)) < 0) {
            zip_source_free(s);
            goto zipfail;
        }
        if ((st.valid & ZIP_STAT_COMP_METHOD) &&
            zip_set_file_compression(dst, (zip_uint64_t)idx, st.comp_method, 0) < 0)
            goto zipfail;
    }
    for (size_t k = 0; k < nparts; k++) /* parts new to the package */
        if (strcmp(parts[k].name, "mimetype") != 0 && zip_name_locate(src, parts[k].name, 0) < 0 &&
            add_buffer(dst, parts[k].name, parts[k].data, parts[k].len, 0) < 0)
            goto zipfail;
    if (finish(dst, mem, out, path, err) < 0)
        goto out;
    rc = 0;
    goto out;
zipfail:
    og_fail(err, ODFGATE_E_IO, path, NULL, "cannot assemble the package: %s", zip_strerror(dst));
    zip_discard(dst);
out:
    zip_source_free(mem);
    zip_error_fini(&ze);
    og_buf_free(&mimetype);
    return rc;
}

int og_package_write(const char *src_path, const char *dst_path, const og_part_data *parts,
                     size_t nparts, const char *const *drop, const og_file_id *expect,
                     odfgate_error *err)
{
    int zerr, rc;
    zip_t *src = zip_open(src_path, ZIP_RDONLY | ZIP_CHECKCONS, &zerr);
    og_buf out;
    if (!src) {
        zip_error_t ze;
        zip_error_init_with_code(&ze, zerr);
        og_fail(err, ODFGATE_E_IO, src_path, NULL, "cannot open the package: %s",
                zip_error_strerror(&ze));
        zip_error_fini(&ze);
        return -1;
    }
    og_buf_init(&out, SIZE_MAX / 2);
    rc = build(src, parts, nparts, drop, &out, dst_path, err);
    zip_discard(src);
    if (rc == 0)
        rc = og_write_file_atomic(dst_path, out.data, out.len, expect, err);
    og_buf_free(&out);
    return rc;
}

int og_package_create(const char *dst_path, const og_part_data *parts, size_t nparts,
                      odfgate_error *err)
{
    zip_error_t ze;
    zip_source_t *mem;
    zip_t *dst;
    og_buf out;
    int rc = -1;
    zip_error_init(&ze);
    og_buf_init(&out, SIZE_MAX / 2);
    if (!(mem = zip_source_buffer_create(NULL, 0, 0, &ze))) {
        zip_error_fini(&ze);
        return og_fail(err, ODFGATE_E_NOMEM, dst_path, NULL, "out of memory"), -1;
    }
    zip_source_keep(mem);
    if (!(dst = zip_open_from_source(mem, ZIP_TRUNCATE, &ze))) {
        og_fail(err, ODFGATE_E_IO, dst_path, NULL, "cannot start a package: %s", zip_error_strerror(&ze));
        goto out;
    }
    /* parts[0] must be the mimetype: written first, stored */
    for (size_t k = 0; k < nparts; k++)
        if (add_buffer(dst, parts[k].name, parts[k].data, parts[k].len, k == 0) < 0) {
            og_fail(err, ODFGATE_E_IO, dst_path, NULL, "cannot assemble the package: %s", zip_strerror(dst));
            zip_discard(dst);
            goto out;
        }
    if (finish(dst, mem, &out, dst_path, err) == 0)
        rc = og_write_file_atomic(dst_path, out.data, out.len, NULL, err);
out:
    zip_source_free(mem);
    zip_error_fini(&ze);
    og_buf_free(&out);
    return rc;
}

odfgate_status odfgate_write_file(const char *path, const void *data, size_t len, odfgate_error *err)
{
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
