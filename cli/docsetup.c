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

int cli_doc_setup_for(const char *doc_path, const char *schema_opt, int use_config, int fail_on_opt,
                      cli_doc_setup *out)
{
    memset(out, 0, sizeof(*out));
    if (cli_config_for(doc_path, use_config, &out->cfg) != 0)
        return OG_EXIT_USAGE;
    out->fail_on = odfgate_fail_on_choice(fail_on_opt, out->cfg);
    if (cli_load_schema(odfgate_schema_choice(schema_opt, out->cfg), out->cfg, &out->schema) < 0) {
        cli_doc_setup_free(out);
        return OG_EXIT_USAGE;
    }
    return 0;
}

void cli_doc_setup_free(cli_doc_setup *s)
{
    odfgate_schema_free(s->schema);
    odfgate_config_free(s->cfg);
    memset(s, 0, sizeof(*s));
}
