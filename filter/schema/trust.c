/* trust.c — a schema's trust anchors and certificate rules (trust.h), with OpenSSL. */
#include "schema/trust.h"

#include "read/signatures.h"

#include <dirent.h>
#include <fnmatch.h>
#include <sys/stat.h>

#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509_vfy.h>
#include <openssl/x509v3.h>

#define OG_TRUST_MAX_FILE (4u * 1024u * 1024u)

int og_trust_add_pem(odfgate_schema *s, const char *pem, size_t len, const char *where,
                     odfgate_error *err)
{
    BIO *b;
    X509 *cert;
    int n = 0;
    if (len > INT_MAX)
        return og_fail(err, ODFGATE_E_SCHEMA, where, NULL, "too large for PEM"), -1;
    if (!s->trust && !(s->trust = X509_STORE_new()))
        return og_fail(err, ODFGATE_E_NOMEM, where, NULL, "out of memory"), -1;
    if (!(b = BIO_new_mem_buf(pem, (int)len)))
        return og_fail(err, ODFGATE_E_NOMEM, where, NULL, "out of memory"), -1;
    while ((cert = PEM_read_bio_X509(b, NULL, NULL, NULL))) {
        if (s->trust_count >= OG_TRUST_MAX_ANCHORS) {
            X509_free(cert);
            BIO_free(b);
            return og_fail(err, ODFGATE_E_SCHEMA, where, NULL, "more than %u trust anchors",
                           OG_TRUST_MAX_ANCHORS),
                   -1;
        }
        /* its cached extensions (key identifiers, flags) computed now, while one thread
         * holds it: OpenSSL 3.0 fills them lazily under the certificate's lock on the first
         * verification, while other threads compare them without it (a data race
         * ThreadSanitizer saw between check --jobs workers verifying against this store) */
        X509_check_purpose(cert, -1, 0);
        /* the store keeps its own reference; a certificate given twice is no error */
        X509_STORE_add_cert(s->trust, cert);
        X509_free(cert);
        s->trust_count++;
        n++;
    }
    ERR_clear_error(); /* the end of the PEM text is reported as an error */
    BIO_free(b);
    return n;
}

static int add_file(odfgate_schema *s, const char *path, odfgate_error *err)
{
    FILE *f = fopen(path, "rb");
    char *data;
    size_t len;
    int n;
    if (!f)
        return og_fail(err, ODFGATE_E_IO, path, NULL, "cannot open: %s", strerror(errno)), -1;
    if (!(data = malloc(OG_TRUST_MAX_FILE + 1))) {
        fclose(f);
        return og_fail(err, ODFGATE_E_NOMEM, path, NULL, "out of memory"), -1;
    }
    len = fread(data, 1, OG_TRUST_MAX_FILE + 1, f);
    fclose(f);
    if (len > OG_TRUST_MAX_FILE) {
        free(data);
        return og_fail(err, ODFGATE_E_LIMIT, path, NULL, "larger than %u bytes", OG_TRUST_MAX_FILE),
               -1;
    }
    n = og_trust_add_pem(s, data, len, path, err);
    free(data);
    return n;
}

static int has_suffix(const char *name, const char *suffix)
{
    size_t n = strlen(name), k = strlen(suffix);
    return n > k && strcmp(name + n - k, suffix) == 0;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Every *.pem and *.crt of a folder (not recursive), in name order. */
static int add_dir(odfgate_schema *s, const char *path, odfgate_error *err)
{
    DIR *d = opendir(path);
    struct dirent *e;
    char **names = NULL;
    size_t n = 0, cap = 0;
    int total = 0;
    if (!d)
        return og_fail(err, ODFGATE_E_IO, path, NULL, "cannot open: %s", strerror(errno)), -1;
    while ((e = readdir(d)) && total >= 0) {
        if (e->d_name[0] == '.' ||
            !(has_suffix(e->d_name, ".pem") || has_suffix(e->d_name, ".crt")))
            continue;
        if (n == cap) {
            char **p = realloc(names, (cap = cap ? 2 * cap : 16) * sizeof(*names));
            if (!p)
                total = -1;
            else
                names = p;
        }
        if (total >= 0 && !(names[n++] = strdup(e->d_name)))
            total = -1, n--;
    }
    closedir(d);
    if (total < 0)
        og_fail(err, ODFGATE_E_NOMEM, path, NULL, "out of memory");
    qsort(names, n, sizeof(*names), by_name);
    for (size_t i = 0; i < n && total >= 0; i++) {
        char full[4096];
        int k;
        snprintf(full, sizeof(full), "%s/%s", path, names[i]);
        k = add_file(s, full, err);
        total = k < 0 ? -1 : total + k;
    }
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    free(names);
    return total;
}

odfgate_status odfgate_schema_add_trust(odfgate_schema *schema, const char *path,
                                        odfgate_error *err)
{
    OG_ERR_LOCAL(err);
    struct stat st;
    int n;
    if (!schema || !path)
        return og_fail(err, ODFGATE_E_USAGE, path, NULL, "missing argument");
    if (stat(path, &st) != 0)
        return og_fail(err, ODFGATE_E_IO, path, NULL, "cannot open: %s", strerror(errno));
    n = S_ISDIR(st.st_mode) ? add_dir(schema, path, err) : add_file(schema, path, err);
    if (n < 0)
        return og_status_of(err);
    if (n == 0)
        return og_fail(err, ODFGATE_E_SCHEMA, path, NULL,
                       "no PEM certificate (-----BEGIN CERTIFICATE-----) found");
    return ODFGATE_OK;
}

/* ------------------------------------------------------------ verification */

static X509 *parse_der(const unsigned char *der, size_t len)
{
    const unsigned char *p = der;
    return der && len <= LONG_MAX ? d2i_X509(NULL, &p, (long)len) : NULL;
}

/* A signer's certificate: not a CA, and a key usage (when it has one) that allows signing. */
static int signing_usage(X509 *leaf)
{
    uint32_t ku = X509_get_key_usage(leaf); /* UINT32_MAX: no key usage extension */
    if (X509_check_ca(leaf) != 0)
        return 0;
    return ku == UINT32_MAX || (ku & (KU_DIGITAL_SIGNATURE | KU_NON_REPUDIATION)) != 0;
}

/* Verify sig's certificate against the anchors; on success *chain_out (may be NULL) gets the
 * verified chain (free with OSSL_STACK_OF_X509_free / sk_X509_pop_free).  1 or 0 (why). */
static int verify_chain(const odfgate_signature *sig, const odfgate_schema *schema, char *why,
                        size_t why_len, STACK_OF(X509) * *chain_out)
{
    X509 *leaf = parse_der(sig->cert, sig->cert_len);
    STACK_OF(X509) *untrusted = sk_X509_new_null();
    X509_STORE_CTX *ctx = X509_STORE_CTX_new();
    long long at = og_signature_claimed_time(sig);
    int ok = 0;
    if (chain_out)
        *chain_out = NULL;
    if (!leaf)
        snprintf(why, why_len, "no certificate");
    else if (!schema->trust || schema->trust_count == 0)
        snprintf(why, why_len, "no trust anchors are given (--trust, or the registry)");
    else if (!untrusted || !ctx)
        snprintf(why, why_len, "out of memory");
    else {
        for (size_t i = 0; i < sig->chain_count; i++) {
            X509 *c = parse_der(sig->chain[i], sig->chain_len[i]);
            if (c && !sk_X509_push(untrusted, c))
                X509_free(c);
        }
        if (X509_STORE_CTX_init(ctx, schema->trust, leaf, untrusted) == 1) {
            if (at >= 0)
                X509_STORE_CTX_set_time(ctx, 0, (time_t)at);
            ok = X509_verify_cert(ctx) == 1;
            if (ok && !signing_usage(leaf)) {
                ok = 0;
                snprintf(why, why_len,
                         "the certificate is not for signing (a CA, or its key usage lacks "
                         "digitalSignature and nonRepudiation)");
            } else if (!ok)
                snprintf(why, why_len, "%s%s",
                         X509_verify_cert_error_string(X509_STORE_CTX_get_error(ctx)),
                         at >= 0 ? " (at the signing time)" : "");
            else if (chain_out)
                *chain_out = X509_STORE_CTX_get1_chain(ctx);
        } else
            snprintf(why, why_len, "cannot set up the verification");
    }
    ERR_clear_error();
    X509_STORE_CTX_free(ctx);
    sk_X509_pop_free(untrusted, X509_free);
    X509_free(leaf);
    return ok;
}

int odfgate_signature_trusted(const odfgate_signature *sig, const odfgate_schema *schema, char *why,
                              size_t why_len)
{
    char tmp[8];
    if (!why || !why_len)
        why = tmp, why_len = sizeof(tmp);
    why[0] = '\0';
    if (!sig || !schema)
        return 0;
    return verify_chain(sig, schema, why, why_len, NULL);
}

/* A glob over the subject: a subject with an escaped character (RFC 2253 "\,", "\+" …) never
 * matches, so "CN=x\,O=Department of Health" cannot pass for an O= attribute. */
static int subject_matches(const char *glob, const char *subject)
{
    return subject && !strchr(subject, '\\') && fnmatch(glob, subject, 0) == 0;
}

int og_trust_rule_matches(const odfgate_schema *s, const og_cert_rule *r,
                          const odfgate_signature *sig)
{
    STACK_OF(X509) *chain = NULL;
    char why[200];
    int match = 0;
    if (!sig->fingerprint)
        return 0;
    if (r->sha256)
        return strcmp(r->sha256, sig->fingerprint) == 0 &&
               (!r->subject || subject_matches(r->subject, sig->subject));
    if (!r->issuer_sha256 || (r->subject && !subject_matches(r->subject, sig->subject)))
        return 0;
    /* the issuer must be in the verified chain: a CA named only by the signature proves nothing */
    if (!verify_chain(sig, s, why, sizeof(why), &chain))
        return 0;
    for (int i = 1; i < sk_X509_num(chain) && !match; i++) {
        char fp[65];
        match = og_x509_sha256_hex(sk_X509_value(chain, i), fp) == 0 &&
                strcmp(fp, r->issuer_sha256) == 0;
    }
    sk_X509_pop_free(chain, X509_free);
    return match;
}
