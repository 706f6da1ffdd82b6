/*
 * sign.c — odfgate_signoff_sign: one more XAdES signature in META-INF/documentsignatures.xml,
 * made with xmlsec1 (OpenSSL) in LibreOffice's layout (docs/signatures.md):
 *
 *   SignedInfo: inclusive C14N, rsa-sha256 (ecdsa-sha256 for an EC key); one Reference per
 *     stream of the package but documentsignatures.xml (sha256; "*.xml" streams through C14N,
 *     others raw; URIs percent-encoded as LibreOffice writes them), one for the
 *     SignatureProperties, one for the XAdES SignedProperties (Type …#SignedProperties);
 *   Object 1: SignatureProperty dc:date, SignatureProperty dc:description = the sign-off record;
 *   Object 2: XAdES 1.3.2 QualifyingProperties: SigningTime, SigningCertificate (CertDigest
 *     sha256 + IssuerSerial), SignaturePolicyImplied;
 *   KeyInfo: X509Data with X509IssuerSerial and the certificates.
 *
 * Ids are random, so several signatures live in one file.  Existing signatures are kept byte
 * for byte: the new Signature is inserted before the root's end tag of the original text.  It
 * is signed inside the document it will live in (the original root, re-parsed), so inclusive
 * C14N sees the same ancestors as every later verifier.
 */
#include "base/internal.h"

#include "check/signoff.h"
#include "read/model.h"
#include "read/package.h"
#include "read/signatures.h"
#include "read/xml.h"
#include "write/pkgwrite.h"
#include "write/stamp.h"

#include <libxml/uri.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <xmlsec/crypto.h>
#include <xmlsec/openssl/evp.h>
#include <xmlsec/openssl/x509.h>
#include <xmlsec/templates.h>
#include <xmlsec/xmldsig.h>
#include <xmlsec/xmlsec.h>
#include <xmlsec/xmltree.h>

#define NS_DSIGDOC             "urn:oasis:names:tc:opendocument:xmlns:digitalsignature:1.0"
#define NS_XADES               "http://uri.etsi.org/01903/v1.3.2#"
#define NS_DC                  "http://purl.org/dc/elements/1.1/"
#define SHA256_URI             "http://www.w3.org/2001/04/xmlenc#sha256"
#define SIGNED_PROPERTIES_TYPE "http://uri.etsi.org/01903#SignedProperties"

/* ------------------------------------------------------------ the key */

static odfgate_status key_fail(odfgate_error *err, const char *path, const char *what)
{
    return og_fail(err, ODFGATE_E_USAGE, path, NULL, "%s", what);
}

/* Intermediate certificates of a PEM file, added to the key's X.509 data. */
static int add_chain(xmlSecKeyPtr key, const char *path, odfgate_error *err)
{
    xmlSecKeyDataPtr data = xmlSecKeyEnsureData(key, xmlSecOpenSSLKeyDataX509Id);
    FILE *f = fopen(path, "r");
    X509 *c;
    int n = 0;
    if (!f)
        return og_fail(err, ODFGATE_E_IO, path, NULL, "cannot open: %s", strerror(errno)), -1;
    while (data && (c = PEM_read_X509(f, NULL, NULL, NULL)))
        if (xmlSecOpenSSLKeyDataX509AdoptCert(data, c) < 0)
            X509_free(c);
        else
            n++;
    fclose(f);
    if (!n)
        return key_fail(err, path, "no PEM certificate in the chain file"), -1;
    return 0;
}

static xmlSecKeyPtr load_key(const odfgate_signing_key *k, odfgate_error *err)
{
    xmlSecKeyPtr key = NULL;
    if (k->p12) {
        if (!(key = xmlSecCryptoAppKeyLoad(k->p12, xmlSecKeyDataFormatPkcs12, k->password, NULL,
                                           NULL)))
            key_fail(err, k->p12, "cannot read the PKCS#12 file (wrong password, or not PKCS#12)");
        return key;
    }
    if (!k->key || !k->cert) {
        key_fail(err, NULL, "signing needs --key and --cert, or --p12");
        return NULL;
    }
    if (!(key = xmlSecCryptoAppKeyLoad(k->key, xmlSecKeyDataFormatPem, k->password, NULL, NULL))) {
        key_fail(err, k->key, "cannot read the private key (PEM; encrypted needs its password)");
        return NULL;
    }
    if (xmlSecCryptoAppKeyCertLoad(key, k->cert, xmlSecKeyDataFormatPem) < 0) {
        key_fail(err, k->cert, "cannot read the certificate (PEM)");
        xmlSecKeyDestroy(key);
        return NULL;
    }
    if (k->chain && add_chain(key, k->chain, err) < 0) {
        xmlSecKeyDestroy(key);
        return NULL;
    }
    return key;
}

/* The certificate that signs: it must be the key's, and valid now. */
static X509 *signing_cert(xmlSecKeyPtr key, const odfgate_signing_key *k, odfgate_error *err)
{
    xmlSecKeyDataPtr data = xmlSecKeyGetData(key, xmlSecOpenSSLKeyDataX509Id);
    EVP_PKEY *pkey =
        xmlSecKeyGetValue(key) ? xmlSecOpenSSLEvpKeyDataGetEvp(xmlSecKeyGetValue(key)) : NULL;
    X509 *cert = data ? xmlSecOpenSSLKeyDataX509GetKeyCert(data) : NULL;
    const char *where = k->p12 ? k->p12 : k->cert;
    /* a PEM certificate is adopted as one of the key's certificates, not as "the key's": the
     * one whose public key is the private key's signs */
    for (xmlSecSize i = 0; !cert && data && pkey && i < xmlSecOpenSSLKeyDataX509GetCertsSize(data);
         i++) {
        X509 *c = xmlSecOpenSSLKeyDataX509GetCert(data, i);
        if (c && X509_check_private_key(c, pkey) == 1)
            cert = c;
    }
    ERR_clear_error();
    if (!cert) {
        key_fail(err, where, "the certificate is not the private key's");
        return NULL;
    }
    if (X509_cmp_current_time(X509_get0_notAfter(cert)) <= 0) {
        key_fail(err, where, "the certificate has expired");
        return NULL;
    }
    if (X509_cmp_current_time(X509_get0_notBefore(cert)) >= 0) {
        key_fail(err, where, "the certificate is not valid yet");
        return NULL;
    }
    return cert;
}

/* ------------------------------------------------------------ the signature */

static void random_id(const char *prefix, char *out, size_t n)
{
    unsigned char r[16];
    size_t at = (size_t)snprintf(out, n, "%s", prefix);
    if (RAND_bytes(r, sizeof(r)) != 1)
        memset(r, 0, sizeof(r)); /* never: then xmlAddID would catch a clash */
    for (size_t i = 0; i < sizeof(r) && at + 2 < n; i++, at += 2)
        snprintf(out + at, n - at, "%02x", r[i]);
}

/* One Reference per stream, in the package's order. */
static int add_stream_references(xmlNodePtr sig, og_package *pkg)
{
    for (size_t i = 0; i < og_package_entry_count(pkg); i++) {
        const char *name = og_package_entry_name(pkg, i);
        size_t n = name ? strlen(name) : 0;
        xmlChar *uri;
        xmlNodePtr ref;
        if (!n || name[n - 1] == '/' || strcmp(name, OG_SIGNATURES_PART) == 0)
            continue;
        if (!(uri = xmlURIEscapeStr(BAD_CAST name, BAD_CAST "/")))
            return -1;
        ref = xmlSecTmplSignatureAddReference(sig, xmlSecTransformSha256Id, NULL, uri, NULL);
        xmlFree(uri);
        if (!ref || (og_signature_c14n_stream(name) &&
                     !xmlSecTmplReferenceAddTransform(ref, xmlSecTransformInclC14NId)))
            return -1;
    }
    return 0;
}

static xmlNodePtr property(xmlNodePtr props, const char *id, const char *target, xmlNsPtr dc,
                           const char *name, const char *value)
{
    xmlNodePtr p = xmlNewChild(props, NULL, BAD_CAST "SignatureProperty", NULL);
    if (!p || !xmlSetProp(p, BAD_CAST "Id", BAD_CAST id) ||
        !xmlSetProp(p, BAD_CAST "Target", BAD_CAST target))
        return NULL;
    return xmlNewTextChild(p, dc, BAD_CAST name, BAD_CAST value) ? p : NULL;
}

/* base64 of the SHA-256 of the certificate. */
static int cert_digest(X509 *cert, char out[64])
{
    unsigned char md[32], *der = NULL;
    unsigned int mdlen = 0;
    int len = i2d_X509(cert, &der), ok;
    ok = len > 0 && EVP_Digest(der, (size_t)len, md, &mdlen, EVP_sha256(), NULL) == 1;
    OPENSSL_free(der);
    if (!ok || mdlen != 32)
        return -1;
    EVP_EncodeBlock((unsigned char *)out, md, 32);
    return 0;
}

/* The X509IssuerSerial children (xmlsec leaves them empty; LibreOffice shows no signer then). */
static int issuer_serial(xmlNodePtr parent, xmlNsPtr ds, X509 *cert)
{
    char *issuer = og_x509_name(X509_get_issuer_name(cert));
    BIGNUM *bn = ASN1_INTEGER_to_BN(X509_get0_serialNumber(cert), NULL);
    char *serial = bn ? BN_bn2dec(bn) : NULL;
    int ok = issuer && serial &&
             xmlNewTextChild(parent, ds, BAD_CAST "X509IssuerName", BAD_CAST issuer) &&
             xmlNewTextChild(parent, ds, BAD_CAST "X509SerialNumber", BAD_CAST serial);
    free(issuer);
    OPENSSL_free(serial);
    BN_free(bn);
    return ok ? 0 : -1;
}

static int xades(xmlNodePtr sig, const char *sig_id, const char *sp_id, const char *at, X509 *cert)
{
    xmlNodePtr obj = xmlSecTmplSignatureAddObject(sig, NULL, NULL, NULL), qp, sp, ssp, sc, c, cd,
               is, dm;
    xmlNsPtr xd, ds = xmlSearchNsByHref(sig->doc, sig, xmlSecDSigNs);
    char digest[64], target[80];
    if (!obj || !(xd = xmlNewNs(obj, BAD_CAST NS_XADES, BAD_CAST "xd")) ||
        cert_digest(cert, digest) < 0)
        return -1;
    snprintf(target, sizeof(target), "#%s", sig_id);
    if (!(qp = xmlNewChild(obj, xd, BAD_CAST "QualifyingProperties", NULL)) ||
        !xmlSetProp(qp, BAD_CAST "Target", BAD_CAST target) ||
        !(sp = xmlNewChild(qp, xd, BAD_CAST "SignedProperties", NULL)) ||
        !xmlSetProp(sp, BAD_CAST "Id", BAD_CAST sp_id) ||
        !(ssp = xmlNewChild(sp, xd, BAD_CAST "SignedSignatureProperties", NULL)) ||
        !xmlNewTextChild(ssp, xd, BAD_CAST "SigningTime", BAD_CAST at) ||
        !(sc = xmlNewChild(ssp, xd, BAD_CAST "SigningCertificate", NULL)) ||
        !(c = xmlNewChild(sc, xd, BAD_CAST "Cert", NULL)) ||
        !(cd = xmlNewChild(c, xd, BAD_CAST "CertDigest", NULL)) ||
        !(dm = xmlNewChild(cd, ds, BAD_CAST "DigestMethod", NULL)) ||
        !xmlSetProp(dm, BAD_CAST "Algorithm", BAD_CAST SHA256_URI) ||
        !xmlNewTextChild(cd, ds, BAD_CAST "DigestValue", BAD_CAST digest) ||
        !(is = xmlNewChild(c, xd, BAD_CAST "IssuerSerial", NULL)) ||
        issuer_serial(is, ds, cert) < 0)
        return -1;
    sp = xmlNewChild(ssp, xd, BAD_CAST "SignaturePolicyIdentifier", NULL);
    return sp && xmlNewChild(sp, xd, BAD_CAST "SignaturePolicyImplied", NULL) ? 0 : -1;
}

/* Build the template of one signature under root and sign it.  0, or -1 (err filled). */
static int build_and_sign(xmlNodePtr root, og_package *pkg, xmlSecKeyPtr key, X509 *cert,
                          const char *record, const char *at, const char *path, odfgate_error *err)
{
    char sig_id[48], date_id[48], desc_id[48], sp_id[64], target[64], uri[72];
    xmlSecTransformId method = xmlSecTransformRsaSha256Id;
    xmlNodePtr sig, obj, props, ki, x5, x5is;
    xmlSecDSigCtxPtr ctx;
    xmlNsPtr dc;
    int rc;
    if (EVP_PKEY_base_id(X509_get0_pubkey(cert)) == EVP_PKEY_EC)
        method = xmlSecTransformEcdsaSha256Id;
    random_id("ID_", sig_id, sizeof(sig_id));
    random_id("ID_", date_id, sizeof(date_id));
    random_id("ID_", desc_id, sizeof(desc_id));
    random_id("idSignedProperties_", sp_id, sizeof(sp_id));
    snprintf(target, sizeof(target), "#%s", sig_id);
    if (!(sig = xmlSecTmplSignatureCreate(root->doc, xmlSecTransformInclC14NId, method,
                                          BAD_CAST sig_id)) ||
        !xmlAddChild(root, sig) || add_stream_references(sig, pkg) < 0)
        goto nomem;
    snprintf(uri, sizeof(uri), "#%s", date_id);
    if (!xmlSecTmplSignatureAddReference(sig, xmlSecTransformSha256Id, NULL, BAD_CAST uri, NULL))
        goto nomem;
    snprintf(uri, sizeof(uri), "#%s", desc_id);
    if (!xmlSecTmplSignatureAddReference(sig, xmlSecTransformSha256Id, NULL, BAD_CAST uri, NULL))
        goto nomem;
    snprintf(uri, sizeof(uri), "#%s", sp_id);
    if (!xmlSecTmplSignatureAddReference(sig, xmlSecTransformSha256Id, NULL, BAD_CAST uri,
                                         BAD_CAST SIGNED_PROPERTIES_TYPE))
        goto nomem;
    if (!(ki = xmlSecTmplSignatureEnsureKeyInfo(sig, NULL)) ||
        !(x5 = xmlSecTmplKeyInfoAddX509Data(ki)) ||
        !(x5is = xmlSecTmplX509DataAddIssuerSerial(x5)) ||
        issuer_serial(x5is, xmlSearchNsByHref(root->doc, sig, xmlSecDSigNs), cert) < 0 ||
        !xmlSecTmplX509DataAddCertificate(x5))
        goto nomem;
    if (!(obj = xmlSecTmplSignatureAddObject(sig, NULL, NULL, NULL)) ||
        !(props = xmlNewChild(obj, NULL, BAD_CAST "SignatureProperties", NULL)) ||
        !(dc = xmlNewNs(props, BAD_CAST NS_DC, BAD_CAST "dc")) ||
        !property(props, date_id, target, dc, "date", at) ||
        !property(props, desc_id, target, dc, "description", record) ||
        xades(sig, sig_id, sp_id, at, cert) < 0)
        goto nomem;
    og_signature_register_ids(sig); /* new random Ids: none occurs twice */
    if (!(ctx = xmlSecDSigCtxCreate(NULL)))
        goto nomem;
    ctx->signKey = xmlSecKeyDuplicate(key);
    rc = ctx->signKey ? xmlSecDSigCtxSign(ctx, sig) : -1;
    xmlSecDSigCtxDestroy(ctx);
    if (rc < 0)
        return og_fail(err, ODFGATE_E_IO, path, NULL, "xmlsec1 could not sign the package"), -1;
    return 0;
nomem:
    return og_fail(err, ODFGATE_E_NOMEM, path, NULL, "out of memory"), -1;
}

/* Offset of the root's end tag ("</" …) in t[0..n): what may follow the root (white space,
 * comments, processing instructions) is passed over.  -1 if there is none to find (a
 * self-closing root, a text in another encoding): then nothing is written. */
static long root_end_tag(const char *t, size_t n)
{
    size_t e = n;
    for (;;) {
        while (e && (t[e - 1] == ' ' || t[e - 1] == '\t' || t[e - 1] == '\r' || t[e - 1] == '\n'))
            e--;
        const char *open = NULL;
        if (e >= 3 && memcmp(t + e - 3, "-->", 3) == 0) /* a comment holds no "--": its start */
            for (size_t i = e - 3; i-- >= 4 && !open;)
                open = memcmp(t + i - 3, "<!--", 4) == 0 ? t + i - 3 : NULL;
        else if (e >= 2 && memcmp(t + e - 2, "?>", 2) == 0)
            for (size_t i = e - 2; i-- >= 2 && !open;)
                open = memcmp(t + i - 1, "<?", 2) == 0 ? t + i - 1 : NULL;
        else
            break;
        if (!open)
            return -1;
        e = (size_t)(open - t);
    }
    if (!e || t[e - 1] != '>')
        return -1;
    for (size_t i = e - 1; i-- > 0;)
        if (t[i] == '<')
            return t[i + 1] == '/' ? (long)i : -1;
    return -1;
}

static size_t count_signatures(xmlDocPtr doc)
{
    size_t n = 0;
    xmlNodePtr root = doc ? xmlDocGetRootElement(doc) : NULL;
    for (xmlNodePtr c = root ? root->children : NULL; c; c = c->next)
        n += c->type == XML_ELEMENT_NODE &&
             xmlSecCheckNodeName(c, xmlSecNodeSignature, xmlSecDSigNs);
    return n;
}

/* The new documentsignatures.xml: the original text with the new Signature inserted before the
 * root's end tag (earlier signatures byte for byte), or the whole new document.  Read back
 * before it is used: exactly one more Signature, or nothing is written. */
static int serialize(xmlDocPtr doc, const og_buf *original, og_buf *out, const char *path,
                     odfgate_error *err)
{
    xmlNodePtr root = xmlDocGetRootElement(doc), last = root ? root->last : NULL;
    xmlBufferPtr b = xmlBufferCreate();
    odfgate_error perr;
    xmlDocPtr back;
    long at;
    int rc = -1;
    if (!b || !last) {
        xmlBufferFree(b);
        return og_fail(err, ODFGATE_E_NOMEM, path, NULL, "out of memory"), -1;
    }
    if (!original->len) {
        xmlChar *mem = NULL;
        int len = 0;
        xmlDocDumpMemoryEnc(doc, &mem, &len, "UTF-8");
        rc = mem && og_buf_add(out, (const char *)mem, (size_t)len) == OG_BUF_OK ? 0 : -1;
        xmlFree(mem);
    } else if ((at = root_end_tag(original->data, original->len)) < 0) {
        xmlBufferFree(b);
        return og_fail(err, ODFGATE_E_CORRUPT, path, OG_SIGNATURES_PART,
                       "cannot find the end tag of its document-signatures element (an empty "
                       "element, or not UTF-8): no signature added"),
               -1;
    } else if (xmlNodeDump(b, doc, last, 0, 0) >= 0 &&
               og_buf_add(out, original->data, (size_t)at) == OG_BUF_OK &&
               og_buf_add(out, (const char *)xmlBufferContent(b), (size_t)xmlBufferLength(b)) ==
                   OG_BUF_OK &&
               og_buf_add(out, original->data + at, original->len - (size_t)at) == OG_BUF_OK)
        rc = 0;
    xmlBufferFree(b);
    if (rc < 0)
        return og_fail(err, ODFGATE_E_NOMEM, path, NULL, "out of memory"), -1;
    back = og_xml_parse_memory(out->data, out->len, path, OG_SIGNATURES_PART, &perr);
    rc = back && count_signatures(back) == count_signatures(doc) ? 0 : -1;
    xmlFreeDoc(back);
    if (rc < 0)
        og_fail(err, ODFGATE_E_CORRUPT, path, OG_SIGNATURES_PART,
                "the extended signature file does not read back with one more signature: no "
                "signature added");
    return rc;
}

/* Existing signatures must verify over every stream: a new one beside a broken one would
 * look like a sound sign-off of a document that is not (stamp->force keeps them as they are). */
static int existing_sound(const odfgate_doc *doc, const char *path, int force, odfgate_error *err)
{
    if (force)
        return 0;
    if (doc->signatures_problem)
        return og_fail(err, ODFGATE_E_USAGE, path, OG_SIGNATURES_PART,
                       "its signatures cannot be read (%s); --force signs anyway",
                       doc->signatures_problem),
               -1;
    for (size_t i = 0; i < doc->signature_count; i++)
        if (!doc->signatures[i].valid || doc->signatures[i].uncovered_count)
            return og_fail(err, ODFGATE_E_USAGE, path, OG_SIGNATURES_PART,
                           "its signature %zu is %s (%s); a new signature would sit beside it "
                           "(--force signs anyway)",
                           i + 1, doc->signatures[i].valid ? "partial" : "invalid",
                           doc->signatures[i].valid ? "streams added after signing"
                                                    : doc->signatures[i].problem),
                   -1;
    return 0;
}

static odfgate_status sign_unlocked(const char *in_path, const char *out_path,
                                    const odfgate_schema *schema, const odfgate_stamp *stamp,
                                    const odfgate_signing_key *k, odfgate_error *err)
{
    odfgate_doc *doc = NULL;
    og_package *pkg = NULL;
    og_entry_cache *served = NULL;
    xmlSecKeyPtr key = NULL;
    xmlDocPtr x = NULL;
    og_buf record, original, out;
    odfgate_limits lim;
    char at[64];
    X509 *cert;
    odfgate_status st;
    int rc = -1;

    if (!out_path || !k)
        return og_fail(err, ODFGATE_E_USAGE, in_path, NULL, "missing argument");
    if (!og_xmlsec_ready())
        return og_fail(err, ODFGATE_E_USAGE, in_path, NULL, "xmlsec1 could not be initialised");
    og_buf_init(&record, 1u << 20);
    og_buf_init(&original, OG_SIGNATURES_MAX_SZ);
    og_buf_init(&out, 2 * (size_t)OG_SIGNATURES_MAX_SZ);
    odfgate_limits_init(&lim);
    if ((st = og_stamp_record(in_path, schema, stamp, &doc, &record, at, err)) != ODFGATE_OK)
        goto done;
    st = ODFGATE_FAILED;
    if (strcmp(doc->container, "zip") != 0) {
        og_fail(err, ODFGATE_E_USAGE, in_path, NULL,
                "a flat ODF file cannot carry ODF digital signatures: sign the .odt package");
        goto done;
    }
    if (existing_sound(doc, in_path, stamp->force, err) < 0 || !(key = load_key(k, err)) ||
        !(cert = signing_cert(key, k, err)))
        goto done;
    if ((st = og_package_open(in_path, &lim, &pkg, err)) > ODFGATE_WARN)
        goto done;
    st = ODFGATE_FAILED;
    if (og_package_has_part(pkg, OG_SIGNATURES_PART)) {
        if (og_package_read_part(pkg, OG_SIGNATURES_PART, &original, err) < 0 ||
            !(x = og_xml_parse_memory(original.data, original.len, in_path, OG_SIGNATURES_PART,
                                      err)))
            goto done;
    } else {
        xmlNodePtr root;
        if (!(x = xmlNewDoc(BAD_CAST "1.0")) ||
            !(root = xmlNewDocNode(x, NULL, BAD_CAST "document-signatures", NULL)) ||
            !xmlNewNs(root, BAD_CAST NS_DSIGDOC, NULL)) {
            og_fail(err, ODFGATE_E_NOMEM, in_path, NULL, "out of memory");
            goto done;
        }
        xmlDocSetRootElement(x, root);
        xmlSetNs(root, root->nsDef);
    }
    if (!(served = og_signatures_serve(pkg, &lim))) {
        og_fail(err, ODFGATE_E_NOMEM, in_path, NULL, "out of memory");
        goto done;
    }
    rc = build_and_sign(xmlDocGetRootElement(x), pkg, key, cert, record.data, at, in_path, err);
    {
        const char *why = og_signatures_unserve(served);
        if (rc == 0 && why[0]) {
            og_fail(err, ODFGATE_E_CORRUPT, in_path, NULL, "cannot sign: %s", why);
            rc = -1;
        }
    }
    if (rc == 0 && serialize(x, &original, &out, in_path, err) == 0) {
        og_part_data part = {OG_SIGNATURES_PART, out.data, out.len, NULL};
        og_package_free(pkg);
        pkg = NULL;
        if (og_package_write(in_path, out_path, &part, 1, NULL,
                             og_in_place_expect(in_path, out_path, &doc->source), err) == 0)
            st = ODFGATE_OK;
    }
done:
    if (st > ODFGATE_WARN && err && !err->path[0])
        og_copy_safe(err->path, sizeof(err->path), in_path);
    xmlFreeDoc(x);
    if (key)
        xmlSecKeyDestroy(key);
    og_package_free(pkg);
    og_buf_free(&record);
    og_buf_free(&original);
    og_buf_free(&out);
    odfgate_doc_free(doc);
    return st > ODFGATE_WARN ? og_status_of(err) : ODFGATE_OK;
}

odfgate_status odfgate_signoff_sign(const char *in_path, const char *out_path,
                                    const odfgate_schema *schema, const odfgate_stamp *stamp,
                                    const odfgate_signing_key *key, odfgate_error *err)
{
    OG_ERR_LOCAL(err);
    int lock;
    odfgate_status st;
    if (og_stamp_lock(in_path, out_path, &lock, err) < 0)
        return ODFGATE_FAILED;
    st = sign_unlocked(in_path, out_path, schema, stamp, key, err);
    og_unlock(lock);
    return st;
}
