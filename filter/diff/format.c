/*
 * format.c — odfgate diff's outputs (docs/diff.md): text (section by section, words marked
 * [-deleted-]{+inserted+}, or coloured on a terminal), stat (a line per changed section) and
 * JSON (the contract).  Document text is written through odfgate_fput_safe (text) or the
 * JSON string writer: no control or bidi character of a document reaches a terminal, and
 * the JSON is valid whatever bytes the documents hold.  Fields show as "[name]".
 */
#include "diff/diff.h"

#include "report/jsonw.h"

#include <errno.h>

#define RED   "\033[31m"
#define GREEN "\033[32m"
#define BOLD  "\033[1m"
#define RESET "\033[0m"

typedef struct out {
    const odfgate_diff *d;
    FILE *f;
    int color;
    og_buf show; /* og_diff_show's */
    int nomem;
} out;

static const char *slice(out *o, const char *s, uint32_t n)
{
    const char *t = og_diff_show(s, n, &o->show);
    if (!t)
        o->nomem = 1;
    return t ? t : "";
}

static void put(out *o, const char *s, uint32_t n) { odfgate_fput_safe(slice(o, s, n), o->f); }

static const og_unit *old_unit(const odfgate_diff *d, uint32_t u)
{
    return u == OG_NO ? NULL : &d->old.units[u];
}
static const og_unit *new_unit(const odfgate_diff *d, uint32_t u)
{
    return u == OG_NO ? NULL : &d->new_.units[u];
}

static const char *status_of(const og_sdiff *s)
{
    if (s->old_seg == OG_NO)
        return "added";
    if (s->new_seg == OG_NO)
        return "removed";
    return s->paras_ins || s->paras_del || s->paras_chg ? "changed" : "unchanged";
}

static int is_changed(const og_sdiff *s)
{
    return s->moved || strcmp(status_of(s), "unchanged") != 0;
}

/* The heading a section is known by: NEW's, else OLD's; NULL before the first heading. */
static const og_unit *heading_of(const odfgate_diff *d, const og_sdiff *s)
{
    return s->new_head != OG_NO ? new_unit(d, s->new_head) : old_unit(d, s->old_head);
}

static const char *kind_name(char k)
{
    return k == 'H' ? "heading" : k == 'N' ? "note" : "paragraph";
}

/* 1-based paragraph ordinal of a unit, as check's findings number them. */
static uint32_t ordinal(const og_side *side, const og_unit *u)
{
    return u && u->para < side->doc->para_count ? side->doc->paras[u->para].ordinal : 0;
}

static const char *label(const char *l, const og_side *side)
{
    return l ? l : side->doc->path ? side->doc->path : "-";
}

/* ------------------------------------------------------------------ text */

static void mark(out *o, int op, int open)
{
    if (o->color)
        fputs(open ? (op == OG_EDIT_DELETE ? RED : GREEN) : RESET, o->f);
    else
        fputs(open ? (op == OG_EDIT_DELETE ? "[-" : "{+") : (op == OG_EDIT_DELETE ? "-]" : "+}"),
              o->f);
}

/* Unchanged text around a change: this much on each side, cut at a space. */
#define CONTEXT 60

/* Is offset i of s inside a field (\x01…\x01)?  The run starts at a token boundary, so an odd
 * number of marks before i means inside. */
static int in_field(const char *s, uint32_t i)
{
    uint32_t marks = 0;
    for (uint32_t k = 0; k < i; k++)
        marks += s[k] == '\x01';
    return marks & 1;
}

/* The offset of a cut near `at` in s[0..n): the next space at or after it (forwards) or the
 * last one before it (backwards), never inside a field, else `at` moved off a UTF-8
 * continuation byte (and out of a field). */
static uint32_t cut_at(const char *s, uint32_t n, uint32_t at, int forwards)
{
    uint32_t i = at;
    if (forwards) {
        while (i < n && (s[i] != ' ' || in_field(s, i)) && i < at + 20)
            i++;
        if (i < n && s[i] == ' ' && !in_field(s, i))
            return i;
    } else {
        while (i > 0 && (s[i] != ' ' || in_field(s, i)) && i + 20 > at)
            i--;
        if (s[i] == ' ' && !in_field(s, i))
            return i + 1;
    }
    i = at;
    if (in_field(s, i)) { /* past the field's closing mark */
        const char *end = memchr(s + i, '\x01', n - i);
        i = end ? (uint32_t)(end - s) + 1 : n;
    }
    while (i < n && ((unsigned char)s[i] & 0xC0) == 0x80)
        i++;
    return i;
}

/* An unchanged run of a changed paragraph, shortened to CONTEXT bytes next to each change. */
static void text_equal(out *o, const char *s, uint32_t n, int first, int last)
{
    if (n <= 2 * CONTEXT + 10 || (first && last)) {
        put(o, s, n);
        return;
    }
    if (!first) { /* the text after the previous change */
        uint32_t end = cut_at(s, n, CONTEXT, 1);
        put(o, s, end);
    }
    fputs(first ? "…" : last ? " …" : " … ", o->f);
    if (!last) { /* the text before the next change */
        uint32_t from = cut_at(s, n, n - CONTEXT, 0);
        put(o, s + from, n - from);
    }
}

static void text_words(out *o, const og_edit *e)
{
    const odfgate_diff *d = o->d;
    const char *a = d->old.units[e->old_u].text, *b = d->new_.units[e->new_u].text;
    uint32_t end = e->word + e->word_count;
    for (uint32_t k = e->word; k < end; k++) {
        const og_dword *w = &d->words.items[k];
        const char *s = w->op == OG_EDIT_INSERT ? b : a;
        if (w->op == OG_EDIT_EQUAL) {
            text_equal(o, s + w->off, w->len, k == e->word, k + 1 == end);
            continue;
        }
        mark(o, w->op, 1);
        put(o, s + w->off, w->len);
        mark(o, w->op, 0);
    }
}

static void text_unit(out *o, const char *sign, int op, const og_side *side, const og_unit *u)
{
    fprintf(o->f, "  %s %s ", sign, kind_name(u->kind));
    if (u->para < side->doc->para_count)
        fprintf(o->f, "%s%u: ", side == &o->d->old ? "old " : "", ordinal(side, u));
    else
        fputs("(end): ", o->f);
    if (op != OG_EDIT_EQUAL)
        mark(o, op, 1);
    put(o, u->text, u->len);
    if (op != OG_EDIT_EQUAL)
        mark(o, op, 0);
    fputc('\n', o->f);
}

static void text_section_title(out *o, const og_sdiff *s)
{
    const odfgate_diff *d = o->d;
    const og_unit *h = heading_of(d, s);
    if (o->color)
        fputs(BOLD, o->f);
    fputs("§ ", o->f);
    if (h)
        put(o, h->text, h->len);
    else
        fputs("(before the first heading)", o->f);
    if (s->id) {
        fputs(" [", o->f);
        odfgate_fput_safe(s->id, o->f);
        fputc(']', o->f);
    }
    if (o->color)
        fputs(RESET, o->f);
    int quiet = s->moved && !strcmp(status_of(s), "unchanged"); /* "moved" says it */
    fprintf(o->f, ": %s", quiet ? "" : status_of(s));
    if (s->renamed) {
        fputs(", renamed from \"", o->f);
        put(o, d->old.units[s->old_head].text, d->old.units[s->old_head].len);
        fputc('"', o->f);
    }
    if (s->moved)
        fprintf(o->f, "%smoved (was section %u of %u, now %u of %u)%s", quiet ? "" : ", ",
                s->old_seg, d->old.seg_count - 1, s->new_seg, d->new_.seg_count - 1,
                quiet ? ", text unchanged" : "");
    if (s->ins || s->del)
        fprintf(o->f, "; %llu %s inserted, %llu deleted", (unsigned long long)s->ins,
                s->ins == 1 ? "word" : "words", (unsigned long long)s->del);
    fputc('\n', o->f);
}

static void text_section(out *o, const og_sdiff *s, int all)
{
    const odfgate_diff *d = o->d;
    if (s->moved_from || (!all && !is_changed(s)))
        return;
    if (s->old_seg == 0 && s->new_seg == 0 && !s->edit_count)
        return; /* no text before the first heading on either side */
    text_section_title(o, s);
    for (uint32_t k = s->edit; k < s->edit + s->edit_count; k++) {
        const og_edit *e = &d->edits.items[k];
        if (e->op == OG_EDIT_INSERT)
            text_unit(o, "+", e->op, &d->new_, new_unit(d, e->new_u));
        else if (e->op == OG_EDIT_DELETE)
            text_unit(o, "-", e->op, &d->old, old_unit(d, e->old_u));
        else if (e->op == OG_EDIT_CHANGE) {
            const og_unit *u = new_unit(d, e->new_u), *was = old_unit(d, e->old_u);
            fprintf(o->f, "  ~ %s ", kind_name(u->kind));
            if (u->para < d->new_.doc->para_count)
                fprintf(o->f, "%u", ordinal(&d->new_, u));
            if (was->kind != u->kind || was->level != u->level) /* "(was heading level 2)" */
                fprintf(o->f, was->kind == 'H' ? " (was %s level %d)" : " (was a %s)",
                        kind_name(was->kind), was->level);
            fputs(": ", o->f);
            text_words(o, e);
            fputc('\n', o->f);
        }
    }
}

static void summary_line(out *o)
{
    const odfgate_diff *d = o->d;
    if (!d->changed_sections) {
        fputs("no change in the text\n", o->f);
        return;
    }
    fprintf(o->f, "%u %s changed: %llu %s inserted, %llu deleted\n", d->changed_sections,
            d->changed_sections == 1 ? "section" : "sections", (unsigned long long)d->ins,
            d->ins == 1 ? "word" : "words", (unsigned long long)d->del);
}

static void write_text(out *o, const odfgate_diff_output *opt)
{
    const odfgate_diff *d = o->d;
    fputs("--- ", o->f);
    odfgate_fput_safe(label(opt->old_label, &d->old), o->f);
    fputs("\n+++ ", o->f);
    odfgate_fput_safe(label(opt->new_label, &d->new_), o->f);
    fputc('\n', o->f);
    for (size_t i = 0; i < d->sections.len; i++)
        text_section(o, &d->sections.items[i], opt->all);
    summary_line(o);
}

static void write_stat(out *o)
{
    const odfgate_diff *d = o->d;
    for (size_t i = 0; i < d->sections.len; i++) {
        const og_sdiff *s = &d->sections.items[i];
        if (s->moved_from || !is_changed(s))
            continue;
        const og_unit *h = heading_of(d, s);
        char cut[48];
        odfgate_escape(h ? slice(o, h->text, h->len) : "(before the first heading)", cut,
                       sizeof(cut));
        fprintf(o->f, " %-20.20s %-40s | +%-6llu -%-6llu %s%s%s\n", s->id ? s->id : "-", cut,
                (unsigned long long)s->ins, (unsigned long long)s->del, status_of(s),
                s->moved ? ", moved" : "", s->renamed ? ", renamed" : "");
    }
    summary_line(o);
}

/* ------------------------------------------------------------------ JSON */

static void json_text(out *o, const char *s, uint32_t n) { og_json_str(o->f, slice(o, s, n)); }

static void json_unit_member(out *o, const char *key, const og_unit *u)
{
    fputc(',', o->f);
    og_json_key(o->f, key);
    if (u)
        json_text(o, u->text, u->len);
    else
        fputs("null", o->f);
}

static void json_ordinal(out *o, const char *key, const og_side *side, const og_unit *u)
{
    fputc(',', o->f);
    og_json_key(o->f, key);
    if (u && u->para < side->doc->para_count)
        og_json_uint(o->f, ordinal(side, u));
    else
        fputs("null", o->f);
}

/* A heading's level, null for anything else or nothing. */
static void json_level(out *o, const char *key, const og_unit *u)
{
    fputc(',', o->f);
    og_json_key(o->f, key);
    if (u && u->kind == 'H')
        og_json_uint(o->f, u->level);
    else
        fputs("null", o->f);
}

static void json_edit(out *o, const og_edit *e, int first)
{
    const odfgate_diff *d = o->d;
    const og_unit *a = old_unit(d, e->old_u), *b = new_unit(d, e->new_u);
    static const char *const ops[] = {"equal", "insert", "delete", "change"};
    fputs(first ? "{" : ",{", o->f);
    og_json_member_str(o->f, 1, "op", ops[e->op]);
    og_json_member_str(o->f, 0, "kind", kind_name((b ? b : a)->kind));
    og_json_member_str(o->f, 0, "old_kind", a ? kind_name(a->kind) : NULL);
    json_level(o, "old_level", a);
    json_level(o, "new_level", b);
    json_ordinal(o, "old_paragraph", &d->old, a);
    json_ordinal(o, "new_paragraph", &d->new_, b);
    json_unit_member(o, "old", a);
    json_unit_member(o, "new", b);
    og_json_member_uint(o->f, 0, "words_inserted", e->ins);
    og_json_member_uint(o->f, 0, "words_deleted", e->del);
    if (e->op == OG_EDIT_CHANGE) {
        fputs(",\"words\":[", o->f);
        for (uint32_t k = e->word; k < e->word + e->word_count; k++) {
            const og_dword *w = &d->words.items[k];
            fputs(k == e->word ? "{" : ",{", o->f);
            og_json_member_str(o->f, 1, "op", ops[w->op]);
            fputc(',', o->f);
            og_json_key(o->f, "text");
            json_text(o, (w->op == OG_EDIT_INSERT ? b : a)->text + w->off, w->len);
            fputc('}', o->f);
        }
        fputc(']', o->f);
    }
    fputc('}', o->f);
}

static void json_position(out *o, const char *key, uint32_t seg)
{
    fputc(',', o->f);
    og_json_key(o->f, key);
    if (seg == OG_NO)
        fputs("null", o->f);
    else
        og_json_uint(o->f, seg);
}

static void json_section(out *o, const og_sdiff *s, int first)
{
    const odfgate_diff *d = o->d;
    const og_unit *h = heading_of(d, s);
    fputs(first ? "{" : ",{", o->f);
    og_json_member_str(o->f, 1, "id", s->id);
    og_json_member_str(o->f, 0, "status", status_of(s));
    og_json_member_bool(o->f, 0, "moved", s->moved);
    og_json_member_bool(o->f, 0, "renamed", s->renamed);
    json_unit_member(o, "old_heading", old_unit(d, s->old_head));
    json_unit_member(o, "new_heading", new_unit(d, s->new_head));
    fputs(",\"level\":", o->f);
    if (h)
        og_json_uint(o->f, h->level);
    else
        fputs("null", o->f);
    json_position(o, "old_position", s->old_seg);
    json_position(o, "new_position", s->new_seg);
    og_json_member_uint(o->f, 0, "words_inserted", s->ins);
    og_json_member_uint(o->f, 0, "words_deleted", s->del);
    og_json_member_uint(o->f, 0, "paragraphs_inserted", s->paras_ins);
    og_json_member_uint(o->f, 0, "paragraphs_deleted", s->paras_del);
    og_json_member_uint(o->f, 0, "paragraphs_changed", s->paras_chg);
    fputs(",\"edits\":[", o->f);
    int n = 0;
    for (uint32_t k = s->edit; k < s->edit + s->edit_count; k++)
        if (d->edits.items[k].op != OG_EDIT_EQUAL)
            json_edit(o, &d->edits.items[k], n++ == 0);
    fputs("]}", o->f);
}

static void write_json(out *o, const odfgate_diff_output *opt)
{
    const odfgate_diff *d = o->d;
    uint32_t added = 0, removed = 0, moved = 0, renamed = 0, pi = 0, pd = 0, pc = 0;
    for (size_t i = 0; i < d->sections.len; i++) {
        const og_sdiff *s = &d->sections.items[i];
        if (s->moved_from)
            continue;
        added += s->old_seg == OG_NO;
        removed += s->new_seg == OG_NO;
        moved += s->moved;
        renamed += s->renamed;
        pi += s->paras_ins;
        pd += s->paras_del;
        pc += s->paras_chg;
    }
    fputs("{\"old\":{", o->f);
    og_json_member_str(o->f, 1, "path", d->old.doc->path);
    og_json_member_str(o->f, 0, "label", label(opt->old_label, &d->old));
    fputs("},\"new\":{", o->f);
    og_json_member_str(o->f, 1, "path", d->new_.doc->path);
    og_json_member_str(o->f, 0, "label", label(opt->new_label, &d->new_));
    fputc('}', o->f);
    og_json_member_str(o->f, 0, "schema", d->schema_id);
    og_json_member_bool(o->f, 0, "changed", d->changed_sections > 0);
    fputs(",\"summary\":{", o->f);
    og_json_member_uint(o->f, 1, "sections_changed", d->changed_sections);
    og_json_member_uint(o->f, 0, "sections_added", added);
    og_json_member_uint(o->f, 0, "sections_removed", removed);
    og_json_member_uint(o->f, 0, "sections_moved", moved);
    og_json_member_uint(o->f, 0, "sections_renamed", renamed);
    og_json_member_uint(o->f, 0, "paragraphs_inserted", pi);
    og_json_member_uint(o->f, 0, "paragraphs_deleted", pd);
    og_json_member_uint(o->f, 0, "paragraphs_changed", pc);
    og_json_member_uint(o->f, 0, "words_inserted", d->ins);
    og_json_member_uint(o->f, 0, "words_deleted", d->del);
    fputs("},\"sections\":[", o->f);
    int n = 0;
    for (size_t i = 0; i < d->sections.len; i++)
        if (!d->sections.items[i].moved_from)
            json_section(o, &d->sections.items[i], n++ == 0);
    fputs("]}\n", o->f);
}

odfgate_status odfgate_diff_write(const odfgate_diff *d, odfgate_diff_format format,
                                  const odfgate_diff_output *opt, FILE *f, odfgate_error *err)
{
    OG_ERR_LOCAL(err);
    odfgate_diff_output none = {0};
    out o = {d, f, 0, {0}, 0};
    if (!d || !f)
        return og_fail(err, ODFGATE_E_USAGE, NULL, NULL, "missing argument");
    if (!opt)
        opt = &none;
    o.color = opt->color && format == ODFGATE_DIFF_TEXT;
    og_buf_init(&o.show, SIZE_MAX / 2);
    if (format == ODFGATE_DIFF_JSON)
        write_json(&o, opt);
    else if (format == ODFGATE_DIFF_STAT)
        write_stat(&o);
    else
        write_text(&o, opt);
    og_buf_free(&o.show);
    if (o.nomem)
        return og_fail(err, ODFGATE_E_NOMEM, d->new_.doc->path, NULL, "out of memory");
    if (fflush(f) != 0 || ferror(f))
        return og_fail(err, ODFGATE_E_IO, NULL, NULL, "cannot write the comparison: %s",
                       strerror(errno));
    return ODFGATE_OK;
}
