/* test-package.c — the package layer: kinds, every refusal of a hostile or broken zip (built in
 * memory with libzip, then patched byte by byte where libzip will not write the damage),
 * conformance notes, capped part reading, flat XML, paths, FIFOs and standard input; and the
 * atomic package writer. */
#include "unit.h"
#include "zipbuild.h"

#include "odfgate.h"
#include "read/inflate.h"
#include "read/package.h"
#include "write/pkgwrite.h"

#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <zip.h>

static const char content_xml[] =
    "<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
    "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"><office:body><office:text>"
    "<text:h text:outline-level=\"1\">Common vision</text:h><text:p>Some words here.</text:p>"
    "</office:text></office:body></office:document-content>";
static const char mime[] = "application/vnd.oasis.opendocument.text";
static const char manifest[] =
    "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\">"
    "<manifest:file-entry manifest:full-path=\"/\" "
    "manifest:media-type=\"application/vnd.oasis.opendocument.text\"/>"
    "</manifest:manifest>";

/* ------------------------------------------------------------------ building zips */

/* Patch a little-endian field of entry `name` in its local header (at loff) and its central
 * header (at coff); width 1, 2 or 4.  Returns how many headers were patched. */
static int patch_entry(unsigned char *b, size_t len, const char *name, size_t loff, size_t coff,
                       uint32_t value, int width)
{
    size_t nl = strlen(name);
    int patched = 0;
    for (size_t i = 0; i + 46 + nl <= len; i++) {
        size_t off;
        if (b[i] != 'P' || b[i + 1] != 'K')
            continue;
        if (b[i + 2] == 3 && b[i + 3] == 4 && (b[i + 26] | b[i + 27] << 8) == (int)nl &&
            memcmp(b + i + 30, name, nl) == 0)
            off = i + loff;
        else if (b[i + 2] == 1 && b[i + 3] == 2 && (b[i + 28] | b[i + 29] << 8) == (int)nl &&
                 memcmp(b + i + 46, name, nl) == 0)
            off = i + coff;
        else
            continue;
        for (int k = 0; k < width; k++)
            b[off + (size_t)k] = (unsigned char)(value >> (8 * k));
        patched++;
    }
    return patched;
}
#define PATCH_FLAGS(b, l, n, v)  patch_entry(b, l, n, 6, 8, v, 2)
#define PATCH_METHOD(b, l, n, v) patch_entry(b, l, n, 8, 10, v, 2)
#define PATCH_SIZE(b, l, n, v)   patch_entry(b, l, n, 22, 24, v, 4)

/* Offset of the data of entry `name` (after its local header), or len if not found. */
static size_t entry_data(const unsigned char *b, size_t len, const char *name)
{
    size_t nl = strlen(name);
    for (size_t i = 0; i + 30 + nl <= len; i++)
        if (memcmp(b + i, "PK\3\4", 4) == 0 && (b[i + 26] | b[i + 27] << 8) == (int)nl &&
            memcmp(b + i + 30, name, nl) == 0)
            return i + 30 + nl + (size_t)(b[i + 28] | b[i + 29] << 8);
    return len;
}

/* Replace every occurrence of `from` by `to` (same length). */
static int patch_bytes(unsigned char *b, size_t len, const char *from, const char *to)
{
    size_t n = strlen(from);
    int count = 0;
    for (size_t i = 0; i + n <= len; i++)
        if (memcmp(b + i, from, n) == 0) {
            memcpy(b + i, to, n);
            count++;
        }
    return count;
}

static const zent std_mimetype = {"mimetype", mime, 0, 0, 0};
static const zent std_content = {"content.xml", content_xml, 0, 1, 0};
static const zent std_manifest = {"META-INF/manifest.xml", manifest, 0, 1, 0};

/* Open bytes as a package; the status, with the package freed unless `keep`. */
static odfgate_status open_bytes(const void *b, size_t len, const odfgate_limits *lim,
                                 og_package **keep, odfgate_error *err)
{
    og_package *p = NULL;
    odfgate_status st;
    odfgate_error_clear(err);
    st = og_package_open_memory(b, len, "t.odt", lim, &p, err);
    if (keep)
        *keep = p;
    else
        og_package_free(p);
    return st;
}

/* Build, open, expect a refusal with `code` and a message containing `want`. */
#define EXPECT_REFUSED(entries, lim, want_code, want)                                              \
    do {                                                                                           \
        size_t len_ = 0;                                                                           \
        unsigned char *b_ = build_zip(entries, OG_ARRAY_LEN(entries), &len_);                      \
        odfgate_error e_;                                                                          \
        OG_CHECK(b_ != NULL);                                                                      \
        OG_CHECK_INT(open_bytes(b_, len_, lim, NULL, &e_), ODFGATE_FAILED);                        \
        OG_CHECK_STR(odfgate_errcode_name(e_.code), odfgate_errcode_name(want_code));              \
        if (!strstr(e_.message, want))                                                             \
            OG_CHECK_STR(e_.message, want);                                                        \
        free(b_);                                                                                  \
    } while (0)

static int has_note(const og_package *p, const char *want)
{
    for (size_t i = 0; p && i < og_package_note_count(p); i++)
        if (strstr(og_package_note(p, i), want))
            return 1;
    return 0;
}

/* ------------------------------------------------------------------ kinds */

OG_TEST(package_kind_is_decided_by_content)
{
    odfgate_error err;
    og_package *p = NULL;
    OG_CHECK_INT(open_bytes("", 0, NULL, NULL, &err), ODFGATE_FAILED);
    OG_CHECK_INT(err.code, ODFGATE_E_NOT_PACKAGE);
    OG_CHECK_STR(err.message, "empty file");
    OG_CHECK_STR(err.path, "t.odt");
    OG_CHECK_INT(open_bytes("PK\5\6\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0", 22, NULL, NULL, &err),
                 ODFGATE_FAILED);
    OG_CHECK_INT(err.code, ODFGATE_E_CORRUPT);
    OG_CHECK(strstr(err.message, "corrupt or truncated zip") != NULL);
    OG_CHECK_INT(open_bytes("PK\3", 3, NULL, NULL, &err), ODFGATE_FAILED);
    OG_CHECK_INT(err.code, ODFGATE_E_CORRUPT);
    OG_CHECK_INT(open_bytes("PKI notes, not a zip", 20, NULL, NULL, &err), ODFGATE_FAILED);
    OG_CHECK_INT(err.code, ODFGATE_E_NOT_PACKAGE);
    OG_CHECK_STR(err.message, "not an ODF package (neither a zip nor XML)");
    OG_CHECK_INT(open_bytes("%PDF-1.4 binary", 15, NULL, NULL, &err), ODFGATE_FAILED);
    OG_CHECK_INT(err.code, ODFGATE_E_NOT_PACKAGE);
    /* a UTF-8 BOM and white space before '<' is XML */
    const char *flat =
        "\xef\xbb\xbf \r\n\t<office:document "
        "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
        "office:mimetype=\"application/vnd.oasis.opendocument.text\"><office:body><office:text/></"
        "office:body></office:document>";
    OG_CHECK_INT(open_bytes(flat, strlen(flat), NULL, &p, &err), ODFGATE_OK);
    OG_CHECK(p && og_package_kind_of(p) == OG_PACKAGE_FLAT);
    OG_CHECK_INT(p ? og_package_note_count(p) : 99, 0);
    og_package_free(p);
}

OG_TEST(package_good_zip_reads_parts)
{
    const zent e[] = {std_mimetype, std_content, std_manifest};
    size_t len = 0;
    unsigned char *b = build_zip(e, OG_ARRAY_LEN(e), &len);
    og_package *p = NULL;
    odfgate_error err;
    og_buf buf;
    og_part *part = NULL;
    char chunk[7], all[sizeof(content_xml)];
    size_t got = 0;
    int n;

    OG_CHECK_INT(open_bytes(b, len, NULL, &p, &err), ODFGATE_OK);
    free(b); /* the package keeps its own copy */
    if (!p)
        return;
    OG_CHECK(og_package_kind_of(p) == OG_PACKAGE_ZIP);
    OG_CHECK_STR(og_package_mimetype(p), mime);
    OG_CHECK_INT(og_package_note_count(p), 0);
    OG_CHECK(og_package_has_part(p, "content.xml"));
    OG_CHECK(!og_package_has_part(p, "styles.xml"));
    og_buf_init(&buf, 1 << 20);
    OG_CHECK_INT(og_package_read_part(p, "content.xml", &buf, &err), 0);
    OG_CHECK_STR(buf.data, content_xml);
    OG_CHECK_INT(og_package_read_part(p, "styles.xml", &buf, &err), -1);
    OG_CHECK_INT(err.code, ODFGATE_E_MISSING_PART);
    /* a buffer too small for the part is a limit, not a crash */
    og_buf_free(&buf);
    og_buf_init(&buf, 10);
    OG_CHECK_INT(og_package_read_part(p, "content.xml", &buf, &err), -1);
    OG_CHECK_INT(err.code, ODFGATE_E_LIMIT);
    og_buf_free(&buf);
    /* streamed in small reads */
    OG_CHECK_INT(og_package_part_open(p, "content.xml", &part, &err), 0);
    while (part && (n = og_part_read(part, chunk, sizeof(chunk))) > 0 &&
           got + (size_t)n < sizeof(all)) {
        memcpy(all + got, chunk, (size_t)n);
        got += (size_t)n;
    }
    all[got] = '\0';
    OG_CHECK_STR(all, content_xml);
    OG_CHECK_INT(og_part_read(part, chunk, sizeof(chunk)), 0); /* end stays the end */
    OG_CHECK_INT(og_part_finish(part, &err), 0);
    og_part_close(part);
    og_package_free(p);
}

/* ------------------------------------------------------------------ media types */

OG_TEST(package_text_types_are_accepted)
{
    static const char *const types[] = {"application/vnd.oasis.opendocument.text",
                                        "application/vnd.oasis.opendocument.text-template",
                                        "application/vnd.oasis.opendocument.text-master",
                                        "application/vnd.oasis.opendocument.text-master-template",
                                        "application/vnd.oasis.opendocument.text-web"};
    for (size_t i = 0; i < OG_ARRAY_LEN(types); i++) {
        const zent e[] = {{"mimetype", types[i], 0, 0, 0}, std_content};
        size_t len = 0;
        unsigned char *b = build_zip(e, OG_ARRAY_LEN(e), &len);
        og_package *p = NULL;
        odfgate_error err;
        OG_CHECK_INT(open_bytes(b, len, NULL, &p, &err), ODFGATE_OK);
        OG_CHECK_STR(p ? og_package_mimetype(p) : NULL, types[i]);
        og_package_free(p);
        free(b);
    }
}

OG_TEST(package_other_types_are_refused)
{
    const zent ods[] = {{"mimetype", "application/vnd.oasis.opendocument.spreadsheet", 0, 0, 0},
                        std_content};
    const zent odp[] = {{"mimetype", "application/vnd.oasis.opendocument.presentation", 0, 0, 0},
                        std_content};
    const zent odg[] = {{"mimetype", "application/vnd.oasis.opendocument.graphics", 0, 0, 0},
                        std_content};
    const zent odb[] = {{"mimetype", "application/vnd.oasis.opendocument.base", 0, 0, 0},
                        std_content};
    const zent odx[] = {{"mimetype", "application/vnd.oasis.opendocument.future-thing", 0, 0, 0},
                        std_content};
    const zent pdf[] = {{"mimetype", "application/pdf\r\n", 0, 0, 0}, std_content};
    EXPECT_REFUSED(ods, NULL, ODFGATE_E_WRONG_TYPE, "is a spreadsheet, not a text document");
    EXPECT_REFUSED(odp, NULL, ODFGATE_E_WRONG_TYPE, "is a presentation");
    EXPECT_REFUSED(odg, NULL, ODFGATE_E_WRONG_TYPE, "is a drawing");
    EXPECT_REFUSED(odb, NULL, ODFGATE_E_WRONG_TYPE, "is a database");
    EXPECT_REFUSED(odx, NULL, ODFGATE_E_WRONG_TYPE, "opendocument.future-thing");
    EXPECT_REFUSED(pdf, NULL, ODFGATE_E_WRONG_TYPE, "(media type application/pdf)");
    /* the type of a spreadsheet is given even when it is also missing content.xml */
    const zent ods_empty[] = {
        {"mimetype", "application/vnd.oasis.opendocument.spreadsheet", 0, 0, 0}};
    EXPECT_REFUSED(ods_empty, NULL, ODFGATE_E_WRONG_TYPE, "spreadsheet");
}

OG_TEST(package_mimetype_notes)
{
    /* not first, compressed, with an extra field: read, with one note each */
    const zent e[] = {std_content, {"mimetype", mime, 0, 1, 1}, std_manifest};
    size_t len = 0;
    unsigned char *b = build_zip(e, OG_ARRAY_LEN(e), &len);
    og_package *p = NULL;
    odfgate_error err;
    OG_CHECK_INT(open_bytes(b, len, NULL, &p, &err), ODFGATE_OK);
    OG_CHECK_INT(p ? og_package_note_count(p) : 0, 3);
    OG_CHECK(has_note(p, "mimetype is not the first entry of the zip"));
    OG_CHECK(has_note(p, "mimetype is compressed"));
    OG_CHECK(has_note(p, "extra field"));
    og_package_free(p);
    free(b);

    /* binary junk: a note, and the type comes from the manifest */
    const char *tmpl_manifest =
        "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\">"
        "<manifest:file-entry manifest:full-path=\"/\" "
        "manifest:media-type=\"application/vnd.oasis.opendocument.text-template\"/>"
        "</manifest:manifest>";
    const zent junk[] = {{"mimetype", "\x89PNG\r\n\x1a\n\1\2", 10, 0, 0},
                         std_content,
                         {"META-INF/manifest.xml", tmpl_manifest, 0, 1, 0}};
    b = build_zip(junk, OG_ARRAY_LEN(junk), &len);
    OG_CHECK_INT(open_bytes(b, len, NULL, &p, &err), ODFGATE_OK);
    OG_CHECK_STR(p ? og_package_mimetype(p) : NULL,
                 "application/vnd.oasis.opendocument.text-template");
    OG_CHECK(has_note(p, "does not hold a media type"));
    for (size_t i = 0; p && i < og_package_note_count(p); i++)
        for (const char *c = og_package_note(p, i); *c; c++)
            OG_CHECK((unsigned char)*c >= 0x20 && (unsigned char)*c < 0x7f);
    og_package_free(p);
    free(b);

    /* missing: inferred from the manifest */
    const zent none[] = {std_content, {"META-INF/manifest.xml", tmpl_manifest, 0, 1, 0}};
    b = build_zip(none, OG_ARRAY_LEN(none), &len);
    OG_CHECK_INT(open_bytes(b, len, NULL, &p, &err), ODFGATE_OK);
    OG_CHECK_STR(p ? og_package_mimetype(p) : NULL,
                 "application/vnd.oasis.opendocument.text-template");
    OG_CHECK(has_note(p, "no mimetype entry"));
    og_package_free(p);
    free(b);

    /* missing, and the manifest says spreadsheet: refused */
    const char *ods_manifest =
        "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\">"
        "<manifest:file-entry manifest:full-path=\"/\" "
        "manifest:media-type=\"application/vnd.oasis.opendocument.spreadsheet\"/>"
        "</manifest:manifest>";
    const zent none_ods[] = {std_content, {"META-INF/manifest.xml", ods_manifest, 0, 1, 0}};
    EXPECT_REFUSED(none_ods, NULL, ODFGATE_E_WRONG_TYPE, "spreadsheet");

    /* nothing declared anywhere: read as text, with notes */
    const zent bare[] = {std_content};
    b = build_zip(bare, OG_ARRAY_LEN(bare), &len);
    OG_CHECK_INT(open_bytes(b, len, NULL, &p, &err), ODFGATE_OK);
    OG_CHECK_STR(p ? og_package_mimetype(p) : NULL, mime);
    OG_CHECK(has_note(p, "no mimetype entry"));
    OG_CHECK(has_note(p, "no META-INF/manifest.xml"));
    OG_CHECK(has_note(p, "read as a text document"));
    og_package_free(p);
    free(b);

    /* mimetype and manifest disagree: the mimetype entry wins, with a note */
    const zent disagree[] = {
        std_mimetype, std_content, {"META-INF/manifest.xml", tmpl_manifest, 0, 1, 0}};
    b = build_zip(disagree, OG_ARRAY_LEN(disagree), &len);
    OG_CHECK_INT(open_bytes(b, len, NULL, &p, &err), ODFGATE_OK);
    OG_CHECK_STR(p ? og_package_mimetype(p) : NULL, mime);
    OG_CHECK(has_note(p, "the manifest declares"));
    og_package_free(p);
    free(b);
}

/* ------------------------------------------------------------------ manifest */

OG_TEST(package_manifest_encryption_and_damage)
{
    const char *enc =
        "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\">"
        "<manifest:file-entry manifest:full-path=\"/\" "
        "manifest:media-type=\"application/vnd.oasis.opendocument.text\"/>"
        "<manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\">"
        "<manifest:encryption-data manifest:checksum-type=\"SHA1/1K\" manifest:checksum=\"x\">"
        "<manifest:algorithm manifest:algorithm-name=\"Blowfish CFB\" "
        "manifest:initialisation-vector=\"x\"/>"
        "</manifest:encryption-data></manifest:file-entry></manifest:manifest>";
    const zent encrypted[] = {std_mimetype,
                              {"content.xml", "\x8f\x01 not xml", 0, 1, 0},
                              {"META-INF/manifest.xml", enc, 0, 1, 0}};
    EXPECT_REFUSED(encrypted, NULL, ODFGATE_E_ENCRYPTED, "encrypted (password protected)");
    /* encryption is reported before a missing content.xml */
    const zent enc_nocontent[] = {std_mimetype, {"META-INF/manifest.xml", enc, 0, 1, 0}};
    EXPECT_REFUSED(enc_nocontent, NULL, ODFGATE_E_ENCRYPTED, "encrypted");
    /* old OpenOffice.org manifest namespace */
    const char *old =
        "<!DOCTYPE manifest:manifest PUBLIC \"-//OpenOffice.org//DTD Manifest 1.0//EN\" "
        "\"Manifest.dtd\">"
        "<manifest:manifest xmlns:manifest=\"http://openoffice.org/2001/manifest\">"
        "<manifest:file-entry manifest:full-path=\"content.xml\"><manifest:encryption-data/>"
        "</manifest:file-entry></manifest:manifest>";
    const zent enc_old[] = {std_mimetype, std_content, {"META-INF/manifest.xml", old, 0, 1, 0}};
    EXPECT_REFUSED(enc_old, NULL, ODFGATE_E_ENCRYPTED, "encrypted");
    /* entities in the manifest are refused, never expanded */
    const char *xxe = "<!DOCTYPE m [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><m>&x;</m>";
    const zent ent[] = {std_mimetype, std_content, {"META-INF/manifest.xml", xxe, 0, 1, 0}};
    EXPECT_REFUSED(ent, NULL, ODFGATE_E_ENTITY, "");
    /* a malformed manifest is a note */
    const zent bad[] = {
        std_mimetype, std_content, {"META-INF/manifest.xml", "<manifest:manifest", 0, 1, 0}};
    size_t len = 0;
    unsigned char *b = build_zip(bad, OG_ARRAY_LEN(bad), &len);
    og_package *p = NULL;
    odfgate_error err;
    OG_CHECK_INT(open_bytes(b, len, NULL, &p, &err), ODFGATE_OK);
    OG_CHECK(has_note(p, "manifest cannot be read"));
    OG_CHECK_STR(p ? og_package_mimetype(p) : NULL, mime);
    og_package_free(p);
    free(b);
    /* no content.xml */
    const zent nocontent[] = {std_mimetype, std_manifest, {"styles.xml", "<x/>", 0, 1, 0}};
    EXPECT_REFUSED(nocontent, NULL, ODFGATE_E_MISSING_PART, "content.xml is missing");
}

/* ------------------------------------------------------------------ entries */

OG_TEST(package_unsafe_entry_names_are_refused)
{
    static const char *const bad[] = {
        "../content2.xml", "/abs.xml",    "Pictures\\x.png",     "a/../../b.png", "a/..",
        "bad\xff\xfe.png", "ctl\x01.xml", "overlong\xc0\xaf.xml"};
    for (size_t i = 0; i < OG_ARRAY_LEN(bad); i++) {
        const zent e[] = {std_mimetype, std_content, {bad[i], "x", 0, 0, 0}};
        EXPECT_REFUSED(e, NULL, ODFGATE_E_CORRUPT, "unsafe zip entry name");
    }
    /* ".." inside a segment is an ordinary name */
    const zent fine[] = {std_mimetype,
                         std_content,
                         {"Pictures/a..b.png", "x", 0, 0, 0},
                         {"..hidden", "x", 0, 0, 0},
                         {"Pictures/", "", 0, 0, 0}};
    size_t len = 0;
    unsigned char *b = build_zip(fine, OG_ARRAY_LEN(fine), &len);
    odfgate_error err;
    OG_CHECK_INT(open_bytes(b, len, NULL, NULL, &err), ODFGATE_OK);
    free(b);
}

OG_TEST(package_damaged_entries_are_refused)
{
    const zent e[] = {
        std_mimetype, std_content, {"content.xmz", "<second/>", 0, 1, 0}, std_manifest};
    size_t len = 0;
    unsigned char *b;
    odfgate_error err;

    /* duplicate names (ZIP_CHECKCONS) */
    b = build_zip(e, OG_ARRAY_LEN(e), &len);
    OG_CHECK_INT(patch_bytes(b, len, "content.xmz", "content.xml"), 2);
    OG_CHECK_INT(open_bytes(b, len, NULL, NULL, &err), ODFGATE_FAILED);
    OG_CHECK_INT(err.code, ODFGATE_E_CORRUPT);
    OG_CHECK(strstr(err.message, "duplicate") != NULL);
    free(b);

    /* zip-level encryption (general purpose bit 0) */
    b = build_zip(e, OG_ARRAY_LEN(e), &len);
    OG_CHECK_INT(PATCH_FLAGS(b, len, "content.xml", 1), 2);
    OG_CHECK_INT(open_bytes(b, len, NULL, NULL, &err), ODFGATE_FAILED);
    OG_CHECK_INT(err.code, ODFGATE_E_ENCRYPTED);
    OG_CHECK_STR(err.part, "content.xml");
    free(b);

    /* a compression method ODF does not allow (12 = bzip2) */
    b = build_zip(e, OG_ARRAY_LEN(e), &len);
    OG_CHECK_INT(PATCH_METHOD(b, len, "content.xml", 12), 2);
    OG_CHECK_INT(open_bytes(b, len, NULL, NULL, &err), ODFGATE_FAILED);
    OG_CHECK_INT(err.code, ODFGATE_E_CORRUPT);
    OG_CHECK(strstr(err.message, "compression method 12") != NULL);
    free(b);

    /* cut short: half, and all but the last byte */
    b = build_zip(e, OG_ARRAY_LEN(e), &len);
    OG_CHECK_INT(open_bytes(b, len / 2, NULL, NULL, &err), ODFGATE_FAILED);
    OG_CHECK_INT(err.code, ODFGATE_E_CORRUPT);
    OG_CHECK(strncmp(err.message, "corrupt or truncated zip: ", 26) == 0);
    OG_CHECK_INT(open_bytes(b, len - 1, NULL, NULL, &err), ODFGATE_FAILED);
    OG_CHECK_INT(err.code, ODFGATE_E_CORRUPT);
    OG_CHECK(strncmp(err.message, "corrupt or truncated zip: ", 26) == 0);
    free(b);
}

OG_TEST(package_size_limits_at_open)
{
    odfgate_limits lim;
    static char big[2 * 1024 * 1024 + 1];
    memset(big, ' ', sizeof(big) - 1);
    const zent e[] = {std_mimetype, std_content, std_manifest};
    const zent bomb[] = {std_mimetype, {"content.xml", big, 0, 1, 0}};

    /* ratio: 2 MiB of spaces deflate about 1000 times */
    EXPECT_REFUSED(bomb, NULL, ODFGATE_E_LIMIT, "zip bomb: part content.xml inflates");
    /* ... which a higher ratio allows */
    odfgate_limits_init(&lim);
    lim.max_ratio = 100000;
    {
        size_t len = 0;
        unsigned char *b = build_zip(bomb, OG_ARRAY_LEN(bomb), &len);
        odfgate_error err;
        OG_CHECK_INT(open_bytes(b, len, &lim, NULL, &err), ODFGATE_OK);
        free(b);
    }
    /* declared size over max_part_size */
    odfgate_limits_init(&lim);
    lim.max_part_size = 100;
    EXPECT_REFUSED(e, &lim, ODFGATE_E_LIMIT, "zip bomb: part content.xml declares");
    /* declared total over max_total_size */
    odfgate_limits_init(&lim);
    lim.max_total_size = sizeof(content_xml) + 10;
    EXPECT_REFUSED(e, &lim, ODFGATE_E_LIMIT, "in all");
    /* entries */
    odfgate_limits_init(&lim);
    lim.max_entries = 2;
    EXPECT_REFUSED(e, &lim, ODFGATE_E_LIMIT, "too many zip entries (3; the limit is 2)");
    /* file size */
    odfgate_limits_init(&lim);
    lim.max_file_size = 100;
    EXPECT_REFUSED(e, &lim, ODFGATE_E_LIMIT, "file is larger than the limit of 100 bytes");
}

/* 20,000 entries: refused from the end-of-central-directory record, before libzip reads the
 * directory (and the same answer after, through zip_get_num_entries). */
OG_TEST(package_entry_count_is_capped_before_libzip)
{
    enum { N = 20000 };
    static zent many[N];
    static char names[N][8];
    size_t len = 0;
    unsigned char *b;
    odfgate_error err;
    odfgate_limits lim;
    for (int i = 0; i < N; i++) {
        snprintf(names[i], sizeof(names[i]), "%d", i);
        many[i] = (zent){names[i], "", 0, 0, 0};
    }
    many[0] = std_content;
    b = build_zip(many, N, &len);
    OG_CHECK(b != NULL);
    OG_CHECK_INT(open_bytes(b, len, NULL, NULL, &err), ODFGATE_FAILED);
    OG_CHECK_INT(err.code, ODFGATE_E_LIMIT);
    OG_CHECK_STR(err.message, "too many zip entries (20000; the limit is 10000)");
    odfgate_limits_init(&lim);
    lim.max_entries = N;
    OG_CHECK_INT(open_bytes(b, len, &lim, NULL, &err), ODFGATE_OK);
    /* with the directory itself broken, the count is still refused first: libzip never ran */
    if (b && len > 22) {
        const unsigned char *eocd = b + len - 22;
        size_t cd = (size_t)(eocd[16] | eocd[17] << 8 | eocd[18] << 16 | (size_t)eocd[19] << 24);
        OG_CHECK(cd + 4 < len && memcmp(b + cd, "PK\1\2", 4) == 0);
        if (cd + 4 < len)
            b[cd + 3] = 9;
        OG_CHECK_INT(open_bytes(b, len, NULL, NULL, &err), ODFGATE_FAILED);
        OG_CHECK_INT(err.code, ODFGATE_E_LIMIT);
        OG_CHECK_INT(open_bytes(b, len, &lim, NULL, &err), ODFGATE_FAILED);
        OG_CHECK_INT(err.code, ODFGATE_E_CORRUPT);
    }
    free(b);
}

/* ------------------------------------------------------------------ reading parts */

#define PATCH_COMP_SIZE(b, l, n, v) patch_entry(b, l, n, 18, 20, v, 4)

/* Reading part `name` of the zip b fails with `code` and a message holding `why`, both whole
 * (og_package_read_part) and streamed; streamed, `handed` bytes come out before the failure. */
static void expect_part_fails(int *og_failures_, const unsigned char *b, size_t len,
                              const char *name, odfgate_errcode code, const char *why,
                              size_t handed)
{
    og_package *p = NULL;
    og_part *part = NULL;
    odfgate_error err;
    og_buf buf;
    static char chunk[65536];
    size_t total = 0;
    int n;

    og_buf_init(&buf, 64u << 20);
    OG_CHECK_INT(open_bytes(b, len, NULL, &p, &err), ODFGATE_OK);
    if (p) {
        OG_CHECK_INT(og_package_read_part(p, name, &buf, &err), -1);
        OG_CHECK_INT(err.code, code);
        OG_CHECK(strstr(err.message, why) != NULL);
        OG_CHECK_STR(err.part, name);
        OG_CHECK_INT(og_package_part_open(p, name, &part, &err), 0);
        while (part && (n = og_part_read(part, chunk, sizeof(chunk))) > 0)
            total += (size_t)n;
        OG_CHECK_INT(total, handed);
        OG_CHECK_INT(og_part_read(part, chunk, sizeof(chunk)), -1); /* failure sticks */
        OG_CHECK_INT(og_part_finish(part, &err), -1);
        OG_CHECK_INT(err.code, code);
        og_part_close(part);
    }
    og_package_free(p);
    og_buf_free(&buf);
}

/* Reading part `name` of the zip b gives exactly `want` (len bytes). */
static void expect_part_reads(int *og_failures_, const unsigned char *b, size_t len,
                              const char *name, const char *want, size_t want_len)
{
    og_package *p = NULL;
    odfgate_error err;
    og_buf buf;
    og_buf_init(&buf, 64u << 20);
    OG_CHECK_INT(open_bytes(b, len, NULL, &p, &err), ODFGATE_OK);
    if (p) {
        OG_CHECK_INT(og_package_read_part(p, name, &buf, &err), 0);
        OG_CHECK_INT(buf.len, want_len);
        OG_CHECK(buf.len == want_len && memcmp(buf.data, want, want_len) == 0);
    }
    og_package_free(p);
    og_buf_free(&buf);
}

/* Parts up to OG_INFLATE_WHOLE_MAX bytes are inflated and checked whole before a byte is handed
 * out (inflate.c, libdeflate); larger ones are streamed through libzip, which hands out the
 * declared size before it finds the part too long.  Both routes enforce the same things. */
OG_TEST(package_part_reading_enforces_declared_size)
{
    static char words[5000], text[OG_INFLATE_WHOLE_MAX + OG_INFLATE_WHOLE_MAX / 2];
    const size_t big_declared = OG_INFLATE_WHOLE_MAX + OG_INFLATE_WHOLE_MAX / 4;
    uint32_t seed = 1;
    memset(words, 'w', sizeof(words) - 1);
    for (size_t i = 0; i < sizeof(text); i++) { /* compresses about 2:1: no zip bomb */
        seed = seed * 1103515245u + 12345u;
        text[i] = (seed >> 16) % 7 == 0 ? ' ' : (char)('a' + (seed >> 20) % 26);
    }
    const zent e[] = {std_mimetype,
                      {"content.xml", words, 0, 1, 0},
                      {"stored.xml", "<stored>data</stored>", 0, 0, 0},
                      {"big.xml", text, sizeof(text), 1, 0},
                      {"bigstored.xml", text, sizeof(text), 0, 0}};
    size_t len = 0;
    unsigned char *b = build_zip(e, OG_ARRAY_LEN(e), &len);
    OG_CHECK(b != NULL);
    if (!b)
        return;
    /* intact, both routes */
    expect_part_reads(og_failures_, b, len, "content.xml", words, sizeof(words) - 1);
    expect_part_reads(og_failures_, b, len, "stored.xml", "<stored>data</stored>", 21);
    expect_part_reads(og_failures_, b, len, "big.xml", text, sizeof(text));
    expect_part_reads(og_failures_, b, len, "bigstored.xml", text, sizeof(text));

    /* declares fewer bytes than it inflates to: 10 (whole), big_declared (streamed) */
    OG_CHECK_INT(PATCH_SIZE(b, len, "content.xml", 10), 2);
    expect_part_fails(og_failures_, b, len, "content.xml", ODFGATE_E_LIMIT,
                      "content.xml: part inflates past its declared size", 0);
    OG_CHECK_INT(PATCH_SIZE(b, len, "big.xml", (uint32_t)big_declared), 2);
    expect_part_fails(og_failures_, b, len, "big.xml", ODFGATE_E_LIMIT,
                      "big.xml: part inflates past its declared size", big_declared);
    free(b);

    /* declares more than it holds */
    b = build_zip(e, OG_ARRAY_LEN(e), &len);
    OG_CHECK_INT(PATCH_SIZE(b, len, "content.xml", 9000), 2);
    expect_part_fails(og_failures_, b, len, "content.xml", ODFGATE_E_CORRUPT,
                      "shorter than its declared size", 0);
    OG_CHECK_INT(PATCH_SIZE(b, len, "big.xml", 2 * OG_INFLATE_WHOLE_MAX), 2);
    expect_part_fails(og_failures_, b, len, "big.xml", ODFGATE_E_CORRUPT,
                      "big.xml: part is shorter than its declared size", sizeof(text));
    free(b);

    /* damaged stored parts: CRC error, whole and streamed */
    b = build_zip(e, OG_ARRAY_LEN(e), &len);
    OG_CHECK_INT(patch_bytes(b, len, "<stored>data", "<stored>DATA"), 1);
    expect_part_fails(og_failures_, b, len, "stored.xml", ODFGATE_E_CORRUPT, "CRC error", 0);
    {
        size_t at = entry_data(b, len, "bigstored.xml") + sizeof(text) - 1; /* its last byte */
        OG_CHECK(at < len && b[at] == (unsigned char)text[sizeof(text) - 1]);
        if (at < len)
            b[at] ^= 1;
    }
    expect_part_fails(og_failures_, b, len, "bigstored.xml", ODFGATE_E_CORRUPT, "CRC error",
                      sizeof(text));
    free(b);

    /* a deflate stream cut short (its compressed size halved in both headers) */
    b = build_zip(e, OG_ARRAY_LEN(e), &len);
    {
        zip_error_t ze;
        zip_source_t *src;
        zip_t *z;
        zip_stat_t st;
        zip_error_init(&ze);
        src = zip_source_buffer_create(b, len, 0, &ze);
        z = src ? zip_open_from_source(src, ZIP_RDONLY, &ze) : NULL;
        OG_CHECK(z && zip_stat(z, "content.xml", 0, &st) == 0);
        if (z) {
            OG_CHECK_INT(PATCH_COMP_SIZE(b, len, "content.xml", (uint32_t)(st.comp_size / 2)), 2);
            zip_close(z);
        } else
            zip_source_free(src);
    }
    expect_part_fails(og_failures_, b, len, "content.xml", ODFGATE_E_CORRUPT,
                      "content.xml: corrupt data", 0);
    free(b);
}

OG_TEST(package_total_read_is_capped)
{
    const zent e[] = {std_mimetype, std_content};
    size_t len = 0;
    unsigned char *b = build_zip(e, OG_ARRAY_LEN(e), &len);
    odfgate_limits lim;
    og_package *p = NULL;
    odfgate_error err;
    og_buf buf;
    odfgate_limits_init(&lim);
    lim.max_total_size = sizeof(content_xml) + 60; /* the parts declared fit; two reads do not */
    og_buf_init(&buf, 1 << 20);
    OG_CHECK_INT(open_bytes(b, len, &lim, &p, &err), ODFGATE_OK);
    if (p) {
        OG_CHECK_INT(og_package_read_part(p, "content.xml", &buf, &err), 0);
        OG_CHECK_INT(og_package_read_part(p, "content.xml", &buf, &err), -1);
        OG_CHECK_INT(err.code, ODFGATE_E_LIMIT);
        OG_CHECK(strstr(err.message, "max_total_size") != NULL);
    }
    og_package_free(p);
    og_buf_free(&buf);
    free(b);
}

/* ------------------------------------------------------------------ flat */

#define FLAT_HEAD                                                                                  \
    "<?xml version=\"1.0\"?><office:document "                                                     \
    "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
#define FLAT_TAIL "><office:body><office:text/></office:body></office:document>"

OG_TEST(package_flat_documents)
{
    static const char good[] =
        FLAT_HEAD "office:mimetype=\"application/vnd.oasis.opendocument.text-template\"" FLAT_TAIL;
    og_package *p = NULL;
    odfgate_error err;
    odfgate_limits lim;
    og_buf buf;

    og_buf_init(&buf, 1 << 20);
    OG_CHECK_INT(open_bytes(good, strlen(good), NULL, &p, &err), ODFGATE_OK);
    if (p) {
        OG_CHECK_STR(og_package_mimetype(p), "application/vnd.oasis.opendocument.text-template");
        OG_CHECK(og_package_has_part(p, "content.xml"));
        OG_CHECK(!og_package_has_part(p, "meta.xml"));
        OG_CHECK_INT(og_package_read_part(p, "content.xml", &buf, &err), 0);
        OG_CHECK_STR(buf.data, good);
    }
    og_package_free(p);

    static const char ods[] =
        FLAT_HEAD "office:mimetype=\"application/vnd.oasis.opendocument.spreadsheet\"" FLAT_TAIL;
    OG_CHECK_INT(open_bytes(ods, strlen(ods), NULL, NULL, &err), ODFGATE_FAILED);
    OG_CHECK_INT(err.code, ODFGATE_E_WRONG_TYPE);
    OG_CHECK(strstr(err.message, "a spreadsheet") != NULL);

    static const char nomime[] = FLAT_HEAD FLAT_TAIL;
    OG_CHECK_INT(open_bytes(nomime, strlen(nomime), NULL, &p, &err), ODFGATE_OK);
    OG_CHECK(has_note(p, "without office:mimetype"));
    OG_CHECK_STR(p ? og_package_mimetype(p) : NULL, mime);
    og_package_free(p);

    static const char junk[] = FLAT_HEAD "office:mimetype=\"nonsense\"" FLAT_TAIL;
    OG_CHECK_INT(open_bytes(junk, strlen(junk), NULL, &p, &err), ODFGATE_OK);
    OG_CHECK(has_note(p, "\"nonsense\" is not a media type"));
    og_package_free(p);

    static const char html[] = "<?xml version=\"1.0\"?>\n<html><body>hello</body></html>";
    OG_CHECK_INT(open_bytes(html, strlen(html), NULL, NULL, &err), ODFGATE_FAILED);
    OG_CHECK_INT(err.code, ODFGATE_E_NOT_PACKAGE);
    OG_CHECK_STR(err.message, "XML but not an ODF document (root element <html>)");

    static const char content[] =
        "<office:document-content "
        "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\"/>";
    OG_CHECK_INT(open_bytes(content, strlen(content), NULL, NULL, &err), ODFGATE_FAILED);
    OG_CHECK_INT(err.code, ODFGATE_E_NOT_PACKAGE);

    static const char xxe[] =
        "<!DOCTYPE office:document [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
        "<office:document "
        "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\">&x;</office:document>";
    OG_CHECK_INT(open_bytes(xxe, strlen(xxe), NULL, NULL, &err), ODFGATE_FAILED);
    OG_CHECK_INT(err.code, ODFGATE_E_ENTITY);
    OG_CHECK(strstr(err.message, "root:") == NULL);

    OG_CHECK_INT(open_bytes("<", 1, NULL, NULL, &err), ODFGATE_FAILED);
    OG_CHECK_INT(err.code, ODFGATE_E_XML);

    /* a flat document is one part: larger than max_part_size (or max_total_size) is refused */
    odfgate_limits_init(&lim);
    lim.max_part_size = 50;
    OG_CHECK_INT(open_bytes(good, strlen(good), &lim, NULL, &err), ODFGATE_FAILED);
    OG_CHECK_INT(err.code, ODFGATE_E_LIMIT);
    OG_CHECK(strstr(err.message, "max_part_size") != NULL);
    odfgate_limits_init(&lim);
    lim.max_total_size = 50;
    OG_CHECK_INT(open_bytes(good, strlen(good), &lim, NULL, &err), ODFGATE_FAILED);
    OG_CHECK_INT(err.code, ODFGATE_E_LIMIT);
    /* each read counts against max_total_size; the root sniff at open does not */
    odfgate_limits_init(&lim);
    lim.max_total_size = strlen(good) + 10;
    OG_CHECK_INT(open_bytes(good, strlen(good), &lim, &p, &err), ODFGATE_OK);
    if (p) {
        OG_CHECK_INT(og_package_read_part(p, "content.xml", &buf, &err), 0);
        OG_CHECK_INT(og_package_read_part(p, "content.xml", &buf, &err), -1);
        OG_CHECK_INT(err.code, ODFGATE_E_LIMIT);
        OG_CHECK_STR(err.part, "");
    }
    og_package_free(p);
    og_buf_free(&buf);
}

/* ------------------------------------------------------------------ paths, FIFOs, stdin */

static char tmpdir[64];

static const char *tmp(const char *name)
{
    static char p[4][128];
    static int k;
    if (!tmpdir[0]) {
        snprintf(tmpdir, sizeof(tmpdir), "/tmp/odfgate-pkg-XXXXXX");
        if (!mkdtemp(tmpdir))
            abort();
    }
    char *out = p[k++ % 4];
    snprintf(out, 128, "%s/%s", tmpdir, name);
    return out;
}

static void rm_tmpdir(void)
{
    char cmd[128];
    if (!tmpdir[0])
        return;
    snprintf(cmd, sizeof(cmd), "rm -rf '%s'", tmpdir);
    if (system(cmd) != 0)
        fprintf(stderr, "cannot remove %s\n", tmpdir);
    tmpdir[0] = '\0';
}

static int write_file(const char *path, const void *data, size_t len)
{
    FILE *f = fopen(path, "wb");
    int ok = f && fwrite(data, 1, len, f) == len;
    if (f && fclose(f) != 0)
        ok = 0;
    return ok ? 0 : -1;
}

OG_TEST(package_paths)
{
    const zent e[] = {std_mimetype, std_content, std_manifest};
    size_t len = 0;
    unsigned char *b = build_zip(e, OG_ARRAY_LEN(e), &len);
    const char *zpath = tmp("good.odt"), *fpath = tmp("good.fodt"), *dpath = tmp("dir.odt");
    static const char flat[] = FLAT_HEAD FLAT_TAIL;
    og_package *p = NULL;
    odfgate_error err;
    og_buf buf;

    og_buf_init(&buf, 1 << 20);
    OG_CHECK_INT(write_file(zpath, b, len), 0);
    OG_CHECK_INT(og_package_open(zpath, NULL, &p, &err), ODFGATE_OK);
    if (p) {
        OG_CHECK_STR(og_package_path(p), zpath);
        OG_CHECK_INT(og_package_read_part(p, "content.xml", &buf, &err), 0);
        OG_CHECK_STR(buf.data, content_xml);
    }
    og_package_free(p);

    OG_CHECK_INT(write_file(fpath, flat, strlen(flat)), 0);
    OG_CHECK_INT(og_package_open(fpath, NULL, &p, &err), ODFGATE_OK);
    if (p) {
        OG_CHECK(og_package_kind_of(p) == OG_PACKAGE_FLAT);
        OG_CHECK_INT(og_package_read_part(p, "content.xml", &buf, &err), 0);
        OG_CHECK_STR(buf.data, flat);
    }
    og_package_free(p);

    OG_CHECK_INT(mkdir(dpath, 0700), 0);
    OG_CHECK_INT(og_package_open(dpath, NULL, &p, &err), ODFGATE_FAILED);
    OG_CHECK_INT(err.code, ODFGATE_E_IO);
    OG_CHECK(strstr(err.message, "is a directory") != NULL);
    OG_CHECK_STR(err.path, dpath);

    OG_CHECK_INT(og_package_open(tmp("missing.odt"), NULL, &p, &err), ODFGATE_FAILED);
    OG_CHECK_INT(err.code, ODFGATE_E_IO);
    OG_CHECK_STR(err.message, "cannot open: No such file or directory");

    OG_CHECK_INT(write_file(tmp("empty.odt"), "", 0), 0);
    OG_CHECK_INT(og_package_open(tmp("empty.odt"), NULL, &p, &err), ODFGATE_FAILED);
    OG_CHECK_INT(err.code, ODFGATE_E_NOT_PACKAGE);
    OG_CHECK_STR(err.message, "empty file");

    OG_CHECK_INT(write_file(tmp("half.odt"), b, len / 2), 0);
    OG_CHECK_INT(og_package_open(tmp("half.odt"), NULL, &p, &err), ODFGATE_FAILED);
    OG_CHECK_INT(err.code, ODFGATE_E_CORRUPT);

    if (geteuid() != 0) { /* root reads anything */
        OG_CHECK_INT(chmod(zpath, 0), 0);
        OG_CHECK_INT(og_package_open(zpath, NULL, &p, &err), ODFGATE_FAILED);
        OG_CHECK_INT(err.code, ODFGATE_E_IO);
        OG_CHECK_STR(err.message, "cannot open: Permission denied");
    }

    /* a FIFO is read like standard input (a writer that comes after the open is waited for) */
    const char *fifo = tmp("pipe.odt");
    OG_CHECK_INT(mkfifo(fifo, 0600), 0);
    pid_t pid = fork();
    if (pid == 0) {
        alarm(20); /* never outlive a failed test */
        int fd = open(fifo, O_WRONLY);
        _exit(fd >= 0 && write(fd, b, len) == (ssize_t)len ? 0 : 1);
    }
    OG_CHECK_INT(og_package_open(fifo, NULL, &p, &err), ODFGATE_OK);
    OG_CHECK(p && og_package_has_part(p, "content.xml"));
    og_package_free(p);
    int status = 0;
    OG_CHECK(pid > 0 && waitpid(pid, &status, 0) == pid && WIFEXITED(status) &&
             WEXITSTATUS(status) == 0);

    og_buf_free(&buf);
    free(b);
    rm_tmpdir();
}

/* Open "-" with `data` on standard input (a pipe). */
static odfgate_status open_stdin(const void *data, size_t len, const odfgate_limits *lim,
                                 odfgate_error *err)
{
    int fds[2], saved = dup(0);
    og_package *p = NULL;
    odfgate_status st = ODFGATE_FATAL;
    if (saved < 0 || pipe(fds) != 0)
        return st;
    if (write(fds[1], data, len) == (ssize_t)len) { /* small: fits the pipe buffer */
        close(fds[1]);
        dup2(fds[0], 0);
        close(fds[0]);
        clearerr(stdin);
        st = og_package_open("-", lim, &p, err);
        og_package_free(p);
    } else {
        close(fds[0]);
        close(fds[1]);
    }
    dup2(saved, 0);
    close(saved);
    clearerr(stdin);
    return st;
}

OG_TEST(package_stdin)
{
    const zent e[] = {std_mimetype, std_content, std_manifest};
    size_t len = 0;
    unsigned char *b = build_zip(e, OG_ARRAY_LEN(e), &len);
    odfgate_error err;
    odfgate_limits lim;
    OG_CHECK_INT(open_stdin(b, len, NULL, &err), ODFGATE_OK);
    odfgate_limits_init(&lim);
    lim.max_file_size = len - 1;
    OG_CHECK_INT(open_stdin(b, len, &lim, &err), ODFGATE_FAILED);
    OG_CHECK_INT(err.code, ODFGATE_E_LIMIT);
    OG_CHECK_STR(err.path, "-");
    OG_CHECK_INT(open_stdin("", 0, NULL, &err), ODFGATE_FAILED);
    OG_CHECK_INT(err.code, ODFGATE_E_NOT_PACKAGE);
    free(b);
}

/* ------------------------------------------------------------------ through the public API */

/* Build a zip at path: mimetype first/stored unless told otherwise. */
static int make_zip(const char *path, int mimetype_first, int mimetype_stored)
{
    int e;
    zip_t *z = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &e);
    zip_int64_t i;
    if (!z)
        return -1;
    if (!mimetype_first)
        zip_file_add(z, "content.xml",
                     zip_source_buffer(z, content_xml, sizeof(content_xml) - 1, 0), 0);
    i = zip_file_add(z, "mimetype", zip_source_buffer(z, mime, sizeof(mime) - 1, 0), 0);
    zip_set_file_compression(z, (zip_uint64_t)i, mimetype_stored ? ZIP_CM_STORE : ZIP_CM_DEFLATE,
                             0);
    if (mimetype_first)
        zip_file_add(z, "content.xml",
                     zip_source_buffer(z, content_xml, sizeof(content_xml) - 1, 0), 0);
    zip_file_add(z, "meta.xml", zip_source_buffer(z, "<x/>", 4, 0), 0);
    zip_file_add(z, "META-INF/manifest.xml",
                 zip_source_buffer(z, manifest, sizeof(manifest) - 1, 0), 0);
    return zip_close(z);
}

OG_TEST(package_conformant_has_no_notes)
{
    const char *p = tmp("ok.odt");
    odfgate_doc *d = NULL;
    odfgate_error err;
    OG_CHECK_INT(make_zip(p, 1, 1), 0);
    OG_CHECK_INT(odfgate_doc_open(p, NULL, &d, &err), ODFGATE_OK);
    OG_CHECK_INT(d ? odfgate_doc_note_count(d) : 99, 0);
    OG_CHECK_STR(d ? odfgate_doc_container(d) : NULL, "zip");
    odfgate_doc_free(d);
    rm_tmpdir();
}

OG_TEST(package_nonconformant_is_read_with_notes)
{
    const char *p = tmp("late.odt");
    odfgate_doc *d = NULL;
    odfgate_error err;
    OG_CHECK_INT(make_zip(p, 0, 0), 0);
    OG_CHECK_INT(odfgate_doc_open(p, NULL, &d, &err), ODFGATE_WARN);
    OG_CHECK_INT(d ? odfgate_doc_note_count(d) : 0, 2);
    OG_CHECK(d && strstr(odfgate_doc_note(d, 0), "not the first entry"));
    OG_CHECK(d && strstr(odfgate_doc_note(d, 1), "compressed"));
    OG_CHECK_INT(d ? odfgate_doc_heading_count(d) : 0, 1);
    odfgate_doc_free(d);
    rm_tmpdir();
}

OG_TEST(package_limits_are_enforced)
{
    const char *p = tmp("limits.odt");
    odfgate_limits lim;
    odfgate_doc *d = NULL;
    odfgate_error err;
    OG_CHECK_INT(make_zip(p, 1, 1), 0);
    odfgate_limits_init(&lim);
    OG_CHECK_INT(lim.max_file_size, 256ull << 20);
    OG_CHECK_INT(lim.max_entries, 10000);
    OG_CHECK_INT(lim.max_part_size, 256ull << 20);
    OG_CHECK_INT(lim.max_total_size, 1ull << 30);
    OG_CHECK_INT(lim.max_ratio, 200);
    OG_CHECK_INT(lim.max_depth, 256);
    OG_CHECK_INT(lim.max_text, 64ull << 20);
    lim.max_entries = 2;
    OG_CHECK_INT(odfgate_doc_open(p, &lim, &d, &err), ODFGATE_FAILED);
    OG_CHECK_INT(err.code, ODFGATE_E_LIMIT);
    odfgate_limits_init(&lim);
    lim.max_file_size = 100;
    OG_CHECK_INT(odfgate_doc_open(p, &lim, &d, &err), ODFGATE_FAILED);
    OG_CHECK_INT(err.code, ODFGATE_E_LIMIT);
    odfgate_limits_init(&lim);
    lim.max_text = 5;
    OG_CHECK_INT(odfgate_doc_open(p, &lim, &d, &err), ODFGATE_FAILED);
    OG_CHECK_INT(err.code, ODFGATE_E_LIMIT);
    odfgate_limits_init(&lim);
    lim.max_depth = 3;
    OG_CHECK_INT(odfgate_doc_open(p, &lim, &d, &err), ODFGATE_FAILED);
    OG_CHECK_INT(err.code, ODFGATE_E_LIMIT);
    rm_tmpdir();
}

OG_TEST(package_memory_and_kinds)
{
    odfgate_doc *d = NULL;
    odfgate_error err;
    OG_CHECK_INT(odfgate_doc_open_memory("", 0, "empty", NULL, &d, &err), ODFGATE_FAILED);
    OG_CHECK_INT(err.code, ODFGATE_E_NOT_PACKAGE);
    OG_CHECK_INT(odfgate_doc_open_memory("PK\x05\x06", 4, "eocd", NULL, &d, &err), ODFGATE_FAILED);
    OG_CHECK_INT(err.code, ODFGATE_E_CORRUPT);
    const char *flat = "\xef\xbb\xbf  <office:document "
                       "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\">"
                       "<office:body><office:text/></office:body></office:document>";
    OG_CHECK_INT(odfgate_doc_open_memory(flat, strlen(flat), "f.fodt", NULL, &d, &err),
                 ODFGATE_WARN);
    OG_CHECK_STR(d ? odfgate_doc_container(d) : NULL, "flat");
    odfgate_doc_free(d);
}

/* Parts that start with a byte order mark, or in UTF-16, or with a root start tag longer
 * than libxml2's first push of input, after parts that do not: libxml2 reads them right only
 * in a new reader, so a reader that read a part before must not be reused for them (meta.xml
 * with a BOM was "Document is empty" once). */
OG_TEST(package_parts_with_byte_order_marks_or_utf16_are_read)
{
    static const char meta_utf8[] =
        "\xef\xbb\xbf<office:document-meta "
        "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
        "xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><office:meta><dc:title>Joint statement"
        "</dc:title></office:meta></office:document-meta>";
    char meta_utf16[2 * sizeof(meta_utf8)], manifest_bom[sizeof(manifest) + 3];
    size_t n16 = 0;
    meta_utf16[n16++] = '\xff'; /* UTF-16LE byte order mark, then the ASCII text widened */
    meta_utf16[n16++] = '\xfe';
    for (const char *c = meta_utf8 + 3; *c; c++) {
        meta_utf16[n16++] = *c;
        meta_utf16[n16++] = '\0';
    }
    memcpy(manifest_bom, "\xef\xbb\xbf", 3);
    memcpy(manifest_bom + 3, manifest, sizeof(manifest));
    const zent with_utf8[] = {
        std_mimetype, std_manifest, std_content, {"meta.xml", meta_utf8, 0, 1, 0}};
    const zent with_utf16[] = {std_mimetype,
                               {"META-INF/manifest.xml", manifest_bom, 0, 1, 0},
                               std_content,
                               {"meta.xml", meta_utf16, n16, 1, 0}};
    /* and a root start tag longer than the first push of input (content.xml, then meta.xml) */
    static char long_content[sizeof(content_xml) + 6000], long_meta[sizeof(meta_utf8) + 6000];
    const char *pad = " xmlns:pad=\"urn:pad:", *at;
    at = strchr(content_xml, ' ');
    snprintf(long_content, sizeof(long_content), "%.*s%s%05000d\"%s", (int)(at - content_xml),
             content_xml, pad, 0, at);
    at = strchr(meta_utf8 + 3, ' ');
    snprintf(long_meta, sizeof(long_meta), "%.*s%s%05000d\"%s", (int)(at - (meta_utf8 + 3)),
             meta_utf8 + 3, pad, 0, at);
    const zent with_long[] = {std_mimetype,
                              std_manifest,
                              {"content.xml", long_content, 0, 1, 0},
                              {"meta.xml", long_meta, 0, 1, 0}};
    const zent *docs[] = {with_utf8, with_utf16, with_utf8, with_long, with_long};
    for (size_t i = 0; i < OG_ARRAY_LEN(docs); i++) {
        size_t len = 0;
        unsigned char *zip = build_zip(docs[i], 4, &len);
        odfgate_doc *d = NULL;
        odfgate_error err;
        OG_CHECK(zip != NULL);
        if (!zip)
            continue;
        /* twice: the second time this thread's reader from the first document is at hand */
        for (int round = 0; round < 2; round++) {
            OG_CHECK_INT(odfgate_doc_open_memory(zip, len, "bom.odt", NULL, &d, &err), ODFGATE_OK);
            OG_CHECK_STR(d ? odfgate_doc_meta_field(d, "title") : NULL, "Joint statement");
            OG_CHECK_INT(d ? (long)odfgate_doc_note_count(d) : -1, 0);
            odfgate_doc_free(d);
            d = NULL;
        }
        free(zip);
    }
}

OG_TEST(package_write_replaces_one_part_and_copies_the_rest_raw)
{
    const char *src = tmp("src.odt"), *dst = tmp("dst.odt");
    odfgate_error err;
    int e;
    OG_CHECK_INT(make_zip(src, 0, 0), 0); /* nonconformant input: the copy must be conformant */
    og_part_data meta = {"meta.xml", "<new/>", 6, NULL};
    OG_CHECK_INT(og_package_write(src, dst, &meta, 1, NULL, NULL, &err), 0);
    zip_t *a = zip_open(src, ZIP_RDONLY, &e), *b = zip_open(dst, ZIP_RDONLY, &e);
    OG_CHECK(a && b);
    if (!a || !b) {
        rm_tmpdir();
        return;
    }
    zip_stat_t sa, sb;
    OG_CHECK_STR(zip_get_name(b, 0, 0), "mimetype");
    OG_CHECK(zip_stat_index(b, 0, 0, &sb) == 0 && sb.comp_method == ZIP_CM_STORE);
    OG_CHECK(zip_stat(a, "content.xml", 0, &sa) == 0 && zip_stat(b, "content.xml", 0, &sb) == 0);
    OG_CHECK_INT(sb.comp_size, sa.comp_size);
    OG_CHECK_INT(sb.crc, sa.crc);
    OG_CHECK_INT(sb.comp_method, sa.comp_method);
    OG_CHECK(zip_stat(b, "meta.xml", 0, &sb) == 0 && sb.size == 6);
    OG_CHECK_INT(zip_get_num_entries(b, 0), 4);
    zip_discard(a);
    zip_discard(b);
    /* no temporary file is left beside the target */
    char cmd[256];
    snprintf(cmd, sizeof(cmd), "ls -A '%s' | grep -q odfgate-", tmpdir);
    OG_CHECK(system(cmd) != 0);
    /* a target in a missing directory fails cleanly */
    OG_CHECK_INT(og_package_write(src, "/nonexistent-dir/x.odt", &meta, 1, NULL, NULL, &err), -1);
    OG_CHECK_INT(err.code, ODFGATE_E_IO);
    rm_tmpdir();
}
