/*
 * format-json.c — the JSON format.  A contract: keys may be added, never renamed or removed.
 * Documents are written as they arrive (nothing is buffered), one per line.
 */
#include "report/report.h"

#include "report/jsonw.h"

static void json_begin(odfgate_report *rep)
{
    FILE *o = rep->out;
    fputc('{', o);
    og_json_member_str(o, 1, "odfgate", odfgate_version());
    fputc(',', o);
    og_json_key(o, "schema");
    fputc('{', o);
    og_json_member_str(o, 1, "id", rep->schema ? odfgate_schema_id(rep->schema) : NULL);
    og_json_member_str(o, 0, "source", rep->schema ? odfgate_schema_source(rep->schema) : NULL);
    fputs("},", o);
    og_json_key(o, "documents");
    fputc('[', o);
}

static void doc_start(FILE *o, const char *path, const char *status)
{
    fputc('{', o);
    og_json_member_str(o, 1, "path", path);
    og_json_member_str(o, 0, "status", status);
}

static void outline_entry(FILE *o, const odfgate_heading *h, const char *section)
{
    fputc('{', o);
    og_json_member_uint(o, 1, "level", (uint64_t)h->level);
    og_json_member_str(o, 0, "heading", h->text);
    og_json_member_str(o, 0, "section", section);
    og_json_member_uint(o, 0, "words", h->words);
    og_json_member_uint(o, 0, "paragraph", h->paragraph);
    og_json_member_bool(o, 0, "hidden", h->hidden);
    og_json_member_str(o, 0, "source", h->source == ODFGATE_HEADING_H ? "text:h" : "style");
    fputc('}', o);
}

static void finding_entry(FILE *o, const odfgate_finding *f)
{
    fputc('{', o);
    og_json_member_str(o, 1, "rule", f->rule);
    og_json_member_str(o, 0, "severity", odfgate_severity_name(f->severity));
    og_json_member_str(o, 0, "message", f->message);
    og_json_member_str(o, 0, "section", f->section);
    og_json_member_str(o, 0, "heading", f->heading);
    if (f->paragraph)
        og_json_member_uint(o, 0, "paragraph", f->paragraph);
    else
        og_json_member_str(o, 0, "paragraph", NULL);
    if (f->suppressed)
        og_json_member_str(o, 0, "suppressed", f->suppressed);
    if (f->signatory_count) {
        fputs(",\"signatories\":[", o);
        for (size_t i = 0; i < f->signatory_count; i++) {
            if (i)
                fputc(',', o);
            og_json_str(o, f->signatories[i]);
        }
        fputc(']', o);
    }
    fputc('}', o);
}

void og_json_signatory(FILE *o, const odfgate_schema *schema, const odfgate_signoffs *so,
                       const char *id)
{
    const odfgate_signoff *r;
    odfgate_signatory_state st = odfgate_signoffs_signatory(so, schema, id, &r);
    fputc('{', o);
    og_json_member_str(o, 1, "signatory", id);
    og_json_member_str(o, 0, "state", odfgate_signatory_state_name(st));
    og_json_member_str(o, 0, "by", r ? r->by : NULL);
    og_json_member_str(o, 0, "role", r ? r->role : NULL);
    og_json_member_str(o, 0, "at", r ? r->at : NULL);
    fputs(",\"changed_sections\":[", o);
    for (size_t k = 0; r && k < r->changed_count; k++) {
        if (k)
            fputc(',', o);
        og_json_str(o, r->changed[k]);
    }
    fputc(']', o);
    og_json_member_bool(o, 0, "changed_outside_sections", r && r->changed_outside);
    fputc('}', o);
}

void og_json_document(FILE *o, const char *path, const odfgate_doc *doc, const odfgate_result *res,
                      int failed, const char *schema_id)
{
    const odfgate_meta *m = odfgate_doc_meta(doc);
    doc_start(o, path, failed ? "fail" : "pass");
    if (schema_id)
        og_json_member_str(o, 0, "schema", schema_id);
    og_json_member_str(o, 0, "title", m->title);
    og_json_member_str(o, 0, "generator", m->generator);
    og_json_member_str(o, 0, "container", odfgate_doc_container(doc));
    og_json_member_uint(o, 0, "words", odfgate_doc_words(doc));
    fputs(",\"outline\":[", o);
    for (size_t i = 0; i < odfgate_doc_heading_count(doc); i++) {
        if (i)
            fputc(',', o);
        outline_entry(o, odfgate_doc_heading(doc, i), odfgate_result_heading_section(res, i));
    }
    fputs("],\"signoffs\":[", o);
    const odfgate_schema *schema = odfgate_result_schema(res);
    for (size_t k = 0; k < odfgate_schema_signatory_count(schema); k++) {
        if (k)
            fputc(',', o);
        og_json_signatory(o, schema, odfgate_result_signoffs(res),
                          odfgate_schema_signatory_id(schema, k));
    }
    fputs("],\"findings\":[", o);
    for (size_t i = 0; i < odfgate_result_count(res); i++) {
        if (i)
            fputc(',', o);
        finding_entry(o, odfgate_result_finding(res, i));
    }
    fputs("]}", o);
}

void og_json_error_document(FILE *o, const char *path, const odfgate_error *err)
{
    doc_start(o, path, "error");
    fputs(",\"error\":{", o);
    og_json_member_str(o, 1, "code", odfgate_errcode_name(err->code));
    og_json_member_str(o, 0, "message", err->message);
    og_json_member_str(o, 0, "part", err->part[0] ? err->part : NULL);
    fputs("}}", o);
}

static void json_doc(odfgate_report *rep, const char *path, const odfgate_doc *doc,
                     const odfgate_result *res, int failed)
{
    const char *id = odfgate_result_schema_id(res);
    fputs(rep->emitted ? ",\n" : "\n", rep->out);
    /* a document checked against another schema than the report's (.odfgate.ini) says which */
    og_json_document(rep->out, path, doc, res, failed,
                     rep->schema && id && strcmp(id, odfgate_schema_id(rep->schema)) != 0 ? id
                                                                                          : NULL);
}

static void json_error(odfgate_report *rep, const char *path, const odfgate_error *err)
{
    fputs(rep->emitted ? ",\n" : "\n", rep->out);
    og_json_error_document(rep->out, path, err);
}

static void json_end(odfgate_report *rep)
{
    FILE *o = rep->out;
    fputs("\n],\"summary\":{", o);
    og_json_member_uint(o, 1, "documents", rep->documents);
    og_json_member_uint(o, 0, "passed", rep->passed);
    og_json_member_uint(o, 0, "failed", rep->failed);
    og_json_member_uint(o, 0, "errors", rep->errors);
    fputs(",\"findings\":{", o);
    og_json_member_uint(o, 1, "error", rep->findings[ODFGATE_SEV_ERROR]);
    og_json_member_uint(o, 0, "warning", rep->findings[ODFGATE_SEV_WARNING]);
    og_json_member_uint(o, 0, "info", rep->findings[ODFGATE_SEV_INFO]);
    if (rep->suppressed)
        og_json_member_uint(o, 0, "suppressed", rep->suppressed);
    fputs("}}}\n", o);
}

const og_report_format og_report_json = {"json", json_begin, json_doc, json_error, json_end, NULL};

/* JSON Lines: the same document objects, one per line, flushed as each document finishes. */
static void jsonl_begin(odfgate_report *rep) { (void)rep; }

static void jsonl_doc(odfgate_report *rep, const char *path, const odfgate_doc *doc,
                      const odfgate_result *res, int failed)
{
    og_json_document(rep->out, path, doc, res, failed, odfgate_result_schema_id(res));
    fputc('\n', rep->out);
    fflush(rep->out);
}

static void jsonl_error(odfgate_report *rep, const char *path, const odfgate_error *err)
{
    og_json_error_document(rep->out, path, err);
    fputc('\n', rep->out);
    fflush(rep->out);
}

static void jsonl_end(odfgate_report *rep) { (void)rep; }

const og_report_format og_report_jsonl = {"jsonl",     jsonl_begin, jsonl_doc,
                                          jsonl_error, jsonl_end,   NULL};
