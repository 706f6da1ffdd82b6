/*
 * result.h — the state shared by the rule families while one document is checked, and the
 * result they fill.  check.c runs the families in order (sections first: it matches
 * headings to schema sections, which the others use).
 */
#ifndef OG_CHECK_H
#define OG_CHECK_H

#include "base/arena.h"
#include "read/model.h"
#include "schema/schema.h"
#include "text/text.h"
#include "base/vec.h"

struct odfgate_result {
    og_arena arena;
    odfgate_finding *findings;
    size_t count, cap;
    const char **heading_section; /* per document heading: schema section id or NULL */
    size_t heading_count;
    odfgate_severity max;         /* highest severity of the findings not suppressed */
    const odfgate_schema *schema; /* checked against (borrowed; severities of later findings) */
    int fail_on;                  /* odfgate_result_set_fail_on, -1: the report's */
    odfgate_signoffs *signoffs;   /* read by the sign-off rules (NULL: no signatories); owned */
};

/* Room for one more finding at res->findings[res->count], zeroed (count not changed); NULL on
 * out of memory. */
odfgate_finding *og_result_slot(odfgate_result *res);
/* Append a finding (message copied; section and heading borrowed from the schema/document).
 * A severity of OFF adds nothing.  0, or -1 on out-of-memory.  The caller re-orders with
 * og_result_order when it adds after odfgate_check. */
int og_result_add(odfgate_result *res, og_rule rule, odfgate_severity sev, const char *section,
                  const char *heading, uint32_t paragraph, const char *msg);
/* Put findings in the documented order: paragraph, then rule (table order); stable. */
int og_result_order(odfgate_result *res);
/* Recompute the highest severity over the findings not suppressed. */
void og_result_recount(odfgate_result *res);

typedef struct og_check {
    const odfgate_doc *doc;
    const odfgate_schema *schema;
    odfgate_result *res;
    size_t *heading_match;   /* document heading → schema section index, OG_NONE if none */
    size_t *section_heading; /* schema section → its first visible heading, OG_NONE if absent */
    size_t *para_heading;    /* paragraph index → innermost enclosing heading, OG_NONE */
    size_t *para_section;    /* paragraph index → innermost enclosing matched section, OG_NONE */
    const char **folded;     /* paragraph index → og_text_fold(text), lazily built */
    size_t *folded_len;
    og_trigrams *grams;         /* paragraph index → og_trigrams_of its folded text, */
    unsigned char *have_grams;  /* lazily built (1 once set) */
    unsigned char *placeholder; /* paragraph index → 0 not looked at, 1 has no placeholder, 2 has
                                 * one (rules/phrases.c) */
    const odfgate_config *cfg;  /* the document's configuration, or NULL */
    int nomem;
} og_check;

/* A rule's severity for this check: the schema's, or, where the schema leaves the rule off,
 * the configuration's (so that .odfgate.ini can turn an opt-in family on). */
odfgate_severity og_check_severity(const og_check *c, og_rule rule);

/* Record a finding.  The severity is the schema's for `rule` (a rule set to "off" records
 * nothing); `section` is a schema section index or OG_NONE; `heading` a document heading
 * index or OG_NONE; paragraph an ordinal or 0.  On out-of-memory sets c->nomem. */
void og_finding(og_check *c, og_rule rule, size_t section, size_t heading, uint32_t paragraph,
                const char *fmt, ...) OG_PRINTF(6, 7);
/* Same with an explicit severity (for rules whose severity depends on the schema). */
void og_finding_sev(og_check *c, og_rule rule, odfgate_severity sev, size_t section, size_t heading,
                    uint32_t paragraph, const char *fmt, ...) OG_PRINTF(7, 8);

/* Record a finding at body paragraph `para` (1-based; past the last: at the last; 0: the
 * document as a whole), in the section and under the heading that paragraph is in. */
void og_finding_at(og_check *c, og_rule rule, uint32_t para, const char *fmt, ...) OG_PRINTF(4, 5);

/* Folded text of paragraph index i (og_text_fold), cached.  NULL on out-of-memory. */
const char *og_check_folded(og_check *c, uint32_t i, size_t *len);
/* Word-start summary of that folded text (og_trigrams_of), cached.  ASCII paragraphs are not
 * folded for it (og_trigrams_of_plain): they are folded only once a phrase passes this filter.
 * NULL on out-of-memory. */
const og_trigrams *og_check_grams(og_check *c, uint32_t i);

#endif
