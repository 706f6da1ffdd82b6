/* hygiene.c — hygiene facts noticed during the reader's pass, see hygiene.h. */
#include "read/hygiene.h"

#include "base/url.h"
#include "text/text.h"

#include <limits.h>
#include <time.h>
#include <strings.h>

#define OG_NS_SCRIPT "urn:oasis:names:tc:opendocument:xmlns:script:1.0"
#define OG_NS_FO     "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
#define MAX_TOCS     16
#define MAX_ENTRIES  100000

void og_hyg_init(og_hyg_reader *h, odfgate_doc *doc, size_t max_text)
{
    memset(h, 0, sizeof(*h));
    h->doc = doc;
    h->capture_depth = h->in_region = h->author_depth = h->date_depth = h->kind_depth = -1;
    h->toc_depth = h->toc_body_depth = h->toc_para_depth = h->toc_title_depth = -1;
    h->ended = INT_MAX;
    og_buf_init(&h->text, max_text);
    og_buf_init(&h->author, 4096);
    og_buf_init(&h->when, 256);
    og_buf_init(&h->style_name, 4096);
}

void og_hyg_free(og_hyg_reader *h)
{
    og_buf_free(&h->text);
    og_buf_free(&h->author);
    og_buf_free(&h->when);
    og_buf_free(&h->style_name);
    free(h->items.items);
    free(h->markers.items);
    free(h->adjacent.items);
    free(h->toc_entries.items);
    free(h->tocs.items);
}

/* X(field, string): the names compared by pointer (interned in the reader's dictionary) */
// clang-format off
#define HYG_NAMES(X)                                                                               \
    X(ns_office, OG_NS_OFFICE) X(ns_text, OG_NS_TEXT) X(ns_draw, OG_NS_DRAW)                       \
    X(ns_script, OG_NS_SCRIPT) X(ns_dc, OG_NS_DC)                                                  \
    X(annotation, "annotation") X(creator, "creator") X(date, "date")                              \
    X(changed_region, "changed-region") X(insertion, "insertion") X(deletion, "deletion")          \
    X(format_change, "format-change") X(table_of_content, "table-of-content")                      \
    X(index_body, "index-body") X(index_title, "index-title") X(p, "p") X(h, "h")                  \
    X(tab, "tab") X(s, "s") X(line_break, "line-break") X(hidden_paragraph, "hidden-paragraph")    \
    X(hidden_text, "hidden-text") X(conditional_text, "conditional-text") X(section, "section")    \
    X(frame, "frame") X(image, "image") X(object, "object") X(object_ole, "object-ole")            \
    X(a, "a") X(event_listener, "event-listener") X(execute_macro, "execute-macro")                \
    X(section_source, "section-source") X(toc_mark, "toc-mark") X(span, "span")                    \
    X(script, "script")  X(change, "change")                                                       \
    X(change_start, "change-start") X(change_end, "change-end")                                    \
    X(toc_mark_start, "toc-mark-start") X(toc_source, "table-of-content-source")
// clang-format on

int og_hyg_intern(og_hyg_reader *h, xmlTextReaderPtr x)
{
    int ok = 1;
#define I(field, string)                                                                           \
    ok &= (h->n.field = (const char *)xmlTextReaderConstString(x, (const xmlChar *)(string))) !=   \
          NULL;
    HYG_NAMES(I)
#undef I
    return ok ? 0 : -1;
}

/* Push an item; strings are copied into the document's arena.  0, or -1. */
/* Push item `it` with copies of what and when.  1 pushed, 0 past OG_MAX_HYG (the rest are not
 * listed: docs/limits.md), -1 out of memory. */
static int push_item(og_hyg_reader *h, og_hyg_item it, const char *what, const char *when)
{
    if (what && !(it.what = og_arena_strdup(&h->doc->arena, what)))
        return -1;
    if (when && !(it.when = og_arena_strdup(&h->doc->arena, when)))
        return -1;
    int rc = OG_VEC_PUSH(&h->items, it, OG_MAX_HYG);
    return rc == -1 ? -1 : rc == 0;
}

static int push(og_hyg_reader *h, int cls, const char *kind, const char *what, const char *when,
                uint32_t para)
{
    og_hyg_item it = {.cls = (uint8_t)cls, .kind = kind, .paragraph = para, .node = h->node};
    return push_item(h, it, what, when) < 0 ? -1 : 0;
}

/* A hidden-text fact naming the element's attribute ns:local (or nothing). */
static int push_attr(og_hyg_reader *h, og_xml_stream *s, const char *ns, const char *local,
                     const char *kind, uint32_t para)
{
    char *owned;
    const char *v = og_xml_attr_ref(s, ns, local, &owned);
    int rc = push(h, OG_HYG_HIDDEN, kind, v, NULL, para);
    xmlFree(owned);
    return rc;
}

static int attr_is(og_xml_stream *s, const char *ns, const char *local, const char *value)
{
    char *owned;
    const char *v = og_xml_attr_ref(s, ns, local, &owned);
    int is = v && strcmp(v, value) == 0;
    xmlFree(owned);
    return is;
}

/* A length as ODF writes it ("2.5cm", "-30mm", "1in", "72pt") in centimetres; NAN-free:
 * 0 when it cannot be read (*ok = 0). */
static double length_cm(const char *v, int *ok)
{
    char *end;
    double x;
    *ok = 0;
    if (!v)
        return 0;
    x = strtod(v, &end);
    if (end == v)
        return 0;
    *ok = 1;
    if (strcmp(end, "cm") == 0)
        return x;
    if (strcmp(end, "mm") == 0)
        return x / 10;
    if (strcmp(end, "in") == 0)
        return x * 2.54;
    if (strcmp(end, "pt") == 0)
        return x * 2.54 / 72;
    if (strcmp(end, "pc") == 0)
        return x * 2.54 / 6;
    if (strcmp(end, "px") == 0)
        return x * 2.54 / 96;
    *ok = 0;
    return 0;
}

static double attr_cm(og_xml_stream *s, const char *local, int *ok)
{
    char *owned;
    const char *v = og_xml_attr_ref(s, OG_NS_SVG, local, &owned);
    double cm = length_cm(v, ok);
    xmlFree(owned);
    return cm;
}

/* A frame anchored to the page that lies wholly off it (left of or above the page, or
 * beyond the largest paper size, 1 m).  Frames anchored to text are placed by LibreOffice
 * inside the page. */
static int frame_off_page(og_xml_stream *s)
{
    int okx, oky, okw, okh;
    if (!attr_is(s, OG_NS_TEXT, "anchor-type", "page"))
        return 0;
    double x = attr_cm(s, "x", &okx), y = attr_cm(s, "y", &oky);
    double w = attr_cm(s, "width", &okw), hgt = attr_cm(s, "height", &okh);
    if (!okw)
        w = 0;
    if (!okh)
        hgt = 0;
    return (okx && (x + w <= 0 || x >= 100)) || (oky && (y + hgt <= 0 || y >= 100));
}

static const og_conceal_style *conceal_lookup(const og_hyg_reader *h, const char *name,
                                              int paragraph)
{
    const og_conceal_style *common = NULL;
    for (size_t i = 0; i < h->conceal_count; i++) {
        const og_conceal_style *c = &h->conceal[i];
        if (c->paragraph != paragraph || strcmp(c->name, name) != 0)
            continue;
        if (c->automatic)
            return c; /* an automatic style of that name is the one meant */
        common = c;
    }
    return common;
}

/* A paragraph's or span's style that hides its text or paints it white. */
static int styled_text(og_hyg_reader *h, og_xml_stream *s, int paragraph, uint32_t para)
{
    char *owned;
    const char *name = og_xml_attr_ref(s, OG_NS_TEXT, "style-name", &owned);
    const og_conceal_style *c = name ? conceal_lookup(h, name, paragraph) : NULL;
    int rc = 0;
    if (c && !c->hidden && h->boxed)
        c = NULL; /* white in a table cell or a frame: on the cell's or frame's background */
    if (c)
        rc = push(h, OG_HYG_HIDDEN,
                  c->hidden ? (paragraph ? "paragraph hidden by its style"
                                         : "text hidden by its character style")
                            : (paragraph ? "white text on white (paragraph style)"
                                         : "white text on white"),
                  name, NULL, para);
    xmlFree(owned);
    return rc;
}

int og_hyg_span(og_hyg_reader *h, og_xml_stream *s, uint32_t para)
{
    return styled_text(h, s, 0, para);
}

int og_href_internal(const char *href)
{
    if (!href || !*href)
        return 1;
    if (href[0] == '#')
        return 1;
    if (strncmp(href, "./", 2) == 0)
        href += 2;
    if (href[0] == '/' || href[0] == '\\' || strncmp(href, "../", 3) == 0)
        return 0;
    for (const char *p = href; *p && *p != '/'; p++)
        if (*p == ':')
            return 0; /* a scheme */
    return 1;
}

static int link_element(og_hyg_reader *h, og_xml_stream *s, const char *local, uint32_t para)
{
    char *owned;
    const char *href = og_xml_attr_ref(s, OG_NS_XLINK, "href", &owned);
    int rc = 0;
    if (!href) {
        xmlFree(owned);
        return 0;
    }
    if (local == h->n.a) {
        if (strncasecmp(href, "vnd.sun.star.script:", 20) == 0 ||
            strncasecmp(href, "macro:", 6) == 0)
            rc = push(h, OG_HYG_MACRO, "hyperlink that runs a macro", href, NULL, para);
        else if (!og_url_is_http(href) && !og_href_internal(href) &&
                 strncasecmp(href, "mailto:", 7) != 0)
            rc = push(h, OG_HYG_LINK, "hyperlink", href, NULL, para);
    } else if (local == h->n.image) {
        if (!og_href_internal(href))
            rc = push(h, OG_HYG_LINK, "linked image", href, NULL, para);
    } else if (local == h->n.object || local == h->n.object_ole) {
        if (!og_href_internal(href))
            rc = push(h, OG_HYG_LINK, "linked object", href, NULL, para);
        else /* the type is read from the manifest in og_hyg_finish */
            rc = push(h, OG_HYG_OBJECT, local == h->n.object ? "object" : "OLE object", href, NULL,
                      para);
    } else if (local == h->n.section_source) {
        rc = push(h, OG_HYG_LINK, "linked section", href, NULL, para);
    }
    xmlFree(owned);
    return rc;
}

/* Start reading an item whose author and date are children (a comment, a change). */
static void region_start(og_hyg_reader *h, int cls, const char *kind, int depth, uint32_t para)
{
    h->in_region = depth;
    h->cur = (og_hyg_item){.cls = (uint8_t)cls, .kind = kind, .paragraph = para, .node = h->node};
    og_buf_reset(&h->author);
    og_buf_reset(&h->when);
    h->author_depth = h->date_depth = -1;
    if (depth < h->ended)
        h->ended = depth;
}

static int region_end(og_hyg_reader *h)
{
    const char *who = h->author.len ? h->author.data : NULL;
    int rc;
    h->in_region = -1;
    h->comment_pushed = 0;
    if (h->cur.cls == OG_HYG_COMMENT && who && strcmp(who, OG_OWN_AUTHOR) == 0)
        return 0; /* odfgate's own findings */
    rc = push_item(h, h->cur, who, h->when.len ? h->when.data : NULL);
    h->comment_pushed = rc == 1 && h->cur.cls == OG_HYG_COMMENT;
    return rc < 0 ? -1 : 0;
}

/* Where a change is in the text (its region sits in text:tracked-changes, at the start). */
static int marker(og_hyg_reader *h, og_xml_stream *s, uint32_t para, const char **out)
{
    char *owned;
    const char *id = og_xml_attr_ref(s, OG_NS_TEXT, "change-id", &owned);
    struct og_hyg_marker m = {id ? og_arena_strdup(&h->doc->arena, id) : NULL, para};
    xmlFree(owned);
    *out = m.id;
    if (!m.id)
        return id ? -1 : 0;
    return OG_VEC_PUSH(&h->markers, m, OG_MAX_HYG) == -1 ? -1 : 0;
}

/* An ISO 8601 date-time ("2014-09-09T11:31:00", fractions and zone ignored) in seconds; -1. */
static long long seconds_of(const char *d)
{
    struct tm tm;
    memset(&tm, 0, sizeof(tm));
    if (!d || sscanf(d, "%4d-%2d-%2dT%2d:%2d:%2d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday,
                     &tm.tm_hour, &tm.tm_min, &tm.tm_sec) < 5)
        return -1;
    tm.tm_year -= 1900;
    tm.tm_mon -= 1;
    return (long long)timegm(&tm);
}

static const og_hyg_item *change_by_id(const og_hyg_item *const *byid, size_t n, const char *id)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(byid[mid]->id, id);
        if (c == 0)
            return byid[mid];
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

static int byid_cmp(const void *a, const void *b)
{
    return strcmp((*(const og_hyg_item *const *)a)->id, (*(const og_hyg_item *const *)b)->id);
}

/* LibreOffice shows two changes as one when the second starts where the first ended and both
 * are of one kind, by one author, made within a minute (SwRedlineData::CanCombine): so are
 * they counted here.  The second goes (its text is the first's).  0, or -1 out of memory. */
static int merge_adjacent(og_hyg_reader *h)
{
    size_t n = 0;
    if (!h->adjacent.len)
        return 0;
    const og_hyg_item **byid = malloc((h->items.len + 1) * sizeof(*byid));
    if (!byid)
        return -1;
    for (size_t i = 0; i < h->items.len; i++)
        if (h->items.items[i].cls == OG_HYG_CHANGE && h->items.items[i].id)
            byid[n++] = &h->items.items[i];
    qsort(byid, n, sizeof(*byid), byid_cmp);
    for (size_t k = 0; k < h->adjacent.len; k++) {
        const og_hyg_item *a = change_by_id(byid, n, h->adjacent.items[k].first);
        og_hyg_item *b = (og_hyg_item *)change_by_id(byid, n, h->adjacent.items[k].second);
        long long ta, tb;
        if (!a || !b || a == b || a->cls != OG_HYG_CHANGE || strcmp(a->kind, b->kind) != 0 ||
            strcmp(a->what ? a->what : "", b->what ? b->what : "") != 0)
            continue;
        ta = seconds_of(a->when);
        tb = seconds_of(b->when);
        if (ta < 0 || tb < 0 || (ta > tb ? ta - tb : tb - ta) > 60)
            continue;
        b->cls = 0; /* merged into a */
    }
    free(byid);
    size_t w = 0;
    for (size_t i = 0; i < h->items.len; i++)
        if (h->items.items[i].cls)
            h->items.items[w++] = h->items.items[i];
    h->items.len = w;
    return 0;
}

static int marker_cmp(const void *a, const void *b)
{
    const struct og_hyg_marker *x = a, *y = b;
    int c = strcmp(x->id, y->id);
    return c ? c : (x->para > y->para) - (x->para < y->para);
}

/* Each change at the paragraph of its first marker: sorted markers, one search per change. */
static void place_changes(og_hyg_reader *h)
{
    if (!h->markers.len)
        return;
    qsort(h->markers.items, h->markers.len, sizeof(*h->markers.items), marker_cmp);
    for (size_t i = 0; i < h->items.len; i++) {
        og_hyg_item *it = &h->items.items[i];
        size_t lo = 0, hi = h->markers.len;
        if (it->cls != OG_HYG_CHANGE || !it->id)
            continue;
        while (lo < hi) { /* first marker with that id */
            size_t mid = lo + (hi - lo) / 2;
            if (strcmp(h->markers.items[mid].id, it->id) < 0)
                lo = mid + 1;
            else
                hi = mid;
        }
        if (lo < h->markers.len && strcmp(h->markers.items[lo].id, it->id) == 0)
            it->paragraph = h->markers.items[lo].para;
    }
}

static int toc_start(og_hyg_reader *h, int depth, uint32_t para)
{
    h->toc_depth = depth;
    h->toc_entries.len = 0;
    /* outline 2: from the outline, and from index marks unless use-index-marks="false" */
    h->cur_toc = (og_toc){.paragraph = para, .max_level = 10, .outline = 2};
    if (depth < h->ended)
        h->ended = depth;
    return 0;
}

/* The source element of a table of contents (text:table-of-content-source). */
static void toc_source(og_hyg_reader *h, og_xml_stream *s)
{
    char *owned;
    const char *v = og_xml_attr_ref(s, OG_NS_TEXT, "outline-level", &owned);
    if (v) {
        long l = strtol(v, NULL, 10);
        h->cur_toc.max_level = (uint8_t)(l >= 1 && l <= 10 ? l : 10);
    }
    xmlFree(owned);
    if (attr_is(s, OG_NS_TEXT, "use-index-marks", "false"))
        h->cur_toc.outline = 1;
    if (attr_is(s, OG_NS_TEXT, "use-index-source-styles", "true") ||
        attr_is(s, OG_NS_TEXT, "use-outline-level", "false"))
        h->cur_toc.outline = 0;
}

static int toc_end(og_hyg_reader *h)
{
    og_arena *a = &h->doc->arena;
    h->toc_depth = -1;
    if (h->tocs.len >= MAX_TOCS)
        return 0;
    og_toc t = h->cur_toc;
    t.count = (uint32_t)h->toc_entries.len;
    t.entries = og_arena_alloc(a, (t.count ? t.count : 1) * sizeof(*t.entries));
    if (!t.entries)
        return -1;
    if (t.count)
        memcpy(t.entries, h->toc_entries.items, t.count * sizeof(*t.entries));
    return OG_VEC_PUSH(&h->tocs, t, MAX_TOCS) == -1 ? -1 : 0;
}

/* An entry paragraph of a table of contents ended: its text up to the last tab (the page
 * number follows it), white space collapsed. */
static int toc_entry_end(og_hyg_reader *h)
{
    const char *t = h->text.data ? h->text.data : "";
    size_t n = h->text.len;
    const char *tab = memrchr(t, '\t', n);
    if (tab)
        n = (size_t)(tab - t);
    og_buf c;
    og_buf_init(&c, n + 1);
    if (og_append_collapsed(&c, t, n)) {
        og_buf_free(&c);
        return -1;
    }
    size_t len = c.len;
    const char *d = c.data ? c.data : "";
    while (len && d[len - 1] == ' ')
        len--;
    char *e =
        og_arena_strndup(&h->doc->arena, *d == ' ' ? d + 1 : d, len && *d == ' ' ? len - 1 : len);
    og_buf_free(&c);
    h->capture_depth = h->toc_para_depth = -1;
    if (!e)
        return -1;
    return OG_VEC_PUSH(&h->toc_entries, (const char *)e, MAX_ENTRIES) == -1 ? -1 : 0;
}

int og_hyg_element(og_hyg_reader *h, og_xml_stream *s, const char *ns, const char *local, int depth,
                   int empty, uint32_t para)
{
    /* inside a comment or a change: its author, date and kind */
    if (h->in_region >= 0) {
        if (h->capture_depth >= 0 || empty)
            return 0;
        if (ns == h->n.ns_dc && (local == h->n.creator || local == h->n.date) &&
            h->author_depth < 0 && h->date_depth < 0) {
            og_buf *b = local == h->n.creator ? &h->author : &h->when;
            if (b->len) /* the first one (a change's own info, not its content's) */
                return 0;
            *(local == h->n.creator ? &h->author_depth : &h->date_depth) = depth;
            h->capture_depth = depth;
            og_buf_reset(&h->text);
            return 0;
        }
        if (h->cur.cls == OG_HYG_CHANGE && depth == h->in_region + 1 && ns == h->n.ns_text)
            h->cur.kind = local == h->n.insertion       ? "insertion"
                          : local == h->n.deletion      ? "deletion"
                          : local == h->n.format_change ? "format change"
                                                        : h->cur.kind;
        return 0;
    }
    if (h->toc_depth >= 0) {
        if (ns != h->n.ns_text)
            return 0;
        if (local == h->n.index_body && h->toc_body_depth < 0)
            h->toc_body_depth = depth;
        else if (local == h->n.index_title && h->toc_body_depth >= 0 && h->toc_title_depth < 0)
            h->toc_title_depth = depth;
        else if (h->toc_body_depth < 0 && local == h->n.toc_source)
            toc_source(h, s);
        else if ((local == h->n.p || local == h->n.h) && h->toc_body_depth >= 0 &&
                 h->toc_title_depth < 0 && h->toc_para_depth < 0) {
            if (empty)
                return OG_VEC_PUSH(&h->toc_entries, (const char *)"", MAX_ENTRIES) == -1 ? -1 : 0;
            h->toc_para_depth = h->capture_depth = depth;
            og_buf_reset(&h->text);
        } else if (h->capture_depth >= 0 && local == h->n.tab)
            return og_buf_add(&h->text, "\t", 1) == OG_BUF_NOMEM ? -1 : 0;
        else if (h->capture_depth >= 0 && (local == h->n.s || local == h->n.line_break))
            return og_buf_add(&h->text, " ", 1) == OG_BUF_NOMEM ? -1 : 0;
        return 0;
    }
    if (ns == h->n.ns_office) {
        if (local == h->n.annotation && !empty)
            region_start(h, OG_HYG_COMMENT, "comment", depth, para);
        return 0;
    }
    if (ns == h->n.ns_script)
        return local == h->n.event_listener
                   ? push(h, OG_HYG_MACRO, "event bound to a macro", NULL, NULL, para)
                   : 0;
    if (ns == h->n.ns_draw) {
        if (local == h->n.frame && frame_off_page(s))
            return push(h, OG_HYG_HIDDEN, "frame outside the page", NULL, NULL, para);
        if (local == h->n.a || local == h->n.image || local == h->n.object ||
            local == h->n.object_ole)
            return link_element(h, s, local, para);
        return 0;
    }
    if (ns != h->n.ns_text)
        return 0;
    if (local == h->n.changed_region && !empty) {
        region_start(h, OG_HYG_CHANGE, "change", depth, para);
        char *owned;
        const char *id = og_xml_attr_ref(s, OG_NS_TEXT, "id", &owned);
        h->cur.id = id ? og_arena_strdup(&h->doc->arena, id) : NULL;
        xmlFree(owned);
        return id && !h->cur.id ? -1 : 0;
    }
    if (local == h->n.change || local == h->n.change_start) {
        const char *before = local == h->n.change_start ? h->last_end : NULL, *id;
        h->last_end = NULL;
        if (marker(h, s, para, &id) < 0)
            return -1;
        if (before && id) { /* starts where the one before ended: LibreOffice may show the two
                               as one (merge_adjacent) */
            struct og_hyg_pair pair = {before, id};
            return OG_VEC_PUSH(&h->adjacent, pair, OG_MAX_HYG) == -1 ? -1 : 0;
        }
        return 0;
    }
    if (local == h->n.change_end) {
        char *owned;
        const char *id = og_xml_attr_ref(s, OG_NS_TEXT, "change-id", &owned);
        h->last_end = id ? og_arena_strdup(&h->doc->arena, id) : NULL;
        xmlFree(owned);
        return id && !h->last_end ? -1 : 0;
    }
    if (local == h->n.span)
        return h->conceal_count ? styled_text(h, s, 0, para) : 0;
    if (local == h->n.p || local == h->n.h)
        return h->conceal_count ? styled_text(h, s, 1, para) : 0;
    if (local == h->n.a || local == h->n.section_source)
        return link_element(h, s, local, para);
    if (local == h->n.table_of_content && !empty)
        return toc_start(h, depth, para);
    if (local == h->n.hidden_paragraph) {
        if (attr_is(s, OG_NS_TEXT, "is-hidden", "false"))
            return 0; /* its condition does not hide the paragraph now */
        return push(h, OG_HYG_HIDDEN, "hidden paragraph (field)", NULL, NULL, para);
    }
    if (local == h->n.hidden_text) {
        if (attr_is(s, OG_NS_TEXT, "is-hidden", "false"))
            return 0;
        return push_attr(h, s, OG_NS_TEXT, "string-value", "hidden text field", para);
    }
    if (local == h->n.conditional_text)
        return push_attr(h, s, OG_NS_TEXT, "condition", "conditional text", para);
    if (local == h->n.section) {
        char *owned;
        const char *d = og_xml_attr_ref(s, OG_NS_TEXT, "display", &owned);
        int rc = 0;
        if ((d && strcmp(d, "none") == 0) || attr_is(s, OG_NS_TEXT, "is-hidden", "true"))
            rc = push(h, OG_HYG_HIDDEN, "hidden section", NULL, NULL, para);
        else if (d && strcmp(d, "condition") == 0)
            rc = push(h, OG_HYG_HIDDEN, "conditionally hidden section", NULL, NULL, para);
        xmlFree(owned);
        return rc;
    }
    if (local == h->n.execute_macro)
        return push(h, OG_HYG_MACRO, "field that runs a macro", NULL, NULL, para);
    if (local == h->n.toc_mark || local == h->n.toc_mark_start)
        h->toc_marks++; /* og_hyg_finish: a table that takes marks is not judged */
    return 0;
}

int og_hyg_end(og_hyg_reader *h, int depth)
{
    if (depth > h->ended && h->capture_depth < 0)
        return 0;
    if (depth == h->capture_depth) {
        h->capture_depth = -1;
        if (depth == h->author_depth || depth == h->date_depth) {
            og_buf *b = depth == h->author_depth ? &h->author : &h->when;
            og_buf_reset(b);
            og_buf c;
            og_buf_init(&c, h->text.len + 1);
            int rc = og_append_collapsed(&c, h->text.data ? h->text.data : "", h->text.len);
            size_t n = c.len;
            while (n && c.data[n - 1] == ' ')
                n--;
            if (!rc && n)
                rc = og_buf_add(b, c.data, n);
            og_buf_free(&c);
            h->author_depth = h->date_depth = -1;
            return rc == OG_BUF_NOMEM ? -1 : 0;
        }
        if (depth == h->toc_para_depth)
            return toc_entry_end(h);
        return 0;
    }
    if (depth == h->in_region) {
        h->ended = INT_MAX;
        return region_end(h);
    }
    if (depth == h->toc_title_depth)
        h->toc_title_depth = -1;
    else if (depth == h->toc_body_depth)
        h->toc_body_depth = -1;
    else if (depth == h->toc_depth) {
        h->ended = INT_MAX;
        return toc_end(h);
    }
    return 0;
}

int og_hyg_text(og_hyg_reader *h, const char *v)
{
    int rc = og_buf_adds(&h->text, v);
    return rc == OG_BUF_NOMEM ? -1 : 0; /* past the limit: the text is cut */
}

void og_hyg_forget_comment(og_hyg_reader *h)
{
    if (h->comment_pushed) /* the comment just read, if it was listed */
        h->items.len--;
    h->comment_pushed = 0;
}

int og_hyg_style(og_hyg_reader *h, const char *family, const char *name, int automatic)
{
    og_buf_reset(&h->style_name);
    h->style_para = family && strcmp(family, "paragraph") == 0;
    if (!name || !family || (!h->style_para && strcmp(family, "text") != 0))
        return 0;
    h->style_auto = automatic;
    h->style_background = 0;
    return og_buf_adds(&h->style_name, name) == OG_BUF_NOMEM ? -1 : 0;
}

static int is_white(const char *c)
{
    return c && (strcasecmp(c, "#ffffff") == 0 || strcasecmp(c, "#fff") == 0);
}

int og_hyg_style_child(og_hyg_reader *h, og_xml_stream *s, const char *local)
{
    if (!h->style_name.len ||
        (strcmp(local, "text-properties") != 0 && strcmp(local, "paragraph-properties") != 0))
        return 0;
    char *o[3];
    const char *display = og_xml_attr_ref(s, OG_NS_TEXT, "display", &o[0]);
    const char *color = og_xml_attr_ref(s, OG_NS_FO, "color", &o[1]);
    const char *bg = og_xml_attr_ref(s, OG_NS_FO, "background-color", &o[2]);
    int hidden = display && strcmp(display, "none") == 0;
    char *pb;
    if (strcmp(local, "paragraph-properties") == 0) { /* a paragraph's own background */
        const char *pbg = og_xml_attr_ref(s, OG_NS_FO, "background-color", &pb);
        h->style_background = pbg && !is_white(pbg) && strcmp(pbg, "transparent") != 0;
        xmlFree(pb);
        return 0;
    }
    int white = !h->style_background && is_white(color) &&
                (!bg || is_white(bg) || strcmp(bg, "transparent") == 0) &&
                !attr_is(s, OG_NS_STYLE, "use-window-font-color", "true");
    for (int i = 0; i < 3; i++)
        xmlFree(o[i]);
    if (!(hidden || white) || h->conceal_count == OG_CONCEAL_MAX)
        return 0; /* past OG_CONCEAL_MAX such styles: the rest are not followed */
    og_conceal_style *c = &h->conceal[h->conceal_count];
    if (!(c->name = og_arena_strdup(&h->doc->arena, h->style_name.data)))
        return -1;
    c->automatic = (uint8_t)h->style_auto;
    c->paragraph = (uint8_t)h->style_para;
    c->hidden = (uint8_t)hidden;
    c->white = (uint8_t)(!hidden && white);
    h->conceal_count++;
    return 0;
}

int og_hyg_script(og_hyg_reader *h, og_xml_stream *s, const char *ns, const char *local)
{
    if (ns == h->n.ns_script && local == h->n.event_listener) {
        char *owned;
        const char *ev = og_xml_attr_ref(s, OG_NS_SCRIPT, "event-name", &owned);
        int rc = push(h, OG_HYG_MACRO, "document event bound to a macro", ev, NULL, 0);
        xmlFree(owned);
        return rc;
    }
    if (ns == h->n.ns_office && local == h->n.script) {
        char *owned;
        const char *lang = og_xml_attr_ref(s, OG_NS_SCRIPT, "language", &owned);
        int rc = push(h, OG_HYG_MACRO, "script", lang, NULL, 0);
        xmlFree(owned);
        return rc;
    }
    return 0;
}

/* The manifest's media type of an embedded object's folder ("Object 1/"). */
static int object_types(og_hyg_reader *h, og_package *pkg)
{
    og_buf man;
    int rc = 0;
    size_t nobj = 0;
    for (size_t i = 0; i < h->items.len; i++)
        nobj += h->items.items[i].cls == OG_HYG_OBJECT;
    if (!nobj || !og_package_has_part(pkg, "META-INF/manifest.xml"))
        return 0;
    og_buf_init(&man, 16u << 20);
    odfgate_error e;
    odfgate_error_clear(&e);
    if (og_package_read_part(pkg, "META-INF/manifest.xml", &man, &e) < 0) {
        og_buf_free(&man);
        return e.code == ODFGATE_E_NOMEM ? -1 : 0; /* no types: the objects are still listed */
    }
    for (size_t i = 0; i < h->items.len && rc == 0; i++) {
        og_hyg_item *it = &h->items.items[i];
        if (it->cls != OG_HYG_OBJECT || !it->what)
            continue;
        const char *name = strncmp(it->what, "./", 2) == 0 ? it->what + 2 : it->what;
        /* full-path="Object 1/" manifest:media-type="…": a plain search of the text */
        char key[512];
        int k = snprintf(key, sizeof(key), "full-path=\"%s/\"", name);
        const char *hit = k > 0 && (size_t)k < sizeof(key) && man.data
                              ? memmem(man.data, man.len, key, (size_t)k)
                              : NULL;
        const char *type = NULL;
        if (hit) { /* the attribute within the same start tag, before or after full-path */
            const char *start = hit;
            while (start > man.data && *start != '<')
                start--;
            const char *end = memchr(hit, '>', man.len - (size_t)(hit - man.data));
            const char *mt = end ? memmem(start, (size_t)(end - start), "media-type=\"", 12) : NULL;
            const char *q = mt ? memchr(mt + 12, '"', (size_t)(end - mt - 12)) : NULL;
            if (q &&
                (type = og_arena_strndup(&h->doc->arena, mt + 12, (size_t)(q - mt - 12))) == NULL)
                rc = -1;
        }
        it->when = NULL;
        if (type && *type)
            it->what = type;
        else
            it->what = it->kind[0] == 'O' ? "application/vnd.sun.star.oleobject" : NULL;
    }
    og_buf_free(&man);
    return rc;
}

/* Macro libraries, scripts and dialogs stored as package parts: one item per library
 * (Basic/LIB/, Dialogs/LIB/) that holds a module, and per script folder. */
static int package_macros(og_hyg_reader *h, og_package *pkg)
{
    static const struct {
        const char *prefix, *kind;
    } kinds[] = {
        {"Basic/", "Basic library"}, {"Dialogs/", "dialog library"}, {"Scripts/", "script"}};
    char last[300] = "";
    size_t n = og_package_entry_count(pkg);
    for (size_t i = 0; i < n; i++) {
        const char *e = og_package_entry_name(pkg, i);
        for (size_t k = 0; e && k < OG_ARRAY_LEN(kinds); k++) {
            size_t pl = strlen(kinds[k].prefix);
            if (strncmp(e, kinds[k].prefix, pl) != 0)
                continue;
            const char *lib = e + pl, *slash = strchr(lib, '/');
            if (!slash || !slash[1])
                break; /* a folder entry, or Basic/script-lc.xml (the library list) */
            const char *file = slash + 1;
            if (strcmp(file, "script-lb.xml") == 0 || strcmp(file, "dialog-lb.xml") == 0 ||
                strcmp(file, "manifest.xml") == 0)
                break; /* the library's index: a module is what makes it a macro */
            char name[256];
            snprintf(name, sizeof(name), "%.*s", (int)(slash - lib), lib);
            char key[300];
            snprintf(key, sizeof(key), "%s%s", kinds[k].prefix, name);
            if (strcmp(key, last) == 0)
                break;
            snprintf(last, sizeof(last), "%s", key);
            h->node = 0;
            if (push(h, OG_HYG_MACRO, kinds[k].kind, name, NULL, 0) < 0)
                return -1;
            break;
        }
    }
    return 0;
}

/* Comments in headers and footers (styles.xml's master pages, which the reader's pass does not
 * reach): read only when the part holds the word at all.  One item each, for the document. */
static int header_comments(og_hyg_reader *h, og_package *pkg)
{
    og_buf part, who, text;
    og_xml_stream xs;
    odfgate_error e;
    int rc = 0, depth, annot = -1, field = -1, field_depth = -1; /* field: 1 author, 2 other
                                                                    dc:/meta:, -1 text */
    if (!og_package_has_part(pkg, "styles.xml"))
        return 0;
    h->node = 0; /* not content.xml's: a fact of the document, found again by what it is */
    og_buf_init(&part, SIZE_MAX / 2);
    odfgate_error_clear(&e);
    if (og_package_read_part(pkg, "styles.xml", &part, &e) < 0 || !part.data ||
        !memmem(part.data, part.len, "annotation", 10)) {
        og_buf_free(&part);
        return e.code == ODFGATE_E_NOMEM ? -1 : 0; /* an unreadable part: the pass judged it */
    }
    og_buf_init(&who, 4096);
    og_buf_init(&text, SIZE_MAX / 2);
    if (og_xml_stream_open_memory(&xs, part.data, part.len, h->doc->path, "styles.xml", 0, &e) <
        0) {
        og_buf_free(&part);
        og_buf_free(&who);
        og_buf_free(&text);
        return e.code == ODFGATE_E_NOMEM ? -1 : 0;
    }
    while (rc == 0 && og_xml_stream_next(&xs) == 1) {
        depth = xmlTextReaderDepth(xs.reader);
        if (xs.type == XML_READER_TYPE_ELEMENT) {
            const char *ns = og_xml_ns(&xs), *local = og_xml_local(&xs);
            if (annot < 0 && strcmp(local, "annotation") == 0 && strcmp(ns, OG_NS_OFFICE) == 0 &&
                !xmlTextReaderIsEmptyElement(xs.reader)) {
                annot = depth;
                og_buf_reset(&who);
                og_buf_reset(&text);
            } else if (annot >= 0 && field < 0 &&
                       (strcmp(ns, OG_NS_DC) == 0 || strcmp(ns, OG_NS_META) == 0)) {
                field = strcmp(local, "creator") == 0 && strcmp(ns, OG_NS_DC) == 0 ? 1 : 2;
                field_depth = depth;
                if (xmlTextReaderIsEmptyElement(xs.reader))
                    field = -1;
            } else if (annot >= 0 && field < 0 && strcmp(ns, OG_NS_TEXT) == 0 &&
                       og_comment_break(local)) {
                rc = og_append_collapsed(&text, " ", 1) == OG_BUF_NOMEM ? -1 : 0;
            }
        } else if (xs.type == XML_READER_TYPE_END_ELEMENT) {
            if (depth == field_depth && field >= 0)
                field = -1;
            else if (depth == annot) {
                size_t n = who.len;
                while (n && who.data[n - 1] == ' ')
                    n--;
                if (who.data)
                    who.data[n] = '\0';
                int own = n && strcmp(who.data, OG_OWN_AUTHOR) == 0;
                if (!own && !og_waiver_text(text.data ? text.data : "", text.len) &&
                    push(h, OG_HYG_COMMENT, "comment in a header or footer",
                         who.len ? who.data : NULL, NULL, 0) < 0)
                    rc = -1;
                annot = -1;
            }
        } else if (annot >= 0 && (xs.type == XML_READER_TYPE_TEXT ||
                                  xs.type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE)) {
            const char *v = (const char *)xmlTextReaderConstValue(xs.reader);
            og_buf *b = field == 1 ? &who : field < 0 ? &text : NULL;
            if (b && v && og_append_collapsed(b, v, strlen(v)) == OG_BUF_NOMEM)
                rc = -1; /* past the author's 4 KiB: the rest is not kept */
        }
    }
    og_xml_stream_close(&xs);
    og_buf_free(&part);
    og_buf_free(&who);
    og_buf_free(&text);
    return rc;
}

int og_hyg_finish(og_hyg_reader *h, og_package *pkg, odfgate_error *err)
{
    odfgate_doc *doc = h->doc;
    og_arena *a = &doc->arena;
    if (merge_adjacent(h) < 0)
        goto nomem;
    place_changes(h);
    if (og_package_kind_of(pkg) == OG_PACKAGE_ZIP &&
        (package_macros(h, pkg) < 0 || object_types(h, pkg) < 0 || header_comments(h, pkg) < 0))
        goto nomem;
    if (h->items.len) {
        if (!(doc->hyg = og_arena_alloc(a, h->items.len * sizeof(*doc->hyg))))
            goto nomem;
        memcpy(doc->hyg, h->items.items, h->items.len * sizeof(*doc->hyg));
    }
    doc->hyg_count = (uint32_t)h->items.len;
    if (h->tocs.len) {
        if (!(doc->tocs = og_arena_alloc(a, h->tocs.len * sizeof(*doc->tocs))))
            goto nomem;
        memcpy(doc->tocs, h->tocs.items, h->tocs.len * sizeof(*doc->tocs));
    }
    doc->toc_count = (uint32_t)h->tocs.len;
    for (uint32_t i = 0; i < doc->toc_count; i++)
        if (doc->tocs[i].outline == 2)
            doc->tocs[i].outline = h->toc_marks == 0;
    return 0;
nomem:
    og_fail(err, ODFGATE_E_NOMEM, doc->path, NULL, "out of memory");
    return -1;
}
