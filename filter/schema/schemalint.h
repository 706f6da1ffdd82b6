/*
 * schemalint.h — say what is wrong in a schema file the grammar refused, in the words of the
 * file: the first element or attribute the grammar does not know where it stands, or the first
 * value outside an attribute's list, with its line and the nearest valid name ("line 4: <section>
 * has no attribute 'heding' (did you mean 'heading'?)").  libxml2's RelaxNG messages name the
 * wrong place ("Extra element sections in interleave", line 0) for exactly these mistakes.
 * The vocabulary is read from the grammar itself (filter/odfgate-schema.rng), so the two never
 * drift.
 */
#ifndef OG_SCHEMALINT_H
#define OG_SCHEMALINT_H

#include "base/internal.h"

#include <libxml/tree.h>

/* 1 with err filled (ODFGATE_E_SCHEMA, the line set) when such a mistake is found in doc, else
 * 0: the grammar's own message is then the best there is.  rng is the grammar's text. */
int og_schema_lint(xmlDocPtr doc, const char *rng, size_t rng_len, const char *path,
                   odfgate_error *err);
/* Free the vocabulary (odfgate_global_cleanup). */
void og_schema_lint_cleanup(void);

#endif
