/* test-text.c — UTF-8, folding, heading keys, word counts, phrase search. */
#include "unit.h"

#include "arena.h"
#include "buf.h"
#include "phrase.h"
#include "text.h"

static const char *key(const char *s)
{
    static og_buf b;
    og_buf_init(&b, 1 << 16);
    og_heading_key(s, &b);
    static char out[256];
    snprintf(out, sizeof(out), "%s", b.data ? b.data : "");
    og_buf_free(&b);
    return out;
}

static const char *fold(const char *s)
{
    og_buf b;
    static char out[256];
    og_buf_init(&b, 1 << 16);
    og_text_fold(s, strlen(s), &b);
    snprintf(out, sizeof(out), "%s", b.data ? b.data : "");
    og_buf_free(&b);
    return out;
}

static long words(const char *s) { return (long)og_count_words(s, strlen(s)); }

OG_TEST(text_utf8_decode_and_validate)
{
    uint32_t cp;
    OG_CHECK_INT(og_utf8_decode("\xc3\xa9", 2, &cp), 2);
    OG_CHECK_INT(cp, 0xE9);
    OG_CHECK_INT(og_utf8_decode("\xf0\x9f\x98\x80", 4, &cp), 4);
    OG_CHECK_INT(cp, 0x1F600);
    OG_CHECK_INT(og_utf8_decode("\xc0\xaf", 2, &cp), 1); /* overlong */
    OG_CHECK_INT(cp, 0xFFFD);
    OG_CHECK_INT(og_utf8_decode("\xed\xa0\x80", 3, &cp), 1); /* surrogate */
    OG_CHECK_INT(cp, 0xFFFD);
    OG_CHECK_INT(og_utf8_decode("\xe2\x82", 2, &cp), 1); /* truncated */
    OG_CHECK(og_utf8_valid("caf\xc3\xa9", 5));
    OG_CHECK(!og_utf8_valid("caf\xe9", 4));
    OG_CHECK(!og_utf8_valid("\xf4\x90\x80\x80", 4)); /* > U+10FFFF */
}

OG_TEST(text_fold)
{
    OG_CHECK_STR(fold("  Common\t\tVISION \n"), "common vision");
    OG_CHECK_STR(fold("\xc3\x89tat \xe2\x80\x94 \xe2\x80\x9cquoted\xe2\x80\x9d \xe2\x80\x98x\xe2\x80\x99"),
                 "\xc3\xa9tat - \"quoted\" 'x'");
    OG_CHECK_STR(fold("\xce\xa3\xce\x9f\xce\xa6\xce\x99\xce\x91"), "\xcf\x83\xce\xbf\xcf\x86\xce\xb9\xce\xb1");
    OG_CHECK_STR(fold("\xd0\x9c\xd0\x98\xd0\xa0"), "\xd0\xbc\xd0\xb8\xd1\x80"); /* МИР → мир */
    OG_CHECK_STR(fold("a\xc2\xa0\xc2\xa0" "b\xe2\x80\x8b" "c"), "a b c");       /* nbsp, zwsp */
    OG_CHECK_STR(fold("co\xc2\xad" "operate"), "cooperate");                     /* soft hyphen */
    OG_CHECK_STR(fold("bad \xff byte"), "bad \xef\xbf\xbd byte");
}

OG_TEST(text_heading_keys)
{
    OG_CHECK_STR(key("1. Common Vision:"), "common vision");
    OG_CHECK_STR(key("Section 2: Why integration is necessary"), "why integration is necessary");
    OG_CHECK_STR(key("Why \xe2\x80\x9cintegration\xe2\x80\x9d \xe2\x80\x94 matters"), "why \"integration\" - matters");
    OG_CHECK_STR(key("  How  we will\twork together."), "how we will work together");
    OG_CHECK_STR(key("2.3 Potential barriers"), "potential barriers");
    OG_CHECK_STR(key("2.3.1) Potential barriers"), "potential barriers");
    OG_CHECK_STR(key("iv) Support needed"), "support needed");
    OG_CHECK_STR(key("IV. Support needed"), "support needed");
    OG_CHECK_STR(key("A. Support needed"), "support needed");
    OG_CHECK_STR(key("(b) Support needed"), "support needed");
    OG_CHECK_STR(key("Part 3 - Barriers"), "barriers");
    OG_CHECK_STR(key("\xc2\xa7 4 Barriers"), "barriers");
    OG_CHECK_STR(key("Annex B. Support"), "support");
    /* not numbering */
    OG_CHECK_STR(key("2020 vision"), "2020 vision");
    OG_CHECK_STR(key("I am here"), "i am here");
    OG_CHECK_STR(key("Vision"), "vision");
    OG_CHECK_STR(key("A common vision"), "a common vision");
    OG_CHECK_STR(key("1.5m people"), "1.5m people");
    OG_CHECK_STR(key("42"), "42");
}

OG_TEST(text_word_counts)
{
    OG_CHECK_INT(words(""), 0);
    OG_CHECK_INT(words(" -- ... !"), 0);
    OG_CHECK_INT(words("Hello, world."), 2);
    OG_CHECK_INT(words("don't stop well-being"), 3);
    OG_CHECK_INT(words("l\xe2\x80\x99h\xc3\xb4pital d'aujourd'hui"), 2);
    OG_CHECK_INT(words("1,000 people and 3.5 per cent"), 6);
    OG_CHECK_INT(words("A \xe2\x80\x94 B"), 2);
    OG_CHECK_INT(words("Gesundheitsversorgung f\xc3\xbcr alle"), 3);
    OG_CHECK_INT(words("\xce\x9a\xce\xbf\xce\xb9\xce\xbd\xcf\x8c \xcf\x8c\xcf\x81\xce\xb1\xce\xbc\xce\xb1"), 2);
    OG_CHECK_INT(words("\xd0\x9e\xd0\xb1\xd1\x89\xd0\xb5\xd0\xb5 \xd0\xb2\xd0\xb8\xd0\xb4\xd0\xb5\xd0\xbd\xd0\xb8\xd0\xb5"), 2);
    OG_CHECK_INT(words("\xe5\x85\xb1\xe5\x90\x8c\xe3\x81\xae\xe3\x83\x93\xe3\x82\xb8\xe3\x83\xa7\xe3\x83\xb3"), 7); /* 共同のビジョン */
    OG_CHECK_INT(words("\xed\x95\x9c\xea\xb5\xad\xec\x96\xb4 \xeb\x8b\xa8\xec\x96\xb4"), 2); /* Korean, spaced */
    OG_CHECK_INT(words("co\xc2\xad" "operate"), 1);
}

OG_TEST(text_phrase_boundaries)
{
    const char *hay = "draft tbc, tbcx and lorem ipsum dolor";
    size_t n = strlen(hay);
    OG_CHECK_INT(og_find_phrase(hay, n, "tbc", 3), 6);
    OG_CHECK_INT(og_find_phrase("tbcx", 4, "tbc", 3), -1);
    OG_CHECK_INT(og_find_phrase("xtbc", 4, "tbc", 3), -1);
    OG_CHECK_INT(og_find_phrase(hay, n, "lorem ipsum", 11), 20);
    OG_CHECK_INT(og_find_phrase("[tbc]", 5, "tbc", 3), 1);
    OG_CHECK_INT(og_find_phrase("x [insert] y", 12, "[insert]", 8), 2);
}

OG_TEST(text_phrases_literal_and_regex)
{
    og_arena a;
    og_phrase lit, re, bad;
    odfgate_error err;
    size_t off, len;
    og_arena_init(&a);
    OG_CHECK_INT(og_phrase_init(&lit, &a, OG_PHRASE_LITERAL, "Lorem  Ipsum", 0, "t", &err), 0);
    OG_CHECK_INT(og_phrase_search(&lit, "", 0, "x lorem ipsum y", 15, &off, &len), 1);
    OG_CHECK_INT(off, 2);
    OG_CHECK_INT(og_phrase_init(&re, &a, OG_PHRASE_REGEX, "draft [0-9]+", 0, "t", &err), 0);
    OG_CHECK_INT(og_phrase_search(&re, "This is draft 12.", 17, NULL, 0, &off, &len), 1);
    OG_CHECK_INT(off, 8);
    OG_CHECK_INT(len, 8);
    OG_CHECK_INT(og_phrase_search(&re, "This is Draft 12.", 17, NULL, 0, &off, &len), 0);
    OG_CHECK_INT(og_phrase_init(&bad, &a, OG_PHRASE_REGEX, "x(", 0, "s.xml", &err), -1);
    OG_CHECK_INT(err.code, ODFGATE_E_SCHEMA);
    OG_CHECK(strstr(err.message, "invalid regular expression") != NULL);
    OG_CHECK_INT(og_phrase_init(&bad, &a, OG_PHRASE_LITERAL, "", 0, "s.xml", &err), -1);
    og_phrase_release(&re);
    og_arena_free(&a);
}

OG_TEST(text_slug_and_collapse)
{
    og_buf b;
    og_buf_init(&b, 1 << 16);
    og_slug("How We Will Work Together!", &b);
    OG_CHECK_STR(b.data, "how-we-will-work-together");
    og_slug("  ***  ", &b);
    OG_CHECK_STR(b.data, "section");
    og_buf_reset(&b);
    og_append_collapsed(&b, "  a \n\t b  ", 10);
    og_append_collapsed(&b, " c", 2);
    OG_CHECK_STR(b.data, "a b c");
    og_buf_free(&b);
}
