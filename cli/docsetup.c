/* docsetup.c — the schema, fail-on and rule settings of one document (see docsetup.h). */
#include "docsetup.h"

#include "args.h"
#include "cli.h"
#include "fetchopts.h"

#include <string.h>

int cli_config_for(const char *doc_path, int use_config, odfgate_config **cfg)
{
    odfgate_error err;
    *cfg = NULL;
    if (!use_config)
        return 0;
    odfgate_error_clear(&err);
    if (odfgate_config_for(doc_path, cfg, &err) != ODFGATE_OK) {
        cli_config_error(&err);
        return OG_EXIT_USAGE;
    }
    return 0;
}

const char *cli_schema_choice(const char *schema_opt, const odfgate_config *cfg)
{
    return schema_opt ? schema_opt : odfgate_config_schema(cfg);
}

odfgate_severity cli_fail_on_choice(int fail_on_opt, const odfgate_config *cfg)
{
    int v = fail_on_opt >= 0 ? fail_on_opt : odfgate_config_fail_on(cfg);
    return v >= 0 ? (odfgate_severity)v : ODFGATE_SEV_ERROR;
}

int cli_doc_setup_for(const char *doc_path, const char *schema_opt, int use_config,
                      int fail_on_opt, cli_doc_setup *out)
{
    memset(out, 0, sizeof(*out));
    if (cli_config_for(doc_path, use_config, &out->cfg) != 0)
        return OG_EXIT_USAGE;
    out->fail_on = cli_fail_on_choice(fail_on_opt, out->cfg);
    if (cli_load_schema(cli_schema_choice(schema_opt, out->cfg), &out->schema) < 0) {
        cli_doc_setup_free(out);
        return OG_EXIT_USAGE;
    }
    return 0;
}

int cli_doc_apply(const cli_doc_setup *s, odfgate_result *res, const odfgate_doc *doc)
{
    odfgate_error err;
    odfgate_error_clear(&err);
    if (odfgate_result_apply(res, doc, s->cfg, &err) != ODFGATE_OK) {
        cli_error("%s: %s (%s)", odfgate_doc_path(doc), err.message, odfgate_errcode_name(err.code));
        return OG_EXIT_UNREADABLE;
    }
    odfgate_result_set_fail_on(res, s->fail_on);
    return 0;
}

int cli_doc_fails(const cli_doc_setup *s, const odfgate_result *res)
{
    return s->fail_on != ODFGATE_SEV_OFF && res && odfgate_result_max_severity(res) >= s->fail_on;
}

void cli_doc_setup_free(cli_doc_setup *s)
{
    odfgate_schema_free(s->schema);
    odfgate_config_free(s->cfg);
    memset(s, 0, sizeof(*s));
}
