/* fingerprint.c — a finding's fingerprint (check/fingerprint.h). */
#include "check/fingerprint.h"

#include "base/sha256.h"

void og_finding_fingerprint(const char *path, const odfgate_finding *f, char out[17])
{
    /* digits are left out of the message: counts and positions ("has 12 words", "first at
     * paragraph 7") change with edits elsewhere, the finding does not */
    char buf[2048], hex[65];
    size_t n =
        (size_t)snprintf(buf, sizeof(buf), "%s%c%s%c%s%c%s%c", path ? path : "", 0, f->rule, 0,
                         f->section ? f->section : "", 0, f->heading ? f->heading : "", 0);
    if (n >= sizeof(buf))
        n = sizeof(buf) - 1;
    for (const char *m = f->message; *m && n < sizeof(buf) - 1; m++)
        if (*m < '0' || *m > '9')
            buf[n++] = *m;
    og_sha256_hex(buf, n, hex);
    memcpy(out, hex, 16);
    out[16] = '\0';
}
