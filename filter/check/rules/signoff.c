/*
 * signoff.c — the signoff-* rules: every record of the document verified against the current
 * text (odfgate_signoffs_read) and the schema's signatories and quorum.  Nothing is checked
 * when the schema names no signatories.
 */
#include "check/rules/rules.h"

#include "schema/registry.h"
#include "schema/trust.h"
#include "check/signoff.h"
#include "text/text.h"

/* 1 if folded(s) equals key. -1 on out of memory. */
static int folded_equals(const char *s, const char *key)
{
    og_buf b;
    int eq;
    og_buf_init(&b, 1u << 16);
    if (og_text_fold(s, strlen(s), &b) != OG_BUF_OK) {
        og_buf_free(&b);
        return -1;
    }
    eq = strcmp(b.data ? b.data : "", key) == 0;
    og_buf_free(&b);
    return eq;
}

static void list_roles(const og_signer *g, char *out, size_t n)
{
    size_t at = 0;
    out[0] = '\0';
    for (size_t i = 0; i < g->role_count && at < n; i++)
        at += (size_t)snprintf(out + at, n - at, "%s%s", i ? ", " : "", g->roles[i]);
}

/* The findings recorded since `before` (their rules may be off: then none) are about the
 * sign-off of signatory `id` (borrowed: the schema's, or the record's, which the result
 * keeps): they name it in their signatories. */
static void about(og_check *c, size_t before, const char *id)
{
    const char **ids;
    if (c->res->count <= before)
        return;
    if (!(ids = og_arena_alloc(&c->res->arena, sizeof(*ids)))) {
        c->nomem = 1;
        return;
    }
    ids[0] = id;
    for (size_t i = before; i < c->res->count; i++) {
        c->res->findings[i].signatories = ids;
        c->res->findings[i].signatory_count = 1;
    }
}

/* signoff-unauthorized: the signer (and role) must be listed for the signatory. */
static int check_authorised(og_check *c, const odfgate_signoff *r)
{
    const og_registry_entry *e = og_registry_find(c->schema, r->signatory);
    const og_signer *g = NULL;
    char roles[300];
    if (!e) {
        og_finding(
            c, OG_RULE_SIGNOFF_UNAUTHORIZED, OG_NONE, OG_NONE, 0,
            "sign-off for %s by \"%s\": the signatory registry lists no authorised signers for %s",
            r->signatory, r->by, r->signatory);
        return 0;
    }
    for (size_t i = 0; i < e->signer_count && !g; i++) {
        int eq = folded_equals(r->by, e->signers[i].key);
        if (eq < 0)
            return -1;
        if (eq)
            g = &e->signers[i];
    }
    if (!g) {
        og_finding(c, OG_RULE_SIGNOFF_UNAUTHORIZED, OG_NONE, OG_NONE, 0,
                   "sign-off for %s by \"%s\", who is not an authorised signer for %s in the "
                   "signatory registry",
                   r->signatory, r->by, r->signatory);
        return 0;
    }
    if (g->role_count == 0)
        return 0;
    for (size_t i = 0; r->role && i < g->role_count; i++) {
        int eq = folded_equals(r->role, g->role_keys[i]);
        if (eq != 0)
            return eq < 0 ? -1 : 0;
    }
    list_roles(g, roles, sizeof(roles));
    og_finding(
        c, OG_RULE_SIGNOFF_UNAUTHORIZED, OG_NONE, OG_NONE, 0,
        "sign-off for %s by \"%s\" %s%s%s: the signatory registry authorises them only as %s",
        r->signatory, r->by, r->role ? "as \"" : "without a role", r->role ? r->role : "",
        r->role ? "\"" : "", roles);
    return 0;
}

static void list_changed(const odfgate_signoff *r, const odfgate_schema *s, char *out, size_t n)
{
    size_t at = 0;
    out[0] = '\0';
    for (size_t i = 0; i < r->changed_count && at < n; i++) {
        const char *heading = r->changed[i];
        for (size_t k = 0; k < s->section_count; k++)
            if (strcmp(s->sections[k].id, r->changed[i]) == 0)
                heading = s->sections[k].heading;
        at += (size_t)snprintf(out + at, n - at, "%s\"%s\" (%s)", i ? ", " : "", heading,
                               r->changed[i]);
    }
    if (r->changed_outside && at < n)
        snprintf(out + at, n - at, "text outside the schema's sections");
}

/* signoff-missing: ONE finding for all the signatories who have not signed (six warnings on
 * every unsigned draft hid everything else), naming them, with their ids on the finding. */
static int missing_signoffs(og_check *c, const odfgate_signoffs *so)
{
    const odfgate_schema *s = c->schema;
    const char **ids = og_arena_zalloc(&c->res->arena, (s->signatory_count + 1) * sizeof(char *));
    size_t n = 0, before = c->res->count;
    og_buf names;
    if (!ids)
        return -1;
    og_buf_init(&names, 1u << 16);
    for (size_t k = 0; k < s->signatory_count; k++) {
        int found = 0;
        for (size_t i = 0; i < odfgate_signoffs_count(so); i++) {
            const odfgate_signoff *r = odfgate_signoffs_at(so, i);
            found |= strcmp(r->signatory, s->signatories[k].id) == 0 &&
                     r->state != ODFGATE_SIGNOFF_MALFORMED;
        }
        if (found)
            continue;
        ids[n++] = s->signatories[k].id;
        og_buf_printf(&names, "%s%s (%s)", n > 1 ? ", " : "", s->signatories[k].name,
                      s->signatories[k].id);
    }
    if (n == 1)
        og_finding(c, OG_RULE_SIGNOFF_MISSING, OG_NONE, OG_NONE, 0, "no sign-off from %s",
                   names.data ? names.data : "");
    else if (n > 1)
        og_finding(c, OG_RULE_SIGNOFF_MISSING, OG_NONE, OG_NONE, 0,
                   "no sign-off from %zu of %zu signatories: %s", n, s->signatory_count,
                   names.data ? names.data : "");
    og_buf_free(&names);
    if (n && c->res->count > before) { /* recorded (the rule may be off) */
        c->res->findings[c->res->count - 1].signatories = ids;
        c->res->findings[c->res->count - 1].signatory_count = n;
    }
    return 0;
}

/* A sign-off backed by a signature that verifies and signs every stream. */
static int soundly_signed(const odfgate_signoff *r)
{
    return r->signature && r->signature->valid && r->signature->uncovered_count == 0;
}

/* signature-signatory-mismatch: a valid signature speaks for a signatory only with a
 * certificate the registry lists for it (no registry: nothing to bind against). */
static void check_binding(og_check *c, const odfgate_signoff *r)
{
    const og_registry_entry *e;
    const odfgate_signature *sig = r->signature;
    if (!sig || !sig->valid || !c->schema->registry_href || r->state == ODFGATE_SIGNOFF_MALFORMED)
        return;
    e = og_registry_find(c->schema, r->signatory);
    for (size_t i = 0; e && i < e->cert_count; i++)
        if (og_trust_rule_matches(c->schema, &e->certs[i], sig))
            return;
    og_finding(c, OG_RULE_SIGNATURE_SIGNATORY_MISMATCH, OG_NONE, OG_NONE, 0,
               "the signature on %s's sign-off (by \"%s\") is made with a certificate the "
               "signatory registry does not register for %s (subject %s, SHA-256 %s)",
               r->signatory, r->by ? r->by : "", r->signatory, sig->subject ? sig->subject : "none",
               sig->fingerprint ? sig->fingerprint : "none");
}

/* signoff-unsigned: with require-signature, each signatory that signed off needs a record in
 * a sound signature. */
static void require_signatures(og_check *c, const odfgate_signoffs *so)
{
    const odfgate_schema *s = c->schema;
    for (size_t k = 0; s->require_signature && k < s->signatory_count; k++) {
        const odfgate_signoff *first = NULL;
        int ok = 0;
        for (size_t i = 0; i < odfgate_signoffs_count(so); i++) {
            const odfgate_signoff *r = odfgate_signoffs_at(so, i);
            if (strcmp(r->signatory, s->signatories[k].id) != 0 ||
                r->state == ODFGATE_SIGNOFF_MALFORMED)
                continue;
            first = first ? first : r;
            ok |= soundly_signed(r);
        }
        size_t before = c->res->count;
        if (first && !ok)
            og_finding(c, OG_RULE_SIGNOFF_UNSIGNED, OG_NONE, OG_NONE, 0,
                       "the sign-off of %s (by %s) has no valid ODF signature, and the schema "
                       "requires signed sign-offs: odfgate signoff %s --as %s --by \"%s\" --sign "
                       "--key KEY --cert CERT --in-place",
                       s->signatories[k].id, first->by ? first->by : "?",
                       c->doc->path ? c->doc->path : "FILE", s->signatories[k].id,
                       first->by ? first->by : "NAME");
        about(c, before, s->signatories[k].id);
    }
}

/* The findings about one record (none for a valid approval by an authorised signer).
 * 0, or -1 on out of memory. */
static int check_record(og_check *c, const odfgate_signoff *r)
{
    const odfgate_schema *s = c->schema;
    char changed[600];
    switch (r->state) {
    case ODFGATE_SIGNOFF_MALFORMED:
        og_finding(c, OG_RULE_SIGNOFF_MALFORMED, OG_NONE, OG_NONE, 0,
                   "sign-off %s cannot be read: %s", r->property, r->problem);
        return 0;
    case ODFGATE_SIGNOFF_UNKNOWN:
        og_finding(c, OG_RULE_SIGNOFF_UNKNOWN, OG_NONE, OG_NONE, 0,
                   "sign-off by \"%s\" for signatory \"%s\", which the schema does not list", r->by,
                   r->signatory);
        return 0;
    case ODFGATE_SIGNOFF_STALE:
        list_changed(r, s, changed, sizeof(changed));
        /* what changed, and what to do about it */
        og_finding(c, OG_RULE_SIGNOFF_STALE, OG_NONE, OG_NONE, 0,
                   "the sign-off of %s (by %s, %s) is stale: changed since: %s; to see what "
                   "changed: odfgate diff --since-signoff %s %s; to approve this text: odfgate "
                   "signoff %s --as %s --by \"%s\" --in-place",
                   r->signatory, r->by, r->at, changed, r->signatory,
                   c->doc->path ? c->doc->path : "FILE", c->doc->path ? c->doc->path : "FILE",
                   r->signatory, r->by);
        break;
    case ODFGATE_SIGNOFF_VALID: break;
    }
    check_binding(c, r);
    if (c->schema->registry_href && check_authorised(c, r) < 0)
        return -1;
    if (strcmp(r->decision, "rejected") == 0)
        og_finding(c, OG_RULE_SIGNOFF_REJECTED, OG_NONE, OG_NONE, 0,
                   "%s rejected this %s (by %s, %s)", r->signatory,
                   r->state == ODFGATE_SIGNOFF_STALE ? "text (an earlier version)" : "text", r->by,
                   r->at);
    if (r->future)
        og_finding(c, OG_RULE_SIGNOFF_FUTURE_DATE, OG_NONE, OG_NONE, 0,
                   "the sign-off of %s is dated in the future (%s)", r->signatory, r->at);
    return 0;
}

int og_rules_signoff(og_check *c)
{
    const odfgate_schema *s = c->schema;
    odfgate_signoffs *so = NULL;
    odfgate_error err;
    size_t approvals;

    if (s->signatory_count == 0)
        return 0;
    if (odfgate_signoffs_read(c->doc, s, &so, &err) != ODFGATE_OK)
        return -1;
    c->res->signoffs = so; /* the result keeps them (odfgate_result_signoffs) */
    /* while drafting, tracked changes are normal; once someone has signed they are not */
    if (c->doc->tracked_changes && odfgate_signoffs_count(so) > 0)
        og_finding(c, OG_RULE_SIGNOFF_PENDING_CHANGES, OG_NONE, OG_NONE, 0,
                   "%u unresolved tracked change%s in a signed document: accept or reject them "
                   "and sign off again",
                   c->doc->tracked_changes, c->doc->tracked_changes == 1 ? "" : "s");
    for (size_t i = 0; i < odfgate_signoffs_count(so); i++) {
        const odfgate_signoff *r = odfgate_signoffs_at(so, i);
        size_t before = c->res->count;
        if (check_record(c, r) < 0)
            return -1;
        if (r->signatory[0])
            about(c, before, r->signatory);
    }
    require_signatures(c, so);
    if (missing_signoffs(c, so) < 0)
        return -1;
    /* one approval per signatory, as odfgate status counts them (check/signatory.c): under
     * require-signature only signed ones, never one in a signature that does not verify */
    if (s->quorum < s->signatory_count &&
        (approvals = odfgate_signoffs_approvals(so, s)) < s->quorum)
        og_finding(c, OG_RULE_SIGNOFF_QUORUM, OG_NONE, OG_NONE, 0,
                   "%zu valid approval%s; the schema requires %zu of %zu signatories", approvals,
                   approvals == 1 ? "" : "s", s->quorum, s->signatory_count);
    return 0;
}
