/*
 * pipeline.c — gating one document, the policy the odfgate command (cli/batch.c,
 * cli/docsetup.c) and the LibreOffice filter (libreoffice/gate.c) share: which schema and
 * failure level apply, and open → check → links → waivers and configuration → failure level
 * → baseline.  A front end decides only how to report.
 */
#include "base/internal.h"

const char *odfgate_schema_choice(const char *option, const odfgate_config *cfg)
{
    return option ? option : odfgate_config_schema(cfg);
}

odfgate_status odfgate_schema_trust_choice(odfgate_schema *schema, const char *const *option,
                                           size_t n, const odfgate_config *cfg, odfgate_error *err)
{
    OG_ERR_LOCAL(err);
    odfgate_status st = ODFGATE_OK;
    const char *from_cfg = odfgate_config_trust(cfg);
    if (n == 0 && from_cfg)
        return odfgate_schema_add_trust(schema, from_cfg, err);
    for (size_t i = 0; i < n && st == ODFGATE_OK; i++)
        st = odfgate_schema_add_trust(schema, option[i], err);
    return st;
}

/* A level given that is no odfgate_severity counts as not given. */
static int is_level(int v) { return v >= ODFGATE_SEV_OFF && v <= ODFGATE_SEV_ERROR; }

odfgate_severity odfgate_fail_on_choice(int option, const odfgate_config *cfg)
{
    int v = is_level(option) ? option : odfgate_config_fail_on(cfg);
    return is_level(v) ? (odfgate_severity)v : ODFGATE_SEV_ERROR;
}

odfgate_status odfgate_gate_document(const char *path, const odfgate_gate *g, odfgate_doc **doc,
                                     odfgate_result **res, odfgate_error *err)
{
    OG_ERR_LOCAL(err);
    odfgate_status st;
    *doc = NULL;
    *res = NULL;
    st = odfgate_doc_open(path, g->limits, doc, err);
    if (st <= ODFGATE_WARN)
        st = odfgate_check_config(*doc, g->schema, g->cfg, res, err);
    if (st <= ODFGATE_WARN && g->links)
        st = odfgate_check_links(g->links, *doc, *res, err);
    if (st <= ODFGATE_WARN)
        st = odfgate_result_apply(*res, *doc, g->cfg, err);
    if (st > ODFGATE_WARN) {
        odfgate_result_free(*res);
        odfgate_doc_free(*doc);
        *res = NULL;
        *doc = NULL;
        return st;
    }
    odfgate_result_set_fail_on(*res, g->fail_on);
    if (g->baseline)
        odfgate_result_apply_baseline(*res, path, g->baseline);
    return st;
}

int odfgate_result_fails(const odfgate_result *res)
{
    int level = odfgate_result_fail_on(res);
    if (level < 0)
        level = ODFGATE_SEV_ERROR;
    return res && level != ODFGATE_SEV_OFF &&
           odfgate_result_max_severity(res) >= (odfgate_severity)level;
}
