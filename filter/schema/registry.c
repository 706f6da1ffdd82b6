/* registry.c — parse a signatory registry, see registry.h. */
#include "schema/registry.h"

#include "schema/trust.h"

#include "text/text.h"
#include "read/xml.h"

#include <ctype.h>

#define OG_REGISTRY_MAX_SIGNERS 100000u

static int is_reg(xmlNodePtr n, const char *name)
{
    return n->type == XML_ELEMENT_NODE && n->ns &&
           strcmp((const char *)n->ns->href, OG_NS_REGISTRY) == 0 &&
           strcmp((const char *)n->name, name) == 0;
}

/* An element of our namespace that is not `name` (foreign elements are ignored). */
static int unexpected(xmlNodePtr n, const char *name)
{
    if (n->type != XML_ELEMENT_NODE)
        return 0;
    if (!n->ns || strcmp((const char *)n->ns->href, OG_NS_REGISTRY) != 0)
        return 0;
    return strcmp((const char *)n->name, name) != 0;
}

static int bad(odfgate_error *err, const char *where, xmlNodePtr n, const char *what)
{
    og_fail(err, ODFGATE_E_SCHEMA, where, NULL, "not a signatory registry: %s (line %ld)", what,
            n ? xmlGetLineNo(n) : 0L);
    og_error_set_line(err, n ? xmlGetLineNo(n) : 0);
    return -1;
}

/* Folded, trimmed text into the arena; NULL on out of memory (or "" if empty). */
static const char *folded(og_arena *a, const char *s)
{
    og_buf b;
    const char *r;
    og_buf_init(&b, 1u << 16);
    if (og_text_fold(s, strlen(s), &b) != OG_BUF_OK) {
        og_buf_free(&b);
        return NULL;
    }
    r = og_arena_strndup(a, b.data ? b.data : "", b.len);
    og_buf_free(&b);
    return r;
}

static const char *prop(og_arena *a, xmlNodePtr n, const char *name)
{
    xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
    const char *r = v ? og_arena_strdup(a, (const char *)v) : NULL;
    xmlFree(v);
    return r;
}

static size_t count(xmlNodePtr parent, const char *name)
{
    size_t n = 0;
    for (xmlNodePtr c = parent->children; c; c = c->next)
        n += is_reg(c, name);
    return n;
}

static int parse_signer(odfgate_schema *s, og_signer *g, xmlNodePtr n, const char *where,
                        odfgate_error *err)
{
    og_arena *a = &s->arena;
    size_t k = 0;
    g->name = prop(a, n, "name");
    if (!g->name || !*g->name)
        return bad(err, where, n, "a signer without a name");
    if (!(g->key = folded(a, g->name)))
        return og_fail(err, ODFGATE_E_NOMEM, where, NULL, "out of memory"), -1;
    g->role_count = count(n, "role");
    g->roles = og_arena_zalloc(a, (g->role_count + 1) * sizeof(char *));
    g->role_keys = og_arena_zalloc(a, (g->role_count + 1) * sizeof(char *));
    if (!g->roles || !g->role_keys)
        return og_fail(err, ODFGATE_E_NOMEM, where, NULL, "out of memory"), -1;
    for (xmlNodePtr r = n->children; r; r = r->next) {
        if (unexpected(r, "role"))
            return bad(err, where, r, "unexpected element in signer");
        if (!is_reg(r, "role"))
            continue;
        xmlChar *t = xmlNodeGetContent(r);
        g->roles[k] = t ? og_arena_strdup(a, (const char *)t) : NULL;
        xmlFree(t);
        if (!g->roles[k] || !(g->role_keys[k] = folded(a, g->roles[k])))
            return og_fail(err, ODFGATE_E_NOMEM, where, NULL, "out of memory"), -1;
        if (!*g->role_keys[k])
            return bad(err, where, r, "an empty role");
        k++;
    }
    return 0;
}

/* A signatory id, its element and its place among the signatories, for the duplicate check. */
typedef struct id_at {
    const char *id;
    xmlNodePtr node;
    size_t order;
} id_at;

static int by_id_then_order(const void *a, const void *b)
{
    const id_at *x = a, *y = b;
    int c = strcmp(x->id, y->id);
    return c ? c : (x->order > y->order) - (x->order < y->order);
}

/* A signatory listed twice is an error, reported at its second listing: sorted ids,
 * neighbours compared (n log n: the registry is fetched material).  The entries of s are the
 * signatory elements of root, in order. */
static int no_duplicates(const odfgate_schema *s, xmlNodePtr root, const char *where,
                         odfgate_error *err)
{
    id_at *ids = malloc((s->registry_count + 1) * sizeof(*ids));
    size_t n = 0;
    int rc = 0;
    if (!ids)
        return og_fail(err, ODFGATE_E_NOMEM, where, NULL, "out of memory"), -1;
    for (xmlNodePtr c = root->children; c && n < s->registry_count; c = c->next)
        if (is_reg(c, "signatory")) {
            ids[n] = (id_at){s->registry[n].signatory, c, n};
            n++;
        }
    qsort(ids, n, sizeof(*ids), by_id_then_order);
    for (size_t i = 1; i < n && !rc; i++)
        if (strcmp(ids[i - 1].id, ids[i].id) == 0) {
            char what[160];
            snprintf(what, sizeof(what), "a signatory listed twice (\"%.100s\")", ids[i].id);
            rc = bad(err, where, ids[i].node, what);
        }
    free(ids);
    return rc;
}

/* A lowercase copy of a SHA-256 fingerprint written as 64 hex digits (colons allowed, as
 * `openssl x509 -fingerprint` prints them), or NULL if it is not one. */
static const char *fingerprint_attr(og_arena *a, xmlNodePtr n, const char *name, int *bad_value)
{
    xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
    char out[65];
    size_t k = 0;
    if (!v)
        return NULL;
    for (const xmlChar *p = v; *p && k <= 64; p++) {
        if (*p == ':')
            continue;
        if (!isxdigit(*p)) {
            k = 65;
            break;
        }
        out[k++] = (char)tolower(*p);
    }
    xmlFree(v);
    if (k != 64) {
        *bad_value = 1;
        return NULL;
    }
    out[64] = '\0';
    return og_arena_strdup(a, out);
}

/* <certificate sha256="…"/> or <certificate issuer-sha256="…" subject="GLOB"/> */
static int parse_certificate(odfgate_schema *s, og_cert_rule *r, xmlNodePtr n, const char *where,
                             odfgate_error *err)
{
    int bad_value = 0;
    r->sha256 = fingerprint_attr(&s->arena, n, "sha256", &bad_value);
    r->issuer_sha256 = fingerprint_attr(&s->arena, n, "issuer-sha256", &bad_value);
    r->subject = prop(&s->arena, n, "subject");
    if (bad_value)
        return bad(err, where, n, "a certificate fingerprint that is not 64 hex digits");
    if (!r->sha256 == !r->issuer_sha256)
        return bad(err, where, n, "a certificate needs exactly one of sha256= and issuer-sha256=");
    return 0;
}

/* <trust-anchor>PEM</trust-anchor>: CA certificates signatures may chain to. */
static int parse_anchor(odfgate_schema *s, xmlNodePtr n, const char *where, odfgate_error *err)
{
    xmlChar *pem = xmlNodeGetContent(n);
    int k = pem ? og_trust_add_pem(s, (const char *)pem, strlen((const char *)pem), where, err) : 0;
    xmlFree(pem);
    if (k == 0)
        return bad(err, where, n, "a trust-anchor without a PEM certificate");
    return k < 0 ? -1 : 0;
}

int og_registry_parse(odfgate_schema *s, const char *data, size_t len, const char *where,
                      odfgate_error *err)
{
    odfgate_error perr;
    xmlDocPtr doc;
    xmlNodePtr root;
    size_t total = 0;
    int rc = -1;
    odfgate_error_clear(&perr);
    if (!(doc = og_xml_parse_memory(data, len, where, NULL, &perr))) {
        og_fail(err, perr.code == ODFGATE_E_NOMEM ? ODFGATE_E_NOMEM : ODFGATE_E_SCHEMA, where, NULL,
                "not a well-formed signatory registry: %s", perr.message);
        return -1;
    }
    root = xmlDocGetRootElement(doc);
    if (!root || !is_reg(root, "registry")) {
        bad(err, where, root, "the root element must be registry in namespace " OG_NS_REGISTRY);
        goto out;
    }
    s->registry_count = count(root, "signatory");
    if (s->registry_count > OG_REGISTRY_MAX_SIGNATORIES) {
        char what[64];
        snprintf(what, sizeof(what), "more than %u signatories", OG_REGISTRY_MAX_SIGNATORIES);
        bad(err, where, root, what);
        goto out;
    }
    if (!(s->registry =
              og_arena_zalloc(&s->arena, (s->registry_count + 1) * sizeof(og_registry_entry)))) {
        og_fail(err, ODFGATE_E_NOMEM, where, NULL, "out of memory");
        goto out;
    }
    size_t i = 0;
    for (xmlNodePtr c = root->children; c; c = c->next) {
        if (is_reg(c, "trust-anchor")) {
            if (parse_anchor(s, c, where, err) < 0)
                goto out;
            continue;
        }
        if (unexpected(c, "signatory")) {
            bad(err, where, c, "unexpected element in registry");
            goto out;
        }
        if (!is_reg(c, "signatory"))
            continue;
        og_registry_entry *e = &s->registry[i];
        e->signatory = prop(&s->arena, c, "id");
        if (!e->signatory || !*e->signatory) {
            bad(err, where, c, "a signatory without an id");
            goto out;
        }
        e->signer_count = count(c, "signer");
        total += e->signer_count;
        if (total > OG_REGISTRY_MAX_SIGNERS) {
            char what[64];
            snprintf(what, sizeof(what), "more than %u signers", OG_REGISTRY_MAX_SIGNERS);
            bad(err, where, c, what);
            goto out;
        }
        if (!(e->signers = og_arena_zalloc(&s->arena, (e->signer_count + 1) * sizeof(og_signer)))) {
            og_fail(err, ODFGATE_E_NOMEM, where, NULL, "out of memory");
            goto out;
        }
        e->cert_count = count(c, "certificate");
        if (!(e->certs = og_arena_zalloc(&s->arena, (e->cert_count + 1) * sizeof(og_cert_rule)))) {
            og_fail(err, ODFGATE_E_NOMEM, where, NULL, "out of memory");
            goto out;
        }
        size_t k = 0, kc = 0;
        for (xmlNodePtr g = c->children; g; g = g->next) {
            if (is_reg(g, "certificate")) {
                if (parse_certificate(s, &e->certs[kc++], g, where, err) < 0)
                    goto out;
                continue;
            }
            if (unexpected(g, "signer")) {
                bad(err, where, g, "unexpected element in signatory");
                goto out;
            }
            if (is_reg(g, "signer") && parse_signer(s, &e->signers[k++], g, where, err) < 0)
                goto out;
        }
        i++;
    }
    rc = no_duplicates(s, root, where, err);
out:
    xmlFreeDoc(doc);
    return rc;
}

const og_registry_entry *og_registry_find(const odfgate_schema *s, const char *signatory)
{
    for (size_t i = 0; i < s->registry_count; i++)
        if (strcmp(s->registry[i].signatory, signatory) == 0)
            return &s->registry[i];
    return NULL;
}
