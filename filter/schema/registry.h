/*
 * registry.h — a signatory registry: who may sign for each signatory (docs/http.md,
 * "Registry format").  XML, namespace urn:odfgate:registry:1:
 *
 *   <registry xmlns="urn:odfgate:registry:1">
 *     <trust-anchor>-----BEGIN CERTIFICATE----- …</trust-anchor>   (CAs signatures chain to)
 *     <signatory id="dh">
 *       <signer name="Jane Smith"><role>Director</role></signer>   (no role: any role)
 *       <certificate sha256="…"/>                  (who may sign for dh with an ODF signature:
 *       <certificate issuer-sha256="…" subject="*,O=Department of Health,*"/>  schema/trust.h)
 *     </signatory>
 *   </registry>
 *
 * Parsed with the project's safe parser (xml.c); elements of other namespaces are ignored,
 * anything else unexpected is an error naming the line.
 */
#ifndef OG_REGISTRY_H
#define OG_REGISTRY_H

#include "schema/schema.h"

#define OG_NS_REGISTRY              "urn:odfgate:registry:1"
#define OG_REGISTRY_MAX_FILE        (4u * 1024u * 1024u)
#define OG_REGISTRY_MAX_SIGNATORIES 10000u

/* Parse data (from `where`, for messages) into the schema's registry (its arena).  0 or -1
 * with err filled (ODFGATE_E_SCHEMA, path = where). */
int og_registry_parse(odfgate_schema *s, const char *data, size_t len, const char *where,
                      odfgate_error *err);
/* The registry entry of a signatory, or NULL. */
const og_registry_entry *og_registry_find(const odfgate_schema *s, const char *signatory);

#endif
