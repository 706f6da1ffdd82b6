/*
 * redline.c — odfgate diff --format odt: NEW with the differences from OLD as ODF tracked
 * changes (ODF 1.2 part 1 §5.5), so that a reader reviews them in LibreOffice's Manage
 * Changes; Accept All gives NEW's canonical text, Reject All OLD's (docs/diff.md).
 *
 * content.xml of NEW is copied node by node (xmlcopy.c), paragraphs found by their element
 * index (og_para.node).  The forms are the ones LibreOffice 7.4 imports so that Accept and
 * Reject give back each paragraph with its style and outline level (tests/diff/lo.sh; the
 * findings are in docs/diff.md):
 *   - inserted headings and paragraphs: a region from the end of the paragraph before (a
 *     change-start there) to the end of the inserted one; at the start of the document, or
 *     next to a table cell, from its own start to its own end (rejecting that leaves an empty
 *     paragraph: no canonical text);
 *   - deleted headings and paragraphs: one deletion region holding an empty paragraph (the
 *     break) and then them (as text:h / text:p with their styles), marked at the end of the
 *     NEW paragraph before them; before the first NEW paragraph, them and then a paragraph
 *     like that host, marked at its start;
 *   - a changed paragraph of plain text (text, spans, text:s, soft page breaks): rewritten
 *     word by word, each inserted run between change-start/end, each deleted run a deletion
 *     marked where it was.  Its spans' character formatting is not carried over (the redline
 *     is for review; NEW itself is never touched);
 *   - any other changed paragraph (fields, notes, frames, links, comments, tabs …): kept
 *     whole as an insertion, with its OLD text as a deletion marked at its start.
 * Notes and text boxes (canonical 'N' lines) are not marked: *unmarked counts them.
 * text:tracked-changes (track-changes="false": LibreOffice would record on open otherwise)
 * goes first in office:text after office:forms, the order the OASIS schema requires.  Every
 * other part is copied raw (a signature is dropped: content.xml changed); the write is atomic.
 */
#include "base/internal.h"

#include "base/buf.h"
#include "base/vec.h"
#include "check/signoff.h"
#include "diff/diff.h"
#include "read/package.h"
#include "read/xml.h"
#include "write/pkgwrite.h"
#include "write/xmlcopy.h"

#define OG_REDLINE_AUTHOR "odfgate diff"

typedef enum region_kind {
    RG_INSERT,      /* an insertion (marks: change-start … change-end) */
    RG_DEL_AFTER,   /* deleted paragraphs after the marked one: <p/> then them */
    RG_DEL_BEFORE,  /* deleted paragraphs before the marked one: them, then a host-like <p/> */
    RG_DEL_WORDS,   /* a run of deleted words (inline) */
    RG_DEL_OLD_TEXT /* a changed paragraph's OLD text (inline) */
} region_kind;

typedef struct region {
    uint8_t kind;
    uint32_t from, n;     /* RG_DEL_AFTER/BEFORE: OLD units in redline.dels */
    uint32_t unit;        /* RG_DEL_WORDS/OLD_TEXT: the OLD unit */
    const og_dword *word; /* RG_DEL_WORDS: the run */
    uint32_t host;        /* RG_DEL_BEFORE: the NEW paragraph marked */
} region;

typedef struct mark_item {
    uint8_t el;  /* 0 text:change, 1 text:change-start, 2 text:change-end */
    uint32_t id; /* region number, from 1 */
    uint32_t next;
} mark_item;

/* What is written in one NEW paragraph. */
typedef struct para_act {
    uint32_t para;
    uint32_t start_head, start_tail, end_head, end_tail; /* marks (indices + 1; 0 none) */
    const og_edit *words; /* a plain changed paragraph rewritten word by word, or NULL */
    uint32_t word_region; /* the first region of its runs */
} para_act;

/* A changed paragraph met in NEW (for the scan for plain text). */
typedef struct change_at {
    uint32_t node;
    const og_edit *edit;
    uint8_t plain;
} change_at;

typedef struct redline {
    const odfgate_diff *d;
    OG_VEC(para_act) acts; /* in NEW's paragraph order */
    OG_VEC(mark_item) marks;
    OG_VEC(region) regions;
    OG_VEC(uint32_t) dels;
    OG_VEC(change_at) changes;
    const char *old_date, *new_date;
    uint32_t office_text; /* element index of office:text, 0 until met */
    int scanning;
    size_t unmarked;
} redline;

/* ------------------------------------------------------------------ scanning */

/* Is every descendant of a changed paragraph plain text (text, spans, spaces, soft page
 * breaks)?  Anything else keeps the paragraph whole. */
static int plain(xmlNodePtr top)
{
    static const char *const ok[] = {"span", "s", "soft-page-break", NULL};
    for (xmlNodePtr c = og_xml_next(top, top, 0); c; c = og_xml_next(top, c, 0)) {
        if (c->type == XML_ELEMENT_NODE) {
            int known = 0;
            for (size_t i = 0; ok[i] && c->ns; i++)
                known |= xmlStrEqual(c->ns->href, (const xmlChar *)OG_NS_TEXT) &&
                         xmlStrEqual(c->name, (const xmlChar *)ok[i]);
            if (!known)
                return 0;
        } else if (c->type != XML_TEXT_NODE) {
            return 0;
        }
    }
    return 1;
}

static change_at *change_of(redline *r, uint32_t node)
{
    size_t lo = 0, hi = r->changes.len;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (r->changes.items[mid].node == node)
            return &r->changes.items[mid];
        if (r->changes.items[mid].node < node)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

/* Observes every element: where office:text is, and in the scanning pass whether each
 * changed paragraph is plain text.  Never drops anything. */
static int observe(void *ctx, xmlTextReaderPtr rd, uint32_t index)
{
    redline *r = ctx;
    if (!r->office_text && xmlStrEqual(xmlTextReaderConstLocalName(rd), (const xmlChar *)"text") &&
        xmlStrEqual(xmlTextReaderConstNamespaceUri(rd), (const xmlChar *)OG_NS_OFFICE))
        r->office_text = index;
    if (r->scanning) {
        change_at *c = change_of(r, index);
        xmlNodePtr n = c ? xmlTextReaderExpand(rd) : NULL;
        if (c)
            c->plain = n && plain(n);
    }
    return 0;
}

/* ------------------------------------------------------------------ planning */

/* The action of paragraph `para`, made if new; acts stay sorted by paragraph (they are made
 * in NEW's order but for one paragraph back: the end of the one before an insertion). */
static para_act *act_for(redline *r, uint32_t para)
{
    size_t lo = 0, hi = r->acts.len;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (r->acts.items[mid].para == para)
            return &r->acts.items[mid];
        if (r->acts.items[mid].para < para)
            lo = mid + 1;
        else
            hi = mid;
    }
    para_act a = {para, 0, 0, 0, 0, NULL, 0};
    if (OG_VEC_RESERVE(&r->acts, UINT32_MAX))
        return NULL;
    memmove(&r->acts.items[lo + 1], &r->acts.items[lo], (r->acts.len - lo) * sizeof(para_act));
    r->acts.items[lo] = a;
    r->acts.len++;
    return &r->acts.items[lo];
}

static int add_region(redline *r, region g, uint32_t *id)
{
    if (OG_VEC_PUSH(&r->regions, g, UINT32_MAX))
        return -1;
    *id = (uint32_t)r->regions.len;
    return 0;
}

/* Append a mark to paragraph `para`'s start (at_end 0) or end list. */
static int add_mark(redline *r, uint32_t para, int at_end, uint8_t el, uint32_t id)
{
    para_act *a = act_for(r, para);
    if (!a)
        return -1;
    mark_item m = {el, id, 0};
    if (OG_VEC_PUSH(&r->marks, m, UINT32_MAX))
        return -1;
    uint32_t k = (uint32_t)r->marks.len; /* index + 1 */
    uint32_t *head = at_end ? &a->end_head : &a->start_head;
    uint32_t *tail = at_end ? &a->end_tail : &a->start_tail;
    if (*tail)
        r->marks.items[*tail - 1].next = k;
    else
        *head = k;
    *tail = k;
    return 0;
}

typedef struct planner {
    redline *r;
    OG_VEC(uint32_t) pending; /* deleted OLD units waiting for a place */
    uint32_t prev;            /* the last NEW paragraph met, or OG_NO */
} planner;

/* The deletions waiting: after the previous NEW paragraph, else before `next` (OG_NO: the end
 * of the document).  1 when they were marked at the start of `next`, else 0; -1 on error. */
static int flush_deleted(planner *pl, uint32_t next)
{
    redline *r = pl->r;
    uint32_t id;
    if (!pl->pending.len)
        return 0;
    region g = {pl->prev != OG_NO ? RG_DEL_AFTER : RG_DEL_BEFORE,
                (uint32_t)r->dels.len,
                (uint32_t)pl->pending.len,
                OG_NO,
                NULL,
                next};
    if (pl->prev == OG_NO && next == OG_NO) { /* NEW has no text: nowhere to mark them */
        r->unmarked += pl->pending.len;
        pl->pending.len = 0;
        return 0;
    }
    for (size_t i = 0; i < pl->pending.len; i++)
        if (OG_VEC_PUSH(&r->dels, pl->pending.items[i], UINT32_MAX))
            return -1;
    pl->pending.len = 0;
    if (add_region(r, g, &id) < 0)
        return -1;
    if (pl->prev != OG_NO)
        return add_mark(r, pl->prev, 1, 0, id) < 0 ? -1 : 0;
    return add_mark(r, next, 0, 0, id) < 0 ? -1 : 1;
}

/* An inserted paragraph; `own_start`: deletions are marked at its start, so the insertion
 * must begin after them (a deletion inside an insertion is not rejected back). */
static int plan_insert(planner *pl, uint32_t para, int own_start)
{
    redline *r = pl->r;
    const og_para *ps = r->d->new_.doc->paras;
    uint32_t id;
    if (add_region(r, (region){RG_INSERT, 0, 0, OG_NO, NULL, OG_NO}, &id) < 0)
        return -1;
    /* from the end of the paragraph before, unless there is none or a table cell is involved */
    if (!own_start && para > 0 && !ps[para - 1].in_table && !ps[para].in_table) {
        if (add_mark(r, para - 1, 1, 1, id) < 0)
            return -1;
    } else if (add_mark(r, para, 0, 1, id) < 0) {
        return -1;
    }
    return add_mark(r, para, 1, 2, id);
}

static int plan_change(planner *pl, const og_edit *e, uint32_t para)
{
    redline *r = pl->r;
    const odfgate_diff *d = r->d;
    change_at *c = change_of(r, d->new_.doc->paras[para].node);
    uint32_t id;
    if (c && c->plain) { /* word by word: a region per inserted or deleted run */
        para_act *a = act_for(r, para);
        if (!a)
            return -1;
        a->words = e;
        a->word_region = (uint32_t)r->regions.len + 1;
        for (uint32_t k = e->word; k < e->word + e->word_count; k++) {
            const og_dword *w = &d->words.items[k];
            if (w->op == OG_EDIT_EQUAL)
                continue;
            region g = {w->op == OG_EDIT_INSERT ? RG_INSERT : RG_DEL_WORDS,
                        0,
                        0,
                        e->old_u,
                        w->op == OG_EDIT_DELETE ? w : NULL,
                        OG_NO};
            if (add_region(r, g, &id) < 0)
                return -1;
        }
        return 0;
    }
    /* kept whole: OLD's text deleted at its start, the paragraph an insertion */
    if (add_region(r, (region){RG_DEL_OLD_TEXT, 0, 0, e->old_u, NULL, OG_NO}, &id) < 0 ||
        add_mark(r, para, 0, 0, id) < 0 ||
        add_region(r, (region){RG_INSERT, 0, 0, OG_NO, NULL, OG_NO}, &id) < 0 ||
        add_mark(r, para, 0, 1, id) < 0 || add_mark(r, para, 1, 2, id) < 0)
        return -1;
    return 0;
}

/* One NEW unit in order: its edit op (a moved section's units count as inserted). */
static int plan_new(planner *pl, uint8_t op, const og_edit *e, uint32_t nu)
{
    redline *r = pl->r;
    const og_unit *u = &r->d->new_.units[nu];
    if (u->kind == 'N') { /* notes and text boxes are not marked */
        r->unmarked += op != OG_EDIT_EQUAL;
        return 0;
    }
    int before = flush_deleted(pl, u->para);
    if (before < 0)
        return -1;
    int rc = op == OG_EDIT_INSERT   ? plan_insert(pl, u->para, before)
             : op == OG_EDIT_CHANGE ? plan_change(pl, e, u->para)
                                    : 0;
    pl->prev = u->para;
    return rc;
}

/* A change of a paragraph's kind or heading level (its text may be the same): marked as the
 * old paragraph deleted and the new one inserted, which carry their elements and levels. */
static int reshaped(const odfgate_diff *d, const og_edit *e)
{
    if (e->op != OG_EDIT_CHANGE)
        return 0;
    const og_unit *a = &d->old.units[e->old_u], *b = &d->new_.units[e->new_u];
    return a->kind != b->kind || a->level != b->level;
}

/* Walk the edits in NEW's order: a section's own edits, but a moved section as all its NEW
 * units inserted at its new place and (its moved_from entry) all its OLD units deleted at
 * the old one. */
static int plan(redline *r)
{
    const odfgate_diff *d = r->d;
    planner pl = {r, {0}, OG_NO};
    int rc = -1;
    for (size_t s = 0; s < d->sections.len; s++) {
        const og_sdiff *sd = &d->sections.items[s];
        for (uint32_t k = sd->edit; k < sd->edit + sd->edit_count; k++) {
            const og_edit *e = &d->edits.items[k];
            uint8_t op = sd->moved_from ? OG_EDIT_DELETE : sd->moved ? OG_EDIT_INSERT : e->op;
            if (reshaped(d, e) && !sd->moved_from && !sd->moved) {
                if (d->old.units[e->old_u].kind == 'N' || d->new_.units[e->new_u].kind == 'N') {
                    r->unmarked++;
                    continue;
                }
                if (OG_VEC_PUSH(&pl.pending, e->old_u, UINT32_MAX))
                    goto done;
                op = OG_EDIT_INSERT;
            }
            if (op == OG_EDIT_DELETE) {
                if (e->old_u == OG_NO)
                    continue;
                if (d->old.units[e->old_u].kind == 'N')
                    r->unmarked++;
                else if (OG_VEC_PUSH(&pl.pending, e->old_u, UINT32_MAX))
                    goto done;
                continue;
            }
            if (e->new_u != OG_NO && plan_new(&pl, op, e, e->new_u) < 0)
                goto done;
        }
    }
    rc = flush_deleted(&pl, OG_NO);
done:
    free(pl.pending.items);
    return rc;
}

/* The changed paragraphs of NEW, by element index, for the scan. */
static int collect_changes(redline *r)
{
    const odfgate_diff *d = r->d;
    for (size_t s = 0; s < d->sections.len; s++) {
        const og_sdiff *sd = &d->sections.items[s];
        if (sd->moved || sd->moved_from)
            continue;
        for (uint32_t k = sd->edit; k < sd->edit + sd->edit_count; k++) {
            const og_edit *e = &d->edits.items[k];
            if (e->op != OG_EDIT_CHANGE || reshaped(d, e) || d->new_.units[e->new_u].kind == 'N')
                continue;
            change_at c = {d->new_.doc->paras[d->new_.units[e->new_u].para].node, e, 0};
            if (OG_VEC_PUSH(&r->changes, c, UINT32_MAX))
                return -1;
        }
    }
    return 0;
}

/* ------------------------------------------------------------------ writing */

static para_act *act_at(redline *r, uint32_t index)
{
    const og_para *ps = r->d->new_.doc->paras;
    size_t lo = 0, hi = r->acts.len;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        uint32_t n = ps[r->acts.items[mid].para].node;
        if (n == index)
            return &r->acts.items[mid];
        if (n < index)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

static int mark(xmlTextWriterPtr w, uint8_t el, uint32_t id)
{
    static const char *const names[] = {"text:change", "text:change-start", "text:change-end"};
    char s[24];
    snprintf(s, sizeof(s), "ogd%u", id);
    /* the prefix is declared on the mark itself: a document may bind "text" to nothing, or
     * its text namespace to another prefix (as annotate.c does for its comments) */
    if (xmlTextWriterStartElement(w, (const xmlChar *)names[el]) < 0 ||
        xmlTextWriterWriteAttribute(w, (const xmlChar *)"xmlns:text", (const xmlChar *)OG_NS_TEXT) <
            0 ||
        xmlTextWriterWriteAttribute(w, (const xmlChar *)"text:change-id", (const xmlChar *)s) < 0 ||
        xmlTextWriterEndElement(w) < 0)
        return -1;
    return 0;
}

static int marks(redline *r, xmlTextWriterPtr w, uint32_t head)
{
    for (uint32_t k = head; k; k = r->marks.items[k - 1].next)
        if (mark(w, r->marks.items[k - 1].el, r->marks.items[k - 1].id) < 0)
            return -1;
    return 0;
}

static int put_text(xmlTextWriterPtr w, const char *s, size_t n)
{
    char *t = strndup(s, n);
    int rc = !t || xmlTextWriterWriteString(w, (const xmlChar *)t) < 0 ? -1 : 0;
    free(t);
    return rc;
}

/* Text whose first and last spaces are written as text:s, so that no consumer's white-space
 * rules (a paragraph's leading space is dropped) can lose them. */
static int text_kept(xmlTextWriterPtr w, const char *s, size_t n)
{
    size_t a = 0, b = n;
    int lead = n && s[0] == ' ';
    if (lead)
        a = 1;
    int trail = b > a && s[b - 1] == ' ';
    if (trail)
        b--;
    if (lead && (xmlTextWriterStartElement(w, (const xmlChar *)"text:s") < 0 ||
                 xmlTextWriterEndElement(w) < 0))
        return -1;
    if (put_text(w, s + a, b - a) < 0)
        return -1;
    if (trail && (xmlTextWriterStartElement(w, (const xmlChar *)"text:s") < 0 ||
                  xmlTextWriterEndElement(w) < 0))
        return -1;
    return 0;
}

/* A plain changed paragraph's new content: its words, runs marked. */
static int words_of(redline *r, xmlTextWriterPtr w, const para_act *a)
{
    const odfgate_diff *d = r->d;
    const og_edit *e = a->words;
    const og_unit *ou = &d->old.units[e->old_u], *nu = &d->new_.units[e->new_u];
    uint32_t id = a->word_region;
    for (uint32_t k = e->word; k < e->word + e->word_count; k++) {
        const og_dword *wd = &d->words.items[k];
        if (wd->op == OG_EDIT_DELETE) {
            if (mark(w, 0, id++) < 0)
                return -1;
        } else if (wd->op == OG_EDIT_INSERT) {
            if (mark(w, 1, id) < 0 || put_text(w, nu->text + wd->off, wd->len) < 0 ||
                mark(w, 2, id) < 0)
                return -1;
            id++;
        } else if (put_text(w, ou->text + wd->off, wd->len) < 0) {
            return -1;
        }
    }
    return 0;
}

#define SPLICE_MARK "odfgate-diff-regions"

static int after_start(void *ctx, xmlTextWriterPtr w, uint32_t index)
{
    redline *r = ctx;
    if (index == r->office_text) /* where the regions go (splice) */
        return xmlTextWriterWriteComment(w, (const xmlChar *)SPLICE_MARK) < 0 ? -1 : 0;
    para_act *a = act_at(r, index);
    if (!a)
        return 0;
    if (marks(r, w, a->start_head) < 0)
        return -1;
    return a->words ? words_of(r, w, a) : 0;
}

static int replace(void *ctx, xmlTextReaderPtr rd, uint32_t index)
{
    redline *r = ctx;
    para_act *a = act_at(r, index);
    (void)rd;
    return a && a->words;
}

static int before_end(void *ctx, xmlTextWriterPtr w, uint32_t index)
{
    redline *r = ctx;
    para_act *a = act_at(r, index);
    return a ? marks(r, w, a->end_head) : 0;
}

/* ------------------------------------------------------------------ the regions */

static int info(xmlTextWriterPtr w, const char *date)
{
    if (xmlTextWriterStartElement(w, (const xmlChar *)"office:change-info") < 0 ||
        xmlTextWriterWriteElement(w, (const xmlChar *)"dc:creator",
                                  (const xmlChar *)OG_REDLINE_AUTHOR) < 0 ||
        xmlTextWriterWriteElement(w, (const xmlChar *)"dc:date", (const xmlChar *)date) < 0 ||
        xmlTextWriterEndElement(w) < 0)
        return -1;
    return 0;
}

/* A paragraph element like p (text:h with its level, or text:p; its style) holding text
 * (NULL: empty). */
static int para_like(xmlTextWriterPtr w, const og_para *p, int level, const char *text, size_t n)
{
    char lvl[12];
    if (xmlTextWriterStartElement(w, (const xmlChar *)(level ? "text:h" : "text:p")) < 0)
        return -1;
    if (level) {
        snprintf(lvl, sizeof(lvl), "%d", level);
        if (xmlTextWriterWriteAttribute(w, (const xmlChar *)"text:outline-level",
                                        (const xmlChar *)lvl) < 0)
            return -1;
    }
    if (p && p->style &&
        xmlTextWriterWriteAttribute(w, (const xmlChar *)"text:style-name",
                                    (const xmlChar *)p->style) < 0)
        return -1;
    if (text && text_kept(w, text, n) < 0)
        return -1;
    return xmlTextWriterEndElement(w) < 0 ? -1 : 0;
}

/* A heading's level as written (text:h), 0 for a paragraph. */
static int level_of(const og_para *p) { return p->is_h ? (p->h_level ? p->h_level : 1) : 0; }

/* The deleted paragraphs of a region (their text as displayed: fields as their value). */
static int deleted_paras(redline *r, xmlTextWriterPtr w, const region *g)
{
    const odfgate_doc *od = r->d->old.doc;
    for (uint32_t k = g->from; k < g->from + g->n; k++) {
        const og_para *p = &od->paras[r->d->old.units[r->dels.items[k]].para];
        if (para_like(w, p, level_of(p), p->text, p->len) < 0)
            return -1;
    }
    return 0;
}

static int write_region(redline *r, xmlTextWriterPtr w, uint32_t id)
{
    const region *g = &r->regions.items[id - 1];
    const odfgate_doc *od = r->d->old.doc, *nd = r->d->new_.doc;
    char s[24];
    snprintf(s, sizeof(s), "ogd%u", id);
    if (xmlTextWriterStartElement(w, (const xmlChar *)"text:changed-region") < 0 ||
        xmlTextWriterWriteAttribute(w, (const xmlChar *)"xml:id", (const xmlChar *)s) < 0 ||
        xmlTextWriterWriteAttribute(w, (const xmlChar *)"text:id", (const xmlChar *)s) < 0 ||
        xmlTextWriterStartElement(
            w, (const xmlChar *)(g->kind == RG_INSERT ? "text:insertion" : "text:deletion")) < 0 ||
        info(w, g->kind == RG_INSERT ? r->new_date : r->old_date) < 0)
        return -1;
    int rc = 0;
    if (g->kind == RG_DEL_WORDS || g->kind == RG_DEL_OLD_TEXT) {
        const og_unit *u = &r->d->old.units[g->unit];
        const og_para *p = &od->paras[u->para];
        rc = g->kind == RG_DEL_WORDS ? para_like(w, p, 0, u->text + g->word->off, g->word->len)
                                     : para_like(w, p, 0, p->text, p->len);
    } else if (g->kind == RG_DEL_AFTER) { /* the break, then them */
        rc = para_like(w, NULL, 0, NULL, 0) < 0 ? -1 : deleted_paras(r, w, g);
    } else if (g->kind == RG_DEL_BEFORE) { /* them, then a paragraph like the one marked */
        const og_para *host = &nd->paras[g->host];
        rc = deleted_paras(r, w, g) < 0 ? -1 : para_like(w, host, level_of(host), NULL, 0);
    }
    if (rc < 0 || xmlTextWriterEndElement(w) < 0 || xmlTextWriterEndElement(w) < 0)
        return -1;
    return 0;
}

static int regions_xml(redline *r, og_buf *out)
{
    xmlBufferPtr b = xmlBufferCreate();
    xmlTextWriterPtr w = b ? xmlNewTextWriterMemory(b, 0) : NULL;
    int rc = -1;
    if (!w)
        goto done;
    if (xmlTextWriterStartElement(w, (const xmlChar *)"text:tracked-changes") < 0 ||
        xmlTextWriterWriteAttribute(w, (const xmlChar *)"xmlns:text", (const xmlChar *)OG_NS_TEXT) <
            0 ||
        xmlTextWriterWriteAttribute(w, (const xmlChar *)"xmlns:office",
                                    (const xmlChar *)OG_NS_OFFICE) < 0 ||
        xmlTextWriterWriteAttribute(w, (const xmlChar *)"xmlns:dc", (const xmlChar *)OG_NS_DC) <
            0 ||
        xmlTextWriterWriteAttribute(w, (const xmlChar *)"text:track-changes",
                                    (const xmlChar *)"false") < 0)
        goto done;
    for (uint32_t id = 1; id <= r->regions.len; id++)
        if (write_region(r, w, id) < 0)
            goto done;
    if (xmlTextWriterEndElement(w) < 0 || xmlTextWriterFlush(w) < 0)
        goto done;
    rc = og_buf_add(out, xmlBufferContent(b), (size_t)xmlBufferLength(b)) ? -1 : 0;
done:
    if (w)
        xmlFreeTextWriter(w);
    xmlBufferFree(b);
    return rc;
}

/* ------------------------------------------------------------------ the document */

/* Move the regions from the comment to their place: after an office:forms that opens
 * office:text, else where the comment is. */
static int splice(const og_buf *body, const og_buf *regions, og_buf *out)
{
    static const char mark_s[] = "<!--" SPLICE_MARK "-->";
    const char *at = body->data ? memmem(body->data, body->len, mark_s, sizeof(mark_s) - 1) : NULL;
    if (!at)
        return -1;
    const char *rest = at + sizeof(mark_s) - 1, *end = body->data + body->len;
    const char *put = rest;
    size_t ws = 0;
    while (rest + ws < end &&
           (rest[ws] == ' ' || rest[ws] == '\n' || rest[ws] == '\t' || rest[ws] == '\r'))
        ws++;
    if ((size_t)(end - rest - ws) > 13 && memcmp(rest + ws, "<office:forms", 13) == 0) {
        const char *close = memmem(rest + ws, (size_t)(end - rest - ws), ">", 1);
        if (close && close[-1] == '/')
            put = close + 1;
        else if ((close = memmem(rest + ws, (size_t)(end - rest - ws), "</office:forms>", 15)))
            put = close + 15;
    }
    if (og_buf_add(out, body->data, (size_t)(at - body->data)) ||
        og_buf_add(out, rest, (size_t)(put - rest)) ||
        og_buf_add(out, regions->data, regions->len) || og_buf_add(out, put, (size_t)(end - put)))
        return -1;
    return 0;
}

odfgate_status odfgate_diff_redline(const odfgate_diff *d, const char *new_path,
                                    const char *out_path, const char *old_date,
                                    const char *new_date, size_t *unmarked, odfgate_error *err)
{
    OG_ERR_LOCAL(err);
    og_package *pkg = NULL;
    og_buf in, body, regions, out;
    redline r = {0};
    char now[32];
    int rc = -1;
    struct stat st;

    if (!d || !new_path || !out_path)
        return og_fail(err, ODFGATE_E_USAGE, new_path, NULL, "missing argument");
    const odfgate_doc *doc = d->new_.doc;
    if (doc->tracked_changes)
        return og_fail(err, ODFGATE_E_USAGE, new_path, NULL,
                       "it has %u tracked changes of its own: accept or reject them first",
                       doc->tracked_changes);
    og_now_iso(now);
    r.d = d;
    r.old_date = old_date ? old_date : now;
    r.new_date = new_date ? new_date : now;
    og_buf_init(&in, SIZE_MAX / 2);
    og_buf_init(&body, SIZE_MAX / 2);
    og_buf_init(&regions, SIZE_MAX / 2);
    og_buf_init(&out, SIZE_MAX / 2);
    if (og_package_open(new_path, NULL, &pkg, err) != ODFGATE_OK)
        goto done;
    if (doc->source.known && (stat(new_path, &st) != 0 || !og_file_id_same(&doc->source, &st))) {
        og_fail(err, ODFGATE_E_IO, new_path, NULL, "it changed since it was read; run again");
        goto done;
    }
    int flat = og_package_kind_of(pkg) == OG_PACKAGE_FLAT;
    const char *part = flat ? NULL : "content.xml";
    og_copy_hooks scan = {&r, NULL, observe, NULL, NULL, NULL};
    og_copy_hooks write = {&r, after_start, observe, replace, before_end, NULL};
    if (og_package_read_part(pkg, "content.xml", &in, err) < 0)
        goto done;
    if (collect_changes(&r) < 0) {
        og_fail(err, ODFGATE_E_NOMEM, new_path, NULL, "out of memory");
        goto done;
    }
    r.scanning = 1; /* first pass: which changed paragraphs are plain text */
    if (og_xml_copy(in.data, in.len, new_path, part, &scan, &body, err) < 0)
        goto done;
    r.scanning = 0;
    if (!r.office_text) {
        og_fail(err, ODFGATE_E_MISSING_PART, new_path, part, "no office:text");
        goto done;
    }
    if (plan(&r) < 0) {
        og_fail(err, ODFGATE_E_NOMEM, new_path, NULL, "out of memory");
        goto done;
    }
    if (og_xml_copy(in.data, in.len, new_path, part, &write, &body, err) < 0)
        goto done;
    if (regions_xml(&r, &regions) < 0 || splice(&body, &regions, &out) < 0) {
        og_fail(err, ODFGATE_E_NOMEM, new_path, part, "cannot write the tracked changes");
        goto done;
    }
    if (flat) {
        rc = og_write_file_atomic(out_path, out.data, out.len, NULL, err);
    } else {
        og_part_data p = {"content.xml", out.data, out.len, "text/xml"};
        static const char *const drop[] = {OG_SIGNATURES_PART, NULL};
        og_package_free(pkg);
        pkg = NULL;
        rc = og_package_write(new_path, out_path, &p, 1, drop, NULL, err);
    }
done:
    og_package_free(pkg);
    og_buf_free(&in);
    og_buf_free(&body);
    og_buf_free(&regions);
    og_buf_free(&out);
    free(r.acts.items);
    free(r.marks.items);
    free(r.dels.items);
    free(r.regions.items);
    free(r.changes.items);
    if (unmarked)
        *unmarked = r.unmarked;
    return rc == 0 ? ODFGATE_OK : og_status_of(err);
}
