/* pkgwrite.c — atomic package writing, see pkgwrite.h and docs/dependencies.md (libzip). */
#include "write/pkgwrite.h"

#include "base/atomicfile.h"
#include "base/buf.h"

#include <zip.h>

#define OG_MIMETYPE_TEXT "application/vnd.oasis.opendocument.text"

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
    return zip_set_file_compression(dst, (zip_uint64_t)idx, store ? ZIP_CM_STORE : ZIP_CM_DEFLATE,
                                    0);
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
        og_fail(err, ODFGATE_E_IO, path, NULL, "cannot assemble the package: %s",
                zip_strerror(dst));
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
        og_fail(err, ODFGATE_E_IO, path, NULL, "cannot start a package: %s",
                zip_error_strerror(&ze));
        goto out;
    }
    /* mimetype first and stored */
    const og_part_data *mt = find_part(parts, nparts, "mimetype");
    if (!mt && read_mimetype(src, &mimetype) != OG_BUF_OK)
        goto zipfail;
    if (add_buffer(dst, "mimetype", mt ? mt->data : mimetype.data, mt ? mt->len : mimetype.len, 1) <
        0)
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

int og_package_assemble(const og_part_data *parts, size_t nparts, og_buf *out, const char *path,
                        odfgate_error *err)
{
    zip_error_t ze;
    zip_source_t *mem;
    zip_t *dst;
    int rc = -1;
    zip_error_init(&ze);
    if (!(mem = zip_source_buffer_create(NULL, 0, 0, &ze))) {
        zip_error_fini(&ze);
        return og_fail(err, ODFGATE_E_NOMEM, path, NULL, "out of memory"), -1;
    }
    zip_source_keep(mem);
    if (!(dst = zip_open_from_source(mem, ZIP_TRUNCATE, &ze))) {
        og_fail(err, ODFGATE_E_IO, path, NULL, "cannot start a package: %s",
                zip_error_strerror(&ze));
        goto out;
    }
    /* parts[0] must be the mimetype: written first, stored */
    for (size_t k = 0; k < nparts; k++)
        if (add_buffer(dst, parts[k].name, parts[k].data, parts[k].len, k == 0) < 0) {
            og_fail(err, ODFGATE_E_IO, path, NULL, "cannot assemble the package: %s",
                    zip_strerror(dst));
            zip_discard(dst);
            goto out;
        }
    rc = finish(dst, mem, out, path, err);
out:
    zip_source_free(mem);
    zip_error_fini(&ze);
    return rc;
}

int og_package_create(const char *dst_path, const og_part_data *parts, size_t nparts,
                      odfgate_error *err)
{
    og_buf out;
    int rc;
    og_buf_init(&out, SIZE_MAX / 2);
    rc = og_package_assemble(parts, nparts, &out, dst_path, err);
    if (rc == 0)
        rc = og_write_file_atomic(dst_path, out.data, out.len, NULL, err);
    og_buf_free(&out);
    return rc;
}
