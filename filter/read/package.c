/* package.c — open and verify a package, read parts as capped streams (see package.h and
 * docs/dependencies.md, libzip section).  Also holds the default limits (docs/limits.md).
 *
 * Inputs: a path is opened once and used through that one descriptor: a regular file of up to
 * OG_SLURP_MAX is read in one read and opened from memory (`slurp`); a larger zip is read by
 * libzip from the descriptor, a larger flat file with pread; standard input and other
 * non-seekable files (FIFOs) are read into memory, capped at max_file_size. */
#include "read/package.h"

#include "read/inflate.h"
#include "text/text.h"
#include "read/xml.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>
#include <zip.h>

#define MiB            (1024ull * 1024ull)
#define OG_MIME_PREFIX "application/vnd.oasis.opendocument."
#define OG_MIME_TEXT   OG_MIME_PREFIX "text"
#define RATIO_FLOOR    MiB        /* parts larger than this have their inflation ratio checked */
#define MIMETYPE_MAX   255        /* longer content of the mimetype entry is not a media type */
#define HEAD_LEN       512        /* bytes looked at to decide zip / flat / neither */
#define RESERVE_MAX    (16 * MiB) /* memory reserved for a part before its bytes arrive */

void odfgate_limits_init(odfgate_limits *lim)
{
    lim->max_file_size = 256 * MiB;
    lim->max_entries = 10000;
    lim->max_part_size = 256 * MiB;
    lim->max_total_size = 1024 * MiB;
    lim->max_ratio = 200;
    lim->max_depth = 256;
    lim->max_text = 64 * MiB;
}

/* How long a FIFO named as an input may take to get a writer (or data). */
#define OG_FIFO_WAIT_MS 10000
/* A regular file up to this size is read in one go and opened from memory: open, fstat, one
 * read, close, where libzip reading the file itself made ~60 system calls per document (a
 * seek and a read per entry, a pread per check).  Larger ones are streamed, so memory stays
 * bounded by this per document being read. */
#define OG_SLURP_MAX (2u << 20)

struct og_package {
    char *path;
    og_package_kind kind;
    odfgate_limits lim;
    char *mem; /* bytes owned (odfgate_doc_open_memory, or a slurped file), or NULL */
    size_t mem_len;
    int fd;             /* a regular file opened by path, or the temporary file that standard
                           input or a FIFO was spooled to (flat, or zip before libzip takes it) */
    uint64_t file_size; /* its size when opened: nothing past it is read */
    zip_t *zip;
    char mimetype[256];
    char *notes[12];
    size_t note_count;
    uint64_t total_read; /* inflated bytes read so far (max_total_size) */
    og_file_id id;       /* the file's state when opened (a regular file by path) */
};

/* PART_WHOLE: a zip entry of at most OG_INFLATE_WHOLE_MAX bytes, inflated and verified in one
 * call at the first read (inflate.h), then handed out from memory: no byte reaches the parser
 * before the whole part is known good.  PART_ZIP: a larger entry, streamed through libzip. */
typedef enum part_kind { PART_ZIP, PART_WHOLE, PART_MEM, PART_FD } part_kind;

struct og_part {
    og_package *pkg;
    part_kind kind;
    char name[256]; /* part name for messages; "" for a flat document */
    zip_file_t *zf;
    zip_uint64_t index; /* PART_WHOLE: the entry, its compressed size, method and CRC-32 */
    uint64_t comp_size;
    int deflated;
    uint32_t crc;
    unsigned char *whole; /* PART_WHOLE: the inflated bytes once read */
    uint64_t size;        /* declared inflated size (zip), or the whole flat document */
    uint64_t got;         /* bytes handed out */
    int ended;            /* zip: the end was verified (no byte past the declared size) */
    int failed;
    odfgate_errcode code;
    char msg[600]; /* name (255) + ": " + a message of up to 300 */
};

/* ------------------------------------------------------------------ helpers */

static void note(og_package *pkg, const char *fmt, ...) OG_PRINTF(2, 3);
static void note(og_package *pkg, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    if (pkg->note_count >= OG_ARRAY_LEN(pkg->notes))
        return;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    if ((pkg->notes[pkg->note_count] = og_strdup(msg)))
        pkg->note_count++;
}

/* og_fail with the package's path. */
static odfgate_status fail(og_package *pkg, odfgate_error *err, odfgate_errcode code,
                           const char *part, const char *fmt, ...) OG_PRINTF(5, 6);
static odfgate_status fail(og_package *pkg, odfgate_error *err, odfgate_errcode code,
                           const char *part, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    return og_fail(err, code, pkg->path, part, "%s", msg);
}

static odfgate_status nomem(og_package *pkg, odfgate_error *err)
{
    return fail(pkg, err, ODFGATE_E_NOMEM, NULL, "out of memory");
}

/* Untrusted bytes for a message: printable ASCII kept, anything else '?', at most n-1 bytes. */
static void printable(char *dst, size_t n, const char *src)
{
    size_t i = 0;
    for (; src[i] && i + 1 < n; i++)
        dst[i] = (src[i] >= 0x20 && src[i] < 0x7f) ? src[i] : '?';
    dst[i] = '\0';
}

/* ------------------------------------------------------------------ media types */

typedef enum type_class {
    TYPE_TEXT,      /* an ODF text type: accepted */
    TYPE_ODF_OTHER, /* spreadsheet, presentation… : refused */
    TYPE_OTHER,     /* some other media type (application/pdf): refused */
    TYPE_JUNK       /* not a media type at all (binary bytes…): ignored with a note */
} type_class;

static int is_text_type(const char *m)
{
    static const char *const ok[] = {"text", "text-template", "text-master", "text-master-template",
                                     "text-web"};
    if (strncmp(m, OG_MIME_PREFIX, strlen(OG_MIME_PREFIX)) != 0)
        return 0;
    m += strlen(OG_MIME_PREFIX);
    for (size_t i = 0; i < OG_ARRAY_LEN(ok); i++)
        if (strcmp(m, ok[i]) == 0)
            return 1;
    return 0;
}

/* "a spreadsheet", "a presentation"… for an ODF media type that is not text, or NULL. */
static const char *other_odf_kind(const char *m)
{
    static const struct {
        const char *prefix, *what;
    } kinds[] = {{"spreadsheet", "a spreadsheet"}, {"presentation", "a presentation"},
                 {"graphics", "a drawing"},        {"chart", "a chart"},
                 {"formula", "a formula"},         {"image", "an image"},
                 {"base", "a database"},           {"database", "a database"}};
    if (strncmp(m, OG_MIME_PREFIX, strlen(OG_MIME_PREFIX)) != 0)
        return NULL;
    m += strlen(OG_MIME_PREFIX);
    for (size_t i = 0; i < OG_ARRAY_LEN(kinds); i++)
        if (strncmp(m, kinds[i].prefix, strlen(kinds[i].prefix)) == 0)
            return kinds[i].what;
    return "another kind of ODF document";
}

/* type/subtype: printable ASCII without spaces, one '/' with something on both sides. */
static int looks_like_media_type(const char *m)
{
    const char *slash = strchr(m, '/');
    size_t n = strlen(m);
    if (n < 3 || n > 200 || !slash || slash == m || slash[1] == '\0' || strchr(slash + 1, '/'))
        return 0;
    for (const char *p = m; *p; p++)
        if (*p <= 0x20 || *p >= 0x7f)
            return 0;
    return 1;
}

static type_class classify_type(const char *m)
{
    if (is_text_type(m))
        return TYPE_TEXT;
    if (!looks_like_media_type(m))
        return TYPE_JUNK;
    if (strncmp(m, OG_MIME_PREFIX, strlen(OG_MIME_PREFIX)) == 0)
        return TYPE_ODF_OTHER;
    return TYPE_OTHER;
}

/* Refuse a declared media type that is not ODF text; 0 to go on, -1 refused (err filled). */
static int check_type(og_package *pkg, const char *m, odfgate_error *err)
{
    char shown[128];
    switch (classify_type(m)) {
    case TYPE_ODF_OTHER:
        printable(shown, sizeof(shown), m);
        fail(pkg, err, ODFGATE_E_WRONG_TYPE, NULL, "is %s, not a text document (%s)",
             other_odf_kind(m), shown);
        return -1;
    case TYPE_OTHER:
        printable(shown, sizeof(shown), m);
        fail(pkg, err, ODFGATE_E_WRONG_TYPE, NULL, "is not an ODF text document (media type %s)",
             shown);
        return -1;
    case TYPE_TEXT:
    case TYPE_JUNK: break;
    }
    return 0;
}

/* ------------------------------------------------------------------ raw input */

static uint64_t input_size(const og_package *pkg)
{
    return pkg->mem ? pkg->mem_len : pkg->file_size;
}

uint64_t og_package_input_size(const og_package *pkg) { return input_size(pkg); }

const og_file_id *og_package_file_id(const og_package *pkg) { return &pkg->id; }

/* Read up to n bytes at off of the input (memory or the open file); bytes read, -1 on error. */
static ssize_t read_at(const og_package *pkg, uint64_t off, void *buf, size_t n)
{
    size_t got = 0;
    uint64_t size = input_size(pkg);
    if (off >= size)
        return 0;
    if (n > size - off)
        n = (size_t)(size - off);
    if (pkg->mem) {
        memcpy(buf, pkg->mem + off, n);
        return (ssize_t)n;
    }
    while (got < n) {
        ssize_t r = pread(pkg->fd, (char *)buf + got, n - got, (off_t)(off + got));
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0)
            return -1;
        if (r == 0)
            break;
        got += (size_t)r;
    }
    return (ssize_t)got;
}

/* ------------------------------------------------------------------ parts */

static int part_fail(og_part *p, odfgate_errcode code, const char *msg)
{
    if (!p->failed) {
        p->failed = 1;
        p->code = code;
        snprintf(p->msg, sizeof(p->msg), "%s%s%s", p->name, p->name[0] ? ": " : "", msg);
    }
    return -1;
}

static int account(og_part *p, size_t n)
{
    og_package *pkg = p->pkg;
    p->got += n;
    pkg->total_read += n;
    if (p->got > pkg->lim.max_part_size)
        return part_fail(p, ODFGATE_E_LIMIT, "part is larger than the limit (max_part_size)");
    if (pkg->total_read > pkg->lim.max_total_size)
        return part_fail(p, ODFGATE_E_LIMIT,
                         "the parts read inflate past the limit (max_total_size)");
    return 0;
}

/* A read of zf failed: the part is corrupt, in libzip's words (inflate or CRC error). */
static int zip_read_fail(og_part *p, zip_file_t *zf)
{
    char msg[300];
    snprintf(msg, sizeof(msg), "corrupt data: %s", zip_file_strerror(zf));
    return part_fail(p, ODFGATE_E_CORRUPT, msg);
}

/* After the declared size: libzip does not enforce it, so one more byte must not exist. */
static int zip_verify_end(og_part *p)
{
    char extra;
    zip_int64_t n;
    if (p->ended)
        return 0;
    n = zip_fread(p->zf, &extra, 1);
    if (n > 0)
        return part_fail(p, ODFGATE_E_LIMIT, "part inflates past its declared size");
    if (n < 0)
        return zip_read_fail(p, p->zf);
    p->ended = 1;
    return 0;
}

/* PART_WHOLE, at the first read: the compressed bytes (read raw through libzip, which finds
 * them past the local header), inflated and checked in one call. */
static int whole_load(og_part *p)
{
    size_t out_len = (size_t)p->size, in_len = (size_t)p->comp_size, got = 0;
    /* stored: read in place; deflated: the compressed bytes after the room for the inflated */
    size_t room = p->deflated ? out_len + in_len : (in_len > out_len ? in_len : out_len);
    unsigned char *buf = malloc(room + 1), *in;
    zip_file_t *zf;
    og_inflate_rc rc;
    if (!buf)
        return part_fail(p, ODFGATE_E_NOMEM, "out of memory");
    in = p->deflated ? buf + out_len : buf;
    if (!(zf = zip_fopen_index(p->pkg->zip, p->index, ZIP_FL_COMPRESSED))) {
        char msg[300];
        snprintf(msg, sizeof(msg), "cannot open the part: %s", zip_strerror(p->pkg->zip));
        free(buf);
        return part_fail(p, ODFGATE_E_CORRUPT, msg);
    }
    while (got < in_len) {
        zip_int64_t n = zip_fread(zf, in + got, in_len - got);
        if (n <= 0) {
            int failed = n < 0 ? zip_read_fail(p, zf)
                               : part_fail(p, ODFGATE_E_CORRUPT,
                                           "corrupt data: the compressed data is cut short");
            zip_fclose(zf);
            free(buf);
            return failed;
        }
        got += (size_t)n;
    }
    zip_fclose(zf);
    rc = og_inflate_exact(p->deflated, in, in_len, buf, out_len, p->crc);
    if (rc == OG_INFLATE_OK) {
        p->whole = buf;
        return 0;
    }
    free(buf);
    switch (rc) { /* the streamed route's codes and words for the same faults */
    case OG_INFLATE_NOMEM: return part_fail(p, ODFGATE_E_NOMEM, "out of memory");
    case OG_INFLATE_BAD_DATA:
        return part_fail(p, ODFGATE_E_CORRUPT, "corrupt data: invalid deflate data");
    case OG_INFLATE_SHORT:
        return part_fail(p, ODFGATE_E_CORRUPT, "part is shorter than its declared size");
    case OG_INFLATE_LONG:
        return part_fail(p, ODFGATE_E_LIMIT, "part inflates past its declared size");
    default: return part_fail(p, ODFGATE_E_CORRUPT, "corrupt data: CRC error");
    }
}

int og_part_read(void *ctx, char *buf, int len)
{
    og_part *p = ctx;
    size_t want;
    if (p->failed)
        return -1;
    if (len <= 0)
        return 0;
    if (p->kind == PART_WHOLE && !p->whole && whole_load(p) < 0)
        return -1;
    if (p->got >= p->size)
        return p->kind == PART_ZIP ? zip_verify_end(p) : 0;
    want = p->size - p->got < (uint64_t)len ? (size_t)(p->size - p->got) : (size_t)len;
    switch (p->kind) {
    case PART_WHOLE:
        memcpy(buf, p->whole + p->got, want);
        return account(p, want) < 0 ? -1 : (int)want;
    case PART_MEM:
    case PART_FD: {
        ssize_t n = read_at(p->pkg, p->got, buf, want);
        if (n < 0)
            return part_fail(p, ODFGATE_E_IO, strerror(errno));
        if (n == 0)
            return part_fail(p, ODFGATE_E_IO, "the file shrank while it was being read");
        return account(p, (size_t)n) < 0 ? -1 : (int)n;
    }
    case PART_ZIP: {
        zip_int64_t n = zip_fread(p->zf, buf, want);
        if (n < 0)
            return zip_read_fail(p, p->zf);
        if (n == 0)
            return part_fail(p, ODFGATE_E_CORRUPT, "part is shorter than its declared size");
        return account(p, (size_t)n) < 0 ? -1 : (int)n;
    }
    }
    return -1;
}

int og_part_finish(og_part *p, odfgate_error *err)
{
    if (!p->failed)
        return 0;
    og_fail(err, p->code, p->pkg->path, p->name[0] ? p->name : NULL, "%s", p->msg);
    return -1;
}

void og_part_close(og_part *p)
{
    if (!p)
        return;
    if (p->zf)
        zip_fclose(p->zf);
    free(p->whole);
    free(p);
}

/* 1 (p set up as PART_WHOLE) if the entry is small enough to be read whole, else 0. */
static int read_whole(og_part *p, const zip_stat_t *st, zip_uint64_t index)
{
    const zip_uint64_t need =
        ZIP_STAT_SIZE | ZIP_STAT_COMP_SIZE | ZIP_STAT_COMP_METHOD | ZIP_STAT_CRC;
    if ((st->valid & need) != need || st->size > OG_INFLATE_WHOLE_MAX ||
        st->comp_size > og_inflate_comp_max((size_t)st->size) ||
        (st->comp_method != ZIP_CM_DEFLATE && st->comp_method != ZIP_CM_STORE))
        return 0;
    p->kind = PART_WHOLE;
    p->index = index;
    p->comp_size = st->comp_size;
    p->deflated = st->comp_method == ZIP_CM_DEFLATE;
    p->crc = st->crc;
    return 1;
}

int og_package_part_open(og_package *pkg, const char *name, og_part **out, odfgate_error *err)
{
    og_part *p;
    *out = NULL;
    if (!og_package_has_part(pkg, name)) {
        fail(pkg, err, ODFGATE_E_MISSING_PART, name, "%s is missing from the package", name);
        return -1;
    }
    if (!(p = calloc(1, sizeof(*p)))) {
        nomem(pkg, err);
        return -1;
    }
    p->pkg = pkg;
    if (pkg->kind == OG_PACKAGE_FLAT) {
        p->kind = pkg->mem ? PART_MEM : PART_FD;
        p->size = input_size(pkg);
    } else {
        zip_stat_t st;
        zip_int64_t idx = zip_name_locate(pkg->zip, name, ZIP_FL_ENC_RAW);
        og_copy_safe(p->name, sizeof(p->name), name);
        p->kind = PART_ZIP;
        if (idx < 0 || zip_stat_index(pkg->zip, (zip_uint64_t)idx, 0, &st) < 0 ||
            !(st.valid & ZIP_STAT_SIZE) ||
            (!read_whole(p, &st, (zip_uint64_t)idx) &&
             !(p->zf = zip_fopen_index(pkg->zip, (zip_uint64_t)idx, 0)))) {
            fail(pkg, err, ODFGATE_E_CORRUPT, name, "%s: cannot open the part: %s", p->name,
                 zip_strerror(pkg->zip));
            free(p);
            return -1;
        }
        /* the declared size was checked against max_part_size when the package was opened;
         * the bytes read are counted again in account() */
        p->size = st.size;
    }
    *out = p;
    return 0;
}

int og_package_read_part(og_package *pkg, const char *name, og_buf *out, odfgate_error *err)
{
    og_part *p;
    char chunk[16384];
    int n, rc;
    og_buf_reset(out);
    if (og_package_part_open(pkg, name, &p, err) < 0)
        return -1;
    /* one allocation for the declared size (if the buffer allows it) rather than a doubling
     * series; but not more than RESERVE_MAX up front for a size that may be a lie */
    if (p->size < out->max &&
        og_buf_reserve(out, (size_t)(p->size < RESERVE_MAX ? p->size : RESERVE_MAX)) ==
            OG_BUF_NOMEM) {
        og_part_close(p);
        nomem(pkg, err);
        return -1;
    }
    while ((n = og_part_read(p, chunk, sizeof(chunk))) > 0)
        if ((rc = og_buf_add(out, chunk, (size_t)n)) != OG_BUF_OK) {
            if (rc == OG_BUF_NOMEM)
                nomem(pkg, err);
            else
                fail(pkg, err, ODFGATE_E_LIMIT, name, "%s: part is larger than %zu bytes", p->name,
                     out->max);
            og_part_close(p);
            return -1;
        }
    rc = og_part_finish(p, err);
    og_part_close(p);
    return rc;
}

/* ------------------------------------------------------------------ zip */

static uint16_t le16(const unsigned char *p) { return (uint16_t)(p[0] | p[1] << 8); }
static uint32_t le32(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}
static uint64_t le64(const unsigned char *p) { return le32(p) | (uint64_t)le32(p + 4) << 32; }

#define EOCD_LEN       22
#define EOCD64_LOC_LEN 20
#define EOCD64_LEN     56
#define CDENTRY_MIN    46
#define COMMENT_MAX    65535

typedef struct extent {
    uint64_t start, end; /* a local header and the data after it: [start, end) at least */
} extent;

static int by_start(const void *a, const void *b)
{
    const extent *x = a, *y = b;
    return x->start < y->start ? -1 : x->start > y->start;
}

/* Where the entries lie, read from the central directory (libzip 1.7.3 does not say): each
 * local header with its name and compressed data must end before the next entry starts and
 * before the directory.  Overlapping entries are the non-recursive zip bomb (many directory
 * entries over one kernel of compressed data: every writer that copies entries raw would
 * multiply it) and never come from an ODF producer.  The directory is read through a window
 * of at most 1 MiB plus one entry (one read for the directories of real documents). */
#define CD_WINDOW   ((size_t)1 << 20)
#define CDENTRY_MAX (CDENTRY_MIN + 3 * 65535)

static odfgate_status check_layout(og_package *pkg, uint64_t cd_off, uint64_t cd_size,
                                   uint64_t count, odfgate_error *err)
{
    size_t cap = cd_size < CD_WINDOW + CDENTRY_MAX ? (size_t)cd_size : CD_WINDOW + CDENTRY_MAX;
    unsigned char *win = malloc(cap ? cap : 1);
    extent *x = calloc(count ? (size_t)count : 1, sizeof(*x));
    odfgate_status st = ODFGATE_OK;
    uint64_t pos = 0, n = 0, win_at = 0, win_len = 0; /* the window holds [win_at, +win_len) */
    if (!win || !x) {
        free(win);
        free(x);
        return nomem(pkg, err);
    }
    for (; st == ODFGATE_OK && n < count && pos + CDENTRY_MIN <= cd_size; n++) {
        if (pos + CDENTRY_MAX > win_at + win_len && win_at + win_len < cd_size) {
            size_t want = cd_size - pos < cap ? (size_t)(cd_size - pos) : cap;
            if (read_at(pkg, cd_off + pos, win, want) != (ssize_t)want) {
                st = fail(pkg, err, ODFGATE_E_CORRUPT, NULL,
                          "corrupt or truncated zip: the directory cannot be read");
                break;
            }
            win_at = pos;
            win_len = want;
        }
        const unsigned char *e = win + (pos - win_at);
        uint64_t comp = le32(e + 20), off = le32(e + 42);
        size_t name = le16(e + 28), extra = le16(e + 30), comment = le16(e + 32);
        if (memcmp(e, "PK\1\2", 4) != 0 || pos + CDENTRY_MIN + name + extra + comment > cd_size)
            break; /* libzip says what is wrong with the directory */
        /* Zip64: the sizes and offset that are 0xFFFFFFFF come from the extra field, in order */
        for (size_t k = 0; k + 4 <= extra;) {
            const unsigned char *f = e + CDENTRY_MIN + name + k;
            size_t len = le16(f + 2), at = 4;
            if (le16(f) == 1) {
                if (le32(e + 24) == 0xFFFFFFFFu && at + 8 <= 4 + len)
                    at += 8; /* the inflated size, not needed here */
                if (comp == 0xFFFFFFFFu && at + 8 <= 4 + len && k + at + 8 <= extra)
                    comp = le64(f + at), at += 8;
                if (off == 0xFFFFFFFFu && at + 8 <= 4 + len && k + at + 8 <= extra)
                    off = le64(f + at);
            }
            k += 4 + len;
        }
        x[n].start = off;
        x[n].end = off + 30 + name + comp; /* the local extra field comes on top */
        pos += CDENTRY_MIN + name + extra + comment;
    }
    if (st == ODFGATE_OK && n > 1)
        qsort(x, (size_t)n, sizeof(*x), by_start);
    for (uint64_t i = 0; st == ODFGATE_OK && i < n; i++)
        if ((i + 1 < n && x[i].end > x[i + 1].start) || x[i].end > cd_off)
            st = fail(pkg, err, ODFGATE_E_CORRUPT, NULL,
                      "corrupt zip: entries overlap (the data of one holds another: a zip bomb "
                      "construction)");
    free(win);
    free(x);
    return st;
}

/* libzip reads the whole central directory into memory when it opens an archive, before
 * zip_get_num_entries() can be capped (~300 bytes per entry: a 256 MiB file of empty entries
 * would cost a gigabyte).  So look first at every end-of-central-directory record libzip would
 * try (each "PK\5\6" in the last 64 KiB, with its Zip64 record) and refuse a plausible one
 * declaring more than max_entries.  Implausible ones (directory not before the record, fewer
 * than 46 bytes per entry) are refused by libzip itself before it allocates entries.
 * A zip has one such record: libzip reads the directory again for every plausible one and
 * checks each against every local header, so 2,900 records chained in the comment over a
 * directory of 5,000 entries ran for minutes.  More than one plausible record is refused. */
static odfgate_status precheck_entries(og_package *pkg, odfgate_error *err)
{
    uint64_t size = input_size(pkg);
    size_t tail_len = size < COMMENT_MAX + EOCD_LEN + EOCD64_LOC_LEN
                          ? (size_t)size
                          : COMMENT_MAX + EOCD_LEN + EOCD64_LOC_LEN;
    uint64_t base = size - tail_len;
    unsigned char *tail = malloc(tail_len ? tail_len : 1);
    odfgate_status st = ODFGATE_OK;
    unsigned plausible = 0;
    uint64_t dir_off = 0, dir_size = 0, dir_count = 0;

    if (!tail)
        return nomem(pkg, err);
    ssize_t got = read_at(pkg, base, tail, tail_len);
    if (got != (ssize_t)tail_len) {
        free(tail);
        return fail(pkg, err, ODFGATE_E_IO, NULL, "cannot read: %s",
                    got < 0 ? strerror(errno) : "the file shrank while it was being read");
    }
    for (size_t i = 0; i + EOCD_LEN <= tail_len && st == ODFGATE_OK; i++) {
        const unsigned char *e = tail + i, *p;
        uint64_t count, cd_size, cd_off, end;
        /* skip to the next 'P' (a byte-by-byte memcmp here cost more than inflating) */
        if (*e != 'P') {
            if (!(p = memchr(e, 'P', tail_len - EOCD_LEN + 1 - i)))
                break;
            i = (size_t)(p - tail);
            e = p;
        }
        if (memcmp(e, "PK\5\6", 4) != 0)
            continue;
        end = base + i;
        count = le16(e + 10);
        cd_size = le32(e + 12);
        cd_off = le32(e + 16);
        if (i >= EOCD64_LOC_LEN && memcmp(e - EOCD64_LOC_LEN, "PK\6\7", 4) == 0) {
            unsigned char r[EOCD64_LEN];
            uint64_t off64 = le64(e - EOCD64_LOC_LEN + 8);
            if (off64 <= end && end - off64 >= EOCD64_LEN &&
                read_at(pkg, off64, r, sizeof(r)) == (ssize_t)sizeof(r) &&
                memcmp(r, "PK\6\6", 4) == 0) {
                count = le64(r + 32);
                cd_size = le64(r + 40);
                cd_off = le64(r + 48);
                end = off64;
            }
        }
        if (cd_off > end || cd_size > end - cd_off || count > cd_size / CDENTRY_MIN)
            continue;
        if (++plausible > 1)
            st = fail(pkg, err, ODFGATE_E_CORRUPT, NULL,
                      "corrupt zip: more than one end-of-central-directory record (two zips in one "
                      "file, or a crafted one: readers would not agree on the content)");
        else if (count > pkg->lim.max_entries)
            st = fail(pkg, err, ODFGATE_E_LIMIT, NULL,
                      "too many zip entries (%llu; the limit is %llu)", (unsigned long long)count,
                      (unsigned long long)pkg->lim.max_entries);
        dir_off = cd_off, dir_size = cd_size, dir_count = count;
    }
    free(tail);
    if (st == ODFGATE_OK && plausible == 1)
        st = check_layout(pkg, dir_off, dir_size, dir_count, err);
    return st;
}

static odfgate_status zip_open_error(og_package *pkg, zip_error_t *ze, odfgate_error *err)
{
    int code = zip_error_code_zip(ze);
    const char *why = zip_error_strerror(ze);
    switch (code) {
    case ZIP_ER_MEMORY: return nomem(pkg, err);
    case ZIP_ER_OPEN: return fail(pkg, err, ODFGATE_E_IO, NULL, "cannot open: %s", why);
    case ZIP_ER_READ:
        /* a read error with an errno from the system is I/O; anything else comes from data */
        if (zip_error_system_type(ze) == ZIP_ET_SYS && zip_error_code_system(ze) != 0 &&
            zip_error_code_system(ze) != EINVAL)
            return fail(pkg, err, ODFGATE_E_IO, NULL, "cannot read: %s", why);
        break;
    case ZIP_ER_NOZIP: why = "no zip directory found (the file is cut short or not a zip)"; break;
    case ZIP_ER_EXISTS: /* libzip 1.7.3 reports duplicate names so under ZIP_CHECKCONS */
        why = "duplicate entry names";
        break;
    case ZIP_ER_INCONS:
        why = "inconsistent archive (duplicate entry names, or the directory does not match the "
              "entries)";
        break;
    case ZIP_ER_MULTIDISK: why = "multi-disk archives are not supported"; break;
    default: break;
    }
    return fail(pkg, err, ODFGATE_E_CORRUPT, NULL, "corrupt or truncated zip: %s", why);
}

/* Names from the zip directory (read raw): valid UTF-8, relative, no ".." segment, no
 * backslash, no control character.  (libzip 1.7.3 turns a NUL inside a name into a space
 * when it reads the directory, so a NUL never reaches us; the duplicate checks still apply.) */
static int name_ok(const char *name)
{
    size_t n = strlen(name);
    if (n == 0 || name[0] == '/' || strchr(name, '\\') || !og_utf8_valid(name, n))
        return 0;
    for (const char *p = name; *p; p++)
        if ((unsigned char)*p < 0x20 || *p == 0x7f)
            return 0;
    for (const char *p = name; (p = strstr(p, "..")) != NULL; p += 2)
        if ((p == name || p[-1] == '/') && (p[2] == '\0' || p[2] == '/'))
            return 0;
    return 1;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static odfgate_status check_entry(og_package *pkg, const zip_stat_t *s, uint64_t *total,
                                  odfgate_error *err)
{
    const odfgate_limits *lim = &pkg->lim;
    char shown[128];
    if (!name_ok(s->name)) {
        if (!og_utf8_valid(s->name, strlen(s->name)))
            return fail(pkg, err, ODFGATE_E_CORRUPT, NULL,
                        "unsafe zip entry name: not valid UTF-8");
        printable(shown, sizeof(shown), s->name);
        return fail(pkg, err, ODFGATE_E_CORRUPT, NULL,
                    "unsafe zip entry name \"%s\" (absolute, with .., a backslash or a control "
                    "character)",
                    shown);
    }
    og_copy_safe(shown, sizeof(shown), s->name); /* valid UTF-8 from here */
    if (s->encryption_method != ZIP_EM_NONE)
        return fail(pkg, err, ODFGATE_E_ENCRYPTED, shown,
                    "zip entry %s is encrypted (zip-level encryption is not ODF)", shown);
    if (s->comp_method != ZIP_CM_STORE && s->comp_method != ZIP_CM_DEFLATE)
        return fail(pkg, err, ODFGATE_E_CORRUPT, shown,
                    "zip entry %s uses compression method %d (ODF allows only stored and "
                    "deflated)",
                    shown, (int)s->comp_method);
    if (s->size > lim->max_part_size)
        return fail(pkg, err, ODFGATE_E_LIMIT, shown,
                    "zip bomb: part %s declares %llu bytes (the limit is %llu)", shown,
                    (unsigned long long)s->size, (unsigned long long)lim->max_part_size);
    if (s->size > RATIO_FLOOR && (s->comp_size == 0 || s->size / s->comp_size > lim->max_ratio))
        return fail(pkg, err, ODFGATE_E_LIMIT, shown,
                    "zip bomb: part %s inflates %llu times (the limit is %u)", shown,
                    (unsigned long long)(s->comp_size ? s->size / s->comp_size : s->size),
                    lim->max_ratio);
    *total += s->size;
    if (*total > lim->max_total_size)
        return fail(pkg, err, ODFGATE_E_LIMIT, NULL,
                    "zip bomb: the parts inflate to more than %llu bytes in all",
                    (unsigned long long)lim->max_total_size);
    return ODFGATE_OK;
}

/* Every entry: safe name, no duplicates, no zip encryption, known method, sizes in limits. */
static odfgate_status check_entries(og_package *pkg, odfgate_error *err)
{
    const zip_uint64_t need = ZIP_STAT_NAME | ZIP_STAT_SIZE | ZIP_STAT_COMP_SIZE |
                              ZIP_STAT_COMP_METHOD | ZIP_STAT_ENCRYPTION_METHOD;
    zip_int64_t n = zip_get_num_entries(pkg->zip, 0);
    uint64_t total = 0;
    const char **names;
    odfgate_status st = ODFGATE_OK;

    if (n < 0)
        return fail(pkg, err, ODFGATE_E_CORRUPT, NULL, "corrupt or truncated zip: no directory");
    if ((uint64_t)n > pkg->lim.max_entries)
        return fail(pkg, err, ODFGATE_E_LIMIT, NULL,
                    "too many zip entries (%lld; the limit is %llu)", (long long)n,
                    (unsigned long long)pkg->lim.max_entries);
    if (!(names = calloc((size_t)n + 1, sizeof(*names))))
        return nomem(pkg, err);
    for (zip_int64_t i = 0; i < n && st == ODFGATE_OK; i++) {
        zip_stat_t s;
        if (zip_stat_index(pkg->zip, (zip_uint64_t)i, ZIP_FL_ENC_RAW, &s) < 0 ||
            (s.valid & need) != need) {
            st = fail(pkg, err, ODFGATE_E_CORRUPT, NULL,
                      "corrupt or truncated zip: entry %lld cannot be read", (long long)i);
            break;
        }
        names[i] = s.name;
        st = check_entry(pkg, &s, &total, err);
    }
    /* ZIP_CHECKCONS refuses duplicates already (ZIP_ER_INCONS); this does not depend on it */
    if (st == ODFGATE_OK) {
        qsort(names, (size_t)n, sizeof(*names), cmp_str);
        for (zip_int64_t i = 1; i < n; i++)
            if (strcmp(names[i - 1], names[i]) == 0) {
                st = fail(pkg, err, ODFGATE_E_CORRUPT, NULL,
                          "corrupt zip: the entry name %s appears twice", names[i]);
                break;
            }
    }
    free(names);
    return st;
}

/* The mimetype entry: conformance notes, and its value into `value` ("" if missing). */
static odfgate_status read_mimetype(og_package *pkg, char *value, size_t value_len,
                                    odfgate_error *err)
{
    zip_int64_t idx = zip_name_locate(pkg->zip, "mimetype", ZIP_FL_ENC_RAW);
    zip_stat_t st;
    zip_file_t *f;
    char buf[MIMETYPE_MAX + 2];
    zip_int64_t n, extra;

    value[0] = '\0';
    if (idx < 0) {
        note(pkg, "the package has no mimetype entry");
        return ODFGATE_OK;
    }
    if (idx != 0)
        note(pkg, "mimetype is not the first entry of the zip");
    if (zip_stat_index(pkg->zip, (zip_uint64_t)idx, 0, &st) < 0)
        return fail(pkg, err, ODFGATE_E_CORRUPT, "mimetype", "corrupt or truncated zip: %s",
                    zip_strerror(pkg->zip));
    if (st.comp_method != ZIP_CM_STORE)
        note(pkg, "mimetype is compressed (ODF requires it stored)");
    extra = zip_file_extra_fields_count(pkg->zip, (zip_uint64_t)idx, ZIP_FL_LOCAL | ZIP_FL_CENTRAL);
    if (extra < 0)
        return fail(pkg, err, ODFGATE_E_CORRUPT, "mimetype", "corrupt or truncated zip: %s",
                    zip_strerror(pkg->zip));
    if (extra > 0)
        note(pkg, "mimetype has an extra field in its zip header (ODF forbids it)");
    if (!(f = zip_fopen_index(pkg->zip, (zip_uint64_t)idx, 0)))
        return fail(pkg, err, ODFGATE_E_CORRUPT, "mimetype", "mimetype: cannot be read: %s",
                    zip_strerror(pkg->zip));
    /* at most MIMETYPE_MAX + 1 bytes: more means it is not a media type anyway */
    n = zip_fread(f, buf, st.size < MIMETYPE_MAX + 1 ? st.size : MIMETYPE_MAX + 1);
    if (n < 0) {
        fail(pkg, err, ODFGATE_E_CORRUPT, "mimetype", "mimetype: corrupt data: %s",
             zip_file_strerror(f));
        zip_fclose(f);
        return ODFGATE_FAILED;
    }
    zip_fclose(f);
    pkg->total_read += (uint64_t)n;
    buf[n] = '\0';
    while (n > 0 &&
           (buf[n - 1] == '\n' || buf[n - 1] == '\r' || buf[n - 1] == ' ' || buf[n - 1] == '\t'))
        buf[--n] = '\0';
    if (n > MIMETYPE_MAX || strlen(buf) != (size_t)n || !looks_like_media_type(buf)) {
        char shown[40];
        printable(shown, sizeof(shown), buf);
        note(pkg, "the mimetype entry does not hold a media type (\"%s%s\")", shown,
             strlen(buf) >= sizeof(shown) - 1 ? "..." : "");
        return ODFGATE_OK;
    }
    if (strlen(buf) >= value_len)
        return ODFGATE_OK;
    memcpy(value, buf, strlen(buf) + 1);
    return ODFGATE_OK;
}

/* Stream the manifest from `in`: 1 if it has an encryption-data element (any
 * namespace: old OpenOffice.org manifests count too), else 0 with the media type of the
 * file entry "/" (the last one) in `media`; -1 if it is not well-formed XML (err filled). */
static int scan_manifest(og_package *pkg, og_part *in, char *media, size_t media_len,
                         odfgate_error *err)
{
    og_xml_stream s;
    int rc, found = 0;
    if (og_xml_stream_open(&s, og_part_read, in, pkg->path, "META-INF/manifest.xml",
                           pkg->lim.max_depth, err) < 0)
        return -1;
    while ((rc = og_xml_stream_next(&s)) == 1) {
        const char *local, *path, *type;
        char *owned_path = NULL, *owned_type = NULL;
        if (s.type != XML_READER_TYPE_ELEMENT)
            continue;
        local = og_xml_local(&s);
        if (strcmp(local, "encryption-data") == 0) {
            found = 1;
            break;
        }
        if (strcmp(local, "file-entry") != 0 || xmlTextReaderDepth(s.reader) != 1)
            continue;
        path = og_xml_attr_ref(&s, OG_NS_MANIFEST, "full-path", &owned_path);
        type = og_xml_attr_ref(&s, OG_NS_MANIFEST, "media-type", &owned_type);
        if (path && type && strcmp(path, "/") == 0 && strlen(type) < media_len)
            memcpy(media, type, strlen(type) + 1);
        xmlFree(owned_path);
        xmlFree(owned_type);
    }
    og_xml_stream_close(&s);
    return found ? 1 : rc < 0 ? -1 : 0;
}

/* META-INF/manifest.xml: encryption (refused), and the media type of "/" into `media`.
 * A missing or malformed manifest is a note; entity declarations in it are refused. */
static odfgate_status read_manifest(og_package *pkg, char *media, size_t media_len,
                                    odfgate_error *err)
{
    static const char part[] = "META-INF/manifest.xml";
    og_part *in = NULL;
    odfgate_error perr, rerr;
    int rc;

    media[0] = '\0';
    if (!og_package_has_part(pkg, part)) {
        note(pkg, "the package has no META-INF/manifest.xml");
        return ODFGATE_OK;
    }
    if (og_package_part_open(pkg, part, &in, err) < 0)
        return og_status_of(err);
    odfgate_error_clear(&perr);
    odfgate_error_clear(&rerr);
    rc = scan_manifest(pkg, in, media, media_len, &perr);
    /* a part that cannot be read (inflate, CRC, limits) fails the package, as any part does;
     * when it was read whole, only its XML is judged (rc 1: stopped early on purpose) */
    if (rc != 1 && og_part_finish(in, &rerr) < 0) {
        og_part_close(in);
        if (err)
            *err = rerr;
        return rerr.code == ODFGATE_E_NOMEM ? ODFGATE_FATAL : ODFGATE_FAILED;
    }
    og_part_close(in);
    if (rc == 1)
        return fail(pkg, err, ODFGATE_E_ENCRYPTED, NULL,
                    "the document is encrypted (password protected); it cannot be checked "
                    "without the password");
    if (rc < 0) {
        media[0] = '\0';
        if (perr.code == ODFGATE_E_ENTITY || perr.code == ODFGATE_E_LIMIT ||
            perr.code == ODFGATE_E_NOMEM) {
            if (err)
                *err = perr;
            return perr.code == ODFGATE_E_NOMEM ? ODFGATE_FATAL : ODFGATE_FAILED;
        }
        note(pkg, "the manifest cannot be read: %s", perr.message);
    }
    return ODFGATE_OK;
}

#define CONVERT_HINT "convert it to ODF first: soffice --headless --convert-to odt FILE"

/* A zip without content.xml that is another office format (Office Open XML), said plainly
 * with how to convert it, or NULL. */
static const char *other_zip_format(og_package *pkg)
{
    if (!og_package_has_part(pkg, "[Content_Types].xml"))
        return NULL;
    if (zip_name_locate(pkg->zip, "word/document.xml", 0) >= 0)
        return "a Word document (Office Open XML, .docx), not ODF: " CONVERT_HINT;
    if (zip_name_locate(pkg->zip, "xl/workbook.xml", 0) >= 0)
        return "an Excel workbook (Office Open XML, .xlsx), not an ODF text document";
    if (zip_name_locate(pkg->zip, "ppt/presentation.xml", 0) >= 0)
        return "a PowerPoint presentation (Office Open XML, .pptx), not an ODF text document";
    return "an Office Open XML package (Microsoft Office), not ODF";
}

/* What a file that is neither a zip nor XML is, by its first bytes, or NULL. */
static const char *other_format(const unsigned char *b, size_t n)
{
    static const struct {
        const char *magic;
        size_t len;
        const char *what;
    } kinds[] = {
        {"%PDF-", 5, "a PDF document, not ODF (odfgate reads the ODF the PDF was made from)"},
        {"{\\rtf", 5, "an RTF document, not ODF: " CONVERT_HINT},
        {"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8,
         "a Microsoft Office 97-2003 document (.doc, .xls or .ppt), not ODF: " CONVERT_HINT},
    };
    for (size_t k = 0; k < OG_ARRAY_LEN(kinds); k++)
        if (n >= kinds[k].len && memcmp(b, kinds[k].magic, kinds[k].len) == 0)
            return kinds[k].what;
    return NULL;
}

static odfgate_status open_zip(og_package *pkg, odfgate_error *err)
{
    zip_error_t ze;
    zip_source_t *src;
    char declared[256], manifest_type[256];
    odfgate_status st;

    if ((st = precheck_entries(pkg, err)) != ODFGATE_OK)
        return st;
    zip_error_init(&ze);
    if (pkg->mem) {
        src = zip_source_buffer_create(pkg->mem, pkg->mem_len, 0, &ze);
    } else {
        /* libzip reads from our descriptor: the file checked is the file read */
        FILE *fp = fdopen(pkg->fd, "rb");
        if (!fp) {
            zip_error_fini(&ze);
            return fail(pkg, err, ODFGATE_E_IO, NULL, "cannot read: %s", strerror(errno));
        }
        pkg->fd = -1;
        src = zip_source_filep_create(fp, 0, (zip_int64_t)pkg->file_size, &ze);
        if (!src)
            fclose(fp);
    }
    if (src && !(pkg->zip = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &ze)))
        zip_source_free(src);
    if (!pkg->zip) {
        st = zip_open_error(pkg, &ze, err);
        zip_error_fini(&ze);
        return st;
    }
    zip_error_fini(&ze);
    if ((st = check_entries(pkg, err)) != ODFGATE_OK)
        return st;
    if ((st = read_mimetype(pkg, declared, sizeof(declared), err)) != ODFGATE_OK)
        return st;
    /* a spreadsheet is refused as such, whatever else is wrong with it */
    if (declared[0] && check_type(pkg, declared, err) < 0)
        return ODFGATE_FAILED;
    if ((st = read_manifest(pkg, manifest_type, sizeof(manifest_type), err)) != ODFGATE_OK)
        return st;
    if (declared[0]) {
        if (manifest_type[0] && strcmp(manifest_type, declared) != 0) {
            char shown[128];
            printable(shown, sizeof(shown), manifest_type);
            note(pkg, "the manifest declares %s, the mimetype entry %s", shown, declared);
        }
        og_copy_safe(pkg->mimetype, sizeof(pkg->mimetype), declared);
    } else if (manifest_type[0] && classify_type(manifest_type) != TYPE_JUNK) {
        if (check_type(pkg, manifest_type, err) < 0)
            return ODFGATE_FAILED;
        og_copy_safe(pkg->mimetype, sizeof(pkg->mimetype), manifest_type);
    } else {
        og_copy_safe(pkg->mimetype, sizeof(pkg->mimetype), OG_MIME_TEXT);
        note(pkg, "no media type declared; read as a text document");
    }
    if (!og_package_has_part(pkg, "content.xml")) {
        const char *other = other_zip_format(pkg);
        if (other)
            return fail(pkg, err, ODFGATE_E_NOT_PACKAGE, NULL, "%s", other);
        return fail(pkg, err, ODFGATE_E_MISSING_PART, "content.xml",
                    "content.xml is missing from the package");
    }
    return ODFGATE_OK;
}

/* ------------------------------------------------------------------ flat */

/* The root element must be office:document; its office:mimetype is checked like a zip's. */
static odfgate_status open_flat(og_package *pkg, odfgate_error *err)
{
    og_xml_stream s;
    og_part *part;
    int rc;
    odfgate_status st = ODFGATE_OK;

    og_copy_safe(pkg->mimetype, sizeof(pkg->mimetype), OG_MIME_TEXT);
    /* the whole file is the one part */
    if (input_size(pkg) > pkg->lim.max_part_size || input_size(pkg) > pkg->lim.max_total_size)
        return fail(pkg, err, ODFGATE_E_LIMIT, NULL,
                    "flat document of %llu bytes is larger than the limit (%s)",
                    (unsigned long long)input_size(pkg),
                    input_size(pkg) > pkg->lim.max_part_size ? "max_part_size" : "max_total_size");
    if (og_package_part_open(pkg, "content.xml", &part, err) < 0)
        return og_status_of(err);
    if (og_xml_stream_open(&s, og_part_read, part, pkg->path, NULL, pkg->lim.max_depth, err) < 0) {
        og_part_close(part);
        return og_status_of(err);
    }
    while ((rc = og_xml_stream_next(&s)) == 1)
        if (s.type == XML_READER_TYPE_ELEMENT)
            break;
    if (rc == 1) {
        if (strcmp(og_xml_ns(&s), OG_NS_OFFICE) != 0 || strcmp(og_xml_local(&s), "document") != 0) {
            char root[100];
            printable(root, sizeof(root), (const char *)xmlTextReaderConstName(s.reader));
            st = fail(pkg, err, ODFGATE_E_NOT_PACKAGE, NULL,
                      "XML but not an ODF document (root element <%s>)", root);
        } else {
            char *m = og_xml_attr(&s, OG_NS_OFFICE, "mimetype");
            if (!m) {
                note(pkg, "flat document without office:mimetype; read as a text document");
            } else if (check_type(pkg, m, err) < 0) {
                st = ODFGATE_FAILED;
            } else if (classify_type(m) == TYPE_JUNK) {
                char shown[64];
                printable(shown, sizeof(shown), m);
                note(pkg, "office:mimetype \"%s\" is not a media type; read as a text document",
                     shown);
            } else {
                og_copy_safe(pkg->mimetype, sizeof(pkg->mimetype), m);
            }
            xmlFree(m);
        }
    } else if (rc == 0 && !s.failed) {
        st = fail(pkg, err, ODFGATE_E_NOT_PACKAGE, NULL, "XML without any element");
    } else {
        /* the stream filled err; a failure of our own reader (a limit, I/O) is the real cause
         * and replaces it (docs/dependencies.md: check the callback's flag after the loop) */
        og_part_finish(part, err);
        st = og_status_of(err);
    }
    og_xml_stream_close(&s);
    og_part_close(part);
    pkg->total_read = 0; /* the sniff does not count against the reading limits */
    return st;
}

/* ------------------------------------------------------------------ open */

/* Decide the kind from the first bytes. */
static odfgate_status sniff(og_package *pkg, const unsigned char *b, size_t n, odfgate_error *err)
{
    static const unsigned char zip_sigs[][2] = {{1, 2}, {5, 6}, {6, 6}, {6, 7}, {7, 8}, {'0', '0'}};
    size_t i = 0;
    if (n == 0)
        return fail(pkg, err, ODFGATE_E_NOT_PACKAGE, NULL, "empty file");
    if (n >= 4 && memcmp(b, "PK\3\4", 4) == 0) {
        pkg->kind = OG_PACKAGE_ZIP;
        return ODFGATE_OK;
    }
    if (n >= 2 && n < 4 && memcmp(b, "PK\3\4", n) == 0)
        return fail(pkg, err, ODFGATE_E_CORRUPT, NULL, "corrupt or truncated zip: only %zu bytes",
                    n);
    for (size_t k = 0; n >= 4 && k < OG_ARRAY_LEN(zip_sigs); k++)
        if (b[0] == 'P' && b[1] == 'K' && b[2] == zip_sigs[k][0] && b[3] == zip_sigs[k][1])
            return fail(pkg, err, ODFGATE_E_CORRUPT, NULL,
                        "corrupt or truncated zip: it does not start with a local file header");
    if (n >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF)
        i = 3;
    while (i < n && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r'))
        i++;
    if (i < n && b[i] == '<') {
        pkg->kind = OG_PACKAGE_FLAT;
        return ODFGATE_OK;
    }
    if (other_format(b, n))
        return fail(pkg, err, ODFGATE_E_NOT_PACKAGE, NULL, "%s", other_format(b, n));
    return fail(pkg, err, ODFGATE_E_NOT_PACKAGE, NULL,
                "not an ODF package (neither a zip nor XML)");
}

static og_package *new_package(const char *path, const odfgate_limits *lim)
{
    og_package *pkg = calloc(1, sizeof(*pkg));
    if (!pkg)
        return NULL;
    pkg->fd = -1;
    if (!(pkg->path = og_strdup(path ? path : ""))) {
        free(pkg);
        return NULL;
    }
    if (lim)
        pkg->lim = *lim;
    else
        odfgate_limits_init(&pkg->lim);
    return pkg;
}

static odfgate_status finish_open(og_package *pkg, odfgate_status st, og_package **out,
                                  odfgate_error *err)
{
    if (st == ODFGATE_OK)
        st = pkg->kind == OG_PACKAGE_ZIP ? open_zip(pkg, err) : open_flat(pkg, err);
    if (st != ODFGATE_OK) {
        og_package_free(pkg);
        return st;
    }
    *out = pkg;
    return ODFGATE_OK;
}

static odfgate_status too_big(og_package *pkg, odfgate_error *err)
{
    return fail(pkg, err, ODFGATE_E_LIMIT, NULL, "file is larger than the limit of %llu bytes",
                (unsigned long long)pkg->lim.max_file_size);
}

/* A stream that cannot be seeked (standard input, a FIFO or a device named on the command
 * line) is copied into an unlinked temporary file, at most max_file_size bytes, and read from
 * there like a regular file: memory stays flat however much comes in (a stream of 256 MiB
 * used to be held in memory; /dev/zero took 273 MB before the limit stopped it).  On
 * success pkg->fd is that file and pkg->file_size its size. */
static odfgate_status spool(og_package *pkg, int in, odfgate_error *err)
{
    char buf[65536];
    FILE *tmp = tmpfile(); /* unlinked already; glibc makes it in /tmp (P_tmpdir), not $TMPDIR */
    uint64_t total = 0;
    int fd = tmp ? dup(fileno(tmp)) : -1, e = errno;
    if (tmp)
        fclose(tmp);
    if (fd < 0)
        return fail(pkg, err, ODFGATE_E_IO, NULL, "cannot make a temporary file for the input: %s",
                    strerror(e));
    for (;;) {
        ssize_t n = read(in, buf, sizeof(buf));
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            e = errno;
            close(fd);
            return fail(pkg, err, ODFGATE_E_IO, NULL, "cannot read: %s", strerror(e));
        }
        if (n == 0)
            break;
        if ((total += (uint64_t)n) > pkg->lim.max_file_size) {
            close(fd);
            return too_big(pkg, err);
        }
        for (ssize_t w = 0, k; w < n; w += k)
            if ((k = write(fd, buf + w, (size_t)(n - w))) < 0 && errno != EINTR) {
                e = errno;
                close(fd);
                return fail(pkg, err, ODFGATE_E_IO, NULL, "cannot spool the input: %s",
                            strerror(e));
            } else if (k < 0)
                k = 0;
    }
    pkg->fd = fd;
    pkg->file_size = total;
    return ODFGATE_OK;
}

/* Read the whole regular file of pkg->fd (its pkg->file_size bytes, as the streaming path
 * reads them) into memory, close it, and decide its kind from there. */
static odfgate_status slurp(og_package *pkg, odfgate_error *err)
{
    size_t len = (size_t)pkg->file_size, got = 0;
    char *mem = malloc(len ? len : 1);
    if (!mem)
        return nomem(pkg, err);
    while (got < len) {
        ssize_t r = read(pkg->fd, mem + got, len - got);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0) {
            int e = errno;
            free(mem);
            return fail(pkg, err, ODFGATE_E_IO, NULL, "cannot read: %s", strerror(e));
        }
        if (r == 0)
            break;
        got += (size_t)r;
    }
    if (got != len) {
        free(mem);
        return fail(pkg, err, ODFGATE_E_IO, NULL,
                    "cannot read: the file shrank while it was being read");
    }
    close(pkg->fd);
    pkg->fd = -1;
    pkg->mem = mem;
    pkg->mem_len = len;
    return sniff(pkg, (const unsigned char *)mem, len, err);
}

/* Decide the kind of an input read through pkg->fd (its first bytes). */
static odfgate_status sniff_file(og_package *pkg, odfgate_error *err)
{
    unsigned char head[HEAD_LEN];
    ssize_t n = read_at(pkg, 0, head, sizeof(head));
    if (n < 0)
        return fail(pkg, err, ODFGATE_E_IO, NULL, "cannot read: %s", strerror(errno));
    return sniff(pkg, head, (size_t)n, err);
}

odfgate_status og_package_open(const char *path, const odfgate_limits *lim, og_package **out,
                               odfgate_error *err)
{
    og_package *pkg = new_package(path, lim);
    odfgate_status st;
    struct stat sb;

    *out = NULL;
    if (!pkg)
        return og_fail(err, ODFGATE_E_NOMEM, path, NULL, "out of memory");
    if (strcmp(path, "-") == 0) {
        st = spool(pkg, STDIN_FILENO, err);
        if (st == ODFGATE_OK)
            st = sniff_file(pkg, err);
        return finish_open(pkg, st, out, err);
    }
    /* O_NONBLOCK: opening a FIFO that nobody writes to must not wait for a writer */
    pkg->fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
    if (pkg->fd < 0) {
        st = fail(pkg, err, ODFGATE_E_IO, NULL, "cannot open: %s", strerror(errno));
    } else if (fstat(pkg->fd, &sb) != 0) {
        st = fail(pkg, err, ODFGATE_E_IO, NULL, "cannot read: %s", strerror(errno));
    } else if (S_ISDIR(sb.st_mode)) {
        st = fail(pkg, err, ODFGATE_E_IO, NULL, "is a directory, not a document");
    } else if (S_ISSOCK(sb.st_mode)) {
        st = fail(pkg, err, ODFGATE_E_IO, NULL, "is a socket, not a document");
    } else if (!S_ISREG(sb.st_mode)) {
        /* a FIFO or a device, named by the caller (folder walks take regular files only):
         * read like standard input, bounded in size, and a FIFO in time: it must get a
         * writer or data within OG_FIFO_WAIT_MS */
        int in = pkg->fd;
        struct pollfd pfd = {in, POLLIN, 0};
        pkg->fd = -1;
        if (S_ISFIFO(sb.st_mode) && poll(&pfd, 1, OG_FIFO_WAIT_MS) == 0)
            st = fail(pkg, err, ODFGATE_E_IO, NULL, "a FIFO that nobody wrote to within %d s",
                      OG_FIFO_WAIT_MS / 1000);
        else if (fcntl(in, F_SETFL, fcntl(in, F_GETFL) & ~O_NONBLOCK) < 0)
            st = fail(pkg, err, ODFGATE_E_IO, NULL, "cannot read: %s", strerror(errno));
        else
            st = spool(pkg, in, err);
        close(in);
        if (st == ODFGATE_OK)
            st = sniff_file(pkg, err);
    } else if ((uint64_t)sb.st_size > pkg->lim.max_file_size) {
        st = too_big(pkg, err);
    } else {
        pkg->file_size = (uint64_t)sb.st_size;
        og_file_id_set(&pkg->id, &sb);
        st = (uint64_t)sb.st_size <= OG_SLURP_MAX ? slurp(pkg, err) : sniff_file(pkg, err);
    }
    return finish_open(pkg, st, out, err);
}

odfgate_status og_package_open_memory(const void *data, size_t len, const char *name,
                                      const odfgate_limits *lim, og_package **out,
                                      odfgate_error *err)
{
    og_package *pkg = new_package(name, lim);
    odfgate_status st;
    *out = NULL;
    if (!pkg)
        return og_fail(err, ODFGATE_E_NOMEM, name, NULL, "out of memory");
    if (len > pkg->lim.max_file_size) {
        st = too_big(pkg, err);
        og_package_free(pkg);
        return st;
    }
    if (!(pkg->mem = malloc(len ? len : 1))) {
        og_package_free(pkg);
        return og_fail(err, ODFGATE_E_NOMEM, name, NULL, "out of memory");
    }
    if (len)
        memcpy(pkg->mem, data, len);
    pkg->mem_len = len;
    st = sniff(pkg, (const unsigned char *)pkg->mem, len, err);
    return finish_open(pkg, st, out, err);
}

void og_package_free(og_package *pkg)
{
    if (!pkg)
        return;
    if (pkg->zip)
        zip_discard(pkg->zip);
    if (pkg->fd >= 0)
        close(pkg->fd);
    for (size_t i = 0; i < pkg->note_count; i++)
        free(pkg->notes[i]);
    free(pkg->mem);
    free(pkg->path);
    free(pkg);
}

og_package_kind og_package_kind_of(const og_package *pkg) { return pkg->kind; }
const char *og_package_path(const og_package *pkg) { return pkg->path; }
const char *og_package_mimetype(const og_package *pkg) { return pkg->mimetype; }
size_t og_package_note_count(const og_package *pkg) { return pkg->note_count; }

const char *og_package_note(const og_package *pkg, size_t i)
{
    return i < pkg->note_count ? pkg->notes[i] : NULL;
}

int og_package_has_part(const og_package *pkg, const char *name)
{
    if (pkg->kind == OG_PACKAGE_FLAT)
        return strcmp(name, "content.xml") == 0;
    return zip_name_locate(pkg->zip, name, ZIP_FL_ENC_RAW) >= 0;
}

size_t og_package_entry_count(const og_package *pkg)
{
    zip_int64_t n;
    if (pkg->kind == OG_PACKAGE_FLAT)
        return 0;
    n = zip_get_num_entries(pkg->zip, 0);
    return n > 0 ? (size_t)n : 0;
}

const char *og_package_entry_name(const og_package *pkg, size_t i)
{
    if (pkg->kind == OG_PACKAGE_FLAT)
        return NULL;
    return zip_get_name(pkg->zip, (zip_uint64_t)i, ZIP_FL_ENC_RAW);
}

long og_package_entry_index(const og_package *pkg, const char *name)
{
    zip_int64_t i;
    if (pkg->kind == OG_PACKAGE_FLAT)
        return -1;
    i = zip_name_locate(pkg->zip, name, ZIP_FL_ENC_RAW);
    return i >= 0 ? (long)i : -1;
}
