/*
 * format-text.c — the overview on a terminal: the matrix fitted to the width (state words,
 * or short codes with a legend when the words do not fit; paths cut at the left), then who
 * still has to act, the blockers, the waivers in force, what changed, and a summary.  Text
 * from documents goes through odfgate_escape (no control or bidi character reaches the
 * terminal); colour only when asked (a terminal, not NO_COLOR).
 */
#include "overview/overview.h"

#define MAX_LISTED 10 /* documents named per blocker (the json and html formats name all) */

static const char *const words[] = {"approved",    "rejected",  "stale",   "missing",
                                    "sig-invalid", "untrusted", "unsigned"};
static const char *const codes[] = {"ok", "rej", "stale", "-", "inv", "untr", "unsg"};
static const char *const colours[] = {"32", "31", "33", "2", "1;31", "35", "33"};

typedef struct layout {
    const char *const *labels;
    size_t path_w, *col_w;
} layout;

/* Characters (code points) in UTF-8 s. */
static size_t chars(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += ((unsigned char)*s & 0xc0) != 0x80;
    return n;
}

/* s past its first n characters. */
static const char *skip_chars(const char *s, size_t n)
{
    for (; *s && n; n--)
        for (s++; ((unsigned char)*s & 0xc0) == 0x80; s++)
            ;
    return s;
}

/* s, escaped, in exactly w characters (0: as long as it is): cut at the left (paths: the end
 * names the file) or at the right, with "…"; padded with spaces unless last. */
static void put_fit(FILE *o, const char *s, size_t w, int cut_left, int last)
{
    char esc[4096];
    size_t n;
    odfgate_escape(s ? s : "", esc, sizeof(esc));
    n = chars(esc);
    if (w && n > w) {
        if (cut_left) {
            fputs("…", o);
            fputs(skip_chars(esc, n - (w - 1)), o);
        } else {
            fwrite(esc, 1, (size_t)(skip_chars(esc, w - 1) - esc), o);
            fputs("…", o);
        }
        n = w;
    } else {
        fputs(esc, o);
    }
    for (; !last && n < w; n++)
        fputc(' ', o);
}

static void colour_on(const og_overview *ov, FILE *o, const char *code)
{
    if (ov->opt.color)
        fprintf(o, "\033[%sm", code);
}

static void colour_off(const og_overview *ov, FILE *o)
{
    if (ov->opt.color)
        fputs("\033[0m", o);
}

#define VERDICT_W 12
#define QUORUM_W  7

static int plan(const og_overview *ov, layout *l)
{
    size_t width = ov->opt.width ? ov->opt.width : 100, longest = 8, fixed;
    if (!(l->col_w = calloc(ov->col_count + 1, sizeof(size_t))))
        return -1;
    for (size_t i = 0; i < ov->row_count; i++)
        if (chars(ov->rows[i].path) > longest)
            longest = chars(ov->rows[i].path);
    for (int pass = 0; pass < 2; pass++) {
        l->labels = pass ? codes : words;
        fixed = VERDICT_W + QUORUM_W;
        for (size_t c = 0; c < ov->col_count; c++) {
            size_t w = chars(ov->cols[c].id);
            for (size_t k = 0; k < OG_ARRAY_LEN(words); k++)
                if (strlen(l->labels[k]) > w)
                    w = strlen(l->labels[k]);
            l->col_w[c] = w;
            fixed += w + 1;
        }
        l->path_w = width > fixed + 1 ? width - fixed - 1 : 0;
        if (l->path_w > longest)
            l->path_w = longest;
        if (l->path_w >= 24 || l->path_w == longest)
            break;
    }
    if (l->path_w < 16)
        l->path_w = 16; /* too narrow for everything: the line wraps rather than lose the path */
    return 0;
}

static void header(const og_overview *ov, FILE *o, const layout *l)
{
    put_fit(o, "DOCUMENT", l->path_w, 0, 0);
    fputc(' ', o);
    put_fit(o, "VERDICT", VERDICT_W, 0, 0);
    put_fit(o, "QUORUM", QUORUM_W, 0, ov->col_count == 0);
    for (size_t c = 0; c < ov->col_count; c++) {
        put_fit(o, ov->cols[c].id, l->col_w[c], 0, c + 1 == ov->col_count);
        if (c + 1 < ov->col_count)
            fputc(' ', o);
    }
    fputc('\n', o);
}

static void row_line(const og_overview *ov, FILE *o, const layout *l, const ov_row *r)
{
    char verdict[64], quorum[32];
    put_fit(o, r->path, l->path_w, 1, 0);
    fputc(' ', o);
    if (r->status == OV_ERROR) {
        colour_on(ov, o, "31");
        fputs("error: ", o);
        colour_off(ov, o);
        put_fit(o, r->error_message, 0, 0, 1);
        fputc('\n', o);
        return;
    }
    snprintf(verdict, sizeof(verdict), "%s %zuE %zuW", r->status == OV_PASS ? "pass" : "fail",
             r->errors, r->warnings);
    colour_on(ov, o, r->status == OV_PASS ? "32" : "31");
    put_fit(o, verdict, VERDICT_W, 0, 0);
    colour_off(ov, o);
    if (r->required)
        snprintf(quorum, sizeof(quorum), "%zu/%zu%s", r->approvals, r->required,
                 r->approvals >= r->required ? "" : "!");
    else
        snprintf(quorum, sizeof(quorum), "-");
    put_fit(o, quorum, QUORUM_W, 0, ov->col_count == 0);
    for (size_t c = 0; c < ov->col_count; c++) {
        const ov_cell *cell = ov_cell_at(r, c);
        int last = c + 1 == ov->col_count;
        if (!cell) {
            put_fit(o, "", l->col_w[c], 0, last);
        } else {
            colour_on(ov, o, colours[cell->state]);
            put_fit(o, l->labels[cell->state], l->col_w[c], 0, last);
            colour_off(ov, o);
        }
        if (!last)
            fputc(' ', o);
    }
    fputc('\n', o);
}

static void cell_detail(FILE *o, const ov_cell *cell)
{
    fprintf(o, "  %s", odfgate_signatory_state_name(cell->state));
    if (cell->state == ODFGATE_SIGNATORY_STALE) {
        fputs(" (changed:", o);
        for (size_t k = 0; k < cell->changed_count; k++) {
            fputc(' ', o);
            odfgate_fput_safe(cell->changed[k], o);
        }
        fputs(cell->changed_outside ? " text outside the sections)" : ")", o);
    }
    if (cell->by) {
        fputs(", by ", o);
        odfgate_fput_safe(cell->by, o);
        fputs(cell->at ? ", " : "", o);
        odfgate_fput_safe(cell->at, o);
    }
    fputc('\n', o);
}

static void chase(const og_overview *ov, FILE *o)
{
    int any = 0;
    for (size_t c = 0; c < ov->col_count; c++) {
        size_t n = 0;
        for (size_t i = 0; i < ov->row_count; i++) {
            const ov_cell *cell = ov_cell_at(&ov->rows[i], c);
            n += cell && ov_awaiting(cell->state);
        }
        if (!n)
            continue;
        if (!any++)
            fputs("\nWho still has to act\n", o);
        fputs("  ", o);
        odfgate_fput_safe(ov->cols[c].id, o);
        fputs(" (", o);
        odfgate_fput_safe(ov->cols[c].name, o);
        fprintf(o, "): %zu document%s\n", n, n == 1 ? "" : "s");
        for (size_t i = 0; i < ov->row_count; i++) {
            const ov_cell *cell = ov_cell_at(&ov->rows[i], c);
            if (!cell || !ov_awaiting(cell->state))
                continue;
            fputs("    ", o);
            odfgate_fput_safe(ov->rows[i].path, o);
            cell_detail(o, cell);
        }
    }
}

typedef struct text_ctx {
    FILE *o;
    int any;
} text_ctx;

static void blocker(void *ctx, const char *rule, odfgate_severity sev, const ov_row *const *rows,
                    const size_t *counts, size_t n)
{
    text_ctx *t = ctx;
    if (!t->any++)
        fputs("\nBlockers (findings that fail documents, by rule)\n", t->o);
    fprintf(t->o, "  %s (%s): %zu document%s:", rule, odfgate_severity_name(sev), n,
            n == 1 ? "" : "s");
    for (size_t i = 0; i < n && i < MAX_LISTED; i++) {
        fputs(i ? ", " : " ", t->o);
        odfgate_fput_safe(rows[i]->path, t->o);
        if (counts[i] > 1)
            fprintf(t->o, " (%zu)", counts[i]);
    }
    if (n > MAX_LISTED)
        fprintf(t->o, " and %zu more", n - MAX_LISTED);
    fputc('\n', t->o);
}

static void waivers(const og_overview *ov, FILE *o)
{
    int any = 0;
    for (size_t i = 0; i < ov->row_count; i++)
        for (size_t k = 0; k < ov->rows[i].waiver_count; k++) {
            const ov_tally *w = &ov->rows[i].waivers[k];
            if (!any++)
                fputs("\nWaivers in force\n", o);
            fputs("  ", o);
            odfgate_fput_safe(ov->rows[i].path, o);
            fprintf(o, ": %s", w->rule);
            if (w->count > 1)
                fprintf(o, " (%zu findings)", w->count);
            fputs(": ", o);
            odfgate_fput_safe(w->reason, o);
            fputc('\n', o);
        }
}

static void changes(const og_overview *ov, FILE *o)
{
    static const char *const what[] = {"added", "gone", "newly failing", "newly passing"};
    if (!ov->since_name)
        return;
    fputs("\nChanges since ", o);
    odfgate_fput_safe(ov->since_name, o);
    fputc('\n', o);
    if (!ov->change_count)
        fputs("  none\n", o);
    for (size_t i = 0; i < ov->change_count; i++) {
        const ov_change *c = &ov->changes[i];
        fputs("  ", o);
        odfgate_fput_safe(c->path, o);
        if (c->kind == OV_CELL) {
            fputs(": ", o);
            odfgate_fput_safe(c->signatory, o);
            fputs(" ", o);
            odfgate_fput_safe(c->from, o);
            fputs(" -> ", o);
            odfgate_fput_safe(c->to, o);
            fputs(strcmp(c->to, "approved") == 0 ? " (newly signed)\n"
                  : strcmp(c->to, "stale") == 0  ? " (newly stale)\n"
                                                 : "\n",
                  o);
        } else {
            fprintf(o, ": %s\n", what[c->kind]);
        }
    }
}

/* What the short codes mean, wrapped to the width. */
static void legend(const og_overview *ov, FILE *o)
{
    size_t width = ov->opt.width ? ov->opt.width : 100, at = 0;
    for (size_t k = 0; k < OG_ARRAY_LEN(codes); k++) {
        char item[64];
        size_t n = (size_t)snprintf(item, sizeof(item), "%s%s = %s", k ? ", " : "", codes[k],
                                    odfgate_signatory_state_name((odfgate_signatory_state)k));
        if (at && at + n > width) {
            fputc('\n', o);
            at = 0;
            n -= 2; /* no ", " at the start of a line */
            fputs(item + 2, o);
        } else {
            fputs(item, o);
        }
        at += n;
    }
    fputc('\n', o);
}

static void text_begin(og_overview *ov, FILE *o)
{
    (void)ov;
    (void)o;
}

static void text_end(og_overview *ov, FILE *o)
{
    layout l = {0};
    text_ctx t = {o, 0};
    if (plan(ov, &l) < 0) {
        ov->nomem = 1;
        return;
    }
    header(ov, o, &l);
    for (size_t i = 0; i < ov->row_count; i++)
        row_line(ov, o, &l, &ov->rows[i]);
    if (l.labels == codes)
        legend(ov, o);
    chase(ov, o);
    if (ov_each_blocker(ov, blocker, &t) < 0)
        ov->nomem = 1;
    waivers(ov, o);
    changes(ov, o);
    fprintf(o, "\n%zu document%s: %zu ready, %zu not ready (%zu failing, %zu unreadable)\n",
            ov->ready + ov->not_ready, ov->ready + ov->not_ready == 1 ? "" : "s", ov->ready,
            ov->not_ready, ov->failed, ov->errors);
    free(l.col_w);
}

const ov_format ov_format_text = {"text", 1, text_begin, NULL, text_end};
