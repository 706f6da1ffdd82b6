/*
 * signatures.c — signature-invalid, signature-partial, signature-untrusted: every ODF digital
 * signature of the document, as the reader verified it (read/signatures.h), and its
 * certificate against the schema's trust anchors (schema/trust.h).  Which signatory a
 * signature speaks for is the sign-off rules' business (signoff.c).
 */
#include "check/rules/rules.h"

#include "read/signatures.h"

/* "signature 2 (CN of the signer)", "signature 2 (claims to be by CN)" */
static void label(const odfgate_signature *sig, size_t i, char *out, size_t n)
{
    const char *cn = sig->subject ? strstr(sig->subject, "CN=") : NULL;
    size_t len = 0;
    if (cn) {
        cn += 3;
        while (cn[len] && !(cn[len] == ',' && (len == 0 || cn[len - 1] != '\\')))
            len++;
    }
    /* an invalid signature's certificate is only a claim (KeyInfo is not signed) */
    if (cn && len)
        snprintf(out, n, "signature %zu (%s%.*s)", i + 1, sig->valid ? "" : "claims to be by ",
                 (int)(len < 120 ? len : 120), cn);
    else
        snprintf(out, n, "signature %zu", i + 1);
}

static void list_streams(const odfgate_signature *sig, char *out, size_t n)
{
    size_t at = 0, shown = 0;
    out[0] = '\0';
    for (; shown < sig->uncovered_count && shown < 5 && at < n; shown++)
        at += (size_t)snprintf(out + at, n - at, "%s%s", shown ? ", " : "", sig->uncovered[shown]);
    if (shown < sig->uncovered_count && at < n)
        snprintf(out + at, n - at, " and %zu more", sig->uncovered_count - shown);
}

int og_rules_signatures(og_check *c)
{
    const odfgate_doc *doc = c->doc;
    char who[160], why[300], streams[400];
    if (doc->signatures_problem)
        og_finding(c, OG_RULE_SIGNATURE_INVALID, OG_NONE, OG_NONE, 0,
                   "the document's signatures (%s) cannot be read: %s", OG_SIGNATURES_PART,
                   doc->signatures_problem);
    for (size_t i = 0; i < doc->signature_count; i++) {
        const odfgate_signature *sig = &doc->signatures[i];
        label(sig, i, who, sizeof(who));
        if (!sig->valid) {
            og_finding(c, OG_RULE_SIGNATURE_INVALID, OG_NONE, OG_NONE, 0, "%s is invalid: %s", who,
                       sig->problem);
            continue;
        }
        if (sig->uncovered_count) {
            list_streams(sig, streams, sizeof(streams));
            og_finding(c, OG_RULE_SIGNATURE_PARTIAL, OG_NONE, OG_NONE, 0,
                       "%s does not sign %zu stream%s of the package: %s", who,
                       sig->uncovered_count, sig->uncovered_count == 1 ? "" : "s", streams);
        }
        if (!odfgate_signature_trusted(sig, c->schema, why, sizeof(why)))
            og_finding(c, OG_RULE_SIGNATURE_UNTRUSTED, OG_NONE, OG_NONE, 0, "%s is not trusted: %s",
                       who, why);
    }
    return 0;
}
