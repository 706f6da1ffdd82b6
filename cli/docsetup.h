/* docsetup.h — what applies to one document, resolved the same way by every command that
 * needs a schema (check's batch plan, annotate, outline, new, signoff, signoffs):
 *   schema:  --schema, else the one the .odfgate.ini that applies names (unless --no-config),
 *            else the built-in common purpose framework;
 *   fail-on: --fail-on, else the configuration's, else error;
 *   rules:   the configuration's rule settings and the document's waivers.
 * The precedence and the gating steps are the library's (odfgate_schema_choice,
 * odfgate_fail_on_choice, odfgate_gate_document: filter/pipeline.c), which the LibreOffice
 * component uses too; docs/config.md is the user's description. */
#ifndef OG_DOCSETUP_H
#define OG_DOCSETUP_H

#include "odfgate.h"

typedef struct cli_doc_setup {
    odfgate_config *cfg; /* NULL: no file applies, or --no-config */
    odfgate_schema *schema;
    odfgate_severity fail_on; /* a finding at this severity or above fails the document */
} cli_doc_setup;

/* The configuration for doc_path (a document, or one about to be written; "-" is the working
 * directory's) unless !use_config.  0, or OG_EXIT_USAGE after printing the error. */
int cli_config_for(const char *doc_path, int use_config, odfgate_config **cfg);
/* The configuration, the schema (odfgate_schema_choice, loaded) and the failure level
 * (odfgate_fail_on_choice) for one document.  0, or OG_EXIT_USAGE after printing
 * the error (a bad configuration file, a schema that does not load). */
int cli_doc_setup_for(const char *doc_path, const char *schema_opt, int use_config, int fail_on_opt,
                      cli_doc_setup *out);
void cli_doc_setup_free(cli_doc_setup *s);

#endif
