/* package.c — open and verify a package, read parts as capped streams (see package.h and
 * ../shared/SAFE-USE.md, libzip section).  Also holds the default limits (docs/limits.md). */
#include "package.h"

#include "text.h"
#include "xml.h"

#include <errno.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zip.h>

#define MiB (1024ull * 1024ull)
#define OG_MIME_PREFIX "application/vnd.oasis.opendocument."

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

struct og_package {
    char *path;
    og_package_kind kind;
    odfgate_limits lim;
    char *mem;          /* bytes owned (memory/stdin input), or NULL for a path */
    size_t mem_len;
    zip_t *zip;
    char mimetype[256];
    char *notes[8];
    size_t note_count;
    uint64_t total_read; /* inflated bytes read so far (max_total_size) */
};

typedef enum part_kind { PART_ZIP, PART_MEM, PART_FILE } part_kind;

struct og_part {
    og_package *pkg;
    part_kind kind;
    const char *name;
    zip_file_t *zf;
    FILE *fp;
    const char *mem;
    size_t mem_len, pos;
    uint64_t declared, got;
    int failed;
    odfgate_errcode code;
    char msg[256];
};

/* ------------------------------------------------------------------ helpers */

static void note(og_package *pkg, const char *msg)
{
    if (pkg->note_count < OG_ARRAY_LEN(pkg->notes))
        if ((pkg->notes[pkg->note_count] = og_strdup(msg)))
            pkg->note_count++;
}

static odfgate_status fail(og_package *pkg, odfgate_error *err, odfgate_errcode code,
                           const char *part, const char *fmt, ...) OG_PRINTF(5, 6);
static odfgate_status fail(og_package *pkg, odfgate_error *err, odfgate_errcode code,
                           const char *part, const char *fmt, ...)
{
    char msg[400];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    return og_fail(err, code, pkg->path, part, "%s", msg);
}

static int is_text_type(const char *m)
{
    static const char *const ok[] = {"text", "text-template", "text-master",
                                     "text-master-template", "text-web"};
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
    return NULL;
}

/* Check a declared media type; returns 0 to go on, -1 refused (err filled). */
static int check_type(og_package *pkg, const char *m, odfgate_error *err)
{
    const char *kind = other_odf_kind(m);
    if (kind) {
        og_fail(err, ODFGATE_E_WRONG_TYPE, pkg->path, NULL,
                "this is %s (%s), not a text document", kind, m);
        return -1;
    }
    return 0;
}

/* Names from the zip directory: valid UTF-8, relative, no "..", no NUL or backslash. */
static int name_ok(const char *name)
{
    size_t n = strlen(name);
    if (n == 0 || name[0] == '/' || strchr(name, '\\') || !og_utf8_valid(name, n))
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

/* ------------------------------------------------------------------ parts */

static int part_fail(og_part *p, odfgate_errcode code, const char *msg)
{
    if (!p->failed) {
        p->failed = 1;
        p->code = code;
        snprintf(p->msg, sizeof(p->msg), "%s: %s", p->name, msg);
    }
    return -1;
}

static int account(og_part *p, size_t n)
{
    og_package *pkg = p->pkg;
    p->got += n;
    pkg->total_read += n;
    if (p->got > pkg->lim.max_part_size)
        return part_fail(p, ODFGATE_E_LIMIT, "part is larger than the size limit");
    if (pkg->total_read > pkg->lim.max_total_size)
        return part_fail(p, ODFGATE_E_LIMIT, "the parts read inflate past the total size limit");
    return 0;
}

int og_part_read(void *ctx, char *buf, int len)
{
    og_part *p = ctx;
    size_t want;
    if (p->failed)
        return -1;
    if (len <= 0)
        return 0;
    switch (p->kind) {
    case PART_MEM:
        want = p->mem_len - p->pos < (size_t)len ? p->mem_len - p->pos : (size_t)len;
        memcpy(buf, p->mem + p->pos, want);
        p->pos += want;
        return account(p, want) < 0 ? -1 : (int)want;
    case PART_FILE: {
        size_t n = fread(buf, 1, (size_t)len, p->fp);
        if (n == 0 && ferror(p->fp))
            return part_fail(p, ODFGATE_E_IO, strerror(errno));
        return account(p, n) < 0 ? -1 : (int)n;
    }
    case PART_ZIP: {
        zip_int64_t n;
        if (p->got >= p->declared) {
            /* the declared size is not enforced by libzip: one more byte must not exist */
            char extra;
            n = zip_fread(p->zf, &extra, 1);
            if (n > 0)
                return part_fail(p, ODFGATE_E_LIMIT, "part inflates past its declared size");
            if (n < 0)
                return part_fail(p, ODFGATE_E_CORRUPT, zip_file_strerror(p->zf));
            return 0;
        }
        want = p->declared - p->got < (uint64_t)len ? (size_t)(p->declared - p->got) : (size_t)len;
        n = zip_fread(p->zf, buf, want);
        if (n < 0)
            return part_fail(p, ODFGATE_E_CORRUPT, zip_file_strerror(p->zf));
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
    og_fail(err, p->code, p->pkg->path, p->name, "%s", p->msg);
    return -1;
}

void og_part_close(og_part *p)
{
    if (!p)
        return;
    if (p->zf)
        zip_fclose(p->zf);
    if (p->fp)
        fclose(p->fp);
    free(p);
}

int og_package_part_open(og_package *pkg, const char *name, og_part **out, odfgate_error *err)
{
    og_part *p;
    *out = NULL;
    if (!og_package_has_part(pkg, name)) {
        og_fail(err, ODFGATE_E_MISSING_PART, pkg->path, name, "%s is missing from the package", name);
        return -1;
    }
    if (!(p = calloc(1, sizeof(*p)))) {
        og_fail(err, ODFGATE_E_NOMEM, pkg->path, name, "out of memory");
        return -1;
    }
    p->pkg = pkg;
    p->name = pkg->kind == OG_PACKAGE_FLAT ? "document" : name;
    if (pkg->kind == OG_PACKAGE_FLAT && pkg->mem) {
        p->kind = PART_MEM;
        p->mem = pkg->mem;
        p->mem_len = pkg->mem_len;
    } else if (pkg->kind == OG_PACKAGE_FLAT) {
        p->kind = PART_FILE;
        if (!(p->fp = fopen(pkg->path, "rb"))) {
            og_fail(err, ODFGATE_E_IO, pkg->path, NULL, "cannot open: %s", strerror(errno));
            free(p);
            return -1;
        }
    } else {
        zip_stat_t st;
        p->kind = PART_ZIP;
        if (zip_stat(pkg->zip, name, ZIP_FL_ENC_RAW, &st) < 0 ||
            !(p->zf = zip_fopen(pkg->zip, name, ZIP_FL_ENC_RAW))) {
            og_fail(err, ODFGATE_E_CORRUPT, pkg->path, name, "%s: cannot open: %s", name,
                    zip_strerror(pkg->zip));
            free(p);
            return -1;
        }
        p->declared = st.size;
    }
    *out = p;
    return 0;
}

int og_package_read_part(og_package *pkg, const char *name, og_buf *out, odfgate_error *err)
{
    og_part *p;
    char chunk[16384];
    int n;
    og_buf_reset(out);
    if (og_package_part_open(pkg, name, &p, err) < 0)
        return -1;
    while ((n = og_part_read(p, chunk, sizeof(chunk))) > 0)
        if (og_buf_add(out, chunk, (size_t)n) != OG_BUF_OK) {
            og_fail(err, ODFGATE_E_LIMIT, pkg->path, name, "%s: part too large", name);
            og_part_close(p);
            return -1;
        }
    n = og_part_finish(p, err);
    og_part_close(p);
    return n;
}

/* ------------------------------------------------------------------ zip */

static odfgate_status zip_open_error(og_package *pkg, int code, odfgate_error *err)
{
    zip_error_t ze;
    char msg[200];
    odfgate_errcode c = ODFGATE_E_CORRUPT;
    zip_error_init_with_code(&ze, code);
    snprintf(msg, sizeof(msg), "%s", zip_error_strerror(&ze));
    zip_error_fini(&ze);
    if (code == ZIP_ER_MEMORY)
        c = ODFGATE_E_NOMEM;
    else if (code == ZIP_ER_OPEN)
        c = ODFGATE_E_IO;
    if (code == ZIP_ER_INCONS)
        return fail(pkg, err, c, NULL, "corrupt zip (inconsistent directory or duplicate entry names): %s", msg);
    return fail(pkg, err, c, NULL, "corrupt or truncated zip: %s", msg);
}

/* Every entry: safe name, no duplicates, no zip encryption, known method, sizes in limits. */
static odfgate_status check_entries(og_package *pkg, odfgate_error *err)
{
    zip_int64_t n = zip_get_num_entries(pkg->zip, 0);
    uint64_t total = 0;
    const char **names;
    odfgate_status st = ODFGATE_OK;

    if (n < 0)
        return fail(pkg, err, ODFGATE_E_CORRUPT, NULL, "corrupt zip: no directory");
    if ((uint64_t)n > pkg->lim.max_entries) {
        og_fail(err, ODFGATE_E_LIMIT, pkg->path, NULL, "too many zip entries (%lld; the limit is %llu)",
                (long long)n, (unsigned long long)pkg->lim.max_entries);
        return ODFGATE_FAILED;
    }
    if (!(names = calloc((size_t)n + 1, sizeof(*names))))
        return og_fail(err, ODFGATE_E_NOMEM, pkg->path, NULL, "out of memory");
    for (zip_int64_t i = 0; i < n && st == ODFGATE_OK; i++) {
        zip_stat_t s;
        if (zip_stat_index(pkg->zip, (zip_uint64_t)i, ZIP_FL_ENC_RAW, &s) < 0 ||
            !(s.valid & ZIP_STAT_NAME) || !(s.valid & ZIP_STAT_SIZE) ||
            !(s.valid & ZIP_STAT_COMP_SIZE)) {
            st = fail(pkg, err, ODFGATE_E_CORRUPT, NULL, "corrupt zip entry");
            break;
        }
        names[i] = s.name;
        if (!name_ok(s.name))
            st = fail(pkg, err, ODFGATE_E_CORRUPT, NULL,
                      "unsafe or invalid entry name in the zip (not UTF-8, absolute or with ..)");
        else if ((s.valid & ZIP_STAT_ENCRYPTION_METHOD) && s.encryption_method != ZIP_EM_NONE)
            st = fail(pkg, err, ODFGATE_E_ENCRYPTED, s.name, "zip entry %s is encrypted", s.name);
        else if ((s.valid & ZIP_STAT_COMP_METHOD) && s.comp_method != ZIP_CM_STORE &&
                 s.comp_method != ZIP_CM_DEFLATE)
            st = fail(pkg, err, ODFGATE_E_CORRUPT, s.name,
                      "zip entry %s uses a compression method ODF does not allow", s.name);
        else if (s.size > pkg->lim.max_part_size) {
            og_fail(err, ODFGATE_E_LIMIT, pkg->path, s.name,
                    "zip bomb: part %s declares %llu bytes (the limit is %llu)", s.name,
                    (unsigned long long)s.size, (unsigned long long)pkg->lim.max_part_size);
            st = ODFGATE_FAILED;
        } else if (s.size > MiB && (s.comp_size == 0 || s.size / s.comp_size > pkg->lim.max_ratio)) {
            og_fail(err, ODFGATE_E_LIMIT, pkg->path, s.name,
                    "zip bomb: part %s inflates %llu times (the limit is %u)", s.name,
                    (unsigned long long)(s.comp_size ? s.size / s.comp_size : s.size),
                    pkg->lim.max_ratio);
            st = ODFGATE_FAILED;
        } else if ((total += s.size) > pkg->lim.max_total_size) {
            og_fail(err, ODFGATE_E_LIMIT, pkg->path, NULL,
                    "zip bomb: the parts inflate to more than %llu bytes",
                    (unsigned long long)pkg->lim.max_total_size);
            st = ODFGATE_FAILED;
        }
    }
    if (st == ODFGATE_OK) {
        qsort(names, (size_t)n, sizeof(*names), cmp_str);
        for (zip_int64_t i = 1; i < n; i++)
            if (strcmp(names[i - 1], names[i]) == 0) {
                st = fail(pkg, err, ODFGATE_E_CORRUPT, NULL, "duplicate entry name %s in the zip",
                          names[i]);
                break;
            }
    }
    free(names);
    return st;
}

/* Media type of "/" in the manifest, and whether it declares encryption. */
static odfgate_status read_manifest(og_package *pkg, char *media, size_t media_len,
                                    odfgate_error *err)
{
    og_buf buf;
    xmlDocPtr doc;
    odfgate_error perr;
    odfgate_status st = ODFGATE_OK;

    media[0] = '\0';
    if (!og_package_has_part(pkg, "META-INF/manifest.xml")) {
        note(pkg, "the package has no META-INF/manifest.xml");
        return ODFGATE_OK;
    }
    og_buf_init(&buf, 64 * MiB);
    if (og_package_read_part(pkg, "META-INF/manifest.xml", &buf, err) < 0) {
        og_buf_free(&buf);
        return ODFGATE_FAILED;
    }
    doc = og_xml_parse_memory(buf.data ? buf.data : "", buf.len, pkg->path, "META-INF/manifest.xml", &perr);
    og_buf_free(&buf);
    if (!doc) {
        if (perr.code == ODFGATE_E_ENTITY || perr.code == ODFGATE_E_LIMIT || perr.code == ODFGATE_E_NOMEM) {
            if (err)
                *err = perr;
            return perr.code == ODFGATE_E_NOMEM ? ODFGATE_FATAL : ODFGATE_FAILED;
        }
        char msg[600];
        snprintf(msg, sizeof(msg), "META-INF/manifest.xml cannot be read: %s", perr.message);
        note(pkg, msg);
        return ODFGATE_OK;
    }
    /* manifest:manifest / manifest:file-entry [/ manifest:encryption-data] — flat walk */
    xmlNodePtr root = xmlDocGetRootElement(doc);
    for (xmlNodePtr e = root ? root->children : NULL; e; e = e->next) {
        if (e->type != XML_ELEMENT_NODE || !e->ns ||
            strcmp((const char *)e->ns->href, OG_NS_MANIFEST) != 0)
            continue;
        for (xmlNodePtr c = e->children; c; c = c->next)
            if (c->type == XML_ELEMENT_NODE && strcmp((const char *)c->name, "encryption-data") == 0)
                st = ODFGATE_FAILED;
        xmlChar *path = xmlGetNsProp(e, (const xmlChar *)"full-path", (const xmlChar *)OG_NS_MANIFEST);
        xmlChar *type = xmlGetNsProp(e, (const xmlChar *)"media-type", (const xmlChar *)OG_NS_MANIFEST);
        if (path && type && strcmp((const char *)path, "/") == 0)
            og_copy_safe(media, media_len, (const char *)type);
        xmlFree(path);
        xmlFree(type);
    }
    xmlFreeDoc(doc);
    if (st != ODFGATE_OK)
        og_fail(err, ODFGATE_E_ENCRYPTED, pkg->path, NULL,
                "the document is encrypted (password protected); it cannot be checked without the password");
    return st;
}

static odfgate_status read_mimetype(og_package *pkg)
{
    zip_int64_t idx = zip_name_locate(pkg->zip, "mimetype", ZIP_FL_ENC_RAW);
    zip_stat_t st;
    zip_file_t *f;
    char buf[256];
    zip_int64_t n;

    pkg->mimetype[0] = '\0';
    if (idx < 0) {
        note(pkg, "the package has no mimetype entry");
        return ODFGATE_OK;
    }
    if (idx != 0)
        note(pkg, "mimetype is not the first entry of the zip");
    if (zip_stat_index(pkg->zip, (zip_uint64_t)idx, 0, &st) == 0 && (st.valid & ZIP_STAT_COMP_METHOD) &&
        st.comp_method != ZIP_CM_STORE)
        note(pkg, "mimetype is compressed (ODF requires it stored)");
    if (zip_file_extra_fields_count(pkg->zip, (zip_uint64_t)idx, ZIP_FL_LOCAL) > 0)
        note(pkg, "mimetype has an extra field in its zip header");
    if (!(f = zip_fopen_index(pkg->zip, (zip_uint64_t)idx, 0)))
        return ODFGATE_OK;
    n = zip_fread(f, buf, sizeof(buf) - 1);
    zip_fclose(f);
    if (n < 0)
        n = 0;
    buf[n] = '\0';
    while (n > 0 && (buf[n - 1] == '\n' || buf[n - 1] == '\r' || buf[n - 1] == ' '))
        buf[--n] = '\0';
    og_copy_safe(pkg->mimetype, sizeof(pkg->mimetype), buf);
    return ODFGATE_OK;
}

static odfgate_status open_zip(og_package *pkg, odfgate_error *err)
{
    int code = 0;
    char manifest_type[256];
    odfgate_status st;

    if (pkg->mem) {
        zip_error_t ze;
        zip_source_t *src;
        zip_error_init(&ze);
        src = zip_source_buffer_create(pkg->mem, pkg->mem_len, 0, &ze);
        if (src && !(pkg->zip = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &ze))) {
            code = zip_error_code_zip(&ze);
            zip_source_free(src);
        } else if (!src)
            code = ZIP_ER_MEMORY;
        zip_error_fini(&ze);
    } else {
        pkg->zip = zip_open(pkg->path, ZIP_RDONLY | ZIP_CHECKCONS, &code);
    }
    if (!pkg->zip)
        return zip_open_error(pkg, code, err);
    if ((st = check_entries(pkg, err)) != ODFGATE_OK)
        return st;
    read_mimetype(pkg);
    if ((st = read_manifest(pkg, manifest_type, sizeof(manifest_type), err)) != ODFGATE_OK)
        return st;
    if (pkg->mimetype[0] && !is_text_type(pkg->mimetype) && !other_odf_kind(pkg->mimetype)) {
        char msg[400];
        snprintf(msg, sizeof(msg), "mimetype \"%.60s\" is not an ODF media type", pkg->mimetype);
        note(pkg, msg);
        pkg->mimetype[0] = '\0';
    }
    if (!pkg->mimetype[0])
        og_copy_safe(pkg->mimetype, sizeof(pkg->mimetype),
                     manifest_type[0] ? manifest_type : OG_MIME_PREFIX "text");
    if (check_type(pkg, pkg->mimetype, err) < 0)
        return ODFGATE_FAILED;
    if (!og_package_has_part(pkg, "content.xml"))
        return fail(pkg, err, ODFGATE_E_MISSING_PART, "content.xml",
                    "content.xml is missing from the package");
    return ODFGATE_OK;
}

/* ------------------------------------------------------------------ flat */

static odfgate_status open_flat(og_package *pkg, odfgate_error *err)
{
    og_xml_stream s;
    og_part *part;
    int rc;
    odfgate_status st = ODFGATE_OK;

    og_copy_safe(pkg->mimetype, sizeof(pkg->mimetype), OG_MIME_PREFIX "text");
    if (og_package_part_open(pkg, "content.xml", &part, err) < 0)
        return ODFGATE_FAILED;
    if (og_xml_stream_open(&s, og_part_read, part, pkg->path, NULL, pkg->lim.max_depth, err) < 0) {
        og_part_close(part);
        return ODFGATE_FAILED;
    }
    while ((rc = og_xml_stream_next(&s)) == 1)
        if (xmlTextReaderNodeType(s.reader) == XML_READER_TYPE_ELEMENT)
            break;
    if (rc == 1) {
        if (strcmp(og_xml_ns(&s), OG_NS_OFFICE) != 0 || strcmp(og_xml_local(&s), "document") != 0) {
            char root[200];
            snprintf(root, sizeof(root), "%.80s", (const char *)xmlTextReaderConstName(s.reader));
            st = fail(pkg, err, ODFGATE_E_NOT_PACKAGE, NULL,
                      "XML, but not an ODF document (root element <%s>)", root);
        } else {
            char *m = og_xml_attr(&s, OG_NS_OFFICE, "mimetype");
            if (!m)
                note(pkg, "flat document without office:mimetype");
            else
                og_copy_safe(pkg->mimetype, sizeof(pkg->mimetype), m);
            xmlFree(m);
            if (check_type(pkg, pkg->mimetype, err) < 0)
                st = ODFGATE_FAILED;
        }
    } else if (rc == 0) {
        st = fail(pkg, err, ODFGATE_E_NOT_PACKAGE, NULL, "XML without any element");
    } else {
        st = err && err->code == ODFGATE_E_NOMEM ? ODFGATE_FATAL : ODFGATE_FAILED;
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
    size_t i = 0;
    if (n == 0)
        return fail(pkg, err, ODFGATE_E_NOT_PACKAGE, NULL, "empty file");
    if (n >= 4 && b[0] == 'P' && b[1] == 'K' && b[2] == 3 && b[3] == 4) {
        pkg->kind = OG_PACKAGE_ZIP;
        return ODFGATE_OK;
    }
    if (n >= 2 && b[0] == 'P' && b[1] == 'K')
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
    return fail(pkg, err, ODFGATE_E_NOT_PACKAGE, NULL,
                "not an ODF document (neither a zip package nor flat XML)");
}

static og_package *new_package(const char *path, const odfgate_limits *lim)
{
    og_package *pkg = calloc(1, sizeof(*pkg));
    if (!pkg)
        return NULL;
    if (!(pkg->path = og_strdup(path))) {
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
    og_fail(err, ODFGATE_E_LIMIT, pkg->path, NULL, "file is larger than the limit of %llu bytes",
            (unsigned long long)pkg->lim.max_file_size);
    return ODFGATE_FAILED;
}

/* Standard input, read whole (it cannot be seeked), capped. */
static odfgate_status slurp_stdin(og_package *pkg, odfgate_error *err)
{
    og_buf b;
    char chunk[65536];
    size_t n;
    og_buf_init(&b, pkg->lim.max_file_size);
    while ((n = fread(chunk, 1, sizeof(chunk), stdin)) > 0)
        if (og_buf_add(&b, chunk, n) != OG_BUF_OK) {
            og_buf_free(&b);
            return too_big(pkg, err);
        }
    if (ferror(stdin)) {
        og_buf_free(&b);
        return og_fail(err, ODFGATE_E_IO, pkg->path, NULL, "cannot read standard input: %s",
                       strerror(errno));
    }
    pkg->mem_len = b.len;
    pkg->mem = og_buf_take(&b);
    return pkg->mem ? ODFGATE_OK : og_fail(err, ODFGATE_E_NOMEM, pkg->path, NULL, "out of memory");
}

odfgate_status og_package_open(const char *path, const odfgate_limits *lim, og_package **out,
                               odfgate_error *err)
{
    og_package *pkg = new_package(path, lim);
    odfgate_status st;
    *out = NULL;
    if (!pkg)
        return og_fail(err, ODFGATE_E_NOMEM, path, NULL, "out of memory");
    if (strcmp(path, "-") == 0) {
        st = slurp_stdin(pkg, err);
        if (st == ODFGATE_OK)
            st = sniff(pkg, (const unsigned char *)pkg->mem, pkg->mem_len, err);
        return finish_open(pkg, st, out, err);
    }
    struct stat sb;
    unsigned char head[512];
    size_t n;
    FILE *fp = fopen(path, "rb");
    if (!fp) {
        st = og_fail(err, ODFGATE_E_IO, path, NULL, "cannot open: %s", strerror(errno));
        og_package_free(pkg);
        return st;
    }
    if (fstat(fileno(fp), &sb) == 0 && S_ISDIR(sb.st_mode)) {
        fclose(fp);
        st = og_fail(err, ODFGATE_E_IO, path, NULL, "is a directory, not a document");
        og_package_free(pkg);
        return st;
    }
    if (fstat(fileno(fp), &sb) == 0 && S_ISREG(sb.st_mode) && (uint64_t)sb.st_size > pkg->lim.max_file_size) {
        fclose(fp);
        st = too_big(pkg, err);
        og_package_free(pkg);
        return st;
    }
    n = fread(head, 1, sizeof(head), fp);
    if (n == 0 && ferror(fp)) {
        st = og_fail(err, ODFGATE_E_IO, path, NULL, "cannot read: %s", strerror(errno));
        fclose(fp);
        og_package_free(pkg);
        return st;
    }
    fclose(fp);
    st = sniff(pkg, head, n, err);
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
