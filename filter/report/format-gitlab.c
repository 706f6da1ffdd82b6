/*
 * format-gitlab.c — GitLab Code Quality JSON: an array of issues with description,
 * check_name, fingerprint (odfgate's own, stable under unrelated edits), severity and a
 * location whose line is the paragraph ordinal.
 */
#include "report/report.h"

#include "check/fingerprint.h"

#include "report/jsonw.h"

static const char *severity(odfgate_severity s)
{
    return s == ODFGATE_SEV_ERROR ? "major" : s == ODFGATE_SEV_WARNING ? "minor" : "info";
}

static void issue(odfgate_report *rep, const char *path, const char *check, const char *description,
                  const char *fingerprint, const char *sev, unsigned line)
{
    FILE *o = rep->out;
    fputs(rep->state ? ",\n{" : "\n{", o);
    rep->state = rep->state ? rep->state : calloc(1, 1); /* non-NULL once an issue is written */
    og_json_member_str(o, 1, "description", description);
    og_json_member_str(o, 0, "check_name", check);
    og_json_member_str(o, 0, "fingerprint", fingerprint);
    og_json_member_str(o, 0, "severity", sev);
    fputs(",\"location\":{", o);
    og_json_member_str(o, 1, "path", path);
    fputs(",\"lines\":{", o);
    og_json_member_uint(o, 1, "begin", line);
    fputs("}}}", o);
}

static void gitlab_begin(odfgate_report *rep) { fputc('[', rep->out); }

static void gitlab_doc(odfgate_report *rep, const char *path, const odfgate_doc *doc,
                       const odfgate_result *res, int failed)
{
    (void)doc;
    (void)failed;
    for (size_t i = 0; i < odfgate_result_count(res); i++) {
        const odfgate_finding *f = odfgate_result_finding(res, i);
        char fp[17], text[1400];
        if (f->suppressed)
            continue; /* waived or in the baseline: not an issue to show */
        og_finding_fingerprint(path, f, fp);
        snprintf(text, sizeof(text), "%s%s%s%s", f->section ? "[" : "",
                 f->section ? f->section : "", f->section ? "] " : "", f->message);
        issue(rep, path, f->rule, text, fp, severity(f->severity), f->paragraph ? f->paragraph : 1);
    }
}

static void gitlab_error(odfgate_report *rep, const char *path, const odfgate_error *err)
{
    char fp[17];
    odfgate_finding f = {.rule = odfgate_errcode_name(err->code),
                         .severity = ODFGATE_SEV_ERROR,
                         .message = err->message};
    og_finding_fingerprint(path, &f, fp);
    issue(rep, path, f.rule, err->message, fp, "blocker", 1);
}

static void gitlab_end(odfgate_report *rep) { fputs("\n]\n", rep->out); }

const og_report_format og_report_gitlab = {"gitlab",     gitlab_begin, gitlab_doc,
                                           gitlab_error, gitlab_end,   NULL};
