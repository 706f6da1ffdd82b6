/*
 * trust.h — which certificates a schema trusts, and for whom (docs/signatures.md).
 *
 * Trust anchors: CA certificates given with odfgate_schema_add_trust (--trust FILE|DIR, the
 * `trust` key of .odfgate.ini) or written in the signatory registry (<trust-anchor> PEM).  A
 * signature's certificate is trusted when it chains to one of them, with the certificates the
 * signature carries as intermediates, valid at the signing time it claims (now if none).
 * Revocation is not checked (no CRL or OCSP: SECURITY.md).
 *
 * Binding: the registry lists, per signatory, the certificates that may sign for it: a
 * SHA-256 fingerprint, or an issuing CA's fingerprint (a CA of the verified chain) with a
 * glob over the subject (RFC 2253).
 */
#ifndef OG_TRUST_H
#define OG_TRUST_H

#include "schema/schema.h"

#define OG_TRUST_MAX_ANCHORS 1000u

/* Add every certificate of a PEM text to the schema's anchors.  Returns how many, or -1 with
 * err filled (ODFGATE_E_SCHEMA naming `where`; ODFGATE_E_NOMEM). */
int og_trust_add_pem(odfgate_schema *s, const char *pem, size_t len, const char *where,
                     odfgate_error *err);

/* Does sig's certificate satisfy rule `r` (fingerprint, or issuer + subject glob)?  1 or 0. */
int og_trust_rule_matches(const odfgate_schema *s, const og_cert_rule *r,
                          const odfgate_signature *sig);

#endif
