/* test-diff.c — odfgate diff's word tokens, word counts, field display and the libgit2 line
 * alignment it is built on (filter/diff/lines.c). */
#include "unit.h"

#include "diff/diff.h"

#include "base/git2api.h"

typedef struct joined {
    char out[512];
    size_t len;
    const char *s;
} joined;

static void join_tok(void *ctx, uint32_t off, uint32_t len)
{
    joined *j = ctx;
    j->len += (size_t)snprintf(j->out + j->len, sizeof(j->out) - j->len, "%s%.*s",
                               j->len ? "|" : "", (int)len, j->s + off);
}

static const char *tokens(const char *s, joined *j)
{
    j->len = 0;
    j->out[0] = '\0';
    j->s = s;
    og_diff_tokens(s, (uint32_t)strlen(s), join_tok, j);
    return j->out;
}

OG_TEST(diff_tokens_are_words_spaces_and_single_marks)
{
    joined j;
    OG_CHECK_STR(tokens("The parties will work", &j), "The| |parties| |will| |work");
    OG_CHECK_STR(tokens("planned, commissioned", &j), "planned|,| |commissioned");
    OG_CHECK_STR(tokens("don't  stop", &j), "don|'|t|  |stop");
    OG_CHECK_STR(tokens("Année 2027", &j), "Année| |2027");
    OG_CHECK_STR(tokens("on \x01"
                        "date date-adjust=P1D\x01 today",
                        &j),
                 "on| |\x01"
                 "date date-adjust=P1D\x01| |today");
    OG_CHECK_STR(tokens("\x01unclosed", &j), "\x01unclosed");
    OG_CHECK_STR(tokens("", &j), "");
}

OG_TEST(diff_word_count_counts_words_and_fields)
{
    OG_CHECK_INT(og_diff_word_count("The parties, together.", 22), 3);
    OG_CHECK_INT(og_diff_word_count("\x01page-number\x01 of 3", 18), 3); /* [page-number] of 3 */
    OG_CHECK_INT(og_diff_word_count(" , . ", 5), 0);
}

OG_TEST(diff_show_names_fields)
{
    og_buf b;
    og_buf_init(&b, 1 << 16);
    const char *s = "Printed \x01"
                    "date date-adjust=P1D\x01 on \x01page-number\x01.";
    OG_CHECK_STR(og_diff_show(s, (uint32_t)strlen(s), &b), "Printed [date] on [page-number].");
    OG_CHECK_STR(og_diff_show("plain", 5, &b), "plain");
    og_buf_free(&b);
}

typedef struct hunks {
    char out[256];
    size_t len;
} hunks;

static int on_hunk(void *ctx, uint32_t a, uint32_t an, uint32_t b, uint32_t bn)
{
    hunks *h = ctx;
    h->len +=
        (size_t)snprintf(h->out + h->len, sizeof(h->out) - h->len, "[%u+%u %u+%u]", a, an, b, bn);
    return 0;
}

static const char *align(const char *const *a, uint32_t na, const char *const *b, uint32_t nb,
                         int words, hunks *h)
{
    uint32_t la[8], lb[8];
    for (uint32_t i = 0; i < na; i++)
        la[i] = (uint32_t)strlen(a[i]);
    for (uint32_t i = 0; i < nb; i++)
        lb[i] = (uint32_t)strlen(b[i]);
    h->len = 0;
    h->out[0] = '\0';
    if (og_diff_lines(a, la, na, b, lb, nb, words, on_hunk, h) < 0)
        return "(failed)";
    return h->out;
}

OG_TEST(diff_lines_gives_the_differing_runs_zero_based)
{
    hunks h;
    const char *a[] = {"one", "two", "three", "four"};
    const char *b[] = {"one", "2", "three", "four", "five"};
    const char *c[] = {"zero", "one", "two", "three", "four"};
    git_libgit2_init();
    OG_CHECK_STR(align(a, 4, a, 4, 0, &h), "");
    OG_CHECK_STR(align(a, 4, b, 5, 0, &h), "[1+1 1+1][4+0 4+1]");
    OG_CHECK_STR(align(a, 4, c, 5, 1, &h), "[0+0 0+1]"); /* inserted before all */
    OG_CHECK_STR(align(c, 5, a, 4, 1, &h), "[0+1 0+0]"); /* deleted first */
    OG_CHECK_STR(align(a, 0, a, 2, 0, &h), "[0+0 0+2]"); /* from nothing */
    const char *f[] = {"\x01"
                       "date\x01",
                       "x"},
               *g[] = {"\x01"
                       "time\x01",
                       "x"};
    OG_CHECK_STR(align(f, 2, g, 2, 1, &h), "[0+1 0+1]"); /* field marks are text, not binary */
    git_libgit2_shutdown();
}
