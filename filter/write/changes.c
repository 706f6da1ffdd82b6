/*
 * changes.c — Accept All / Reject All on a DOM of the text, as LibreOffice 7.4 does them
 * (measured in LibreOffice first: tests/hygiene/changes.sh compares every case with it).
 *
 *   A change is a text:changed-region (in text:tracked-changes) and its markers in the text:
 *   text:change-start/-end around an insertion or a format change, text:change where a
 *   deletion was (the deleted paragraphs are kept in the region).
 *
 *   accept: the markers go; deleted content goes with its region.
 *   reject: an insertion's range goes; when it crosses paragraphs, the paragraph it starts in
 *     takes what follows its end (LibreOffice records an inserted paragraph as running from the
 *     end of the paragraph before).  A deletion's paragraphs come back at its marker: the
 *     first joins the paragraph there (and takes its attributes: LibreOffice puts a paragraph
 *     deleted before a heading back as a heading), the others follow as they were kept, the
 *     last one taking the rest of the marker's paragraph; inside a list, as list items.  A
 *     format change loses the character formatting in its range (the old formatting is not
 *     in the file: LibreOffice resets it).
 *   What cannot be put back exactly (a deleted table, a change inside a deleted passage, a
 *   range whose end lies inside a span of another paragraph, paragraphs deleted into a list
 *   they did not come from) is refused, naming the change: nothing is written.
 *
 *   Nodes taken out are unlinked and freed at the end, so that markers of later changes
 *   (perhaps inside them) stay valid pointers: a marker no longer in the document is passed.
 */
#include "write/changes.h"

#include "base/strmap.h"
#include "base/vec.h"
#include "read/xml.h"
#include "write/xmlcopy.h"

enum { INSERTION = 1, DELETION, FORMAT };

typedef struct change {
    xmlNodePtr body; /* text:insertion, text:deletion or text:format-change */
    int kind;
    xmlNodePtr start, end, point; /* its markers in the text (NULL: none) */
    xmlNodePtr first;             /* its first marker in document order (ordering) */
    size_t order;
} change;

typedef struct resolver {
    OG_VEC(change) ch;
    og_strmap ids; /* text:id → index in ch */
    OG_VEC(xmlNodePtr) trash;
    OG_VEC(xmlNodePtr) regions; /* text:changed-region and text:tracked-changes elements */
    og_changes_outcome *o;
    size_t marked; /* changes whose first marker was seen */
    int mode;      /* ODFGATE_CHANGES_ACCEPT or _REJECT */
    int nomem;
} resolver;

static int is_el(xmlNodePtr n, const char *ns, const char *local)
{
    return n && n->type == XML_ELEMENT_NODE && n->ns &&
           xmlStrEqual(n->ns->href, (const xmlChar *)ns) &&
           xmlStrEqual(n->name, (const xmlChar *)local);
}

static int is_para(xmlNodePtr n) { return is_el(n, OG_NS_TEXT, "p") || is_el(n, OG_NS_TEXT, "h"); }

static int is_marker(xmlNodePtr n)
{
    return is_el(n, OG_NS_TEXT, "change-start") || is_el(n, OG_NS_TEXT, "change-end") ||
           is_el(n, OG_NS_TEXT, "change");
}

/* Out of the document now, freed at the end. */
static void take_out(resolver *r, xmlNodePtr n)
{
    xmlUnlinkNode(n);
    if (OG_VEC_PUSH(&r->trash, n, SIZE_MAX) != 0) {
        r->nomem = 1; /* the run stops here: nothing refers to n again */
        xmlFreeNode(n);
    }
}

/* Still in the document (not inside something taken out)? */
static int attached(xmlNodePtr n)
{
    while (n && n->parent)
        n = n->parent;
    return n && n->type == XML_DOCUMENT_NODE;
}

static const char *kind_name(int kind)
{
    return kind == INSERTION ? "an insertion" : kind == DELETION ? "a deletion" : "a format change";
}

static int refuse(resolver *r, const change *c, const char *why)
{
    snprintf(r->o->refused, sizeof(r->o->refused),
             "tracked change %zu (%s) cannot be %s exactly as LibreOffice would: %s", c->order + 1,
             kind_name(c->kind), r->mode == ODFGATE_CHANGES_ACCEPT ? "accepted" : "rejected", why);
    return 1;
}

/* ------------------------------------------------------------------ reading */

static void add_region(resolver *r, xmlNodePtr region)
{
    xmlChar *id = xmlGetNsProp(region, (const xmlChar *)"id", (const xmlChar *)OG_NS_TEXT);
    change c = {0};
    for (xmlNodePtr k = region->children; k && !c.kind; k = k->next)
        c.kind = is_el(k, OG_NS_TEXT, "insertion")       ? INSERTION
                 : is_el(k, OG_NS_TEXT, "deletion")      ? DELETION
                 : is_el(k, OG_NS_TEXT, "format-change") ? FORMAT
                                                         : 0;
    for (xmlNodePtr k = region->children; k; k = k->next)
        if (c.kind && is_el(k, OG_NS_TEXT,
                            c.kind == INSERTION  ? "insertion"
                            : c.kind == DELETION ? "deletion"
                                                 : "format-change")) {
            c.body = k;
            break;
        }
    if (OG_VEC_PUSH(&r->regions, region, SIZE_MAX) != 0)
        r->nomem = 1;
    if (id && c.kind && og_strmap_find(&r->ids, (const char *)id) == (size_t)-1) {
        if (og_strmap_add(&r->ids, (const char *)id) == (size_t)-1 ||
            OG_VEC_PUSH(&r->ch, c, SIZE_MAX) != 0)
            r->nomem = 1;
    }
    xmlFree(id);
}

static void add_marker(resolver *r, xmlNodePtr m)
{
    xmlChar *id = xmlGetNsProp(m, (const xmlChar *)"change-id", (const xmlChar *)OG_NS_TEXT);
    size_t i = id ? og_strmap_find(&r->ids, (const char *)id) : (size_t)-1;
    xmlFree(id);
    change *c = i < r->ch.len ? &r->ch.items[i] : NULL;
    xmlNodePtr *slot = !c                                     ? NULL
                       : is_el(m, OG_NS_TEXT, "change-start") ? &c->start
                       : is_el(m, OG_NS_TEXT, "change-end")   ? &c->end
                                                              : &c->point;
    if (!slot || *slot) { /* a marker of no change, or a second one: it only goes */
        take_out(r, m);
        return;
    }
    *slot = m;
    if (!c->first) {
        c->first = m;
        c->order = r->marked++;
    }
}

/* Regions first (they come first in the file, but a document may place them anywhere), then
 * markers; changes are then resolved in the order of their first marker. */
static void read_changes(resolver *r, xmlNodePtr root)
{
    for (xmlNodePtr n = og_xml_next(root, root, 0); n && !r->nomem;) {
        int tracked = is_el(n, OG_NS_TEXT, "tracked-changes");
        if (tracked) {
            if (OG_VEC_PUSH(&r->regions, n, SIZE_MAX) != 0)
                r->nomem = 1;
            for (xmlNodePtr k = n->children; k; k = k->next)
                if (is_el(k, OG_NS_TEXT, "changed-region"))
                    add_region(r, k);
        }
        n = og_xml_next(root, n, tracked);
    }
    OG_VEC(xmlNodePtr) markers = {0};
    for (xmlNodePtr n = og_xml_next(root, root, 0); n && !r->nomem;) {
        int tracked = is_el(n, OG_NS_TEXT, "tracked-changes");
        if (is_marker(n) && OG_VEC_PUSH(&markers, n, SIZE_MAX) != 0)
            r->nomem = 1;
        n = og_xml_next(root, n, tracked);
    }
    for (size_t i = 0; i < markers.len && !r->nomem; i++) /* take_out walks no more */
        add_marker(r, markers.items[i]);
    free(markers.items);
}

/* ------------------------------------------------------------------ resolving */

static void take_siblings_after(resolver *r, xmlNodePtr n)
{
    for (xmlNodePtr k = n->next, next; k; k = next) {
        next = k->next;
        take_out(r, k);
    }
}

static void take_siblings_before(resolver *r, xmlNodePtr n)
{
    for (xmlNodePtr k = n->prev, prev; k; k = prev) {
        prev = k->prev;
        take_out(r, k);
    }
}

static size_t depth_of(xmlNodePtr n)
{
    size_t d = 0;
    for (; n; n = n->parent)
        d++;
    return d;
}

/* Reject an insertion: what lies between its markers goes; across paragraphs, the first
 * paragraph takes the rest of the last. */
static int remove_range(resolver *r, change *c)
{
    xmlNodePtr s = c->start, e = c->end, ps = s->parent, pe = e->parent, a, b, k;
    if (ps == pe) {
        for (k = s->next; k && k != e; k = k->next)
            ;
        if (!k)
            return refuse(r, c, "its end comes before its start");
        for (k = s->next; k != e;) {
            xmlNodePtr next = k->next;
            take_out(r, k);
            k = next;
        }
        return 0;
    }
    if (!is_para(ps) || !is_para(pe))
        return refuse(r, c, "it crosses paragraphs from inside a span or link");
    /* the common ancestor: a (ps's side) and b (pe's side) become its children */
    size_t da = depth_of(ps), db = depth_of(pe);
    for (a = ps; da > db; da--)
        a = a->parent;
    for (b = pe; db > da; db--)
        b = b->parent;
    xmlNodePtr a_top = ps, b_top = pe;
    while (a->parent != b->parent) {
        a = a->parent;
        b = b->parent;
    }
    for (a_top = ps; a_top->parent != a->parent;)
        a_top = a_top->parent;
    for (b_top = pe; b_top->parent != b->parent;)
        b_top = b_top->parent;
    if (a_top == b_top)
        return refuse(r, c, "one of its paragraphs holds the other");
    for (k = a_top->next; k && k != b_top; k = k->next)
        ;
    if (!k)
        return refuse(r, c, "its end comes before its start");
    take_siblings_after(r, s);
    for (k = ps; k != a_top; k = k->parent)
        take_siblings_after(r, k);
    take_siblings_before(r, e);
    for (k = pe; k != b_top; k = k->parent)
        take_siblings_before(r, k);
    for (k = a_top->next; k != b_top;) {
        xmlNodePtr next = k->next;
        take_out(r, k);
        k = next;
    }
    xmlNodePtr holder = pe->parent;
    for (k = pe->children; k;) {
        xmlNodePtr next = k->next;
        xmlUnlinkNode(k);
        xmlAddChild(ps, k); /* a text node may merge: k is not used again */
        k = next;
    }
    take_out(r, pe);
    /* a list item (and then a list) left with nothing in it goes */
    while (holder &&
           (is_el(holder, OG_NS_TEXT, "list-item") || is_el(holder, OG_NS_TEXT, "list"))) {
        int empty = 1;
        for (k = holder->children; k && empty; k = k->next)
            empty = k->type != XML_ELEMENT_NODE;
        if (!empty)
            break;
        xmlNodePtr up = holder->parent;
        take_out(r, holder);
        holder = up;
    }
    return 0;
}

/* Something in the deleted passage odfgate cannot put back exactly: its reason, or NULL. */
static const char *cannot_restore(xmlNodePtr body)
{
    for (xmlNodePtr n = og_xml_next(body, body, 0); n; n = og_xml_next(body, n, 0)) {
        if (is_el(n, OG_NS_TABLE, "table"))
            return "it deleted a table";
        if (is_marker(n))
            return "another change lies inside the passage it deleted";
    }
    return NULL;
}

/* A node moved out of the region: namespaces declared inside the region (not on the root)
 * come along.  Its own subtree only: linear in what moves. */
static void keep_namespaces(resolver *r, xmlNodePtr k)
{
    if (k->type == XML_ELEMENT_NODE && xmlReconciliateNs(k->doc, k) < 0)
        r->nomem = 1;
}

/* Move from's children to just before m. */
static void move_before(resolver *r, xmlNodePtr from, xmlNodePtr m)
{
    for (xmlNodePtr k = from->children; k;) {
        xmlNodePtr next = k->next;
        xmlUnlinkNode(k);
        if (k->type == XML_ELEMENT_NODE) {
            xmlAddPrevSibling(m, k);
            keep_namespaces(r, k);
        } else
            xmlAddPrevSibling(m, k); /* a text node may merge: k is not used again */
        k = next;
    }
}

/* Reject a deletion: its paragraphs back at its marker. */
static int restore(resolver *r, change *c)
{
    xmlNodePtr m = c->point, x = m->parent, k;
    OG_VEC(xmlNodePtr) paras = {0}, units = {0};
    const char *why = cannot_restore(c->body);
    int rc = 0;
    if (why)
        return refuse(r, c, why);
    for (k = c->body->children; k; k = k->next)
        if (k->type == XML_ELEMENT_NODE && !is_el(k, OG_NS_OFFICE, "change-info"))
            if (OG_VEC_PUSH(&units, k, SIZE_MAX) != 0)
                r->nomem = 1;
    if (r->nomem || units.len == 0)
        goto done;
    if (units.len == 1 && is_para(units.items[0])) { /* within one paragraph */
        move_before(r, units.items[0], m);
        goto done;
    }
    if (!is_para(x)) {
        rc = refuse(r, c, "its paragraphs were deleted from inside a span or link");
        goto done;
    }
    xmlNodePtr anchor = x; /* what the paragraphs after the first follow */
    if (units.len == 1 && is_el(units.items[0], OG_NS_TEXT, "list") &&
        is_el(x->parent, OG_NS_TEXT, "list-item")) {
        xmlNodePtr list = units.items[0];
        units.len = 0;
        for (k = list->children; k; k = k->next) {
            if (k->type != XML_ELEMENT_NODE)
                continue;
            xmlNodePtr only = NULL;
            int n = 0;
            for (xmlNodePtr p = k->children; p; p = p->next)
                if (p->type == XML_ELEMENT_NODE)
                    only = p, n++;
            if (!is_el(k, OG_NS_TEXT, "list-item") || n != 1 || !is_para(only)) {
                rc = refuse(r, c, "it deleted list items that are not one paragraph each");
                goto done;
            }
            if (OG_VEC_PUSH(&units, k, SIZE_MAX) != 0 || OG_VEC_PUSH(&paras, only, SIZE_MAX) != 0)
                r->nomem = 1;
        }
        anchor = x->parent;
    } else {
        if (is_el(x->parent, OG_NS_TEXT, "list-item")) {
            rc = refuse(r, c, "its paragraphs were deleted into a list item");
            goto done;
        }
        for (size_t i = 0; i < units.len; i++) {
            if (!is_para(units.items[i])) {
                rc = refuse(r, c, "it deleted lists, sections or frames between paragraphs");
                goto done;
            }
            if (OG_VEC_PUSH(&paras, units.items[i], SIZE_MAX) != 0)
                r->nomem = 1;
        }
    }
    if (r->nomem || paras.len == 0)
        goto done;
    xmlNodePtr last = paras.items[paras.len - 1];
    /* the rest of the marker's paragraph goes to the last one */
    for (k = m->next; k;) {
        xmlNodePtr next = k->next;
        xmlUnlinkNode(k);
        xmlAddChild(last, k);
        k = next;
    }
    move_before(r, paras.items[0], m);
    for (size_t i = 1; i < units.len; i++) {
        xmlUnlinkNode(units.items[i]);
        xmlAddNextSibling(anchor, units.items[i]);
        anchor = units.items[i];
        keep_namespaces(r, anchor);
    }
done:
    free(paras.items);
    free(units.items);
    return rc;
}

/* Reject a format change: the character formatting in its range goes (spans unwrapped). */
static void unformat(resolver *r, change *c)
{
    if (c->start->parent != c->end->parent)
        return;
    for (xmlNodePtr k = c->start->next; k && k != c->end;) {
        xmlNodePtr next = k->next;
        if (is_el(k, OG_NS_TEXT, "span")) {
            /* its children land after prev (a text child may merge into prev): go on there,
             * so that spans inside it are unwrapped too */
            xmlNodePtr prev = k->prev, parent = k->parent;
            move_before(r, k, k);
            take_out(r, k);
            next = prev ? prev->next : parent->children;
        }
        k = next;
    }
}

static int resolve_one(resolver *r, change *c, int mode)
{
    int rc = 0;
    if (mode == ODFGATE_CHANGES_REJECT && c->kind != DELETION && !c->start != !c->end)
        return refuse(r, c, "it has a start without an end, or an end without a start");
    if (mode == ODFGATE_CHANGES_REJECT) {
        if (c->kind == INSERTION && c->start && c->end && attached(c->start) && attached(c->end))
            rc = remove_range(r, c);
        else if (c->kind == DELETION && c->point && attached(c->point))
            rc = restore(r, c);
        else if (c->kind == FORMAT && c->start && c->end && attached(c->start))
            unformat(r, c);
    }
    xmlNodePtr marks[3] = {c->start, c->end, c->point};
    for (int i = 0; i < 3 && rc == 0; i++)
        if (marks[i] && attached(marks[i]))
            take_out(r, marks[i]);
    return rc;
}

static int by_order(const void *a, const void *b)
{
    const change *x = a, *y = b;
    return (x->order > y->order) - (x->order < y->order);
}

int og_changes_resolve(const char *xml, size_t len, const char *path, const char *part, int mode,
                       og_buf *out, og_changes_outcome *o, odfgate_error *err)
{
    resolver r;
    int rc = -1;
    memset(&r, 0, sizeof(r));
    memset(o, 0, sizeof(*o));
    r.o = o;
    r.mode = mode;
    xmlDocPtr doc = og_xml_parse_memory(xml, len, path, part, err);
    if (!doc)
        return -1;
    xmlNodePtr root = xmlDocGetRootElement(doc);
    if (root)
        read_changes(&r, root);
    /* resolved in the order of their first markers (add_marker numbered them) */
    for (size_t i = 0; i < r.ch.len; i++)
        if (!r.ch.items[i].first)
            r.ch.items[i].order = SIZE_MAX / 2 + i; /* no marker: nothing to do in the text */
    if (r.ch.len)
        qsort(r.ch.items, r.ch.len, sizeof(change), by_order);
    for (size_t i = 0; i < r.ch.len && !r.nomem; i++) {
        if (resolve_one(&r, &r.ch.items[i], mode)) {
            rc = 0; /* refused: o->refused says why, out stays empty */
            goto done;
        }
    }
    for (size_t i = 0; i < r.regions.len; i++) {
        xmlNodePtr g = r.regions.items[i];
        if (is_el(g, OG_NS_TEXT, "changed-region")) {
            if (attached(g))
                take_out(&r, g);
            continue;
        }
        /* text:tracked-changes: kept while change recording is on (the default) */
        xmlChar *on =
            xmlGetNsProp(g, (const xmlChar *)"track-changes", (const xmlChar *)OG_NS_TEXT);
        if (on && xmlStrEqual(on, (const xmlChar *)"false") && attached(g))
            take_out(&r, g);
        xmlFree(on);
    }
    o->resolved = r.ch.len;
    if (r.nomem || og_xml_doc_to_buf(doc, out) < 0) {
        og_fail(err, ODFGATE_E_NOMEM, path, part, "out of memory");
        goto done;
    }
    rc = 0;
done:
    if (o->refused[0])
        out->len = 0;
    for (size_t i = 0; i < r.trash.len; i++)
        xmlFreeNode(r.trash.items[i]);
    free(r.trash.items);
    free(r.ch.items);
    free(r.regions.items);
    og_strmap_free(&r.ids);
    xmlFreeDoc(doc);
    return rc;
}
