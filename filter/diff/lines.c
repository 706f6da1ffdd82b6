/*
 * lines.c — the alignments diff.h needs, by libgit2's buffer diff (git's xdiff), and the word
 * tokens a changed paragraph is aligned by.
 *
 * Each side is written as one buffer, a line per unit or token, and diffed with no context
 * lines: every hunk is a differing run, and what lies between hunks is equal, in order.  A
 * line is not the text itself but a number naming it (equal texts, equal numbers): a text
 * can hold a newline (a field's attribute value), which would split it into two lines and
 * send xdiff's line numbers past the units; hunks are checked against both counts too.
 * Paragraphs use patience (prose has few repeated lines, and patience keeps moved blocks
 * apart); word tokens use Myers, minimal up to MINIMAL_TOKENS a side (xdiff's heuristic gives
 * up on long runs of changes and reports unchanged words as deleted and inserted again), with
 * the heuristic beyond (its time stays near linear on a huge paragraph).  GIT_DIFF_FORCE_TEXT: a
 * field's \x01 marks must not make a buffer "binary".
 */
#include "diff/diff.h"

#include "text/text.h"

#include "base/git2api.h"

#define MINIMAL_TOKENS 20000

static int is_space(uint32_t cp) { return og_cp_is_space(cp); }

void og_diff_tokens(const char *s, uint32_t n, og_token_fn fn, void *ctx)
{
    uint32_t i = 0;
    while (i < n) {
        uint32_t start = i, cp;
        if (s[i] == '\x01') { /* a field: up to its closing mark */
            const char *end = memchr(s + i + 1, '\x01', n - i - 1);
            i = end ? (uint32_t)(end - s) + 1 : n;
            fn(ctx, start, i - start);
            continue;
        }
        size_t k = og_utf8_decode(s + i, n - i, &cp);
        i += (uint32_t)k;
        if (og_cp_is_word(cp)) {
            while (i < n && s[i] != '\x01' && (k = og_utf8_decode(s + i, n - i, &cp)) &&
                   og_cp_is_word(cp))
                i += (uint32_t)k;
        } else if (is_space(cp)) {
            while (i < n && (k = og_utf8_decode(s + i, n - i, &cp)) && is_space(cp))
                i += (uint32_t)k;
        }
        fn(ctx, start, i - start);
    }
}

int og_diff_is_word(const char *s, uint32_t n)
{
    uint32_t cp;
    if (n && s[0] == '\x01')
        return 1;
    return n && og_utf8_decode(s, n, &cp) && og_cp_is_word(cp);
}

typedef struct counter {
    const char *s;
    uint32_t n;
} counter;

static void count_one(void *ctx, uint32_t off, uint32_t len)
{
    counter *c = ctx;
    c->n += (uint32_t)og_diff_is_word(c->s + off, len);
}

uint32_t og_diff_word_count(const char *s, uint32_t n)
{
    counter c = {s, 0};
    og_diff_tokens(s, n, count_one, &c);
    return c.n;
}

const char *og_diff_show(const char *s, uint32_t n, og_buf *out)
{
    og_buf_reset(out);
    for (uint32_t i = 0; i < n; i++) {
        const char *end = s[i] == '\x01' ? memchr(s + i + 1, '\x01', n - i - 1) : NULL;
        if (end) { /* "[date]": the field's element name, its attributes left out */
            const char *sp = memchr(s + i + 1, ' ', (size_t)(end - s - i - 1));
            const char *stop = sp ? sp : end;
            if (og_buf_addc(out, '[') || og_buf_add(out, s + i + 1, (size_t)(stop - s - i - 1)) ||
                og_buf_addc(out, ']'))
                return NULL;
            i = (uint32_t)(end - s);
        } else if (og_buf_addc(out, s[i])) {
            return NULL;
        }
    }
    if (og_buf_addc(out, '\0'))
        return NULL;
    return out->data;
}

/* ------------------------------------------------------------------ libgit2 */

typedef struct hunks {
    og_hunk_fn fn;
    void *ctx;
    uint32_t na, nb;
    int failed;
} hunks;

/* xdiff numbers lines from 1; an empty side's start is the line it follows. */
static uint32_t from_of(int start, int lines) { return (uint32_t)(lines ? start - 1 : start); }

static int on_hunk(const git_diff_delta *delta, const git_diff_hunk *h, void *payload)
{
    hunks *hk = payload;
    uint32_t a = from_of(h->old_start, h->old_lines), b = from_of(h->new_start, h->new_lines);
    (void)delta;
    if (h->old_lines < 0 || h->new_lines < 0 || h->old_start < 0 || h->new_start < 0 ||
        a > hk->na || (uint32_t)h->old_lines > hk->na - a || b > hk->nb ||
        (uint32_t)h->new_lines > hk->nb - b) { /* never: the lines are ours */
        hk->failed = 1;
        return -1;
    }
    if (hk->fn(hk->ctx, from_of(h->old_start, h->old_lines), (uint32_t)h->old_lines,
               from_of(h->new_start, h->new_lines), (uint32_t)h->new_lines) < 0) {
        hk->failed = 1;
        return -1;
    }
    return 0;
}

typedef struct line_ref {
    const char *s;
    uint32_t len, at; /* at: index over both sides (a's first) */
} line_ref;

static int by_text(const void *x, const void *y)
{
    const line_ref *a = x, *b = y;
    if (a->len != b->len)
        return a->len < b->len ? -1 : 1;
    int c = memcmp(a->s, b->s, a->len);
    return c ? c : (a->at < b->at ? -1 : a->at > b->at);
}

/* Each side as a line per text, the line a number that names the text. */
static int number_lines(const char *const *a, const uint32_t *alen, uint32_t na,
                        const char *const *b, const uint32_t *blen, uint32_t nb, og_buf *x,
                        og_buf *y)
{
    size_t n = (size_t)na + nb;
    line_ref *r = malloc((n + 1) * sizeof(line_ref));
    uint32_t *id = malloc((n + 1) * sizeof(uint32_t));
    int rc = -1;
    if (!r || !id)
        goto done;
    for (uint32_t i = 0; i < na; i++)
        r[i] = (line_ref){a[i], alen[i], i};
    for (uint32_t i = 0; i < nb; i++)
        r[na + i] = (line_ref){b[i], blen[i], na + i};
    qsort(r, n, sizeof(line_ref), by_text);
    for (size_t k = 0, next = 0; k < n; k++) {
        if (k && (r[k].len != r[k - 1].len || memcmp(r[k].s, r[k - 1].s, r[k].len)))
            next++;
        id[r[k].at] = (uint32_t)next;
    }
    for (size_t k = 0; k < n; k++) {
        char num[16];
        int m = snprintf(num, sizeof(num), "%x\n", id[k]);
        if (og_buf_add(k < na ? x : y, num, (size_t)m))
            goto done;
    }
    rc = 0;
done:
    free(r);
    free(id);
    return rc;
}

int og_diff_lines(const char *const *a, const uint32_t *alen, uint32_t na, const char *const *b,
                  const uint32_t *blen, uint32_t nb, int words, og_hunk_fn hunk, void *ctx)
{
    og_buf x, y;
    git_diff_options o;
    hunks hk = {hunk, ctx, na, nb, 0};
    int rc = -1;

    og_buf_init(&x, SIZE_MAX / 2);
    og_buf_init(&y, SIZE_MAX / 2);
    if (number_lines(a, alen, na, b, blen, nb, &x, &y) < 0 ||
        git_diff_options_init(&o, GIT_DIFF_OPTIONS_VERSION) < 0)
        goto done;
    o.context_lines = 0;
    o.interhunk_lines = 0;
    o.flags =
        GIT_DIFF_FORCE_TEXT | (!words                                         ? GIT_DIFF_PATIENCE
                               : na <= MINIMAL_TOKENS && nb <= MINIMAL_TOKENS ? GIT_DIFF_MINIMAL
                                                                              : 0);
    rc = git_diff_buffers(x.data ? x.data : "", x.len, NULL, y.data ? y.data : "", y.len, NULL, &o,
                          NULL, NULL, on_hunk, NULL, &hk);
    rc = rc < 0 || hk.failed ? -1 : 0;
done:
    og_buf_free(&x);
    og_buf_free(&y);
    return rc;
}
