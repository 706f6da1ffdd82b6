/* reader.c — the streaming pass that builds the model, see reader.h and docs/reading.md. */
#include "read/reader.h"

#include "read/a11y.h"
#include "read/fields.h"
#include "read/hygiene.h"

#include "read/styles.h"
#include "text/text.h"
#include "base/vec.h"
#include "read/xml.h"

/* What a pass over one stream collects. */
enum {
    WANT_META = 1,         /* office:meta */
    WANT_COMMON = 2,       /* office:styles */
    WANT_AUTO = 4,         /* office:automatic-styles */
    WANT_BODY = 8,         /* office:body/office:text */
    STOP_AFTER_COMMON = 16 /* styles.xml: nothing of interest follows office:styles, and
                            * it stops once the pending styles are resolved */
};

#define OG_MAX_PARAS 4000000u

/* metadata fields collected as single strings: element, namespace, slot in odfgate_meta */
typedef struct meta_field {
    const char *ns, *local;
    size_t offset;
} meta_field;

#define MF(ns, local, field)                                                                       \
    {                                                                                              \
        ns, local, offsetof(odfgate_meta, field)                                                   \
    }
static const meta_field meta_fields[] = {
    MF(OG_NS_DC, "title", title),
    MF(OG_NS_DC, "subject", subject),
    MF(OG_NS_DC, "description", description),
    MF(OG_NS_DC, "creator", creator),
    MF(OG_NS_META, "initial-creator", initial_creator),
    MF(OG_NS_META, "creation-date", creation_date),
    MF(OG_NS_DC, "date", date),
    MF(OG_NS_META, "generator", generator),
    MF(OG_NS_META, "editing-cycles", editing_cycles),
    MF(OG_NS_DC, "language", language),
};
#define META_KEYWORD ((int)OG_ARRAY_LEN(meta_fields))
#define META_USER    (META_KEYWORD + 1)
/* personal fields kept in odfgate_doc for the hygiene rules (not in odfgate_meta) */
#define META_PERSONAL (META_USER + 1)
static const struct {
    const char *local;
    size_t offset;
} meta_personal[] = {
    {"printed-by", offsetof(odfgate_doc, printed_by)},
    {"print-date", offsetof(odfgate_doc, print_date)},
    {"editing-duration", offsetof(odfgate_doc, editing_duration)},
};

/* Element names the pass compares, interned in the reader's dictionary at the start of each
 * pass: libxml2 hands out element names and namespace URIs from that dictionary, so a name
 * is compared by pointer, not by strcmp.  X(field, string). */
/* several names to a line (clang-format would stair-step them) */
// clang-format off
#define READER_NAMES(X)                                                                     \
    X(ns_office, OG_NS_OFFICE) X(ns_text, OG_NS_TEXT) X(ns_draw, OG_NS_DRAW) X(ns_svg, OG_NS_SVG) \
    X(ns_table, OG_NS_TABLE) X(ns_style, OG_NS_STYLE) X(ns_dc, OG_NS_DC)                    \
    X(ns_meta, OG_NS_META) X(frame, "frame") X(text_box, "text-box")                        \
    X(annotation, "annotation") X(annotation_end, "annotation-end") X(forms, "forms")      \
    X(text, "text") X(meta, "meta") X(styles, "styles")                                     \
    X(automatic_styles, "automatic-styles") X(body, "body") X(a, "a") X(p, "p") X(h, "h")   \
    X(s, "s") X(tab, "tab") X(line_break, "line-break") X(span, "span")                     \
    X(note_body, "note-body") X(section, "section") X(changed_region, "changed-region")    \
    X(table_cell, "table-cell") X(covered_table_cell, "covered-table-cell") X(style, "style")    \
    X(scripts, "scripts") X(default_style, "default-style")
// clang-format on

/* text: elements whose whole subtree is not body text (docs/reading.md) */
static const char *const text_skip_names[] = {
    "tracked-changes",      "note-citation",    "table-of-content", "alphabetical-index",
    "illustration-index",   "table-index",      "object-index",     "user-index",
    "bibliography",         "sequence-decls",   "variable-decls",   "user-field-decls",
    "dde-connection-decls", "hidden-paragraph", "hidden-text"};

typedef struct names {
#define X(field, string) const char *field;
    READER_NAMES(X)
#undef X
    const char *text_skip[OG_ARRAY_LEN(text_skip_names)];
} names;

/* Intern the names in the reader's dictionary.  Returns 0, or -1 out of memory. */
static int intern_names(xmlTextReaderPtr x, names *n)
{
    int ok = 1;
#define X(field, string)                                                                           \
    ok &= (n->field = (const char *)xmlTextReaderConstString(x, (const xmlChar *)(string))) != NULL;
    READER_NAMES(X)
#undef X
    for (size_t i = 0; i < OG_ARRAY_LEN(text_skip_names); i++)
        ok &= (n->text_skip[i] = (const char *)xmlTextReaderConstString(
                   x, (const xmlChar *)text_skip_names[i])) != NULL;
    return ok ? 0 : -1;
}

/* Body elements whose whole subtree is not body text (docs/reading.md). */
static int skipped_in_body(const names *n, const char *ns, const char *local)
{
    if (ns == n->ns_text) {
        for (size_t i = 0; i < OG_ARRAY_LEN(n->text_skip); i++)
            if (local == n->text_skip[i])
                return 1;
        return 0;
    }
    if (ns == n->ns_draw) /* shapes and images; frames and text boxes are aux text */
        return local != n->frame && local != n->text_box;
    if (ns == n->ns_svg) /* svg:title and svg:desc: a frame's or shape's alternative text */
        return 1;
    if (ns == n->ns_office)
        return local == n->annotation || local == n->annotation_end || local == n->forms;
    return 0;
}

/* A common style (styles.xml) that paragraph styles need to resolve and that is not known yet
 * (the string belongs to the document's arena or the style table). */
typedef struct pending_style {
    const char *missing;
} pending_style;

/* The canonical text of version 2 of a paragraph (fields.h): kept only for a paragraph with a
 * field that stands for its definition, from that field on (the text before is copied then). */
typedef struct vtext {
    og_buf buf;
    int active;      /* buf follows the paragraph: it has such a field */
    int field_depth; /* inside such a field (its shown value left out of buf), -1 none */
} vtext;

typedef struct reader {
    odfgate_doc *doc;
    const odfgate_limits *lim;
    odfgate_error *err;
    og_styles *styles;
    og_xml_stream *s;
    og_xml_stream stream; /* one libxml2 reader for all the parts of the document */
    const char *part;
    names n;                    /* interned in the reader's dictionary: compared by pointer */
    unsigned names_serial;      /* stream.serial when n was interned (0: never) */
    unsigned body_names_serial; /* the same for the hygiene and accessibility names */
    uint32_t elements;          /* element start tags seen in this stream */

    /* body */
    int text_depth;   /* depth of office:text, -1 outside */
    int body_depth;   /* depth of office:body, -1 outside */
    int skip_depth;   /* ignoring everything until this element ends, -1 none */
    int hidden_depth; /* outermost hidden section, -1 none */
    int para_depth;   /* current text:p / text:h, -1 none */
    int cells;        /* open table cells */
    int saw_text_body;
    og_buf text;
    vtext vt;         /* the paragraph's canonical text version 2, when it differs */
    og_buf field_def; /* a field's definition, while deciding */
    struct field_memo {
        const char *local; /* an interned text: name met in a paragraph */
        int kind;          /* og_field_kind of it */
    } field_memo[64];      /* by the name's address; cleared with every new dictionary */
    og_para cur;
    uint64_t text_total;
    OG_VEC(og_para) paras;

    /* aux text: note bodies and text boxes (not body flow; kept for the sign-off digest) */
    int aux_depth;      /* depth of text:note-body / draw:text-box, -1 outside */
    int aux_para_depth; /* current paragraph inside it, -1 none */
    og_buf aux_text;
    vtext aux_vt;
    OG_VEC(og_aux) aux;
    uint32_t tracked;

    /* comments (office:annotation) of the body: kept only when they are waivers */
    int annot_depth;      /* the comment being read, -1 none */
    int annot_meta_depth; /* its author/date element (not text), -1 none */
    og_buf annot_text;
    OG_VEC(og_aux) waivers;

    /* styles */
    int styles_depth; /* depth of office:styles / automatic-styles, -1 outside */
    int styles_auto;
    OG_VEC(pending_style) pending; /* read from styles.xml until none is left */
    int pending_all;               /* too many to follow: read all of office:styles */

    /* meta */
    int meta_depth; /* depth of office:meta, -1 outside */
    int field;      /* meta field being collected, -1 none */
    int field_depth;
    og_buf mtext;
    char *user_name, *user_type;
    OG_VEC(const char *) keywords;
    OG_VEC(odfgate_property) user;

    og_hyg_reader hyg;   /* hygiene facts (read/hygiene.h) */
    og_a11y_reader a11y; /* accessibility facts (read/a11y.h) */
    int scripts_depth;   /* office:scripts, -1 outside */
    int stop_depth;      /* the pass stops when this element ends, -1 */
} reader;

static int fail_nomem(reader *r)
{
    og_fail(r->err, ODFGATE_E_NOMEM, r->doc->path, r->part, "out of memory");
    return -1;
}

/* The paragraph a hygiene fact belongs to: the one being read, or the next one. */
static uint32_t hyg_para(const reader *r) { return (uint32_t)r->paras.len + 1; }

static int hyg_rc(reader *r, int rc) { return rc < 0 ? fail_nomem(r) : 0; }

static int buf_error(reader *r, int rc)
{
    if (rc == OG_BUF_NOMEM)
        return fail_nomem(r);
    og_fail(r->err, ODFGATE_E_LIMIT, r->doc->path, r->part,
            "%s%stext longer than the limit of %llu bytes", r->part ? r->part : "",
            r->part ? ": " : "", (unsigned long long)r->lim->max_text);
    return -1;
}

/* ------------------------------------------------------------------ fields */

/* Element text:<local> at depth in a paragraph whose text so far is `text`: a field that
 * stands for its definition starts (or adds to) the paragraph's version-2 text. */
static int vtext_element(reader *r, vtext *v, const og_buf *text, const char *local, int depth,
                         int empty)
{
    int rc = 0, is;
    struct field_memo *m = &r->field_memo[((uintptr_t)local >> 4) % OG_ARRAY_LEN(r->field_memo)];
    if (v->field_depth >= 0)
        return 0;            /* inside such a field already */
    if (m->local != local) { /* names are interned: most elements are answered here */
        m->local = local;
        m->kind = og_field_kind(local);
    }
    if (m->kind < 0)
        return 0;
    og_buf_reset(&r->field_def);
    if ((is = og_field_definition(r->s, m->kind, &r->field_def, &rc)) <= 0)
        return is < 0 ? buf_error(r, rc) : 0;
    if (!v->active) {
        og_buf_reset(&v->buf);
        if (text->len && (rc = og_buf_add(&v->buf, text->data, text->len)))
            return buf_error(r, rc);
        v->active = 1;
    }
    if ((rc = og_buf_add(&v->buf, r->field_def.data, r->field_def.len)))
        return buf_error(r, rc);
    if (!empty)
        v->field_depth = depth;
    return 0;
}

/* Text added to a paragraph: to its version-2 text too, unless it is a field's shown value. */
static int vtext_add(reader *r, vtext *v, const char *s, size_t n)
{
    int rc = v->active && v->field_depth < 0 ? og_append_collapsed(&v->buf, s, n) : 0;
    return rc ? buf_error(r, rc) : 0;
}

static void vtext_end_element(vtext *v, int depth)
{
    if (depth == v->field_depth)
        v->field_depth = -1;
}

/* At the end of a paragraph: its version-2 text in the arena (*out NULL when it has none). */
static int vtext_take(reader *r, vtext *v, const char **out, uint32_t *len)
{
    size_t n = v->buf.len;
    *out = NULL;
    *len = 0;
    if (!v->active)
        return 0;
    v->active = 0;
    v->field_depth = -1;
    if (n && v->buf.data[n - 1] == ' ')
        n--;
    if (!(*out = og_arena_strndup(&r->doc->arena, v->buf.data ? v->buf.data : "", n)))
        return fail_nomem(r);
    *len = (uint32_t)n;
    return 0;
}

/* ------------------------------------------------------------------ body */

static int para_start(reader *r, int depth, int is_h)
{
    char *owned;
    const char *style = og_xml_attr_ref(r->s, OG_NS_TEXT, "style-name", &owned);
    memset(&r->cur, 0, sizeof(r->cur));
    r->cur.heading = -1;
    r->cur.node = r->elements;
    r->cur.is_h = (uint8_t)is_h;
    r->cur.hidden = r->hidden_depth >= 0;
    r->cur.in_table = r->cells > 0;
    r->cur.in_list = r->a11y.list_depth > 0;
    if (og_a11y_para(&r->a11y, r->s) < 0)
        return fail_nomem(r);
    if (style) {
        r->cur.style = og_arena_strdup(&r->doc->arena, style);
        xmlFree(owned);
        if (!r->cur.style)
            return fail_nomem(r);
    }
    if (is_h) {
        const char *lv = og_xml_attr_ref(r->s, OG_NS_TEXT, "outline-level", &owned);
        long level = lv ? strtol(lv, NULL, 10) : 1;
        r->cur.h_level = (uint8_t)(level >= 1 && level <= 10 ? level : 1);
        xmlFree(owned);
    }
    og_buf_reset(&r->text);
    r->para_depth = depth;
    return 0;
}

static int para_end(reader *r)
{
    size_t len = r->text.len;
    if (len && r->text.data[len - 1] == ' ')
        len--; /* og_append_collapsed never starts with a space, only ends with one */
    if (r->paras.len >= OG_MAX_PARAS)
        return buf_error(r, OG_BUF_TOOBIG);
    r->text_total += len;
    if (r->text_total > r->lim->max_text)
        return buf_error(r, OG_BUF_TOOBIG);
    r->cur.text = len ? og_arena_strndup(&r->doc->arena, r->text.data, len) : "";
    if (!r->cur.text)
        return fail_nomem(r);
    if (vtext_take(r, &r->vt, &r->cur.vtext, &r->cur.vlen) < 0)
        return -1;
    r->cur.len = (uint32_t)len;
    og_trigrams grams;
    if (len >= OG_GRAMS_KEPT_MIN &&
        og_words_trigrams_of_plain(r->cur.text, len, &r->cur.words, &grams)) {
        og_trigrams *kept = og_arena_alloc(&r->doc->arena, sizeof(*kept));
        if (!kept)
            return fail_nomem(r);
        *kept = grams;
        r->cur.grams = kept;
        if (r->cur.words == OG_WORDS_UNKNOWN) /* a joiner that may join: counted exactly */
            r->cur.words = og_count_words(r->cur.text, len);
    } else
        r->cur.words = len ? og_count_words(r->cur.text, len) : 0;
    r->cur.ordinal = (uint32_t)r->paras.len + 1;
    if (og_a11y_para_end(&r->a11y, r->cur.ordinal) < 0)
        return fail_nomem(r);
    int rc = OG_VEC_PUSH(&r->paras, r->cur, OG_MAX_PARAS);
    r->para_depth = -1;
    return rc == -1 ? fail_nomem(r) : rc ? buf_error(r, OG_BUF_TOOBIG) : 0;
}

static int add_text(reader *r, const char *s, size_t n)
{
    int rc = og_append_collapsed(&r->text, s, n);
    return rc ? buf_error(r, rc) : vtext_add(r, &r->vt, s, n);
}

static int aux_add(reader *r, const char *s, size_t n)
{
    int rc = og_append_collapsed(&r->aux_text, s, n);
    return rc ? buf_error(r, rc) : vtext_add(r, &r->aux_vt, s, n);
}

static int aux_para_end(reader *r)
{
    size_t len = r->aux_text.len;
    og_aux a;
    if (len && r->aux_text.data[len - 1] == ' ')
        len--;
    r->aux_para_depth = -1;
    r->text_total += len;
    if (r->text_total > r->lim->max_text)
        return buf_error(r, OG_BUF_TOOBIG);
    if (vtext_take(r, &r->aux_vt, &a.vtext, &a.vlen) < 0)
        return -1;
    if (!len && !a.vtext)
        return 0;
    a.text = og_arena_strndup(&r->doc->arena, r->aux_text.data ? r->aux_text.data : "", len);
    a.len = (uint32_t)len;
    a.anchor = (uint32_t)r->paras.len; /* the paragraph being read, or the next one */
    if (!a.text)
        return fail_nomem(r);
    int rc = OG_VEC_PUSH(&r->aux, a, OG_MAX_PARAS);
    return rc == -1 ? fail_nomem(r) : rc ? buf_error(r, OG_BUF_TOOBIG) : 0;
}

/* Inside a note body or text box: paragraphs go to the aux list. */
static int aux_element(reader *r, const char *ns, const char *local, int depth, int empty)
{
    if (ns != r->n.ns_text)
        return 0;
    if (local == r->n.p || local == r->n.h) {
        if (r->aux_para_depth >= 0)
            return 0;
        og_buf_reset(&r->aux_text);
        r->aux_para_depth = depth;
        return empty ? aux_para_end(r) : 0;
    }
    if (r->aux_para_depth >= 0 &&
        (local == r->n.s || local == r->n.tab || local == r->n.line_break))
        return aux_add(r, " ", 1);
    if (r->aux_para_depth >= 0)
        return vtext_element(r, &r->aux_vt, &r->aux_text, local, depth, empty);
    return 0;
}

/* An element inside a skipped comment: its paragraphs are text, its author and date are not
 * (og_comment_break's elements, compared here by their interned names). */
static int annot_element(reader *r, const char *ns, const char *local, int depth, int empty)
{
    if (r->annot_meta_depth >= 0 || empty)
        return 0;
    if (ns == r->n.ns_dc || ns == r->n.ns_meta) {
        r->annot_meta_depth = depth;
        return 0;
    }
    if (ns == r->n.ns_text && (local == r->n.p || local == r->n.h || local == r->n.s ||
                               local == r->n.tab || local == r->n.line_break)) {
        int rc = og_append_collapsed(&r->annot_text, " ", 1);
        return rc ? buf_error(r, rc) : 0;
    }
    return 0;
}

/* End of a comment: a waiver ("odfgate-waive …", docs/config.md) is kept, anchored in the
 * paragraph it sits in (or the next one). */
static int annot_end(reader *r)
{
    const char *t = r->annot_text.data ? r->annot_text.data : "";
    size_t len = r->annot_text.len;
    r->annot_depth = r->annot_meta_depth = -1;
    if (len && t[len - 1] == ' ')
        len--;
    if (!og_waiver_text(t, len))
        return 0;
    og_hyg_forget_comment(&r->hyg); /* a waiver is configuration, not a person's comment */
    og_aux w = {.text = og_arena_strndup(&r->doc->arena, t, len),
                .len = (uint32_t)len,
                .anchor = (uint32_t)r->paras.len};
    if (!w.text)
        return fail_nomem(r);
    int rc = OG_VEC_PUSH(&r->waivers, w, OG_MAX_PARAS);
    return rc == -1 ? fail_nomem(r) : rc ? buf_error(r, OG_BUF_TOOBIG) : 0;
}

static int body_element(reader *r, const char *ns, const char *local, int depth, int empty)
{
    if (local == r->n.a && ns == r->n.ns_text) { /* hyperlinks (check --links) */
        char *href = og_xml_attr(r->s, OG_NS_XLINK, "href");
        int rc = href ? og_doc_add_link(r->doc, href, (uint32_t)r->paras.len + 1) : 0;
        xmlFree(href);
        if (rc < 0)
            return fail_nomem(r);
    }
    if (r->aux_depth >= 0)
        return skipped_in_body(&r->n, ns, local) ? (empty ? 0 : (r->skip_depth = depth, 0))
                                                 : aux_element(r, ns, local, depth, empty);
    if (ns == r->n.ns_draw && r->para_depth >= 0)
        r->cur.drawing = 1; /* a frame, picture or shape in the paragraph ("only a picture") */
    if (skipped_in_body(&r->n, ns, local)) {
        if (!empty)
            r->skip_depth = depth;
        if (!empty && local == r->n.annotation && ns == r->n.ns_office) {
            r->annot_depth = depth;
            og_buf_reset(&r->annot_text);
        }
        return 0;
    }
    if (!empty && ((ns == r->n.ns_text && local == r->n.note_body) ||
                   (ns == r->n.ns_draw && local == r->n.text_box))) {
        r->aux_depth = depth;
        return 0;
    }
    if (ns == r->n.ns_text) {
        int is_h = local == r->n.h;
        if (is_h || local == r->n.p) {
            if (r->para_depth >= 0)
                return 0; /* a paragraph inside a paragraph: its text joins the outer one */
            if (para_start(r, depth, is_h) < 0)
                return -1;
            return empty ? para_end(r) : 0;
        }
        if (r->para_depth >= 0 &&
            (local == r->n.s || local == r->n.tab || local == r->n.line_break))
            return add_text(r, " ", 1);
        if (r->para_depth >= 0 && local != r->n.a && local != r->n.section &&
            vtext_element(r, &r->vt, &r->text, local, depth, empty) < 0)
            return -1;
        if (local == r->n.section && !empty && r->hidden_depth < 0) {
            char *display = og_xml_attr(r->s, OG_NS_TEXT, "display");
            char *is_hidden = og_xml_attr(r->s, OG_NS_TEXT, "is-hidden");
            if ((display && strcmp(display, "none") == 0) ||
                (is_hidden && strcmp(is_hidden, "true") == 0))
                r->hidden_depth = depth;
            xmlFree(display);
            xmlFree(is_hidden);
        }
    } else if (ns == r->n.ns_table && !empty &&
               (local == r->n.table_cell || local == r->n.covered_table_cell)) {
        r->cells++;
    }
    return 0;
}

static int body_end(reader *r, const char *ns, const char *local, int depth)
{
    vtext_end_element(&r->vt, depth);
    vtext_end_element(&r->aux_vt, depth);
    if (depth == r->aux_para_depth)
        return aux_para_end(r);
    if (depth == r->aux_depth) {
        r->aux_depth = -1;
        return 0;
    }
    if (r->aux_depth >= 0)
        return 0;
    if (depth == r->para_depth)
        return para_end(r);
    if (depth == r->hidden_depth)
        r->hidden_depth = -1;
    if (ns == r->n.ns_table && (local == r->n.table_cell || local == r->n.covered_table_cell) &&
        r->cells > 0)
        r->cells--;
    return 0;
}

/* ------------------------------------------------------------------ styles */

/* 1 if common style `name` is waited for already. */
static int pending_has(const reader *r, const char *name)
{
    for (size_t k = 0; k < r->pending.len; k++)
        if (strcmp(r->pending.items[k].missing, name) == 0)
            return 1;
    return 0;
}

/* The common styles that candidate paragraphs need to be resolved, each once (a LibreOffice
 * document's dozens of automatic paragraph styles mostly wait for the same one or two).
 * Returns 1 if styles.xml must be read, 0 if not, -1 out of memory.  Past PENDING_MAX
 * distinct names, r->pending_all: office:styles is read to its end (no early stop). */
#define PENDING_MAX 32
static int collect_pending(reader *r)
{
    for (size_t i = 0; i < r->paras.len; i++) {
        og_para *p = &r->paras.items[i];
        const char *missing;
        if (p->is_h || p->in_table || !p->len || !p->style ||
            !(missing = og_styles_missing(r->styles, p->style)) || pending_has(r, missing))
            continue;
        if (r->pending.len == PENDING_MAX) {
            r->pending_all = 1;
            return 1;
        }
        pending_style ps = {missing};
        if (OG_VEC_PUSH(&r->pending, ps, PENDING_MAX) != 0)
            return fail_nomem(r);
    }
    return r->pending.len > 0;
}

/* Common style `name` was added: the wait for it ends, or moves on to the next unknown name
 * of its parent chain.  Returns 1 when nothing is waited for any more (the rest of
 * styles.xml cannot change a heading: the first definition of a name wins). */
static int pending_resolved(reader *r, const char *name)
{
    if (r->pending_all || !name)
        return 0;
    for (size_t k = 0; k < r->pending.len; k++) {
        pending_style *ps = &r->pending.items[k];
        const char *next;
        if (strcmp(ps->missing, name) != 0)
            continue;
        next = og_styles_missing_common(r->styles, ps->missing);
        if (next && !pending_has(r, next))
            ps->missing = next;
        else
            *ps = r->pending.items[--r->pending.len]; /* names are distinct: no other match */
        break;
    }
    return r->pending.len == 0;
}

/* A style of office:styles or office:automatic-styles.  Returns 1 when it was the last
 * common style that a paragraph waited for (styles.xml can stop there), 0 to go on, -1. */
static int style_element(reader *r, int want)
{
    char *owned[5];
    const char *family = og_xml_attr_ref(r->s, OG_NS_STYLE, "family", &owned[0]);
    int rc = 0;
    if (family && strcmp(family, "text") == 0) {
        const char *name = og_xml_attr_ref(r->s, OG_NS_STYLE, "name", &owned[1]);
        rc = og_hyg_style(&r->hyg, family, name, r->styles_auto);
        if (rc == 0)
            rc = og_a11y_style(&r->a11y, r->s, 0, family, name, r->styles_auto);
        xmlFree(owned[1]);
        xmlFree(owned[0]);
        if (rc < 0)
            return fail_nomem(r);
        /* the last text style the accessibility facts waited for: styles.xml can stop */
        return !r->styles_auto && (want & STOP_AFTER_COMMON) && !r->pending_all &&
               !r->pending.len && og_a11y_satisfied(&r->a11y);
    }
    if (family && strcmp(family, "paragraph") == 0) {
        const char *name = og_xml_attr_ref(r->s, OG_NS_STYLE, "name", &owned[1]);
        const char *display = og_xml_attr_ref(r->s, OG_NS_STYLE, "display-name", &owned[2]);
        const char *parent = og_xml_attr_ref(r->s, OG_NS_STYLE, "parent-style-name", &owned[3]);
        const char *level = og_xml_attr_ref(r->s, OG_NS_STYLE, "default-outline-level", &owned[4]);
        rc = og_styles_add(r->styles, r->styles_auto, name, display, parent, level);
        if (rc == 0 && (og_hyg_style(&r->hyg, family, name, r->styles_auto) < 0 ||
                        og_a11y_style(&r->a11y, r->s, 0, family, name, r->styles_auto) < 0))
            rc = -1;
        if (rc == 0 && !r->styles_auto && (want & STOP_AFTER_COMMON))
            rc = pending_resolved(r, name) && og_a11y_satisfied(&r->a11y);
        for (int i = 1; i < 5; i++)
            xmlFree(owned[i]);
    } else
        og_a11y_style(&r->a11y, r->s, 0, NULL, NULL, 0);
    xmlFree(owned[0]);
    if (rc == -2) { /* the document's limit, not the machine's: this document fails alone */
        og_fail(r->err, ODFGATE_E_LIMIT, r->doc->path, r->part, "%s%smore than %d paragraph styles",
                r->part ? r->part : "", r->part ? ": " : "", OG_STYLES_MAX);
        return -1;
    }
    return rc < 0 ? fail_nomem(r) : rc;
}

/* ------------------------------------------------------------------ meta */

static int meta_element(reader *r, const char *ns, const char *local, int depth, int empty)
{
    int field = -1;
    for (size_t i = 0; i < OG_ARRAY_LEN(meta_fields); i++)
        if (strcmp(local, meta_fields[i].local) == 0 && strcmp(ns, meta_fields[i].ns) == 0)
            field = (int)i;
    if (strcmp(ns, OG_NS_META) == 0 && strcmp(local, "keyword") == 0)
        field = META_KEYWORD;
    for (size_t i = 0; strcmp(ns, OG_NS_META) == 0 && i < OG_ARRAY_LEN(meta_personal); i++)
        if (strcmp(local, meta_personal[i].local) == 0)
            field = META_PERSONAL + (int)i;
    if (strcmp(ns, OG_NS_META) == 0 && strcmp(local, "template") == 0 && !r->doc->template_href) {
        char *href = og_xml_attr(r->s, OG_NS_XLINK, "href");
        r->doc->template_href = href ? og_arena_strdup(&r->doc->arena, href) : NULL;
        int nomem = href && !r->doc->template_href;
        xmlFree(href);
        return nomem ? fail_nomem(r) : 0;
    }
    if (strcmp(ns, OG_NS_META) == 0 && strcmp(local, "user-defined") == 0) {
        field = META_USER;
        free(r->user_name);
        free(r->user_type);
        char *n = og_xml_attr(r->s, OG_NS_META, "name");
        char *t = og_xml_attr(r->s, OG_NS_META, "value-type");
        r->user_name = og_strdup(n ? n : "");
        r->user_type = og_strdup(t ? t : "string");
        xmlFree(n);
        xmlFree(t);
        if (!r->user_name || !r->user_type)
            return fail_nomem(r);
    }
    if (field < 0)
        return 0;
    r->field = field;
    r->field_depth = depth;
    og_buf_reset(&r->mtext);
    return 0;
}

static int meta_end(reader *r)
{
    og_arena *a = &r->doc->arena;
    int field = r->field, rc = 0;
    r->field = -1;
    if (field == META_USER) {
        /* user-defined values are kept exactly (sign-off records are parsed from them) */
        odfgate_property p = {
            og_arena_strdup(a, r->user_name), og_arena_strdup(a, r->user_type),
            og_arena_strndup(a, r->mtext.data ? r->mtext.data : "", r->mtext.len)};
        if (!p.name || !p.type || !p.value)
            return fail_nomem(r);
        rc = OG_VEC_PUSH(&r->user, p, 100000);
    } else {
        og_buf folded;
        og_buf_init(&folded, r->mtext.len + 1);
        if (og_append_collapsed(&folded, r->mtext.data ? r->mtext.data : "", r->mtext.len))
            return fail_nomem(r);
        size_t n = folded.len;
        if (n && folded.data[n - 1] == ' ')
            n--;
        char *v = og_arena_strndup(a, folded.data ? folded.data : "", n);
        og_buf_free(&folded);
        if (!v)
            return fail_nomem(r);
        if (field == META_KEYWORD)
            rc = OG_VEC_PUSH(&r->keywords, (const char *)v, 100000);
        else if (field >= META_PERSONAL) {
            const char **slot =
                (const char **)((char *)r->doc + meta_personal[field - META_PERSONAL].offset);
            if (!*slot)
                *slot = v;
        } else {
            const char **slot = (const char **)((char *)&r->doc->meta + meta_fields[field].offset);
            if (!*slot)
                *slot = v; /* first occurrence wins */
        }
    }
    return rc == -1 ? fail_nomem(r) : rc ? buf_error(r, OG_BUF_TOOBIG) : 0;
}

/* ------------------------------------------------------------------ one pass */

static int start_element(reader *r, int want, const char *ns, const char *local, int depth,
                         int empty)
{
    int office = ns == r->n.ns_office;

    if (r->text_depth >= 0)
        return body_element(r, ns, local, depth, empty);
    if (r->meta_depth >= 0)
        return depth == r->meta_depth + 1 ? meta_element(r, ns, local, depth, empty) : 0;
    if (r->styles_depth >= 0) {
        if (depth == r->styles_depth + 1 && ns == r->n.ns_style && local == r->n.style) {
            int rc = style_element(r, want);
            if (rc == 1 && !empty) { /* the last style waited for: the pass stops once its
                                        properties are read */
                r->stop_depth = depth;
                return 0;
            }
            return rc;
        }
        if (depth == r->styles_depth + 1 && ns == r->n.ns_style && local == r->n.default_style) {
            char *owned;
            const char *family = og_xml_attr_ref(r->s, OG_NS_STYLE, "family", &owned);
            og_hyg_style(&r->hyg, NULL, NULL, 0); /* its children are no style's of hygiene */
            og_a11y_style(&r->a11y, r->s, 1, family, NULL, 0);
            xmlFree(owned);
            return 0;
        }
        if (depth == r->styles_depth + 1)
            og_a11y_style(&r->a11y, r->s, 0, NULL, NULL, 0); /* nothing a11y reads */
        if (depth == r->styles_depth + 2 && ns == r->n.ns_style) {
            og_a11y_style_child(&r->a11y, r->s, local);
            return og_hyg_style_child(&r->hyg, r->s, local) < 0 ? fail_nomem(r) : 0;
        }
        return 0;
    }
    if (r->scripts_depth >= 0)
        return og_hyg_script(&r->hyg, r->s, ns, local) < 0 ? fail_nomem(r) : 0;
    if (r->body_depth >= 0 && depth == r->body_depth + 1) {
        if (office && local == r->n.text) {
            r->saw_text_body = 1;
            if (!empty)
                r->text_depth = depth;
            return 0;
        }
        og_fail(r->err, ODFGATE_E_WRONG_TYPE, r->doc->path, r->part,
                "not a text document: the body is office:%s", local);
        return -1;
    }
    if (!office || empty)
        return 0;
    if ((want & WANT_BODY) && local == r->n.scripts)
        r->scripts_depth = depth; /* document macros and events (before the body) */
    else if ((want & WANT_META) && local == r->n.meta)
        r->meta_depth = depth;
    else if ((want & WANT_COMMON) && local == r->n.styles) {
        r->styles_depth = depth;
        r->styles_auto = 0;
    } else if ((want & WANT_AUTO) && local == r->n.automatic_styles) {
        r->styles_depth = depth;
        r->styles_auto = 1;
    } else if ((want & WANT_BODY) && local == r->n.body)
        r->body_depth = depth;
    return 0;
}

/* Returns 1 to stop the pass early, 0 to go on, -1 on error. */
static int end_element(reader *r, int want, const char *ns, const char *local, int depth)
{
    if (depth == r->stop_depth)
        return 1;
    if (depth == r->skip_depth) {
        r->skip_depth = -1;
        return depth == r->annot_depth ? annot_end(r) : 0;
    }
    if (r->text_depth >= 0) {
        if (depth == r->text_depth) {
            r->text_depth = -1;
            return 0;
        }
        return body_end(r, ns, local, depth) < 0 ? -1 : 0;
    }
    if (depth == r->body_depth)
        r->body_depth = -1;
    else if (depth == r->scripts_depth)
        r->scripts_depth = -1;
    else if (depth == r->meta_depth)
        r->meta_depth = -1;
    else if (r->meta_depth >= 0 && r->field >= 0 && depth == r->field_depth)
        return meta_end(r) < 0 ? -1 : 0;
    else if (depth == r->styles_depth) {
        r->styles_depth = -1;
        if (!r->styles_auto && (want & STOP_AFTER_COMMON))
            return 1;
    }
    return 0;
}

static int on_node(reader *r, int want)
{
    xmlTextReaderPtr x = r->s->reader;
    int type = r->s->type, depth;
    switch (type) {
    case XML_READER_TYPE_ELEMENT: {
        const char *local = og_xml_local(r->s);
        r->elements++;
        /* fast path for the most frequent body elements: text:span needs nothing, and
         * text:s inside a paragraph is one space */
        r->hyg.boxed = r->cells > 0 || r->aux_depth >= 0;
        r->hyg.node = r->elements;
        if (r->text_depth >= 0 && r->skip_depth < 0 && r->aux_depth < 0 &&
            og_xml_ns(r->s) == r->n.ns_text) {
            if (local == r->n.span) {
                if (og_a11y_span(&r->a11y, r->s, xmlTextReaderDepth(x),
                                 xmlTextReaderIsEmptyElement(x)) < 0)
                    return fail_nomem(r);
                return og_hyg_wants_spans(&r->hyg)
                           ? hyg_rc(r, og_hyg_span(&r->hyg, r->s, hyg_para(r)))
                           : 0;
            }
            if (local == r->n.s && r->para_depth >= 0) {
                og_a11y_space(&r->a11y, r->s);
                return add_text(r, " ", 1);
            }
        }
        depth = xmlTextReaderDepth(x);
        int empty = xmlTextReaderIsEmptyElement(x);
        if (r->text_depth >= 0 &&
            (og_hyg_element(&r->hyg, r->s, og_xml_ns(r->s), local, depth, empty, hyg_para(r)) < 0 ||
             og_a11y_element(&r->a11y, r->s, og_xml_ns(r->s), local, depth, empty, hyg_para(r)) <
                 0))
            return fail_nomem(r);
        if (r->skip_depth >= 0) {
            if (r->annot_depth >= 0)
                return annot_element(r, og_xml_ns(r->s), og_xml_local(r->s), depth, empty);
            if (depth == r->skip_depth + 1 && local == r->n.changed_region &&
                og_xml_ns(r->s) == r->n.ns_text)
                r->tracked++;
            return 0;
        }
        int rc = start_element(r, want, og_xml_ns(r->s), og_xml_local(r->s), depth, empty);
        if (rc != 0)
            return rc; /* -1, or 1: stop the pass here */
        /* an empty meta field element yields no END_ELEMENT */
        if (empty && r->field >= 0 && r->field_depth == depth)
            return meta_end(r);
        return 0;
    }
    case XML_READER_TYPE_END_ELEMENT:
        depth = xmlTextReaderDepth(x);
        if (r->text_depth >= 0 &&
            (og_hyg_end(&r->hyg, depth) < 0 ||
             og_a11y_end(&r->a11y, og_xml_ns(r->s), og_xml_local(r->s), depth) < 0))
            return fail_nomem(r);
        if (r->skip_depth >= 0 && depth != r->skip_depth) {
            if (depth == r->annot_meta_depth)
                r->annot_meta_depth = -1;
            return 0;
        }
        return end_element(r, want, og_xml_ns(r->s), og_xml_local(r->s), depth);
    case XML_READER_TYPE_TEXT:
    case XML_READER_TYPE_CDATA:
    case XML_READER_TYPE_WHITESPACE:
    case XML_READER_TYPE_SIGNIFICANT_WHITESPACE: {
        const char *v = (const char *)xmlTextReaderConstValue(x);
        if (v && og_hyg_wants_text(&r->hyg) && og_hyg_text(&r->hyg, v) < 0)
            return fail_nomem(r);
        if (v && *v && r->text_depth >= 0) {
            og_hyg_saw_text(&r->hyg);
            if (og_a11y_text(&r->a11y, v,
                             r->para_depth >= 0 && r->skip_depth < 0 && r->aux_depth < 0,
                             hyg_para(r)) < 0)
                return fail_nomem(r);
        }
        if (r->skip_depth >= 0) {
            if (r->annot_depth >= 0 && r->annot_meta_depth < 0 && v) {
                int rc = og_append_collapsed(&r->annot_text, v, strlen(v));
                return rc ? buf_error(r, rc) : 0;
            }
            return 0;
        }
        if (!v)
            return 0;
        if (r->aux_para_depth >= 0)
            return aux_add(r, v, strlen(v));
        if (r->para_depth >= 0 && r->aux_depth < 0)
            return add_text(r, v, strlen(v));
        if (r->meta_depth >= 0 && r->field >= 0) {
            int rc = og_buf_adds(&r->mtext, v);
            return rc ? buf_error(r, rc) : 0;
        }
        return 0;
    }
    default: return 0;
    }
}

static void reset_positions(reader *r)
{
    r->scripts_depth = r->stop_depth = -1;
    r->text_depth = r->body_depth = r->skip_depth = r->hidden_depth = r->para_depth = -1;
    r->styles_depth = r->meta_depth = r->field = -1;
    r->aux_depth = r->aux_para_depth = -1;
    r->annot_depth = r->annot_meta_depth = -1;
    r->cells = 0;
    r->vt.active = r->aux_vt.active = 0;
    r->vt.field_depth = r->aux_vt.field_depth = -1;
}

/* Run one pass over a part (or the flat document). */
static int pass(reader *r, og_package *pkg, const char *part, int want)
{
    og_xml_stream *s = &r->stream;
    og_part *in = NULL;
    int rc = 0;

    /* a flat document is one stream: messages name no part */
    r->part = og_package_kind_of(pkg) == OG_PACKAGE_FLAT ? NULL : part;
    reset_positions(r);
    r->elements = 0;
    if (og_package_part_open(pkg, part, &in, r->err) < 0)
        return -1;
    if (og_xml_stream_reopen(s, og_part_read, in, r->doc->path, r->part, r->lim->max_depth,
                             r->err) < 0) {
        og_part_close(in);
        return -1;
    }
    r->s = s;
    /* the names again only if this part got another libxml2 reader (another dictionary) */
    if (r->names_serial != s->serial) {
        if (intern_names(s->reader, &r->n) < 0) {
            og_xml_stream_end(s);
            og_part_close(in);
            return fail_nomem(r);
        }
        r->names_serial = s->serial;
        memset(r->field_memo, 0, sizeof(r->field_memo));
    }
    /* the hygiene and accessibility names are compared in the body only */
    if ((want & WANT_BODY) && r->body_names_serial != s->serial) {
        if (og_hyg_intern(&r->hyg, s->reader) < 0 || og_a11y_intern(&r->a11y, s->reader) < 0) {
            og_xml_stream_end(s);
            og_part_close(in);
            return fail_nomem(r);
        }
        r->body_names_serial = s->serial;
    }
    while ((rc = og_xml_stream_next(s)) == 1) {
        int n = on_node(r, want);
        if (n < 0) {
            rc = -1;
            break;
        }
        if (n > 0) {
            rc = 0; /* stopped early on purpose */
            break;
        }
    }
    og_xml_stream_end(s);
    r->s = NULL;
    /* a failure of the part stream (limit, bad inflate) explains an XML error better */
    if (og_part_finish(in, r->err) < 0)
        rc = -1;
    og_part_close(in);
    return rc < 0 ? -1 : 0;
}

/* ------------------------------------------------------------------ outline */

static int build_outline(reader *r)
{
    odfgate_doc *doc = r->doc;
    og_arena *a = &doc->arena;
    size_t nh = 0;

    doc->para_count = (uint32_t)r->paras.len;
    doc->paras = og_arena_alloc(a, (r->paras.len ? r->paras.len : 1) * sizeof(og_para));
    if (!doc->paras)
        return fail_nomem(r);
    if (r->paras.len)
        memcpy(doc->paras, r->paras.items, r->paras.len * sizeof(og_para));

    /* decide which paragraphs are headings */
    for (uint32_t i = 0; i < doc->para_count; i++) {
        og_para *p = &doc->paras[i];
        int level = 0;
        doc->words += p->words;
        if (p->in_table) { /* headings in table cells are body text (docs/reading.md) */
            p->cell_level = (uint8_t)(p->is_h    ? p->h_level
                                      : p->style ? og_styles_heading_level(r->styles, p->style)
                                                 : 0);
            continue;
        } /* empty headings are headings, as in LibreOffice's outline */
        if (p->is_h)
            level = p->h_level;
        else if (p->style)
            level = og_styles_heading_level(r->styles, p->style);
        if (level > 0) {
            p->h_level = (uint8_t)level;
            p->heading = (int32_t)nh++;
        }
    }
    doc->heading_count = nh;
    doc->headings = og_arena_zalloc(a, (nh ? nh : 1) * sizeof(odfgate_heading));
    doc->heading_para = og_arena_zalloc(a, (nh ? nh : 1) * sizeof(uint32_t));
    if (!doc->headings || !doc->heading_para)
        return fail_nomem(r);
    for (uint32_t i = 0; i < doc->para_count; i++) {
        og_para *p = &doc->paras[i];
        if (p->heading < 0)
            continue;
        odfgate_heading *h = &doc->headings[p->heading];
        h->level = p->h_level;
        h->text = p->text;
        h->paragraph = p->ordinal;
        h->hidden = p->hidden;
        h->source = p->is_h ? ODFGATE_HEADING_H : ODFGATE_HEADING_STYLE;
        doc->heading_para[p->heading] = i;
    }
    /* words of each section: own body, and with its subsections */
    for (size_t h = 0; h < nh; h++) {
        uint32_t end = og_doc_section_end(doc, h);
        int own = 1;
        for (uint32_t i = doc->heading_para[h] + 1; i < end; i++) {
            og_para *p = &doc->paras[i];
            if (p->heading >= 0) {
                own = 0;
                continue;
            }
            doc->headings[h].words += p->words;
            if (own)
                doc->headings[h].own_words += p->words;
        }
    }
    return 0;
}

static int finish_aux(reader *r)
{
    odfgate_doc *doc = r->doc;
    doc->tracked_changes = r->tracked;
    doc->aux_count = (uint32_t)r->aux.len;
    if (r->aux.len) {
        if (!(doc->aux = og_arena_alloc(&doc->arena, r->aux.len * sizeof(og_aux))))
            return fail_nomem(r);
        memcpy(doc->aux, r->aux.items, r->aux.len * sizeof(og_aux));
    }
    doc->waiver_count = (uint32_t)r->waivers.len;
    if (r->waivers.len) {
        if (!(doc->waivers = og_arena_alloc(&doc->arena, r->waivers.len * sizeof(og_aux))))
            return fail_nomem(r);
        memcpy(doc->waivers, r->waivers.items, r->waivers.len * sizeof(og_aux));
    }
    return 0;
}

static int finish_meta(reader *r)
{
    og_arena *a = &r->doc->arena;
    odfgate_meta *m = &r->doc->meta;
    if (r->keywords.len) {
        const char **k = og_arena_alloc(a, r->keywords.len * sizeof(*k));
        if (!k)
            return fail_nomem(r);
        memcpy(k, r->keywords.items, r->keywords.len * sizeof(*k));
        m->keywords = k;
        m->keyword_count = r->keywords.len;
        og_buf joined;
        og_buf_init(&joined, SIZE_MAX / 2);
        for (size_t i = 0; i < r->keywords.len; i++)
            if ((i && og_buf_adds(&joined, ", ")) || og_buf_adds(&joined, k[i])) {
                og_buf_free(&joined);
                return fail_nomem(r);
            }
        r->doc->keywords_joined = og_arena_strdup(a, joined.data);
        og_buf_free(&joined);
        if (!r->doc->keywords_joined)
            return fail_nomem(r);
    }
    if (r->user.len) {
        odfgate_property *u = og_arena_alloc(a, r->user.len * sizeof(*u));
        if (!u)
            return fail_nomem(r);
        memcpy(u, r->user.items, r->user.len * sizeof(*u));
        m->user = u;
        m->user_count = r->user.len;
    }
    return 0;
}

int og_read_document(og_package *pkg, const odfgate_limits *lim, odfgate_doc *doc,
                     odfgate_error *err)
{
    reader r;
    int rc = -1;

    memset(&r, 0, sizeof(r));
    r.doc = doc;
    r.lim = lim;
    r.err = err;
    og_buf_init(&r.text, lim->max_text);
    og_buf_init(&r.mtext, 1u << 20); /* one metadata value: 1 MiB */
    og_buf_init(&r.aux_text, lim->max_text);
    og_buf_init(&r.vt.buf, lim->max_text + 1024);
    og_buf_init(&r.aux_vt.buf, lim->max_text + 1024);
    og_buf_init(&r.field_def, 1024);
    og_buf_init(&r.annot_text, lim->max_text);
    og_hyg_init(&r.hyg, doc, lim->max_text);
    og_a11y_init(&r.a11y, doc);
    r.styles = og_styles_new();
    if (!r.styles) {
        fail_nomem(&r);
        goto done;
    }
    if (og_package_kind_of(pkg) == OG_PACKAGE_FLAT) {
        if (pass(&r, pkg, "content.xml", WANT_META | WANT_COMMON | WANT_AUTO | WANT_BODY) < 0)
            goto done;
    } else {
        if (pass(&r, pkg, "content.xml", WANT_AUTO | WANT_BODY) < 0)
            goto done;
        int need = collect_pending(&r);
        /* the accessibility facts need the default style and the common styles in use
         * (colours, languages): read until they are known too */
        if (need == 0 && !og_a11y_satisfied(&r.a11y))
            need = 1;
        if (need < 0 || (need && og_package_has_part(pkg, "styles.xml") &&
                         pass(&r, pkg, "styles.xml", WANT_COMMON | STOP_AFTER_COMMON) < 0))
            goto done;
        if (og_package_has_part(pkg, "meta.xml") && pass(&r, pkg, "meta.xml", WANT_META) < 0)
            goto done;
    }
    r.part = og_package_kind_of(pkg) == OG_PACKAGE_FLAT ? NULL : "content.xml";
    if (!r.saw_text_body) {
        og_fail(err, ODFGATE_E_WRONG_TYPE, doc->path, r.part,
                "no text body (office:body/office:text) in the document");
        goto done;
    }
    if (build_outline(&r) < 0 || finish_meta(&r) < 0 || finish_aux(&r) < 0 ||
        og_hyg_finish(&r.hyg, pkg, err) < 0 || og_a11y_finish(&r.a11y) < 0)
        goto done;
    rc = 0;
done:
    og_xml_stream_close(&r.stream);
    og_styles_free(r.styles);
    og_buf_free(&r.text);
    og_buf_free(&r.mtext);
    og_buf_free(&r.aux_text);
    og_buf_free(&r.vt.buf);
    og_buf_free(&r.aux_vt.buf);
    og_buf_free(&r.field_def);
    og_buf_free(&r.annot_text);
    og_hyg_free(&r.hyg);
    og_a11y_free(&r.a11y);
    free(r.aux.items);
    free(r.waivers.items);
    free(r.paras.items);
    free(r.pending.items);
    free(r.keywords.items);
    free(r.user.items);
    free(r.user_name);
    free(r.user_type);
    return rc;
}
