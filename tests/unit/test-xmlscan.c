/* test-xmlscan.c — the attribute counter run ahead of libxml2 (xmlscan.h). */
#include "unit.h"

#include "read/xmlscan.h"

#include <stdlib.h>

/* Scan s whole, then again byte by byte (state kept across buffers): both must agree. */
static int scan(const char *s, uint64_t *line)
{
    og_xml_scan a, b;
    int ra, rb = 0;
    og_xml_scan_init(&a);
    og_xml_scan_init(&b);
    ra = og_xml_scan_bytes(&a, s, strlen(s));
    for (size_t i = 0; s[i] && rb == 0; i++)
        rb = og_xml_scan_bytes(&b, s + i, 1);
    if (ra != rb || (ra && a.line != b.line))
        printf("#   whole and byte by byte differ: %d/%d\n", ra, rb);
    if (line)
        *line = a.line;
    return ra;
}

/* "<e a0="x" a1="x" ...>" with n attributes and `extra` inside the tag, in a buffer to free. */
static char *element(int n, const char *prefix)
{
    size_t cap = strlen(prefix) + (size_t)n * 16 + 16;
    char *s = malloc(cap), *p = s;
    p += snprintf(p, cap, "%s<e", prefix);
    for (int i = 0; i < n; i++)
        p += snprintf(p, cap - (size_t)(p - s), " a%d=\"x\"", i);
    snprintf(p, cap - (size_t)(p - s), "/>");
    return s;
}

OG_TEST(xmlscan_counts_attributes_of_start_tags)
{
    uint64_t line = 0;
    char *ok = element(OG_XML_MAX_ATTRIBUTES, "<?xml version=\"1.0\"?>\n<r>\n");
    char *over = element(OG_XML_MAX_ATTRIBUTES + 1, "<?xml version=\"1.0\"?>\n<r>\n");
    OG_CHECK_INT(scan(ok, NULL), 0);
    OG_CHECK_INT(scan(over, &line), -1);
    OG_CHECK_INT((int)line, 3);
    free(ok);
    free(over);
}

OG_TEST(xmlscan_skips_what_is_not_a_start_tag)
{
    static char text[32768];
    char *p = text;
    /* '=' in character data, quotes, comments (with "--->"), CDATA, PIs, a DOCTYPE with an
     * internal subset holding '>' and quotes, end tags: none of it counts */
    p += sprintf(
        p, "<!DOCTYPE r [<!ELEMENT r ANY><!ATTLIST r a CDATA \"x>y\">]><r a=\"=>=\" b='=\"='>");
    for (int i = 0; i < 300; i++)
        p += sprintf(p, "x=y<!-- a=b c=d --->");
    p += sprintf(p, "<![CDATA[");
    for (int i = 0; i < 300; i++)
        p += sprintf(p, "<q a=1>");
    p += sprintf(p, "]]]><?pi a=1 b=2?></r >");
    OG_CHECK_INT(scan(text, NULL), 0);
}
