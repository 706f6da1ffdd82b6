/*
 * signoff.c — the signoff-* rules: every record of the document verified against the current
 * text (odfgate_signoffs_read) and the schema's signatories and quorum.  Nothing is checked
 * when the schema names no signatories.
 */
#include "rules.h"

#include "signoff.h"

static void list_changed(const odfgate_signoff *r, const odfgate_schema *s, char *out, size_t n)
{
    size_t at = 0;
    out[0] = '\0';
    for (size_t i = 0; i < r->changed_count && at < n; i++) {
        const char *heading = r->changed[i];
        for (size_t k = 0; k < s->section_count; k++)
            if (strcmp(s->sections[k].id, r->changed[i]) == 0)
                heading = s->sections[k].heading;
        at += (size_t)snprintf(out + at, n - at, "%s\"%s\" (%s)", i ? ", " : "", heading, r->changed[i]);
    }
    if (r->changed_outside && at < n)
        snprintf(out + at, n - at, "text outside the schema's sections");
}

int og_rules_signoff(og_check *c)
{
    const odfgate_schema *s = c->schema;
    odfgate_signoffs *so = NULL;
    odfgate_error err;
    size_t approvals = 0;
    char changed[600];

    if (s->signatory_count == 0)
        return 0;
    if (odfgate_signoffs_read(c->doc, s, &so, &err) != ODFGATE_OK)
        return -1;
    /* while drafting, tracked changes are normal; once someone has signed they are not */
    if (c->doc->tracked_changes && odfgate_signoffs_count(so) > 0)
        og_finding(c, "signoff-pending-changes", OG_NONE, OG_NONE, 0,
                   "%u unresolved tracked change%s in a signed document: accept or reject them "
                   "and sign off again",
                   c->doc->tracked_changes, c->doc->tracked_changes == 1 ? "" : "s");
    for (size_t i = 0; i < odfgate_signoffs_count(so); i++) {
        const odfgate_signoff *r = odfgate_signoffs_at(so, i);
        switch (r->state) {
        case ODFGATE_SIGNOFF_MALFORMED:
            og_finding(c, "signoff-malformed", OG_NONE, OG_NONE, 0, "sign-off %s cannot be read: %s",
                       r->property, r->problem);
            continue;
        case ODFGATE_SIGNOFF_UNKNOWN:
            og_finding(c, "signoff-unknown", OG_NONE, OG_NONE, 0,
                       "sign-off by \"%s\" for signatory \"%s\", which the schema does not list", r->by,
                       r->signatory);
            continue;
        case ODFGATE_SIGNOFF_STALE:
            list_changed(r, s, changed, sizeof(changed));
            og_finding(c, "signoff-stale", OG_NONE, OG_NONE, 0,
                       "the sign-off of %s (by %s, %s) is stale: changed since: %s", r->signatory,
                       r->by, r->at, changed);
            break;
        case ODFGATE_SIGNOFF_VALID:
            if (strcmp(r->decision, "approved") == 0)
                approvals++;
            break;
        }
        if (strcmp(r->decision, "rejected") == 0)
            og_finding(c, "signoff-rejected", OG_NONE, OG_NONE, 0, "%s rejected this %s (by %s, %s)",
                       r->signatory, r->state == ODFGATE_SIGNOFF_STALE ? "text (an earlier version)" : "text",
                       r->by, r->at);
        if (r->future)
            og_finding(c, "signoff-future-date", OG_NONE, OG_NONE, 0,
                       "the sign-off of %s is dated in the future (%s)", r->signatory, r->at);
    }
    for (size_t k = 0; k < s->signatory_count; k++) {
        int found = 0;
        for (size_t i = 0; i < odfgate_signoffs_count(so); i++) {
            const odfgate_signoff *r = odfgate_signoffs_at(so, i);
            found |= strcmp(r->signatory, s->signatories[k].id) == 0 && r->state != ODFGATE_SIGNOFF_MALFORMED;
        }
        if (!found)
            og_finding(c, "signoff-missing", OG_NONE, OG_NONE, 0, "no sign-off from %s (%s)",
                       s->signatories[k].name, s->signatories[k].id);
    }
    if (s->quorum < s->signatory_count && approvals < s->quorum)
        og_finding(c, "signoff-quorum", OG_NONE, OG_NONE, 0,
                   "%zu valid approval%s; the schema requires %zu of %zu signatories", approvals,
                   approvals == 1 ? "" : "s", s->quorum, s->signatory_count);
    odfgate_signoffs_free(so);
    return 0;
}
