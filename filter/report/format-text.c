/*
 * format-text.c — the human format:  PATH: SEVERITY: [SECTION] MESSAGE (RULE-ID)
 * Unreadable inputs:          PATH: error: MESSAGE (ERROR-CODE)
 * and a summary line.  Colour (ANSI) only when the caller asks (a terminal, no NO_COLOR).
 */
#include "report/report.h"

static const char *const colours[] = {"", "\033[36m", "\033[33m", "\033[1;31m"};

static void severity(odfgate_report *rep, odfgate_severity sev)
{
    if (rep->opt.color)
        fprintf(rep->out, "%s%s\033[0m", colours[sev & 3], odfgate_severity_name(sev));
    else
        fputs(odfgate_severity_name(sev), rep->out);
}

static void text_begin(odfgate_report *rep) { (void)rep; }

static void text_doc(odfgate_report *rep, const char *path, const odfgate_doc *doc,
                     const odfgate_result *res, int failed)
{
    (void)doc;
    (void)failed;
    for (size_t i = 0; i < odfgate_result_count(res); i++) {
        const odfgate_finding *f = odfgate_result_finding(res, i);
        if (rep->opt.quiet && !og_report_fails(rep, res, f))
            continue;
        odfgate_fput_safe(path, rep->out);
        fputs(": ", rep->out);
        severity(rep, f->severity);
        fputs(": ", rep->out);
        if (f->section) {
            fputc('[', rep->out);
            odfgate_fput_safe(f->section, rep->out);
            fputs("] ", rep->out);
        }
        odfgate_fput_safe(f->message, rep->out);
        fprintf(rep->out, " (%s)", f->rule);
        if (f->suppressed) {
            fputs(" [", rep->out);
            odfgate_fput_safe(f->suppressed, rep->out);
            fputc(']', rep->out);
        }
        fputc('\n', rep->out);
    }
}

static void text_error(odfgate_report *rep, const char *path, const odfgate_error *err)
{
    odfgate_fput_safe(path, rep->out);
    fputs(": ", rep->out);
    severity(rep, ODFGATE_SEV_ERROR);
    fputs(": ", rep->out);
    odfgate_fput_safe(err->message[0] ? err->message : "cannot be read", rep->out);
    fprintf(rep->out, " (%s)\n", odfgate_errcode_name(err->code));
}

static const char *plural(size_t n, const char *one, const char *many)
{
    return n == 1 ? one : many;
}

static void text_end(odfgate_report *rep)
{
    fprintf(rep->out, "%zu %s checked: %zu passed, %zu failed, %zu unreadable; ", rep->documents,
            plural(rep->documents, "document", "documents"), rep->passed, rep->failed, rep->errors);
    fprintf(rep->out, "%zu %s, %zu %s, %zu info", rep->findings[ODFGATE_SEV_ERROR],
            plural(rep->findings[ODFGATE_SEV_ERROR], "error", "errors"),
            rep->findings[ODFGATE_SEV_WARNING],
            plural(rep->findings[ODFGATE_SEV_WARNING], "warning", "warnings"),
            rep->findings[ODFGATE_SEV_INFO]);
    if (rep->suppressed)
        fprintf(rep->out, "; %zu suppressed (waived or in the baseline)", rep->suppressed);
    fputc('\n', rep->out);
}

const og_report_format og_report_text = {"text", text_begin, text_doc, text_error, text_end, NULL};
