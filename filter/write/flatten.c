/*
 * flatten.c — odfgate_flatten: a zip package as one flat ODF document (what LibreOffice saves
 * as .fodt).  The parts are parsed with the safe parser (xml.c) and their top-level elements
 * moved, in the order office:document requires, under a new office:document root:
 *
 *   office:meta (meta.xml), office:settings (settings.xml), office:scripts (content.xml),
 *   office:font-face-decls (styles.xml, plus content.xml's faces it lacks), office:styles,
 *   office:automatic-styles (content.xml's, then styles.xml's: a name both parts use is
 *   renamed in styles.xml's, with every *style-name reference in its automatic and master
 *   styles), office:master-styles (styles.xml), office:body (content.xml).
 *
 * Namespaces are reconciled by libxml2 (xmlDOMWrapAdoptNode); the root declares those of the
 * parts' roots.  Pictures that draw:image takes from the package become office:binary-data
 * (base64).  Other references into the package (embedded objects, fill images) are kept as
 * they are and do not survive the flattening — see docs/libreoffice.md.
 * A flat input is returned as read.
 */
#include "base/internal.h"

#include "base/buf.h"
#include "read/package.h"
#include "read/xml.h"

#define X(s)          ((const xmlChar *)(s))
#define RENAME_PREFIX "odfgate-m-"

typedef struct parts {
    xmlDocPtr content, styles, meta, settings;
} parts;

/* First element child of `parent` named office:<local>, or NULL. */
static xmlNodePtr office_child(xmlNodePtr parent, const char *local)
{
    for (xmlNodePtr c = parent ? parent->children : NULL; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE && c->ns && xmlStrEqual(c->ns->href, X(OG_NS_OFFICE)) &&
            xmlStrEqual(c->name, X(local)))
            return c;
    return NULL;
}

static xmlNodePtr root_child(xmlDocPtr doc, const char *local)
{
    return doc ? office_child(xmlDocGetRootElement(doc), local) : NULL;
}

/* Move `node` (from src) to the end of `parent` (in dst). */
static int adopt(xmlDocPtr src, xmlNodePtr node, xmlDocPtr dst, xmlNodePtr parent)
{
    xmlUnlinkNode(node);
    if (xmlDOMWrapAdoptNode(NULL, src, node, dst, parent, 0) != 0 || !xmlAddChild(parent, node)) {
        xmlFreeNode(node);
        return -1;
    }
    return 0;
}

static xmlChar *style_name(xmlNodePtr n)
{
    return n->type == XML_ELEMENT_NODE ? xmlGetNsProp(n, X("name"), X(OG_NS_STYLE)) : NULL;
}

static int has_named_child(xmlNodePtr parent, const xmlChar *name)
{
    for (xmlNodePtr c = parent ? parent->children : NULL; c; c = c->next) {
        xmlChar *v = style_name(c);
        int same = v && xmlStrEqual(v, name);
        xmlFree(v);
        if (same)
            return 1;
    }
    return 0;
}

/* Is `value` the name of a style in styles.xml's automatic styles that content.xml also uses? */
static int collides(xmlNodePtr content_auto, const xmlChar *value)
{
    return value && has_named_child(content_auto, value);
}

/* Rename, in subtree `n` of styles.xml, the colliding names and the references to them. */
static int rename_refs(xmlNodePtr n, xmlNodePtr content_auto)
{
    for (; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        for (xmlAttrPtr a = n->properties; a; a = a->next) {
            size_t ln = strlen((const char *)a->name);
            int is_ref = ln >= 10 && strcmp((const char *)a->name + ln - 10, "style-name") == 0;
            int is_name = xmlStrEqual(a->name, X("name")) && a->ns &&
                          xmlStrEqual(a->ns->href, X(OG_NS_STYLE));
            if (!is_ref && !is_name)
                continue;
            xmlChar *v = xmlNodeGetContent((xmlNodePtr)a);
            if (collides(content_auto, v)) {
                xmlChar *nv = xmlStrncatNew(X(RENAME_PREFIX), v, -1);
                if (!nv || !xmlSetNsProp(n, a->ns, a->name, nv)) {
                    xmlFree(nv);
                    xmlFree(v);
                    return -1;
                }
                xmlFree(nv);
            }
            xmlFree(v);
        }
        if (rename_refs(n->children, content_auto) < 0)
            return -1;
    }
    return 0;
}

static const char b64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

static int base64(const unsigned char *p, size_t n, og_buf *out)
{
    og_buf_reset(out);
    if (og_buf_reserve(out, (n + 2) / 3 * 4) != OG_BUF_OK)
        return -1;
    for (size_t i = 0; i < n; i += 3) {
        unsigned v = (unsigned)p[i] << 16 | (i + 1 < n ? (unsigned)p[i + 1] << 8 : 0) |
                     (i + 2 < n ? p[i + 2] : 0);
        char q[4] = {b64[v >> 18 & 63], b64[v >> 12 & 63], i + 1 < n ? b64[v >> 6 & 63] : '=',
                     i + 2 < n ? b64[v & 63] : '='};
        og_buf_add(out, q, 4);
    }
    return 0;
}

/* Bytes of pictures one flattening may embed: 4× the package plus 16 MiB.  Every picture
 * once takes about 4/3 of its stored size (pictures hardly compress); a picture referenced
 * many times is embedded at each reference, so 4,000 references to one picture would write
 * gigabytes from a small package (#21.4: 4 GB used).  Past the budget: ODFGATE_E_LIMIT. */
static uint64_t embed_budget(const og_package *pkg)
{
    return og_package_input_size(pkg) * 4 + (16u << 20);
}

/* draw:image xlink:href="Pictures/x.png" → <office:binary-data>base64</office:binary-data> */
static int embed_pictures(xmlNodePtr n, og_package *pkg, xmlNsPtr office, og_buf *raw, og_buf *enc,
                          uint64_t *budget, odfgate_error *err)
{
    for (; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        if (n->ns && xmlStrEqual(n->ns->href, X(OG_NS_DRAW)) && xmlStrEqual(n->name, X("image"))) {
            xmlChar *href = xmlGetNsProp(n, X("href"), X(OG_NS_XLINK));
            const char *h = (const char *)href;
            if (h && strncmp(h, "./", 2) == 0)
                h += 2;
            if (h && !strchr(h, ':') && h[0] != '/' && og_package_has_part(pkg, h)) {
                xmlNodePtr data;
                if (og_package_read_part(pkg, h, raw, err) < 0 ||
                    base64((const unsigned char *)raw->data, raw->len, enc) < 0) {
                    xmlFree(href);
                    if (!err || err->code == ODFGATE_E_NONE)
                        og_fail(err, ODFGATE_E_NOMEM, NULL, h, "out of memory");
                    return -1;
                }
                if (enc->len > *budget) {
                    og_fail(err, ODFGATE_E_LIMIT, og_package_path(pkg), h,
                            "the flat document would embed more than %llu MiB of pictures (4 times "
                            "the package and 16 MiB): pictures are referenced too many times",
                            (unsigned long long)(embed_budget(pkg) >> 20));
                    xmlFree(href);
                    return -1;
                }
                *budget -= enc->len;
                static const char *const link_attrs[] = {"href", "type", "show", "actuate"};
                for (size_t k = 0; k < OG_ARRAY_LEN(link_attrs); k++) {
                    xmlAttrPtr a = xmlHasNsProp(n, X(link_attrs[k]), X(OG_NS_XLINK));
                    if (a)
                        xmlRemoveProp(a);
                }
                data = xmlNewDocNode(n->doc, office, X("binary-data"), X(enc->data));
                if (!data) {
                    xmlFree(href);
                    og_fail(err, ODFGATE_E_NOMEM, NULL, NULL, "out of memory");
                    return -1;
                }
                if (n->children)
                    xmlAddPrevSibling(n->children, data);
                else
                    xmlAddChild(n, data);
            }
            xmlFree(href);
        }
        if (embed_pictures(n->children, pkg, office, raw, enc, budget, err) < 0)
            return -1;
    }
    return 0;
}

static int read_part(og_package *pkg, const char *in_path, const char *name, int required,
                     xmlDocPtr *out, odfgate_error *err)
{
    og_buf b;
    *out = NULL;
    if (!og_package_has_part(pkg, name)) {
        if (required)
            og_fail(err, ODFGATE_E_MISSING_PART, in_path, name, "the package has no %s", name);
        return required ? -1 : 0;
    }
    og_buf_init(&b, SIZE_MAX / 2);
    if (og_package_read_part(pkg, name, &b, err) == 0)
        *out = og_xml_parse_memory(b.data, b.len, in_path, name, err);
    og_buf_free(&b);
    return *out ? 0 : -1;
}

static void declare_namespaces(xmlNodePtr root, xmlDocPtr from)
{
    xmlNodePtr r = from ? xmlDocGetRootElement(from) : NULL;
    for (xmlNsPtr ns = r ? r->nsDef : NULL; ns; ns = ns->next)
        if (ns->prefix && !xmlSearchNs(root->doc, root, ns->prefix))
            xmlNewNs(root, ns->href, ns->prefix);
}

/* Build the flat document from the parsed parts. */
static int merge(parts *p, og_package *pkg, xmlDocPtr out, odfgate_error *err)
{
    xmlNodePtr root = xmlNewDocNode(out, NULL, X("document"), NULL), croot, n;
    xmlNsPtr office;
    xmlChar *version;
    if (!root)
        return -1;
    xmlDocSetRootElement(out, root);
    if (!(office = xmlNewNs(root, X(OG_NS_OFFICE), X("office"))))
        return -1;
    xmlSetNs(root, office);
    declare_namespaces(root, p->content);
    declare_namespaces(root, p->styles);
    declare_namespaces(root, p->meta);
    declare_namespaces(root, p->settings);
    croot = xmlDocGetRootElement(p->content);
    if ((version = xmlGetNsProp(croot, X("version"), X(OG_NS_OFFICE)))) {
        xmlSetNsProp(root, office, X("version"), version);
        xmlFree(version);
    }
    xmlSetNsProp(root, office, X("mimetype"), X(og_package_mimetype(pkg)));

    if ((n = root_child(p->meta, "meta")) && adopt(p->meta, n, out, root) < 0)
        return -1;
    if ((n = root_child(p->settings, "settings")) && adopt(p->settings, n, out, root) < 0)
        return -1;
    if ((n = root_child(p->content, "scripts")) && adopt(p->content, n, out, root) < 0)
        return -1;

    xmlNodePtr sfaces = root_child(p->styles, "font-face-decls"),
               cfaces = root_child(p->content, "font-face-decls");
    if (sfaces) {
        if (adopt(p->styles, sfaces, out, root) < 0)
            return -1;
        for (xmlNodePtr c = cfaces ? cfaces->children : NULL, next; c; c = next) {
            xmlChar *name = style_name(c);
            next = c->next;
            if (name && !has_named_child(sfaces, name) && adopt(p->content, c, out, sfaces) < 0) {
                xmlFree(name);
                return -1;
            }
            xmlFree(name);
        }
    } else if (cfaces && adopt(p->content, cfaces, out, root) < 0)
        return -1;

    if ((n = root_child(p->styles, "styles")) && adopt(p->styles, n, out, root) < 0)
        return -1;

    xmlNodePtr cauto = root_child(p->content, "automatic-styles"),
               sauto = root_child(p->styles, "automatic-styles");
    xmlNodePtr master = root_child(p->styles, "master-styles");
    if (sauto && cauto &&
        (rename_refs(sauto->children, cauto) < 0 ||
         (master && rename_refs(master->children, cauto) < 0)))
        return -1;
    if (cauto) {
        if (adopt(p->content, cauto, out, root) < 0)
            return -1;
        for (xmlNodePtr c = sauto ? sauto->children : NULL, next; c; c = next) {
            next = c->next;
            if (c->type == XML_ELEMENT_NODE && adopt(p->styles, c, out, cauto) < 0)
                return -1;
        }
    } else if (sauto && adopt(p->styles, sauto, out, root) < 0)
        return -1;
    if (master && adopt(p->styles, master, out, root) < 0)
        return -1;

    if (!(n = root_child(p->content, "body"))) {
        og_fail(err, ODFGATE_E_MISSING_PART, og_package_path(pkg), "content.xml",
                "content.xml has no office:body");
        return -2;
    }
    if (adopt(p->content, n, out, root) < 0)
        return -1;

    og_buf raw, enc;
    uint64_t budget = embed_budget(pkg);
    int rc;
    og_buf_init(&raw, SIZE_MAX / 2);
    og_buf_init(&enc, SIZE_MAX / 2);
    rc = embed_pictures(root->children, pkg, office, &raw, &enc, &budget, err);
    og_buf_free(&raw);
    og_buf_free(&enc);
    return rc < 0 ? -2 : 0;
}

static odfgate_status flat_as_read(og_package *pkg, char **xml, size_t *len, odfgate_error *err)
{
    og_buf b;
    og_buf_init(&b, SIZE_MAX / 2);
    if (og_package_read_part(pkg, "content.xml", &b, err) < 0) {
        og_buf_free(&b);
        return og_status_of(err);
    }
    *len = b.len;
    *xml = og_buf_take(&b);
    return ODFGATE_OK;
}

odfgate_status odfgate_flatten(const char *in_path, const odfgate_limits *lim, char **xml,
                               size_t *len, odfgate_error *err)
{
    OG_ERR_LOCAL(err);
    og_package *pkg = NULL;
    parts p = {0};
    xmlDocPtr out = NULL;
    xmlChar *mem = NULL;
    int size = 0, rc;
    odfgate_status st;

    if (!in_path || !xml || !len)
        return og_fail(err, ODFGATE_E_USAGE, in_path, NULL, "missing argument");
    *xml = NULL;
    *len = 0;
    if ((st = og_package_open(in_path, lim, &pkg, err)) > ODFGATE_WARN)
        return st;
    if (og_package_kind_of(pkg) == OG_PACKAGE_FLAT) {
        st = flat_as_read(pkg, xml, len, err);
        og_package_free(pkg);
        return st;
    }
    st = ODFGATE_FAILED;
    if (read_part(pkg, in_path, "content.xml", 1, &p.content, err) < 0 ||
        read_part(pkg, in_path, "styles.xml", 0, &p.styles, err) < 0 ||
        read_part(pkg, in_path, "meta.xml", 0, &p.meta, err) < 0 ||
        read_part(pkg, in_path, "settings.xml", 0, &p.settings, err) < 0)
        goto done;
    if (!(out = xmlNewDoc(X("1.0")))) {
        st = og_fail(err, ODFGATE_E_NOMEM, in_path, NULL, "out of memory");
        goto done;
    }
    if ((rc = merge(&p, pkg, out, err)) < 0) {
        if (rc == -1)
            st = og_fail(err, ODFGATE_E_NOMEM, in_path, NULL, "out of memory");
        goto done;
    }
    xmlDocDumpMemoryEnc(out, &mem, &size, "UTF-8");
    if (!mem || size < 0 || !(*xml = og_strndup((const char *)mem, (size_t)size))) {
        st = og_fail(err, ODFGATE_E_NOMEM, in_path, NULL, "out of memory");
        goto done;
    }
    *len = (size_t)size;
    st = ODFGATE_OK;
done:
    xmlFree(mem);
    xmlFreeDoc(out);
    xmlFreeDoc(p.content);
    xmlFreeDoc(p.styles);
    xmlFreeDoc(p.meta);
    xmlFreeDoc(p.settings);
    og_package_free(pkg);
    return st;
}
