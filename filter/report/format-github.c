/*
 * format-github.c — GitHub Actions workflow commands (::error file=…,line=…,title=…::msg),
 * escaped as GitHub requires (data: % CR LF; properties also : and ,), other controls and bidi
 * controls shown as <U+XXXX> (odfgate_escape), and, when
 * $GITHUB_STEP_SUMMARY names a file, a Markdown summary appended to it.
 */
#include "report/report.h"

#include "text/text.h"

static void escape(FILE *o, const char *s, int property)
{
    char esc[12];
    size_t k;
    for (; s && *s; s += k) {
        unsigned char c = (unsigned char)*s;
        k = og_utf8_display_unit(s, esc);
        if (c == '%' || c == '\r' || c == '\n' || (property && (c == ':' || c == ',')))
            fprintf(o, "%%%02X", c);
        else if (esc[0])
            fputs(esc, o); /* other controls, bidi controls, bytes that are not UTF-8 */
        else
            fwrite(s, 1, k, o);
    }
}

static const char *command(odfgate_severity s)
{
    return s == ODFGATE_SEV_ERROR ? "error" : s == ODFGATE_SEV_WARNING ? "warning" : "notice";
}

static void github_begin(odfgate_report *rep) { (void)rep; }

static void github_doc(odfgate_report *rep, const char *path, const odfgate_doc *doc,
                       const odfgate_result *res, int failed)
{
    (void)doc;
    (void)failed;
    for (size_t i = 0; i < odfgate_result_count(res); i++) {
        const odfgate_finding *f = odfgate_result_finding(res, i);
        if (f->suppressed)
            continue; /* waived or in the baseline: no annotation */
        fprintf(rep->out, "::%s file=", command(f->severity));
        escape(rep->out, path, 1);
        fprintf(rep->out, ",line=%u,title=", f->paragraph ? f->paragraph : 1);
        escape(rep->out, f->rule, 1);
        fputs("::", rep->out);
        if (f->section) {
            fputc('[', rep->out);
            escape(rep->out, f->section, 0);
            fputs("] ", rep->out);
        }
        escape(rep->out, f->message, 0);
        fputc('\n', rep->out);
    }
}

static void github_error(odfgate_report *rep, const char *path, const odfgate_error *err)
{
    fputs("::error file=", rep->out);
    escape(rep->out, path, 1);
    fputs(",title=", rep->out);
    escape(rep->out, odfgate_errcode_name(err->code), 1);
    fputs("::", rep->out);
    escape(rep->out, err->message, 0);
    fputc('\n', rep->out);
}

static void github_end(odfgate_report *rep)
{
    const char *summary = getenv("GITHUB_STEP_SUMMARY");
    FILE *s;
    if (!summary || !*summary || !(s = fopen(summary, "a")))
        return;
    fprintf(
        s,
        "### odfgate\n\n| documents | passed | failed | unreadable | errors | warnings | info |\n"
        "|---:|---:|---:|---:|---:|---:|---:|\n| %zu | %zu | %zu | %zu | %zu | %zu | %zu |\n\n",
        rep->documents, rep->passed, rep->failed, rep->errors, rep->findings[ODFGATE_SEV_ERROR],
        rep->findings[ODFGATE_SEV_WARNING], rep->findings[ODFGATE_SEV_INFO]);
    fclose(s);
}

const og_report_format og_report_github = {"github",     github_begin, github_doc,
                                           github_error, github_end,   NULL};
