/* test-styles.c — paragraph style resolution, and what styles.xml must still provide. */
#include "unit.h"

#include "styles.h"

/* LibreOffice: an automatic style P1 whose chain goes through styles.xml. */
OG_TEST(styles_missing_follows_the_parent_chain)
{
    og_styles *st = og_styles_new();
    OG_CHECK(st != NULL);
    OG_CHECK_INT(og_styles_add(st, 1, "P1", NULL, "Text_20_body", NULL), 0);
    OG_CHECK_STR(og_styles_missing(st, "P1"), "Text_20_body");
    OG_CHECK_STR(og_styles_missing(st, "Unknown"), "Unknown");
    OG_CHECK_INT(og_styles_add(st, 0, "Text_20_body", "Text body", "Standard", NULL), 0);
    OG_CHECK_STR(og_styles_missing(st, "P1"), "Standard");
    OG_CHECK_INT(og_styles_add(st, 0, "Standard", NULL, NULL, NULL), 0);
    OG_CHECK_STR(og_styles_missing(st, "P1"), NULL);
    /* a later definition of a resolved name changes nothing (the first one wins) */
    OG_CHECK_INT(og_styles_add(st, 0, "Standard", NULL, NULL, "1"), 0);
    OG_CHECK_INT(og_styles_heading_level(st, "P1"), 0);
    og_styles_free(st);
}

/* A heading style ends the walk: its parents are not needed. */
OG_TEST(styles_missing_stops_at_a_heading_style)
{
    og_styles *st = og_styles_new();
    OG_CHECK(st != NULL);
    OG_CHECK_INT(og_styles_add(st, 1, "P2", NULL, "Heading_20_2", NULL), 0);
    OG_CHECK_STR(og_styles_missing(st, "P2"), "Heading_20_2");
    /* Google Docs: empty default-outline-level, heading by its name; parent never defined */
    OG_CHECK_INT(og_styles_add(st, 0, "Heading_20_2", "Heading 2", "Heading", ""), 0);
    OG_CHECK_STR(og_styles_missing(st, "P2"), NULL);
    OG_CHECK_INT(og_styles_heading_level(st, "P2"), 2);
    /* an explicit level also ends it */
    OG_CHECK_INT(og_styles_add(st, 0, "Title", NULL, "Unknown_parent", "1"), 0);
    OG_CHECK_STR(og_styles_missing(st, "Title"), NULL);
    OG_CHECK_INT(og_styles_heading_level(st, "Title"), 1);
    og_styles_free(st);
}
