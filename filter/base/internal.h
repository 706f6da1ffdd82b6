/*
 * internal.h — helpers shared by every libodfgate module.  Not installed.
 * Internal names use the og_ prefix and have hidden visibility (the build passes
 * -fvisibility=hidden; only ODFGATE_API names are exported).
 */
#ifndef OG_INTERNAL_H
#define OG_INTERNAL_H

#include "config.h"
#include "odfgate.h"

/* System headers first: banned.h must come after them. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/banned.h"

#define OG_ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

#if defined(__GNUC__)
#define OG_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define OG_PRINTF(f, a)
#endif

/* The one error convention inside the library (docs/layers.md):
 *  - a public function (odfgate_*) returns an odfgate_status and fills the caller's
 *    odfgate_error, which the caller may pass as NULL: it starts with OG_ERR_LOCAL(err), so
 *    that below it err is never NULL and out of memory is never lost;
 *  - an internal function returns int: 0 (or a count) on success, -1 on failure with *err
 *    filled by og_fail, whose code says what happened (ODFGATE_E_NOMEM: out of memory);
 *  - where an int failure becomes a status, og_status_of(err) decides: FATAL for out of
 *    memory, FAILED otherwise.
 * Helpers without an error record (og_buf_*, OG_VEC_*, og_arena_*) return their own small
 * codes (OG_BUF_NOMEM, -1/-2); their caller turns those into og_fail. */
#define OG_ERR_LOCAL(err)                                                                          \
    odfgate_error og_err_local_;                                                                   \
    og_err_local_.code = ODFGATE_E_NONE;                                                           \
    if (!(err))                                                                                    \
    (err) = &og_err_local_

/* The status of a failure recorded in err: ODFGATE_FATAL for out of memory, else FAILED. */
static inline odfgate_status og_status_of(const odfgate_error *err)
{
    return err && err->code == ODFGATE_E_NOMEM ? ODFGATE_FATAL : ODFGATE_FAILED;
}

/* Fill err (if non-NULL): code, path, part and a printf-style message.  Control characters
 * in all strings are replaced by '?', so messages are safe on a terminal.  Returns
 * ODFGATE_FAILED (ODFGATE_FATAL for ODFGATE_E_NOMEM) for use in `return og_fail(...)`. */
odfgate_status og_fail(odfgate_error *err, odfgate_errcode code, const char *path, const char *part,
                       const char *fmt, ...) OG_PRINTF(5, 6);
/* Set only the line number of an already-filled error. */
void og_error_set_line(odfgate_error *err, long line);

/* Copy src into dst (size n), truncating on a UTF-8 boundary, always NUL-terminated;
 * control characters become '?'. */
void og_copy_safe(char *dst, size_t n, const char *src);

/* Allocation that never returns NULL silently: callers check and report ODFGATE_E_NOMEM. */
char *og_strdup(const char *s);
char *og_strndup(const char *s, size_t n);

#endif
