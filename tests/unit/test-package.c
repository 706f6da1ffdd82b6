/* test-package.c — package conformance notes, and the atomic package writer. */
#include "unit.h"

#include "odfgate.h"
#include "package.h"
#include "pkgwrite.h"

#include <stdlib.h>
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
    "<manifest:file-entry manifest:full-path=\"/\" manifest:media-type=\"application/vnd.oasis.opendocument.text\"/>"
    "</manifest:manifest>";

/* Build a zip at path: mimetype first/stored unless told otherwise. */
static int make_zip(const char *path, int mimetype_first, int mimetype_stored)
{
    int e;
    zip_t *z = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &e);
    zip_int64_t i;
    if (!z)
        return -1;
    if (!mimetype_first)
        zip_file_add(z, "content.xml", zip_source_buffer(z, content_xml, sizeof(content_xml) - 1, 0), 0);
    i = zip_file_add(z, "mimetype", zip_source_buffer(z, mime, sizeof(mime) - 1, 0), 0);
    zip_set_file_compression(z, (zip_uint64_t)i, mimetype_stored ? ZIP_CM_STORE : ZIP_CM_DEFLATE, 0);
    if (mimetype_first)
        zip_file_add(z, "content.xml", zip_source_buffer(z, content_xml, sizeof(content_xml) - 1, 0), 0);
    zip_file_add(z, "meta.xml", zip_source_buffer(z, "<x/>", 4, 0), 0);
    zip_file_add(z, "META-INF/manifest.xml", zip_source_buffer(z, manifest, sizeof(manifest) - 1, 0), 0);
    return zip_close(z);
}

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
}

OG_TEST(package_limits_are_enforced)
{
    const char *p = tmp("limits.odt");
    odfgate_limits lim;
    odfgate_doc *d = NULL;
    odfgate_error err;
    OG_CHECK_INT(make_zip(p, 1, 1), 0);
    odfgate_limits_init(&lim);
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
}

OG_TEST(package_memory_and_kinds)
{
    odfgate_doc *d = NULL;
    odfgate_error err;
    OG_CHECK_INT(odfgate_doc_open_memory("", 0, "empty", NULL, &d, &err), ODFGATE_FAILED);
    OG_CHECK_INT(err.code, ODFGATE_E_NOT_PACKAGE);
    OG_CHECK_INT(odfgate_doc_open_memory("PK\x05\x06", 4, "eocd", NULL, &d, &err), ODFGATE_FAILED);
    OG_CHECK_INT(err.code, ODFGATE_E_CORRUPT);
    const char *flat = "\xef\xbb\xbf  <office:document xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\">"
                       "<office:body><office:text/></office:body></office:document>";
    OG_CHECK_INT(odfgate_doc_open_memory(flat, strlen(flat), "f.fodt", NULL, &d, &err), ODFGATE_WARN);
    OG_CHECK_STR(d ? odfgate_doc_container(d) : NULL, "flat");
    odfgate_doc_free(d);
}

OG_TEST(package_write_replaces_one_part_and_copies_the_rest_raw)
{
    const char *src = tmp("src.odt"), *dst = tmp("dst.odt");
    odfgate_error err;
    int e;
    OG_CHECK_INT(make_zip(src, 0, 0), 0); /* nonconformant input: the copy must be conformant */
    og_part_data meta = {"meta.xml", "<new/>", 6, NULL};
    OG_CHECK_INT(og_package_write(src, dst, &meta, 1, NULL, &err), 0);
    zip_t *a = zip_open(src, ZIP_RDONLY, &e), *b = zip_open(dst, ZIP_RDONLY, &e);
    OG_CHECK(a && b);
    if (!a || !b)
        return;
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
    OG_CHECK_INT(og_package_write(src, "/nonexistent-dir/x.odt", &meta, 1, NULL, &err), -1);
    OG_CHECK_INT(err.code, ODFGATE_E_IO);
    snprintf(cmd, sizeof(cmd), "rm -rf '%s'", tmpdir);
    OG_CHECK_INT(system(cmd), 0);
    tmpdir[0] = '\0';
}
