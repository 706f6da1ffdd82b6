/*
 * signatory.c — where a signatory stands on a document (odfgate_signoffs_signatory): their
 * newest sign-off record judged with its signature, trust and the schema's require-signature.
 * One definition for the quorum (rules/signoff.c), `odfgate signoffs`, the JSON report and
 * `odfgate status`, so that they never disagree.
 */
#include "check/result.h"
#include "check/signoff.h"

static const char *const names[] = {"approved",          "rejected",  "stale",   "missing",
                                    "signature-invalid", "untrusted", "unsigned"};

const char *odfgate_signatory_state_name(odfgate_signatory_state st)
{
    return (unsigned)st < OG_ARRAY_LEN(names) ? names[st] : "missing";
}

static long long epoch_of(const odfgate_signoff *r)
{
    long long t = 0;
    return r->at && og_parse_datetime(r->at, &t) == 0 ? t : 0;
}

/* Does a decide over b: newer, or as new and carried by a signature while b is not? */
static int decides_over(const odfgate_signoff *a, const odfgate_signoff *b)
{
    long long ta = epoch_of(a), tb = epoch_of(b);
    return ta != tb ? ta > tb : a->signature && !b->signature;
}

odfgate_signatory_state odfgate_signoffs_signatory(const odfgate_signoffs *so,
                                                   const odfgate_schema *schema, const char *id,
                                                   const odfgate_signoff **record)
{
    const odfgate_signoff *best = NULL;
    const odfgate_signature *sig;
    char why[300];
    for (size_t i = 0; so && i < odfgate_signoffs_count(so); i++) {
        const odfgate_signoff *r = odfgate_signoffs_at(so, i);
        if (r->state == ODFGATE_SIGNOFF_MALFORMED || strcmp(r->signatory, id) != 0)
            continue;
        if (!best || decides_over(r, best))
            best = r;
    }
    if (record)
        *record = best;
    if (!best)
        return ODFGATE_SIGNATORY_MISSING;
    sig = best->signature;
    if (sig && (!sig->valid || sig->uncovered_count))
        return ODFGATE_SIGNATORY_SIGNATURE_INVALID;
    if (best->state == ODFGATE_SIGNOFF_STALE)
        return ODFGATE_SIGNATORY_STALE;
    if (!best->decision || strcmp(best->decision, "approved") != 0)
        return ODFGATE_SIGNATORY_REJECTED;
    if (sig && !odfgate_signature_trusted(sig, schema, why, sizeof(why)))
        return ODFGATE_SIGNATORY_UNTRUSTED;
    if (!sig && schema->require_signature)
        return ODFGATE_SIGNATORY_UNSIGNED;
    return ODFGATE_SIGNATORY_APPROVED;
}

size_t odfgate_signoffs_approvals(const odfgate_signoffs *so, const odfgate_schema *schema)
{
    size_t n = 0;
    for (size_t k = 0; k < schema->signatory_count; k++) {
        odfgate_signatory_state st =
            odfgate_signoffs_signatory(so, schema, schema->signatories[k].id, NULL);
        n += st == ODFGATE_SIGNATORY_APPROVED || st == ODFGATE_SIGNATORY_UNTRUSTED;
    }
    return n;
}

const odfgate_signoffs *odfgate_result_signoffs(const odfgate_result *res) { return res->signoffs; }

const odfgate_schema *odfgate_result_schema(const odfgate_result *res) { return res->schema; }
