/* test-json.c — the strict JSON reader (filter/report/jsonr.c) and the value writer. */
#include "unit.h"

#include "base/arena.h"
#include "report/jsonr.h"
#include "report/jsonw.h"

#include <stdlib.h>

/* Parse s (n bytes); on failure the error message is copied to msg. */
static og_json *parse_n(og_arena *a, const char *s, size_t n, unsigned depth, char *msg, size_t cap)
{
    odfgate_error err;
    og_json *v = NULL;
    odfgate_error_clear(&err);
    msg[0] = '\0';
    if (og_json_parse(s, n, depth, "t.json", 1, a, &v, &err) != ODFGATE_OK)
        snprintf(msg, cap, "%s|%s", odfgate_errcode_name(err.code), err.message);
    return v;
}

/* 1 if s parses. */
static int valid(const char *s)
{
    og_arena a;
    char msg[600];
    og_arena_init(&a);
    og_json *v = parse_n(&a, s, strlen(s), 64, msg, sizeof(msg));
    og_arena_free(&a);
    return v != NULL;
}

/* The error message for s ("" if it parses). */
static const char *error_of(const char *s, size_t n, unsigned depth)
{
    static char msg[600];
    og_arena a;
    og_arena_init(&a);
    parse_n(&a, s, n, depth, msg, sizeof(msg));
    og_arena_free(&a);
    return msg;
}

/* s parsed and written back by og_json_value. */
static const char *roundtrip(const char *s)
{
    static char out[600];
    char msg[600], *mem = NULL;
    size_t len = 0;
    og_arena a;
    og_arena_init(&a);
    og_json *v = parse_n(&a, s, strlen(s), 64, msg, sizeof(msg));
    FILE *f = open_memstream(&mem, &len);
    if (v)
        og_json_value(f, v);
    fclose(f);
    snprintf(out, sizeof(out), "%s", v ? mem : msg);
    free(mem);
    og_arena_free(&a);
    return out;
}

OG_TEST(json_values_and_structure)
{
    OG_CHECK(valid("{}"));
    OG_CHECK(valid(" [1, \"a\", true, false, null, {\"k\": []}] \n"));
    OG_CHECK(!valid(""));
    OG_CHECK(!valid("[1,]"));
    OG_CHECK(!valid("{\"a\":1,}"));
    OG_CHECK(!valid("{a:1}"));
    OG_CHECK(!valid("[1] [2]"));
    OG_CHECK(!valid("tru"));
    OG_CHECK(!valid("'a'"));
    OG_CHECK_STR(roundtrip("{ \"b\" : [ 1 , 2.5e-3 ] , \"a\" : null }"),
                 "{\"b\":[1,2.5e-3],\"a\":null}");
    OG_CHECK_STR(error_of("{\"a\": [1, 2", 11, 64),
                 "json-error|line 1, column 12: unexpected end of input (truncated?)");
    OG_CHECK_STR(error_of("{\n  \"a\": 1,\n  \"a\": 2}", 22, 64),
                 "json-error|line 1, column 1: member \"a\" appears twice in an object");
    OG_CHECK_STR(error_of("\xEF\xBB\xBF{}", 5, 64),
                 "json-error|line 1, column 1: a byte order mark is not allowed in JSON");
    OG_CHECK_STR(error_of("{} x", 4, 64),
                 "json-error|line 1, column 4: unexpected data after the JSON value");
}

OG_TEST(json_numbers)
{
    OG_CHECK(valid("0"));
    OG_CHECK(valid("-0"));
    OG_CHECK(valid("-12.50E+07"));
    OG_CHECK(valid("1e5"));
    OG_CHECK(!valid("01"));
    OG_CHECK(!valid("+1"));
    OG_CHECK(!valid("1."));
    OG_CHECK(!valid(".5"));
    OG_CHECK(!valid("1e"));
    OG_CHECK(!valid("-"));
    OG_CHECK(!valid("0x10"));
    OG_CHECK(!valid("NaN"));
    OG_CHECK(!valid("Infinity"));
    /* kept as written, never rounded through a double */
    OG_CHECK_STR(roundtrip("[123456789012345678901234567890, 1.10]"),
                 "[123456789012345678901234567890,1.10]");
    OG_CHECK_STR(error_of("[01]", 4, 64),
                 "json-error|line 1, column 3: a number must not have a leading zero");
}

OG_TEST(json_escapes_and_surrogates)
{
    og_arena a;
    char msg[600];
    og_json *v;
    og_arena_init(&a);
    {
        const char *s = "\"a\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\\u20AC\\ud83d\\ude00\\u0000z\"";
        v = parse_n(&a, s, strlen(s), 8, msg, sizeof(msg));
    }
    OG_CHECK(v != NULL);
    if (v) {
        OG_CHECK_INT(v->len, 1 + 8 + 2 + 3 + 4 + 1 + 1);
        OG_CHECK(memcmp(v->s, "a\"\\/\b\f\n\r\t\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80\0z", v->len) ==
                 0);
    }
    og_arena_free(&a);
    OG_CHECK_STR(roundtrip("\"\\u0000\\u001f\\u007f/\\u00e9\""),
                 "\"\\u0000\\u001f\\u007f/\xC3\xA9\"");
    OG_CHECK(!valid("\"\\x41\""));
    OG_CHECK(!valid("\"\\u12\""));
    OG_CHECK(!valid("\"\\u12G4\""));
    OG_CHECK_STR(error_of("\"\\ud83d\"", 8, 8),
                 "json-error|line 1, column 2: high surrogate not followed by a low surrogate");
    OG_CHECK_STR(error_of("\"\\ud83d\\u0041\"", 14, 8),
                 "json-error|line 1, column 2: high surrogate not followed by a low surrogate");
    OG_CHECK_STR(error_of("\"\\ude00\"", 8, 8),
                 "json-error|line 1, column 2: lone low surrogate in \\u escape");
    OG_CHECK_STR(error_of("\"a\tb\"", 5, 8),
                 "json-error|line 1, column 3: control character in a string");
    OG_CHECK_STR(error_of("[\"ab\ncd\"]", 9, 8),
                 "json-error|line 1, column 5: unterminated string (newline inside)");
    OG_CHECK_STR(error_of("\"abc", 4, 8),
                 "json-error|line 1, column 5: unterminated string (end of input)");
}

OG_TEST(json_utf8_validated)
{
    OG_CHECK(valid("\"\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80\""));
    OG_CHECK_STR(error_of("[\"a\xFF\"]", 5, 8), "json-error|line 1, column 4: invalid UTF-8");
    OG_CHECK_STR(error_of("\"\xC0\xAF\"", 4, 8),
                 "json-error|line 1, column 2: invalid UTF-8"); /* overlong */
    OG_CHECK_STR(error_of("\"\xED\xA0\x80\"", 5, 8),
                 "json-error|line 1, column 2: invalid UTF-8"); /* surrogate */
    OG_CHECK_STR(error_of("\"\xF4\x90\x80\x80\"", 6, 8),
                 "json-error|line 1, column 2: invalid UTF-8"); /* > U+10FFFF */
    OG_CHECK_STR(error_of("\"\xE2\x82\"", 4, 8),
                 "json-error|line 1, column 2: invalid UTF-8"); /* truncated */
    /* columns count characters, lines count from 1 */
    OG_CHECK_STR(error_of("{\"\xC3\xA9\":\n  [1, x]}", 16, 8),
                 "json-error|line 2, column 7: not a JSON value");
}

OG_TEST(json_nesting_capped)
{
    char deep[2100];
    memset(deep, '[', 1000);
    memset(deep + 1000, ']', 1000);
    OG_CHECK_STR(error_of(deep, 2000, 1000), "");
    OG_CHECK_STR(error_of(deep, 2000, 999),
                 "limit-exceeded|line 1, column 1000: JSON nested too deeply (max-depth)");
    OG_CHECK_STR(error_of("[[{\"a\":[1]}]]", 13, 3),
                 "limit-exceeded|line 1, column 8: JSON nested too deeply (max-depth)");
    OG_CHECK_STR(error_of("[[{\"a\":[1]}]]", 13, 4), "");
    /* the hard cap holds whatever the caller asks: no stack exhaustion */
    {
        size_t n = 200000;
        char *big = malloc(n);
        memset(big, '[', n);
        OG_CHECK(strncmp(error_of(big, n, 4000000), "limit-exceeded|line 1, column 1001:", 35) ==
                 0);
        free(big);
    }
}

OG_TEST(json_lookup_and_equality)
{
    og_arena a;
    char msg[600];
    og_json *x, *y, *z;
    og_arena_init(&a);
    x = parse_n(&a, "{\"p\":\"a\\u0000b\",\"q\":\"ok\",\"n\":[1,{\"k\":2}]}", 41, 8, msg,
                sizeof(msg));
    y = parse_n(&a, "{\"p\":\"a\\u0000b\", \"q\":\"ok\", \"n\":[1, {\"k\":2}]}", 44, 8, msg,
                sizeof(msg));
    z = parse_n(&a, "{\"p\":\"a\\u0000c\",\"q\":\"ok\",\"n\":[1,{\"k\":2}]}", 41, 8, msg,
                sizeof(msg));
    OG_CHECK(x && y && z);
    if (x && y && z) {
        OG_CHECK(og_json_get_str(x, "p") == NULL); /* holds a NUL */
        OG_CHECK_STR(og_json_get_str(x, "q"), "ok");
        OG_CHECK(og_json_get(x, "missing") == NULL);
        OG_CHECK(og_json_equal(x, y));
        OG_CHECK(!og_json_equal(x, z));
    }
    og_arena_free(&a);
}

/* og_json_strn on s[0..n) as a C string. */
static const char *written(const char *s, size_t n)
{
    static char out[200];
    char *mem = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&mem, &len);
    og_json_strn(f, s, n);
    fclose(f);
    snprintf(out, sizeof(out), "%s", mem ? mem : "");
    free(mem);
    return out;
}

/* The writer skips plain ASCII eight bytes at a time: a byte to escape (or UTF-8) is found
 * wherever it falls in or after such a block. */
OG_TEST(json_strings_escaped_at_every_position)
{
    static const struct {
        const char *in, *out;
    } special[] = {{"\"", "\\\""},      {"\\", "\\\\"},           {"\x01", "\\u0001"},
                   {"\x7f", "\\u007f"}, {"\xc3\xa9", "\xc3\xa9"}, {"\xff", "\\ufffd"},
                   {"\n", "\\u000a"}};
    for (size_t k = 0; k < OG_ARRAY_LEN(special); k++)
        for (size_t at = 0; at <= 20; at++) {
            char in[64], want[96];
            snprintf(in, sizeof(in), "%.*s%s%.*s", (int)at, "abcdefghijklmnopqrstuvwxyz",
                     special[k].in, (int)(20 - at), "ABCDEFGHIJKLMNOPQRSTUVWXYZ");
            snprintf(want, sizeof(want), "\"%.*s%s%.*s\"", (int)at, "abcdefghijklmnopqrstuvwxyz",
                     special[k].out, (int)(20 - at), "ABCDEFGHIJKLMNOPQRSTUVWXYZ");
            OG_CHECK_STR(written(in, strlen(in)), want);
        }
}
