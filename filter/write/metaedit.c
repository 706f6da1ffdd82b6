/* metaedit.c — edit user-defined properties and manifest entries, see metaedit.h. */
#include "write/metaedit.h"

#include "read/xml.h"

const char og_empty_meta_xml[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<office:document-meta xmlns:office=\"" OG_NS_OFFICE "\" xmlns:meta=\"" OG_NS_META "\" "
    "xmlns:dc=\"" OG_NS_DC "\" office:version=\"1.3\"><office:meta/></office:document-meta>";

static int is_el(xmlNodePtr n, const char *ns, const char *name)
{
    return n && n->type == XML_ELEMENT_NODE && n->ns &&
           strcmp((const char *)n->ns->href, ns) == 0 && strcmp((const char *)n->name, name) == 0;
}

static int serialise(xmlDocPtr doc, og_buf *out, const char *path, odfgate_error *err)
{
    xmlChar *mem = NULL;
    int size = 0, rc;
    xmlDocDumpMemoryEnc(doc, &mem, &size, "UTF-8");
    if (!mem || size <= 0) {
        xmlFree(mem);
        og_fail(err, ODFGATE_E_NOMEM, path, NULL, "cannot serialise the XML");
        return -1;
    }
    og_buf_reset(out);
    rc = og_buf_add(out, mem, (size_t)size);
    xmlFree(mem);
    if (rc)
        return og_fail(err, ODFGATE_E_NOMEM, path, NULL, "out of memory"), -1;
    return 0;
}

int og_meta_set_user(const char *xml, size_t len, const char *path, const char *name,
                     const char *value, og_buf *out, int *found, odfgate_error *err)
{
    xmlDocPtr doc = og_xml_parse_memory(xml, len, path, "meta.xml", err);
    xmlNodePtr root, meta = NULL, n, next;
    xmlNsPtr mns;
    int rc = -1;
    if (found)
        *found = 0;
    if (!doc)
        return -1;
    root = xmlDocGetRootElement(doc);
    if (!is_el(root, OG_NS_OFFICE, "document-meta") && !is_el(root, OG_NS_OFFICE, "document")) {
        og_fail(err, ODFGATE_E_XML, path, "meta.xml",
                "no office:document-meta or office:document root");
        goto out;
    }
    for (n = root->children; n; n = n->next)
        if (is_el(n, OG_NS_OFFICE, "meta"))
            meta = n;
    if (!meta) { /* office:meta is the first child of the root */
        xmlNsPtr ons = xmlSearchNsByHref(doc, root, (const xmlChar *)OG_NS_OFFICE);
        meta = xmlNewDocNode(doc, ons, (const xmlChar *)"meta", NULL);
        if (!meta ||
            !(root->children ? xmlAddPrevSibling(root->children, meta) : xmlAddChild(root, meta))) {
            og_fail(err, ODFGATE_E_NOMEM, path, "meta.xml", "out of memory");
            goto out;
        }
    }
    for (n = meta->children; n; n = next) {
        next = n->next;
        if (is_el(n, OG_NS_META, "user-defined")) {
            xmlChar *v = xmlGetNsProp(n, (const xmlChar *)"name", (const xmlChar *)OG_NS_META);
            if (v && strcmp((const char *)v, name) == 0) {
                xmlUnlinkNode(n);
                xmlFreeNode(n);
                if (found)
                    *found = 1;
            }
            xmlFree(v);
        }
    }
    if (value) {
        mns = xmlSearchNsByHref(doc, meta, (const xmlChar *)OG_NS_META);
        if (!mns)
            mns = xmlNewNs(root, (const xmlChar *)OG_NS_META, (const xmlChar *)"meta");
        n = mns ? xmlNewTextChild(meta, mns, (const xmlChar *)"user-defined",
                                  (const xmlChar *)value)
                : NULL;
        if (!n || !xmlNewNsProp(n, mns, (const xmlChar *)"name", (const xmlChar *)name) ||
            !xmlNewNsProp(n, mns, (const xmlChar *)"value-type", (const xmlChar *)"string")) {
            og_fail(err, ODFGATE_E_NOMEM, path, "meta.xml", "out of memory");
            goto out;
        }
    }
    rc = serialise(doc, out, path, err);
out:
    xmlFreeDoc(doc);
    return rc;
}

int og_manifest_add(const char *xml, size_t len, const char *path, const char *full_path,
                    const char *media_type, og_buf *out, odfgate_error *err)
{
    xmlDocPtr doc = og_xml_parse_memory(xml, len, path, "META-INF/manifest.xml", err);
    xmlNodePtr root, n;
    xmlNsPtr ns;
    int rc = -1;
    if (!doc)
        return -1;
    root = xmlDocGetRootElement(doc);
    ns = root ? xmlSearchNsByHref(doc, root, (const xmlChar *)OG_NS_MANIFEST) : NULL;
    if (!ns) {
        og_fail(err, ODFGATE_E_XML, path, "META-INF/manifest.xml", "not an ODF manifest");
        goto out;
    }
    for (n = root->children; n; n = n->next)
        if (is_el(n, OG_NS_MANIFEST, "file-entry")) {
            xmlChar *v =
                xmlGetNsProp(n, (const xmlChar *)"full-path", (const xmlChar *)OG_NS_MANIFEST);
            int same = v && strcmp((const char *)v, full_path) == 0;
            xmlFree(v);
            if (same) {
                rc = serialise(doc, out, path, err);
                goto out;
            }
        }
    n = xmlNewChild(root, ns, (const xmlChar *)"file-entry", NULL);
    if (!n || !xmlNewNsProp(n, ns, (const xmlChar *)"full-path", (const xmlChar *)full_path) ||
        !xmlNewNsProp(n, ns, (const xmlChar *)"media-type", (const xmlChar *)media_type)) {
        og_fail(err, ODFGATE_E_NOMEM, path, NULL, "out of memory");
        goto out;
    }
    rc = serialise(doc, out, path, err);
out:
    xmlFreeDoc(doc);
    return rc;
}

int og_manifest_retype(const char *xml, size_t len, const char *path, const char *media_type,
                       const char *drop_path, og_buf *out, odfgate_error *err)
{
    xmlDocPtr doc = og_xml_parse_memory(xml, len, path, "META-INF/manifest.xml", err);
    xmlNodePtr root, n, next;
    int rc;
    if (!doc)
        return -1;
    root = xmlDocGetRootElement(doc);
    for (n = root ? root->children : NULL; n; n = next) {
        next = n->next;
        if (!is_el(n, OG_NS_MANIFEST, "file-entry"))
            continue;
        xmlChar *v = xmlGetNsProp(n, (const xmlChar *)"full-path", (const xmlChar *)OG_NS_MANIFEST);
        if (v && strcmp((const char *)v, "/") == 0)
            xmlSetNsProp(n, n->ns, (const xmlChar *)"media-type", (const xmlChar *)media_type);
        else if (v && drop_path && strcmp((const char *)v, drop_path) == 0) {
            xmlUnlinkNode(n);
            xmlFreeNode(n);
        }
        xmlFree(v);
    }
    rc = serialise(doc, out, path, err);
    xmlFreeDoc(doc);
    return rc;
}
