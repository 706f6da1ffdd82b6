/* test-rules.c — the reader's heading policy and each rule, on small flat documents. */
#include "unit.h"

#include "odfgate.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NS                                                                                         \
    " xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""                           \
    " xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\""                             \
    " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\""                               \
    " xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\""                             \
    " xmlns:dc=\"http://purl.org/dc/elements/1.1/\""                                               \
    " xmlns:meta=\"urn:oasis:names:tc:opendocument:xmlns:meta:1.0\""

/* A flat document with a title (unless NULL), some common styles and the given body. */
static odfgate_doc *flat(const char *title, const char *body)
{
    static char buf[1 << 16];
    odfgate_doc *doc = NULL;
    odfgate_error err;
    int n =
        snprintf(buf, sizeof(buf),
                 "<?xml version=\"1.0\"?><office:document" NS
                 " office:mimetype=\"application/vnd.oasis.opendocument.text\">"
                 "<office:meta>%s%s%s</office:meta>"
                 "<office:styles>"
                 "<style:style style:name=\"Heading_20_1\" style:display-name=\"Heading 1\""
                 " style:family=\"paragraph\" style:default-outline-level=\"1\"/>"
                 "<style:style style:name=\"Heading\" style:family=\"paragraph\"/>"
                 "<style:style style:name=\"Contents_20_Heading\" style:family=\"paragraph\""
                 " style:parent-style-name=\"Heading\"/>"
                 "<style:style style:name=\"G2\" style:display-name=\"heading 2\""
                 " style:family=\"paragraph\" style:default-outline-level=\"\"/>"
                 "</office:styles><office:body><office:text>%s</office:text></office:body>"
                 "</office:document>",
                 title ? "<dc:title>" : "", title ? title : "", title ? "</dc:title>" : "", body);
    if (n < 0 || (size_t)n >= sizeof(buf))
        return NULL;
    if (odfgate_doc_open_memory(buf, (size_t)n, "test.fodt", NULL, &doc, &err) > ODFGATE_WARN) {
        printf("# open failed: %s\n", err.message);
        return NULL;
    }
    return doc;
}

/* 57 words of filler (no placeholder, no phrase of interest). */
#define P60                                                                                        \
    "<text:p>Partners agree to plan services around people, to share what they know, and to "      \
    "measure progress by the outcomes that matter to patients, carers and staff rather than "      \
    "by counting activity in each organisation separately; they will meet every quarter, "         \
    "publish what they decide and review the arrangements openly with local people each "          \
    "year from now on.</text:p>"

#define H1(t) "<text:h text:outline-level=\"1\">" t "</text:h>"

#define ALL5                                                                                       \
    H1("Common vision")                                                                            \
    P60 H1("Why integration is necessary") P60 H1("How we will work together")                     \
        P60 H1("Potential barriers") P60 H1("Support needed") P60

static odfgate_schema *builtin(void)
{
    odfgate_schema *s = NULL;
    odfgate_error err;
    if (odfgate_schema_load_builtin(&s, &err) != ODFGATE_OK)
        printf("# builtin schema: %s\n", err.message);
    return s;
}

static odfgate_result *check(odfgate_doc *doc, odfgate_schema *s)
{
    odfgate_result *res = NULL;
    odfgate_error err;
    if (!doc || !s || odfgate_check(doc, s, &res, &err) != ODFGATE_OK)
        return NULL;
    return res;
}

/* Number of findings of a rule (optionally in a section). */
static int count(const odfgate_result *res, const char *rule, const char *section)
{
    int n = 0;
    for (size_t i = 0; res && i < odfgate_result_count(res); i++) {
        const odfgate_finding *f = odfgate_result_finding(res, i);
        if (strcmp(f->rule, rule) == 0 &&
            (!section || (f->section && !strcmp(f->section, section))))
            n++;
    }
    return n;
}

static void dump(const odfgate_result *res)
{
    for (size_t i = 0; res && i < odfgate_result_count(res); i++) {
        const odfgate_finding *f = odfgate_result_finding(res, i);
        printf("#   finding: %s %s %s\n", f->rule, f->section ? f->section : "-", f->message);
    }
}

OG_TEST(rules_passing_draft_has_no_findings)
{
    odfgate_schema *s = builtin();
    odfgate_doc *d = flat("A title", ALL5);
    odfgate_result *r = check(d, s);
    OG_CHECK(r != NULL);
    OG_CHECK_INT(odfgate_result_max_severity(r), ODFGATE_SEV_WARNING);
    /* nobody has signed: ONE warning naming the six, their ids on the finding */
    OG_CHECK_INT(count(r, "signoff-missing", NULL), 1);
    OG_CHECK_INT(odfgate_result_count(r), 1);
    if (r && odfgate_result_count(r) == 1) {
        const odfgate_finding *f = odfgate_result_finding(r, 0);
        OG_CHECK_INT((int)f->signatory_count, 6);
        OG_CHECK_STR(f->signatory_count == 6 ? f->signatories[5] : NULL, "ntda");
        OG_CHECK(strstr(f->message,
                        "no sign-off from 6 of 6 signatories: Department of Health (dh), ") !=
                 NULL);
    }
    dump(r);
    OG_CHECK_INT(odfgate_doc_heading_count(d), 5);
    OG_CHECK_STR(odfgate_result_heading_section(r, 4), "support");
    odfgate_result_free(r);
    odfgate_doc_free(d);
    odfgate_schema_free(s);
}

OG_TEST(rules_missing_order_empty_short_title)
{
    odfgate_schema *s = builtin();
    /* no title; barriers missing; why after working-together; support empty; vision short */
    odfgate_doc *d =
        flat(NULL, H1("Common vision") "<text:p>Too short.</text:p>" H1("How we will work together")
                       P60 H1("Why integration is necessary") P60 H1("Support needed"));
    odfgate_result *r = check(d, s);
    OG_CHECK_INT(count(r, "metadata-missing", NULL), 1);
    OG_CHECK_INT(count(r, "section-missing", "barriers"), 1);
    OG_CHECK_INT(count(r, "section-order", NULL), 1);
    OG_CHECK_INT(count(r, "section-too-short", "vision"), 1);
    OG_CHECK_INT(count(r, "section-empty", "support"), 1);
    OG_CHECK_INT(odfgate_result_max_severity(r), ODFGATE_SEV_ERROR);
    dump(r);
    odfgate_result_free(r);
    odfgate_doc_free(d);
    odfgate_schema_free(s);
}

OG_TEST(rules_one_moved_section_is_one_order_finding)
{
    odfgate_schema *s = builtin();
    odfgate_doc *d = flat(
        "T", H1("Support needed") P60 H1("Common vision") P60 H1("Why integration is necessary")
                 P60 H1("How we will work together") P60 H1("Potential barriers") P60);
    odfgate_result *r = check(d, s);
    OG_CHECK_INT(count(r, "section-order", "support"), 1);
    OG_CHECK_INT(count(r, "section-order", NULL), 1);
    odfgate_result_free(r);
    odfgate_doc_free(d);
    odfgate_schema_free(s);
}

OG_TEST(rules_headings_numbered_aliases_and_styles)
{
    odfgate_schema *s = builtin();
    /* numbering, an alias, a Google-Docs style heading (text:p, "heading 2" with empty level)
     * and a "Contents Heading" paragraph that must not count */
    odfgate_doc *d = flat(
        "T", "<text:p text:style-name=\"Contents_20_Heading\">Contents</text:p>" H1(
                 "1. Our common vision:") P60
        "<text:p text:style-name=\"G2\">A sub point</text:p>" P60 H1(
            "Section 2: Why integration matters") P60 H1("3) Working together") P60
        "<text:p text:style-name=\"Heading_20_1\">iv. Barriers</text:p>" P60 H1("Support needed")
            P60);
    odfgate_result *r = check(d, s);
    OG_CHECK_INT(odfgate_doc_heading_count(d), 6);
    OG_CHECK_INT(odfgate_doc_heading(d, 1)->level, 2);
    OG_CHECK_INT(odfgate_doc_heading(d, 1)->source, ODFGATE_HEADING_STYLE);
    OG_CHECK_STR(odfgate_result_heading_section(r, 0), "vision");
    OG_CHECK_STR(odfgate_result_heading_section(r, 1), NULL);
    OG_CHECK_STR(odfgate_result_heading_section(r, 4), "barriers");
    OG_CHECK_INT(odfgate_result_max_severity(r), ODFGATE_SEV_WARNING);
    dump(r);
    /* the level-2 heading's words count in the vision section */
    OG_CHECK_INT(odfgate_doc_heading(d, 0)->words, 2 * 57); /* P60 has 57 words */
    odfgate_result_free(r);
    odfgate_doc_free(d);
    odfgate_schema_free(s);
}

OG_TEST(rules_hidden_duplicate_unexpected_placeholder)
{
    odfgate_schema *s = builtin();
    odfgate_doc *d =
        flat("T", H1("Introduction") P60 H1("Common vision") P60 H1("Why integration is necessary")
                      P60 H1("How we will work together") P60
             "<text:section text:name=\"s\" text:display=\"none\">" H1("Potential barriers") P60
             "</text:section>" H1("Support needed") P60
             "<text:p>Date: [insert date], TBC.</text:p>" H1("Common vision") P60);
    odfgate_result *r = check(d, s);
    OG_CHECK_INT(count(r, "section-hidden", "barriers"), 1);
    OG_CHECK_INT(count(r, "section-missing", NULL), 0);
    OG_CHECK_INT(count(r, "section-duplicate", "vision"), 1);
    OG_CHECK_INT(count(r, "section-unexpected", NULL), 1);
    OG_CHECK_INT(count(r, "placeholder", "support"), 2);
    OG_CHECK(odfgate_doc_heading(d, 4)->hidden);
    dump(r);
    odfgate_result_free(r);
    odfgate_doc_free(d);
    odfgate_schema_free(s);
}

OG_TEST(rules_excluded_content_is_not_text)
{
    odfgate_schema *s = builtin();
    /* deleted tracked change, TOC copy, note in a heading, comment, heading in a table cell */
    odfgate_doc *d = flat(
        "T", "<text:tracked-changes><text:changed-region text:id=\"c\"><text:deletion>" H1(
                 "Potential barriers") "<text:p>TBC</text:p></text:deletion></text:changed-region>"
                                       "</text:tracked-changes>"
                                       "<text:table-of-content><text:index-body><text:p>Potential "
                                       "barriers</text:p>"
                                       "</text:index-body></text:table-of-content>"
                                       "<text:h text:outline-level=\"1\">Common "
                                       "vision<text:note><text:note-body><text:p>TODO "
                                       "note</text:p></text:note-body></text:note></text:h>"
                                       "<text:p>One two three<office:annotation><text:p>TODO "
                                       "comment</text:p></office:annotation>"
                                       "</text:p>"
                                       "<table:table><table:table-row><table:table-cell>" H1(
                                           "Support needed") "</table:table-cell></"
                                                             "table:table-row></table:table>");
    odfgate_result *r = check(d, s);
    OG_CHECK_INT(odfgate_doc_heading_count(d), 1);
    OG_CHECK_STR(odfgate_doc_heading(d, 0)->text, "Common vision");
    OG_CHECK_INT(odfgate_doc_heading(d, 0)->words, 3 + 2);
    OG_CHECK_INT(count(r, "placeholder", NULL), 0);
    OG_CHECK_INT(count(r, "section-missing", "barriers"), 1);
    OG_CHECK_INT(count(r, "section-missing", "support"), 1);
    dump(r);
    odfgate_result_free(r);
    odfgate_doc_free(d);
    odfgate_schema_free(s);
}

/* A placeholder is found wherever it stands among the schema's placeholders (first of one,
 * last of 70), once per paragraph, and keeps the section it is in from being judged too short. */
OG_TEST(rules_placeholders_found_among_many)
{
    odfgate_doc *d = flat(
        "T", H1("Scope") P60
        "<text:p>Owner: FIXME.</text:p>" P60
        "<text:p>Date: FIXME, fixme again.</text:p>" H1("Annex") "<text:p>Annex: FIXME</text:p>" H1(
            "Other") "<text:p>Three short words</text:p>");
    for (int many = 0; many < 2; many++) {
        static char xml[8192];
        size_t n =
            (size_t)snprintf(xml, sizeof(xml),
                             "<schema xmlns=\"urn:odfgate:schema:1\" id=\"p\" ordered=\"false\">"
                             "<sections><section id=\"scope\" heading=\"Scope\"/>"
                             "<section id=\"annex\" heading=\"Annex\" min-words=\"50\"/>"
                             "<section id=\"other\" heading=\"Other\" min-words=\"50\"/>"
                             "</sections>"
                             "<placeholders defaults=\"false\">");
        for (int k = 0; many && k < 69; k++) /* FIXME is then placeholder 70 */
            n += (size_t)snprintf(xml + n, sizeof(xml) - n, "<placeholder phrase=\"zzq%d\"/>", k);
        n += (size_t)snprintf(xml + n, sizeof(xml) - n,
                              "<placeholder phrase=\"FIXME\"/></placeholders></schema>");
        odfgate_schema *s = NULL;
        odfgate_error err;
        OG_CHECK_INT(odfgate_schema_load_memory(xml, n, NULL, &s, &err), ODFGATE_OK);
        odfgate_result *r = s && d ? check(d, s) : NULL;
        OG_CHECK_INT(count(r, "placeholder", "scope"), 2); /* one per paragraph */
        OG_CHECK_INT(count(r, "placeholder", "annex"), 1);
        /* a section holding a placeholder is not judged for length; one without is */
        OG_CHECK_INT(count(r, "section-too-short", "annex"), 0);
        OG_CHECK_INT(count(r, "section-too-short", "other"), 1);
        odfgate_result_free(r);
        odfgate_schema_free(s);
    }
    odfgate_doc_free(d);
}

static const char *schema_xml =
    "<schema xmlns=\"urn:odfgate:schema:1\" id=\"t\" ordered=\"false\" closed=\"true\">"
    "<metadata><field name=\"subject\" required=\"true\" pattern=\"[A-Z]{2}-[0-9]+\"/></metadata>"
    "<sections>"
    "<section id=\"scope\" heading=\"Scope\" min-words=\"1\" max-words=\"10\">"
    "<require phrase=\"integrated care\"/><forbid phrase=\"for the avoidance of doubt\"/>"
    "<section id=\"limits\" heading=\"Limits\"/>"
    "</section>"
    "<section id=\"annex\" heading=\"Annex\" required=\"false\"/>"
    "</sections>"
    "<phrases><forbid phrase=\"draft [0-9]+\" match=\"regex\"/></phrases>"
    "<placeholders defaults=\"false\"><placeholder phrase=\"FIXME\"/></placeholders>"
    "<rules><rule id=\"section-too-long\" severity=\"info\"/></rules>"
    "</schema>";

OG_TEST(rules_schema_phrases_metadata_closed)
{
    odfgate_schema *s = NULL;
    odfgate_error err;
    odfgate_status st = odfgate_schema_load_memory(schema_xml, strlen(schema_xml), NULL, &s, &err);
    OG_CHECK_INT(st, ODFGATE_OK);
    if (st != ODFGATE_OK) {
        printf("# %s\n", err.message);
        return;
    }
    odfgate_doc *d =
        flat("T", H1("Scope") P60
             "<text:p>This is draft 3. For the Avoidance of  Doubt, TBC FIXME.</text:p>"
             "<text:h text:outline-level=\"2\">Limits</text:h>" H1("Other"));
    odfgate_result *r = check(d, s);
    OG_CHECK_INT(count(r, "metadata-missing", NULL), 1);
    OG_CHECK_INT(count(r, "phrase-required", "scope"), 1);
    OG_CHECK_INT(count(r, "phrase-forbidden", NULL), 2);
    OG_CHECK_INT(count(r, "placeholder", NULL), 1); /* FIXME only: defaults off */
    OG_CHECK_INT(count(r, "section-too-long", "scope"), 1);
    OG_CHECK_INT(count(r, "section-unexpected", NULL), 1);
    OG_CHECK_INT(count(r, "section-missing", NULL), 0);
    for (size_t i = 0; r && i < odfgate_result_count(r); i++) {
        const odfgate_finding *f = odfgate_result_finding(r, i);
        if (!strcmp(f->rule, "section-unexpected"))
            OG_CHECK_INT(f->severity, ODFGATE_SEV_ERROR); /* closed schema */
        if (!strcmp(f->rule, "section-too-long"))
            OG_CHECK_INT(f->severity, ODFGATE_SEV_INFO); /* overridden */
    }
    dump(r);
    odfgate_result_free(r);
    odfgate_doc_free(d);
    odfgate_schema_free(s);
}

OG_TEST(rules_metadata_pattern)
{
    odfgate_schema *s = NULL;
    odfgate_error err;
    OG_CHECK_INT(odfgate_schema_load_memory(schema_xml, strlen(schema_xml), NULL, &s, &err), 0);
    static const char *subjects[] = {"AB-12", "ab-12", "AB-12x"};
    for (int i = 0; i < 3; i++) {
        char body[512];
        snprintf(body, sizeof(body), "%s", H1("Scope") "<text:p>integrated care</text:p>");
        odfgate_doc *d = flat("T", body);
        /* subject via a second document with meta: build by hand */
        odfgate_doc_free(d);
        char xml[2048];
        int n = snprintf(xml, sizeof(xml),
                         "<office:document" NS "><office:meta><dc:subject>%s</dc:subject>"
                         "</office:meta><office:body><office:text>%s</office:text></office:body>"
                         "</office:document>",
                         subjects[i], body);
        OG_CHECK_INT(
            odfgate_doc_open_memory(xml, (size_t)n, "m.fodt", NULL, &d, &err) <= ODFGATE_WARN, 1);
        odfgate_result *r = check(d, s);
        OG_CHECK_INT(count(r, "metadata-invalid", NULL), i == 0 ? 0 : 1);
        odfgate_result_free(r);
        odfgate_doc_free(d);
    }
    odfgate_schema_free(s);
}

OG_TEST(reader_metadata_fields)
{
    const char xml[] =
        "<office:document" NS "><office:meta><dc:title> A   title </dc:title>"
        "<meta:keyword>one</meta:keyword><meta:keyword>two</meta:keyword>"
        "<meta:user-defined meta:name=\"Sign\" meta:value-type=\"string\"> x  y "
        "</meta:user-defined>"
        "<meta:user-defined meta:name=\"N\" meta:value-type=\"float\">3</meta:user-defined>"
        "<meta:editing-cycles>7</meta:editing-cycles>"
        "</office:meta><office:body><office:text/></office:body></office:document>";
    odfgate_doc *d = NULL;
    odfgate_error err;
    OG_CHECK_INT(
        odfgate_doc_open_memory(xml, sizeof(xml) - 1, "m.fodt", NULL, &d, &err) <= ODFGATE_WARN, 1);
    if (!d)
        return;
    const odfgate_meta *m = odfgate_doc_meta(d);
    OG_CHECK_STR(m->title, "A title");
    OG_CHECK_INT(m->keyword_count, 2);
    OG_CHECK_STR(odfgate_doc_meta_field(d, "keywords"), "one, two");
    OG_CHECK_STR(odfgate_doc_meta_field(d, "user:Sign"), " x  y ");
    OG_CHECK_STR(m->user[1].type, "float");
    OG_CHECK_STR(odfgate_doc_meta_field(d, "editing-cycles"), "7");
    OG_CHECK_STR(odfgate_doc_meta_field(d, "subject"), NULL);
    odfgate_doc_free(d);
}

OG_TEST(reader_refuses_spreadsheet_body)
{
    const char xml[] =
        "<office:document" NS "><office:body><office:spreadsheet/></office:body></office:document>";
    odfgate_doc *d = NULL;
    odfgate_error err;
    odfgate_status st = odfgate_doc_open_memory(xml, sizeof(xml) - 1, "s.fods", NULL, &d, &err);
    OG_CHECK_INT(st, ODFGATE_FAILED);
    OG_CHECK_INT(err.code, ODFGATE_E_WRONG_TYPE);
    OG_CHECK(d == NULL);
}
