/*
 * signoff.h — sign-off records: digests of a document under a schema, record encoding and
 * parsing (format: docs/signoff.md).  Used by odfgate_signoffs_read, the signoff-* rules and
 * the stamp writer.
 */
#ifndef OG_SIGNOFF_H
#define OG_SIGNOFF_H

#include "base/arena.h"
#include "base/buf.h"
#include "read/model.h"
#include "schema/schema.h"

#define OG_SIGNOFF_PREFIX "odfgate.signoff."
#define OG_SIGNOFF_MAGIC  "odfgate-signoff/"
/* The record format version, which is also the version of the canonical text its digests
 * are over (canonical.h); records of every version from 1 up are read. */
#define OG_SIGNOFF_VERSION     2
#define OG_FUTURE_SKEW_SECONDS 300

/* Digests of a document's current text: the whole canonical text, and 16 hex digits per
 * schema section (in schema order; "-" for a section that is absent). */
typedef struct og_digests {
    int version; /* of the canonical text */
    char content[65];
    char (*sections)[17];
    size_t count;
} og_digests;

/* Compute the digests over canonical text `version` (sections allocated in arena).  Returns
 * 0 or -1 (out of memory). */
int og_digests_compute(const odfgate_doc *doc, const odfgate_schema *schema, int version,
                       og_arena *a, og_digests *out);

/* Encode a record value for `stamp` (validated: known decision, ISO date) into out.
 * Returns 0, or -1 with err filled (ODFGATE_E_USAGE). */
int og_signoff_encode(const odfgate_stamp *stamp, const char *at, const og_digests *d,
                      const odfgate_schema *schema, og_buf *out, odfgate_error *err);

/* The sign-off record a signature carries as its signed description (odfgate signoff --sign),
 * or NULL. */
const char *og_signature_record(const odfgate_signature *sig);

/* Parse an ISO 8601 date-time with a time zone (YYYY-MM-DDTHH:MM[:SS][.fff](Z|±HH:MM)) into
 * seconds since the epoch.  0 ok, -1 invalid. */
int og_parse_datetime(const char *s, long long *epoch);
/* The current time as "YYYY-MM-DDTHH:MM:SSZ". */
void og_now_iso(char out[32]);

#endif
