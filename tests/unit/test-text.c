/* test-text.c — UTF-8, classes, folding, heading keys, word counts, phrase search. */
#include "unit.h"

#include "base/arena.h"
#include "base/buf.h"
#include "text/phrase.h"
#include "text/text.h"

/* Results are copied to static storage so that checks can compare them directly. */
static const char *key(const char *s)
{
    static char out[512];
    og_buf b;
    og_buf_init(&b, 1 << 16);
    out[0] = '\0';
    if (og_heading_key(s, &b) == OG_BUF_OK)
        snprintf(out, sizeof(out), "%s", b.data ? b.data : "");
    else
        snprintf(out, sizeof(out), "(error)");
    og_buf_free(&b);
    return out;
}

static const char *fold(const char *s)
{
    static char out[512];
    og_buf b;
    og_buf_init(&b, 1 << 16);
    if (og_text_fold(s, strlen(s), &b) == OG_BUF_OK)
        snprintf(out, sizeof(out), "%s", b.data ? b.data : "");
    else
        snprintf(out, sizeof(out), "(error)");
    og_buf_free(&b);
    return out;
}

static const char *slug(const char *s)
{
    static char out[512];
    og_buf b;
    og_buf_init(&b, 1 << 16);
    if (og_slug(s, &b) == OG_BUF_OK)
        snprintf(out, sizeof(out), "%s", b.data ? b.data : "");
    else
        snprintf(out, sizeof(out), "(error)");
    og_buf_free(&b);
    return out;
}

static long words(const char *s) { return (long)og_count_words(s, strlen(s)); }

static long find(const char *hay, const char *needle)
{
    return og_find_phrase(hay, strlen(hay), needle, strlen(needle));
}

/* Decode s[0..n): returns consumed bytes, code point in *cp. */
static size_t dec(const char *s, size_t n, uint32_t *cp)
{
    *cp = 0x12345678;
    return og_utf8_decode(s, n, cp);
}

/* ------------------------------------------------------------------ UTF-8 */

OG_TEST(text_utf8_decode)
{
    uint32_t cp;
    OG_CHECK_INT(dec("A", 1, &cp), 1);
    OG_CHECK_INT(cp, 'A');
    OG_CHECK_INT(dec("\x7f", 1, &cp), 1);
    OG_CHECK_INT(cp, 0x7F);
    OG_CHECK_INT(dec("\xc2\x80", 2, &cp), 2);
    OG_CHECK_INT(cp, 0x80);
    OG_CHECK_INT(dec("\xc3\xa9", 2, &cp), 2);
    OG_CHECK_INT(cp, 0xE9);
    OG_CHECK_INT(dec("\xdf\xbf", 2, &cp), 2);
    OG_CHECK_INT(cp, 0x7FF);
    OG_CHECK_INT(dec("\xe0\xa0\x80", 3, &cp), 3);
    OG_CHECK_INT(cp, 0x800);
    OG_CHECK_INT(dec("\xed\x9f\xbf", 3, &cp), 3);
    OG_CHECK_INT(cp, 0xD7FF);
    OG_CHECK_INT(dec("\xee\x80\x80", 3, &cp), 3);
    OG_CHECK_INT(cp, 0xE000);
    OG_CHECK_INT(dec("\xef\xbf\xbd", 3, &cp), 3); /* a real U+FFFD */
    OG_CHECK_INT(cp, 0xFFFD);
    OG_CHECK_INT(dec("\xef\xbf\xbf", 3, &cp), 3);
    OG_CHECK_INT(cp, 0xFFFF);
    OG_CHECK_INT(dec("\xf0\x90\x80\x80", 4, &cp), 4);
    OG_CHECK_INT(cp, 0x10000);
    OG_CHECK_INT(dec("\xf0\x9f\x98\x80", 4, &cp), 4);
    OG_CHECK_INT(cp, 0x1F600);
    OG_CHECK_INT(dec("\xf4\x8f\xbf\xbf", 4, &cp), 4);
    OG_CHECK_INT(cp, 0x10FFFF);
    OG_CHECK_INT(dec("\xc3\xa9tail", 6, &cp), 2); /* only one code point is consumed */

    /* overlongs */
    OG_CHECK_INT(dec("\xc0\xaf", 2, &cp), 1);
    OG_CHECK_INT(cp, 0xFFFD);
    OG_CHECK_INT(dec("\xc1\xbf", 2, &cp), 1);
    OG_CHECK_INT(cp, 0xFFFD);
    OG_CHECK_INT(dec("\xe0\x80\xaf", 3, &cp), 1);
    OG_CHECK_INT(cp, 0xFFFD);
    OG_CHECK_INT(dec("\xe0\x9f\xbf", 3, &cp), 1);
    OG_CHECK_INT(cp, 0xFFFD);
    OG_CHECK_INT(dec("\xf0\x80\x80\xaf", 4, &cp), 1);
    OG_CHECK_INT(cp, 0xFFFD);
    OG_CHECK_INT(dec("\xf0\x8f\xbf\xbf", 4, &cp), 1);
    OG_CHECK_INT(cp, 0xFFFD);
    /* surrogates */
    OG_CHECK_INT(dec("\xed\xa0\x80", 3, &cp), 1);
    OG_CHECK_INT(cp, 0xFFFD);
    OG_CHECK_INT(dec("\xed\xbf\xbf", 3, &cp), 1);
    OG_CHECK_INT(cp, 0xFFFD);
    /* beyond U+10FFFF, and bytes that never occur */
    OG_CHECK_INT(dec("\xf4\x90\x80\x80", 4, &cp), 1);
    OG_CHECK_INT(cp, 0xFFFD);
    OG_CHECK_INT(dec("\xf5\x80\x80\x80", 4, &cp), 1);
    OG_CHECK_INT(cp, 0xFFFD);
    OG_CHECK_INT(dec("\xff", 1, &cp), 1);
    OG_CHECK_INT(cp, 0xFFFD);
    OG_CHECK_INT(dec("\xfe", 1, &cp), 1);
    OG_CHECK_INT(cp, 0xFFFD);
    /* lone continuation, bad continuation, truncation (also by n) */
    OG_CHECK_INT(dec("\x80", 1, &cp), 1);
    OG_CHECK_INT(cp, 0xFFFD);
    OG_CHECK_INT(dec("\xc3\x28", 2, &cp), 1);
    OG_CHECK_INT(cp, 0xFFFD);
    OG_CHECK_INT(dec("\xe2\x82", 2, &cp), 1);
    OG_CHECK_INT(cp, 0xFFFD);
    OG_CHECK_INT(dec("\xf0\x9f\x98", 3, &cp), 1);
    OG_CHECK_INT(cp, 0xFFFD);
    OG_CHECK_INT(dec("\xc3\xa9", 1, &cp), 1);
    OG_CHECK_INT(cp, 0xFFFD);
    OG_CHECK_INT(dec("\xe2\x82\xac", 2, &cp), 1);
    OG_CHECK_INT(cp, 0xFFFD);
    /* no bytes at all: nothing consumed */
    OG_CHECK_INT(dec("", 0, &cp), 0);
}

OG_TEST(text_utf8_valid)
{
    OG_CHECK(og_utf8_valid("", 0));
    OG_CHECK(og_utf8_valid("plain ascii", 11));
    OG_CHECK(og_utf8_valid("caf\xc3\xa9", 5));
    OG_CHECK(og_utf8_valid("\xe2\x82\xac \xf0\x9f\x98\x80 \xef\xbf\xbd", 12));
    OG_CHECK(og_utf8_valid("a\0b", 3)); /* U+0000 is valid UTF-8 */
    OG_CHECK(!og_utf8_valid("caf\xe9", 4));
    OG_CHECK(!og_utf8_valid("\xc0\xaf", 2));
    OG_CHECK(!og_utf8_valid("\xe0\x80\xaf", 3));
    OG_CHECK(!og_utf8_valid("\xed\xa0\x80", 3));
    OG_CHECK(!og_utf8_valid("\xf4\x90\x80\x80", 4)); /* > U+10FFFF */
    OG_CHECK(!og_utf8_valid("ok \xe2\x82", 5));      /* truncated at the end */
    OG_CHECK(!og_utf8_valid("\x80", 1));
    OG_CHECK(!og_utf8_valid("\xff\xfe", 2));
    OG_CHECK(og_utf8_valid("caf\xc3\xa9", 4) == 0); /* n cuts the sequence */
}

OG_TEST(text_utf8_append)
{
    static const uint32_t cps[] = {0,      'a',    0x7F,    0x80,    0xE9,
                                   0x7FF,  0x800,  0x20AC,  0xD7FF,  0xE000,
                                   0xFFFD, 0xFFFF, 0x10000, 0x1F600, 0x10FFFF};
    og_buf b;
    og_buf_init(&b, 1 << 10);
    for (size_t i = 0; i < sizeof(cps) / sizeof(cps[0]); i++) {
        uint32_t cp;
        og_buf_reset(&b);
        OG_CHECK_INT(og_utf8_append(&b, cps[i]), OG_BUF_OK);
        OG_CHECK(og_utf8_valid(b.data, b.len));
        OG_CHECK_INT(og_utf8_decode(b.data, b.len, &cp), b.len);
        OG_CHECK_INT(cp, cps[i]);
    }
    og_buf_reset(&b);
    OG_CHECK_INT(og_utf8_append(&b, 0xD800), OG_BUF_OK); /* not a scalar value: U+FFFD */
    OG_CHECK_INT(og_utf8_append(&b, 0x110000), OG_BUF_OK);
    OG_CHECK_STR(b.data, "\xef\xbf\xbd\xef\xbf\xbd");
    og_buf_free(&b);
    og_buf_init(&b, 2);
    OG_CHECK_INT(og_utf8_append(&b, 0x20AC), OG_BUF_TOOBIG);
    og_buf_free(&b);
}

/* ------------------------------------------------------------------ classes */

OG_TEST(text_cp_is_space)
{
    static const uint32_t yes[] = {0x09,   0x0A,   0x0B,   0x0C,   0x0D,   0x20,   0x85,   0xA0,
                                   0x1680, 0x2000, 0x2005, 0x200A, 0x2028, 0x2029, 0x202F, 0x205F,
                                   0x3000, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF};
    static const uint32_t no[] = {0,      'a',    '_',    0x1F,   0x7F,  0xAD,
                                  0x180E, 0x200E, 0x2010, 0x2061, 0xFFFD};
    for (size_t i = 0; i < sizeof(yes) / sizeof(yes[0]); i++)
        if (!og_cp_is_space(yes[i])) {
            printf("#   U+%04X should be space\n", (unsigned)yes[i]);
            OG_CHECK(0);
        }
    for (size_t i = 0; i < sizeof(no) / sizeof(no[0]); i++)
        if (og_cp_is_space(no[i])) {
            printf("#   U+%04X should not be space\n", (unsigned)no[i]);
            OG_CHECK(0);
        }
}

OG_TEST(text_cp_is_word)
{
    static const uint32_t yes[] = {'0',
                                   '9',
                                   'a',
                                   'z',
                                   'A',
                                   'Z',
                                   0xAA,
                                   0xB5,
                                   0xBA,
                                   0xC0,
                                   0xD6,
                                   0xD8,
                                   0xE9,
                                   0xF6,
                                   0xF8,
                                   0xFF,
                                   0x141 /* Ł */,
                                   0x17E,
                                   0x219 /* ș */,
                                   0x24F,
                                   0x259 /* ə */,
                                   0x2BC /* ʼ */,
                                   0x301 /* combining acute */,
                                   0x36F,
                                   0x3B1 /* α */,
                                   0x3A9,
                                   0x3C2,
                                   0x416 /* Ж */,
                                   0x44F,
                                   0x4E9,
                                   0x561 /* ա */,
                                   0x5D0 /* א */,
                                   0x5B4 /* hiriq */,
                                   0x628 /* ب */,
                                   0x661 /* ١ */,
                                   0x915 /* क */,
                                   0x94D /* virama */,
                                   0x966 /* ० */,
                                   0xE01 /* ก */,
                                   0x10D0 /* ა */,
                                   0x1EA1 /* ạ */,
                                   0x3042 /* あ */,
                                   0x30A2 /* ア */,
                                   0x30FC /* ー */,
                                   0x3005 /* 々 */,
                                   0x4E2D /* 中 */,
                                   0x9FA5,
                                   0xAC00,
                                   0xD55C /* 한 */,
                                   0xFF21,
                                   0x1D400 /* math bold A */,
                                   0x20000,
                                   0x2A6D6};
    static const uint32_t no[] = {0,
                                  ' ',
                                  '_',
                                  '-',
                                  '\'',
                                  '.',
                                  ',',
                                  '!',
                                  '$',
                                  '@',
                                  '~',
                                  0x7F,
                                  0xA0,
                                  0xA7 /* § */,
                                  0xAB,
                                  0xB0,
                                  0xB6,
                                  0xD7 /* × */,
                                  0xF7 /* ÷ */,
                                  0x2C2,
                                  0x2D8 /* ˘ */,
                                  0x37E,
                                  0x589,
                                  0x5BE,
                                  0x60C /* ، */,
                                  0x66A,
                                  0x964 /* । */,
                                  0x2010,
                                  0x2014,
                                  0x2019,
                                  0x201C,
                                  0x2026,
                                  0x2030,
                                  0x2044,
                                  0x205E,
                                  0x20AC /* € */,
                                  0x20B9,
                                  0x2192,
                                  0x2211,
                                  0x2212,
                                  0x221E,
                                  0x2500,
                                  0x25CF,
                                  0x2713,
                                  0x3000,
                                  0x3001,
                                  0x3002,
                                  0x300C,
                                  0x30FB /* ・ */,
                                  0xFF01,
                                  0xFF0C,
                                  0xFFFD,
                                  0x1F600,
                                  0x1F44D};
    for (size_t i = 0; i < sizeof(yes) / sizeof(yes[0]); i++)
        if (!og_cp_is_word(yes[i])) {
            printf("#   U+%04X should be a word character\n", (unsigned)yes[i]);
            OG_CHECK(0);
        }
    for (size_t i = 0; i < sizeof(no) / sizeof(no[0]); i++)
        if (og_cp_is_word(no[i])) {
            printf("#   U+%04X should not be a word character\n", (unsigned)no[i]);
            OG_CHECK(0);
        }
    /* the range table is sorted and disjoint: probing every code point around a few block
     * edges must agree with a linear reading of known values */
    OG_CHECK(og_cp_is_word(0x10FFFF) == 0);
    OG_CHECK(og_cp_is_word(0x110000) == 0);
}

OG_TEST(text_cp_fold)
{
    static const uint32_t map[][2] = {
        {'A', 'a'},      {'Z', 'z'},     {'a', 'a'},       {'@', '@'},       {'[', '['},
        {0xC0, 0xE0},    {0xC9, 0xE9},   {0xDE, 0xFE},     {0xD7, 0xD7},     {0xDF, 0xDF},
        {0xB5, 0x3BC},   {0xFF, 0xFF},   {0x100, 0x101},   {0x101, 0x101},   {0x106, 0x107},
        {0x130, 'i'},    {0x131, 0x131}, {0x139, 0x13A},   {0x141, 0x142},   {0x142, 0x142},
        {0x147, 0x148},  {0x14A, 0x14B}, {0x150, 0x151},   {0x152, 0x153},   {0x160, 0x161},
        {0x178, 0xFF},   {0x179, 0x17A}, {0x17D, 0x17E},   {0x17F, 's'},     {0x18F, 0x259},
        {0x1C4, 0x1C6},  {0x1C5, 0x1C6}, {0x1CD, 0x1CE},   {0x1F1, 0x1F3},   {0x218, 0x219},
        {0x21A, 0x21B},  {0x219, 0x219}, {0x386, 0x3AC},   {0x388, 0x3AD},   {0x38C, 0x3CC},
        {0x38F, 0x3CE},  {0x391, 0x3B1}, {0x3A3, 0x3C3},   {0x3A9, 0x3C9},   {0x3AB, 0x3CB},
        {0x3C2, 0x3C3},  {0x3C3, 0x3C3}, {0x3D0, 0x3B2},   {0x3F5, 0x3B5},   {0x400, 0x450},
        {0x401, 0x451},  {0x40F, 0x45F}, {0x410, 0x430},   {0x42F, 0x44F},   {0x430, 0x430},
        {0x462, 0x463},  {0x490, 0x491}, {0x4C0, 0x4CF},   {0x4C1, 0x4C2},   {0x4D8, 0x4D9},
        {0x500, 0x501},  {0x531, 0x561}, {0x1E9E, 0xDF},   {0x1EA0, 0x1EA1}, {0x1E96, 0x1E96},
        {0x2126, 0x3C9}, {0x212A, 'k'},  {0xFF21, 0xFF41}, {0x4E2D, 0x4E2D}, {0x1F600, 0x1F600},
        {0x2018, '\''},  {0x2019, '\''}, {0x201A, '\''},   {0x201B, '\''},   {0x2032, '\''},
        {0x201C, '"'},   {0x201D, '"'},  {0x201E, '"'},    {0x201F, '"'},    {0x2033, '"'},
        {0xAB, '"'},     {0xBB, '"'},    {0x2010, '-'},    {0x2011, '-'},    {0x2012, '-'},
        {0x2013, '-'},   {0x2014, '-'},  {0x2015, '-'},    {0x2212, '-'},    {0xFE58, '-'},
        {0xFE63, '-'},   {0xFF0D, '-'},  {0x2026, 0x2026},
    };
    for (size_t i = 0; i < sizeof(map) / sizeof(map[0]); i++)
        if (og_cp_fold(map[i][0]) != map[i][1]) {
            printf("#   fold U+%04X: got U+%04X, want U+%04X\n", (unsigned)map[i][0],
                   (unsigned)og_cp_fold(map[i][0]), (unsigned)map[i][1]);
            OG_CHECK(0);
        }
    /* folding is idempotent and never lengthens the UTF-8 form */
    for (uint32_t cp = 0; cp < 0x30000; cp++) {
        uint32_t f = og_cp_fold(cp);
        if (cp >= 0xD800 && cp <= 0xDFFF)
            continue;
        size_t a = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
        size_t b = f < 0x80 ? 1 : f < 0x800 ? 2 : f < 0x10000 ? 3 : 4;
        if (og_cp_fold(f) != f || b > a || (f >= 0xD800 && f <= 0xDFFF)) {
            printf("#   fold U+%04X -> U+%04X is not stable or lengthens\n", (unsigned)cp,
                   (unsigned)f);
            OG_CHECK(0);
            break;
        }
    }
}

/* ------------------------------------------------------------------ folding */

OG_TEST(text_fold)
{
    OG_CHECK_STR(fold(""), "");
    OG_CHECK_STR(fold(" \t\r\n "), "");
    OG_CHECK_STR(fold("  Common\t\tVISION \n"), "common vision");
    OG_CHECK_STR(
        fold("\xc3\x89tat \xe2\x80\x94 \xe2\x80\x9cquoted\xe2\x80\x9d \xe2\x80\x98x\xe2\x80\x99"),
        "\xc3\xa9tat - \"quoted\" 'x'");
    OG_CHECK_STR(fold("\xc2\xab Bonjour \xc2\xbb \xe2\x80\x9e"
                      "Hallo\xe2\x80\x9f"),
                 "\" bonjour \" \"hallo\"");
    OG_CHECK_STR(fold("5\xe2\x80\xb2 11\xe2\x80\xb3"), "5' 11\"");
    OG_CHECK_STR(fold("a\xe2\x80\x93"
                      "b \xe2\x88\x92"
                      "1 c\xef\xbc\x8d"
                      "d"),
                 "a-b -1 c-d");
    OG_CHECK_STR(fold("\xce\xa3\xce\x9f\xce\xa6\xce\x99\xce\x91"),
                 "\xcf\x83\xce\xbf\xcf\x86\xce\xb9\xce\xb1");
    /* ΟΔΟΣ and οδος fold alike (final sigma) */
    OG_CHECK_STR(fold("\xce\x9f\xce\x94\xce\x9f\xce\xa3"), "\xce\xbf\xce\xb4\xce\xbf\xcf\x83");
    OG_CHECK_STR(fold("\xce\xbf\xce\xb4\xce\xbf\xcf\x82"), "\xce\xbf\xce\xb4\xce\xbf\xcf\x83");
    OG_CHECK_STR(fold("\xd0\x9c\xd0\x98\xd0\xa0"), "\xd0\xbc\xd0\xb8\xd1\x80"); /* МИР → мир */
    OG_CHECK_STR(fold("\xd0\x81\xd0\xb6"), "\xd1\x91\xd0\xb6");                 /* Ёж → ёж */
    OG_CHECK_STR(fold("STRA\xc3\x9f"
                      "E \xe1\xba\x9e"),
                 "stra\xc3\x9f"
                 "e \xc3\x9f"); /* ß, ẞ */
    OG_CHECK_STR(fold("\xc5\x81\xc3\x93"
                      "D\xc5\xb9"),
                 "\xc5\x82\xc3\xb3"
                 "d\xc5\xba"); /* ŁÓDŹ */
    OG_CHECK_STR(fold("a\xc2\xa0\xc2\xa0"
                      "b\xe2\x80\x8b"
                      "c"),
                 "a b c"); /* nbsp, zwsp */
    OG_CHECK_STR(fold("a\xe3\x80\x80"
                      "b\xe2\x80\xa8"
                      "c\xc2\x85"
                      "d"),
                 "a b c d"); /* U+3000 2028 85 */
    OG_CHECK_STR(fold("co\xc2\xad"
                      "operate"),
                 "cooperate");                        /* soft hyphen */
    OG_CHECK_STR(fold("\xef\xbb\xbfTitle"), "title"); /* BOM */
    OG_CHECK_STR(fold("a\xe2\x80\x8d"
                      "b\xe2\x80\x8c"
                      "c\xe2\x81\xa0"
                      "d"),
                 "abcd"); /* ZWJ ZWNJ WJ */
    OG_CHECK_STR(fold("bad \xff byte"), "bad \xef\xbf\xbd byte");
    OG_CHECK_STR(fold("cut \xe2\x82"), "cut \xef\xbf\xbd\xef\xbf\xbd");
    OG_CHECK_STR(fold("\xef\xbc\xa1\xef\xbc\xa2"), "\xef\xbd\x81\xef\xbd\x82"); /* ＡＢ → ａｂ */
    OG_CHECK_STR(fold("\xe4\xb8\xad\xe6\x96\x87 Text"), "\xe4\xb8\xad\xe6\x96\x87 text");
}

OG_TEST(text_fold_buffers)
{
    og_buf b;
    char big[600];
    /* the buffer is reset, and reused memory gives the same result */
    og_buf_init(&b, 1 << 16);
    OG_CHECK_INT(og_text_fold("First Text", 10, &b), OG_BUF_OK);
    OG_CHECK_INT(og_text_fold("B", 1, &b), OG_BUF_OK);
    OG_CHECK_STR(b.data, "b");
    OG_CHECK_INT(b.len, 1);
    OG_CHECK_INT(og_text_fold("", 0, &b), OG_BUF_OK);
    OG_CHECK_STR(b.data, "");
    OG_CHECK_INT(b.len, 0);
    og_buf_free(&b);

    /* input longer than the cap that collapses below it is fine */
    memset(big, ' ', sizeof(big));
    big[0] = 'A';
    big[sizeof(big) - 1] = 'Z';
    og_buf_init(&b, 8);
    OG_CHECK_INT(og_text_fold(big, sizeof(big), &b), OG_BUF_OK);
    OG_CHECK_STR(b.data, "a z");
    /* output over the cap is refused */
    OG_CHECK_INT(og_text_fold("abcdefghij", 10, &b), OG_BUF_TOOBIG);
    OG_CHECK_INT(og_text_fold("abcdefgh", 8, &b), OG_BUF_OK);
    OG_CHECK_STR(b.data, "abcdefgh");
    og_buf_free(&b);

    /* invalid bytes triple in size: the buffer grows */
    memset(big, '\xff', sizeof(big));
    og_buf_init(&b, 1 << 16);
    OG_CHECK_INT(og_text_fold(big, sizeof(big), &b), OG_BUF_OK);
    OG_CHECK_INT(b.len, 3 * sizeof(big));
    OG_CHECK(og_utf8_valid(b.data, b.len));
    og_buf_free(&b);
    og_buf_init(&b, 1000);
    OG_CHECK_INT(og_text_fold(big, sizeof(big), &b), OG_BUF_TOOBIG);
    OG_CHECK_INT(og_text_fold(big, 333, &b), OG_BUF_OK);
    OG_CHECK_INT(b.len, 999);
    og_buf_free(&b);

    /* exactly at the cap, with the growth from an invalid byte at the end */
    og_buf_init(&b, 10);
    OG_CHECK_INT(og_text_fold("abcdefg\xff", 8, &b), OG_BUF_OK);
    OG_CHECK_STR(b.data, "abcdefg\xef\xbf\xbd");
    OG_CHECK_INT(og_text_fold("abcdefgh\xff", 9, &b), OG_BUF_TOOBIG);
    OG_CHECK_STR(b.data, "");
    OG_CHECK_INT(b.len, 0);
    OG_CHECK_INT(og_text_fold("\xff abcdef", 8, &b), OG_BUF_OK);
    OG_CHECK_STR(b.data, "\xef\xbf\xbd abcdef");
    OG_CHECK_INT(og_text_fold("\xff  abcdefg", 10, &b), OG_BUF_TOOBIG);
    og_buf_free(&b);
}

/* ------------------------------------------------------------------ heading keys */

OG_TEST(text_heading_keys)
{
    /* the examples of the specification */
    OG_CHECK_STR(key("1. Common Vision:"), "common vision");
    OG_CHECK_STR(key("Section 2: Why integration is necessary"), "why integration is necessary");
    OG_CHECK_STR(key("Why \xe2\x80\x9cintegration\xe2\x80\x9d \xe2\x80\x94 matters"),
                 "why \"integration\" - matters");
    OG_CHECK_STR(key("  How  we will\twork together."), "how we will work together");
    OG_CHECK_STR(key("2020 vision"), "2020 vision");
    OG_CHECK_STR(key("I. Vision"), "vision");
    /* quotes around the heading (#13.8), inner ones kept */
    OG_CHECK_STR(key("\xe2\x80\x9c"
                     "Common vision"
                     "\xe2\x80\x9d"),
                 "common vision");
    OG_CHECK_STR(key("2. 'Annex'."), "annex");
    OG_CHECK_STR(key("Why \"this\" matters"), "why \"this\" matters");

    /* numbers */
    OG_CHECK_STR(key("1 Introduction"), "1 introduction"); /* a bare number is a word */
    OG_CHECK_STR(key("1. Introduction"), "introduction");
    OG_CHECK_STR(key("1) Introduction"), "introduction");
    OG_CHECK_STR(key("1: Introduction"), "introduction");
    OG_CHECK_STR(key("12. Introduction"), "introduction");
    OG_CHECK_STR(key("2.3 Potential barriers"), "potential barriers");
    OG_CHECK_STR(key("2.3. Potential barriers"), "potential barriers");
    OG_CHECK_STR(key("2.3: Potential barriers"), "potential barriers");
    OG_CHECK_STR(key("2.3.1) Potential barriers"), "potential barriers");
    OG_CHECK_STR(key("10.2.3.4 Deep"), "deep");
    OG_CHECK_STR(key("(1) Support needed"), "support needed");
    OG_CHECK_STR(key("(2.1) Support needed"), "support needed");
    /* letters and roman numerals */
    OG_CHECK_STR(key("iv) Support needed"), "support needed");
    OG_CHECK_STR(key("IV. Support needed"), "support needed");
    OG_CHECK_STR(key("XII. Support needed"), "support needed");
    OG_CHECK_STR(key("xlii) Support needed"), "support needed");
    OG_CHECK_STR(key("A. Support needed"), "support needed");
    OG_CHECK_STR(key("a) Support needed"), "support needed");
    OG_CHECK_STR(key("(a) Support needed"), "support needed");
    OG_CHECK_STR(key("(b) Support needed"), "support needed");
    OG_CHECK_STR(key("(iv) Support needed"), "support needed");
    OG_CHECK_STR(key("\xd0\x91) \xd0\x9f\xd0\xbb\xd0\xb0\xd0\xbd"),
                 "\xd0\xbf\xd0\xbb\xd0\xb0\xd0\xbd"); /* Б) План */
    /* keywords */
    OG_CHECK_STR(key("Section 2 Why"), "why");
    OG_CHECK_STR(key("SECTION 2.1: Why"), "why");
    OG_CHECK_STR(key("Section 2 : Why"), "why");
    OG_CHECK_STR(key("Part 3 - Barriers"), "barriers");
    OG_CHECK_STR(key("Part 3 \xe2\x80\x93 Barriers"), "barriers"); /* en dash */
    OG_CHECK_STR(key("Part IV Costs"), "costs");
    OG_CHECK_STR(key("Chapter 4. Results"), "results");
    OG_CHECK_STR(key("Annex B: Data"), "data");
    OG_CHECK_STR(key("Annex B. Support"), "support");
    OG_CHECK_STR(key("Appendix A Glossary"), "glossary");
    OG_CHECK_STR(key("Article 5) Scope"), "scope");
    OG_CHECK_STR(key("Schedule 2 Fees"), "fees");
    OG_CHECK_STR(key("Clause 7.2 Termination"), "termination");
    OG_CHECK_STR(key("\xc2\xa7 4 Barriers"), "barriers");
    OG_CHECK_STR(key("\xc2\xa7"
                     "4 Barriers"),
                 "barriers");
    OG_CHECK_STR(key("Annex c: data"), "data");
    /* several labels, at most four */
    OG_CHECK_STR(key("Part 3 - 3.1 Intro"), "intro");
    OG_CHECK_STR(key("Annex B: 1. Data"), "data");
    OG_CHECK_STR(key("1. 2. 3. 4. 5. Five"), "5. five");
    /* trailing punctuation */
    OG_CHECK_STR(key("Why integration is necessary?"), "why integration is necessary");
    OG_CHECK_STR(key("Support needed -- ;,!"), "support needed");
    OG_CHECK_STR(key("Support needed \xe2\x80\x94"), "support needed");
    OG_CHECK_STR(key("Support (needed)"), "support (needed)");

    /* not numbering: real words stay */
    OG_CHECK_STR(key("I am here"), "i am here");
    OG_CHECK_STR(key("Vision"), "vision");
    OG_CHECK_STR(key("Vision 2030"), "vision 2030");
    OG_CHECK_STR(key("A common vision"), "a common vision");
    OG_CHECK_STR(key("1.5m people"), "1.5m people");
    OG_CHECK_STR(key("1.Introduction"), "1.introduction");
    OG_CHECK_STR(key("42"), "42");
    OG_CHECK_STR(key("1."), "1");
    OG_CHECK_STR(key("IV."), "iv");
    OG_CHECK_STR(key("1. -"), "1");
    OG_CHECK_STR(key("U.S. policy"), "u.s. policy");
    OG_CHECK_STR(key("Mix. Of things"), "mix. of things"); /* no numeral beyond 89 */
    OG_CHECK_STR(key("Civic. Duty"), "civic. duty");
    OG_CHECK_STR(key("Ill. Health"), "ill. health"); /* not a valid numeral */
    OG_CHECK_STR(key("Vi. Other"), "vi. other");     /* mixed case is no numeral */
    OG_CHECK_STR(key("Did. Not"), "did. not");
    OG_CHECK_STR(key("Part of the plan"), "part of the plan");
    OG_CHECK_STR(key("Schedule a meeting"), "schedule a meeting");
    OG_CHECK_STR(key("Part i think"), "part i think");
    OG_CHECK_STR(key("Section overview"), "section overview");
    OG_CHECK_STR(key("Sections 2 and 3"), "sections 2 and 3");
    OG_CHECK_STR(key("Annex B"), "annex b");
    OG_CHECK_STR(key("Annex"), "annex");
    OG_CHECK_STR(key("(note) Support"), "(note) support");
    OG_CHECK_STR(key("(a Support"), "(a support");
    OG_CHECK_STR(key("a. b"), "b");
    OG_CHECK_STR(key("\xe4\xb8\x80. \xe6\x80\xbb\xe5\x88\x99"),
                 "\xe4\xb8\x80. \xe6\x80\xbb\xe5\x88\x99");
    OG_CHECK_STR(key(""), "");
    OG_CHECK_STR(key("   "), "");
    OG_CHECK_STR(key("\xe2\x80\x94"), "");

    /* equal keys make equal headings */
    OG_CHECK_STR(key("3.  HOW WE WILL WORK TOGETHER"), "how we will work together");
    OG_CHECK_STR(key("How we will work together:"), "how we will work together");
}

/* ------------------------------------------------------------------ words */

OG_TEST(text_word_counts)
{
    OG_CHECK_INT(words(""), 0);
    OG_CHECK_INT(og_count_words("ignored", 0), 0);
    OG_CHECK_INT(words("   \t "), 0);
    OG_CHECK_INT(words(" -- ... !"), 0);
    OG_CHECK_INT(words("\xe2\x80\x94"), 0); /* — */
    OG_CHECK_INT(words("\xe2\x80\x9c\xe2\x80\x9d \xc2\xab\xc2\xbb \xe2\x82\xac \xc2\xa7"), 0);
    OG_CHECK_INT(words("word"), 1);
    OG_CHECK_INT(words("  word  "), 1);
    OG_CHECK_INT(words("Hello, world."), 2);
    OG_CHECK_INT(words("The quick brown fox jumps over the lazy dog."), 9);
    OG_CHECK_INT(words("don't stop well-being"), 3);
    OG_CHECK_INT(words("don\xe2\x80\x99t stop well\xe2\x80\x90"
                       "being"),
                 3);
    OG_CHECK_INT(words("rock 'n' roll"), 3);
    OG_CHECK_INT(words("'quoted' -dash- trailing' -"), 3);
    OG_CHECK_INT(words("COVID-19 and 2019-2020"), 3);
    OG_CHECK_INT(words("A \xe2\x80\x94 B"), 2);
    OG_CHECK_INT(words("A\xe2\x80\x94"
                       "B"),
                 2); /* an em dash splits */
    OG_CHECK_INT(words("A\xe2\x80\x93"
                       "B"),
                 2); /* so does an en dash */
    OG_CHECK_INT(words("end. Start"), 2);
    OG_CHECK_INT(words("e.g. this"), 3);
    OG_CHECK_INT(words("snake_case"), 2);
    OG_CHECK_INT(words("a/b"), 2);
    /* numbers */
    OG_CHECK_INT(words("1,000 people and 3.5 per cent"), 6);
    OG_CHECK_INT(words("1,000,000.25"), 1);
    OG_CHECK_INT(words("3.5"), 1);
    OG_CHECK_INT(words("3. 5"), 2);
    OG_CHECK_INT(words("3, 5"), 2);
    OG_CHECK_INT(words("version 2.0."), 2);
    OG_CHECK_INT(words("50%"), 1);
    OG_CHECK_INT(words("\xe2\x82\xac"
                       "5 \xc2\xa3"
                       "10"),
                 2);
    /* French */
    OG_CHECK_INT(words("l\xe2\x80\x99h\xc3\xb4pital d'aujourd'hui"), 2);
    OG_CHECK_INT(words("\xc2\xab C'est l\xc3\xa0 \xc2\xbb, dit-il."), 3);
    OG_CHECK_INT(words("\xc3\x89t\xc3\xa9 \xc3\xa0 Paris"), 3);
    /* German */
    OG_CHECK_INT(words("Gesundheitsversorgung f\xc3\xbcr alle"), 3);
    OG_CHECK_INT(words("Stra\xc3\x9f"
                       "e, \xc3\x84rzte und \xc3\x96l"),
                 4);
    /* Greek, Russian */
    OG_CHECK_INT(
        words("\xce\x9a\xce\xbf\xce\xb9\xce\xbd\xcf\x8c \xcf\x8c\xcf\x81\xce\xb1\xce\xbc\xce\xb1"),
        2);
    OG_CHECK_INT(words("\xd0\x9e\xd0\xb1\xd1\x89\xd0\xb5\xd0\xb5 "
                       "\xd0\xb2\xd0\xb8\xd0\xb4\xd0\xb5\xd0\xbd\xd0\xb8\xd0\xb5"),
                 2);
    OG_CHECK_INT(words("\xd0\xba\xd0\xb0\xd0\xba\xd0\xbe\xd0\xb9-\xd1\x82\xd0\xbe \xe2\x80\x94 "
                       "\xd1\x82\xd0\xb0\xd0\xba"),
                 2); /* какой-то — так */
    /* CJK: every ideograph or kana is a word; Korean is spaced */
    OG_CHECK_INT(
        words(
            "\xe5\x85\xb1\xe5\x90\x8c\xe3\x81\xae\xe3\x83\x93\xe3\x82\xb8\xe3\x83\xa7\xe3\x83\xb3"),
        7); /* 共同のビジョン */
    OG_CHECK_INT(words("\xe4\xb8\xad\xe6\x96\x87\xe3\x80\x82\xe6\x96\x87"), 3); /* 中文。文 */
    OG_CHECK_INT(words("\xe3\x80\x8c\xe3\x80\x8d\xe3\x80\x81\xe3\x83\xbb"), 0); /* 「」、・ */
    OG_CHECK_INT(words("OK\xe3\x81\xa7\xe3\x81\x99"), 3);                       /* OKです */
    OG_CHECK_INT(words("\xe3\x81\x8b\xe3\x82\x99"), 1); /* か + combining voicing */
    OG_CHECK_INT(words("\xed\x95\x9c\xea\xb5\xad\xec\x96\xb4 \xeb\x8b\xa8\xec\x96\xb4"),
                 2); /* Korean */
    /* invisible characters join, zero-width space splits */
    OG_CHECK_INT(words("co\xc2\xad"
                       "operate"),
                 1);
    OG_CHECK_INT(words("a\xe2\x80\x8d"
                       "b"),
                 1);
    OG_CHECK_INT(words("a\xe2\x80\x8b"
                       "b"),
                 2);
    OG_CHECK_INT(words("a\xc2\xa0"
                       "b"),
                 2);
    /* combining marks stay in their word; invalid bytes split */
    OG_CHECK_INT(words("cafe\xcc\x81 au lait"), 3);
    OG_CHECK_INT(words("a\xff"
                       "b"),
                 2);
    /* length is respected */
    OG_CHECK_INT(og_count_words("one two three", 7), 2);
    OG_CHECK_INT(og_count_words("don'", 4), 1);
    OG_CHECK_INT(og_count_words("3.5", 2), 1);
}

/* ------------------------------------------------------------------ phrases */

OG_TEST(text_phrase_boundaries)
{
    const char *hay = "draft tbc, tbcx and lorem ipsum dolor";
    OG_CHECK_INT(find(hay, "tbc"), 6);
    OG_CHECK_INT(find("tbcx", "tbc"), -1);
    OG_CHECK_INT(find("xtbc", "tbc"), -1);
    OG_CHECK_INT(find("tbc", "tbc"), 0);
    OG_CHECK_INT(find("tbcx tbc", "tbc"), 5); /* the first hit fails, the second is taken */
    OG_CHECK_INT(find("1tbc 2tbc tbc2", "tbc"), -1);
    OG_CHECK_INT(find(hay, "lorem ipsum"), 20);
    OG_CHECK_INT(find(hay, "lorem ipsu"), -1);
    OG_CHECK_INT(find("[tbc]", "tbc"), 1);
    OG_CHECK_INT(find("x [insert] y", "[insert]"), 2);
    OG_CHECK_INT(find("x[insert]y", "[insert]"), 1); /* the needle's ends are not letters */
    OG_CHECK_INT(find("x [insert]y", "[insert"), 2);
    OG_CHECK_INT(find("x [inserty", "[insert"), -1);
    OG_CHECK_INT(find("tbc", "tbcx"), -1);
    OG_CHECK_INT(og_find_phrase("tbc", 3, "", 0), -1);
    OG_CHECK_INT(og_find_phrase("tbcx", 3, "tbc", 3), 0); /* hay_len bounds the text */
    /* non-ASCII neighbours */
    OG_CHECK_INT(find("caf\xc3\xa9", "caf"), -1);
    OG_CHECK_INT(find("\xc3\xa9t\xc3\xa9", "t"), -1);
    OG_CHECK_INT(find("\xc3\xa9t\xc3\xa9 t", "t"), 6);
    OG_CHECK_INT(find("cafe\xcc\x81", "cafe"), -1); /* a combining mark follows */
    OG_CHECK_INT(find("\xe2\x80\x9ctbc\xe2\x80\x9d", "tbc"), 3);
    OG_CHECK_INT(find("\xd0\xbc\xd0\xb8\xd1\x80 \xd0\xb8", "\xd0\xb8"), 7);
    /* ideographs and kana are words by themselves */
    OG_CHECK_INT(
        find("\xe5\x85\xb1\xe5\x90\x8c\xe3\x81\xae\xe3\x83\x93\xe3\x82\xb8\xe3\x83\xa7\xe3\x83\xb3",
             "\xe3\x83\x93\xe3\x82\xb8\xe3\x83\xa7\xe3\x83\xb3"),
        9);
    OG_CHECK_INT(find("\xe4\xb8\xad"
                      "abc",
                      "abc"),
                 3);
    /* apostrophes and hyphens are not letters */
    OG_CHECK_INT(find("don't", "don"), 0);
    OG_CHECK_INT(find("well-being", "being"), 5);
}

OG_TEST(text_trigrams)
{
    og_trigrams t, p;
    og_trigrams_of("lorem ipsum dolor", 17, &t);
    og_trigrams_of("ipsum", 5, &p);
    OG_CHECK(og_trigrams_contain(&t, &p));
    og_trigrams_of("ipsum dolor", 11, &p); /* trigrams "ips" and "dol" */
    OG_CHECK(og_trigrams_contain(&t, &p));
    og_trigrams_of("[dolor]", 7, &p); /* a word after a non-word character starts one */
    OG_CHECK(og_trigrams_contain(&t, &p));
    og_trigrams_of("psum", 4, &p); /* not at a word start: og_find_phrase would not find it */
    OG_CHECK(!og_trigrams_contain(&t, &p));
    og_trigrams_of("m d", 3, &p);
    OG_CHECK(!og_trigrams_contain(&t, &p));
    og_trigrams_of("zqx", 3, &p);
    OG_CHECK(!og_trigrams_contain(&t, &p));
    og_trigrams_of("zq", 2, &p); /* no trigram: cannot exclude */
    OG_CHECK(og_trigrams_contain(&t, &p));
    og_trigrams_of("--", 2, &p); /* no word start: cannot exclude */
    OG_CHECK(og_trigrams_contain(&t, &p));
    og_trigrams_of("", 0, &t);
    og_trigrams_of("x", 1, &p);
    OG_CHECK(og_trigrams_contain(&t, &p));
    /* after an ideograph a Latin letter starts a word, as og_find_phrase sees it */
    og_trigrams_of("\xe4\xb8\xad"
                   "abc",
                   6, &t);
    og_trigrams_of("abc", 3, &p);
    OG_CHECK(og_trigrams_contain(&t, &p));
    OG_CHECK_INT(find("\xe4\xb8\xad"
                      "abc",
                      "abc"),
                 3);
}

/* The summary filters exactly: wherever og_find_phrase finds a phrase, the text's summary
 * (from og_trigrams_of_plain when it applies, else from folding) contains the phrase's. */
static int filter_agrees(const char *text, const char *phrase)
{
    og_trigrams t, p, slow;
    og_buf ft, fp;
    int found, plain, ok;
    og_buf_init(&ft, 1 << 16);
    og_buf_init(&fp, 1 << 16);
    og_text_fold(text, strlen(text), &ft);
    og_text_fold(phrase, strlen(phrase), &fp);
    found = og_find_phrase(ft.data ? ft.data : "", ft.len, fp.data ? fp.data : "", fp.len) >= 0;
    og_trigrams_of(fp.data ? fp.data : "", fp.len, &p);
    og_trigrams_of(ft.data ? ft.data : "", ft.len, &slow);
    plain = og_trigrams_of_plain(text, strlen(text), &t);
    ok = !found || og_trigrams_contain(&slow, &p);
    if (plain) /* the plain summary holds every pair of the folded one */
        ok = ok && og_trigrams_contain(&t, &slow) && (!found || og_trigrams_contain(&t, &p));
    og_buf_free(&ft);
    og_buf_free(&fp);
    return ok;
}

OG_TEST(text_trigrams_filter)
{
    static const char *const texts[] = {
        "",
        "a",
        "TBC",
        "Text TBC.",
        "to be confirmed (TBC)",
        "x-TBC-y",
        "don't TODO now",
        "  Lorem\t\tIPSUM  dolor ",
        "lorem\nipsum",
        "1.5 million, 2,000 people; x9 9x",
        "Caf\xc3\xa9 TBC",
        "\xe2\x80\x9cTBC\xe2\x80\x9d",
        ("\xe4\xb8\xad"
         "abc def"),
        ("Stra\xc3\x9f"
         "e TBD"),
        "a b c d e f g h i j k l m n o p q r s t u v w x y z 0 1 2",
        "ABCDEFGHIJKLMNOPQRSTUVWXYZ abcdefghijklmnopqrstuvwxyz[insert]{tbc}~`^_@|\\",
        "word,word.word;word:word!word?word(word)word[word]word{word}word<word>word/word",
        "\xc2\xadsoft\xc2\xadhyphen XXX",
        "l\xc3\xb6rem ipsum",
        "end with a",
    };
    static const char *const phrases[] = {
        "TBC",
        "tbc",
        "todo",
        "XXX",
        "lorem ipsum",
        "ipsum dolor",
        "[insert]",
        "(tbc)",
        "\xe2\x80\x9ctbc\xe2\x80\x9d",
        "caf\xc3\xa9",
        "abc",
        "b",
        "a b",
        "don",
        "t",
        "1.5",
        "2,000 people",
        "word",
        "r",
        "--",
        ("stra\xc3\x9f"
         "e"),
        "z 0",
        "with a",
    };
    for (size_t i = 0; i < sizeof(texts) / sizeof(texts[0]); i++)
        for (size_t k = 0; k < sizeof(phrases) / sizeof(phrases[0]); k++)
            if (!filter_agrees(texts[i], phrases[k])) {
                printf("#   filter wrong for \"%s\" in \"%s\"\n", phrases[k], texts[i]);
                OG_CHECK(0);
            }
}

/* og_trigrams_of_plain on plain text: every trigram of folding then og_trigrams_of; else it
 * refuses. */
static int plain_agrees(const char *s)
{
    og_trigrams fast, slow;
    og_buf b;
    int plain = og_trigrams_of_plain(s, strlen(s), &fast);
    og_buf_init(&b, 1 << 16);
    og_text_fold(s, strlen(s), &b);
    og_trigrams_of(b.data ? b.data : "", b.len, &slow);
    og_buf_free(&b);
    return plain ? og_trigrams_contain(&fast, &slow) : -1;
}

OG_TEST(text_trigrams_plain)
{
    og_trigrams a, b;
    OG_CHECK_INT(plain_agrees(""), 1);
    OG_CHECK_INT(plain_agrees("a"), 1);
    OG_CHECK_INT(plain_agrees("Lorem Ipsum, TBC [insert X] @Z{}~`^_ 1.5"), 1);
    OG_CHECK_INT(plain_agrees("ABCDEFGHIJKLMNOPQRSTUVWXYZ abcdefghijklmnopqrstuvwxyz"), 1);
    OG_CHECK_INT(plain_agrees(" leading and trailing spaces "), 1);
    OG_CHECK_INT(plain_agrees("two  spaces"), -1);
    OG_CHECK_INT(plain_agrees("a tab\there"), -1);
    OG_CHECK_INT(plain_agrees("a bell\a"), -1);
    OG_CHECK_INT(plain_agrees("within eight-byte blocks:  two spaces"), -1);
    OG_CHECK_INT(plain_agrees("within eight-byte blocks: a\nnewline"), -1);
    OG_CHECK_INT(plain_agrees("caf\xc3\xa9"), -1);
    OG_CHECK_INT(plain_agrees("\xe2\x80\x9cTBC\xe2\x80\x9d"), -1);
    OG_CHECK_INT(plain_agrees("long enough for the eight-byte blocks, then \xc3\xa9"), -1);
    /* the eight-byte blocks and the byte-by-byte tail give the same trigrams */
    OG_CHECK(og_trigrams_of_plain("Word start pairs: a1 B2 c-3 (d4) e.f g,h TBC", 44, &a));
    og_trigrams_of("word start pairs: a1 b2 c-3 (d4) e.f g,h tbc", 44, &b);
    OG_CHECK(memcmp(&a, &b, sizeof(a)) == 0);
}

OG_TEST(text_phrases_literal)
{
    og_arena a;
    og_phrase lit, q;
    og_trigrams g;
    odfgate_error err;
    size_t off = 99, len = 99;
    const char *f = "x lorem ipsum y";
    og_arena_init(&a);
    memset(&err, 0, sizeof(err));
    OG_CHECK_INT(og_phrase_init(&lit, &a, OG_PHRASE_LITERAL, "  Lorem\t Ipsum ", 0, "t", &err), 0);
    OG_CHECK_STR(lit.text, "  Lorem\t Ipsum ");
    OG_CHECK_STR(lit.folded, "lorem ipsum");
    OG_CHECK_INT(lit.folded_len, 11);
    OG_CHECK(lit.re == NULL);
    OG_CHECK_INT(og_phrase_search(&lit, "", 0, f, strlen(f), &off, &len), 1);
    OG_CHECK_INT(off, 2);
    OG_CHECK_INT(len, 11);
    og_trigrams_of(f, strlen(f), &g);
    OG_CHECK(og_phrase_may_match(&lit, &g));
    og_trigrams_of("nothing here", 12, &g);
    OG_CHECK(!og_phrase_may_match(&lit, &g));
    OG_CHECK_INT(og_phrase_search(&lit, "", 0, "x lorem ipsumy", 14, &off, &len), 0);
    OG_CHECK_INT(og_phrase_search(&lit, "", 0, NULL, 0, &off, &len), 0);
    /* the needle is folded like the text: typographic quotes */
    OG_CHECK_INT(
        og_phrase_init(&q, &a, OG_PHRASE_LITERAL, "\xe2\x80\x9cTBC\xe2\x80\x9d", 1, "t", &err), 0);
    OG_CHECK_STR(q.folded, "\"tbc\"");
    OG_CHECK_INT(og_phrase_search(&q, "", 0, "see \"tbc\".", 10, &off, &len), 1);
    OG_CHECK_INT(off, 4);
    og_phrase_release(&lit);
    og_phrase_release(&q);
    og_arena_free(&a);
}

OG_TEST(text_phrases_regex)
{
    og_arena a;
    og_phrase re, ci, esc, alt, one;
    odfgate_error err;
    size_t off = 0, len = 0;
    char raw[32];
    og_arena_init(&a);
    memset(&err, 0, sizeof(err));
    OG_CHECK_INT(og_phrase_init(&re, &a, OG_PHRASE_REGEX, "draft [0-9]+", 0, "t", &err), 0);
    OG_CHECK(re.re != NULL);
    OG_CHECK(re.folded == NULL);
    OG_CHECK_INT(og_phrase_search(&re, "This is draft 12.", 17, NULL, 0, &off, &len), 1);
    OG_CHECK_INT(off, 8);
    OG_CHECK_INT(len, 8);
    OG_CHECK_INT(og_phrase_search(&re, "This is Draft 12.", 17, NULL, 0, &off, &len), 0);
    OG_CHECK_INT(og_phrase_search(&re, "", 0, NULL, 0, &off, &len), 0);
    /* a regex may always match, whatever the summary */
    {
        og_trigrams g;
        og_trigrams_of("", 0, &g);
        OG_CHECK(og_phrase_may_match(&re, &g));
    }
    /* raw not terminated at raw_len: only raw[0..raw_len) is searched */
    memcpy(raw, "draft 1 draft 22", 17);
    OG_CHECK_INT(og_phrase_search(&re, raw, 6, NULL, 0, &off, &len), 0);
    OG_CHECK_INT(og_phrase_search(&re, raw, 7, NULL, 0, &off, &len), 1);
    OG_CHECK_INT(len, 7);

    OG_CHECK_INT(og_phrase_init(&ci, &a, OG_PHRASE_REGEX, "draft", 1, "t", &err), 0);
    OG_CHECK_INT(og_phrase_search(&ci, "A DRAFT copy", 12, NULL, 0, &off, &len), 1);
    OG_CHECK_INT(off, 2);
    OG_CHECK_INT(len, 5);
    OG_CHECK_INT(og_phrase_search(&ci, "A DrAfT copy", 12, NULL, 0, &off, &len), 1);
    OG_CHECK_INT(og_phrase_search(&ci, "A final copy", 12, NULL, 0, &off, &len), 0);

    OG_CHECK_INT(og_phrase_init(&esc, &a, OG_PHRASE_REGEX, "\\[(TBC|TBD)\\]", 0, "t", &err), 0);
    OG_CHECK_INT(og_phrase_search(&esc, "date [TBD] later", 16, NULL, 0, &off, &len), 1);
    OG_CHECK_INT(off, 5);
    OG_CHECK_INT(len, 5);
    OG_CHECK_INT(og_phrase_search(&esc, "date TBD later", 14, NULL, 0, &off, &len), 0);

    /* matches that start anywhere, alternations, optional first items */
    OG_CHECK_INT(og_phrase_init(&alt, &a, OG_PHRASE_REGEX, "a?b|xyz", 0, "t", &err), 0);
    OG_CHECK_INT(og_phrase_search(&alt, "-- xyz", 6, NULL, 0, &off, &len), 1);
    OG_CHECK_INT(og_phrase_search(&alt, "-- b", 4, NULL, 0, &off, &len), 1);
    OG_CHECK_INT(og_phrase_init(&one, &a, OG_PHRASE_REGEX, "x*y", 0, "t", &err), 0);
    OG_CHECK_INT(og_phrase_search(&one, "on a y", 6, NULL, 0, &off, &len), 1);
    OG_CHECK_INT(off, 5);
    og_phrase_release(&one);
    OG_CHECK_INT(og_phrase_init(&one, &a, OG_PHRASE_REGEX, "Q", 1, "t", &err), 0);
    OG_CHECK_INT(og_phrase_search(&one, "a q", 3, NULL, 0, &off, &len), 1);
    OG_CHECK_INT(off, 2);
    og_phrase_release(&one);
    /* POSIX semantics kept on RE2: leftmost-longest, ^ $ at the ends of the text only, '.'
     * and negated classes match a newline; \b and \d as schemas write them; ignore-case
     * folds Unicode */
    OG_CHECK_INT(og_phrase_init(&one, &a, OG_PHRASE_REGEX, "draft|drafting", 0, "t", &err), 0);
    OG_CHECK_INT(og_phrase_search(&one, "now drafting it", 15, NULL, 0, &off, &len), 1);
    OG_CHECK_INT(off, 4);
    OG_CHECK_INT(len, 8);
    og_phrase_release(&one);
    OG_CHECK_INT(og_phrase_init(&one, &a, OG_PHRASE_REGEX, "^b.c$", 0, "t", &err), 0);
    OG_CHECK_INT(og_phrase_search(&one, "a\nb\nc", 5, NULL, 0, &off, &len), 0);
    OG_CHECK_INT(og_phrase_search(&one, "b\nc", 3, NULL, 0, &off, &len), 1);
    og_phrase_release(&one);
    OG_CHECK_INT(og_phrase_init(&one, &a, OG_PHRASE_REGEX, "\\bdraft [0-9]+\\b", 1, "t", &err), 0);
    OG_CHECK_INT(og_phrase_search(&one, "a Draft 12 b", 12, NULL, 0, &off, &len), 1);
    OG_CHECK_INT(off, 2);
    OG_CHECK_INT(len, 8);
    OG_CHECK_INT(og_phrase_search(&one, "redraft 12", 10, NULL, 0, &off, &len), 0);
    og_phrase_release(&one);
    OG_CHECK_INT(og_phrase_init(&one, &a, OG_PHRASE_REGEX, "[[:digit:]]\\d", 0, "t", &err), 0);
    OG_CHECK_INT(og_phrase_search(&one, "no 42", 5, NULL, 0, &off, &len), 1);
    OG_CHECK_INT(off, 3);
    og_phrase_release(&one);
    OG_CHECK_INT(og_phrase_init(&one, &a, OG_PHRASE_REGEX, "\xc3\xa9t\xc3\xa9", 1, "t", &err), 0);
    OG_CHECK_INT(og_phrase_search(&one, "L'\xc3\x89T\xc3\x89", 8, NULL, 0, &off, &len), 1);
    OG_CHECK_INT(off, 2);
    og_phrase_release(&one);
    /* linear whatever the pattern: nested quantifiers over 100,000 letters (glibc: ~13 s) */
    {
        size_t n = 100000;
        char *big = malloc(n + 1);
        OG_CHECK(big != NULL);
        memset(big, 'a', n);
        big[n] = '\0';
        OG_CHECK_INT(og_phrase_init(&one, &a, OG_PHRASE_REGEX, "(a|aa)*c", 0, "t", &err), 0);
        OG_CHECK_INT(og_phrase_search(&one, big, n, NULL, 0, &off, &len), 0);
        big[n - 1] = 'c';
        OG_CHECK_INT(og_phrase_search(&one, big, n, NULL, 0, &off, &len), 1);
        OG_CHECK_INT(off, 0);
        OG_CHECK_INT(len, n);
        free(big);
    }

    og_phrase_release(&re);
    og_phrase_release(&re); /* twice is harmless */
    og_phrase_release(&ci);
    og_phrase_release(&esc);
    og_phrase_release(&alt);
    og_phrase_release(&one);
    og_phrase_release(NULL);
    og_arena_free(&a);
}

OG_TEST(text_phrases_errors)
{
    og_arena a;
    og_phrase bad;
    odfgate_error err;
    og_arena_init(&a);
    memset(&err, 0, sizeof(err));
    OG_CHECK_INT(og_phrase_init(&bad, &a, OG_PHRASE_REGEX, "x(", 0, "s.xml", &err), -1);
    OG_CHECK_INT(err.code, ODFGATE_E_SCHEMA);
    OG_CHECK(strncmp(err.message, "invalid regular expression \"x(\": ", 33) == 0);
    OG_CHECK(strlen(err.message) > 33); /* RE2's reason follows */
    OG_CHECK(bad.re == NULL);
    og_phrase_release(&bad);
    memset(&err, 0, sizeof(err));
    OG_CHECK_INT(og_phrase_init(&bad, &a, OG_PHRASE_REGEX, "[a-", 1, "s.xml", &err), -1);
    OG_CHECK_INT(err.code, ODFGATE_E_SCHEMA);
    memset(&err, 0, sizeof(err));
    OG_CHECK_INT(og_phrase_init(&bad, &a, OG_PHRASE_REGEX, "", 0, "s.xml", &err), -1);
    OG_CHECK_INT(err.code, ODFGATE_E_SCHEMA);
    memset(&err, 0, sizeof(err));
    OG_CHECK_INT(og_phrase_init(&bad, &a, OG_PHRASE_LITERAL, "", 0, "s.xml", &err), -1);
    OG_CHECK_INT(err.code, ODFGATE_E_SCHEMA);
    memset(&err, 0, sizeof(err));
    OG_CHECK_INT(og_phrase_init(&bad, &a, OG_PHRASE_LITERAL, NULL, 0, "s.xml", &err), -1);
    OG_CHECK_INT(err.code, ODFGATE_E_SCHEMA);
    memset(&err, 0, sizeof(err));
    OG_CHECK_INT(og_phrase_init(&bad, &a, OG_PHRASE_LITERAL, " \t\xc2\xad ", 0, "s.xml", &err), -1);
    OG_CHECK_INT(err.code, ODFGATE_E_SCHEMA);
    OG_CHECK_INT(og_phrase_init(&bad, &a, OG_PHRASE_LITERAL, "", 0, "s.xml", NULL), -1);
    og_phrase_release(&bad);
    og_arena_free(&a);
}

/* ------------------------------------------------------------------ slugs, paragraph text */

OG_TEST(text_slug)
{
    OG_CHECK_STR(slug("How We Will Work Together!"), "how-we-will-work-together");
    OG_CHECK_STR(slug("  ***  "), "section");
    OG_CHECK_STR(slug(""), "section");
    OG_CHECK_STR(slug("1. Common Vision"), "1-common-vision");
    OG_CHECK_STR(slug("Why \xe2\x80\x9cintegration\xe2\x80\x9d \xe2\x80\x94 matters"),
                 "why-integration-matters");
    OG_CHECK_STR(slug("\xc3\x89"
                      "conomie & Soci\xc3\xa9t\xc3\xa9"),
                 "\xc3\xa9"
                 "conomie-soci\xc3\xa9t\xc3\xa9");
    OG_CHECK_STR(slug("--a--b--"), "a-b");
}

/* Counts do not depend on where the eight-byte blocks of the fast path fall. */
OG_TEST(text_word_counts_any_alignment)
{
    static const struct {
        const char *text;
        long words;
    } cases[] = {
        {"The quick brown fox jumps over the lazy dog.", 9},
        {"don't stop well-being, rock 'n' roll", 6},
        {"1,000 people and 3.5 per cent; e.g. this (COVID-19) and 2019-2020", 12},
        {"integration care health local services people partners outcomes", 8},
        {"a b c d e f g h i j k l m n o p q r s t u v w x y z", 26},
        {"snake_case a/b 50% #tag @who {x} [y] <z> \"q\" x=y;z:w!v?", 16},
        {"Stra\xc3\x9f"
         "e, \xc3\x84rzte und \xc3\x96l und mehr Text danach",
         8},
        {"\xe4\xb8\xad\xe6\x96\x87 and some English words after it", 8},
        {"end with a hyphen- and an apostrophe' then 3. 5 and 3, 5", 13},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
        for (int pad = 0; pad < 10; pad++) {
            char buf[256];
            snprintf(buf, sizeof(buf), "%*s%s%*s", pad, "", cases[i].text, 9 - pad, "");
            if (words(buf) != cases[i].words) {
                printf("#   \"%s\": %ld words, want %ld\n", buf, words(buf), cases[i].words);
                OG_CHECK(0);
            }
        }
}

/* og_append_collapsed against a byte-by-byte model, in every alignment and buffer state. */
static void collapse_model(char *out, const char *s)
{
    size_t len = strlen(out);
    for (; *s; s++) {
        if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
            out[len++] = *s;
        else if (len > 0 && out[len - 1] != ' ')
            out[len++] = ' ';
    }
    out[len] = '\0';
}

OG_TEST(text_append_collapsed_any_alignment)
{
    static const char *const texts[] = {
        "plain words with single spaces and more of them",
        "  two  spaces, \ttabs\t\tand\r\nnewlines \n between  ",
        ("Stra\xc3\x9f"
         "e \xc2\xa0 no-break spaces are content \xc2\xa0\xc2\xa0"),
        "12345678 12345678  12345678\n12345678",
        "        ",
    };
    static const char *const before[] = {"", "x", "x "};
    for (size_t i = 0; i < sizeof(texts) / sizeof(texts[0]); i++)
        for (size_t b = 0; b < sizeof(before) / sizeof(before[0]); b++)
            for (int skip = 0; skip < 9; skip++) {
                char want[256] = "";
                const char *t = texts[i] + (skip < (int)strlen(texts[i]) ? skip : 0);
                og_buf buf;
                og_buf_init(&buf, 1 << 16);
                og_buf_adds(&buf, before[b]);
                snprintf(want, sizeof(want), "%s", before[b]);
                collapse_model(want, t);
                OG_CHECK_INT(og_append_collapsed(&buf, t, strlen(t)), OG_BUF_OK);
                OG_CHECK_STR(buf.data, want);
                og_buf_free(&buf);
            }
}

OG_TEST(text_append_collapsed)
{
    og_buf b;
    og_buf_init(&b, 1 << 16);
    OG_CHECK_INT(og_append_collapsed(&b, "", 0), OG_BUF_OK);
    OG_CHECK(b.data != NULL);
    OG_CHECK_STR(b.data, "");
    OG_CHECK_INT(og_append_collapsed(&b, "  a \n\t b  ", 10), OG_BUF_OK);
    OG_CHECK_STR(b.data, "a b ");
    OG_CHECK_INT(og_append_collapsed(&b, " c", 2), OG_BUF_OK);
    OG_CHECK_STR(b.data, "a b c");
    OG_CHECK_INT(og_append_collapsed(&b, "d\r\n", 3), OG_BUF_OK);
    OG_CHECK_STR(b.data, "a b cd ");
    OG_CHECK_INT(b.len, 7);
    og_buf_reset(&b);
    /* only XML white space collapses: no-break spaces are content */
    OG_CHECK_INT(og_append_collapsed(&b,
                                     "a\xc2\xa0\xc2\xa0"
                                     "b",
                                     6),
                 OG_BUF_OK);
    OG_CHECK_STR(b.data, "a\xc2\xa0\xc2\xa0"
                         "b");
    og_buf_reset(&b);
    OG_CHECK_INT(og_append_collapsed(&b, "   ", 3), OG_BUF_OK);
    OG_CHECK_STR(b.data, "");
    OG_CHECK_INT(og_append_collapsed(&b, "x", 1), OG_BUF_OK);
    OG_CHECK_INT(og_append_collapsed(&b, "y", 1), OG_BUF_OK);
    OG_CHECK_STR(b.data, "xy");
    og_buf_free(&b);

    /* the cap is on the collapsed length */
    og_buf_init(&b, 5);
    OG_CHECK_INT(og_append_collapsed(&b, "ab          cd", 14), OG_BUF_OK);
    OG_CHECK_STR(b.data, "ab cd");
    OG_CHECK_INT(og_append_collapsed(&b, "   ", 3), OG_BUF_TOOBIG);
    OG_CHECK_INT(og_append_collapsed(&b, "e", 1), OG_BUF_TOOBIG);
    og_buf_free(&b);
}

/* One pass for the word count and the trigram summary: the same answers as the two
 * functions, or a refusal where a joiner may join two words. */
static int words_trigrams_agree(const char *s)
{
    uint64_t words;
    og_trigrams one, two;
    size_t n = strlen(s);
    if (!og_words_trigrams_of_plain(s, n, &words, &one))
        return -1;
    if (!og_trigrams_of_plain(s, n, &two) || memcmp(&one, &two, sizeof(one)) != 0)
        return 0;
    if (words == OG_WORDS_UNKNOWN)
        return 2; /* a joiner: the summary, but no word count */
    return words == og_count_words(s, n);
}

OG_TEST(words_trigrams_of_plain_in_one_pass)
{
    OG_CHECK_INT(words_trigrams_agree("Patients staff barriers health vision community care, "
                                      "integration. Health partners outcomes support -- together"),
                 1);
    OG_CHECK_INT(words_trigrams_agree("short"), 1);
    OG_CHECK_INT(words_trigrams_agree("a, b. c - d ' e"), 1);
    OG_CHECK_INT(words_trigrams_agree("ends with a joiner after a word character in block-"), 1);
    /* a joiner between word characters may join them: no word count (in a block or in the
     * tail), the summary all the same */
    OG_CHECK_INT(words_trigrams_agree("the well-being of all the people who live in this area"), 2);
    OG_CHECK_INT(words_trigrams_agree("it's"), 2);
    OG_CHECK_INT(words_trigrams_agree("3.5"), 2);
    /* not plain */
    OG_CHECK_INT(words_trigrams_agree("two  spaces"), -1);
    OG_CHECK_INT(words_trigrams_agree("caf\xc3\xa9 au lait"), -1);
}

/* The plain pass runs 32 bytes at a time (AVX2, where the processor has it), then 16 (SSE2),
 * then byte by byte: whatever block a byte falls in, the answer is the same as byte by byte. */
OG_TEST(trigrams_of_plain_same_in_every_block_position)
{
    static const char base[] = "partners agree to plan services around people and to share "
                               "what they know about care in every place";
    const size_t n = sizeof(base) - 1;
    for (size_t at = 0; at + 1 < n; at++) {
        char t[sizeof(base)];
        og_trigrams got, want;
        uint64_t words;
        /* refused wherever the byte is: control, non-ASCII, two spaces */
        static const char *bad[] = {"\x01", "\xc3", "  "};
        for (size_t k = 0; k < OG_ARRAY_LEN(bad); k++) {
            memcpy(t, base, sizeof(base));
            memcpy(t + at, bad[k], strlen(bad[k]));
            OG_CHECK_INT(og_trigrams_of_plain(t, n, &got), 0);
        }
        /* an upper-case letter, or a space splitting a word: plain, same words and summary
         * as the general functions */
        static const char good[] = {'Q', ' '};
        for (size_t k = 0; k < sizeof(good); k++) {
            memcpy(t, base, sizeof(base));
            if (good[k] == ' ' && (t[at] == ' ' || (at && t[at - 1] == ' ') || t[at + 1] == ' '))
                continue;
            t[at] = good[k];
            OG_CHECK_INT(og_words_trigrams_of_plain(t, n, &words, &got), 1);
            og_trigrams_of(t, n, &want);
            OG_CHECK_INT(words, og_count_words(t, n));
            OG_CHECK(memcmp(&got, &want, sizeof(got)) == 0);
        }
        /* a hyphen inside a word may join: no word count, the same summary */
        memcpy(t, base, sizeof(base));
        if (at && t[at - 1] != ' ' && t[at] != ' ' && t[at + 1] != ' ') {
            t[at] = '-';
            OG_CHECK_INT(og_words_trigrams_of_plain(t, n, &words, &got), 1);
            OG_CHECK(words == OG_WORDS_UNKNOWN);
            og_trigrams_of(t, n, &want);
            OG_CHECK(memcmp(&got, &want, sizeof(got)) == 0);
        }
    }
}
