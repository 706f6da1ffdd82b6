/*
 * baseline.c — accepted findings by fingerprint (odfgate.h "Baselines", docs/config.md).
 *
 * File: the line "# odfgate baseline 1", then "FINGERPRINT RULE PATH" lines sorted by path,
 * fingerprint, rule; in PATH a backslash is written "\\" and a newline "\n".  Entries are kept
 * sorted in memory and looked up by binary search.
 *
 * Paths are compared as written, less what does not change the file: "./", "//" and "dir/.."
 * (so "./board-papers/x.odt" in the baseline matches "board-papers/x.odt" given by
 * pre-commit: it used to match nothing, silently).  New baselines record that form.  A
 * finding's fingerprint covers the path as the baseline records it, so baselines written
 * before keep matching.  Entries that match nothing in a run are counted
 * (odfgate_baseline_unmatched), so a baseline that went stale is said, not silent.
 */
#include "check/result.h"
#include "check/fingerprint.h"
#include "base/vec.h"

#include <errno.h>

#define HEADER            "# odfgate baseline 1"
#define MAX_BASELINE_SIZE (256u << 20)
#define MAX_BASELINE_LINE 65536 /* bytes of one line: a fingerprint, a rule id and a path */

typedef struct entry {
    char fp[17];
    char *rule, *path;     /* path as recorded (its fingerprint covers this) */
    char *key;             /* path without "./", "//" and "dir/.." (looked up by it) */
    unsigned char matched; /* set by odfgate_result_apply_baseline (atomically) */
} entry;

/* Lexical form of a path: "." segments and repeated slashes dropped, "dir/.." undone (a ".."
 * that has nothing to undo stays).  Allocated. */
static char *lexical(const char *path)
{
    size_t n = strlen(path), o = 0;
    char *out = malloc(n + 2);
    if (!out)
        return NULL;
    if (path[0] == '/')
        out[o++] = '/';
    size_t root = o;
    for (const char *p = path; *p;) {
        const char *seg = p;
        size_t len = strcspn(p, "/");
        p += len;
        while (*p == '/')
            p++;
        if (len == 0 || (len == 1 && seg[0] == '.'))
            continue;
        if (len == 2 && seg[0] == '.' && seg[1] == '.') {
            /* undo the last segment unless there is none, or it is ".." itself */
            size_t last = o > root ? o - 1 : root;
            while (last > root && out[last - 1] != '/')
                last--;
            if (o > root && !(o - last == 2 && out[last] == '.' && out[last + 1] == '.')) {
                o = last > root ? last - 1 : root;
                continue;
            }
        }
        if (o > root)
            out[o++] = '/';
        memcpy(out + o, seg, len);
        o += len;
    }
    if (o == 0)
        out[o++] = '.';
    out[o] = '\0';
    return out;
}

struct odfgate_baseline {
    OG_VEC(entry) v;
    int sorted;
};

odfgate_baseline *odfgate_baseline_new(void) { return calloc(1, sizeof(odfgate_baseline)); }

void odfgate_baseline_free(odfgate_baseline *b)
{
    if (!b)
        return;
    for (size_t i = 0; i < b->v.len; i++) {
        free(b->v.items[i].rule);
        free(b->v.items[i].path);
        free(b->v.items[i].key);
    }
    free(b->v.items);
    free(b);
}

static int push(odfgate_baseline *b, const char *fp, const char *rule, const char *path)
{
    entry e;
    snprintf(e.fp, sizeof(e.fp), "%s", fp);
    e.rule = og_strdup(rule);
    e.path = og_strdup(path);
    e.key = lexical(path);
    e.matched = 0;
    if (!e.rule || !e.path || !e.key || OG_VEC_PUSH(&b->v, e, SIZE_MAX / sizeof(entry)) < 0) {
        free(e.rule);
        free(e.path);
        free(e.key);
        return -1;
    }
    b->sorted = 0;
    return 0;
}

/* By key, then rule (the lookup), then fingerprint and path (a stable file). */
static int compare_lookup(const entry *x, const entry *y)
{
    int c = strcmp(x->key, y->key);
    return c ? c : strcmp(x->rule, y->rule);
}

static int compare(const void *a, const void *b)
{
    const entry *x = a, *y = b;
    int c = compare_lookup(x, y);
    if (!c)
        c = strcmp(x->fp, y->fp);
    return c ? c : strcmp(x->path, y->path);
}

static void sort(odfgate_baseline *b)
{
    if (!b->sorted && b->v.len)
        qsort(b->v.items, b->v.len, sizeof(entry), compare);
    b->sorted = 1;
}

odfgate_status odfgate_baseline_add(odfgate_baseline *b, const char *path,
                                    const odfgate_result *res, odfgate_error *err)
{
    OG_ERR_LOCAL(err);
    for (size_t i = 0; i < res->count; i++) {
        const odfgate_finding *f = &res->findings[i];
        char fp[17];
        if (f->suppressed && strncmp(f->suppressed, "waived", 6) == 0)
            continue;
        char *key = lexical(path);
        if (!key)
            return og_fail(err, ODFGATE_E_NOMEM, NULL, NULL, "out of memory");
        og_finding_fingerprint(key, f, fp);
        int rc = push(b, fp, f->rule, key);
        free(key);
        if (rc < 0)
            return og_fail(err, ODFGATE_E_NOMEM, NULL, NULL, "out of memory");
    }
    return ODFGATE_OK;
}

odfgate_status odfgate_baseline_write(odfgate_baseline *b, const char *path, odfgate_error *err)
{
    OG_ERR_LOCAL(err);
    og_buf out;
    odfgate_status st;
    og_buf_init(&out, SIZE_MAX / 2);
    sort(b);
    int rc = og_buf_adds(&out, HEADER "\n");
    for (size_t i = 0; i < b->v.len && !rc; i++) {
        const entry *e = &b->v.items[i];
        if (i && compare(e, &b->v.items[i - 1]) == 0)
            continue; /* the same finding twice (e.g. a repeated placeholder) */
        rc |= og_buf_printf(&out, "%s %s ", e->fp, e->rule);
        for (const char *p = e->path; *p && !rc; p++)
            rc |= *p == '\\'   ? og_buf_adds(&out, "\\\\")
                  : *p == '\n' ? og_buf_adds(&out, "\\n")
                               : og_buf_addc(&out, *p);
        rc |= og_buf_addc(&out, '\n');
    }
    if (rc) {
        og_buf_free(&out);
        return og_fail(err, ODFGATE_E_NOMEM, path, NULL, "out of memory");
    }
    st = odfgate_write_file(path, out.data, out.len, err);
    og_buf_free(&out);
    return st;
}

static odfgate_status bad_line(odfgate_error *err, const char *path, long line, const char *why)
{
    og_fail(err, ODFGATE_E_USAGE, path, NULL, "not an odfgate baseline: %s", why);
    og_error_set_line(err, line);
    return ODFGATE_FAILED;
}

/* Parse one "FP RULE PATH" line (NUL-terminated, no newline) into b. */
static odfgate_status parse_line(odfgate_baseline *b, char *s, const char *file, long line,
                                 odfgate_error *err)
{
    char *rule, *path, *w;
    if (strlen(s) < 18 || s[16] != ' ' || strspn(s, "0123456789abcdef") != 16)
        return bad_line(err, file, line, "expected a 16-digit fingerprint");
    s[16] = '\0';
    rule = s + 17;
    if (!(path = strchr(rule, ' ')) || !path[1])
        return bad_line(err, file, line, "expected FINGERPRINT RULE PATH");
    *path++ = '\0';
    for (w = path; *path; path++) { /* unescape in place */
        if (*path == '\\' && (path[1] == '\\' || path[1] == 'n')) {
            *w++ = path[1] == 'n' ? '\n' : '\\';
            path++;
        } else
            *w++ = *path;
    }
    *w = '\0';
    w = rule + strlen(rule) + 1;
    return push(b, s, rule, w) < 0 ? og_fail(err, ODFGATE_E_NOMEM, file, NULL, "out of memory")
                                   : ODFGATE_OK;
}

/* One line of f into line[0..cap) (NUL-terminated, without its newline): 1, 0 at the end of
 * the file, -1 for a line longer than cap (the rest is not read), -2 on a read error.  *nul is
 * set when the line holds a NUL byte; *total counts the bytes read. */
static int read_line(FILE *f, char *line, size_t cap, int *nul, uint64_t *total)
{
    size_t n = 0;
    int c;
    *nul = 0;
    while ((c = getc_unlocked(f)) != EOF && c != '\n') {
        if (n == cap)
            return -1;
        *nul |= c == 0;
        line[n++] = (char)c;
    }
    *total += n + (c == '\n');
    if (c == EOF && ferror(f))
        return -2;
    line[n] = '\0';
    return c == EOF && n == 0 ? 0 : 1;
}

/* Read line by line: memory is one line and the entries, whatever the file holds (a 100 MB
 * line used to be read whole, and more than 200 MB with it). */
odfgate_status odfgate_baseline_load(const char *path, odfgate_baseline **out, odfgate_error *err)
{
    OG_ERR_LOCAL(err);
    odfgate_baseline *b;
    odfgate_status st = ODFGATE_OK;
    uint64_t total = 0;
    long n = 0;
    int rc, nul;
    char *line;
    FILE *f;
    *out = NULL;
    if (!(f = fopen(path, "rb")))
        return og_fail(err, ODFGATE_E_IO, path, NULL, "cannot read the baseline: %s",
                       strerror(errno));
    if (!(b = odfgate_baseline_new()) || !(line = malloc(MAX_BASELINE_LINE + 1))) {
        odfgate_baseline_free(b);
        fclose(f);
        return og_fail(err, ODFGATE_E_NOMEM, path, NULL, "out of memory");
    }
    while (st == ODFGATE_OK && (rc = read_line(f, line, MAX_BASELINE_LINE, &nul, &total)) != 0) {
        n++;
        if (rc == -2)
            st = og_fail(err, ODFGATE_E_IO, path, NULL, "cannot read the baseline: %s",
                         strerror(errno));
        else if (rc == -1)
            st = bad_line(err, path, n, "longer than 65536 bytes");
        else if (total > MAX_BASELINE_SIZE)
            st = bad_line(err, path, 0, "larger than 256 MiB");
        else if (nul)
            st = bad_line(err, path, n, "NUL byte");
        else if (n == 1 && strcmp(line, HEADER) != 0)
            st = bad_line(err, path, 1, "the first line must be \"" HEADER "\"");
        else if (n > 1 && *line)
            st = parse_line(b, line, path, n, err);
    }
    if (st == ODFGATE_OK && n == 0)
        st = bad_line(err, path, 1, "empty file");
    free(line);
    fclose(f);
    if (st != ODFGATE_OK) {
        odfgate_baseline_free(b);
        return st;
    }
    sort(b);
    *out = b;
    return ODFGATE_OK;
}

size_t odfgate_result_apply_baseline(odfgate_result *res, const char *path,
                                     const odfgate_baseline *b)
{
    size_t n = 0;
    char *key;
    if (!res || !b || !b->v.len || !(key = lexical(path)))
        return 0;
    for (size_t i = 0; i < res->count; i++) {
        odfgate_finding *f = &res->findings[i];
        entry probe = {.rule = (char *)f->rule, .key = key};
        size_t lo = 0, hi = b->v.len;
        char fp[17], own[17];
        if (f->suppressed)
            continue;
        while (lo < hi) { /* the first entry of this document and rule */
            size_t mid = lo + (hi - lo) / 2;
            if (compare_lookup(&b->v.items[mid], &probe) < 0)
                lo = mid + 1;
            else
                hi = mid;
        }
        og_finding_fingerprint(key, f, own);
        for (; lo < b->v.len && compare_lookup(&b->v.items[lo], &probe) == 0; lo++) {
            entry *e = &b->v.items[lo]; /* only its matched flag changes */
            int same = strcmp(e->fp, own) == 0;
            if (!same && strcmp(e->path, key) != 0) { /* recorded as "./x.odt", say */
                og_finding_fingerprint(e->path, f, fp);
                same = strcmp(e->fp, fp) == 0;
            }
            if (same) {
                __atomic_store_n(&e->matched, 1, __ATOMIC_RELAXED);
                f->suppressed = "baseline";
                n++;
                break;
            }
        }
    }
    free(key);
    og_result_recount(res);
    return n;
}

size_t odfgate_baseline_unmatched(const odfgate_baseline *b)
{
    size_t n = 0;
    for (size_t i = 0; b && i < b->v.len; i++)
        if (!__atomic_load_n(&b->v.items[i].matched, __ATOMIC_RELAXED) &&
            (i == 0 || compare(&b->v.items[i], &b->v.items[i - 1]) != 0))
            n++;
    return n;
}

size_t odfgate_baseline_count(const odfgate_baseline *b)
{
    size_t n = 0;
    for (size_t i = 0; b && i < b->v.len; i++)
        n += i == 0 || compare(&b->v.items[i], &b->v.items[i - 1]) != 0;
    return n;
}
