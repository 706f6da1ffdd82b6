/* test-signoff.c — canonical text, dates, record encoding/parsing and verification. */
#include "unit.h"

#include "odfgate.h"
#include "signoff.h"

#include <stdlib.h>

#define NS                                                                                     \
    " xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""                       \
    " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\""                           \
    " xmlns:draw=\"urn:oasis:names:tc:opendocument:xmlns:drawing:1.0\""                        \
    " xmlns:meta=\"urn:oasis:names:tc:opendocument:xmlns:meta:1.0\""

static odfgate_doc *doc_with(const char *meta, const char *body)
{
    static char xml[8192];
    odfgate_doc *d = NULL;
    odfgate_error err;
    int n = snprintf(xml, sizeof(xml),
                     "<office:document" NS "><office:meta>%s</office:meta><office:body><office:text>%s"
                     "</office:text></office:body></office:document>",
                     meta, body);
    if (odfgate_doc_open_memory(xml, (size_t)n, "t.fodt", NULL, &d, &err) > ODFGATE_WARN)
        printf("#   open: %s\n", err.message);
    return d;
}

#define BODY                                                                                   \
    "<text:h text:outline-level=\"1\">Common vision</text:h>"                                  \
    "<text:p>One  <text:span>two</text:span><text:note><text:note-citation>1</text:note-citation>" \
    "<text:note-body><text:p>Note text</text:p></text:note-body></text:note></text:p><text:p/>"  \
    "<text:h text:outline-level=\"2\">Sub</text:h><text:p>Three<text:s/>four</text:p>"          \
    "<text:p><draw:frame><draw:text-box><text:p>Box</text:p></draw:text-box></draw:frame></text:p>"

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
    OG_CHECK_STR(text, "odfgate-canonical/1\nH1 Common vision\nP One two\nN Note text\nH2 Sub\n"
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
static const odfgate_signoff *verify_record(const char *value, odfgate_signoffs **so, odfgate_doc **d,
                                           odfgate_schema *s)
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
    OG_CHECK_INT(og_digests_compute(base, s, &a, &dg), 0);
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
        {"odfgate-signoff/2; id=dh", "unsupported record format version"},
        {"odfgate-signoff/1; id=cqc; decision=approved; by=X; at=2026-11-20T10:00:00Z; content=sha256:"
         "0000000000000000000000000000000000000000000000000000000000000000",
         "differs from the property name"},
        {"odfgate-signoff/1; id=dh; decision=maybe; by=X", "decision"},
        {"odfgate-signoff/1; id=dh; decision=approved; by=X; at=2026-11-20T10:00:00Z; content=sha256:abc",
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
    odfgate_doc *x = doc_with("", "<text:h text:outline-level=\"1\">Common vision</text:h><text:p>A b c</text:p>");
    odfgate_doc *y = doc_with("<meta:user-defined meta:name=\"odfgate.signoff.dh\">x</meta:user-defined>",
                              "<text:h text:outline-level=\"1\">Common vision</text:h><text:soft-page-break/>"
                              "<text:p text:style-name=\"P9\"><text:span text:style-name=\"T1\">A</text:span>"
                              "  b\n c<office:annotation xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\">"
                              "<text:p>comment</text:p></office:annotation></text:p>");
    odfgate_doc *z = doc_with("", "<text:h text:outline-level=\"1\">Common vision</text:h><text:p>A b d</text:p>");
    OG_CHECK(x && y && z);
    if (x && y && z) {
        og_digests_compute(x, s, &a, &d1);
        og_digests_compute(y, s, &a, &d2);
        og_digests_compute(z, s, &a, &d3);
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
