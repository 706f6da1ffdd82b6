/*
 * signatures.c — verify the ODF digital signatures of a package with xmlsec1 (OpenSSL back
 * end) into the model (signatures.h says what is decided and why it is safe).
 */
#include "read/signatures.h"

#include "read/xml.h"

#include <ctype.h>
#include <pthread.h>
#include <time.h>

#include <libxml/uri.h>
#include <openssl/evp.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#include <xmlsec/crypto.h>
#include <xmlsec/errors.h>
#include <xmlsec/io.h>
#include <xmlsec/openssl/evp.h>
#include <xmlsec/parser.h>
#include <xmlsec/xmldsig.h>
#include <xmlsec/xmlsec.h>
#include <xmlsec/xmltree.h>

#define NS_DSIG        "http://www.w3.org/2000/09/xmldsig#"
#define NS_XADES       "http://uri.etsi.org/01903/v1.3.2#"
#define NS_XADES141    "http://uri.etsi.org/01903/v1.4.1#"
#define NS_DC          "http://purl.org/dc/elements/1.1/"
#define NS_DSIGDOC     "urn:oasis:names:tc:opendocument:xmlns:digitalsignature:1.0"
#define NS_DSIGDOC_OOO "http://openoffice.org/2004/documentsignatures" /* OpenOffice.org 2 */

/* ------------------------------------------------------------ the package, seen by xmlsec */

typedef struct og_entry_cache {
    og_buf *data; /* by zip index; NULL until first read */
    size_t count;
    og_package *pkg;
    const odfgate_limits *lim;
    char problem[600];     /* the first reason an entry could not be served */
    unsigned char *as_xml; /* by zip index: a Reference of the signature being verified
                              transforms it, so xmlsec parses it as XML (or NULL: all) */
} og_entry_cache;
typedef og_entry_cache entry_cache;

typedef struct entry_reader {
    const og_buf *b;
    size_t pos;
} entry_reader;

/* xmlsec's IO callbacks are process-wide; the package they serve is this thread's. */
static __thread entry_cache *current;
static __thread char xmlsec_error[300];

/* The entry index a Reference URI names, or -1: a relative path (no scheme, not absolute, no
 * fragment), percent-decoded (LibreOffice writes "Object%201/content.xml"). */
static long entry_of(const char *uri)
{
    char *name;
    long idx = -1;
    if (!current || !uri || !*uri || uri[0] == '/' || uri[0] == '#' || strchr(uri, ':') ||
        strchr(uri, '?'))
        return -1;
    /* "%00" would cut the decoded name short: "content.xml%00x" is not content.xml */
    if (strstr(uri, "%00") || !(name = xmlURIUnescapeString(uri, 0, NULL)))
        return -1;
    idx = og_package_entry_index(current->pkg, name);
    xmlFree(name);
    return idx;
}

static int io_match(const char *uri) { return entry_of(uri) >= 0; }

/* Declares entities, or is UTF-16 (where "<!ENTITY" would not be seen as bytes): not parsed. */
static int has_entities(const og_buf *b)
{
    static const char decl[] = "<!ENTITY";
    const unsigned char *d = (const unsigned char *)b->data;
    if (b->len >= 2 && ((d[0] == 0xFF && d[1] == 0xFE) || (d[0] == 0xFE && d[1] == 0xFF) ||
                        d[0] == 0 || d[1] == 0))
        return 1;
    return b->len >= sizeof(decl) - 1 && memmem(b->data, b->len, decl, sizeof(decl) - 1);
}

static void *io_open(const char *uri)
{
    long idx = entry_of(uri);
    odfgate_error err;
    entry_reader *r;
    og_buf *b;
    if (idx < 0)
        return NULL;
    b = &current->data[idx];
    if (!b->data && b->max == 0) {
        og_buf_init(b, (size_t)current->lim->max_part_size);
        if (og_package_read_part(current->pkg, og_package_entry_name(current->pkg, (size_t)idx), b,
                                 &err) < 0) {
            if (!current->problem[0])
                snprintf(current->problem, sizeof(current->problem), "%s", err.message);
            b->max = 1; /* failed: not read again */
            og_buf_free(b);
            b->max = 1;
            return NULL;
        }
    }
    if (b->max == 1 && !b->data)
        return NULL;
    if ((!current->as_xml || current->as_xml[idx]) && has_entities(b)) {
        if (!current->problem[0])
            snprintf(current->problem, sizeof(current->problem), "%s declares entities: not parsed",
                     og_package_entry_name(current->pkg, (size_t)idx));
        return NULL;
    }
    if (!(r = calloc(1, sizeof(*r))))
        return NULL;
    r->b = b;
    return r;
}

static int io_read(void *ctx, char *buf, int len)
{
    entry_reader *r = ctx;
    size_t n = r->b->len - r->pos;
    if (n > (size_t)len)
        n = (size_t)len;
    if (n)
        memcpy(buf, r->b->data + r->pos, n);
    r->pos += n;
    return (int)n;
}

static int io_close(void *ctx)
{
    free(ctx);
    return 0;
}

static void xmlsec_errors(const char *file, int line, const char *func, const char *object,
                          const char *subject, int reason, const char *msg)
{
    (void)file, (void)line, (void)func, (void)object, (void)reason;
    if (!xmlsec_error[0])
        snprintf(xmlsec_error, sizeof(xmlsec_error), "%s%s%s", subject ? subject : "",
                 subject && msg ? ": " : "", msg ? msg : "");
}

/* ------------------------------------------------------------ set-up */

static pthread_mutex_t setup_lock = PTHREAD_MUTEX_INITIALIZER;
static int ready; /* 1 set up, -1 failed, 0 not yet (or torn down: set up again on use) */

static void setup(void)
{
    /* `ready` changes only once the outcome is known: a thread that sees 0 takes the lock
     * and waits for this one (a transient -1 made the other threads' first documents fail) */
    if (xmlSecInit() < 0) {
        __atomic_store_n(&ready, -1, __ATOMIC_RELEASE);
        return;
    }
    if (xmlSecCheckVersion() != 1 || xmlSecCryptoAppInit(NULL) < 0 || xmlSecCryptoInit() < 0) {
        xmlSecShutdown();
        __atomic_store_n(&ready, -1, __ATOMIC_RELEASE);
        return;
    }
    /* no file, HTTP or FTP: only the package's entries */
    xmlSecIOCleanupCallbacks();
    xmlSecIORegisterCallbacks(io_match, io_open, io_read, io_close);
    xmlSecErrorsSetCallback(xmlsec_errors);
    /* no entity substitution, no DTD, no network for the streams C14N parses */
    xmlSecParserSetDefaultOptions(XML_PARSE_NONET);
    __atomic_store_n(&ready, 1, __ATOMIC_RELEASE);
}

void og_signatures_global_cleanup(void)
{
    pthread_mutex_lock(&setup_lock);
    if (__atomic_load_n(&ready, __ATOMIC_ACQUIRE) == 1) {
        xmlSecCryptoShutdown();
        xmlSecCryptoAppShutdown();
        xmlSecShutdown();
        __atomic_store_n(&ready, 0, __ATOMIC_RELEASE);
    }
    pthread_mutex_unlock(&setup_lock);
}

/* Another user of libxmlsec1 in the process can undo the set-up: LibreOffice's xmlsecurity
 * (NSS back end) calls xmlSecInit and installs its own IO callbacks before each of its
 * signings and verifications, and xmlSecShutdown after, which empties the registries.  odfgate
 * inside LibreOffice then reported sound signatures "cannot verify: xmlsec error".  Seen so:
 * odfgate's SHA-256 transform is no longer registered; then it is set up again.  (Read-only,
 * and in a process where odfgate alone uses xmlsec, always false.) */
static int torn_down(void)
{
    return xmlSecTransformIdListFind(xmlSecTransformIdsGet(), xmlSecTransformSha256Id) != 1;
}

int og_xmlsec_ready(void)
{
    int r = __atomic_load_n(&ready, __ATOMIC_ACQUIRE);
    if (r == 0 || (r == 1 && torn_down())) {
        pthread_mutex_lock(&setup_lock);
        r = __atomic_load_n(&ready, __ATOMIC_ACQUIRE);
        if (r == 0 || (r == 1 && torn_down()))
            setup();
        pthread_mutex_unlock(&setup_lock);
    }
    return __atomic_load_n(&ready, __ATOMIC_ACQUIRE) == 1;
}

int og_signature_c14n_stream(const char *name)
{
    size_t len = name ? strlen(name) : 0;
    return len > 4 && strcmp(name + len - 4, ".xml") == 0;
}

static __thread char served_problem[600];

og_entry_cache *og_signatures_serve(og_package *pkg, const odfgate_limits *lim)
{
    og_entry_cache *ec = calloc(1, sizeof(*ec));
    if (!ec)
        return NULL;
    ec->pkg = pkg;
    ec->lim = lim;
    ec->count = og_package_entry_count(pkg);
    ec->data = calloc(ec->count + 1, sizeof(*ec->data));
    ec->as_xml = calloc(ec->count + 1, 1);
    if (!ec->data || !ec->as_xml) {
        free(ec->data);
        free(ec->as_xml);
        free(ec);
        return NULL;
    }
    for (size_t i = 0; i < ec->count; i++)
        ec->as_xml[i] = og_signature_c14n_stream(og_package_entry_name(pkg, i));
    current = ec;
    return ec;
}

static void free_cache(entry_cache *ec);

const char *og_signatures_unserve(og_entry_cache *ec)
{
    if (!ec)
        return "";
    snprintf(served_problem, sizeof(served_problem), "%s", ec->problem);
    if (current == ec)
        current = NULL;
    free_cache(ec);
    free(ec);
    return served_problem;
}

/* ------------------------------------------------------------ XML helpers */

static int is_el(const xmlNode *n, const char *ns, const char *name)
{
    return n && n->type == XML_ELEMENT_NODE && n->ns &&
           strcmp((const char *)n->ns->href, ns) == 0 && strcmp((const char *)n->name, name) == 0;
}

static int is_xades(const xmlNode *n, const char *name)
{
    return is_el(n, NS_XADES, name) || is_el(n, NS_XADES141, name);
}

/* The trimmed text of an element (arena), or NULL. */
static const char *text_of(og_arena *a, xmlNode *n)
{
    xmlChar *t = xmlNodeGetContent(n);
    const char *s, *e;
    char *out = NULL;
    if (!t)
        return NULL;
    for (s = (const char *)t; *s == ' ' || *s == '\n' || *s == '\r' || *s == '\t'; s++) {
    }
    for (e = s + strlen(s);
         e > s && (e[-1] == ' ' || e[-1] == '\n' || e[-1] == '\r' || e[-1] == '\t'); e--) {
    }
    out = og_arena_strndup(a, s, (size_t)(e - s));
    xmlFree(t);
    return out;
}

typedef void (*visit_fn)(xmlNode *n, void *ctx);
static void walk(xmlNode *n, visit_fn fn, void *ctx)
{
    for (; n; n = n->next)
        if (n->type == XML_ELEMENT_NODE) {
            fn(n, ctx);
            walk(n->children, fn, ctx);
        }
}

/* Only the Id attributes of the signature being verified are IDs: "#idSignedProperties" of
 * another signature must not be found (LibreOffice repeats that Id in every signature). */
static void register_id(xmlNode *n, void *ctx)
{
    xmlAttr *a = xmlHasProp(n, BAD_CAST "Id");
    int *duplicate = ctx;
    /* xmlAddID keeps the first of two equal Ids: a second one is a place to hide an unsigned
     * element under a signed name, so the signature is refused (invalid) */
    if (a && a->children && a->children->content &&
        !xmlAddID(NULL, n->doc, a->children->content, a))
        *duplicate = 1;
}

int og_signature_register_ids(xmlNode *sig)
{
    int duplicate = 0;
    register_id(sig, &duplicate);
    walk(sig->children, register_id, &duplicate);
    return duplicate;
}

/* Register the Ids of `sig` only; 1 if one occurs twice. */
static int reset_ids(xmlDoc *doc, xmlNode *sig)
{
    if (doc->ids) {
        xmlFreeIDTable(doc->ids);
        doc->ids = NULL;
    }
    return og_signature_register_ids(sig);
}

/* ------------------------------------------------------------ algorithms */

static const char *const known_algorithms[] = {
    "http://www.w3.org/TR/2001/REC-xml-c14n-20010315",
    "http://www.w3.org/TR/2001/REC-xml-c14n-20010315#WithComments",
    "http://www.w3.org/2006/12/xml-c14n11",
    "http://www.w3.org/2006/12/xml-c14n11#WithComments",
    "http://www.w3.org/2001/10/xml-exc-c14n#",
    "http://www.w3.org/2001/10/xml-exc-c14n#WithComments",
    "http://www.w3.org/2000/09/xmldsig#sha1",
    "http://www.w3.org/2001/04/xmlenc#sha256",
    "http://www.w3.org/2001/04/xmldsig-more#sha384",
    "http://www.w3.org/2001/04/xmlenc#sha512",
    "http://www.w3.org/2000/09/xmldsig#rsa-sha1",
    "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256",
    "http://www.w3.org/2001/04/xmldsig-more#rsa-sha384",
    "http://www.w3.org/2001/04/xmldsig-more#rsa-sha512",
    "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha1",
    "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256",
    "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha384",
    "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha512",
};

typedef struct scan {
    og_arena *a;
    const char *unknown; /* first Algorithm not in the list */
    const char *signature_method;
    unsigned char *covered; /* by entry index */
    size_t covered_count;
    xmlNode **local; /* the elements same-document references ("#Id") name, marked
                        (signed_mark) while the claims are read */
    size_t local_count, local_cap;
    const char *bad_uri;   /* a same-document reference that is not "#" and an Id; … */
    const char *missing;   /* a Reference to a stream that is not in the package */
    unsigned char *as_xml; /* the entry cache's: entries a Reference transforms */
    size_t references;
} scan;

static int known_algorithm(const char *uri)
{
    for (size_t i = 0; i < sizeof(known_algorithms) / sizeof(*known_algorithms); i++)
        if (strcmp(uri, known_algorithms[i]) == 0)
            return 1;
    return 0;
}

/* Every Algorithm of the signature (SignedInfo, KeyInfo, the XAdES properties): xmlsec is
 * not run on a signature that names one outside the list (no XSLT, no XPath, nothing that
 * could reach a file or the network). */
static void scan_algorithms(xmlNode *n, void *ctx)
{
    scan *s = ctx;
    xmlChar *alg = xmlGetProp(n, BAD_CAST "Algorithm");
    if (alg) {
        if (!s->unknown && !known_algorithm((const char *)alg))
            s->unknown = og_arena_strdup(s->a, (const char *)alg);
        if (is_el(n, NS_DSIG, "SignatureMethod") && !s->signature_method)
            s->signature_method = og_arena_strdup(s->a, (const char *)alg);
        xmlFree(alg);
    }
    if (is_el(n, NS_DSIG, "RetrievalMethod") && !s->unknown)
        s->unknown = "RetrievalMethod";
}

/* "#" and an Id (XML NCName; any non-ASCII byte allowed): nothing xmlsec would read as an
 * XPointer or XPath expression. */
static int is_id_reference(const char *uri)
{
    const unsigned char *p = (const unsigned char *)uri + 1;
    if (uri[0] != '#' || !(isalpha(*p) || *p == '_' || *p >= 0x80))
        return 0;
    for (; *p; p++)
        if (!(isalnum(*p) || *p == '_' || *p == '-' || *p == '.' || *p >= 0x80))
            return 0;
    return 1;
}

static char signed_mark; /* its address in xmlNode._private: a Reference names this element */

static void add_local(scan *s, xmlNode *el)
{
    if (s->local_count == s->local_cap) {
        size_t cap = s->local_cap ? 2 * s->local_cap : 8;
        xmlNode **l = og_arena_alloc(s->a, cap * sizeof(*l));
        if (!l)
            return;
        if (s->local_count)
            memcpy(l, s->local, s->local_count * sizeof(*l));
        s->local = l;
        s->local_cap = cap;
    }
    s->local[s->local_count++] = el;
}

/* The References of SignedInfo: its direct children only, as xmlsec digests them (one nested
 * anywhere else would be counted as covering a stream nobody digests).  Run after reset_ids:
 * "#Id" is resolved to its element with the signature's own Ids. */
static void scan_references(xmlNode *signed_info, scan *s, size_t max_refs)
{
    for (xmlNode *n = signed_info->children; n; n = n->next) {
        xmlChar *uri;
        if (!is_el(n, NS_DSIG, "Reference"))
            continue;
        uri = xmlGetProp(n, BAD_CAST "URI");
        if (++s->references > max_refs && !s->bad_uri)
            s->bad_uri = "more References than the package has streams";
        if (uri && uri[0] == '#') {
            xmlAttr *id = is_id_reference((const char *)uri) ? xmlGetID(n->doc, uri + 1) : NULL;
            if (id && id->parent)
                add_local(s, id->parent);
            else if (!s->bad_uri)
                s->bad_uri = og_arena_strdup(s->a, (const char *)uri);
        } else {
            long idx = entry_of((const char *)uri);
            if (idx >= 0 && s->covered[idx] && !s->bad_uri)
                s->bad_uri = "a stream signed twice";
            else if (idx >= 0) {
                s->covered[idx] = 1;
                s->covered_count++;
                for (xmlNode *t = n->children; s->as_xml && t; t = t->next)
                    s->as_xml[idx] |= is_el(t, NS_DSIG, "Transforms");
            } else if (!s->missing)
                s->missing = og_arena_strdup(s->a, uri ? (const char *)uri : "(no URI)");
        }
        xmlFree(uri);
    }
}

/* Mark (or unmark) the elements the same-document References name. */
static void mark_locals(const scan *s, int on)
{
    for (size_t i = 0; i < s->local_count; i++)
        s->local[i]->_private = on ? &signed_mark : NULL;
}

/* Is n inside (or) an element a same-document Reference of the signature names?  By element,
 * not by Id string: an element with a signed element's Id is not signed (and two equal Ids
 * make the signature invalid anyway).  O(depth): the elements are marked (mark_locals), not
 * searched, so claims times references cannot multiply. */
static int signed_locally(const scan *s, const xmlNode *n)
{
    (void)s;
    for (; n; n = n->parent)
        if (n->_private == &signed_mark)
            return 1;
    return 0;
}

/* ------------------------------------------------------------ the certificate */

char *og_x509_name(const struct X509_name_st *name)
{
    BIO *b = BIO_new(BIO_s_mem());
    char *p = NULL, *out = NULL;
    long n;
    if (!b)
        return NULL;
    if (X509_NAME_print_ex(b, name, 0, XN_FLAG_RFC2253 & ~ASN1_STRFLGS_ESC_MSB) >= 0 &&
        (n = BIO_get_mem_data(b, &p)) >= 0 && (out = malloc((size_t)n + 1))) {
        memcpy(out, p, (size_t)n);
        out[n] = '\0';
    }
    BIO_free(b);
    return out;
}

static const char *name_of(og_arena *a, const X509_NAME *name)
{
    char *s = og_x509_name(name);
    const char *out = s ? og_arena_strdup(a, s) : NULL;
    free(s);
    return out;
}

static const char *time_of(og_arena *a, const ASN1_TIME *t)
{
    struct tm tm;
    char buf[32];
    if (!t || ASN1_TIME_to_tm(t, &tm) != 1)
        return NULL;
    strftime(buf, sizeof(buf), "%Y-%m-%dT%H:%M:%SZ", &tm);
    return og_arena_strdup(a, buf);
}

static unsigned char *der_of(og_arena *a, X509 *cert, size_t *len)
{
    int n = i2d_X509(cert, NULL);
    unsigned char *out, *p;
    if (n <= 0 || !(out = og_arena_alloc(a, (size_t)n)))
        return NULL;
    p = out;
    i2d_X509(cert, &p);
    *len = (size_t)n;
    return out;
}

int og_x509_sha256_hex(const struct x509_st *cert, char out[65])
{
    static const char digits[] = "0123456789abcdef";
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int n = 0;
    out[0] = '\0';
    if (X509_digest(cert, EVP_sha256(), md, &n) != 1 || n != 32)
        return -1;
    for (unsigned i = 0; i < n; i++) {
        out[2 * i] = digits[md[i] >> 4];
        out[2 * i + 1] = digits[md[i] & 15];
    }
    out[2 * n] = '\0';
    return 0;
}

static void describe_certificate(og_arena *a, X509 *cert, odfgate_signature *sig)
{
    char fp[65];
    BIGNUM *bn = ASN1_INTEGER_to_BN(X509_get0_serialNumber(cert), NULL);
    char *dec = bn ? BN_bn2dec(bn) : NULL;
    sig->subject = name_of(a, X509_get_subject_name(cert));
    sig->issuer = name_of(a, X509_get_issuer_name(cert));
    sig->serial = dec ? og_arena_strdup(a, dec) : NULL;
    OPENSSL_free(dec);
    BN_free(bn);
    if (og_x509_sha256_hex(cert, fp) == 0)
        sig->fingerprint = og_arena_strdup(a, fp);
    sig->not_before = time_of(a, X509_get0_notBefore(cert));
    sig->not_after = time_of(a, X509_get0_notAfter(cert));
    sig->cert = der_of(a, cert, &sig->cert_len);
}

/* ------------------------------------------------------------ the certificates it carries */

#define MAX_CARRIED 16

typedef struct carried {
    X509 *cert[MAX_CARRIED];
    size_t count;
    char *serial; /* X509IssuerSerial/X509SerialNumber of KeyInfo, or NULL */
} carried;

/* The bytes of the base64 text of an element (white space ignored), malloc'ed; NULL if it
 * is not base64 (or out of memory). */
static unsigned char *base64_of(xmlNode *n, size_t *len)
{
    xmlChar *text = xmlNodeGetContent(n);
    size_t k = 0, size = text ? strlen((const char *)text) : 0;
    unsigned char *clean = text ? malloc(size + 1) : NULL, *out = clean ? malloc(size + 1) : NULL;
    int got = -1;
    for (size_t i = 0; clean && i < size; i++)
        if (!strchr(" \t\r\n", text[i]))
            clean[k++] = text[i];
    if (out && k >= 4 && k % 4 == 0 && k <= INT_MAX &&
        (got = EVP_DecodeBlock(out, clean, (int)k)) >= 0)
        got -= (clean[k - 1] == '=') + (clean[k - 2] == '=');
    xmlFree(text);
    free(clean);
    if (got < 0) {
        free(out);
        return NULL;
    }
    *len = (size_t)got;
    return out;
}

static X509 *parse_base64_cert(xmlNode *n)
{
    size_t len = 0;
    unsigned char *der = base64_of(n, &len);
    const unsigned char *p = der;
    X509 *cert = der && len <= LONG_MAX ? d2i_X509(NULL, &p, (long)len) : NULL;
    free(der);
    return cert;
}

/* Every X509Certificate of KeyInfo/X509Data (at most 16), and the serial it names. */
static void read_carried(xmlNode *sig_node, carried *cr)
{
    for (xmlNode *ki = sig_node->children; ki; ki = ki->next)
        for (xmlNode *xd = ki->children; is_el(ki, NS_DSIG, "KeyInfo") && xd; xd = xd->next)
            for (xmlNode *c = xd->children; is_el(xd, NS_DSIG, "X509Data") && c; c = c->next) {
                if (is_el(c, NS_DSIG, "X509Certificate") && cr->count < MAX_CARRIED &&
                    (cr->cert[cr->count] = parse_base64_cert(c)))
                    cr->count++;
                for (xmlNode *e = c->children; is_el(c, NS_DSIG, "X509IssuerSerial") && e;
                     e = e->next)
                    if (is_el(e, NS_DSIG, "X509SerialNumber") && !cr->serial)
                        cr->serial = (char *)xmlNodeGetContent(e);
            }
}

static void free_carried(carried *cr)
{
    for (size_t i = 0; i < cr->count; i++)
        X509_free(cr->cert[i]);
    xmlFree(cr->serial);
}

static int serial_is(X509 *c, const char *decimal)
{
    BIGNUM *bn = ASN1_INTEGER_to_BN(X509_get0_serialNumber(c), NULL);
    char *dec = bn ? BN_bn2dec(bn) : NULL;
    int yes = dec && decimal && strcmp(dec, decimal) == 0;
    OPENSSL_free(dec);
    BN_free(bn);
    return yes;
}

/* The certificate whose key the signature is checked with: the one X509IssuerSerial names,
 * else the first that is not a CA, else the first.  KeyInfo is not signed: a wrong choice
 * (certificates swapped in, CVE-2021-25633) only makes the signature value fail. */
static X509 *signing_candidate(const carried *cr)
{
    for (size_t i = 0; cr->serial && i < cr->count; i++)
        if (serial_is(cr->cert[i], cr->serial))
            return cr->cert[i];
    for (size_t i = 0; i < cr->count; i++)
        if (X509_check_ca(cr->cert[i]) == 0)
            return cr->cert[i];
    return cr->count ? cr->cert[0] : NULL;
}

/* An xmlsec key holding the certificate's public key, or NULL. */
static xmlSecKeyPtr key_of(X509 *cert)
{
    EVP_PKEY *pk = X509_get_pubkey(cert);
    xmlSecKeyDataPtr data = pk ? xmlSecOpenSSLEvpKeyAdopt(pk) : NULL;
    xmlSecKeyPtr key;
    if (!data) {
        EVP_PKEY_free(pk);
        return NULL;
    }
    if (!(key = xmlSecKeyCreate()) || xmlSecKeySetValue(key, data) < 0) {
        xmlSecKeyDataDestroy(data);
        if (key)
            xmlSecKeyDestroy(key);
        return NULL;
    }
    return key;
}

static void describe_signer(og_arena *a, const carried *cr, X509 *signer, odfgate_signature *sig)
{
    const unsigned char **der = og_arena_alloc(a, (cr->count + 1) * sizeof(*der));
    size_t *len = og_arena_alloc(a, (cr->count + 1) * sizeof(*len));
    describe_certificate(a, signer, sig);
    if (!der || !len)
        return;
    for (size_t i = 0; i < cr->count; i++)
        if (cr->cert[i] != signer &&
            (der[sig->chain_count] = der_of(a, cr->cert[i], &len[sig->chain_count])))
            sig->chain_count++;
    sig->chain = der;
    sig->chain_len = len;
}

/* XAdES SigningCertificate/Cert/CertDigest against the certificate used: 1, 0 absent, -1. */
static int cert_digest_matches(xmlNode *signed_props, const odfgate_signature *sig)
{
    xmlNode *cert = NULL;
    for (xmlNode *a = signed_props->children; a; a = a->next)
        for (xmlNode *b = a->children; is_xades(a, "SignedSignatureProperties") && b; b = b->next)
            for (xmlNode *c = b->children;
                 (is_xades(b, "SigningCertificate") || is_xades(b, "SigningCertificateV2")) && c;
                 c = c->next)
                if (is_xades(c, "Cert") && !cert)
                    cert = c;
    if (!cert)
        return 0;
    for (xmlNode *d = cert->children; d; d = d->next) {
        xmlChar *alg = NULL;
        xmlNode *value = NULL;
        const EVP_MD *md = NULL;
        unsigned char got[EVP_MAX_MD_SIZE], *want = NULL;
        unsigned int gotlen = 0;
        size_t wantlen = 0;
        int match = -1;
        if (!is_xades(d, "CertDigest"))
            continue;
        for (xmlNode *e = d->children; e; e = e->next) {
            if (is_el(e, NS_DSIG, "DigestMethod") && !alg)
                alg = xmlGetProp(e, BAD_CAST "Algorithm");
            if (is_el(e, NS_DSIG, "DigestValue") && !value)
                value = e;
        }
        if (alg && strcmp((char *)alg, "http://www.w3.org/2000/09/xmldsig#sha1") == 0)
            md = EVP_sha1();
        else if (alg && strcmp((char *)alg, "http://www.w3.org/2001/04/xmlenc#sha256") == 0)
            md = EVP_sha256();
        else if (alg && strcmp((char *)alg, "http://www.w3.org/2001/04/xmlenc#sha512") == 0)
            md = EVP_sha512();
        if (md && sig->cert && value && (want = base64_of(value, &wantlen)) &&
            EVP_Digest(sig->cert, sig->cert_len, got, &gotlen, md, NULL) == 1)
            match = wantlen == gotlen && memcmp(want, got, gotlen) == 0 ? 1 : -1;
        free(want);
        xmlFree(alg);
        return match;
    }
    return -1;
}

/* ------------------------------------------------------------ claimed times */

/* Seconds since the epoch of an ISO 8601 date-time, fractions ignored; its time zone, if it
 * has one (*zoned = 1), applied unless `naive`.  "2006-09-27T20:43:59,56" (OpenOffice) and
 * "2018-08-16T07:45:16.883000000" (LibreOffice, no zone) are read.  -1 if unreadable. */
static int parse_time(const char *s, int naive, long long *out, int *zoned)
{
    struct tm tm = {0};
    const char *p;
    int off = 0;
    if (!s || strlen(s) < 19 ||
        sscanf(s, "%4d-%2d-%2dT%2d:%2d:%2d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday, &tm.tm_hour,
               &tm.tm_min, &tm.tm_sec) != 6)
        return -1;
    tm.tm_year -= 1900;
    tm.tm_mon -= 1;
    p = s + 19;
    if (*p == '.' || *p == ',')
        for (p++; *p >= '0' && *p <= '9'; p++) {
        }
    *zoned = 0;
    if (*p == 'Z')
        *zoned = 1;
    else if ((*p == '+' || *p == '-') && strlen(p) >= 6) {
        off = ((p[1] - '0') * 10 + (p[2] - '0')) * 3600 + ((p[4] - '0') * 10 + (p[5] - '0')) * 60;
        off = *p == '+' ? off : -off;
        *zoned = 1;
    }
    *out = (long long)timegm(&tm) - (naive ? 0 : off);
    return 0;
}

long long og_signature_claimed_time(const odfgate_signature *sig)
{
    long long t;
    int zoned;
    const char *when = sig->signing_time ? sig->signing_time : sig->date;
    return when && parse_time(when, 0, &t, &zoned) == 0 ? t : -1;
}

/* Two claimed times agree when they are within 2 seconds: LibreOffice writes both from one
 * clock reading.  When only one has a time zone, the written fields are compared. */
static int times_agree(const char *a, const char *b)
{
    long long ta, tb;
    int za, zb;
    if (parse_time(a, 0, &ta, &za) < 0 || parse_time(b, 0, &tb, &zb) < 0)
        return strcmp(a, b) == 0;
    if (za != zb && (parse_time(a, 1, &ta, &za) < 0 || parse_time(b, 1, &tb, &zb) < 0))
        return 0;
    return ta - tb <= 2 && tb - ta <= 2;
}

typedef struct claims {
    og_arena *a;
    const scan *s;
    const char *signing_time, *date, *description;
    unsigned signing_times, dates;
    const char *unsigned_time; /* a time claim outside what is signed */
    xmlNode *signed_props;
} claims;

static xmlNode *property_of(xmlNode *n)
{
    for (xmlNode *p = n->parent; p; p = p->parent)
        if (is_el(p, NS_DSIG, "SignatureProperty"))
            return p;
    return NULL;
}

static void collect_claims(xmlNode *n, void *ctx)
{
    claims *c = ctx;
    if (is_xades(n, "SignedProperties") && !c->signed_props && signed_locally(c->s, n))
        c->signed_props = n;
    if (is_xades(n, "SigningTime")) {
        const xmlNode *sp = n;
        while (sp && !is_xades(sp, "SignedProperties"))
            sp = sp->parent;
        c->signing_times++;
        if (sp && signed_locally(c->s, sp) && !c->signing_time)
            c->signing_time = text_of(c->a, n);
        else if (!(sp && signed_locally(c->s, sp)))
            c->unsigned_time = "xades:SigningTime";
    }
    if (is_el(n, NS_DC, "date") || is_el(n, NS_DC, "description")) {
        xmlNode *prop = property_of(n);
        int is_signed = prop && signed_locally(c->s, prop);
        if (is_el(n, NS_DC, "date")) {
            c->dates++;
            if (is_signed && !c->date)
                c->date = text_of(c->a, n);
            else if (!is_signed)
                c->unsigned_time = "dc:date";
        } else if (is_signed && !c->description)
            c->description = text_of(c->a, n);
    }
}

/* ------------------------------------------------------------ one signature */

static const char *arena_printf(og_arena *a, const char *fmt, ...) OG_PRINTF(2, 3);
static const char *arena_printf(og_arena *a, const char *fmt, ...)
{
    char buf[600];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof(buf), fmt, ap);
    va_end(ap);
    return og_arena_strdup(a, buf);
}

static const char *why_invalid(og_arena *a, xmlSecDSigCtxPtr ctx, int rc, const entry_cache *ec)
{
    if (ec->problem[0])
        return arena_printf(a, "cannot verify: %s", ec->problem);
    for (xmlSecSize k = 0; k < xmlSecPtrListGetSize(&ctx->signedInfoReferences); k++) {
        xmlSecDSigReferenceCtxPtr r = xmlSecPtrListGetItem(&ctx->signedInfoReferences, k);
        if (r && r->status != xmlSecDSigStatusSucceeded)
            return arena_printf(a, "digest mismatch on %s",
                                r->uri ? (const char *)r->uri : "(no URI)");
    }
    if (rc < 0)
        return arena_printf(a, "cannot verify: %s",
                            xmlsec_error[0] ? xmlsec_error : "xmlsec error");
    return "bad signature value";
}

static void uncovered_streams(og_arena *a, const entry_cache *ec, const scan *s,
                              odfgate_signature *sig)
{
    size_t n = 0;
    const char **list = og_arena_alloc(a, (ec->count + 1) * sizeof(*list));
    if (!list)
        return;
    for (size_t i = 0; i < ec->count; i++) {
        const char *name = og_package_entry_name(ec->pkg, i);
        size_t len = name ? strlen(name) : 0;
        if (!name || s->covered[i] || (len && name[len - 1] == '/') ||
            strcmp(name, OG_SIGNATURES_PART) == 0)
            continue;
        list[n++] = name; /* entry names live in the package: copied below */
    }
    for (size_t i = 0; i < n; i++)
        list[i] = og_arena_strdup(a, list[i]);
    sig->uncovered = list;
    sig->uncovered_count = n;
}

static int verify_one(og_arena *a, xmlDoc *doc, xmlNode *node, entry_cache *ec,
                      odfgate_signature *sig)
{
    scan s = {.a = a};
    claims c = {.a = a, .s = &s};
    carried cr = {0};
    X509 *signer = NULL;
    xmlSecDSigCtxPtr ctx = NULL;
    xmlNode *signed_info = NULL;
    xmlChar *id = xmlGetProp(node, BAD_CAST "Id");
    int rc = -1, duplicate_id;

    sig->id = id ? og_arena_strdup(a, (const char *)id) : NULL;
    xmlFree(id);
    if (!(s.covered = og_arena_zalloc(a, ec->count + 1)))
        return -1;
    for (xmlNode *k = node->children; k && !signed_info; k = k->next)
        if (is_el(k, NS_DSIG, "SignedInfo"))
            signed_info = k;
    if (!signed_info) {
        sig->problem = "no SignedInfo";
        uncovered_streams(a, ec, &s, sig);
        return 0;
    }
    duplicate_id = reset_ids(doc, node);
    if (ec->as_xml)
        memset(ec->as_xml, 0, ec->count + 1);
    s.as_xml = ec->as_xml;
    scan_references(signed_info, &s, ec->count + 16);
    walk(node->children, scan_algorithms, &s);
    sig->algorithm = s.signature_method;
    mark_locals(&s, 1);
    walk(node->children, collect_claims, &c);
    mark_locals(&s, 0);
    sig->signing_time = c.signing_time;
    sig->date = c.date;
    sig->description = c.description;
    uncovered_streams(a, ec, &s, sig);

    ec->problem[0] = '\0';
    xmlsec_error[0] = '\0';
    /* The key is the carried certificate's, given to xmlsec directly: no keys manager (making
     * one loads OpenSSL's whole default CA bundle, 20 ms a signature), no KeyInfo processing
     * by xmlsec (nothing there is fetched or followed).  Trust is decided apart (trust.c). */
    read_carried(node, &cr);
    if ((signer = signing_candidate(&cr)))
        describe_signer(a, &cr, signer, sig);
    if (!s.unknown && !s.missing && !s.bad_uri && !duplicate_id && signer &&
        (ctx = xmlSecDSigCtxCreate(NULL))) {
        /* Manifests are not ODF's and their references are never enforced: not processed */
        ctx->flags |= XMLSEC_DSIG_FLAGS_IGNORE_MANIFESTS;
        if ((ctx->signKey = key_of(signer)))
            rc = xmlSecDSigCtxVerify(ctx, node);
    }
    free_carried(&cr);
    if (s.unknown)
        sig->problem = arena_printf(a, "unknown algorithm %s", s.unknown);
    else if (s.missing)
        sig->problem = arena_printf(a, "signs %s, which is not in the package", s.missing);
    else if (duplicate_id)
        sig->problem = "an Id occurs twice in it";
    else if (s.bad_uri)
        sig->problem = arena_printf(a, "unsupported reference: %s", s.bad_uri);
    else if (!signer)
        sig->problem = "carries no X.509 certificate";
    else if (!ctx || !ctx->signKey)
        sig->problem =
            arena_printf(a, "cannot verify: %s", xmlsec_error[0] ? xmlsec_error : "xmlsec error");
    else if (rc < 0 || ctx->status != xmlSecDSigStatusSucceeded)
        sig->problem = why_invalid(a, ctx, rc, ec);
    else if (c.signing_times > 1 || c.dates > 1)
        sig->problem =
            arena_printf(a, "claims more than one signing time (%u SigningTime, %u dc:date)",
                         c.signing_times, c.dates);
    else if (c.signing_time && c.date && !times_agree(c.signing_time, c.date))
        sig->problem = arena_printf(a, "claims two signing times (SigningTime %s, dc:date %s)",
                                    c.signing_time, c.date);
    else if (c.unsigned_time)
        sig->problem =
            arena_printf(a, "claims a signing time (%s) that it does not sign", c.unsigned_time);
    if (c.signed_props)
        sig->cert_digest = cert_digest_matches(c.signed_props, sig);
    if (!sig->problem && sig->cert_digest < 0)
        sig->problem = "its signed SigningCertificate digest is another certificate's";
    sig->valid = sig->problem == NULL;
    if (ctx)
        xmlSecDSigCtxDestroy(ctx);
    return 0;
}

/* ------------------------------------------------------------ the part */

static void free_cache(entry_cache *ec)
{
    for (size_t i = 0; ec->data && i < ec->count; i++)
        og_buf_free(&ec->data[i]);
    free(ec->data);
    free(ec->as_xml);
}

static int nomem(odfgate_doc *doc, odfgate_error *err)
{
    og_fail(err, ODFGATE_E_NOMEM, doc->path, OG_SIGNATURES_PART, "out of memory");
    return -1;
}

int og_read_signatures(og_package *pkg, const odfgate_limits *lim, odfgate_doc *doc,
                       odfgate_error *err)
{
    og_arena *a = &doc->arena;
    odfgate_error perr;
    og_buf part;
    xmlDoc *x = NULL;
    xmlNode *root;
    entry_cache ec = {0};
    size_t n = 0;
    int rc = 0;

    if (og_package_kind_of(pkg) != OG_PACKAGE_ZIP || !og_package_has_part(pkg, OG_SIGNATURES_PART))
        return 0;
    og_buf_init(&part, OG_SIGNATURES_MAX_SZ);
    if (og_package_read_part(pkg, OG_SIGNATURES_PART, &part, &perr) < 0) {
        og_buf_free(&part);
        if (perr.code == ODFGATE_E_NOMEM)
            return nomem(doc, err);
        doc->signatures_problem = og_arena_strdup(a, perr.message);
        return doc->signatures_problem ? 0 : nomem(doc, err);
    }
    x = og_xml_parse_memory(part.data ? part.data : "", part.len, doc->path, OG_SIGNATURES_PART,
                            &perr);
    og_buf_free(&part);
    root = x ? xmlDocGetRootElement(x) : NULL;
    if (!root || !(is_el(root, NS_DSIGDOC, "document-signatures") ||
                   is_el(root, NS_DSIGDOC_OOO, "document-signatures"))) {
        doc->signatures_problem = og_arena_strdup(
            a, x ? "the root element is not dsig:document-signatures" : perr.message);
        xmlFreeDoc(x);
        return doc->signatures_problem ? 0 : nomem(doc, err);
    }
    if (!og_xmlsec_ready()) {
        doc->signatures_problem = "xmlsec1 could not be initialised";
        xmlFreeDoc(x);
        return 0;
    }
    for (xmlNode *k = root->children; k; k = k->next)
        n += is_el(k, NS_DSIG, "Signature");
    if (n > OG_SIGNATURES_MAX) {
        doc->signatures_problem =
            arena_printf(a, "%zu signatures (at most %u are read)", n, OG_SIGNATURES_MAX);
        xmlFreeDoc(x);
        return doc->signatures_problem ? 0 : nomem(doc, err);
    }
    ec.pkg = pkg;
    ec.lim = lim;
    ec.count = og_package_entry_count(pkg);
    doc->signatures = og_arena_zalloc(a, (n + 1) * sizeof(*doc->signatures));
    ec.data = calloc(ec.count + 1, sizeof(*ec.data));
    ec.as_xml = calloc(ec.count + 1, 1);
    if (!doc->signatures || !ec.data || !ec.as_xml) {
        free(ec.data);
        free(ec.as_xml);
        xmlFreeDoc(x);
        return nomem(doc, err);
    }
    current = &ec;
    for (xmlNode *k = root->children; k && rc == 0; k = k->next)
        if (is_el(k, NS_DSIG, "Signature"))
            rc = verify_one(a, x, k, &ec, &doc->signatures[doc->signature_count++]);
    current = NULL;
    free_cache(&ec);
    xmlFreeDoc(x);
    return rc < 0 ? nomem(doc, err) : 0;
}
