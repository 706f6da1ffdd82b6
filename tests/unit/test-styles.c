/* test-styles.c — paragraph style resolution, and what styles.xml must still provide. */
#include "unit.h"

#include "base/siphash.h"
#include "read/styles.h"

#include <stdio.h>
#include <string.h>

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

/* The style table's hash is SipHash-2-4 (the reference vectors of the SipHash paper, key
 * 00..0f) under a secret key drawn per process. */
OG_TEST(styles_hash_is_siphash_with_a_secret_key)
{
    uint8_t key[16], msg[15], zero[16] = {0};
    for (int i = 0; i < 16; i++)
        key[i] = (uint8_t)i;
    for (int i = 0; i < 15; i++)
        msg[i] = (uint8_t)i;
    OG_CHECK(og_siphash24(key, msg, 0) == 0x726fdb47dd0e0e31ULL);
    OG_CHECK(og_siphash24(key, msg, 15) == 0xa129ca6149be45e5ULL);
    OG_CHECK(og_siphash24(key, msg, 8) == 0x93f5f5799a932462ULL);
    OG_CHECK(og_hash_secret() == og_hash_secret());
    OG_CHECK(memcmp(og_hash_secret(), zero, 16) != 0);
}

/* Many names, found and told apart (the table grows through several rehashes). */
OG_TEST(styles_many_names_all_found)
{
    og_styles *st = og_styles_new();
    char name[32];
    OG_CHECK(st != NULL);
    for (int i = 0; i < 5000; i++) {
        snprintf(name, sizeof(name), "S%d", i);
        OG_CHECK_INT(og_styles_add(st, i & 1, name, NULL, NULL, i % 7 == 0 ? "2" : NULL), 0);
    }
    for (int i = 0; i < 5000; i++) {
        snprintf(name, sizeof(name), "S%d", i);
        OG_CHECK_STR(og_styles_missing(st, name), NULL);
        OG_CHECK_INT(og_styles_heading_level(st, name), i % 7 == 0 ? 2 : 0);
    }
    OG_CHECK_STR(og_styles_missing(st, "S5000"), "S5000");
    og_styles_free(st);
}
