/* model.c — the comparison of two documents (diff.h, docs/diff.md). */
#include "diff/diff.h"

#include "base/siphash.h"
#include "schema/headings.h"
#include "text/text.h"

#include "base/git2api.h"

#define MAX_ITEMS (SIZE_MAX / 64)
/* Leftover segments compared pairwise for a renamed heading outside the schema: at most this
 * many pairs (beyond it they are added and removed, which is still a true account). */
#define MAX_RENAME_PAIRS 4096
/* A deleted paragraph is looked for among the next inserted ones of its hunk up to here. */
#define PAIR_WINDOW 8

/* ------------------------------------------------------------------ units and segments */

typedef OG_VEC(og_unit) unit_vec;

static int add_unit(odfgate_diff *d, unit_vec *v, char kind, int level, const char *text,
                    uint32_t len, uint32_t para, uint32_t aux)
{
    char tag[8];
    int tn = kind == 'H' ? snprintf(tag, sizeof(tag), "H%d", level)
                         : snprintf(tag, sizeof(tag), "%c", kind);
    char *line = og_arena_alloc(&d->arena, (size_t)tn + 1 + len + 1);
    if (!line)
        return -1;
    memcpy(line, tag, (size_t)tn);
    line[tn] = ' ';
    memcpy(line + tn + 1, text, len);
    line[tn + 1 + len] = '\0';
    og_unit u = {line, line + tn + 1, len, (uint32_t)tn + 1 + len, kind, (uint8_t)level, para, aux};
    return OG_VEC_PUSH(v, u, MAX_ITEMS) ? -1 : 0;
}

static const char *v2(const char *text, uint32_t len, const char *vtext, uint32_t vlen, uint32_t *n)
{
    *n = vtext ? vlen : len;
    return vtext ? vtext : text;
}

/* The units of a document, as og_canonical_range lists its lines (version 2). */
static int read_units(odfgate_diff *d, og_side *side)
{
    const odfgate_doc *doc = side->doc;
    unit_vec v = {0};
    uint32_t k = 0, n;
    for (uint32_t i = 0; i <= doc->para_count; i++) {
        if (i < doc->para_count) {
            const og_para *p = &doc->paras[i];
            const char *t = v2(p->text, p->len, p->vtext, p->vlen, &n);
            if (p->heading >= 0 && (p->len || p->vtext)) {
                if (add_unit(d, &v, 'H', doc->headings[p->heading].level, t, n, i, OG_NO))
                    goto nomem;
            } else if (n && add_unit(d, &v, 'P', 0, t, n, i, OG_NO)) {
                goto nomem;
            }
        }
        for (; k < doc->aux_count && doc->aux[k].anchor <= i; k++) {
            const og_aux *a = &doc->aux[k];
            const char *t = v2(a->text, a->len, a->vtext, a->vlen, &n);
            if (a->anchor == i && n && add_unit(d, &v, 'N', 0, t, n, i, k))
                goto nomem;
        }
    }
    side->unit_count = (uint32_t)v.len;
    side->units = og_arena_alloc(&d->arena, (v.len + 1) * sizeof(og_unit));
    if (!side->units)
        goto nomem;
    if (v.len)
        memcpy(side->units, v.items, v.len * sizeof(og_unit));
    free(v.items);
    return 0;
nomem:
    free(v.items);
    return -1;
}

/* Segments: the text before the first heading, then one per heading unit. */
static int cut_segments(odfgate_diff *d, og_side *side, const odfgate_schema *schema)
{
    const odfgate_doc *doc = side->doc;
    uint32_t heads = 0;
    size_t *hm = malloc((doc->heading_count + 1) * sizeof(size_t));
    size_t *sh = malloc((schema->section_count + 1) * sizeof(size_t));
    og_buf key;
    int rc = -1;
    og_buf_init(&key, 1u << 20);
    for (uint32_t u = 0; u < side->unit_count; u++)
        heads += side->units[u].kind == 'H';
    side->seg_count = heads + 1;
    side->seg_start = og_arena_alloc(&d->arena, (heads + 2) * sizeof(uint32_t));
    side->seg_id = og_arena_zalloc(&d->arena, (heads + 1) * sizeof(char *));
    side->seg_key = og_arena_zalloc(&d->arena, (heads + 1) * sizeof(char *));
    if (!hm || !sh || !side->seg_start || !side->seg_id || !side->seg_key ||
        og_match_headings(doc, schema, hm, sh) < 0)
        goto done;
    side->seg_start[0] = 0;
    side->seg_key[0] = "";
    for (uint32_t u = 0, s = 0; u < side->unit_count; u++) {
        const og_unit *un = &side->units[u];
        if (un->kind != 'H')
            continue;
        s++;
        side->seg_start[s] = u;
        int32_t h = doc->paras[un->para].heading;
        size_t sec = h >= 0 ? hm[h] : OG_NONE;
        side->seg_id[s] = sec != OG_NONE ? schema->sections[sec].id : NULL;
        /* the canonical text's heading (fields as their definitions): a date shown in a heading
         * must not make it another section */
        int krc = og_heading_key(un->text, &key);
        if (krc == OG_BUF_NOMEM)
            goto done;
        side->seg_key[s] = og_arena_strdup(&d->arena, krc == OG_BUF_OK && key.data ? key.data : "");
        if (!side->seg_key[s])
            goto done;
    }
    side->seg_start[side->seg_count] = side->unit_count;
    rc = 0;
done:
    og_buf_free(&key);
    free(hm);
    free(sh);
    return rc;
}

static uint32_t seg_len(const og_side *s, uint32_t seg)
{
    return s->seg_start[seg + 1] - s->seg_start[seg];
}
/* The segment's heading unit, or OG_NO (the first segment). */
static uint32_t seg_head(const og_side *s, uint32_t seg)
{
    return seg && seg_len(s, seg) ? s->seg_start[seg] : OG_NO;
}

/* ------------------------------------------------------------------ pairing segments */

typedef struct keyed {
    const char *kind; /* "s" schema section, "h" heading key */
    const char *key;
    uint32_t seg, occ;
} keyed;

static int by_key(const void *a, const void *b)
{
    const keyed *x = a, *y = b;
    int c = strcmp(x->kind, y->kind);
    if (!c)
        c = strcmp(x->key, y->key);
    if (!c)
        c = x->seg < y->seg ? -1 : x->seg > y->seg;
    return c;
}

static keyed *keys_of(const og_side *s)
{
    keyed *k = malloc((s->seg_count + 1) * sizeof(keyed));
    if (!k)
        return NULL;
    for (uint32_t i = 1; i < s->seg_count; i++)
        k[i - 1] =
            s->seg_id[i] ? (keyed){"s", s->seg_id[i], i, 0} : (keyed){"h", s->seg_key[i], i, 0};
    qsort(k, s->seg_count - 1, sizeof(keyed), by_key);
    for (uint32_t i = 1; i + 1 < s->seg_count; i++) /* the n-th heading with this key */
        if (!strcmp(k[i].kind, k[i - 1].kind) && !strcmp(k[i].key, k[i - 1].key))
            k[i].occ = k[i - 1].occ + 1;
    return k;
}

static int cmp_keyed(const keyed *x, const keyed *y)
{
    int c = strcmp(x->kind, y->kind);
    if (!c)
        c = strcmp(x->key, y->key);
    if (!c)
        c = x->occ < y->occ ? -1 : x->occ > y->occ;
    return c;
}

/* Pair segments with the same schema section or heading key (and occurrence). */
static int pair_by_key(const odfgate_diff *d, uint32_t *old_pair, uint32_t *new_pair)
{
    keyed *a = keys_of(&d->old), *b = keys_of(&d->new_);
    uint32_t na = d->old.seg_count - 1, nb = d->new_.seg_count - 1, i = 0, j = 0;
    if (!a || !b) {
        free(a);
        free(b);
        return -1;
    }
    old_pair[0] = 0;
    new_pair[0] = 0;
    while (i < na && j < nb) {
        int c = cmp_keyed(&a[i], &b[j]);
        if (c == 0) {
            old_pair[a[i].seg] = b[j].seg;
            new_pair[b[j].seg] = a[i].seg;
            i++, j++;
        } else if (c < 0) {
            i++;
        } else {
            j++;
        }
    }
    free(a);
    free(b);
    return 0;
}

static uint64_t hash_of(const char *s, size_t n) { return og_siphash24(og_hash_secret(), s, n); }

static int by_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

/* Hashes of a segment's body lines, sorted. */
static uint64_t *body_hashes(const og_side *s, uint32_t seg, uint32_t *n)
{
    uint32_t from = s->seg_start[seg] + (seg_head(s, seg) != OG_NO), to = s->seg_start[seg + 1];
    uint64_t *h = malloc(((size_t)(to - from) + 1) * sizeof(uint64_t));
    if (!h)
        return NULL;
    for (uint32_t u = from; u < to; u++)
        h[u - from] = hash_of(s->units[u].line, s->units[u].line_len);
    qsort(h, to - from, sizeof(uint64_t), by_u64);
    *n = to - from;
    return h;
}

static uint32_t common_sorted(const uint64_t *a, uint32_t na, const uint64_t *b, uint32_t nb)
{
    uint32_t i = 0, j = 0, c = 0;
    while (i < na && j < nb) {
        if (a[i] == b[j])
            c++, i++, j++;
        else if (a[i] < b[j])
            i++;
        else
            j++;
    }
    return c;
}

/* A leftover new segment takes the leftover old one of the same heading level whose body
 * lines it shares most (at least half of the longer body): a heading renamed outside the
 * schema.  Schema sections are never re-paired this way (their identity is the schema's).
 * Each body is hashed and sorted once; the comparisons stop after RENAME_WORK lines in all
 * (beyond, the rest stay added and removed: still a true account). */
#define RENAME_WORK (4u << 20)

typedef struct body {
    uint64_t *h;
    uint32_t n, seg;
} body;

static int leftovers(const og_side *s, const uint32_t *pair, body **out, uint32_t *count)
{
    body *b = calloc(s->seg_count + 1, sizeof(body));
    *count = 0;
    if (!b)
        return -1;
    for (uint32_t i = 1; i < s->seg_count; i++) {
        if (pair[i] != OG_NO || s->seg_id[i])
            continue;
        b[*count].seg = i;
        if (!(b[*count].h = body_hashes(s, i, &b[*count].n))) {
            for (uint32_t k = 0; k < *count; k++)
                free(b[k].h);
            free(b);
            return -1;
        }
        (*count)++;
    }
    *out = b;
    return 0;
}

static int pair_renamed(const odfgate_diff *d, uint32_t *old_pair, uint32_t *new_pair)
{
    body *bo = NULL, *bn = NULL;
    uint32_t lo = 0, ln = 0;
    uint64_t work = 0;
    int rc = -1;
    if (leftovers(&d->old, old_pair, &bo, &lo) < 0 || leftovers(&d->new_, new_pair, &bn, &ln) < 0)
        goto done;
    int pairwise = (uint64_t)lo * ln <= MAX_RENAME_PAIRS; /* else too many to try */
    for (uint32_t j = 0; j < ln && pairwise; j++) {
        uint32_t best = OG_NO, best_c = 0,
                 nlevel = d->new_.units[d->new_.seg_start[bn[j].seg]].level;
        for (uint32_t i = 0; i < lo && bn[j].n && work < RENAME_WORK; i++) {
            if (old_pair[bo[i].seg] != OG_NO ||
                d->old.units[d->old.seg_start[bo[i].seg]].level != nlevel)
                continue;
            work += (uint64_t)bo[i].n + bn[j].n;
            uint32_t c = common_sorted(bo[i].h, bo[i].n, bn[j].h, bn[j].n);
            if (2 * (uint64_t)c >= (bo[i].n > bn[j].n ? bo[i].n : bn[j].n) && c > best_c)
                best = bo[i].seg, best_c = c;
        }
        if (best != OG_NO) {
            old_pair[best] = bn[j].seg;
            new_pair[bn[j].seg] = best;
        }
    }
    rc = 0;
done:
    for (uint32_t k = 0; bo && k < lo; k++)
        free(bo[k].h);
    for (uint32_t k = 0; bn && k < ln; k++)
        free(bn[k].h);
    free(bo);
    free(bn);
    return rc;
}

/* Pairs in NEW's order whose OLD indices do not increase are moved: keep a longest
 * increasing run (patience sorting, n log n) and mark the others. */
static int mark_moved(const odfgate_diff *d, const uint32_t *new_pair, uint8_t *stable)
{
    uint32_t n = d->new_.seg_count, len = 0;
    uint32_t *tail = malloc((n + 1) * sizeof(uint32_t)), *prev = malloc((n + 1) * sizeof(uint32_t));
    if (!tail || !prev) {
        free(tail);
        free(prev);
        return -1;
    }
    for (uint32_t j = 0; j < n; j++) {
        stable[j] = 0;
        if (new_pair[j] == OG_NO)
            continue;
        uint32_t lo = 0, hi = len;
        while (lo < hi) { /* first tail whose old index is >= ours */
            uint32_t mid = (lo + hi) / 2;
            if (new_pair[tail[mid]] < new_pair[j])
                lo = mid + 1;
            else
                hi = mid;
        }
        prev[j] = lo ? tail[lo - 1] : OG_NO;
        tail[lo] = j;
        if (lo == len)
            len++;
    }
    for (uint32_t j = len ? tail[len - 1] : OG_NO; j != OG_NO; j = prev[j])
        stable[j] = 1;
    free(tail);
    free(prev);
    return 0;
}

/* ------------------------------------------------------------------ edits */

static int push_edit(odfgate_diff *d, og_edit e)
{
    return OG_VEC_PUSH(&d->edits, e, UINT32_MAX - 1) ? -1 : 0;
}

static int push_word(odfgate_diff *d, uint8_t op, uint32_t off, uint32_t len)
{
    og_dword *last = d->words.len > d->word_floor ? &d->words.items[d->words.len - 1] : NULL;
    if (last && last->op == op && last->off + last->len == off) { /* extend the run */
        last->len += len;
        return 0;
    }
    og_dword w = {op, off, len};
    return OG_VEC_PUSH(&d->words, w, UINT32_MAX - 1) ? -1 : 0;
}

typedef struct toks {
    const char *s;
    OG_VEC(const char *) p;
    OG_VEC(uint32_t) n;
    int failed;
} toks;

static void add_tok(void *ctx, uint32_t off, uint32_t len)
{
    toks *t = ctx;
    if (OG_VEC_PUSH(&t->p, t->s + off, MAX_ITEMS) || OG_VEC_PUSH(&t->n, len, MAX_ITEMS))
        t->failed = 1;
}

static void toks_free(toks *t)
{
    free(t->p.items);
    free(t->n.items);
}

typedef struct wdiff {
    odfgate_diff *d;
    toks *a, *b;
    uint32_t ai, bi; /* next tokens not yet emitted */
    uint32_t ins, del;
} wdiff;

static int equal_until(wdiff *w, uint32_t a_to)
{
    for (; w->ai < a_to; w->ai++, w->bi++)
        if (push_word(w->d, OG_EDIT_EQUAL, (uint32_t)(w->a->p.items[w->ai] - w->a->s),
                      w->a->n.items[w->ai]))
            return -1;
    return 0;
}

static int word_hunk(void *ctx, uint32_t a_from, uint32_t a_n, uint32_t b_from, uint32_t b_n)
{
    wdiff *w = ctx;
    (void)b_from;
    if (equal_until(w, a_from) < 0)
        return -1;
    for (uint32_t k = 0; k < a_n; k++, w->ai++) {
        const char *p = w->a->p.items[w->ai];
        w->del += (uint32_t)og_diff_is_word(p, w->a->n.items[w->ai]);
        if (push_word(w->d, OG_EDIT_DELETE, (uint32_t)(p - w->a->s), w->a->n.items[w->ai]))
            return -1;
    }
    for (uint32_t k = 0; k < b_n; k++, w->bi++) {
        const char *p = w->b->p.items[w->bi];
        w->ins += (uint32_t)og_diff_is_word(p, w->b->n.items[w->bi]);
        if (push_word(w->d, OG_EDIT_INSERT, (uint32_t)(p - w->b->s), w->b->n.items[w->bi]))
            return -1;
    }
    return 0;
}

/* A changed paragraph: its words aligned. */
static int push_change(odfgate_diff *d, uint32_t ou, uint32_t nu)
{
    const og_unit *a = &d->old.units[ou], *b = &d->new_.units[nu];
    toks ta = {a->text, {0}, {0}, 0}, tb = {b->text, {0}, {0}, 0};
    wdiff w = {d, &ta, &tb, 0, 0, 0, 0};
    og_edit e = {OG_EDIT_CHANGE, ou, nu, (uint32_t)d->words.len, 0, 0, 0};
    int rc = -1;
    og_diff_tokens(a->text, a->len, add_tok, &ta);
    og_diff_tokens(b->text, b->len, add_tok, &tb);
    if (ta.failed || tb.failed)
        goto done;
    size_t first = d->words.len;
    d->word_floor = first; /* a fresh run: never merged with the previous paragraph's words */
    if (og_diff_lines(ta.p.items, ta.n.items, (uint32_t)ta.p.len, tb.p.items, tb.n.items,
                      (uint32_t)tb.p.len, 1, word_hunk, &w) < 0 ||
        equal_until(&w, (uint32_t)ta.p.len) < 0)
        goto done;
    e.word = (uint32_t)first;
    e.word_count = (uint32_t)(d->words.len - first);
    e.ins = w.ins;
    e.del = w.del;
    if (b->kind != a->kind || b->level != a->level || e.ins || e.del || e.word_count != 1 ||
        d->words.items[first].op != OG_EDIT_EQUAL)
        rc = push_edit(d, e);
    else
        rc = push_edit(d, (og_edit){OG_EDIT_EQUAL, ou, nu, 0, 0, 0, 0});
done:
    toks_free(&ta);
    toks_free(&tb);
    return rc;
}

static int push_whole(odfgate_diff *d, uint8_t op, uint32_t u)
{
    const og_unit *un = op == OG_EDIT_INSERT ? &d->new_.units[u] : &d->old.units[u];
    uint32_t w = og_diff_word_count(un->text, un->len);
    og_edit e = {op, op == OG_EDIT_DELETE ? u : OG_NO, op == OG_EDIT_INSERT ? u : OG_NO, 0,
                 0,  op == OG_EDIT_INSERT ? w : 0,     op == OG_EDIT_DELETE ? w : 0};
    return push_edit(d, e);
}

/* Is one paragraph an edit of the other?  They share most of their words (the Dice
 * coefficient of their word multisets is at least 0.5), or one of at least 5 words is nearly
 * all in the other (80%: sentences added to a paragraph, or cut from it). */
static int similar(const og_unit *a, const og_unit *b)
{
    toks ta = {a->text, {0}, {0}, 0}, tb = {b->text, {0}, {0}, 0};
    uint64_t *ha = NULL, *hb = NULL;
    uint32_t na = 0, nb = 0;
    int yes = 0;
    og_diff_tokens(a->text, a->len, add_tok, &ta);
    og_diff_tokens(b->text, b->len, add_tok, &tb);
    ha = malloc((ta.p.len + 1) * sizeof(uint64_t));
    hb = malloc((tb.p.len + 1) * sizeof(uint64_t));
    if (!ta.failed && !tb.failed && ha && hb) {
        for (size_t i = 0; i < ta.p.len; i++)
            if (og_diff_is_word(ta.p.items[i], ta.n.items[i]))
                ha[na++] = hash_of(ta.p.items[i], ta.n.items[i]);
        for (size_t i = 0; i < tb.p.len; i++)
            if (og_diff_is_word(tb.p.items[i], tb.n.items[i]))
                hb[nb++] = hash_of(tb.p.items[i], tb.n.items[i]);
        qsort(ha, na, sizeof(uint64_t), by_u64);
        qsort(hb, nb, sizeof(uint64_t), by_u64);
        size_t c = common_sorted(ha, na, hb, nb), shorter = na < nb ? na : nb;
        yes = na + nb ? 4 * c >= (size_t)na + nb || (shorter >= 5 && 5 * c >= 4 * shorter) : 1;
    }
    free(ha);
    free(hb);
    toks_free(&ta);
    toks_free(&tb);
    return yes;
}

typedef struct pdiff {
    odfgate_diff *d;
    uint32_t ob, nb; /* first body unit of each side */
    uint32_t oi, ni; /* next units (relative) not yet emitted */
} pdiff;

static int para_equal_until(pdiff *p, uint32_t o_to)
{
    for (; p->oi < o_to; p->oi++, p->ni++)
        if (push_edit(p->d, (og_edit){OG_EDIT_EQUAL, p->ob + p->oi, p->nb + p->ni, 0, 0, 0, 0}))
            return -1;
    return 0;
}

/* A differing run: each deleted paragraph becomes a changed one when one of the next inserted
 * paragraphs (up to PAIR_WINDOW) shares most of its words; the rest are deleted and inserted. */
static int para_hunk(void *ctx, uint32_t o_from, uint32_t o_n, uint32_t n_from, uint32_t n_n)
{
    pdiff *p = ctx;
    odfgate_diff *d = p->d;
    uint32_t j = 0;
    if (para_equal_until(p, o_from) < 0)
        return -1;
    (void)n_from;
    for (uint32_t i = 0; i < o_n; i++) {
        uint32_t ou = p->ob + p->oi + i, found = OG_NO;
        for (uint32_t k = j; k < n_n && k < j + PAIR_WINDOW && found == OG_NO; k++)
            if (similar(&d->old.units[ou], &d->new_.units[p->nb + p->ni + k]))
                found = k;
        if (found == OG_NO) {
            if (push_whole(d, OG_EDIT_DELETE, ou))
                return -1;
            continue;
        }
        for (; j < found; j++)
            if (push_whole(d, OG_EDIT_INSERT, p->nb + p->ni + j))
                return -1;
        if (push_change(d, ou, p->nb + p->ni + found))
            return -1;
        j = found + 1;
    }
    for (; j < n_n; j++)
        if (push_whole(d, OG_EDIT_INSERT, p->nb + p->ni + j))
            return -1;
    p->oi += o_n;
    p->ni += n_n;
    return 0;
}

/* The edits of a pair of segments: the headings, then the bodies aligned. */
static int diff_pair(odfgate_diff *d, og_sdiff *sd)
{
    const og_side *o = &d->old, *n = &d->new_;
    uint32_t oh = seg_head(o, sd->old_seg), nh = seg_head(n, sd->new_seg);
    uint32_t ob = o->seg_start[sd->old_seg] + (oh != OG_NO), oe = o->seg_start[sd->old_seg + 1];
    uint32_t nb = n->seg_start[sd->new_seg] + (nh != OG_NO), ne = n->seg_start[sd->new_seg + 1];
    if (oh != OG_NO && nh != OG_NO) {
        sd->renamed = strcmp(o->units[oh].text, n->units[nh].text) != 0;
        if (push_change(d, oh, nh))
            return -1;
    }
    const char **la = malloc(((size_t)(oe - ob) + 1) * sizeof(char *));
    const char **lb = malloc(((size_t)(ne - nb) + 1) * sizeof(char *));
    uint32_t *na = malloc(((size_t)(oe - ob) + 1) * sizeof(uint32_t));
    uint32_t *nn = malloc(((size_t)(ne - nb) + 1) * sizeof(uint32_t));
    pdiff p = {d, ob, nb, 0, 0};
    int rc = -1;
    if (!la || !lb || !na || !nn)
        goto done;
    for (uint32_t u = ob; u < oe; u++)
        la[u - ob] = o->units[u].line, na[u - ob] = o->units[u].line_len;
    for (uint32_t u = nb; u < ne; u++)
        lb[u - nb] = n->units[u].line, nn[u - nb] = n->units[u].line_len;
    if (og_diff_lines(la, na, oe - ob, lb, nn, ne - nb, 0, para_hunk, &p) < 0 ||
        para_equal_until(&p, oe - ob) < 0)
        goto done;
    rc = 0;
done:
    free(la);
    free(lb);
    free(na);
    free(nn);
    return rc;
}

static int whole_segment(odfgate_diff *d, uint8_t op, uint32_t seg)
{
    const og_side *s = op == OG_EDIT_INSERT ? &d->new_ : &d->old;
    for (uint32_t u = s->seg_start[seg]; u < s->seg_start[seg + 1]; u++)
        if (push_whole(d, op, u))
            return -1;
    return 0;
}

/* Fill a section's edits and tallies. */
static int fill(odfgate_diff *d, og_sdiff *sd)
{
    sd->edit = (uint32_t)d->edits.len;
    int rc = sd->old_seg == OG_NO   ? whole_segment(d, OG_EDIT_INSERT, sd->new_seg)
             : sd->new_seg == OG_NO ? whole_segment(d, OG_EDIT_DELETE, sd->old_seg)
                                    : diff_pair(d, sd);
    if (rc < 0)
        return -1;
    sd->edit_count = (uint32_t)(d->edits.len - sd->edit);
    for (uint32_t k = sd->edit; k < sd->edit + sd->edit_count; k++) {
        const og_edit *e = &d->edits.items[k];
        sd->ins += e->ins;
        sd->del += e->del;
        sd->paras_ins += e->op == OG_EDIT_INSERT;
        sd->paras_del += e->op == OG_EDIT_DELETE;
        sd->paras_chg += e->op == OG_EDIT_CHANGE;
    }
    return 0;
}

static int push_section(odfgate_diff *d, uint32_t old_seg, uint32_t new_seg, int moved,
                        int moved_from)
{
    og_sdiff sd = {0};
    sd.old_seg = old_seg;
    sd.new_seg = new_seg;
    sd.old_head = old_seg == OG_NO ? OG_NO : seg_head(&d->old, old_seg);
    sd.new_head = new_seg == OG_NO ? OG_NO : seg_head(&d->new_, new_seg);
    sd.id = new_seg != OG_NO && d->new_.seg_id[new_seg] ? d->new_.seg_id[new_seg]
            : old_seg != OG_NO                          ? d->old.seg_id[old_seg]
                                                        : NULL;
    sd.moved = (uint8_t)moved;
    sd.moved_from = (uint8_t)moved_from;
    if (moved_from) { /* the place a moved segment left: only the redline uses it */
        sd.new_seg = OG_NO;
        sd.new_head = OG_NO;
    }
    if (fill(d, &sd) < 0)
        return -1;
    if (moved_from)
        sd.ins = sd.del = sd.paras_ins = sd.paras_del = sd.paras_chg = 0;
    if (OG_VEC_PUSH(&d->sections, sd, UINT32_MAX - 1))
        return -1;
    if (!moved_from && (sd.moved || sd.renamed || sd.ins || sd.del || sd.paras_ins ||
                        sd.paras_del || sd.paras_chg || old_seg == OG_NO || new_seg == OG_NO)) {
        d->changed_sections++;
        d->ins += sd.ins;
        d->del += sd.del;
    }
    return 0;
}

/* After the stable pair of NEW segment j: the OLD segments that follow its OLD half up to the
 * next stable one (removed, or the old place of a moved one), in OLD's order.  Stable pairs
 * are in the same order on both sides, so one cursor over OLD serves every call. */
static int emit_left_behind(odfgate_diff *d, const uint32_t *old_pair, const uint8_t *stable,
                            uint32_t *cursor)
{
    for (; *cursor < d->old.seg_count; (*cursor)++) {
        uint32_t i = *cursor, j = old_pair[i];
        if (j != OG_NO && stable[j])
            break;
        if (j == OG_NO ? push_section(d, i, OG_NO, 0, 0) : push_section(d, i, j, 1, 1))
            return -1;
    }
    return 0;
}

static int build(odfgate_diff *d)
{
    uint32_t no = d->old.seg_count, nn = d->new_.seg_count;
    uint32_t *old_pair = malloc(no * sizeof(uint32_t)), *new_pair = malloc(nn * sizeof(uint32_t));
    uint8_t *stable = malloc(nn);
    int rc = -1;
    if (!old_pair || !new_pair || !stable)
        goto done;
    for (uint32_t i = 0; i < no; i++)
        old_pair[i] = OG_NO;
    for (uint32_t j = 0; j < nn; j++)
        new_pair[j] = OG_NO;
    if (pair_by_key(d, old_pair, new_pair) < 0 || pair_renamed(d, old_pair, new_pair) < 0 ||
        mark_moved(d, new_pair, stable) < 0)
        goto done;
    /* the first segment is always a stable pair (both have one, and no pair comes before it) */
    for (uint32_t j = 0, cursor = 0; j < nn; j++) {
        if (push_section(d, new_pair[j], j, new_pair[j] != OG_NO && !stable[j], 0) < 0)
            goto done;
        cursor += stable[j]; /* past this pair's OLD half (the cursor stands on it) */
        if (stable[j] && emit_left_behind(d, old_pair, stable, &cursor) < 0)
            goto done;
    }
    rc = 0;
done:
    free(old_pair);
    free(new_pair);
    free(stable);
    return rc;
}

odfgate_status odfgate_diff_new(const odfgate_doc *old, const odfgate_doc *new_,
                                const odfgate_schema *schema, odfgate_diff **out,
                                odfgate_error *err)
{
    OG_ERR_LOCAL(err);
    *out = NULL;
    if (!old || !new_ || !schema)
        return og_fail(err, ODFGATE_E_USAGE, NULL, NULL, "missing argument");
    const char *no_git2 = og_git2_error(); /* the word diff is libgit2's, loaded on first use */
    if (no_git2)
        return og_fail(err, ODFGATE_E_GIT, new_->path, NULL, "cannot compare with %s: %s",
                       old->path, no_git2);
    odfgate_diff *d = calloc(1, sizeof(*d));
    if (!d)
        return og_fail(err, ODFGATE_E_NOMEM, new_->path, NULL, "out of memory");
    og_arena_init(&d->arena);
    git_libgit2_init();
    d->old.doc = old;
    d->new_.doc = new_;
    d->schema_id = schema->id;
    if (read_units(d, &d->old) < 0 || read_units(d, &d->new_) < 0 ||
        cut_segments(d, &d->old, schema) < 0 || cut_segments(d, &d->new_, schema) < 0 ||
        build(d) < 0) {
        odfgate_diff_free(d);
        return og_fail(err, ODFGATE_E_NOMEM, new_->path, NULL, "out of memory comparing with %s",
                       old->path);
    }
    *out = d;
    return ODFGATE_OK;
}

void odfgate_diff_free(odfgate_diff *d)
{
    if (!d)
        return;
    free(d->edits.items);
    free(d->words.items);
    free(d->sections.items);
    og_arena_free(&d->arena);
    free(d);
    git_libgit2_shutdown();
}

int odfgate_diff_changed(const odfgate_diff *d) { return d && d->changed_sections > 0; }
