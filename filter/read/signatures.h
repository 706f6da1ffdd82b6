/*
 * signatures.h — ODF digital signatures (META-INF/documentsignatures.xml, ODF 1.2 part 3,
 * XAdES as LibreOffice writes it) verified with xmlsec1 and its OpenSSL back end while the
 * package is open; the facts go into the model (odfgate_signature, include/odfgate.h).
 *
 * What is decided here, per signature (docs/signatures.md): cryptographic validity (every
 * Reference digest and the SignatureValue, with the certificate the signature carries; trust
 * in that certificate is a separate question, check/trust.c), algorithms from a fixed list
 * (others: invalid, CVE-2021-25635), one signing time (a second dc:date or SigningTime:
 * invalid, CVE-2021-25634), the streams it does not cover (partial, CVE-2021-25633), the
 * XAdES SigningCertificate digest, and the signed description.
 *
 * Safety: references resolve only to the package's own entries (xmlsec's file/HTTP/FTP
 * handlers are removed; the callbacks serve the entry named by the percent-decoded URI from a
 * per-thread cache); no transform but C14N; an XML stream with entity declarations is not
 * parsed; entries are inflated once under the package limits.
 */
#ifndef OG_SIGNATURES_H
#define OG_SIGNATURES_H

#include "read/model.h"
#include "read/package.h"

#define OG_SIGNATURES_PART   "META-INF/documentsignatures.xml"
#define OG_SIGNATURES_MAX    64u /* signatures read from one document */
#define OG_SIGNATURES_MAX_SZ (4u * 1024u * 1024u)

/* Verify pkg's signatures (if it has any) into doc (its arena).  A part that cannot be read
 * as signatures sets doc->signatures_problem; -1 (err filled) only when out of memory. */
int og_read_signatures(og_package *pkg, const odfgate_limits *lim, odfgate_doc *doc,
                       odfgate_error *err);

/* xmlsec1 is set up at the first signed document; torn down by odfgate_global_cleanup (and set
 * up again if a document needs it after that).  og_xmlsec_ready sets it up: 1, or 0 if it
 * could not be. */
int og_xmlsec_ready(void);
void og_signatures_global_cleanup(void);

/* For signing (write/sign.c): while served, xmlsec resolves Reference URIs on this thread to
 * pkg's entries, as when verifying.  NULL when out of memory.  og_signatures_unserve returns
 * the first reason an entry could not be served ("" if none) until the next serve. */
typedef struct og_entry_cache og_entry_cache;
og_entry_cache *og_signatures_serve(og_package *pkg, const odfgate_limits *lim);
const char *og_signatures_unserve(og_entry_cache *ec);

/* Seconds since the epoch of the time sig claims (SigningTime, else dc:date; its zone applied,
 * UTC when it has none), or -1 when it claims none (or none readable). */
long long og_signature_claimed_time(const odfgate_signature *sig);

/* Register the Id attributes of a Signature element and everything in it (the file has no
 * DTD to declare them), as verification does; 1 if an Id occurs twice (the signature is then
 * refused), else 0.  The signer (write/sign.c) registers its new signature's Ids with it. */
struct _xmlNode;
int og_signature_register_ids(struct _xmlNode *sig);
/* Does a stream go through C14N when odfgate signs it (its name ends in ".xml")? */
int og_signature_c14n_stream(const char *name);
/* The SHA-256 of a certificate (DER) as 64 lowercase hex digits: 0, or -1. */
struct x509_st;
int og_x509_sha256_hex(const struct x509_st *cert, char out[65]);

/* An X.509 name as RFC 2253 text (UTF-8 kept), malloc'ed; NULL when out of memory. */
struct X509_name_st;
char *og_x509_name(const struct X509_name_st *name);

#endif
