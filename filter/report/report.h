/*
 * report.h — formatters behind one small vtable (begin, doc, error, end), as libarchive
 * registers its formats.  report.c holds the table, the counting and the pass/fail decision
 * shared by every format; each format file fills one og_report_format.
 */
#ifndef OG_REPORT_H
#define OG_REPORT_H

#include "base/buf.h"
#include "base/internal.h"

typedef struct og_report_format {
    const char *name;
    void (*begin)(odfgate_report *rep);
    void (*doc)(odfgate_report *rep, const char *path, const odfgate_doc *doc,
                const odfgate_result *res, int failed);
    void (*error)(odfgate_report *rep, const char *path, const odfgate_error *err);
    void (*end)(odfgate_report *rep);
    void (*free_state)(void *state); /* NULL: free() */
} og_report_format;

struct odfgate_report {
    const og_report_format *fmt;
    FILE *out;
    odfgate_report_options opt;
    const odfgate_schema *schema;
    size_t documents, passed, failed, errors;
    size_t findings[4]; /* by severity, suppressed findings left out */
    size_t suppressed;  /* waived or in the baseline */
    size_t emitted;     /* documents written so far (for separators) */
    void *state;        /* format-private state, freed by odfgate_report_free */
    int broken;         /* the format could not finish (out of memory): odfgate_report_end
                           fails */
};

extern const og_report_format og_report_text;
extern const og_report_format og_report_json;
extern const og_report_format og_report_jsonl;
extern const og_report_format og_report_sarif;
extern const og_report_format og_report_junit;
extern const og_report_format og_report_github;
extern const og_report_format og_report_gitlab;

/* The JSON document object of the json and jsonl formats (the JSON contract). */
/* schema_id: the member "schema" (NULL: left out). */
void og_json_document(FILE *o, const char *path, const odfgate_doc *doc, const odfgate_result *res,
                      int failed, const char *schema_id);
/* {"signatory","state","by","role","at","changed_sections","changed_outside_sections"}:
 * where signatory `id` of `schema` stands in so (NULL: no records). */
void og_json_signatory(FILE *o, const odfgate_schema *schema, const odfgate_signoffs *so,
                       const char *id);
void og_json_error_document(FILE *o, const char *path, const odfgate_error *err);

/* Read a whole report file (or standard input for "-") into b (initialised here; the caller
 * frees it), at most `max` bytes.  Errors name the file. */
odfgate_status og_report_read_file(const char *path, uint64_t max, og_buf *b, odfgate_error *err);

/* The failure level for a result: its own (odfgate_result_set_fail_on), else the report's. */
odfgate_severity og_report_level(const odfgate_report *rep, const odfgate_result *res);
/* Does finding f make its document fail (not suppressed, at or above the level)? */
int og_report_fails(const odfgate_report *rep, const odfgate_result *res, const odfgate_finding *f);

#endif
