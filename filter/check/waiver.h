/*
 * waiver.h — waivers written in a document: a comment whose text starts
 * "odfgate-waive RULE[, RULE…]: reason" waives those rules in the section it sits in
 * (docs/config.md).  The reader keeps such comments (doc->waivers); this module applies them.
 */
#ifndef OG_WAIVER_H
#define OG_WAIVER_H

#include "check/result.h"

/* Mark the findings that a waiver covers as suppressed ("waived: REASON"); add
 * waiver-invalid and waiver-unused findings (severities from the result's schema).
 * 0, or -1 on out-of-memory. */
int og_waivers_apply(odfgate_result *res, const odfgate_doc *doc);

#endif
