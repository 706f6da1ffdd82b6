/* docsetup.h — what applies to one document, resolved the same way by every command that
 * needs a schema (check's batch plan, annotate, outline, new, signoff, signoffs):
 *   schema:  --schema, else the one the .odfgate.ini that applies names (unless --no-config),
 *            else the built-in common purpose framework;
 *   fail-on: --fail-on, else the configuration's, else error;
 *   rules:   the configuration's rule settings and the document's waivers (cli_doc_apply).
 * docs/config.md is the user's description; the LibreOffice component follows the same
 * precedence (filter/libreoffice/gate.c, og_lo_schema). */
#ifndef OG_DOCSETUP_H
#define OG_DOCSETUP_H

#include "odfgate.h"

typedef struct cli_doc_setup {
    odfgate_config *cfg;      /* NULL: no file applies, or --no-config */
    odfgate_schema *schema;
    odfgate_severity fail_on; /* a finding at this severity or above fails the document */
} cli_doc_setup;

/* The configuration for doc_path (a document, or one about to be written; "-" is the working
 * directory's) unless !use_config.  0, or OG_EXIT_USAGE after printing the error. */
int cli_config_for(const char *doc_path, int use_config, odfgate_config **cfg);
/* The schema to use: the option, else the configuration's, else NULL (the built-in one). */
const char *cli_schema_choice(const char *schema_opt, const odfgate_config *cfg);
/* fail_on_opt (< 0: not given), else the configuration's, else ODFGATE_SEV_ERROR. */
odfgate_severity cli_fail_on_choice(int fail_on_opt, const odfgate_config *cfg);

/* Everything above for one document, the schema loaded.  0, or OG_EXIT_USAGE after printing
 * the error (a bad configuration file, a schema that does not load). */
int cli_doc_setup_for(const char *doc_path, const char *schema_opt, int use_config,
                      int fail_on_opt, cli_doc_setup *out);
/* Waivers and the configuration's rule settings on a check result, as check applies them;
 * 0, or OG_EXIT_UNREADABLE after printing the error. */
int cli_doc_apply(const cli_doc_setup *s, odfgate_result *res, const odfgate_doc *doc);
/* 1 if res holds a finding at or above s->fail_on (not suppressed). */
int cli_doc_fails(const cli_doc_setup *s, const odfgate_result *res);
void cli_doc_setup_free(cli_doc_setup *s);

/* The --no-config option every such command takes. */
#define CLI_NO_CONFIG_LONGOPT {"no-config", no_argument, NULL, CLI_OPT_NO_CONFIG}
#define CLI_OPT_NO_CONFIG 'N'
#define CLI_NO_CONFIG_HELP "      --no-config     ignore .odfgate.ini files (docs/config.md)\n"

#endif
