/* clause.c — standard clauses: words, loading, and finding them, see clause.h. */
#include "schema/clause.h"

#include "text/text.h"
#include "base/vec.h"

#define OG_CLAUSE_MAX_WORDS 20000

int og_words_cut(og_arena *a, const char *s, size_t n, og_word **out, size_t *count)
{
    OG_VEC(og_word) v = {0};
    size_t i = 0;
    *out = NULL;
    *count = 0;
    while (i < n) {
        uint32_t cp;
        size_t k = og_utf8_decode(s + i, n - i, &cp), start = i;
        if (!og_cp_is_word(cp)) {
            i += k;
            continue;
        }
        while (i < n) {
            k = og_utf8_decode(s + i, n - i, &cp);
            if (!og_cp_is_word(cp))
                break;
            i += k;
        }
        og_word w = {s + start, (uint32_t)(i - start)};
        if (OG_VEC_PUSH(&v, w, SIZE_MAX / sizeof(og_word)) < 0) {
            free(v.items);
            return -1;
        }
    }
    if (v.len) {
        if (!(*out = og_arena_alloc(a, v.len * sizeof(og_word)))) {
            free(v.items);
            return -1;
        }
        memcpy(*out, v.items, v.len * sizeof(og_word));
    }
    *count = v.len;
    free(v.items);
    return 0;
}

int og_clause_load(odfgate_schema *s, og_clause *c, const char *data, size_t len, const char *where,
                   odfgate_error *err)
{
    og_buf b;
    const char *text;
    if (!og_utf8_valid(data, len))
        return og_fail(err, ODFGATE_E_SCHEMA, where, NULL, "clause %s: the text is not UTF-8",
                       c->id),
               -1;
    og_buf_init(&b, OG_CLAUSE_MAX_FILE);
    if (og_text_fold(data, len, &b) != OG_BUF_OK ||
        !(text = og_arena_strndup(&s->arena, b.data ? b.data : "", b.len)) ||
        og_words_cut(&s->arena, text, b.len, &c->words, &c->word_count) < 0) {
        og_buf_free(&b);
        return og_fail(err, ODFGATE_E_NOMEM, where, NULL, "out of memory"), -1;
    }
    og_buf_free(&b);
    if (c->word_count == 0)
        return og_fail(err, ODFGATE_E_SCHEMA, where, NULL, "clause %s: the text has no words",
                       c->id),
               -1;
    if (c->word_count > OG_CLAUSE_MAX_WORDS)
        return og_fail(err, ODFGATE_E_LIMIT, where, NULL, "clause %s: more than %d words", c->id,
                       OG_CLAUSE_MAX_WORDS),
               -1;
    return 0;
}

static int same(const og_word *a, const og_word *b)
{
    return a->len == b->len && memcmp(a->at, b->at, a->len) == 0;
}

static size_t exact(const og_word *c, size_t m, const og_word *t, size_t n)
{
    for (size_t j = 0; j + m <= n; j++) {
        size_t i = 0;
        while (i < m && same(&c[i], &t[j + i]))
            i++;
        if (i == m)
            return j;
    }
    return SIZE_MAX;
}

/* Edit operations of the alignment, in text order. */
enum { OP_SAME = 0, OP_SUB, OP_DEL /* clause word absent */, OP_INS /* section word added */ };

static void add_words(og_buf *d, const og_word *w, const size_t *idx, size_t k)
{
    for (size_t i = 0; i < k && i < 6; i++)
        og_buf_printf(d, "%s%.*s", i ? " " : "", (int)w[idx[i]].len, w[idx[i]].at);
    if (k > 6)
        og_buf_adds(d, " …");
}

/* Render at most three hunks: "context [-removed-] {+added+} context". */
static int render(const og_word *c, const og_word *t, const unsigned char *ops, const size_t *ci,
                  const size_t *tj, size_t nops, og_buf *d)
{
    size_t hunks = 0, extra = 0;
    size_t *del = malloc((nops + 1) * sizeof(size_t)), *ins = malloc((nops + 1) * sizeof(size_t));
    if (!del || !ins) {
        free(del);
        free(ins);
        return -1;
    }
    for (size_t k = 0; k < nops;) {
        if (ops[k] == OP_SAME) {
            k++;
            continue;
        }
        size_t nd = 0, ni = 0, start = k;
        while (k < nops && ops[k] != OP_SAME) {
            if (ops[k] == OP_SUB || ops[k] == OP_DEL)
                del[nd++] = ci[k];
            if (ops[k] == OP_SUB || ops[k] == OP_INS)
                ins[ni++] = tj[k];
            k++;
        }
        if (hunks == 3) {
            extra++;
            continue;
        }
        if (hunks)
            og_buf_adds(d, "; ");
        og_buf_adds(d, "\"");
        if (start > 0)
            og_buf_printf(d, "… %.*s ", (int)c[ci[start - 1]].len, c[ci[start - 1]].at);
        if (nd) {
            og_buf_adds(d, "[-");
            add_words(d, c, del, nd);
            og_buf_adds(d, "-]");
        }
        if (ni) {
            og_buf_adds(d, nd ? " {+" : "{+");
            add_words(d, t, ins, ni);
            og_buf_adds(d, "+}");
        }
        if (k < nops)
            og_buf_printf(d, " %.*s …", (int)c[ci[k]].len, c[ci[k]].at);
        og_buf_adds(d, "\"");
        hunks++;
    }
    if (extra)
        og_buf_printf(d, " and %zu more change%s", extra, extra == 1 ? "" : "s");
    free(del);
    free(ins);
    return 0;
}

int og_clause_find(const og_word *c, size_t m, const og_word *t, size_t n, og_buf *diff, size_t *at)
{
    uint16_t *D;
    size_t W = n + 1, best_j = 0, i, j;
    unsigned char *ops;
    size_t *ci, *tj, nops = 0;
    int rc;

    if ((*at = exact(c, m, t, n)) != SIZE_MAX)
        return OG_CLAUSE_PRESENT;
    if (n == 0)
        return OG_CLAUSE_MISSING;
    if (m > 60000 || (m + 1) > OG_CLAUSE_MAX_CELLS / W)
        return OG_CLAUSE_TOO_LONG;
    if (!(D = malloc((m + 1) * W * sizeof(uint16_t))))
        return -1;
    for (j = 0; j <= n; j++)
        D[j] = 0; /* free start anywhere in the section */
    for (i = 1; i <= m; i++) {
        uint16_t *row = D + i * W, *up = row - W;
        row[0] = (uint16_t)i;
        for (j = 1; j <= n; j++) {
            uint16_t v = (uint16_t)(up[j - 1] + !same(&c[i - 1], &t[j - 1]));
            if (up[j] + 1 < v)
                v = (uint16_t)(up[j] + 1);
            if (row[j - 1] + 1 < v)
                v = (uint16_t)(row[j - 1] + 1);
            row[j] = v;
        }
    }
    for (j = 1; j <= n; j++) /* free end */
        if (D[m * W + j] < D[m * W + best_j])
            best_j = j;
    if (D[m * W + best_j] * 2 > m) {
        free(D);
        return OG_CLAUSE_MISSING;
    }
    ops = malloc(m + n + 1);
    ci = malloc((m + n + 1) * sizeof(size_t));
    tj = malloc((m + n + 1) * sizeof(size_t));
    if (!ops || !ci || !tj) {
        free(D);
        free(ops);
        free(ci);
        free(tj);
        return -1;
    }
    /* trace back from (m, best_j) to row 0; operations collected in reverse */
    i = m;
    j = best_j;
    while (i > 0) {
        uint16_t v = D[i * W + j];
        if (j > 0 && v == D[(i - 1) * W + j - 1] + !same(&c[i - 1], &t[j - 1])) {
            ops[nops] = same(&c[i - 1], &t[j - 1]) ? OP_SAME : OP_SUB;
            ci[nops] = i - 1;
            tj[nops++] = j - 1;
            i--, j--;
        } else if (v == D[(i - 1) * W + j] + 1) {
            ops[nops] = OP_DEL;
            ci[nops] = i - 1;
            tj[nops++] = j;
            i--;
        } else {
            ops[nops] = OP_INS;
            ci[nops] = i;
            tj[nops++] = j - 1;
            j--;
        }
    }
    *at = j;
    for (size_t a = 0, b = nops ? nops - 1 : 0; a < b; a++, b--) {
        unsigned char o = ops[a];
        size_t x = ci[a], y = tj[a];
        ops[a] = ops[b], ci[a] = ci[b], tj[a] = tj[b];
        ops[b] = o, ci[b] = x, tj[b] = y;
    }
    /* a hunk's context word is the clause word before it: ci of an insertion is the next
     * clause word, so use the previous operation's clause index (see render) */
    rc = render(c, t, ops, ci, tj, nops, diff) < 0 ? -1 : OG_CLAUSE_MODIFIED;
    free(D);
    free(ops);
    free(ci);
    free(tj);
    return rc;
}
