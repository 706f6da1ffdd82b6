/* apply.c — odfgate_result_apply: waivers, then the configuration's rule severities. */
#include "check/result.h"
#include "check/waiver.h"

odfgate_status odfgate_result_apply(odfgate_result *res, const odfgate_doc *doc,
                                    const odfgate_config *cfg, odfgate_error *err)
{
    OG_ERR_LOCAL(err);
    size_t kept = 0, before;
    if (!res || !doc)
        return og_fail(err, ODFGATE_E_USAGE, NULL, NULL, "odfgate_result_apply: missing argument");
    before = res->count;
    if (og_waivers_apply(res, doc) < 0)
        return og_fail(err, ODFGATE_E_NOMEM, doc->path, NULL, "out of memory");
    for (size_t i = 0; i < res->count; i++) {
        odfgate_finding *f = &res->findings[i];
        int sev = odfgate_config_rule_severity(cfg, f->rule);
        if (sev == ODFGATE_SEV_OFF)
            continue; /* disabled by the configuration */
        if (sev > 0)
            f->severity = (odfgate_severity)sev;
        res->findings[kept++] = *f;
    }
    int added = res->count != before;
    res->count = kept;
    /* waiver findings were appended; removing keeps the order */
    if (added && og_result_order(res) < 0)
        return og_fail(err, ODFGATE_E_NOMEM, doc->path, NULL, "out of memory");
    og_result_recount(res);
    return ODFGATE_OK;
}
