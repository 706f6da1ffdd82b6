/*
 * format-json.c — the JSON format.  A contract: keys may be added, never renamed or removed.
 * Documents are written as they arrive (nothing is buffered), one per line.
 */
#include "report.h"

#include "jsonw.h"

static void json_begin(odfgate_report *rep)
{
    FILE *o = rep->out;
    fputc('{', o);
    og_json_key(o, "odfgate");
    og_json_str(o, odfgate_version());
    fputc(',', o);
    og_json_key(o, "schema");
    fputc('{', o);
    og_json_key(o, "id");
    og_json_str(o, rep->schema ? odfgate_schema_id(rep->schema) : NULL);
    fputc(',', o);
    og_json_key(o, "source");
    og_json_str(o, rep->schema ? odfgate_schema_source(rep->schema) : NULL);
    fputs("},", o);
    og_json_key(o, "documents");
    fputc('[', o);
}

static void doc_start(odfgate_report *rep, const char *path, const char *status)
{
    FILE *o = rep->out;
    fputs(rep->emitted ? ",\n{" : "\n{", o);
    og_json_key(o, "path");
    og_json_str(o, path);
    fputc(',', o);
    og_json_key(o, "status");
    og_json_str(o, status);
}

static void json_doc(odfgate_report *rep, const char *path, const odfgate_doc *doc,
                     const odfgate_result *res, int failed)
{
    FILE *o = rep->out;
    const odfgate_meta *m = odfgate_doc_meta(doc);
    doc_start(rep, path, failed ? "fail" : "pass");
    fputc(',', o);
    og_json_key(o, "title");
    og_json_str(o, m->title);
    fputc(',', o);
    og_json_key(o, "generator");
    og_json_str(o, m->generator);
    fputc(',', o);
    og_json_key(o, "container");
    og_json_str(o, odfgate_doc_container(doc));
    fputc(',', o);
    og_json_key(o, "words");
    og_json_uint(o, odfgate_doc_words(doc));
    fputc(',', o);
    og_json_key(o, "outline");
    fputc('[', o);
    for (size_t i = 0; i < odfgate_doc_heading_count(doc); i++) {
        const odfgate_heading *h = odfgate_doc_heading(doc, i);
        fputs(i ? ",{" : "{", o);
        og_json_key(o, "level");
        og_json_uint(o, (uint64_t)h->level);
        fputc(',', o);
        og_json_key(o, "heading");
        og_json_str(o, h->text);
        fputc(',', o);
        og_json_key(o, "section");
        og_json_str(o, odfgate_result_heading_section(res, i));
        fputc(',', o);
        og_json_key(o, "words");
        og_json_uint(o, h->words);
        fputc(',', o);
        og_json_key(o, "paragraph");
        og_json_uint(o, h->paragraph);
        fputc(',', o);
        og_json_key(o, "hidden");
        fputs(h->hidden ? "true" : "false", o);
        fputc(',', o);
        og_json_key(o, "source");
        og_json_str(o, h->source == ODFGATE_HEADING_H ? "text:h" : "style");
        fputc('}', o);
    }
    fputs("],", o);
    og_json_key(o, "findings");
    fputc('[', o);
    for (size_t i = 0; i < odfgate_result_count(res); i++) {
        const odfgate_finding *f = odfgate_result_finding(res, i);
        fputs(i ? ",{" : "{", o);
        og_json_key(o, "rule");
        og_json_str(o, f->rule);
        fputc(',', o);
        og_json_key(o, "severity");
        og_json_str(o, odfgate_severity_name(f->severity));
        fputc(',', o);
        og_json_key(o, "message");
        og_json_str(o, f->message);
        fputc(',', o);
        og_json_key(o, "section");
        og_json_str(o, f->section);
        fputc(',', o);
        og_json_key(o, "heading");
        og_json_str(o, f->heading);
        fputc(',', o);
        og_json_key(o, "paragraph");
        if (f->paragraph)
            og_json_uint(o, f->paragraph);
        else
            fputs("null", o);
        fputc('}', o);
    }
    fputs("]}", o);
}

static void json_error(odfgate_report *rep, const char *path, const odfgate_error *err)
{
    FILE *o = rep->out;
    doc_start(rep, path, "error");
    fputc(',', o);
    og_json_key(o, "error");
    fputc('{', o);
    og_json_key(o, "code");
    og_json_str(o, odfgate_errcode_name(err->code));
    fputc(',', o);
    og_json_key(o, "message");
    og_json_str(o, err->message);
    fputc(',', o);
    og_json_key(o, "part");
    og_json_str(o, err->part[0] ? err->part : NULL);
    fputs("}}", o);
}

static void json_end(odfgate_report *rep)
{
    FILE *o = rep->out;
    fputs("\n],", o);
    og_json_key(o, "summary");
    fputc('{', o);
    og_json_key(o, "documents");
    og_json_uint(o, rep->documents);
    fputc(',', o);
    og_json_key(o, "passed");
    og_json_uint(o, rep->passed);
    fputc(',', o);
    og_json_key(o, "failed");
    og_json_uint(o, rep->failed);
    fputc(',', o);
    og_json_key(o, "errors");
    og_json_uint(o, rep->errors);
    fputc(',', o);
    og_json_key(o, "findings");
    fputc('{', o);
    og_json_key(o, "error");
    og_json_uint(o, rep->findings[ODFGATE_SEV_ERROR]);
    fputc(',', o);
    og_json_key(o, "warning");
    og_json_uint(o, rep->findings[ODFGATE_SEV_WARNING]);
    fputc(',', o);
    og_json_key(o, "info");
    og_json_uint(o, rep->findings[ODFGATE_SEV_INFO]);
    fputs("}}}\n", o);
}

const og_report_format og_report_json = {"json", json_begin, json_doc, json_error, json_end};
