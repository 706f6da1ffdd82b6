/* test-clause.c — clause words and matching (word differences), and registry parsing. */
#include "unit.h"

#include "base/buf.h"
#include "schema/clause.h"
#include "schema/registry.h"
#include "text/text.h"

#include <stdlib.h>

/* Fold s and cut it into words in arena a. */
static og_word *words(og_arena *a, const char *s, size_t *n)
{
    og_buf b;
    og_word *w = NULL;
    const char *kept;
    og_buf_init(&b, 1 << 20);
    og_text_fold(s, strlen(s), &b);
    kept = og_arena_strndup(a, b.data ? b.data : "", b.len);
    og_words_cut(a, kept, b.len, &w, n);
    og_buf_free(&b);
    return w;
}

static int find(const char *clause, const char *text, char *diff, size_t cap, size_t *at)
{
    og_arena a;
    og_buf d;
    size_t m, n;
    int rc;
    og_arena_init(&a);
    og_buf_init(&d, 4096);
    og_word *c = words(&a, clause, &m), *t = words(&a, text, &n);
    rc = og_clause_find(c, m, t, n, &d, at);
    snprintf(diff, cap, "%s", d.data ? d.data : "");
    og_buf_free(&d);
    og_arena_free(&a);
    return rc;
}

OG_TEST(clause_words_ignore_punctuation_and_case)
{
    og_arena a;
    size_t n;
    og_arena_init(&a);
    og_word *w = words(&a, "  Data — shared, LAWFULLY; (securely)!\n", &n);
    OG_CHECK_INT(n, 4);
    if (n == 4) {
        OG_CHECK(w[2].len == 8 && memcmp(w[2].at, "lawfully", 8) == 0);
        OG_CHECK(w[3].len == 8 && memcmp(w[3].at, "securely", 8) == 0);
    }
    og_arena_free(&a);
}

OG_TEST(clause_find_present_modified_missing)
{
    char diff[512];
    size_t at = 99;
    const char *std = "We share data lawfully, securely and only for this framework.";
    OG_CHECK_INT(
        find(std, "Intro words. WE SHARE DATA LAWFULLY SECURELY AND ONLY FOR THIS FRAMEWORK. More.",
             diff, sizeof(diff), &at),
        OG_CLAUSE_PRESENT);
    OG_CHECK_INT(at, 2);
    OG_CHECK_INT(find(std, "Intro. We share data lawfully, safely and only for this framework.",
                      diff, sizeof(diff), &at),
                 OG_CLAUSE_MODIFIED);
    OG_CHECK_STR(diff, "\"… lawfully [-securely-] {+safely+} and …\"");
    OG_CHECK_INT(at, 1);
    OG_CHECK_INT(
        find(std, "We share data lawfully and only for this framework.", diff, sizeof(diff), &at),
        OG_CLAUSE_MODIFIED);
    OG_CHECK_STR(diff, "\"… lawfully [-securely-] and …\"");
    OG_CHECK_INT(find(std, "We share data lawfully, securely, swiftly and only for this framework.",
                      diff, sizeof(diff), &at),
                 OG_CLAUSE_MODIFIED);
    OG_CHECK_STR(diff, "\"… securely {+swiftly+} and …\"");
    OG_CHECK_INT(find(std, "Nothing of the kind is written here at all.", diff, sizeof(diff), &at),
                 OG_CLAUSE_MISSING);
    OG_CHECK_INT(find(std, "", diff, sizeof(diff), &at), OG_CLAUSE_MISSING);
}

OG_TEST(clause_find_shows_three_changes_then_counts)
{
    char diff[1024];
    size_t at;
    const char *std =
        "one two three four five six seven eight nine ten eleven twelve thirteen fourteen";
    OG_CHECK_INT(
        find(std,
             "one TWO three four FIVE six seven EIGHT nine ten ELEVEN twelve thirteen fourteen",
             diff, sizeof(diff), &at),
        OG_CLAUSE_PRESENT); /* folded: case is no change */
    OG_CHECK_INT(find(std, "one 2 three four 5 six seven 8 nine ten 11 twelve thirteen fourteen",
                      diff, sizeof(diff), &at),
                 OG_CLAUSE_MODIFIED);
    OG_CHECK_STR(diff, "\"… one [-two-] {+2+} three …\"; \"… four [-five-] {+5+} six …\"; "
                       "\"… seven [-eight-] {+8+} nine …\" and 1 more change");
}

static int parse_registry(const char *xml, odfgate_schema **s, odfgate_error *err)
{
    odfgate_error_clear(err);
    if (odfgate_schema_load_builtin(s, err) != ODFGATE_OK)
        return -2;
    return og_registry_parse(*s, xml, strlen(xml), "reg.xml", err);
}

OG_TEST(registry_parse)
{
    odfgate_schema *s = NULL;
    odfgate_error err;
    const char *good = "<registry xmlns='urn:odfgate:registry:1' xmlns:x='urn:other'>"
                       "<x:note>ignored</x:note>"
                       "<signatory id='dh'><signer name='Jane Smith'><role>Director</role></signer>"
                       "<signer name='B. Other'/></signatory><signatory id='cqc'/></registry>";
    OG_CHECK_INT(parse_registry(good, &s, &err), 0);
    const og_registry_entry *e = og_registry_find(s, "dh");
    OG_CHECK(e != NULL);
    if (e) {
        OG_CHECK_INT(e->signer_count, 2);
        OG_CHECK_STR(e->signers[0].key, "jane smith");
        OG_CHECK_INT(e->signers[0].role_count, 1);
        OG_CHECK_STR(e->signers[0].role_keys[0], "director");
        OG_CHECK_INT(e->signers[1].role_count, 0);
    }
    OG_CHECK(og_registry_find(s, "cqc") != NULL && og_registry_find(s, "cqc")->signer_count == 0);
    OG_CHECK(og_registry_find(s, "monitor") == NULL);
    odfgate_schema_free(s);

    static const struct {
        const char *xml, *want;
    } bad[] = {
        {"<registry/>", "root element must be registry"},
        {"<registry xmlns='urn:odfgate:registry:1'><signer name='x'/></registry>",
         "unexpected element in registry"},
        {"<registry xmlns='urn:odfgate:registry:1'><signatory><signer "
         "name='x'/></signatory></registry>",
         "a signatory without an id"},
        {"<registry xmlns='urn:odfgate:registry:1'><signatory id='a'/><signatory "
         "id='a'/></registry>",
         "a signatory listed twice"},
        {"<registry xmlns='urn:odfgate:registry:1'><signatory "
         "id='a'><signer/></signatory></registry>",
         "a signer without a name"},
        {"<registry xmlns='urn:odfgate:registry:1'><signatory id='a'><signer name='x'><role> "
         "</role></signer>"
         "</signatory></registry>",
         "an empty role"},
        {"<!DOCTYPE r [<!ENTITY e 'x'>]><registry xmlns='urn:odfgate:registry:1'/>",
         "not a well-formed"},
        {"<registry", "not a well-formed"},
        {"<registry xmlns='urn:odfgate:registry:1'><signatory id='b'/><signatory id='c'/>"
         "<signatory id='a'/><signatory id='c'/></registry>",
         "a signatory listed twice (\"c\")"},
    };
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        s = NULL;
        int rc = parse_registry(bad[i].xml, &s, &err);
        if (rc != -1 || err.code != ODFGATE_E_SCHEMA || !strstr(err.message, bad[i].want) ||
            strcmp(err.path, "reg.xml") != 0) {
            printf("#   case %zu: rc %d, %s: %s (want %s)\n", i, rc, odfgate_errcode_name(err.code),
                   err.message, bad[i].want);
            (*og_failures_)++;
        }
        odfgate_schema_free(s);
    }
    { /* OG_REGISTRY_MAX_SIGNATORIES: one more is refused before anything is allocated */
        og_buf x;
        og_buf_init(&x, 1u << 24);
        og_buf_adds(&x, "<registry xmlns='urn:odfgate:registry:1'>");
        for (unsigned i = 0; i <= OG_REGISTRY_MAX_SIGNATORIES; i++)
            og_buf_printf(&x, "<signatory id='s%u'/>", i);
        og_buf_adds(&x, "</registry>");
        s = NULL;
        OG_CHECK_INT(parse_registry(x.data, &s, &err), -1);
        OG_CHECK(strstr(err.message, "more than 10000 signatories") != NULL);
        odfgate_schema_free(s);
        og_buf_free(&x);
    }
    /* a duplicate is reported at its second listing, whatever the ids' order */
    s = NULL;
    OG_CHECK_INT(parse_registry("<registry xmlns='urn:odfgate:registry:1'>\n<signatory id='c'/>\n"
                                "<signatory id='a'/>\n<signatory id='c'/>\n</registry>",
                                &s, &err),
                 -1);
    OG_CHECK_INT(err.line, 4);
    OG_CHECK(strstr(err.message, "(\"c\") (line 4)") != NULL);
    odfgate_schema_free(s);
}

/* A schema held in memory has no place to resolve local references against, and without a
 * fetcher a URL cannot be read: both refused, and no local file is ever read. */
OG_TEST(schema_refs_in_memory)
{
    static const struct {
        const char *xml, *want;
    } cases[] = {
        {"<schema xmlns='urn:odfgate:schema:1' id='t'><registry href='/etc/passwd'/></schema>",
         "href=\"/etc/passwd\" cannot be resolved for a schema held in memory"},
        {"<schema xmlns='urn:odfgate:schema:1' id='t'><clauses><clause id='c' "
         "href='c.txt'/></clauses></schema>",
         "href=\"c.txt\" cannot be resolved for a schema held in memory"},
        {"<schema xmlns='urn:odfgate:schema:1' id='t'><registry "
         "href='https://example.org/r.xml'/></schema>",
         "the registry is a URL, which needs a fetcher"},
        {"<schema xmlns='urn:odfgate:schema:1' id='t'><registry href='r.xml' "
         "sha256='00'/></schema>",
         "does not follow the schema format"},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        odfgate_schema *s = NULL;
        odfgate_error err;
        odfgate_error_clear(&err);
        odfgate_status st =
            odfgate_schema_load_memory(cases[i].xml, strlen(cases[i].xml), NULL, &s, &err);
        if (st == ODFGATE_OK || err.code != ODFGATE_E_SCHEMA ||
            !strstr(err.message, cases[i].want)) {
            printf("#   case %zu: %s: %s (want %s)\n", i, odfgate_errcode_name(err.code),
                   err.message, cases[i].want);
            (*og_failures_)++;
        }
        odfgate_schema_free(s);
    }
}
