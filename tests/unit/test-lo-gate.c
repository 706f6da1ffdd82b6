/* test-lo-gate.c — the LibreOffice extension's C side (filter/libreoffice/gate.c): filter
 * options, and where inserted comments go.  gate.c needs no LibreOffice, so it is tested in
 * every build. */
#include "unit.h"

#include "libreoffice/gate.h"

#include <stdlib.h>

static int parse(const char *text, og_lo_options *o, char *msg)
{
    return og_lo_parse_options(text, o, msg, 256);
}

OG_TEST(lo_options_defaults_and_keywords)
{
    og_lo_options o;
    char msg[256];
    OG_CHECK_INT(parse(NULL, &o, msg), 0);
    OG_CHECK_INT(o.strict, 0);
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
    char msg[256];
    /* the built-in schema: the six bodies of the common purpose framework */
    OG_CHECK_INT(og_lo_signatories_of(NULL, NULL, &s, msg, sizeof(msg)), 0);
    OG_CHECK_INT((int)s.count, 6);
    OG_CHECK_STR(s.ids[0], "dh");
    OG_CHECK_STR(s.names[0], "Department of Health");
    og_lo_signatories_free(&s);
    OG_CHECK_INT((int)s.count, 0);
    OG_CHECK_INT(og_lo_signatories_of("/nonexistent/schema.xml", NULL, &s, msg, sizeof(msg)), -1);
    OG_CHECK(strstr(msg, "Cannot load the schema") != NULL);
}
