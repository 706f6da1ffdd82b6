/* a11y.c — accessibility facts noticed during the reader's pass, see a11y.h. */
#include "read/a11y.h"

#include "base/url.h"
#include "read/hygiene.h"
#include "text/text.h"

#include <ctype.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#define OG_NS_FO    "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
#define OG_NS_LOEXT "urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0"
#define MAX_CAPTURE 4096 /* of a title, description or link text */
#define MAX_RUNS    4000000u

void og_a11y_init(og_a11y_reader *a, odfgate_doc *doc)
{
    memset(a, 0, sizeof(*a));
    a->doc = doc;
    a->cur_style = -1;
    a->ignore_depth = a->capture_depth = -1;
    a->def.parent = -1;
    a->def.fg = a->def.text_bg = a->def.para_bg = OG_COLOUR_UNSET;
    a->def.blink = a->def.super = a->def.lang = -1;
    og_buf_init(&a->captured, MAX_CAPTURE);
    og_buf_init(&a->href, MAX_CAPTURE);
}

void og_a11y_free(og_a11y_reader *a)
{
    og_strmap_free(&a->keys);
    free(a->styles.items);
    free(a->paras.items);
    free(a->runs.items);
    free(a->items.items);
    og_buf_free(&a->captured);
    og_buf_free(&a->href);
}

int og_a11y_intern(og_a11y_reader *a, xmlTextReaderPtr x)
{
    int ok = 1;
#define I(field, string)                                                                           \
    ok &= (a->field = (const char *)xmlTextReaderConstString(x, (const xmlChar *)(string))) != NULL;
    I(ns_text, OG_NS_TEXT) I(ns_draw, OG_NS_DRAW) I(ns_svg, OG_NS_SVG) I(ns_table, OG_NS_TABLE);
    I(ns_office, OG_NS_OFFICE) I(ns_loext, OG_NS_LOEXT) I(p, "p") I(h, "h") I(span, "span");
    I(s, "s") I(tab, "tab") I(a, "a") I(list, "list") I(frame, "frame") I(image, "image");
    I(object, "object") I(object_ole, "object-ole") I(text_box, "text-box") I(title, "title");
    I(desc, "desc") I(table, "table") I(table_row, "table-row") I(table_cell, "table-cell");
    I(covered_cell, "covered-table-cell") I(header_rows, "table-header-rows");
    I(annotation, "annotation") I(tracked_changes, "tracked-changes") I(g, "g");
#undef I
    return ok ? 0 : -1;
}

/* ------------------------------------------------------------------ styles */

/* The key of a style: its family's letter (capital: common) and its name. */
static size_t style_key(og_a11y_reader *a, char family, int automatic, const char *name, int add)
{
    char key[512];
    size_t n = strlen(name);
    if (n + 2 > sizeof(key))
        return (size_t)-1; /* a name this long is followed no further */
    key[0] = automatic ? family : (char)(family - 32);
    memcpy(key + 1, name, n + 1);
    if (!add)
        return og_strmap_find(&a->keys, key);
    size_t k = og_strmap_add(&a->keys, key);
    if (k == (size_t)-1)
        return (size_t)-2;
    while (k >= a->styles.len) { /* a new key: a style not met yet */
        a->undefined++;          /* named before it is defined (og_a11y_satisfied) */
        og_a11y_props st = {.parent = -1,
                            .fg = OG_COLOUR_UNSET,
                            .text_bg = OG_COLOUR_UNSET,
                            .para_bg = OG_COLOUR_UNSET,
                            .blink = -1,
                            .super = -1,
                            .lang = -1};
        if (OG_VEC_PUSH(&a->styles, st, SIZE_MAX) != 0)
            return (size_t)-2;
    }
    return k;
}

int og_a11y_style(og_a11y_reader *a, og_xml_stream *s, int is_default, const char *family,
                  const char *name, int automatic)
{
    a->cur_style = -1;
    if (!family)
        return 0;
    char f = strcmp(family, "paragraph") == 0 ? 'p' : strcmp(family, "text") == 0 ? 't' : 0;
    if (!f)
        return 0;
    if (is_default) {
        a->cur_style = f == 'p' ? -2 : -1;
        a->default_seen = 1;
        return 0;
    }
    if (!automatic)
        a->default_seen = 1; /* producers write the default styles first: none is coming */
    if (!name)
        return 0;
    size_t k = style_key(a, f, automatic, name, 1);
    if (k == (size_t)-2)
        return -1;
    if (k == (size_t)-1 || a->styles.items[k].defined)
        return 0; /* the first definition of a name wins */
    og_a11y_props *st = &a->styles.items[k];
    st->defined = 1;
    a->undefined--;
    char *owned[2];
    const char *parent = og_xml_attr_ref(s, OG_NS_STYLE, "parent-style-name", &owned[0]);
    const char *display = og_xml_attr_ref(s, OG_NS_STYLE, "display-name", &owned[1]);
    int rc = 0;
    if (!(st->display = og_arena_strdup(&a->doc->arena, display ? display : name)))
        rc = -1;
    if (rc == 0 && parent) {
        size_t pk = style_key(a, f, 0, parent, 1); /* a parent is a common style */
        if (pk == (size_t)-2)
            rc = -1;
        else if (pk != (size_t)-1)
            a->styles.items[k].parent = (int32_t)pk; /* (the vector may have moved) */
    }
    xmlFree(owned[0]);
    xmlFree(owned[1]);
    a->cur_style = rc == 0 ? (int)k : -1;
    return rc;
}

/* "#rrggbb" as 0xRRGGBB, or OG_COLOUR_UNSET. */
static int32_t colour_of(const char *v)
{
    if (!v)
        return OG_COLOUR_UNSET;
    if (strcmp(v, "transparent") == 0)
        return OG_COLOUR_AUTO;
    if (v[0] != '#' || strlen(v) != 7)
        return OG_COLOUR_UNSET;
    char *end;
    long c = strtol(v + 1, &end, 16);
    return *end ? OG_COLOUR_UNSET : (int32_t)c;
}

void og_a11y_style_child(og_a11y_reader *a, og_xml_stream *s, const char *local)
{
    og_a11y_props *st = a->cur_style == -2  ? &a->def
                        : a->cur_style >= 0 ? &a->styles.items[a->cur_style]
                                            : NULL;
    if (!st)
        return;
    char *o;
    const char *v;
    if (strcmp(local, "paragraph-properties") == 0) {
        v = og_xml_attr_ref(s, OG_NS_FO, "background-color", &o);
        if (v)
            st->para_bg = colour_of(v);
        xmlFree(o);
        return;
    }
    if (strcmp(local, "text-properties") != 0)
        return;
    v = og_xml_attr_ref(s, OG_NS_STYLE, "use-window-font-color", &o);
    int window = v && strcmp(v, "true") == 0;
    xmlFree(o);
    v = og_xml_attr_ref(s, OG_NS_FO, "color", &o);
    if (window)
        st->fg = OG_COLOUR_AUTO; /* LibreOffice's automatic colour: it wins over fo:color */
    else if (v)
        st->fg = colour_of(v);
    xmlFree(o);
    v = og_xml_attr_ref(s, OG_NS_FO, "background-color", &o);
    if (v)
        st->text_bg = colour_of(v);
    xmlFree(o);
    v = og_xml_attr_ref(s, OG_NS_STYLE, "text-blinking", &o);
    if (v)
        st->blink = strcmp(v, "true") == 0;
    xmlFree(o);
    v = og_xml_attr_ref(s, OG_NS_STYLE, "text-position", &o);
    if (v) /* "super", "sub", or a percentage (positive: raised) then a size */
        st->super = strncmp(v, "super", 5) == 0 || strtol(v, NULL, 10) > 0;
    xmlFree(o);
    v = og_xml_attr_ref(s, OG_NS_FO, "language", &o);
    if (v) /* LibreOffice's [None] is "zxx" */
        st->lang = !(strcmp(v, "zxx") == 0 || strcmp(v, "none") == 0 || !*v);
    xmlFree(o);
}

/* Resolve style k through its parents (each style once; a cycle stops where it closes). */
static og_a11y_props *resolve(og_a11y_reader *a, int32_t k)
{
    if (k < 0)
        return NULL;
    og_a11y_props *st = &a->styles.items[k];
    if (st->state)
        return st->state == 2 ? st : NULL;
    /* iterative: walk up to the first resolved ancestor, then resolve downwards */
    int32_t chain[256];
    int n = 0;
    for (int32_t at = k; at >= 0 && n < 256; at = a->styles.items[at].parent) {
        og_a11y_props *x = &a->styles.items[at];
        if (x->state)
            break;
        x->state = 1;
        chain[n++] = at;
    }
    for (int i = n - 1; i >= 0; i--) {
        og_a11y_props *x = &a->styles.items[chain[i]];
        og_a11y_props *up = x->parent >= 0 && a->styles.items[x->parent].state == 2
                                ? &a->styles.items[x->parent]
                                : NULL;
        x->r_fg = x->fg != OG_COLOUR_UNSET ? x->fg : up ? up->r_fg : OG_COLOUR_UNSET;
        x->r_text_bg = x->text_bg != OG_COLOUR_UNSET ? x->text_bg
                       : up                          ? up->r_text_bg
                                                     : OG_COLOUR_UNSET;
        x->r_para_bg = x->para_bg != OG_COLOUR_UNSET ? x->para_bg
                       : up                          ? up->r_para_bg
                                                     : OG_COLOUR_UNSET;
        x->r_blink = x->blink >= 0 ? x->blink : up ? up->r_blink : -1;
        x->r_super = x->super >= 0 ? x->super : up ? up->r_super : -1;
        x->r_lang = x->lang >= 0 ? x->lang : up ? up->r_lang : -1;
        x->state = 2;
    }
    return st->state == 2 ? st : NULL;
}

/* ------------------------------------------------------------------ facts */

static int push(og_a11y_reader *a, og_a11y_item it, const char *what, const char *detail)
{
    if (what && !(it.what = og_arena_strdup(&a->doc->arena, what)))
        return -1;
    if (detail && !(it.detail = og_arena_strdup(&a->doc->arena, detail)))
        return -1;
    return OG_VEC_PUSH(&a->items, it, OG_MAX_A11Y) == -1 ? -1 : 0; /* past the limit: unlisted */
}

static void name_of(og_xml_stream *s, const char *ns, char *out, size_t cap)
{
    char *o;
    const char *v = og_xml_attr_ref(s, ns, "name", &o);
    snprintf(out, cap, "%s", v ? v : "");
    xmlFree(o);
}

static int attr_true(og_xml_stream *s, const char *ns, const char *local)
{
    char *o;
    const char *v = og_xml_attr_ref(s, ns, local, &o);
    int yes = v && strcmp(v, "true") == 0;
    xmlFree(o);
    return yes;
}

static int is_zip(const odfgate_doc *d) { return d->container && strcmp(d->container, "zip") == 0; }

/* Does a linked image's file exist?  Relative links are relative to the package as a folder
 * (ODF 1.3 part 3, 3.8: "../x.png" is beside a packaged document) or to a flat file's folder;
 * file: URLs are read as local paths.  Other schemes (http …) are not judged here. */
static int link_missing(const odfgate_doc *d, const char *href)
{
    if (!d->path || strcmp(d->path, "-") == 0)
        return 0; /* read from standard input: no folder to look in */
    char path[4096], decoded[4096];
    size_t j = 0;
    for (size_t i = 0; href[i] && j + 1 < sizeof(decoded); i++) { /* %XX decoded */
        if (href[i] == '%' && isxdigit((unsigned char)href[i + 1]) &&
            isxdigit((unsigned char)href[i + 2])) {
            char hex[3] = {href[i + 1], href[i + 2], 0};
            decoded[j++] = (char)strtol(hex, NULL, 16);
            i += 2;
        } else
            decoded[j++] = href[i];
    }
    decoded[j] = '\0';
    const char *p = decoded;
    if (strncasecmp(p, "file://", 7) == 0) {
        p += 7;
        if (strncasecmp(p, "localhost/", 10) == 0)
            p += 9;
        if (*p != '/')
            return 0; /* another host's file: not judged */
        snprintf(path, sizeof(path), "%s", p);
    } else {
        for (const char *q = p; *q && *q != '/'; q++)
            if (*q == ':')
                return 0; /* another scheme */
        if (*p == '/')
            snprintf(path, sizeof(path), "%s", p);
        else {
            if (is_zip(d) && strncmp(p, "../", 3) == 0)
                p += 3;
            else if (is_zip(d))
                return 0; /* inside the package: og_href_internal said so */
            if (strncmp(p, "./", 2) == 0)
                p += 2;
            const char *slash = strrchr(d->path, '/');
            int dir = slash ? (int)(slash - d->path) : 0;
            int n = snprintf(path, sizeof(path), "%.*s%s%s", dir, slash ? d->path : "",
                             slash ? "/" : "", p);
            if (n < 0 || (size_t)n >= sizeof(path))
                return 0; /* too long to look for */
        }
    }
    struct stat stbuf;
    return stat(path, &stbuf) != 0;
}

static struct og_a11y_frame *top_frame(og_a11y_reader *a)
{
    return a->frame_count ? &a->frames[a->frame_count - 1] : NULL;
}

static struct og_a11y_table *top_table(og_a11y_reader *a)
{
    return a->table_count ? &a->tables[a->table_count - 1] : NULL;
}

/* The innermost table's cell has content. */
static void cell_has_content(og_a11y_reader *a)
{
    for (int i = 0; i < a->table_count; i++)
        a->tables[i].cell_text = 1;
}

static int frame_start(og_a11y_reader *a, og_xml_stream *s, const char *kind, int depth, int empty,
                       uint32_t para)
{
    struct og_a11y_frame *outer = top_frame(a);
    if (outer && outer->kind && strcmp(outer->kind, "shape") == 0)
        return 0; /* a shape in a group: the group is the object */
    cell_has_content(a);
    if (a->frame_count == OG_A11Y_NEST) {
        return 0;
    }
    struct og_a11y_frame *f = &a->frames[a->frame_count];
    memset(f, 0, sizeof(*f));
    f->depth = depth;
    f->para = para;
    f->kind = kind; /* NULL for a frame until its content says */
    name_of(s, OG_NS_DRAW, f->name, sizeof(f->name));
    f->decorative = (uint8_t)attr_true(s, a->ns_loext, "decorative");
    char *o;
    const char *anchor = og_xml_attr_ref(s, OG_NS_TEXT, "anchor-type", &o);
    f->floating = !(anchor && strcmp(anchor, "as-char") == 0);
    xmlFree(o);
    if (!empty) {
        a->frame_count++;
        return 0;
    }
    if (!kind || f->decorative)
        return 0;
    og_a11y_item it = {.cls = OG_A11Y_ALT, .kind = kind, .paragraph = para};
    return push(a, it, f->name[0] ? f->name : NULL, NULL);
}

static int frame_end(og_a11y_reader *a)
{
    struct og_a11y_frame *f = &a->frames[--a->frame_count];
    int rc = 0;
    const char *name = f->name[0] ? f->name : NULL;
    if (f->kind && strcmp(f->kind, "text frame") == 0) {
        if (f->floating && f->text) {
            og_a11y_item it = {.cls = OG_A11Y_FLOATING, .kind = f->kind, .paragraph = f->para};
            rc = push(a, it, name, NULL);
        }
    } else if (f->kind && !f->alt && !f->decorative) {
        og_a11y_item it = {.cls = OG_A11Y_ALT, .kind = f->kind, .paragraph = f->para};
        rc = push(a, it, name, NULL);
    }
    if (rc == 0 && f->kind && strcmp(f->kind, "shape") == 0 && f->floating && f->text) {
        /* a shape holding text, not anchored as a character: floating text too */
        og_a11y_item it = {.cls = OG_A11Y_FLOATING, .kind = f->kind, .paragraph = f->para};
        rc = push(a, it, name, NULL);
    }
    return rc;
}

static int table_start(og_a11y_reader *a, og_xml_stream *s, int depth, uint32_t para)
{
    cell_has_content(a);
    if (a->table_count == OG_A11Y_NEST) {
        a->table_lost++;
        return 0;
    }
    struct og_a11y_table *t = &a->tables[a->table_count++];
    memset(t, 0, sizeof(*t));
    t->depth = depth;
    t->row_depth = t->cell_depth = -1;
    t->para = para;
    name_of(s, OG_NS_TABLE, t->name, sizeof(t->name));
    return 0;
}

static int table_end(og_a11y_reader *a)
{
    struct og_a11y_table *t = &a->tables[--a->table_count];
    const char *name = t->name[0] ? t->name : NULL;
    og_a11y_item it = {.paragraph = t->para};
    int rc = 0;
    /* LibreOffice 7.4's rule: more than one row, and a cell spanning rows or a row with
     * another number of cells than the first (a column span leaves a row fewer cells) */
    if (t->rows > 1 && (t->row_span || t->uneven)) {
        it.cls = OG_A11Y_TABLE_MERGED;
        rc |= push(a, it, name, NULL);
    }
    if (t->row_empty_at) {
        it.cls = OG_A11Y_TABLE_EMPTY;
        it.a = (int32_t)t->row_empty_at;
        rc |= push(a, it, name, NULL);
    }
    if (t->rows >= 2 && !t->header_rows) {
        it.cls = OG_A11Y_TABLE_HEADER;
        it.a = 0;
        rc |= push(a, it, name, NULL);
    }
    return rc ? -1 : 0;
}

static void cell_start(og_a11y_reader *a, og_xml_stream *s, int depth, int covered)
{
    struct og_a11y_table *t = top_table(a);
    if (!t || t->cell_depth >= 0)
        return;
    char *o[2];
    const char *cols = og_xml_attr_ref(s, OG_NS_TABLE, "number-columns-spanned", &o[0]);
    const char *rows = og_xml_attr_ref(s, OG_NS_TABLE, "number-rows-spanned", &o[1]);
    (void)cols;
    if (!covered && rows && strtol(rows, NULL, 10) > 1)
        t->row_span = 1;
    xmlFree(o[0]);
    xmlFree(o[1]);
    if (!covered) {
        t->cell_depth = depth; /* a covered cell is part of another: not judged empty */
        long n = 1;
        char *r;
        const char *rep = og_xml_attr_ref(s, OG_NS_TABLE, "number-columns-repeated", &r);
        if (rep && (n = strtol(rep, NULL, 10)) < 1)
            n = 1;
        xmlFree(r);
        t->row_cells += n > 100000 ? 100000u : (uint32_t)n;
    }
    t->cell_text = 0;
}

/* The draw: elements that are shapes (ODF 1.3 part 3, 10.3), groups included. */
static int is_shape(const char *local)
{
    static const char *const shapes[] = {
        "rect", "line",         "polyline",  "polygon", "path",    "circle",         "ellipse",
        "g",    "custom-shape", "connector", "caption", "measure", "regular-polygon"};
    for (size_t i = 0; i < OG_ARRAY_LEN(shapes); i++)
        if (strcmp(local, shapes[i]) == 0)
            return 1;
    return 0;
}

static int capture(og_a11y_reader *a, int depth, int link)
{
    a->capture_depth = depth;
    a->capture_link = link;
    og_buf_reset(&a->captured);
    return 0;
}

int og_a11y_element(og_a11y_reader *a, og_xml_stream *s, const char *ns, const char *local,
                    int depth, int empty, uint32_t para)
{
    if (a->ignore_depth >= 0)
        return 0;
    if ((ns == a->ns_office && local == a->annotation) ||
        (ns == a->ns_text && local == a->tracked_changes)) {
        if (!empty)
            a->ignore_depth = depth;
        return 0;
    }
    struct og_a11y_frame *f = top_frame(a);
    if (ns == a->ns_draw) {
        if (local == a->frame)
            return frame_start(a, s, NULL, depth, empty, para);
        if (f && depth == f->depth + 1 && !f->kind) {
            if (local == a->image) {
                f->kind = "image";
                char *o;
                const char *href = og_xml_attr_ref(s, OG_NS_XLINK, "href", &o);
                int rc = 0;
                /* a flat file has no package: a relative link is a file beside it */
                int outside =
                    href && *href && (!is_zip(a->doc) ? href[0] != '#' : !og_href_internal(href));
                if (outside && link_missing(a->doc, href)) {
                    og_a11y_item it = {.cls = OG_A11Y_LINKED_IMAGE, .paragraph = f->para};
                    rc = push(a, it, f->name[0] ? f->name : NULL, href);
                }
                xmlFree(o);
                return rc;
            }
            if (local == a->object || local == a->object_ole)
                f->kind = "object";
            else if (local == a->text_box)
                f->kind = "text frame";
            return 0;
        }
        if (f && depth == f->depth + 1 && f->kind && strcmp(f->kind, "image") == 0 &&
            (local == a->object || local == a->object_ole)) {
            f->kind = "object"; /* an object with its replacement image */
            return 0;
        }
        if (f || !is_shape(local))
            return 0; /* inside a frame's or shape's content, or not a shape */
        return frame_start(a, s, "shape", depth, empty, para);
    }
    if (ns == a->ns_svg && f && depth == f->depth + 1 && (local == a->title || local == a->desc)) {
        return empty ? 0 : capture(a, depth, 0);
    }
    if (ns == a->ns_table) {
        struct og_a11y_table *t = top_table(a);
        if (local == a->table)
            return empty ? 0 : table_start(a, s, depth, para);
        if (!t || a->table_lost)
            return 0;
        if (local == a->header_rows && depth == t->depth + 1)
            t->in_header = !empty;
        else if (local == a->table_row && t->row_depth < 0 && !empty) {
            t->row_depth = depth;
            char *o;
            const char *rep = og_xml_attr_ref(s, OG_NS_TABLE, "number-rows-repeated", &o);
            long n = rep ? strtol(rep, NULL, 10) : 1;
            xmlFree(o);
            t->rows += n < 1 ? 1u : n > 100000 ? 100000u : (uint32_t)n;
            t->header_rows += t->in_header;
            t->row_empty = !t->in_header;
            t->row_cells = 0;
        } else if (local == a->table_cell && t->row_depth >= 0)
            cell_start(a, s, depth, 0);
        else if (local == a->covered_cell && t->row_depth >= 0)
            cell_start(a, s, depth, 1);
        return 0;
    }
    if (ns != a->ns_text)
        return 0;
    if (local == a->list && !empty)
        a->list_depth++;
    else if (local == a->tab && a->in_para && !a->frame_count) {
        if (++a->tabs > a->max_tabs)
            a->max_tabs = a->tabs;
    } else if (local == a->a && !empty && a->capture_depth < 0) {
        char *o;
        const char *href = og_xml_attr_ref(s, OG_NS_XLINK, "href", &o);
        og_buf_reset(&a->href);
        int rc = og_buf_adds(&a->href, href ? href : "");
        xmlFree(o);
        if (rc == OG_BUF_NOMEM)
            return -1;
        a->link_para = para;
        return capture(a, depth, 1);
    }
    return 0;
}

int og_a11y_satisfied(const og_a11y_reader *a) { return a->default_seen && !a->undefined; }

/* The style a paragraph or span of the body names (family 'p' or 't'): an automatic style if
 * one has the name (they are all read before the body), else a common one, known or not yet
 * (resolved once the passes are over).  The last name of each family is remembered: body
 * elements repeat their styles.  The key, -1 none, -2 out of memory. */
static int32_t used_style(og_a11y_reader *a, char family, const char *name)
{
    struct og_a11y_memo *memo = a->memo[family == 't'];
    for (int i = 0; i < OG_A11Y_MEMO; i++)
        if (memo[i].valid && strcmp(memo[i].name, name) == 0)
            return memo[i].key;
    struct og_a11y_memo *m = &memo[a->memo_next[family == 't']++ % OG_A11Y_MEMO];
    size_t k = style_key(a, family, 1, name, 0);
    if (k == (size_t)-1 || !a->styles.items[k].defined)
        k = style_key(a, family, 0, name, 1);
    if (k == (size_t)-2)
        return -2;
    int32_t key = k == (size_t)-1 ? -1 : (int32_t)k;
    size_t n = strlen(name);
    m->valid = n < sizeof(m->name);
    if (m->valid) {
        memcpy(m->name, name, n + 1);
        m->key = key;
    }
    return key;
}

int og_a11y_para(og_a11y_reader *a, og_xml_stream *s)
{
    struct og_a11y_para p = {.pstyle = -1, .first_style = -1};
    char *o;
    const char *style = og_xml_attr_ref(s, OG_NS_TEXT, "style-name", &o);
    if (style && (p.pstyle = used_style(a, 'p', style)) == -2) {
        xmlFree(o);
        return -1;
    }
    xmlFree(o);
    a->span_count = 0;
    a->last_run_style = -2;
    a->tabs = a->max_tabs = a->max_spaces = 0;
    a->in_para = 1;
    return OG_VEC_PUSH(&a->paras, p, SIZE_MAX) ? -1 : 0;
}

int og_a11y_para_end(og_a11y_reader *a, uint32_t para)
{
    a->in_para = 0;
    og_a11y_item it = {.paragraph = para};
    if (a->max_spaces >= 2) {
        it.cls = OG_A11Y_SPACES;
        it.a = (int32_t)a->max_spaces;
        if (push(a, it, NULL, NULL) < 0)
            return -1;
    }
    if (a->max_tabs >= 2) {
        it.cls = OG_A11Y_TABS;
        it.a = (int32_t)a->max_tabs;
        if (push(a, it, NULL, NULL) < 0)
            return -1;
    }
    return 0;
}

int og_a11y_span(og_a11y_reader *a, og_xml_stream *s, int depth, int empty)
{
    if (empty)
        return 0;
    if (a->span_count == OG_A11Y_NEST) {
        return 0;
    }
    char *o;
    const char *style = og_xml_attr_ref(s, OG_NS_TEXT, "style-name", &o);
    int32_t k = -1;
    if (style && (k = used_style(a, 't', style)) == -2) {
        xmlFree(o);
        return -1;
    } else if (!style && a->span_count)
        k = a->spans[a->span_count - 1].style; /* a span without a style: its parent's */
    xmlFree(o);
    a->spans[a->span_count].depth = depth;
    a->spans[a->span_count].style = k;
    a->span_count++;
    return 0;
}

void og_a11y_space(og_a11y_reader *a, og_xml_stream *s)
{
    char *o;
    const char *c = og_xml_attr_ref(s, OG_NS_TEXT, "c", &o);
    long n = c ? strtol(c, NULL, 10) : 1;
    xmlFree(o);
    /* text:s follows a space the text holds (a run of n + 1), or starts the paragraph */
    if (n > 0 && (uint32_t)n + 1 > a->max_spaces)
        a->max_spaces = n > 1000000 ? 1000000u : (uint32_t)n + 1;
    a->tabs = 0;
}

static int link_end(og_a11y_reader *a)
{
    og_a11y_item it = {.cls = OG_A11Y_LINK_TEXT, .paragraph = a->link_para};
    og_buf *t = &a->captured;
    return push(a, it, t->len ? t->data : "", a->href.len ? a->href.data : "");
}

int og_a11y_end(og_a11y_reader *a, const char *ns, const char *local, int depth)
{
    if (a->ignore_depth >= 0) {
        if (depth == a->ignore_depth)
            a->ignore_depth = -1;
        return 0;
    }
    if (depth == a->capture_depth) {
        a->capture_depth = -1;
        if (a->capture_link)
            return link_end(a);
        struct og_a11y_frame *f = top_frame(a);
        for (size_t i = 0; f && i < a->captured.len; i++)
            if (!isspace((unsigned char)a->captured.data[i])) {
                f->alt = 1;
                break;
            }
        return 0;
    }
    if (a->span_count && a->spans[a->span_count - 1].depth == depth) {
        a->span_count--;
        return 0;
    }
    if (ns == a->ns_text && local == a->list) {
        a->list_depth -= a->list_depth > 0;
        return 0;
    }
    struct og_a11y_frame *f = top_frame(a);
    if (f && depth == f->depth)
        return frame_end(a);
    struct og_a11y_table *t = top_table(a);
    if (!t || ns != a->ns_table)
        return 0;
    if (local == a->table && a->table_lost) {
        a->table_lost--; /* a table nested too deep to follow ends: the ones around it go on */
        return 0;
    }
    if (depth == t->cell_depth) {
        t->cell_depth = -1;
        if (t->cell_text)
            t->row_empty = 0;
    } else if (depth == t->row_depth) {
        t->row_depth = -1;
        if (t->row_empty && t->row_cells && !t->row_empty_at)
            t->row_empty_at = t->rows;
        if (!t->have_first) {
            t->first_cells = t->row_cells;
            t->have_first = 1;
        } else if (t->row_cells != t->first_cells)
            t->uneven = 1;
    } else if (local == a->header_rows)
        t->in_header = 0;
    else if (depth == t->depth)
        return table_end(a);
    return 0;
}

int og_a11y_text(og_a11y_reader *a, const char *v, int in_para, uint32_t para)
{
    if (a->ignore_depth >= 0)
        return 0;
    if (a->capture_depth >= 0) {
        int rc = og_append_collapsed(&a->captured, v, strlen(v));
        if (rc == OG_BUF_NOMEM)
            return -1;
        if (!a->capture_link)
            return 0; /* a title or description: no content of the object */
    }
    if (in_para)
        a->tabs = 0; /* any text between tabs, a space too, ends a run */
    const char *c = v;
    while (*c && isspace((unsigned char)*c))
        c++;
    if (!*c)
        return 0;
    cell_has_content(a);
    struct og_a11y_frame *f = top_frame(a);
    if (f && f->kind && (strcmp(f->kind, "text frame") == 0 || strcmp(f->kind, "shape") == 0))
        f->text = 1;
    if (!in_para || !a->paras.len)
        return 0;
    struct og_a11y_para *p = &a->paras.items[a->paras.len - 1];
    int32_t style = a->span_count ? a->spans[a->span_count - 1].style : -1;
    if (!p->has_text) {
        p->has_text = 1;
        p->first_style = style;
    }
    if (style == a->last_run_style)
        return 0;
    a->last_run_style = style;
    struct og_a11y_run r = {.para = para, .tstyle = style};
    return OG_VEC_PUSH(&a->runs, r, MAX_RUNS) == -1 ? -1 : 0;
}

/* ------------------------------------------------------------------ finish */

static int32_t first_set(int32_t a, int32_t b, int32_t c)
{
    return a != OG_COLOUR_UNSET ? a : b != OG_COLOUR_UNSET ? b : c;
}

static int8_t first_flag(const og_a11y_props *t, const og_a11y_props *p, int8_t def, int super)
{
    int8_t x = t ? (super ? t->r_super : t->r_blink) : -1;
    if (x < 0 && p)
        x = super ? p->r_super : p->r_blink;
    return x >= 0 ? x : def;
}

/* Runs of text: their colours (each style resolved once) and blinking. */
static int judge_runs(og_a11y_reader *a)
{
    uint32_t last_para = 0;
    int32_t last_fg = OG_COLOUR_UNSET, last_bg = OG_COLOUR_UNSET;
    uint32_t blink_para = 0;
    for (size_t i = 0; i < a->runs.len; i++) {
        const struct og_a11y_run *r = &a->runs.items[i];
        if (r->para == 0 || r->para > a->paras.len)
            continue;
        const og_a11y_props *p = resolve(a, a->paras.items[r->para - 1].pstyle);
        const og_a11y_props *t = resolve(a, r->tstyle);
        int32_t fg =
            first_set(t ? t->r_fg : OG_COLOUR_UNSET, p ? p->r_fg : OG_COLOUR_UNSET, a->def.fg);
        int32_t bg = first_set(t ? t->r_text_bg : OG_COLOUR_UNSET,
                               p ? p->r_text_bg : OG_COLOUR_UNSET, a->def.text_bg);
        if (bg < 0) /* no highlight: the paragraph's background, else the page's (white) */
            bg = first_set(p ? p->r_para_bg : OG_COLOUR_UNSET, a->def.para_bg, 0xFFFFFF);
        if (bg < 0)
            bg = 0xFFFFFF;
        og_a11y_item it = {.paragraph = r->para};
        /* black on white, the most written colours, can never be too little contrast */
        if (fg >= 0 && !(fg == 0 && bg == 0xFFFFFF) &&
            !(r->para == last_para && fg == last_fg && bg == last_bg)) {
            it.cls = OG_A11Y_COLOURS;
            it.a = fg;
            it.b = bg;
            if (push(a, it, NULL, NULL) < 0)
                return -1;
            last_para = r->para;
            last_fg = fg;
            last_bg = bg;
        }
        if (blink_para != r->para && first_flag(t, p, a->def.blink, 0) > 0) {
            it.cls = OG_A11Y_BLINK;
            if (push(a, it, NULL, NULL) < 0)
                return -1;
            blink_para = r->para;
        }
    }
    return 0;
}

/* Paragraphs: a superscript first character; a style in use without a language. */
static int judge_paras(og_a11y_reader *a)
{
    uint8_t *told = calloc(a->styles.len ? a->styles.len : 1, 1);
    if (!told)
        return -1;
    int rc = 0;
    for (size_t i = 0; i < a->paras.len && rc == 0; i++) {
        const struct og_a11y_para *q = &a->paras.items[i];
        const og_a11y_props *p = resolve(a, q->pstyle);
        og_a11y_item it = {.paragraph = (uint32_t)i + 1};
        if (q->has_text && first_flag(resolve(a, q->first_style), p, a->def.super, 1) > 0) {
            it.cls = OG_A11Y_SUPER_START;
            rc = push(a, it, NULL, NULL);
        }
        if (rc == 0 && p && p->r_lang == 0 && a->def.lang == 1) {
            /* named: the style that sets [None] itself (its children inherit it), as
             * LibreOffice names the style whose own language is none */
            int32_t x = q->pstyle;
            for (int n = 0; x >= 0 && a->styles.items[x].lang != 0 && n < 256; n++)
                x = a->styles.items[x].parent;
            if (x < 0 || told[x])
                continue;
            told[x] = 1;
            it.cls = OG_A11Y_STYLE_LANG;
            int automatic = a->keys.keys[x][0] == 'p';
            it.kind = automatic ? "direct formatting" : "paragraph style";
            rc = push(a, it, automatic ? NULL : a->styles.items[x].display, NULL);
        }
    }
    free(told);
    return rc;
}

int og_a11y_finish(og_a11y_reader *a)
{
    odfgate_doc *d = a->doc;
    d->language = a->def.lang;
    if (judge_runs(a) < 0 || judge_paras(a) < 0)
        return -1;
    if (!a->items.len)
        return 0;
    d->a11y = og_arena_alloc(&d->arena, a->items.len * sizeof(og_a11y_item));
    if (!d->a11y)
        return -1;
    memcpy(d->a11y, a->items.items, a->items.len * sizeof(og_a11y_item));
    d->a11y_count = (uint32_t)a->items.len;
    return 0;
}
