/* test-lo-gate.c — the LibreOffice extension's C side (filter/libreoffice/gate.c): filter
 * options, and where inserted comments go.  gate.c needs no LibreOffice, so it is tested in
 * every build. */
#include "unit.h"

#include "libreoffice/gate.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int parse(const char *text, og_lo_options *o, char *msg)
{
    return og_lo_parse_options(text, o, msg, 256);
}

OG_TEST(lo_options_defaults_and_keywords)
{
    og_lo_options o;
    char msg[256];
    OG_CHECK_INT(parse(NULL, &o, msg), 0);
    OG_CHECK_INT(og_lo_strict(&o), 0);
    OG_CHECK_STR(o.stamp_id, "");
    OG_CHECK_STR(o.schema, "");
    OG_CHECK_INT(parse(" strict ; ", &o, msg), 0);
    OG_CHECK_INT(o.strict, 1);
    OG_CHECK_INT(parse("strict;warn", &o, msg), 0); /* the later one wins */
    OG_CHECK_INT(o.strict, 0);
}

OG_TEST(lo_options_stamp)
{
    og_lo_options o;
    char msg[256];
    OG_CHECK_INT(parse("stamp= dh , Jane Smith , Director of Care", &o, msg), 0);
    OG_CHECK_STR(o.stamp_id, "dh");
    OG_CHECK_STR(o.stamp_by, "Jane Smith");
    OG_CHECK_STR(o.stamp_role, "Director of Care");
    OG_CHECK_INT(parse("strict;stamp=cqc,A. Person", &o, msg), 0);
    OG_CHECK_INT(o.strict, 1);
    OG_CHECK_STR(o.stamp_by, "A. Person");
    OG_CHECK_STR(o.stamp_role, "");
    OG_CHECK_INT(parse("stamp=dh", &o, msg), -1);
    OG_CHECK(strstr(msg, "stamp=SIGNATORY-ID,NAME[,ROLE]") != NULL);
    OG_CHECK_INT(parse("stamp=,Jane", &o, msg), -1);
}

OG_TEST(lo_options_schema)
{
    og_lo_options o;
    char msg[256];
    OG_CHECK_INT(parse("schema=/srv/cpf.xml", &o, msg), 0);
    OG_CHECK_STR(o.schema, "/srv/cpf.xml");
    OG_CHECK_INT(parse("schema=file:///srv/my%20schemas/cpf.xml;strict", &o, msg), 0);
    OG_CHECK_STR(o.schema, "/srv/my schemas/cpf.xml");
    OG_CHECK_INT(o.strict, 1);
    /* a plain path is taken as written: only a file: URL is %-decoded, and %00 is refused */
    OG_CHECK_INT(parse("schema=/srv/a%20b.xml", &o, msg), 0);
    OG_CHECK_STR(o.schema, "/srv/a%20b.xml");
    OG_CHECK_INT(parse("schema=file:///srv/x%00y.xml", &o, msg), -1);
    OG_CHECK(strstr(msg, "%00") != NULL);
    OG_CHECK_INT(parse("schema=https://example.org/cpf.xml;strict", &o, msg), 0);
    OG_CHECK_STR(o.schema, "https://example.org/cpf.xml");
    OG_CHECK_INT(o.strict, 1);
    OG_CHECK_INT(parse("schema=ftp://example.org/cpf.xml", &o, msg), -1);
    OG_CHECK(strstr(msg, "http(s) URL") != NULL);
    OG_CHECK_INT(parse("schema=", &o, msg), -1);
    OG_CHECK_INT(parse("strictly", &o, msg), -1);
    OG_CHECK(strstr(msg, "unknown filter option \"strictly\"") != NULL);
}

OG_TEST(lo_place_comments)
{
    char *para[] = {"Some text", NULL, "TBC  and\tmore", NULL};
    char *lines[] = {"", "", "", ""}, *comments[] = {"", "", "", ""};
    og_lo_outcome out = {0};
    const char *doc[] = {"Heading", "Some text", "Other", "TBC and more", "Last"};
    out.count = 4;
    out.para_text = para;
    out.lines = lines;
    out.comments = comments;
    OG_CHECK_INT(og_lo_place(&out, 0, doc, 5, 0), 1); /* found */
    OG_CHECK_INT(og_lo_place(&out, 1, doc, 5, 1), 0); /* document-level: the first paragraph */
    OG_CHECK_INT(og_lo_place(&out, 2, doc, 5, 1), 3); /* white space collapsed */
    OG_CHECK_INT(og_lo_place(&out, 2, doc, 5, 4), 4); /* not found after `from`: stays there */
    out.para_text = (char *[]){"nowhere", NULL, NULL, NULL};
    OG_CHECK_INT(og_lo_place(&out, 0, doc, 5, 2), 2);
}

OG_TEST(lo_options_comments_and_format)
{
    og_lo_options o;
    char msg[256];
    OG_CHECK_INT(parse("comments", &o, msg), 0);
    OG_CHECK_INT(o.comments, 1);
    OG_CHECK_INT(parse(NULL, &o, msg), 0);
    OG_CHECK_INT(o.comments, 0);
    /* what the filter options dialog writes reads back as chosen */
    char *text =
        og_lo_format_options(1, "/srv/cpf.xml", "dh", "Dana Hill", "Director", msg, sizeof(msg));
    OG_CHECK_STR(text, "strict;schema=/srv/cpf.xml;stamp=dh,Dana Hill,Director");
    OG_CHECK_INT(parse(text, &o, msg), 0);
    OG_CHECK_INT(o.strict, 1);
    OG_CHECK_STR(o.schema, "/srv/cpf.xml");
    OG_CHECK_STR(o.stamp_id, "dh");
    OG_CHECK_STR(o.stamp_by, "Dana Hill");
    OG_CHECK_STR(o.stamp_role, "Director");
    free(text);
    /* no name: no sign-off; no role: none written; nothing chosen: warn */
    text = og_lo_format_options(0, "", "dh", "", "Director", msg, sizeof(msg));
    OG_CHECK_STR(text, "warn");
    free(text);
    text = og_lo_format_options(0, NULL, "cqc", "A. Person", NULL, msg, sizeof(msg));
    OG_CHECK_STR(text, "warn;stamp=cqc,A. Person");
    free(text);
    /* what could not be read back as typed is refused, not split into other fields */
    OG_CHECK(og_lo_format_options(0, NULL, "dh", "Hill, Dana", NULL, msg, sizeof(msg)) == NULL);
    OG_CHECK(strstr(msg, "may not contain ',' or ';'") != NULL);
    OG_CHECK(og_lo_format_options(0, NULL, "dh", "Dana Hill", "Chair; Board", msg, sizeof(msg)) ==
             NULL);
    OG_CHECK(og_lo_format_options(0, "/srv/a;b.xml", NULL, NULL, NULL, msg, sizeof(msg)) == NULL);
    OG_CHECK(og_lo_format_options(0, "ftp://example.org/s.xml", NULL, NULL, NULL, msg,
                                  sizeof(msg)) == NULL);
    OG_CHECK(strstr(msg, "http(s) URL") != NULL);
}

OG_TEST(lo_signatories_of_the_schema)
{
    og_lo_signatories s;
    og_lo_options o;
    char msg[256];
    /* the built-in schema: the six bodies of the common purpose framework */
    OG_CHECK_INT(og_lo_signatories_of(NULL, NULL, &s, msg, sizeof(msg)), 0);
    OG_CHECK_INT((int)s.count, 6);
    OG_CHECK_STR(s.ids[0], "dh");
    OG_CHECK_STR(s.names[0], "Department of Health");
    og_lo_signatories_free(&s);
    OG_CHECK_INT((int)s.count, 0);
    og_lo_parse_options("schema=/nonexistent/schema.xml", &o, msg, sizeof(msg));
    OG_CHECK_INT(og_lo_signatories_of(&o, NULL, &s, msg, sizeof(msg)), -1);
    OG_CHECK(strstr(msg, "Cannot load the schema") != NULL);
}

/* ------------------------------------------------ the drafter's settings (Tools > Options) */

/* an absolute path (a configuration elsewhere reads it too) */
static void sample(char *dst, size_t n, const char *rel)
{
    const char *top = getenv("top_srcdir");
    char path[4096], *abs;
    snprintf(path, sizeof(path), "%s/%s", top ? top : "..", rel);
    abs = realpath(path, NULL);
    snprintf(dst, n, "%s", abs ? abs : path);
    free(abs);
}

OG_TEST(lo_prefs_strict_is_a_default_the_option_overrides)
{
    og_lo_options o;
    char msg[256];
    OG_CHECK_INT(parse(NULL, &o, msg), 0);
    OG_CHECK_INT(o.strict, -1); /* neither given */
    OG_CHECK_INT(og_lo_strict(&o), 0);
    OG_CHECK_INT(o.prefs.fail_on, -1);
    OG_CHECK_INT(o.prefs.signoff_warnings, 1);
    o.prefs.strict_on_save = 1;
    OG_CHECK_INT(og_lo_strict(&o), 1);
    OG_CHECK_INT(parse("warn", &o, msg), 0);
    o.prefs.strict_on_save = 1;
    OG_CHECK_INT(og_lo_strict(&o), 0); /* the filter option wins */
}

OG_TEST(lo_prefs_schema_is_loaded_before_it_is_kept)
{
    og_lo_prefs p;
    char msg[512], path[4096], url[4200];
    og_lo_prefs_default(&p);
    sample(path, sizeof(path), "samples/schemas/strict-cpf.xml");
    OG_CHECK_INT(og_lo_prefs_set_schema(&p, path, msg, sizeof(msg)), 0);
    OG_CHECK_STR(p.schema, path);
    /* a typo is refused with the reason, the schema kept */
    OG_CHECK_INT(og_lo_prefs_set_schema(&p, "/nonexistent/cpf.xml", msg, sizeof(msg)), -1);
    OG_CHECK(strstr(msg, "Cannot load the schema") != NULL);
    OG_CHECK(strstr(msg, "/nonexistent/cpf.xml") != NULL);
    OG_CHECK_STR(p.schema, path);
    OG_CHECK_INT(og_lo_prefs_set_schema(&p, "ftp://example.org/cpf.xml", msg, sizeof(msg)), -1);
    OG_CHECK_STR(p.schema, path);
    /* a file: URL (as a file picker gives) is decoded; empty = the built-in schema */
    snprintf(url, sizeof(url), "  file://%s ", path);
    og_lo_prefs_default(&p);
    OG_CHECK_INT(og_lo_prefs_set_schema(&p, url, msg, sizeof(msg)), 0);
    OG_CHECK_STR(p.schema, path);
    OG_CHECK_INT(og_lo_prefs_set_schema(&p, "", msg, sizeof(msg)), 0);
    OG_CHECK_STR(p.schema, "");
}

/* the source og_lo_schema names for these options and document */
static void schema_source(const og_lo_options *o, const char *doc_path, char *src, size_t n)
{
    odfgate_schema *s = NULL;
    odfgate_config *cfg = NULL;
    odfgate_error err;
    odfgate_error_clear(&err);
    if (og_lo_schema(o, doc_path, &s, &cfg, src, n, &err) > ODFGATE_WARN)
        snprintf(src, n, "failed: %s", err.message);
    odfgate_schema_free(s);
    odfgate_config_free(cfg);
}

OG_TEST(lo_prefs_schema_comes_after_the_option_and_the_configuration)
{
    og_lo_options o;
    char msg[256], strict[4096], cpf[4096], src[4200], dir[] = "/tmp/og-lo-prefs.XXXXXX", ini[4200],
                                                       doc[4200];
    sample(strict, sizeof(strict), "samples/schemas/strict-cpf.xml");
    sample(cpf, sizeof(cpf), "samples/schemas/common-purpose-framework.xml");
    OG_CHECK(mkdtemp(dir) != NULL);
    snprintf(doc, sizeof(doc), "%s/draft.odt", dir);
    FILE *d = fopen(doc, "w"); /* the configuration is looked for beside an existing file */
    OG_CHECK(d != NULL);
    fclose(d);
    OG_CHECK_INT(parse(NULL, &o, msg), 0);
    schema_source(&o, doc, src, sizeof(src));
    OG_CHECK_STR(src, "the built-in schema");
    snprintf(o.prefs.schema, sizeof(o.prefs.schema), "%s", strict);
    schema_source(&o, doc, src, sizeof(src));
    OG_CHECK(strstr(src, "strict-cpf.xml (Tools > Options)") != NULL);
    /* a .odfgate.ini beside the document: the command line's schema, Writer's too */
    snprintf(ini, sizeof(ini), "%s/.odfgate.ini", dir);
    FILE *f = fopen(ini, "w");
    OG_CHECK(f != NULL);
    fprintf(f, "schema = %s\n", cpf);
    fclose(f);
    schema_source(&o, doc, src, sizeof(src));
    OG_CHECK(strstr(src, "common-purpose-framework.xml (.odfgate.ini)") != NULL);
    /* and the filter option above both */
    snprintf(o.schema, sizeof(o.schema), "%s", strict);
    schema_source(&o, doc, src, sizeof(src));
    OG_CHECK(strstr(src, "strict-cpf.xml (filter option)") != NULL);
    unlink(ini);
    unlink(doc);
    rmdir(dir);
}

/* og_lo_check of a sample with these prefs: the rules seen, whether it fails */
static void check_with(const og_lo_prefs *p, const char *sample_path, char *rules, size_t n,
                       int *fails)
{
    og_lo_options o;
    og_lo_outcome out;
    char msg[256], path[4096];
    size_t len = 0;
    memset(&out, 0, sizeof(out));
    parse(NULL, &o, msg);
    o.prefs = *p;
    sample(path, sizeof(path), sample_path);
    rules[0] = '\0';
    if (og_lo_check(path, NULL, &o, &out) != ODFGATE_OK)
        snprintf(rules, n, "failed: %s", out.message ? out.message : "");
    for (size_t i = 0; i < out.count && len < n; i++)
        len += (size_t)snprintf(rules + len, n - len, "%s ", out.rule[i]);
    *fails = out.fails;
    og_lo_outcome_free(&out);
}

OG_TEST(lo_prefs_signoff_warnings_and_failure_level)
{
    /* passing.odt: nobody has signed yet, one signoff-missing warning; placeholder.odt: two
     * placeholder errors and that warning */
    static const struct {
        int fail_on, signoff_warnings;
        const char *sample, *rules;
        int fails;
    } cases[] = {
        {-1, 1, "passing.odt", "signoff-missing ", 0},
        {ODFGATE_SEV_WARNING, 1, "passing.odt", "signoff-missing ", 1},
        /* while drafting, without sign-off warnings: not listed, and they do not fail it */
        {ODFGATE_SEV_WARNING, 0, "passing.odt", "", 0},
        {ODFGATE_SEV_WARNING, 0, "placeholder.odt", "placeholder placeholder ", 1},
        {ODFGATE_SEV_OFF, 0, "placeholder.odt", "placeholder placeholder ", 0},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        og_lo_prefs p;
        char rules[1024], sample_path[256];
        int fails = -1;
        og_lo_prefs_default(&p);
        p.fail_on = cases[i].fail_on;
        p.signoff_warnings = cases[i].signoff_warnings;
        snprintf(sample_path, sizeof(sample_path), "samples/drafts/%s", cases[i].sample);
        check_with(&p, sample_path, rules, sizeof(rules), &fails);
        OG_CHECK_STR(rules, cases[i].rules);
        OG_CHECK_INT(fails, cases[i].fails);
    }
}

/* ------------------------------------------------ signing with LibreOffice's certificates */

OG_TEST(lo_keep_signatures_puts_the_earlier_ones_first_byte_for_byte)
{
    char msg[256], *t;
    const char *fresh = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                        "<document-signatures xmlns=\"urn:oasis:names:tc:opendocument:xmlns:"
                        "digitalsignature:1.0\"><Signature Id=\"new\">N</Signature>"
                        "</document-signatures>";
    const char *old = "<?xml version=\"1.0\"?>\n<dsig:document-signatures xmlns:dsig=\"x\">\n"
                      " <Signature Id=\"one\">  1 </Signature>\n"
                      "</dsig:document-signatures>\n";
    t = og_lo_keep_signatures(NULL, fresh, msg, sizeof(msg)); /* none before: fresh as it is */
    OG_CHECK_STR(t, fresh);
    free(t);
    t = og_lo_keep_signatures("", fresh, msg, sizeof(msg));
    OG_CHECK_STR(t, fresh);
    free(t);
    t = og_lo_keep_signatures(old, fresh, msg, sizeof(msg));
    OG_CHECK_STR(t, "<?xml version=\"1.0\"?>\n<dsig:document-signatures xmlns:dsig=\"x\">\n"
                    " <Signature Id=\"one\">  1 </Signature>\n"
                    "<Signature Id=\"new\">N</Signature></dsig:document-signatures>\n");
    free(t);
    /* text that is not what LibreOffice writes: refused, said why */
    OG_CHECK(og_lo_keep_signatures("<document-signatures><Signature/>", fresh, msg, sizeof(msg)) ==
             NULL);
    OG_CHECK(strstr(msg, "earlier signatures") != NULL);
    OG_CHECK(og_lo_keep_signatures(old, "<Signature/>", msg, sizeof(msg)) == NULL);
    OG_CHECK(strstr(msg, "LibreOffice's signatures") != NULL);
    OG_CHECK(og_lo_keep_signatures(old, "</document-signatures>", msg, sizeof(msg)) == NULL);
}

/* the signed copy never replaces a file saved from elsewhere while it was being signed; the
 * comparison comes last, after the signatures were judged, so a real signed pair is used */
OG_TEST(lo_signed_install_refuses_a_file_changed_meanwhile)
{
    char msg[512], passing[4096], placeholder[4096], dir[] = "/tmp/og-lo-install.XXXXXX";
    char from[4200], signed_[4200], doc[4200], key[4200], cert[4200], cmd[20000];
    sample(passing, sizeof(passing), "samples/drafts/passing.odt");
    sample(placeholder, sizeof(placeholder), "samples/drafts/placeholder.odt");
    OG_CHECK(mkdtemp(dir) != NULL);
    snprintf(from, sizeof(from), "%s/from.odt", dir);
    snprintf(signed_, sizeof(signed_), "%s/signed.odt", dir);
    snprintf(doc, sizeof(doc), "%s/draft.odt", dir);
    snprintf(key, sizeof(key), "%s/key.pem", dir);
    snprintf(cert, sizeof(cert), "%s/cert.pem", dir);
    snprintf(cmd, sizeof(cmd),
             "cp '%s' '%s' && openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 "
             "-nodes -days 2 -subj '/CN=Department of Health test' -keyout '%s' -out '%s' "
             ">/dev/null 2>&1",
             passing, from, key, cert);
    OG_CHECK_INT(system(cmd), 0);
    odfgate_schema *schema = NULL;
    odfgate_doc *d = NULL;
    odfgate_error err;
    odfgate_stamp stamp = {"dh", "A. Signer", NULL, NULL, NULL, 0};
    odfgate_signing_key sk = {key, cert, NULL, NULL, NULL};
    OG_CHECK_INT(odfgate_schema_load_builtin(&schema, &err), ODFGATE_OK);
    OG_CHECK_INT(odfgate_signoff_sign(from, signed_, schema, &stamp, &sk, &err), ODFGATE_OK);
    OG_CHECK(odfgate_doc_open(signed_, NULL, &d, &err) <= ODFGATE_WARN);
    char *record =
        d && odfgate_doc_signature_count(d) == 1 && odfgate_doc_signature(d, 0)->description
            ? strdup(odfgate_doc_signature(d, 0)->description)
            : NULL;
    OG_CHECK(record != NULL);
    odfgate_doc_free(d);
    odfgate_schema_free(schema);
    if (!record)
        return;
    /* signed from passing.odt, but the file now has placeholder.odt's bytes: refused, untouched */
    snprintf(cmd, sizeof(cmd), "cp '%s' '%s'", placeholder, doc);
    OG_CHECK_INT(system(cmd), 0);
    OG_CHECK_INT(og_lo_signed_install(signed_, from, doc, record, msg, sizeof(msg)), -1);
    OG_CHECK(strstr(msg, "changed while it was being signed") != NULL);
    snprintf(cmd, sizeof(cmd), "cmp -s '%s' '%s'", placeholder, doc);
    OG_CHECK_INT(system(cmd), 0);
    /* another record than the one signed: refused for that */
    snprintf(cmd, sizeof(cmd), "cp '%s' '%s'", passing, doc);
    OG_CHECK_INT(system(cmd), 0);
    OG_CHECK_INT(og_lo_signed_install(signed_, from, doc, "x", msg, sizeof(msg)), -1);
    OG_CHECK(strstr(msg, "without the sign-off record") != NULL);
    /* the file as it was signed from: replaced by the signed package */
    OG_CHECK_INT(og_lo_signed_install(signed_, from, doc, record, msg, sizeof(msg)), 0);
    snprintf(cmd, sizeof(cmd), "cmp -s '%s' '%s'", signed_, doc);
    OG_CHECK_INT(system(cmd), 0);
    /* a package that adds no signature: refused */
    OG_CHECK_INT(og_lo_signed_install(from, from, doc, record, msg, sizeof(msg)), -1);
    OG_CHECK(strstr(msg, "has 0 signatures, not 1") != NULL);
    free(record);
    snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
    OG_CHECK_INT(system(cmd), 0);
}
