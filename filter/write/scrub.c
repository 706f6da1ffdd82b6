/*
 * scrub.c — odfgate_scrub: remove what the hygiene rules find (docs/hygiene.md), class by
 * class, and write the copy atomically.
 *
 *   content.xml (or the flat file) is copied node by node (xmlcopy.c) with hooks that drop,
 *   unwrap or replace elements: found by the index the reader gave each fact (og_hyg_item.node)
 *   or by what the element is (a comment, a frame holding a linked image, a link);
 *   meta.xml loses its personal
 *   fields; macro libraries and removed objects leave the package and its manifest.  Every
 *   other part is copied raw.
 *
 *   Tracked changes, when asked, are resolved first (changes.c: Accept All or Reject All, as
 *   LibreOffice does them) and the resolved text read again, so that the classes are removed
 *   from it by its own element indices.
 *
 *   Before writing, the new text is read back (a small package in memory) and each signatory
 *   whose sign-off is valid now is judged again: when the text changes under a valid sign-off,
 *   nothing is written unless forced (the result names them).
 */
#include "base/internal.h"
#include "base/strmap.h"
#include "base/vec.h"

#include "check/canonical.h"
#include "check/rules/rules.h"
#include "read/model.h"
#include "read/hygiene.h"
#include "read/package.h"
#include "read/xml.h"
#include "text/text.h"
#include "schema/schema.h"
#include "write/changes.h"
#include "write/pkgwrite.h"
#include "write/xmlcopy.h"

#include <strings.h>

#define SIGNATURES   OG_SIGNATURES_PART
#define OG_NS_SCRIPT "urn:oasis:names:tc:opendocument:xmlns:script:1.0"
#define MAX_PART     (1u << 30)

typedef struct scrub_ctx {
    const odfgate_doc *doc;
    unsigned classes;
    odfgate_scrub_result *res;
    uint32_t *drop, *unwrap; /* node indices, ascending */
    size_t ndrop, nunwrap, idrop, iunwrap;
    OG_VEC(uint32_t) later; /* objects to drop inside a kept frame (ascending) */
    size_t ilater;
    og_strmap names;   /* office:name of the comments dropped (their ends go too) */
    og_strmap authors; /* people named in kept comments and changes: Author 1, 2 … */
    og_strmap objects; /* "Object 1" folders whose objects were dropped */
    int meta_depth;    /* office:meta in the stream, -1 */
    int info_depth;    /* a kept comment or office:change-info, -1 */
    uint32_t replaced; /* the element whose children after_start writes */
    char replacement[64];
    int nomem;
} scrub_ctx;

static int is(xmlTextReaderPtr r, const char *ns, const char *local)
{
    return xmlStrEqual(xmlTextReaderConstLocalName(r), (const xmlChar *)local) &&
           xmlStrEqual(xmlTextReaderConstNamespaceUri(r), (const xmlChar *)ns);
}

static int node_is(xmlNodePtr n, const char *ns, const char *local)
{
    return n && n->type == XML_ELEMENT_NODE && n->ns &&
           xmlStrEqual(n->ns->href, (const xmlChar *)ns) &&
           xmlStrEqual(n->name, (const xmlChar *)local);
}

/* 1 if index is next in the ascending list (the cursor moves past smaller ones). */
static int listed(const uint32_t *v, size_t n, size_t *cur, uint32_t index)
{
    while (*cur < n && v[*cur] < index)
        (*cur)++;
    return *cur < n && v[*cur] == index;
}

static char *attr(xmlTextReaderPtr r, const char *ns, const char *local)
{
    return (char *)xmlTextReaderGetAttributeNs(r, (const xmlChar *)local, (const xmlChar *)ns);
}

/* A comment that is a waiver: its text read as the reader reads it (og_waiver_text). */
static int is_waiver(xmlNodePtr top)
{
    og_buf t;
    int rc = 0, w;
    og_buf_init(&t, SIZE_MAX / 2);
    for (xmlNodePtr d = og_xml_next(top, top, 0); d && rc == 0;) {
        int meta = d->type == XML_ELEMENT_NODE && d->ns &&
                   (xmlStrEqual(d->ns->href, (const xmlChar *)OG_NS_DC) ||
                    xmlStrEqual(d->ns->href, (const xmlChar *)OG_NS_META));
        if (d->type == XML_ELEMENT_NODE && d->ns &&
            xmlStrEqual(d->ns->href, (const xmlChar *)OG_NS_TEXT) &&
            og_comment_break((const char *)d->name))
            rc = og_append_collapsed(&t, " ", 1);
        else if ((d->type == XML_TEXT_NODE || d->type == XML_CDATA_SECTION_NODE) && d->content)
            rc =
                og_append_collapsed(&t, (const char *)d->content, strlen((const char *)d->content));
        d = og_xml_next(top, d, meta);
    }
    w = og_waiver_text(t.data ? t.data : "", t.len); /* out of memory: what was read */
    og_buf_free(&t);
    return w;
}

/* A frame: drop it when it holds a linked image or object (LINKS) and nothing embedded to
 * show instead; an embedded object (OBJECTS) goes alone when the frame keeps its replacement
 * picture, else with the frame. */
static int frame_drop(scrub_ctx *c, xmlTextReaderPtr r, uint32_t index)
{
    xmlNodePtr f = xmlTextReaderExpand(r), ch;
    int linked = 0, object = 0, picture = 0;
    uint32_t k = index;
    size_t nobj = 0, later = c->later.len;
    if (!f)
        return 0;
    for (ch = f->children; ch; ch = ch->next) {
        if (ch->type != XML_ELEMENT_NODE)
            continue;
        k++; /* the child's index: one more than everything before it */
        xmlChar *href = xmlGetNsProp(ch, (const xmlChar *)"href", (const xmlChar *)OG_NS_XLINK);
        const char *h = href ? (const char *)href : "";
        int internal = og_href_internal(h); /* no href: inline (a flat file's binary data) */
        if (node_is(ch, OG_NS_DRAW, "image"))
            internal ? (picture = 1) : (linked = 1);
        else if (node_is(ch, OG_NS_DRAW, "object") || node_is(ch, OG_NS_DRAW, "object-ole")) {
            if (internal) {
                object = 1;
                nobj++;
                /* dropped alone if the frame stays (ascending: the copy's order) */
                if (OG_VEC_PUSH(&c->later, k, UINT32_MAX) != 0)
                    c->nomem = 1;
                if (*h && (c->classes & ODFGATE_SCRUB_EMBEDDED_OBJECTS) &&
                    og_strmap_add(&c->objects, strncmp(h, "./", 2) == 0 ? h + 2 : h) == (size_t)-1)
                    c->nomem = 1;
            } else
                linked = 1;
        }
        xmlFree(href);
        k += og_xml_count_elements(ch) - 1; /* its own elements come before the next child */
    }
    if ((c->classes & ODFGATE_SCRUB_EMBEDDED_OBJECTS) && object) {
        c->res->objects += nobj;
        if (picture)
            return 0; /* the objects go alone (c->later), their picture stays */
    }
    c->later.len = later; /* the frame stays whole, or goes whole */
    if ((c->classes & ODFGATE_SCRUB_EMBEDDED_OBJECTS) && object)
        return 1;
    if ((c->classes & ODFGATE_SCRUB_LINKED_RESOURCES) && linked && !picture && !object) {
        c->res->links++;
        return 1;
    }
    return 0;
}

/* "Author N" for a person named in a kept comment or change, the same N for the same name. */
static void author_alias(scrub_ctx *c, const char *who)
{
    size_t i = og_strmap_add(&c->authors, who);
    if (i == (size_t)-1)
        c->nomem = 1;
    snprintf(c->replacement, sizeof(c->replacement), "Author %zu", i + 1);
}

/* Personal metadata: dropped (1), replaced (2: c->replacement), or kept (0). */
static int personal(scrub_ctx *c, xmlTextReaderPtr r, int depth)
{
    if (!(c->classes & ODFGATE_SCRUB_PERSONAL_INFO))
        return 0;
    if (c->meta_depth >= 0 && depth == c->meta_depth + 1) {
        static const char *const meta_drop[] = {"initial-creator", "printed-by", "print-date",
                                                "template"};
        for (size_t i = 0; i < OG_ARRAY_LEN(meta_drop); i++)
            if (is(r, OG_NS_META, meta_drop[i]))
                return 1;
        if (is(r, OG_NS_DC, "creator"))
            return 1;
        int cycles = is(r, OG_NS_META, "editing-cycles");
        int user = is(r, OG_NS_META, "user-defined");
        if (cycles || is(r, OG_NS_META, "editing-duration") || user) {
            /* what personal-info reports goes (rules/hygiene.c decides for both) */
            xmlNodePtr n = xmlTextReaderExpand(r);
            xmlChar *v = n ? xmlNodeGetContent(n) : NULL;
            char *name = user ? attr(r, OG_NS_META, "name") : NULL;
            const char *s = v ? (const char *)v : "";
            int personal = user     ? og_property_names_person(c->doc, name, s)
                           : cycles ? og_editing_cycles_recorded(s)
                                    : og_editing_time_recorded(s);
            xmlFree(v);
            xmlFree(name);
            if (!personal || user)
                return personal; /* a custom property goes; cycles and time are reset */
            snprintf(c->replacement, sizeof(c->replacement), "%s", cycles ? "1" : "PT0S");
            return 2;
        }
        return 0;
    }
    if (c->info_depth >= 0 && depth > c->info_depth &&
        (is(r, OG_NS_DC, "creator") || is(r, OG_NS_DC, "date"))) {
        if (is(r, OG_NS_DC, "date")) {
            snprintf(c->replacement, sizeof(c->replacement), "1970-01-01T00:00:00");
            return 2;
        }
        xmlNodePtr n = xmlTextReaderExpand(r);
        xmlChar *who = n ? xmlNodeGetContent(n) : NULL;
        author_alias(c, who ? (const char *)who : "");
        xmlFree(who);
        return 2;
    }
    return 0;
}

static int hook_drop(void *ctx, xmlTextReaderPtr r, uint32_t index)
{
    scrub_ctx *c = ctx;
    int depth = xmlTextReaderDepth(r);
    if (c->meta_depth >= 0 && depth <= c->meta_depth)
        c->meta_depth = -1;
    if (c->info_depth >= 0 && depth <= c->info_depth)
        c->info_depth = -1;
    if (listed(c->drop, c->ndrop, &c->idrop, index) ||
        listed(c->later.items, c->later.len, &c->ilater, index))
        return 1;
    if (is(r, OG_NS_OFFICE, "meta"))
        c->meta_depth = depth;
    if (is(r, OG_NS_OFFICE, "annotation")) {
        xmlNodePtr n = xmlTextReaderExpand(r);
        if ((c->classes & ODFGATE_SCRUB_COMMENTS) && n && !is_waiver(n)) {
            char *name = attr(r, OG_NS_OFFICE, "name");
            if (name && og_strmap_add(&c->names, name) == (size_t)-1)
                c->nomem = 1;
            xmlFree(name);
            c->res->comments++;
            return 1;
        }
        if (c->info_depth < 0)
            c->info_depth = depth;
        return 0;
    }
    if (is(r, OG_NS_OFFICE, "annotation-end")) {
        char *name = attr(r, OG_NS_OFFICE, "name");
        int gone = name && og_strmap_find(&c->names, name) != (size_t)-1;
        xmlFree(name);
        return gone;
    }
    if (is(r, OG_NS_OFFICE, "change-info") && c->info_depth < 0)
        c->info_depth = depth;
    if ((c->classes & ODFGATE_SCRUB_MACROS) &&
        (is(r, OG_NS_SCRIPT, "event-listener") || is(r, OG_NS_OFFICE, "script"))) {
        c->res->macros++;
        return 1;
    }
    if ((c->classes & (ODFGATE_SCRUB_LINKED_RESOURCES | ODFGATE_SCRUB_EMBEDDED_OBJECTS)) &&
        is(r, OG_NS_DRAW, "frame"))
        return frame_drop(c, r, index);
    if ((c->classes & ODFGATE_SCRUB_LINKED_RESOURCES) && is(r, OG_NS_TEXT, "section-source")) {
        c->res->links++;
        return 1;
    }
    int p = personal(c, r, depth);
    if (p == 1)
        c->res->personal++;
    return p == 1;
}

static int hook_replace(void *ctx, xmlTextReaderPtr r, uint32_t index)
{
    scrub_ctx *c = ctx;
    if (personal(c, r, xmlTextReaderDepth(r)) != 2)
        return 0;
    xmlNodePtr n = xmlTextReaderExpand(r);
    xmlChar *was = n ? xmlNodeGetContent(n) : NULL;
    int same = was && strcmp((const char *)was, c->replacement) == 0;
    xmlFree(was);
    if (same)
        return 0; /* already what it would become */
    c->replaced = index;
    c->res->personal++;
    return 1;
}

static int hook_after_start(void *ctx, xmlTextWriterPtr w, uint32_t index)
{
    scrub_ctx *c = ctx;
    if (index != c->replaced)
        return 0;
    c->replaced = 0;
    return xmlTextWriterWriteString(w, (const xmlChar *)c->replacement) < 0 ? -1 : 0;
}

static int hook_unwrap(void *ctx, xmlTextReaderPtr r, uint32_t index)
{
    scrub_ctx *c = ctx;
    if (listed(c->unwrap, c->nunwrap, &c->iunwrap, index))
        return 1;
    if (is(r, OG_NS_TEXT, "a") || is(r, OG_NS_DRAW, "a")) {
        char *href = attr(r, OG_NS_XLINK, "href");
        int macro = href && (strncasecmp(href, "vnd.sun.star.script:", 20) == 0 ||
                             strncasecmp(href, "macro:", 6) == 0);
        int gone = 0;
        if (macro && (c->classes & ODFGATE_SCRUB_MACROS))
            gone = 1, c->res->macros++;
        else if (!macro && (c->classes & ODFGATE_SCRUB_LINKED_RESOURCES) && og_link_concern(href))
            gone = 1, c->res->links++;
        xmlFree(href);
        return gone;
    }
    return 0;
}

static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return (x > y) - (x < y);
}

/* The facts this scrub removes by their element's index: those of c->doc (the text as it
 * is copied: after tracked changes were resolved), and the package's own from the document
 * as read (a macro library is a part, not an element). */
static int plan(scrub_ctx *c, const odfgate_doc *read)
{
    const odfgate_doc *d = c->doc;
    for (uint32_t i = 0; i < read->hyg_count; i++)
        if (!read->hyg[i].node) /* a package part: a macro library, dropped with its entries */
            c->res->macros +=
                read->hyg[i].cls == OG_HYG_MACRO && (c->classes & ODFGATE_SCRUB_MACROS);
    c->drop = calloc(d->hyg_count + 1, sizeof(uint32_t));
    c->unwrap = calloc(d->hyg_count + 1, sizeof(uint32_t));
    if (!c->drop || !c->unwrap)
        return -1;
    for (uint32_t i = 0; i < d->hyg_count; i++) {
        const og_hyg_item *it = &d->hyg[i];
        if (!it->node)
            continue;
        if (it->cls == OG_HYG_HIDDEN && (c->classes & ODFGATE_SCRUB_HIDDEN_TEXT)) {
            c->res->hidden++;
            if (strcmp(it->kind, "conditional text") == 0)
                c->unwrap[c->nunwrap++] = it->node; /* its shown text stays */
            else if (strncmp(it->kind, "hidden paragraph", 16) == 0 && it->paragraph >= 1 &&
                     it->paragraph <= d->para_count)
                c->drop[c->ndrop++] = d->paras[it->paragraph - 1].node; /* the paragraph */
            else
                c->drop[c->ndrop++] = it->node;
        } else if (it->cls == OG_HYG_CHANGE) {
            c->res->changes_left++;
        } else if (it->cls == OG_HYG_MACRO && (c->classes & ODFGATE_SCRUB_MACROS) &&
                   strcmp(it->kind, "field that runs a macro") == 0) {
            c->res->macros++;
            c->unwrap[c->nunwrap++] = it->node;
        }
    }
    qsort(c->drop, c->ndrop, sizeof(uint32_t), cmp_u32);
    qsort(c->unwrap, c->nunwrap, sizeof(uint32_t), cmp_u32);
    return 0;
}

static void ctx_free(scrub_ctx *c)
{
    free(c->drop);
    free(c->unwrap);
    free(c->later.items);
    og_strmap_free(&c->names);
    og_strmap_free(&c->authors);
    og_strmap_free(&c->objects);
}

static int copy_part(scrub_ctx *c, const og_buf *in, const char *path, const char *part,
                     og_buf *out, odfgate_error *err)
{
    og_copy_hooks h = {c, hook_after_start, hook_drop, hook_replace, NULL, hook_unwrap};
    c->meta_depth = c->info_depth = -1;
    c->idrop = c->iunwrap = c->ilater = 0;
    c->later.len = 0;
    if (og_xml_copy(in->data, in->len, path, part, &h, out, err) < 0)
        return -1;
    if (c->nomem)
        return og_fail(err, ODFGATE_E_NOMEM, path, part, "out of memory"), -1;
    return 0;
}

/* Manifest entries of the parts that leave the package. */
typedef struct manifest_ctx {
    const char *const *gone;
} manifest_ctx;

static int manifest_drop(void *ctx, xmlTextReaderPtr r, uint32_t index)
{
    manifest_ctx *m = ctx;
    (void)index;
    if (!is(r, OG_NS_MANIFEST, "file-entry"))
        return 0;
    char *p = attr(r, OG_NS_MANIFEST, "full-path");
    int gone = 0;
    for (size_t i = 0; p && m->gone[i]; i++) {
        size_t n = strlen(m->gone[i]);
        gone |= strcmp(p, m->gone[i]) == 0 ||
                (m->gone[i][n - 1] == '/' && strncmp(p, m->gone[i], n) == 0);
    }
    xmlFree(p);
    return gone;
}

/* ------------------------------------------------------------------ sign-offs */

/* Signatories whose sign-off stands on the current text (approved, rejected, untrusted,
 * unsigned: not stale, missing or broken). */
static int standing(const odfgate_signoffs *so, const odfgate_schema *s, const char *id)
{
    odfgate_signatory_state st = odfgate_signoffs_signatory(so, s, id, NULL);
    return st != ODFGATE_SIGNATORY_STALE && st != ODFGATE_SIGNATORY_MISSING &&
           st != ODFGATE_SIGNATORY_SIGNATURE_INVALID;
}

/* Read the new text back and name the sign-offs it makes stale. */
static int judge(const odfgate_doc *before, const char *data, size_t len, const char *path,
                 const odfgate_schema *schema, odfgate_scrub_result *res, odfgate_error *err)
{
    odfgate_doc *after = NULL;
    odfgate_signoffs *so_before = NULL, *so_after = NULL;
    char d1[80], d2[80];
    int rc = -1;
    if (odfgate_doc_open_memory(data, len, path, NULL, &after, err) > ODFGATE_WARN)
        return -1; /* a note (the probe has no manifest) is no failure */
    if (odfgate_doc_content_digest(before, 2, d1, err) != ODFGATE_OK ||
        odfgate_doc_content_digest(after, 2, d2, err) != ODFGATE_OK)
        goto done;
    res->text_changed = strcmp(d1, d2) != 0;
    if (schema && schema->signatory_count) {
        if (odfgate_signoffs_read(before, schema, &so_before, err) != ODFGATE_OK ||
            odfgate_signoffs_read(after, schema, &so_after, err) != ODFGATE_OK)
            goto done;
        size_t n = 0;
        for (size_t i = 0; i < schema->signatory_count; i++) {
            const char *id = schema->signatories[i].id;
            if (!standing(so_before, schema, id))
                continue;
            if (standing(so_after, schema, id)) {
                res->valid_kept++;
                continue;
            }
            res->stale_count++;
            if (n < sizeof(res->stale))
                n += (size_t)snprintf(res->stale + n, sizeof(res->stale) - n, "%s%s", n ? ", " : "",
                                      id);
        }
    }
    rc = 0;
done:
    odfgate_signoffs_free(so_before);
    odfgate_signoffs_free(so_after);
    odfgate_doc_free(after);
    return rc;
}

/* ------------------------------------------------------------------ the scrub */

/* Is package entry e an object dropped ("Object 1") or inside one ("Object 1/content.xml")?
 * 1, 0, or -1 out of memory. */
static int in_object(const og_strmap *objects, const char *e)
{
    char *prefix;
    int hit = 0;
    if (!objects->count || !(prefix = og_strdup(e)))
        return objects->count ? -1 : 0;
    for (size_t i = 0, n = strlen(e); !hit && i <= n; i++)
        if (e[i] == '/' || e[i] == '\0') {
            prefix[i] = '\0';
            hit = og_strmap_find(objects, prefix) != (size_t)-1;
            prefix[i] = e[i];
        }
    free(prefix);
    return hit;
}

static int header_comments(const odfgate_doc *d)
{
    for (uint32_t i = 0; i < d->hyg_count; i++)
        if (d->hyg[i].cls == OG_HYG_COMMENT && !d->hyg[i].node)
            return 1;
    return 0;
}

/* Resolve the tracked changes of content (in place: content becomes the resolved text) and
 * read that text again for the facts the copy needs (*facts): the reader's element indices
 * are those of the resolved text.  0; 1 when a change cannot be resolved exactly
 * (res->changes_refused); -1 with err. */
static int resolve_changes(og_package *pkg, int flat, int mode, og_buf *content, const char *in,
                           odfgate_doc **facts, odfgate_scrub_result *res, odfgate_error *err)
{
    og_changes_outcome co;
    og_buf resolved, styles, meta, probe;
    int rc = -1;
    og_buf_init(&resolved, SIZE_MAX / 2);
    og_buf_init(&styles, MAX_PART);
    og_buf_init(&meta, MAX_PART);
    og_buf_init(&probe, SIZE_MAX / 2);
    if (og_changes_resolve(content->data, content->len, in, flat ? NULL : "content.xml", mode,
                           &resolved, &co, err) < 0)
        goto done;
    if (co.refused[0]) {
        snprintf(res->changes_refused, sizeof(res->changes_refused), "%s", co.refused);
        rc = 1;
        goto done;
    }
    res->changes_resolved = co.resolved;
    if (flat) {
        if (odfgate_doc_open_memory(resolved.data, resolved.len, in, NULL, facts, err) >
            ODFGATE_WARN)
            goto done;
    } else {
        og_part_data parts[4] = {
            {"mimetype", og_package_mimetype(pkg), strlen(og_package_mimetype(pkg)), NULL},
            {"content.xml", resolved.data, resolved.len, NULL}};
        size_t np = 2;
        if (og_package_has_part(pkg, "styles.xml")) {
            if (og_package_read_part(pkg, "styles.xml", &styles, err) < 0)
                goto done;
            parts[np++] = (og_part_data){"styles.xml", styles.data, styles.len, NULL};
        }
        if (og_package_has_part(pkg, "meta.xml")) {
            if (og_package_read_part(pkg, "meta.xml", &meta, err) < 0)
                goto done;
            parts[np++] = (og_part_data){"meta.xml", meta.data, meta.len, NULL};
        }
        if (og_package_assemble(parts, np, &probe, in, err) < 0 ||
            odfgate_doc_open_memory(probe.data, probe.len, in, NULL, facts, err) > ODFGATE_WARN)
            goto done;
    }
    og_buf swap = *content; /* content is now the resolved text */
    *content = resolved;
    resolved = swap;
    rc = 0;
done:
    og_buf_free(&resolved);
    og_buf_free(&styles);
    og_buf_free(&meta);
    og_buf_free(&probe);
    return rc;
}

static odfgate_status scrub_unlocked(const char *in, const char *out,
                                     const odfgate_scrub_options *o, odfgate_scrub_result *res,
                                     odfgate_error *err)
{
    odfgate_doc *doc = NULL, *facts = NULL;
    og_package *pkg = NULL;
    og_buf content, newc, meta, newm, manifest, newman, styles, newstyles, probe;
    scrub_ctx c;
    const char **drop = NULL; /* parts that leave; every entry at most, and the signatures */
    size_t ndrop = 0;
    int rc = -1, flat;
    odfgate_status st = odfgate_doc_open(in, NULL, &doc, err);
    if (st > ODFGATE_WARN)
        return st;
    memset(&c, 0, sizeof(c));
    c.doc = doc;
    c.classes = o->classes;
    c.res = res;
    og_buf_init(&content, SIZE_MAX / 2);
    og_buf_init(&newc, SIZE_MAX / 2);
    og_buf_init(&meta, MAX_PART);
    og_buf_init(&newm, SIZE_MAX / 2);
    og_buf_init(&manifest, MAX_PART);
    og_buf_init(&newman, SIZE_MAX / 2);
    og_buf_init(&styles, SIZE_MAX / 2);
    og_buf_init(&newstyles, SIZE_MAX / 2);
    og_buf_init(&probe, SIZE_MAX / 2);
    if (og_package_open(in, NULL, &pkg, err) > ODFGATE_WARN)
        goto done;
    flat = og_package_kind_of(pkg) == OG_PACKAGE_FLAT;
    if (!(drop = calloc(og_package_entry_count(pkg) + 2, sizeof(*drop)))) {
        og_fail(err, ODFGATE_E_NOMEM, in, NULL, "out of memory");
        goto done;
    }
    if (!flat && og_package_has_part(pkg, SIGNATURES)) {
        if (!o->force) {
            og_fail(err, ODFGATE_E_USAGE, in, SIGNATURES,
                    "the document carries ODF digital signatures; scrubbing rewrites it and "
                    "would invalidate them (--force to scrub anyway: the signatures are then "
                    "removed)");
            goto done;
        }
        drop[ndrop++] = SIGNATURES;
        res->signatures_dropped = 1;
    }
    if (og_package_read_part(pkg, "content.xml", &content, err) < 0)
        goto done;
    if (o->changes) {
        int r = resolve_changes(pkg, flat, o->changes, &content, in, &facts, res, err);
        if (r != 0) {
            rc = r > 0 ? 0 : -1; /* refused: nothing written, the caller says why */
            goto done;
        }
        c.doc = facts;
    }
    if (plan(&c, doc) < 0) {
        og_fail(err, ODFGATE_E_NOMEM, in, NULL, "out of memory");
        goto done;
    }
    if (copy_part(&c, &content, in, flat ? NULL : "content.xml", &newc, err) < 0)
        goto done;
    og_part_data parts[5];
    size_t nparts = 0;
    if (flat) {
        if (judge(doc, newc.data, newc.len, in, o->schema, res, err) < 0)
            goto done;
    } else {
        parts[nparts++] = (og_part_data){"content.xml", newc.data, newc.len, NULL};
        if (og_package_has_part(pkg, "meta.xml")) {
            if (og_package_read_part(pkg, "meta.xml", &meta, err) < 0 ||
                copy_part(&c, &meta, in, "meta.xml", &newm, err) < 0)
                goto done;
            parts[nparts++] = (og_part_data){"meta.xml", newm.data, newm.len, NULL};
        }
        /* comments in headers and footers: styles.xml through the same hooks, which find
         * them by what they are (the facts' element indices are content.xml's) */
        if ((o->classes & ODFGATE_SCRUB_COMMENTS) && header_comments(doc) &&
            og_package_has_part(pkg, "styles.xml")) {
            size_t nd = c.ndrop, nu = c.nunwrap;
            c.ndrop = c.nunwrap = 0;
            if (og_package_read_part(pkg, "styles.xml", &styles, err) < 0 ||
                copy_part(&c, &styles, in, "styles.xml", &newstyles, err) < 0)
                goto done;
            c.ndrop = nd;
            c.nunwrap = nu;
            parts[nparts++] = (og_part_data){"styles.xml", newstyles.data, newstyles.len, NULL};
        }
        /* parts that leave: macro libraries, the objects dropped */
        size_t n = og_package_entry_count(pkg);
        for (size_t i = 0; i < n; i++) {
            const char *e = og_package_entry_name(pkg, i);
            int gone = 0;
            if (!e)
                continue;
            if (o->classes & ODFGATE_SCRUB_MACROS)
                gone = strncmp(e, "Basic/", 6) == 0 || strncmp(e, "Dialogs/", 8) == 0 ||
                       strncmp(e, "Scripts/", 8) == 0;
            if (!gone && (gone = in_object(&c.objects, e)) < 0) {
                og_fail(err, ODFGATE_E_NOMEM, in, NULL, "out of memory");
                goto done;
            }
            if (gone)
                drop[ndrop++] = e;
        }
        drop[ndrop] = NULL;
        if (ndrop && og_package_has_part(pkg, "META-INF/manifest.xml")) {
            manifest_ctx m = {drop};
            og_copy_hooks mh = {&m, NULL, manifest_drop, NULL, NULL, NULL};
            if (og_package_read_part(pkg, "META-INF/manifest.xml", &manifest, err) < 0 ||
                og_xml_copy(manifest.data, manifest.len, in, "META-INF/manifest.xml", &mh, &newman,
                            err) < 0)
                goto done;
            parts[nparts++] =
                (og_part_data){"META-INF/manifest.xml", newman.data, newman.len, NULL};
        }
        /* the new text read back: mimetype, content, styles, meta */
        og_part_data probe_parts[4] = {
            {"mimetype", og_package_mimetype(pkg), strlen(og_package_mimetype(pkg)), NULL},
            {"content.xml", newc.data, newc.len, NULL}};
        size_t np = 2;
        if (newstyles.len) {
            probe_parts[np++] = (og_part_data){"styles.xml", newstyles.data, newstyles.len, NULL};
        } else if (og_package_has_part(pkg, "styles.xml")) {
            if (og_package_read_part(pkg, "styles.xml", &styles, err) < 0)
                goto done;
            probe_parts[np++] = (og_part_data){"styles.xml", styles.data, styles.len, NULL};
        }
        if (newm.len)
            probe_parts[np++] = (og_part_data){"meta.xml", newm.data, newm.len, NULL};
        if (og_package_assemble(probe_parts, np, &probe, in, err) < 0 ||
            judge(doc, probe.data, probe.len, in, o->schema, res, err) < 0)
            goto done;
    }
    if ((res->stale_count && !o->force) || o->dry_run) {
        rc = 0; /* nothing written: the caller says why */
        goto done;
    }
    {
        const og_file_id *expect = og_in_place_expect(in, out, &doc->source);
        rc = flat ? og_write_file_atomic(out, newc.data, newc.len, expect, err)
                  : og_package_write(in, out, parts, nparts, drop, expect, err);
        res->written = rc == 0;
    }
done:
    ctx_free(&c);
    og_package_free(pkg);
    odfgate_doc_free(facts);
    odfgate_doc_free(doc);
    og_buf_free(&content);
    og_buf_free(&newc);
    og_buf_free(&meta);
    og_buf_free(&newm);
    og_buf_free(&manifest);
    og_buf_free(&newman);
    og_buf_free(&styles);
    og_buf_free(&newstyles);
    og_buf_free(&probe);
    free(drop);
    return rc == 0 ? ODFGATE_OK : og_status_of(err);
}

odfgate_status odfgate_scrub(const char *in_path, const char *out_path,
                             const odfgate_scrub_options *opt, odfgate_scrub_result *res,
                             odfgate_error *err)
{
    OG_ERR_LOCAL(err);
    int lock = -1;
    odfgate_status st;
    if (!in_path || !out_path || !opt || !res)
        return og_fail(err, ODFGATE_E_USAGE, in_path, NULL, "odfgate_scrub: missing argument");
    memset(res, 0, sizeof(*res));
    if (og_same_file(in_path, out_path) && (lock = og_lock_dir_of(out_path, err)) < 0)
        return ODFGATE_FAILED;
    st = scrub_unlocked(in_path, out_path, opt, res, err);
    og_unlock(lock);
    return st;
}
