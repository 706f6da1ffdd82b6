/* error.c — error records and error code names (og_fail: base/internal.h). */
#include "base/internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const errcode_names[] = {
    [ODFGATE_E_NONE] = "none",
    [ODFGATE_E_IO] = "io",
    [ODFGATE_E_NOT_PACKAGE] = "not-odf-package",
    [ODFGATE_E_CORRUPT] = "corrupt-package",
    [ODFGATE_E_WRONG_TYPE] = "not-a-text-document",
    [ODFGATE_E_ENCRYPTED] = "encrypted",
    [ODFGATE_E_LIMIT] = "limit-exceeded",
    [ODFGATE_E_XML] = "xml-error",
    [ODFGATE_E_ENTITY] = "entity-refused",
    [ODFGATE_E_MISSING_PART] = "missing-part",
    [ODFGATE_E_SCHEMA] = "schema-error",
    [ODFGATE_E_USAGE] = "usage",
    [ODFGATE_E_NOMEM] = "out-of-memory",
    [ODFGATE_E_CONFIG] = "config-error",
    [ODFGATE_E_JSON] = "json-error",
    [ODFGATE_E_FETCH] = "fetch-failed",
    [ODFGATE_E_GIT] = "git-error",
    [ODFGATE_E_NOT_FOUND] = "not-found",
};

const char *odfgate_errcode_name(odfgate_errcode code)
{
    if ((size_t)code < OG_ARRAY_LEN(errcode_names) && errcode_names[code])
        return errcode_names[code];
    return "unknown";
}

void odfgate_error_clear(odfgate_error *err)
{
    OG_ERR_LOCAL(err);
    if (err)
        memset(err, 0, sizeof(*err));
}

void og_copy_safe(char *dst, size_t n, const char *src)
{
    size_t i = 0;
    if (n == 0)
        return;
    if (src) {
        for (; src[i] && i + 1 < n; i++) {
            unsigned char c = (unsigned char)src[i];
            dst[i] = (c < 0x20 || c == 0x7f) ? '?' : (char)c;
        }
        /* do not cut a UTF-8 sequence in half */
        if (src[i] && i > 0) {
            size_t j = i;
            while (j > 0 && ((unsigned char)dst[j - 1] & 0xC0) == 0x80)
                j--;
            if (j > 0 && ((unsigned char)dst[j - 1] & 0xC0) == 0xC0)
                i = j - 1;
        }
    }
    dst[i] = '\0';
}

odfgate_status og_fail(odfgate_error *err, odfgate_errcode code, const char *path, const char *part,
                       const char *fmt, ...)
{
    if (err) {
        char msg[sizeof(err->message)];
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(msg, sizeof(msg), fmt, ap);
        va_end(ap);
        err->code = code;
        og_copy_safe(err->path, sizeof(err->path), path ? path : "");
        og_copy_safe(err->part, sizeof(err->part), part ? part : "");
        og_copy_safe(err->message, sizeof(err->message), msg);
        err->line = 0;
    }
    return code == ODFGATE_E_NOMEM ? ODFGATE_FATAL : ODFGATE_FAILED;
}

void og_error_set_line(odfgate_error *err, long line)
{
    if (err)
        err->line = line;
}

char *og_strdup(const char *s) { return s ? strdup(s) : NULL; }
char *og_strndup(const char *s, size_t n) { return s ? strndup(s, n) : NULL; }
