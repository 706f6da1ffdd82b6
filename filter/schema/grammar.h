/*
 * grammar.h — validation of a schema document against the schema format's RelaxNG grammar.
 */
#ifndef OG_SCHEMA_GRAMMAR_H
#define OG_SCHEMA_GRAMMAR_H

#include "base/internal.h"

#include <libxml/tree.h>

/* 0 if doc follows the grammar, else -1 with err filled (ODFGATE_E_SCHEMA naming what is
 * wrong and its line).  The grammar is compiled on first use (thread-safe). */
int og_schema_validate(xmlDocPtr doc, const char *path, odfgate_error *err);
/* Free the compiled grammar (odfgate_global_cleanup). */
void og_schema_global_cleanup(void);

#endif
