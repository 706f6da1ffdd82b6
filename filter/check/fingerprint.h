/*
 * fingerprint.h — a finding's fingerprint: what baselines record and every report shows.
 */
#ifndef OG_FINGERPRINT_H
#define OG_FINGERPRINT_H

#include "base/internal.h"

/* A fingerprint of a finding stable under unrelated edits: rule, section, heading and message,
 * not positions (16 hex digits). */
void og_finding_fingerprint(const char *path, const odfgate_finding *f, char out[17]);

#endif
