/* cache.c — the HTTP cache directory, see cache.h. */
#include "fetch/cache.h"

#include "base/sha256.h"
#include "base/atomicfile.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#define OG_CACHE_MAGIC "odfgate-cache/1"

void og_cache_meta_release(og_cache_meta *m)
{
    free(m->url);
    free(m->etag);
    free(m->last_modified);
    free(m->detail);
    memset(m, 0, sizeof(*m));
}

void og_cache_key(const char *kind, const char *url, char hex[65])
{
    og_buf b;
    og_buf_init(&b, SIZE_MAX / 2);
    if ((strcmp(kind, "link") == 0 && og_buf_adds(&b, "link:")) || og_buf_adds(&b, url)) {
        og_sha256_hex(url, strlen(url), hex); /* out of memory: never matches a link entry */
        og_buf_free(&b);
        return;
    }
    og_sha256_hex(b.data, b.len, hex);
    og_buf_free(&b);
}

static int set_str(char **dst, const char *v, size_t n)
{
    free(*dst);
    *dst = og_strndup(v, n);
    return *dst ? 0 : -1;
}

static int copy_word(char *dst, size_t cap, const char *v, size_t n)
{
    if (n == 0 || n >= cap)
        return -1;
    memcpy(dst, v, n);
    dst[n] = '\0';
    return 0;
}

static int parse_int(const char *v, size_t n, int64_t *out)
{
    int64_t r = 0;
    if (n == 0 || n > 18)
        return -1;
    for (size_t i = 0; i < n; i++) {
        if (v[i] < '0' || v[i] > '9')
            return -1;
        r = r * 10 + (v[i] - '0');
    }
    *out = r;
    return 0;
}

/* The meta field called name[0..n) that holds a heap string, or NULL. */
static char **meta_str_field(og_cache_meta *m, const char *name, size_t n)
{
    static const struct {
        const char *name;
        size_t off;
    } fields[] = {{"url", offsetof(og_cache_meta, url)},
                  {"etag", offsetof(og_cache_meta, etag)},
                  {"last-modified", offsetof(og_cache_meta, last_modified)},
                  {"detail", offsetof(og_cache_meta, detail)}};
    for (size_t i = 0; i < OG_ARRAY_LEN(fields); i++)
        if (strlen(fields[i].name) == n && memcmp(fields[i].name, name, n) == 0)
            return (char **)((char *)m + fields[i].off);
    return NULL;
}

/* The meta field called name[0..n) that is a fixed array (kind, verdict, sha256), or NULL. */
static char *meta_word_field(og_cache_meta *m, const char *name, size_t n)
{
    if (n == 4 && memcmp(name, "kind", 4) == 0)
        return m->kind;
    if (n == 7 && memcmp(name, "verdict", 7) == 0)
        return m->verdict;
    if (n == 6 && memcmp(name, "sha256", 6) == 0)
        return m->sha256;
    return NULL;
}

int og_cache_meta_parse(const char *text, size_t len, og_cache_meta *m)
{
    const char *p = text, *end = text + len;
    size_t magic = strlen(OG_CACHE_MAGIC);
    int64_t num;
    if (len < magic + 1 || memcmp(text, OG_CACHE_MAGIC "\n", magic + 1) != 0)
        return -1;
    p += magic + 1;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p)), *sp;
        size_t n, kn, vn;
        if (!nl)
            return -1; /* every line ends with a newline: a cut file is refused */
        n = (size_t)(nl - p);
        sp = memchr(p, ' ', n);
        if (!sp)
            return -1;
        kn = (size_t)(sp - p);
        vn = n - kn - 1;
        const char *v = sp + 1;
#define KEY(s) (kn == sizeof(s) - 1 && memcmp(p, s, kn) == 0)
        for (size_t i = 0; i < vn; i++) /* never written (og_cache_meta_format): not ours */
            if ((unsigned char)v[i] < 0x20 || v[i] == 0x7f)
                return -1;
        char **str = meta_str_field(m, p, kn);
        char *word = meta_word_field(m, p, kn);
        if (str) {
            if (set_str(str, v, vn) < 0)
                return -1;
        } else if (word) {
            size_t cap = KEY("sha256") ? 65 : 16;
            if ((KEY("sha256") && vn != 64) || copy_word(word, cap, v, vn) < 0)
                return -1;
        } else if (KEY("status") || KEY("fetched") || KEY("checked") || KEY("size")) {
            if (parse_int(v, vn, &num) < 0)
                return -1;
            if (KEY("status"))
                m->status = (long)num;
            else if (KEY("fetched"))
                m->fetched = num;
            else if (KEY("checked"))
                m->checked = num;
            else
                m->size = (uint64_t)num;
        } /* unknown names: written by a newer odfgate, ignored */
#undef KEY
        p = nl + 1;
    }
    if (!m->url || !m->url[0] || !m->kind[0] || /* an entry always has its URL */
        (strcmp(m->kind, "resource") != 0 && strcmp(m->kind, "link") != 0))
        return -1;
    if (strcmp(m->kind, "resource") == 0 && !m->sha256[0])
        return -1;
    return 0;
}

static int add_line(og_buf *b, const char *name, const char *value)
{
    if (!value || !*value)
        return OG_BUF_OK;
    int rc = og_buf_adds(b, name) || og_buf_addc(b, ' ');
    for (const char *s = value; !rc && *s; s++)
        rc = og_buf_addc(b, (unsigned char)*s < 0x20 || *s == 0x7f ? '?' : *s);
    return rc ? rc : og_buf_addc(b, '\n');
}

int og_cache_meta_format(const og_cache_meta *m, og_buf *out)
{
    int rc = og_buf_adds(out, OG_CACHE_MAGIC "\n");
    rc = rc ? rc : add_line(out, "kind", m->kind);
    rc = rc ? rc : add_line(out, "url", m->url);
    rc = rc ? rc
            : og_buf_printf(out, "status %ld\nfetched %lld\nchecked %lld\nsize %llu\n", m->status,
                            (long long)m->fetched, (long long)m->checked,
                            (unsigned long long)m->size);
    rc = rc ? rc : add_line(out, "etag", m->etag);
    rc = rc ? rc : add_line(out, "last-modified", m->last_modified);
    rc = rc ? rc : add_line(out, "sha256", m->sha256);
    rc = rc ? rc : add_line(out, "verdict", m->verdict);
    rc = rc ? rc : add_line(out, "detail", m->detail);
    return rc;
}

static char *entry_path(const char *dir, const char *key, const char *ext)
{
    size_t n = strlen(dir) + strlen(key) + strlen(ext) + 3;
    char *p = malloc(n);
    if (p)
        snprintf(p, n, "%s/%s.%s", dir, key, ext);
    return p;
}

/* Read a cache file whole into b (reset first; b's cap bounds it); no symbolic links. */
static int read_file(const char *path, og_buf *b)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW), rc;
    if (fd < 0)
        return -1;
    og_buf_reset(b);
    rc = og_buf_read_fd(b, fd);
    close(fd);
    return rc == OG_BUF_OK ? 0 : -1;
}

int og_cache_load(const char *dir, const char *kind, const char *url, og_cache_meta *m,
                  og_buf *body)
{
    char key[65], hex[65];
    char *mpath, *bpath = NULL;
    og_buf text;
    int hit = 0;
    og_cache_key(kind, url, key);
    if (!(mpath = entry_path(dir, key, "meta")) ||
        (body && !(bpath = entry_path(dir, key, "body")))) {
        free(mpath);
        return -1;
    }
    og_buf_init(&text, OG_CACHE_MAX_META);
    if (read_file(mpath, &text) == 0 &&
        og_cache_meta_parse(text.data ? text.data : "", text.len, m) == 0 &&
        strcmp(m->url, url) == 0 && strcmp(m->kind, kind) == 0) {
        hit = 1;
        if (body) {
            hit = 0;
            if (read_file(bpath, body) == 0 && body->len == m->size) {
                og_sha256_hex(body->data ? body->data : "", body->len, hex);
                hit = strcmp(hex, m->sha256) == 0;
            }
        }
    }
    if (!hit)
        og_cache_meta_release(m);
    og_buf_free(&text);
    free(mpath);
    free(bpath);
    return hit;
}

static int make_dirs(const char *dir, odfgate_error *err)
{
    char *p = og_strdup(dir);
    if (!p)
        return og_fail(err, ODFGATE_E_NOMEM, dir, NULL, "out of memory"), -1;
    for (char *s = p + 1;; s++) {
        if (*s == '/' || *s == '\0') {
            char c = *s;
            *s = '\0';
            if (mkdir(p, 0700) < 0 && errno != EEXIST) {
                int e = errno;
                free(p);
                return og_fail(err, ODFGATE_E_IO, dir, NULL,
                               "cannot create the cache directory: %s", strerror(e)),
                       -1;
            }
            *s = c;
            if (!c)
                break;
        }
    }
    free(p);
    return 0;
}

/* Temporary file beside path, written, renamed over it; no fsync (see og_cache_store). */
static int write_quick(const char *path, const char *data, size_t len, odfgate_error *err)
{
    size_t n = strlen(path) + 16;
    char *tmp = malloc(n);
    int fd, e = 0;
    if (!tmp)
        return og_fail(err, ODFGATE_E_NOMEM, path, NULL, "out of memory"), -1;
    snprintf(tmp, n, "%s.tmp-XXXXXX", path);
    if ((fd = mkstemp(tmp)) < 0) {
        e = errno;
        free(tmp);
        return og_fail(err, ODFGATE_E_IO, path, NULL, "cannot write the cache: %s", strerror(e)),
               -1;
    }
    for (size_t done = 0; done < len && !e;) {
        ssize_t w = write(fd, data + done, len - done);
        if (w < 0 && errno != EINTR)
            e = errno;
        else if (w > 0)
            done += (size_t)w;
    }
    if (close(fd) < 0 && !e)
        e = errno;
    if (!e && rename(tmp, path) < 0)
        e = errno;
    if (e)
        unlink(tmp);
    free(tmp);
    return e ? (og_fail(err, ODFGATE_E_IO, path, NULL, "cannot write the cache: %s", strerror(e)),
                -1)
             : 0;
}

int og_cache_store(const char *dir, const og_cache_meta *m, const char *body, size_t len,
                   int durable, odfgate_error *err)
{
    char key[65];
    char *mpath = NULL, *bpath = NULL;
    og_buf text;
    int lock = -1, rc = -1;
    og_cache_key(m->kind, m->url, key);
    og_buf_init(&text, OG_CACHE_MAX_META);
    if (make_dirs(dir, err) < 0)
        return -1;
    if (!(mpath = entry_path(dir, key, "meta")) || !(bpath = entry_path(dir, key, "body")) ||
        og_cache_meta_format(m, &text) != OG_BUF_OK) {
        og_fail(err, ODFGATE_E_NOMEM, dir, NULL, "out of memory");
        goto out;
    }
    if ((lock = og_lock_dir_of(mpath, err)) < 0)
        goto out;
    /* body first: a reader that meets the new meta with the old body sees a digest mismatch,
     * a miss, never wrong bytes */
    if (body && og_write_file_atomic(bpath, body, len, NULL, err) < 0)
        goto out;
    if ((durable ? og_write_file_atomic(mpath, text.data, text.len, NULL, err)
                 : write_quick(mpath, text.data, text.len, err)) < 0)
        goto out;
    rc = 0;
out:
    og_unlock(lock);
    og_buf_free(&text);
    free(mpath);
    free(bpath);
    return rc;
}

static int hex64(const char *s)
{
    for (size_t i = 0; i < 64; i++)
        if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f')))
            return 0;
    return 1;
}

/* 64 lowercase hex digits + "." + ext */
static int entry_name(const char *name, const char *ext)
{
    return strlen(name) > 65 && hex64(name) && name[64] == '.' && strcmp(name + 65, ext) == 0;
}

/* our temporary files: ".<entry>.odfgate-XXXXXX" (og_write_file_atomic) and
 * "<entry>.tmp-XXXXXX" (write_quick) */
static int tmp_name(const char *name)
{
    if (strlen(name) > 75 && hex64(name) && strncmp(name + 64, ".meta.tmp-", 10) == 0)
        return 1;
    return name[0] == '.' && strlen(name) > 80 && hex64(name + 1) &&
           (strncmp(name + 65, ".meta.odfgate-", 14) == 0 ||
            strncmp(name + 65, ".body.odfgate-", 14) == 0);
}

/* opendir; NULL with *rc = 0 when the directory does not exist (an empty cache), or -1 with
 * err filled. */
static DIR *open_dir(const char *dir, int *rc, odfgate_error *err)
{
    DIR *d = opendir(dir);
    *rc = 0;
    if (!d && errno != ENOENT) {
        og_fail(err, ODFGATE_E_IO, dir, NULL, "cannot read the cache directory: %s",
                strerror(errno));
        *rc = -1;
    }
    return d;
}

int og_cache_each(const char *dir, int (*fn)(const og_cache_meta *m, void *ctx), void *ctx,
                  odfgate_error *err)
{
    struct dirent *e;
    og_buf text, path;
    int rc = 0;
    DIR *d = open_dir(dir, &rc, err);
    if (!d)
        return rc;
    og_buf_init(&text, OG_CACHE_MAX_META);
    og_buf_init(&path, 8192);
    while (rc == 0 && (e = readdir(d)) != NULL) {
        og_cache_meta m;
        if (!entry_name(e->d_name, "meta"))
            continue;
        og_buf_reset(&path);
        memset(&m, 0, sizeof(m));
        if (og_buf_printf(&path, "%s/%s", dir, e->d_name) == OG_BUF_OK &&
            read_file(path.data, &text) == 0 &&
            og_cache_meta_parse(text.data ? text.data : "", text.len, &m) == 0)
            rc = fn(&m, ctx) ? 1 : 0;
        og_cache_meta_release(&m);
    }
    closedir(d);
    og_buf_free(&text);
    og_buf_free(&path);
    return 0;
}

int og_cache_clear_dir(const char *dir, size_t *removed, odfgate_error *err)
{
    struct dirent *e;
    og_buf path;
    size_t n = 0;
    int rc = 0, lock;
    DIR *d;
    if (removed)
        *removed = 0;
    if (!(d = open_dir(dir, &rc, err)))
        return rc;
    og_buf_init(&path, 8192);
    if (og_buf_printf(&path, "%s/x", dir) != OG_BUF_OK ||
        (lock = og_lock_dir_of(path.data, err)) < 0) {
        closedir(d);
        og_buf_free(&path);
        return -1;
    }
    while ((e = readdir(d)) != NULL) {
        int is_meta = entry_name(e->d_name, "meta");
        if (!is_meta && !entry_name(e->d_name, "body") && !tmp_name(e->d_name))
            continue;
        og_buf_reset(&path);
        if (og_buf_printf(&path, "%s/%s", dir, e->d_name) != OG_BUF_OK) {
            og_fail(err, ODFGATE_E_NOMEM, dir, NULL, "out of memory");
            rc = -1;
            break;
        }
        if (unlink(path.data) < 0 && errno != ENOENT) {
            og_fail(err, ODFGATE_E_IO, path.data, NULL, "cannot remove: %s", strerror(errno));
            rc = -1;
            break;
        }
        n += is_meta;
    }
    og_unlock(lock);
    closedir(d);
    og_buf_free(&path);
    if (removed)
        *removed = n;
    return rc;
}
