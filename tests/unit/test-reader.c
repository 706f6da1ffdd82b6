/* test-reader.c — the document reader (filter/reader.c) on packages built in memory: how far
 * styles.xml is read to resolve paragraph styles (docs/reading.md, "Passes"). */
#include "unit.h"
#include "zipbuild.h"

#include "odfgate.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NS_DECLS                                                                                   \
    "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "                           \
    "xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\" "                             \
    "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\""
#define COMMON_STYLE(name, parent, extra)                                                          \
    "<style:style style:name=\"" name "\" style:family=\"paragraph\" "                             \
    "style:parent-style-name=\"" parent "\"" extra "/>"

/* A LibreOffice-like content.xml: 40 automatic paragraph styles for body text, all children of
 * the common Text_20_body, and one, P41, child of the common "Custom" (styles.xml says Custom's
 * parent, Lvl, has outline level 2): a paragraph in P41 is a heading. */
static char *content_with_many_styles(void)
{
    size_t cap = 16384, n = 0;
    char *c = malloc(cap);
    if (!c)
        return NULL;
    n += (size_t)snprintf(c + n, cap - n,
                          "<office:document-content " NS_DECLS "><office:automatic-styles>");
    for (int i = 1; i <= 40; i++)
        n += (size_t)snprintf(c + n, cap - n,
                              "<style:style style:name=\"P%d\" style:family=\"paragraph\" "
                              "style:parent-style-name=\"Text_20_body\"/>",
                              i);
    n += (size_t)snprintf(c + n, cap - n,
                          "<style:style style:name=\"P41\" style:family=\"paragraph\" "
                          "style:parent-style-name=\"Custom\"/>"
                          "</office:automatic-styles><office:body><office:text>"
                          "<text:p text:style-name=\"P41\">Custom heading</text:p>");
    for (int i = 1; i <= 40; i++)
        n += (size_t)snprintf(c + n, cap - n, "<text:p text:style-name=\"P%d\">Body %d.</text:p>",
                              i, i);
    snprintf(c + n, cap - n, "</office:text></office:body></office:document-content>");
    return c;
}

/* Open the package of content + styles; the status, with the document kept in *doc. */
static odfgate_status open_doc(const char *content, const char *styles, odfgate_doc **doc,
                               odfgate_error *err)
{
    static const char manifest[] =
        "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\">"
        "<manifest:file-entry manifest:full-path=\"/\" "
        "manifest:media-type=\"application/vnd.oasis.opendocument.text\"/></manifest:manifest>";
    const zent e[] = {{"mimetype", "application/vnd.oasis.opendocument.text", 0, 0, 0},
                      {"META-INF/manifest.xml", manifest, 0, 1, 0},
                      {"content.xml", content, 0, 1, 0},
                      {"styles.xml", styles, 0, 1, 0}};
    size_t len = 0;
    unsigned char *b = build_zip(e, sizeof(e) / sizeof(e[0]), &len);
    odfgate_status st = ODFGATE_FAILED;
    *doc = NULL;
    odfgate_error_clear(err);
    if (b)
        st = odfgate_doc_open_memory(b, len, "t.odt", NULL, doc, err);
    free(b);
    return st;
}

/* styles.xml is read only until every common style the paragraphs wait for is known, however
 * many automatic styles wait for it (41 here: the reader once followed paragraph styles and
 * gave up after 32, reading all of styles.xml); a wait moves along a parent chain (Custom,
 * then Lvl).  The broken tail well after the last needed style proves where reading stopped. */
OG_TEST(reader_reads_styles_only_until_the_needed_ones_are_known)
{
    static const char styles_head[] =
        "<office:document-styles " NS_DECLS "><office:styles>"
        "<style:style style:name=\"Standard\" style:family=\"paragraph\"/>" COMMON_STYLE(
            "Text_20_body", "Standard", "") COMMON_STYLE("Custom", "Lvl", "");
    static const char lvl[] = COMMON_STYLE("Lvl", "Standard", " style:default-outline-level=\"2\"");
    static const char broken[] = "<style:style style:name=\"Late\" <broken";
    char *content = content_with_many_styles();
    static char filler[16384], styles[20000];
    size_t n = 0;
    odfgate_doc *doc = NULL;
    odfgate_error err;

    OG_CHECK(content != NULL);
    if (!content)
        return;
    /* the parser reads ahead of the reader (a few KB): the break must lie beyond that */
    for (int i = 0; n + 100 < sizeof(filler); i++)
        n += (size_t)snprintf(filler + n, sizeof(filler) - n, COMMON_STYLE("F%d", "Standard", ""),
                              i);
    snprintf(styles, sizeof(styles), "%s%s%s%s", styles_head, lvl, filler, broken);
    OG_CHECK_INT(open_doc(content, styles, &doc, &err), ODFGATE_OK);
    OG_CHECK_INT(doc ? odfgate_doc_heading_count(doc) : 0, 1);
    if (doc && odfgate_doc_heading_count(doc) == 1) {
        OG_CHECK_INT(odfgate_doc_heading(doc, 0)->level, 2);
        OG_CHECK_STR(odfgate_doc_heading(doc, 0)->text, "Custom heading");
    }
    odfgate_doc_free(doc);

    /* Lvl after the break: reading goes on past Custom, and meets the broken XML */
    snprintf(styles, sizeof(styles), "%s%s%s%s", styles_head, filler, broken, lvl);
    OG_CHECK_INT(open_doc(content, styles, &doc, &err), ODFGATE_FAILED);
    OG_CHECK_INT(err.code, ODFGATE_E_XML);
    OG_CHECK_STR(err.part, "styles.xml");
    odfgate_doc_free(doc);
    free(content);
}
