/* test-signoff.c — canonical text, dates, record encoding/parsing and verification. */
#include "unit.h"

#include "odfgate.h"
#include "check/canonical.h"
#include "check/signoff.h"

#include <stdio.h>
#include <stdlib.h>

#include <xmlsec/xmlsec.h>

#define NS                                                                                         \
    " xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""                           \
    " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\""                               \
    " xmlns:draw=\"urn:oasis:names:tc:opendocument:xmlns:drawing:1.0\""                            \
    " xmlns:meta=\"urn:oasis:names:tc:opendocument:xmlns:meta:1.0\""

static odfgate_doc *doc_with(const char *meta, const char *body)
{
    static char xml[8192];
    odfgate_doc *d = NULL;
    odfgate_error err;
    int n =
        snprintf(xml, sizeof(xml),
                 "<office:document" NS "><office:meta>%s</office:meta><office:body><office:text>%s"
                 "</office:text></office:body></office:document>",
                 meta, body);
    if (odfgate_doc_open_memory(xml, (size_t)n, "t.fodt", NULL, &d, &err) > ODFGATE_WARN)
        printf("#   open: %s\n", err.message);
    return d;
}

#define BODY                                                                                       \
    "<text:h text:outline-level=\"1\">Common vision</text:h>"                                      \
    "<text:p>One  <text:span>two</text:span><text:note><text:note-citation>1</text:note-citation>" \
    "<text:note-body><text:p>Note text</text:p></text:note-body></text:note></text:p><text:p/>"    \
    "<text:h text:outline-level=\"2\">Sub</text:h><text:p>Three<text:s/>four</text:p>"             \
    "<text:p><draw:frame><draw:text-box><text:p>Box</text:p></draw:text-box></draw:frame></"       \
    "text:p>"

OG_TEST(signoff_canonical_text)
{
    odfgate_doc *d = doc_with("", BODY);
    char *text = NULL;
    size_t len = 0;
    odfgate_error err;
    OG_CHECK(d != NULL);
    if (!d)
        return;
    OG_CHECK_INT(odfgate_doc_canonical_text(d, &text, &len, &err), ODFGATE_OK);
    OG_CHECK_STR(text, "odfgate-canonical/2\nH1 Common vision\nP One two\nN Note text\nH2 Sub\n"
                       "P Three four\nN Box\n");
    free(text);
    odfgate_doc_free(d);
}

OG_TEST(signoff_dates)
{
    long long e;
    OG_CHECK_INT(og_parse_datetime("2026-11-20T10:00:00+00:00", &e), 0);
    OG_CHECK_INT(e, 1795168800LL);
    OG_CHECK_INT(og_parse_datetime("2026-11-20T11:00+01:00", &e), 0);
    OG_CHECK_INT(e, 1795168800LL);
    OG_CHECK_INT(og_parse_datetime("2026-11-20T10:00:00.250Z", &e), 0);
    OG_CHECK_INT(og_parse_datetime("2026-11-20T10:00:00", &e), -1); /* no zone */
    OG_CHECK_INT(og_parse_datetime("2026-13-20T10:00:00Z", &e), -1);
    OG_CHECK_INT(og_parse_datetime("yesterday", &e), -1);
    OG_CHECK_INT(og_parse_datetime("2026-11-20T10:00:00Zjunk", &e), -1);
}

/* Stamp a record into the metadata of the same body and verify it. */
static const odfgate_signoff *verify_record(const char *value, odfgate_signoffs **so,
                                            odfgate_doc **d, odfgate_schema *s)
{
    char meta[4096];
    odfgate_error err;
    snprintf(meta, sizeof(meta),
             "<meta:user-defined meta:name=\"odfgate.signoff.dh\" meta:value-type=\"string\">%s"
             "</meta:user-defined>",
             value);
    *d = doc_with(meta, BODY);
    if (!*d || odfgate_signoffs_read(*d, s, so, &err) != ODFGATE_OK)
        return NULL;
    return odfgate_signoffs_at(*so, 0);
}

OG_TEST(signoff_encode_parse_verify)
{
    odfgate_schema *s = NULL;
    odfgate_error err;
    og_arena a;
    og_digests dg;
    og_buf rec;
    odfgate_stamp st = {"dh", "Ann O'Neil; PhD", "Chair, Board", NULL, "2026-11-20T10:00:00Z", 0};
    OG_CHECK_INT(odfgate_schema_load_builtin(&s, &err), ODFGATE_OK);
    odfgate_doc *base = doc_with("", BODY);
    og_arena_init(&a);
    og_buf_init(&rec, 1 << 16);
    OG_CHECK_INT(og_digests_compute(base, s, OG_CANONICAL_LATEST, &a, &dg), 0);
    OG_CHECK_STR(dg.sections[1], "-"); /* "why" is absent */
    OG_CHECK_INT(strlen(dg.sections[0]), 16);
    OG_CHECK_INT(og_signoff_encode(&st, st.at, &dg, s, &rec, &err), 0);
    OG_CHECK(strstr(rec.data, "by=Ann O'Neil%3B PhD; role=Chair%2C Board;") != NULL);

    odfgate_signoffs *so = NULL;
    odfgate_doc *d = NULL;
    const odfgate_signoff *r = verify_record(rec.data, &so, &d, s);
    OG_CHECK(r && r->state == ODFGATE_SIGNOFF_VALID);
    OG_CHECK_STR(r ? r->by : NULL, "Ann O'Neil; PhD");
    OG_CHECK_STR(r ? r->role : NULL, "Chair, Board");
    odfgate_signoffs_free(so);
    odfgate_doc_free(d);

    static const struct {
        const char *value, *problem;
    } bad[] = {
        {"hello", "not an odfgate sign-off record"},
        {"odfgate-signoff/3; id=dh", "unsupported record format version"},
        {"odfgate-signoff/0; id=dh", "unsupported record format version"},
        {"odfgate-signoff/1; id=cqc; decision=approved; by=X; at=2026-11-20T10:00:00Z; "
         "content=sha256:"
         "0000000000000000000000000000000000000000000000000000000000000000",
         "differs from the property name"},
        {"odfgate-signoff/1; id=dh; decision=maybe; by=X", "decision"},
        {"odfgate-signoff/1; id=dh; decision=approved; by=X; at=2026-11-20T10:00:00Z; "
         "content=sha256:abc",
         "content digest"},
        {"odfgate-signoff/1; id=dh; decision=approved; by=X; at=soon; content=sha256:"
         "0000000000000000000000000000000000000000000000000000000000000000",
         "ISO 8601"},
    };
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        so = NULL;
        d = NULL;
        r = verify_record(bad[i].value, &so, &d, s);
        OG_CHECK(r && r->state == ODFGATE_SIGNOFF_MALFORMED && r->problem &&
                 strstr(r->problem, bad[i].problem));
        if (r && r->problem && !strstr(r->problem, bad[i].problem))
            printf("#   %s -> %s\n", bad[i].value, r->problem);
        odfgate_signoffs_free(so);
        odfgate_doc_free(d);
    }
    og_buf_free(&rec);
    og_arena_free(&a);
    odfgate_doc_free(base);
    odfgate_schema_free(s);
}

OG_TEST(signoff_digest_ignores_formatting_but_not_text)
{
    odfgate_schema *s = NULL;
    odfgate_error err;
    og_arena a;
    og_digests d1, d2, d3;
    OG_CHECK_INT(odfgate_schema_load_builtin(&s, &err), ODFGATE_OK);
    og_arena_init(&a);
    odfgate_doc *x = doc_with(
        "", "<text:h text:outline-level=\"1\">Common vision</text:h><text:p>A b c</text:p>");
    odfgate_doc *y =
        doc_with("<meta:user-defined meta:name=\"odfgate.signoff.dh\">x</meta:user-defined>",
                 "<text:h text:outline-level=\"1\">Common vision</text:h><text:soft-page-break/>"
                 "<text:p text:style-name=\"P9\"><text:span text:style-name=\"T1\">A</text:span>"
                 "  b\n c<office:annotation "
                 "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\">"
                 "<text:p>comment</text:p></office:annotation></text:p>");
    odfgate_doc *z = doc_with(
        "", "<text:h text:outline-level=\"1\">Common vision</text:h><text:p>A b d</text:p>");
    OG_CHECK(x && y && z);
    if (x && y && z) {
        og_digests_compute(x, s, OG_CANONICAL_LATEST, &a, &d1);
        og_digests_compute(y, s, OG_CANONICAL_LATEST, &a, &d2);
        og_digests_compute(z, s, OG_CANONICAL_LATEST, &a, &d3);
        OG_CHECK_STR(d1.content, d2.content);
        OG_CHECK(strcmp(d1.content, d3.content) != 0);
        OG_CHECK(strcmp(d1.sections[0], d3.sections[0]) != 0);
    }
    odfgate_doc_free(x);
    odfgate_doc_free(y);
    odfgate_doc_free(z);
    og_arena_free(&a);
    odfgate_schema_free(s);
}

/* ------------------------------------------------------------------ fields (docs/signoff.md) */

/* Canonical text `version` of a document whose body is `body`, without its first line. */
static char *canonical_of(const char *body, int version)
{
    odfgate_doc *d = doc_with("", body);
    og_buf b;
    og_buf_init(&b, 1 << 20);
    if (!d || og_canonical_range(d, 0, d->para_count, version, &b) != OG_BUF_OK ||
        og_buf_addc(&b, 0))
        printf("#   canonical_of failed\n");
    odfgate_doc_free(d);
    return og_buf_take(&b);
}

OG_TEST(signoff_fields_stand_for_their_definition)
{
    static const struct {
        const char *xml, *v2, *v1;
    } cases[] = {
        /* recomputed by LibreOffice: the definition in version 2, the cached value in 1 */
        {"<text:date text:date-value=\"2021-06-18\">18. Juni 2021</text:date>", "\1date\1",
         "18. Juni 2021"},
        {"<text:date text:date-adjust=\"P1D\">19 June</text:date>", "\1date date-adjust=P1D\1",
         "19 June"},
        {"<text:time text:fixed=\"false\">10:00</text:time>", "\1time\1", "10:00"},
        {"<text:page-number text:select-page=\"current\">3</text:page-number>",
         "\1page-number select-page=current\1", "3"},
        {"<text:page-count>7</text:page-count> <text:word-count>812</text:word-count>",
         "\1page-count\1 \1word-count\1", "7 812"},
        {"<text:character-count>9</text:character-count><text:paragraph-count>2</"
         "text:paragraph-count>",
         "\1character-count\1\1paragraph-count\1", "92"},
        {"<text:file-name text:display=\"name\">draft</text:file-name>",
         "\1file-name display=name\1", "draft"},
        {"<text:template-name text:display=\"title\">Board</text:template-name>",
         "\1template-name display=title\1", "Board"},
        {"<text:author-name text:fixed=\"false\">Jane Smith</text:author-name>", "\1author-name\1",
         "Jane Smith"},
        {"<text:sender-firstname text:fixed=\"false\">Jane</text:sender-firstname>",
         "\1sender-firstname\1", "Jane"},
        {"<text:chapter text:display=\"name\" text:outline-level=\"1\">Vision</text:chapter>",
         "\1chapter display=name outline-level=1\1", "Vision"},
        {"<text:modification-date>4 "
         "Dec</text:modification-date><text:editing-cycles>12</text:editing-cycles>",
         "\1modification-date\1\1editing-cycles\1", "4 Dec12"},
        {"<text:title>Draft</text:title> <text:user-defined "
         "text:name=\"Owner\">DH</text:user-defined>",
         "\1title\1 \1user-defined name=Owner\1", "Draft DH"},
        {"<text:print-date>1 Jan</text:print-date><text:printed-by>ann</text:printed-by>",
         "\1print-date\1\1printed-by\1", "1 Janann"},
        {"see <text:reference-ref text:reference-format=\"page\" "
         "text:ref-name=\"r1\">4</text:reference-ref>",
         "see \1reference-ref ref-name=r1 reference-format=page\1", "see 4"},
        {"<text:note-ref text:ref-name=\"n1\">2</text:note-ref>", "\1note-ref ref-name=n1\1", "2"},
        {"Figure <text:sequence text:name=\"Figure\" "
         "text:formula=\"ooow:Figure+1\">1</text:sequence>",
         "Figure \1sequence name=Figure\1", "Figure 1"},
        {"a <text:date>x</text:date> b <text:page-count/> c", "a \1date\1 b \1page-count\1 c",
         "a x b c"},
        /* kept as they are: fixed fields, stored content, references that show text */
        {"<text:date text:fixed=\"true\">18 June 2021</text:date>", "18 June 2021", "18 June 2021"},
        /* a fixed date with its value stands for the value: LibreOffice shows it in its own format
         */
        {"<text:date text:fixed=\"true\" text:date-value=\"2021-06-18T00:00:00\">18 June "
         "2021</text:date>",
         "\1date date-value=2021-06-18\1", "18 June 2021"},
        {"<text:date text:fixed=\"true\" text:date-value=\"2021-06-18\">6/18/21</text:date>",
         "\1date date-value=2021-06-18\1", "6/18/21"},
        {"<text:time text:fixed=\"true\" "
         "text:time-value=\"2012-09-10T14:58:45.170000153\">14:58</text:time>",
         "\1time time-value=2012-09-10T14:58:45\1", "14:58"},
        /* author and sender fields are fixed unless text:fixed="false" (as LibreOffice reads them)
         */
        {"<text:author-name>Jane</text:author-name>", "Jane", "Jane"},
        {"<text:author-initials text:fixed=\"true\">JS</text:author-initials>", "JS", "JS"},
        {"<text:sender-company>DH</text:sender-company>", "DH", "DH"},
        {"<text:file-name text:fixed=\"true\">draft.odt</text:file-name>", "draft.odt",
         "draft.odt"},
        {"<text:reference-ref text:reference-format=\"text\" text:ref-name=\"r\">Annex "
         "A</text:reference-ref>",
         "Annex A", "Annex A"},
        {"<text:bookmark-ref text:ref-name=\"b\">the terms</text:bookmark-ref>", "the terms",
         "the terms"},
        {"<text:user-field-get text:name=\"Body\">NHS England</text:user-field-get>", "NHS England",
         "NHS England"},
        {"<text:variable-set text:name=\"v\">42</text:variable-set> <text:variable-get "
         "text:name=\"v\">42</text:variable-get>",
         "42 42", "42 42"},
        {"<text:placeholder>name</text:placeholder>", "name", "name"},
    };
    char body[2048], want[512];
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        snprintf(body, sizeof(body), "<text:p>%s</text:p>", cases[i].xml);
        char *got = canonical_of(body, 2);
        snprintf(want, sizeof(want), "P %s\n", cases[i].v2);
        OG_CHECK_STR(got, want);
        free(got);
        got = canonical_of(body, 1);
        snprintf(want, sizeof(want), "P %s\n", cases[i].v1);
        OG_CHECK_STR(got, want);
        free(got);
    }
    /* in notes and text boxes too; a paragraph that is only a field with no cached value is a
     * line in version 2 and none in version 1, as before */
    const char *aux =
        "<text:p>x<text:note><text:note-citation>1</text:note-citation><text:note-body>"
        "<text:p>Printed <text:print-date>today</text:print-date></text:p></text:note-body>"
        "</text:note></text:p><text:p><draw:frame><draw:text-box><text:p><text:page-number/>"
        "</text:p></draw:text-box></draw:frame></text:p><text:p><text:page-count/></text:p>";
    char *got = canonical_of(aux, 2);
    OG_CHECK_STR(got, "P x\nN Printed \1print-date\1\nN \1page-number\1\nP \1page-count\1\n");
    free(got);
    got = canonical_of(aux, 1);
    OG_CHECK_STR(got, "P x\nN Printed today\n");
    free(got);
}

/* A record of `version` over body `signed_body`, verified on `body`: its state and changes. */
static odfgate_signoff_state verify_on(const char *signed_body, const char *body, int version,
                                       odfgate_schema *s, char *changed, size_t n)
{
    og_arena a;
    og_digests dg;
    og_buf rec;
    char meta[4096];
    odfgate_error err;
    odfgate_signoffs *so = NULL;
    odfgate_stamp st = {"dh", "Jane", NULL, NULL, "2026-11-20T10:00:00Z", 0};
    odfgate_signoff_state state = ODFGATE_SIGNOFF_MALFORMED;
    odfgate_doc *d = doc_with("", signed_body);
    og_arena_init(&a);
    og_buf_init(&rec, 1 << 16);
    changed[0] = '\0';
    if (d && og_digests_compute(d, s, version, &a, &dg) == 0 &&
        og_signoff_encode(&st, st.at, &dg, s, &rec, &err) == 0) {
        odfgate_doc_free(d);
        snprintf(meta, sizeof(meta),
                 "<meta:user-defined meta:name=\"odfgate.signoff.dh\">%s</meta:user-defined>",
                 rec.data);
        d = doc_with(meta, body);
        if (d && odfgate_signoffs_read(d, s, &so, &err) == ODFGATE_OK &&
            odfgate_signoffs_count(so)) {
            const odfgate_signoff *r = odfgate_signoffs_at(so, 0);
            state = r->state;
            for (size_t k = 0; k < r->changed_count; k++)
                snprintf(changed + strlen(changed), n - strlen(changed), "%s%s", k ? "," : "",
                         r->changed[k]);
        }
    }
    odfgate_signoffs_free(so);
    odfgate_doc_free(d);
    og_buf_free(&rec);
    og_arena_free(&a);
    return state;
}

OG_TEST(signoff_versions_and_recomputed_fields)
{
    odfgate_schema *s = NULL;
    odfgate_error err;
    char changed[256];
#define DOC(date, fixed)                                                                           \
    "<text:h text:outline-level=\"1\">Common vision</text:h><text:p>Dated <text:date>" date        \
    "</text:date>, page <text:page-number>1</text:page-number>; agreed <text:date "                \
    "text:fixed=\"true\">" fixed "</text:date> by <text:author-name text:fixed=\"false\">Jane"     \
    "</text:author-name></text:p>"
    const char *signed_doc = DOC("18. Juni 2021", "18 June 2021");
    /* what LibreOffice does on another day, as another user: recomputed values */
    const char *reopened =
        "<text:h text:outline-level=\"1\">Common vision</text:h><text:p>Dated <text:date>"
        "4 December 2026</text:date>, page <text:page-number>2</text:page-number>; agreed "
        "<text:date text:fixed=\"true\">18 June 2021</text:date> by <text:author-name "
        "text:fixed=\"false\"></text:author-name></text:p>";
    const char *refixed = DOC("18. Juni 2021", "19 June 2021");
    OG_CHECK_INT(odfgate_schema_load_builtin(&s, &err), ODFGATE_OK);
    /* version 2 (what odfgate signs with now): recomputed fields change nothing */
    OG_CHECK_INT(verify_on(signed_doc, signed_doc, 2, s, changed, sizeof(changed)),
                 ODFGATE_SIGNOFF_VALID);
    OG_CHECK_INT(verify_on(signed_doc, reopened, 2, s, changed, sizeof(changed)),
                 ODFGATE_SIGNOFF_VALID);
    /* a fixed date is text: changed, stale, naming the section */
    OG_CHECK_INT(verify_on(signed_doc, refixed, 2, s, changed, sizeof(changed)),
                 ODFGATE_SIGNOFF_STALE);
    OG_CHECK_STR(changed, "vision");
    /* version 1 records are verified against version 1: valid while the text is as signed
     * (nothing signed before the upgrade goes stale), and their digests are over the values */
    OG_CHECK_INT(verify_on(signed_doc, signed_doc, 1, s, changed, sizeof(changed)),
                 ODFGATE_SIGNOFF_VALID);
    OG_CHECK_INT(verify_on(signed_doc, reopened, 1, s, changed, sizeof(changed)),
                 ODFGATE_SIGNOFF_STALE);
#undef DOC
    odfgate_schema_free(s);
}

/* Every kind of docs/signoff.md's table, bare (no attributes) and fixed. */
OG_TEST(signoff_every_field_kind)
{
    static const char *const recomputed[] = {
        "character-count",     "chapter",           "database-display", "database-name",
        "database-row-number", "dde-connection",    "image-count",      "note-ref",
        "object-count",        "page-continuation", "page-count",       "page-variable-get",
        "paragraph-count",     "sequence",          "table-count",      "template-name",
        "word-count"};
    static const char *const unless_fixed[] = {"creation-date",
                                               "creation-time",
                                               "creator",
                                               "date",
                                               "description",
                                               "editing-cycles",
                                               "editing-duration",
                                               "file-name",
                                               "initial-creator",
                                               "keywords",
                                               "modification-date",
                                               "modification-time",
                                               "page-number",
                                               "print-date",
                                               "print-time",
                                               "printed-by",
                                               "subject",
                                               "time",
                                               "title",
                                               "user-defined"};
    static const char *const only_unfixed[] = {
        "author-initials", "author-name",          "sender-city",
        "sender-company",  "sender-country",       "sender-email",
        "sender-fax",      "sender-firstname",     "sender-initials",
        "sender-lastname", "sender-phone-private", "sender-phone-work",
        "sender-position", "sender-postal-code",   "sender-state-or-province",
        "sender-street",   "sender-title"};
    static const char *const references[] = {"reference-ref", "bookmark-ref", "sequence-ref"};
    char body[512], want[256];
    char *got;
#define EXPECT(fmt_body, name, fmt_want)                                                           \
    do {                                                                                           \
        snprintf(body, sizeof(body), "<text:p>" fmt_body "</text:p>", name, name);                 \
        snprintf(want, sizeof(want), "P " fmt_want "\n", name);                                    \
        got = canonical_of(body, 2);                                                               \
        OG_CHECK_STR(got, want);                                                                   \
        free(got);                                                                                 \
    } while (0)
    for (size_t i = 0; i < sizeof(recomputed) / sizeof(recomputed[0]); i++) {
        EXPECT("<text:%s>x</text:%s>", recomputed[i], "\1%s\1");
        EXPECT("<text:%s text:fixed=\"true\">x</text:%s>", recomputed[i], "\1%s\1");
    }
    for (size_t i = 0; i < sizeof(unless_fixed) / sizeof(unless_fixed[0]); i++) {
        EXPECT("<text:%s>x</text:%s>", unless_fixed[i], "\1%s\1");
        EXPECT("<text:%s text:fixed=\"true\">x</text:%s>", unless_fixed[i], "x%.0s");
    }
    for (size_t i = 0; i < sizeof(only_unfixed) / sizeof(only_unfixed[0]); i++) {
        EXPECT("<text:%s>x</text:%s>", only_unfixed[i], "x%.0s");
        EXPECT("<text:%s text:fixed=\"false\">x</text:%s>", only_unfixed[i], "\1%s\1");
    }
    for (size_t i = 0; i < sizeof(references) / sizeof(references[0]); i++) {
        EXPECT("<text:%s text:reference-format=\"chapter\">x</text:%s>", references[i],
               "\1%s reference-format=chapter\1");
        EXPECT("<text:%s text:reference-format=\"caption\">x</text:%s>", references[i], "x%.0s");
        EXPECT("<text:%s>x</text:%s>", references[i], "x%.0s");
    }
#undef EXPECT
}

/* Another user of libxmlsec1 in the process (LibreOffice's xmlsecurity shuts it down after
 * each of its signings and verifications): odfgate sets itself up again and a sound signature
 * stays valid (it was "cannot verify: xmlsec error"). */
OG_TEST(signatures_survive_another_xmlsec_user_shutting_it_down)
{
    const char *top = getenv("top_srcdir");
    char path[4096];
    snprintf(path, sizeof(path),
             "%s/tests/data/corpus/tdf__odftoolkit/validator/src/test/resources/good.odt",
             top ? top : "..");
    for (int round = 0; round < 2; round++) {
        odfgate_doc *d = NULL;
        odfgate_error err;
        OG_CHECK(odfgate_doc_open(path, NULL, &d, &err) <= ODFGATE_WARN);
        if (!d)
            return;
        OG_CHECK_INT((int)odfgate_doc_signature_count(d), 1);
        if (odfgate_doc_signature_count(d) == 1) {
            const odfgate_signature *s = odfgate_doc_signature(d, 0);
            if (!s->valid)
                printf("#   round %d: %s\n", round, s->problem ? s->problem : "?");
            OG_CHECK_INT(s->valid, 1);
        }
        odfgate_doc_free(d);
        if (round == 0)
            xmlSecShutdown(); /* as LibreOffice's deInitXmlSec does */
    }
}
