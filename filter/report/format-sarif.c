/*
 * format-sarif.c — SARIF 2.1.0.  rules[] comes from the rule table; each finding is a result
 * whose physical location is the document with the paragraph ordinal as its line (ODF has no
 * lines; the ordinal is stable and shown by `odfgate outline`), the section in the message
 * and in logicalLocations, and partialFingerprints.primaryLocationLineHash computed by odfgate
 * from rule, section, heading and message, so that GitHub never hashes the zip bytes.
 * Unreadable inputs are toolExecutionNotifications.  Results are written as they come.
 */
#include "report/report.h"

#include "check/fingerprint.h"

#include "report/jsonw.h"

typedef struct sarif_state {
    size_t results;
    size_t notes_cap, notes_len;
    char **paths, **messages, **codes;
} sarif_state;

static const char *level(odfgate_severity s)
{
    return s == ODFGATE_SEV_ERROR     ? "error"
           : s == ODFGATE_SEV_WARNING ? "warning"
           : s == ODFGATE_SEV_INFO    ? "note"
                                      : "none";
}

static void sarif_begin(odfgate_report *rep)
{
    FILE *o = rep->out;
    rep->state = calloc(1, sizeof(sarif_state));
    fputs("{\"$schema\":\"https://json.schemastore.org/"
          "sarif-2.1.0.json\",\"version\":\"2.1.0\",\"runs\":[{",
          o);
    fputs("\"tool\":{\"driver\":{", o);
    og_json_member_str(o, 1, "name", "odfgate");
    og_json_member_str(o, 0, "version", odfgate_version());
    og_json_member_str(o, 0, "informationUri", "https://example.invalid/odfgate");
    fputs(",\"rules\":[", o);
    for (size_t i = 0; i < odfgate_rule_count(); i++) {
        const odfgate_rule_info *r = odfgate_rule_at(i);
        fputs(i ? ",{" : "{", o);
        og_json_member_str(o, 1, "id", r->id);
        fputs(",\"shortDescription\":{", o);
        og_json_member_str(o, 1, "text", r->description);
        fputs("},\"defaultConfiguration\":{", o);
        og_json_member_str(o, 1, "level", level(r->severity));
        fputs("},\"properties\":{", o);
        og_json_member_str(o, 1, "family", r->family);
        fputs("}}", o);
    }
    fputs("]}},\"results\":[", o);
}

static size_t rule_index(const char *id)
{
    for (size_t i = 0; i < odfgate_rule_count(); i++)
        if (strcmp(odfgate_rule_at(i)->id, id) == 0)
            return i;
    return 0;
}

static void sarif_doc(odfgate_report *rep, const char *path, const odfgate_doc *doc,
                      const odfgate_result *res, int failed)
{
    sarif_state *st = rep->state;
    FILE *o = rep->out;
    (void)doc;
    (void)failed;
    for (size_t i = 0; i < odfgate_result_count(res); i++) {
        const odfgate_finding *f = odfgate_result_finding(res, i);
        char fp[17], hash[24], msg[1400];
        og_finding_fingerprint(path, f, fp);
        snprintf(hash, sizeof(hash), "%s:1", fp);
        if (f->section)
            snprintf(msg, sizeof(msg), "[%s] %s", f->section, f->message);
        else
            snprintf(msg, sizeof(msg), "%s", f->message);
        fputs(st && st->results++ ? ",\n{" : "\n{", o);
        og_json_member_str(o, 1, "ruleId", f->rule);
        og_json_member_uint(o, 0, "ruleIndex", rule_index(f->rule));
        og_json_member_str(o, 0, "level", level(f->severity));
        fputs(",\"message\":{", o);
        og_json_member_str(o, 1, "text", msg);
        fputs("},\"locations\":[{\"physicalLocation\":{\"artifactLocation\":{", o);
        og_json_member_str(o, 1, "uri", path);
        fputs("},\"region\":{", o);
        og_json_member_uint(o, 1, "startLine", f->paragraph ? f->paragraph : 1);
        fputs("}}", o);
        if (f->section || f->heading) {
            fputs(",\"logicalLocations\":[{", o);
            og_json_member_str(o, 1, "name", f->heading ? f->heading : f->section);
            og_json_member_str(o, 0, "fullyQualifiedName", f->section ? f->section : f->heading);
            og_json_member_str(o, 0, "kind", "section");
            fputs("}]", o);
        }
        fputs("}],\"partialFingerprints\":{", o);
        og_json_member_str(o, 1, "primaryLocationLineHash", hash);
        fputc('}', o);
        if (f->suppressed) { /* SARIF 2.1.0 §3.35: a waiver is in the source, a baseline outside */
            int waived = strncmp(f->suppressed, "waived: ", 8) == 0;
            fputs(",\"suppressions\":[{", o);
            og_json_member_str(o, 1, "kind", waived ? "inSource" : "external");
            og_json_member_str(o, 0, "justification",
                               waived ? f->suppressed + 8 : "in the baseline");
            fputc('}', o);
            fputc(']', o);
        }
        fputc('}', o);
    }
}

static char *dup_or_empty(const char *s)
{
    char *d = strdup(s ? s : "");
    return d;
}

static void sarif_error(odfgate_report *rep, const char *path, const odfgate_error *err)
{
    sarif_state *st = rep->state;
    if (!st)
        return;
    if (st->notes_len == st->notes_cap) {
        size_t ncap = st->notes_cap ? st->notes_cap * 2 : 8;
        char **p = realloc(st->paths, ncap * sizeof(char *)), **m, **c;
        if (!p)
            return;
        st->paths = p;
        if (!(m = realloc(st->messages, ncap * sizeof(char *))))
            return;
        st->messages = m;
        if (!(c = realloc(st->codes, ncap * sizeof(char *))))
            return;
        st->codes = c;
        st->notes_cap = ncap;
    }
    st->paths[st->notes_len] = dup_or_empty(path);
    st->messages[st->notes_len] = dup_or_empty(err->message);
    st->codes[st->notes_len] = dup_or_empty(odfgate_errcode_name(err->code));
    st->notes_len++;
}

static void sarif_end(odfgate_report *rep)
{
    sarif_state *st = rep->state;
    FILE *o = rep->out;
    fputs("\n],\"invocations\":[{", o);
    og_json_member_bool(o, 1, "executionSuccessful", !st || st->notes_len == 0);
    fputs(",\"toolExecutionNotifications\":[", o);
    for (size_t i = 0; st && i < st->notes_len; i++) {
        char msg[800];
        snprintf(msg, sizeof(msg), "%s (%s)", st->messages[i], st->codes[i]);
        fputs(i ? ",{" : "{", o);
        og_json_member_str(o, 1, "level", "error");
        fputs(",\"message\":{", o);
        og_json_member_str(o, 1, "text", msg);
        fputs("},\"locations\":[{\"physicalLocation\":{\"artifactLocation\":{", o);
        og_json_member_str(o, 1, "uri", st->paths[i]);
        fputs("}}}]}", o);
        free(st->paths[i]);
        free(st->messages[i]);
        free(st->codes[i]);
    }
    fputs("]}]}]}\n", o);
    if (st) {
        free(st->paths);
        free(st->messages);
        free(st->codes);
        st->paths = st->messages = st->codes = NULL;
        st->notes_len = 0;
    }
}

const og_report_format og_report_sarif = {"sarif",     sarif_begin, sarif_doc,
                                          sarif_error, sarif_end,   NULL};
