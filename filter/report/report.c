/* report.c — the format table and what every format shares (counts, pass/fail). */
#include "report/report.h"

#include "check/fingerprint.h"
#include "text/text.h"

static const og_report_format *const formats[] = {
    &og_report_text,  &og_report_json,   &og_report_jsonl, &og_report_sarif,
    &og_report_junit, &og_report_github, &og_report_gitlab};

/* Bytes at s that are printable ASCII: shown as they are, without decoding (most text). */
static size_t plain_run(const char *s)
{
    size_t k = 0;
    while ((unsigned char)s[k] >= 0x20 && (unsigned char)s[k] < 0x7f)
        k++;
    return k;
}

size_t odfgate_escape(const char *s, char *out, size_t n)
{
    size_t used = 0, k;
    const char *p = s;
    char esc[12];
    if (!out || n == 0)
        return 0;
    for (; p && *p; p += k) {
        const char *show = p;
        size_t len = k = plain_run(p);
        if (!k) {
            k = og_utf8_display_unit(p, esc);
            show = esc[0] ? esc : p;
            len = esc[0] ? strlen(esc) : k;
        } else if (used + len >= n) {
            k = len = n - 1 - used; /* a part of a plain run fits: it cuts nothing */
        }
        if (!len || used + len >= n)
            break; /* never cut an escape or a character */
        memcpy(out + used, show, len);
        used += len;
    }
    out[used] = '\0';
    return p ? (size_t)(p - s) : 0;
}

void odfgate_fput_safe(const char *s, FILE *out)
{
    char esc[12];
    size_t k;
    for (; s && *s; s += k) {
        if ((k = plain_run(s)) != 0) {
            fwrite(s, 1, k, out);
            continue;
        }
        k = og_utf8_display_unit(s, esc);
        if (esc[0])
            fputs(esc, out);
        else
            fwrite(s, 1, k, out);
    }
}

const char *odfgate_report_format_name(size_t i)
{
    return i < OG_ARRAY_LEN(formats) ? formats[i]->name : NULL;
}

odfgate_status odfgate_report_new(const char *format, FILE *out, const odfgate_report_options *opt,
                                  const odfgate_schema *schema, odfgate_report **rep,
                                  odfgate_error *err)
{
    OG_ERR_LOCAL(err);
    const og_report_format *fmt = NULL;
    odfgate_report *r;
    for (size_t i = 0; i < OG_ARRAY_LEN(formats); i++)
        if (format && strcmp(formats[i]->name, format) == 0)
            fmt = formats[i];
    if (!fmt)
        return og_fail(
            err, ODFGATE_E_USAGE, NULL, NULL,
            "unknown report format \"%s\" (known: text, json, jsonl, sarif, junit, github, gitlab)",
            format ? format : "");
    if (!(r = calloc(1, sizeof(*r))))
        return og_fail(err, ODFGATE_E_NOMEM, NULL, NULL, "out of memory");
    r->fmt = fmt;
    r->out = out;
    if (opt)
        r->opt = *opt;
    else
        r->opt.fail_on = ODFGATE_SEV_ERROR;
    r->schema = schema;
    flockfile(out); /* the formats write with unlocked stdio calls (jsonw.h) */
    fmt->begin(r);
    funlockfile(out);
    *rep = r;
    return ODFGATE_OK;
}

odfgate_severity og_report_level(const odfgate_report *rep, const odfgate_result *res)
{
    int own = odfgate_result_fail_on(res);
    return own >= 0 ? (odfgate_severity)own : rep->opt.fail_on;
}

int og_report_fails(const odfgate_report *rep, const odfgate_result *res, const odfgate_finding *f)
{
    odfgate_severity level = og_report_level(rep, res);
    return !f->suppressed && level != ODFGATE_SEV_OFF && f->severity >= level;
}

void odfgate_report_add_doc(odfgate_report *rep, const char *path, const odfgate_doc *doc,
                            const odfgate_result *res)
{
    odfgate_severity level = og_report_level(rep, res);
    int failed = level != ODFGATE_SEV_OFF && odfgate_result_max_severity(res) >= level;
    rep->documents++;
    if (failed)
        rep->failed++;
    else
        rep->passed++;
    for (size_t i = 0; i < odfgate_result_count(res); i++) {
        const odfgate_finding *f = odfgate_result_finding(res, i);
        if (f->suppressed)
            rep->suppressed++;
        else
            rep->findings[f->severity & 3]++;
    }
    flockfile(rep->out);
    rep->fmt->doc(rep, path, doc, res, failed);
    funlockfile(rep->out);
    rep->emitted++;
}

void odfgate_report_add_error(odfgate_report *rep, const char *path, const odfgate_error *error)
{
    rep->documents++;
    rep->errors++;
    flockfile(rep->out);
    rep->fmt->error(rep, path, error);
    funlockfile(rep->out);
    rep->emitted++;
}

int odfgate_report_end(odfgate_report *rep)
{
    flockfile(rep->out);
    rep->fmt->end(rep);
    funlockfile(rep->out);
    if (fflush(rep->out) != 0 || ferror(rep->out) || rep->broken)
        return -1;
    return 0;
}

void odfgate_report_free(odfgate_report *rep)
{
    if (rep && rep->fmt->free_state)
        rep->fmt->free_state(rep->state);
    else if (rep)
        free(rep->state);
    free(rep);
}
