/* test-schema.c — schema loading: the built-in default, extends, and each kind of invalid. */
#include "unit.h"

#include "odfgate.h"
#include "schema/schema.h"

#include <stdlib.h>
#include <unistd.h>

#define HEAD "<schema xmlns=\"urn:odfgate:schema:1\" id=\"t\""

static odfgate_status load(const char *xml, odfgate_schema **s, odfgate_error *err)
{
    odfgate_error_clear(err);
    return odfgate_schema_load_memory(xml, strlen(xml), NULL, s, err);
}

/* Expect a load failure whose message contains `want`. */
static int refused(const char *xml, const char *want)
{
    odfgate_schema *s = NULL;
    odfgate_error err;
    odfgate_status st = load(xml, &s, &err);
    odfgate_schema_free(s);
    if (st == ODFGATE_OK) {
        printf("#   accepted: %s\n", xml);
        return 0;
    }
    if (err.code != ODFGATE_E_SCHEMA || !strstr(err.message, want)) {
        printf("#   code %s, message: %s (want: %s)\n", odfgate_errcode_name(err.code), err.message,
               want);
        return 0;
    }
    return 1;
}

OG_TEST(schema_builtin_follows_the_grammar)
{
    /* the library skips the grammar for the built-in schema; this test is why it may */
    size_t len;
    const char *xml = odfgate_schema_builtin_xml(&len);
    odfgate_schema *s = NULL;
    odfgate_error err;
    OG_CHECK_INT(odfgate_schema_load_memory(xml, len, NULL, &s, &err), ODFGATE_OK);
    odfgate_schema_free(s);
}

OG_TEST(schema_builtin_default)
{
    odfgate_schema *s = NULL;
    odfgate_error err;
    OG_CHECK_INT(odfgate_schema_load_builtin(&s, &err), ODFGATE_OK);
    if (!s)
        return;
    OG_CHECK_STR(odfgate_schema_id(s), "common-purpose-framework");
    OG_CHECK_STR(odfgate_schema_source(s), "builtin");
    OG_CHECK_INT(odfgate_schema_section_count(s), 5);
    static const char *ids[] = {"vision", "why", "working-together", "barriers", "support"};
    for (size_t i = 0; i < 5; i++) {
        OG_CHECK_STR(odfgate_schema_section_id(s, i), ids[i]);
        OG_CHECK_INT(s->sections[i].min_words, 50);
        OG_CHECK(s->sections[i].required);
    }
    OG_CHECK_INT(s->sections[0].alias_count, 3);
    OG_CHECK_INT(odfgate_schema_signatory_count(s), 6);
    OG_CHECK_STR(odfgate_schema_signatory_id(s, 5), "ntda");
    OG_CHECK_STR(s->signatories[5].aliases[0], "National Trust Development Authority");
    OG_CHECK_INT(s->quorum, 6);
    OG_CHECK_INT(s->placeholder_count, 6);
    OG_CHECK(s->ordered && !s->closed);
    OG_CHECK_STR(s->meta[0].field, "title");
    odfgate_schema_free(s);
}

OG_TEST(schema_invalid_kinds)
{
    OG_CHECK(refused("this is < not xml", "not a well-formed schema"));
    OG_CHECK(refused("<!DOCTYPE schema [<!ENTITY e \"x\">]>" HEAD "><title>&e;</title></schema>",
                     "entity"));
    OG_CHECK(
        refused("<schema xmlns=\"urn:other\" id=\"t\"/>", "does not follow the schema format"));
    OG_CHECK(refused(HEAD "><sections><section id=\"Bad Id\" heading=\"x\"/></sections></schema>",
                     "does not follow the schema format"));
    OG_CHECK(refused(HEAD
                     "><sections><section id=\"a\" heading=\"A\"/><section id=\"a\" heading=\"B\"/>"
                     "</sections></schema>",
                     "duplicate section id"));
    OG_CHECK(refused(HEAD
                     "><sections><section id=\"a\" heading=\"Barriers\"/><section id=\"b\" "
                     "heading=\"Other\"><alias>2. barriers:</alias></section></sections></schema>",
                     "share the heading or alias"));
    OG_CHECK(refused(HEAD "><phrases><forbid phrase=\"x(\" match=\"regex\"/></phrases></schema>",
                     "invalid regular expression"));
    OG_CHECK(refused(HEAD "><rules><rule id=\"no-such-rule\" severity=\"off\"/></rules></schema>",
                     "unknown rule"));
    OG_CHECK(refused(
        HEAD "><signatories require=\"3\"><signatory id=\"a\" name=\"A\"/></signatories></schema>",
        "require="));
    OG_CHECK(refused(
        HEAD "><signatories><signatory id=\"a\" name=\"A\"/><signatory id=\"a\" name=\"B\"/>"
             "</signatories></schema>",
        "duplicate signatory id"));
    OG_CHECK(refused(HEAD
                     "><metadata><field name=\"colour\" required=\"true\"/></metadata></schema>",
                     "unknown metadata field"));
    OG_CHECK(refused(HEAD
                     "><sections><section id=\"a\" heading=\"A\" min-words=\"9\" max-words=\"3\"/>"
                     "</sections></schema>",
                     "min-words greater than max-words"));
    OG_CHECK(refused(HEAD
                     "><sections><section id=\"a\" heading=\"A\" level=\"2\"><section id=\"b\" "
                     "heading=\"B\" level=\"2\"/></section></sections></schema>",
                     "deeper level"));
    OG_CHECK(refused(HEAD " extends=\"base.xml\"/>", "cannot be resolved"));
}

/* Write a file in a fresh temporary directory; returns its path (static buffer per slot). */
static const char *write_file(const char *dir, const char *name, const char *text)
{
    static char paths[4][512];
    static int slot;
    char *p = paths[slot++ % 4];
    snprintf(p, 512, "%s/%s", dir, name);
    FILE *f = fopen(p, "w");
    if (f) {
        fputs(text, f);
        fclose(f);
    }
    return p;
}

OG_TEST(schema_extends_merges_and_refuses)
{
    char dir[] = "/tmp/odfgate-schema-XXXXXX";
    odfgate_schema *s = NULL;
    odfgate_error err;
    if (!mkdtemp(dir)) {
        OG_CHECK(0);
        return;
    }
    write_file(
        dir, "base.xml",
        HEAD
        " closed=\"false\"><title>Base</title><sections>"
        "<section id=\"a\" heading=\"Alpha\" min-words=\"10\"/>"
        "<section id=\"b\" heading=\"Beta\"><section id=\"b1\" heading=\"Beta one\"/></section>"
        "<section id=\"c\" heading=\"Gamma\"/></sections>"
        "<rules><rule id=\"section-too-long\" severity=\"info\"/></rules>"
        "<signatories><signatory id=\"x\" name=\"X\"/><signatory id=\"y\" "
        "name=\"Y\"/></signatories>"
        "</schema>");
    const char *child = write_file(
        dir, "child.xml",
        "<schema xmlns=\"urn:odfgate:schema:1\" id=\"child\" extends=\"base.xml\" closed=\"true\">"
        "<sections><section id=\"b1\" heading=\"Beta first\" level=\"2\" max-words=\"99\"/>"
        "<section id=\"c\" remove=\"true\"/><section id=\"d\" heading=\"Delta\" "
        "required=\"false\"/></sections>"
        "<rules><rule id=\"section-too-long\" severity=\"error\"/></rules>"
        "<placeholders defaults=\"false\"><placeholder phrase=\"FIXME\"/></placeholders>"
        "<signatories require=\"1\"><signatory id=\"z\" name=\"Z\"/></signatories></schema>");
    OG_CHECK_INT(odfgate_schema_load_file(child, &s, &err), ODFGATE_OK);
    if (s) {
        OG_CHECK_STR(s->id, "child");
        OG_CHECK_STR(s->title, "Base");
        OG_CHECK(s->closed);
        OG_CHECK_INT(s->section_count, 4); /* a, b, b1 (replaced), d; c removed */
        OG_CHECK_STR(s->sections[2].id, "b1");
        OG_CHECK_STR(s->sections[2].heading, "Beta first");
        OG_CHECK_INT(s->sections[2].parent, 1);
        OG_CHECK_INT(s->sections[2].max_words, 99);
        OG_CHECK_STR(s->sections[3].id, "d");
        OG_CHECK(!s->sections[3].required);
        OG_CHECK_INT(og_schema_severity(s, OG_RULE_SECTION_TOO_LONG), ODFGATE_SEV_ERROR);
        OG_CHECK_INT(s->placeholder_count, 1);
        OG_CHECK_INT(s->signatory_count, 1);
        OG_CHECK_INT(s->quorum, 1);
        odfgate_schema_free(s);
    }
    /* a missing parent names both files */
    const char *orphan = write_file(dir, "orphan.xml", HEAD " extends=\"missing.xml\"/>");
    OG_CHECK_INT(odfgate_schema_load_file(orphan, &s, &err), ODFGATE_FAILED);
    OG_CHECK(strstr(err.message, "missing.xml") != NULL);
    OG_CHECK(strstr(err.path, "orphan.xml") != NULL);
    /* a cycle */
    write_file(dir, "loop-a.xml", HEAD " extends=\"loop-b.xml\"/>");
    const char *lb = write_file(dir, "loop-b.xml", HEAD " extends=\"loop-a.xml\"/>");
    OG_CHECK_INT(odfgate_schema_load_file(lb, &s, &err), ODFGATE_FAILED);
    OG_CHECK(strstr(err.message, "cycle") != NULL);
    /* a parent that fails the grammar */
    write_file(dir, "bad-parent.xml", "<schema xmlns=\"urn:odfgate:schema:1\"/>");
    const char *kid = write_file(dir, "kid.xml", HEAD " extends=\"bad-parent.xml\"/>");
    OG_CHECK_INT(odfgate_schema_load_file(kid, &s, &err), ODFGATE_FAILED);
    OG_CHECK(strstr(err.message, "does not follow the schema format") != NULL);
    char cmd[600];
    snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
    OG_CHECK_INT(system(cmd), 0);
}

OG_TEST(schema_samples_all_load)
{
    const char *top = getenv("top_srcdir");
    char path[1024];
    static const char *samples[] = {"common-purpose-framework.xml", "strict-cpf.xml"};
    for (size_t i = 0; i < sizeof(samples) / sizeof(samples[0]); i++) {
        odfgate_schema *s = NULL;
        odfgate_error err;
        snprintf(path, sizeof(path), "%s/samples/schemas/%s", top ? top : "..", samples[i]);
        OG_CHECK_INT(odfgate_schema_load_file(path, &s, &err), ODFGATE_OK);
        if (!s)
            printf("#   %s: %s\n", path, err.message);
        odfgate_schema_free(s);
    }
}

/* The og_rule enum and the public table are one list: every rule's id finds its enum value
 * and entry, zero is no rule, and an id the table lacks is none. */
OG_TEST(rule_enum_matches_the_table)
{
    OG_CHECK_INT(odfgate_rule_count(), OG_RULE_END - 1);
    for (size_t i = 0; i < odfgate_rule_count(); i++) {
        const odfgate_rule_info *info = odfgate_rule_at(i);
        og_rule r = og_rule_find(info->id);
        OG_CHECK_INT(og_rule_index(r), i);
        OG_CHECK_STR(og_rule_id(r), info->id);
        OG_CHECK(odfgate_rule_find(info->id) == info);
    }
    OG_CHECK_STR(og_rule_id(OG_RULE_SECTION_MISSING), "section-missing");
    OG_CHECK_STR(og_rule_id(OG_RULE_LINK_UNREACHABLE), "link-unreachable");
    OG_CHECK_INT(og_rule_find("section-mising"), OG_RULE_NONE);
    OG_CHECK_INT(og_rule_find(NULL), OG_RULE_NONE);
    OG_CHECK(odfgate_rule_find("section-mising") == NULL);
}
