/*
 * format-csv.c — the overview as CSV (RFC 4180, UTF-8, CRLF line ends), one row per document
 * and signatory, written as each document arrives (nothing is kept).  A document that cannot
 * be read is one row with status "error" and its message.  Cells a spreadsheet would take for
 * a formula (starting with = + - @, a tab or a carriage return: CSV injection) are written
 * with a leading apostrophe.
 */
#include "overview/overview.h"

static void field(FILE *o, const char *s, int last)
{
    if (s && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' || s[0] == '\t' ||
              s[0] == '\r')) {
        fputs("\"'", o);
        goto quoted;
    }
    if (!s || !strpbrk(s, ",\"\r\n")) {
        fputs(s ? s : "", o);
        fputs(last ? "\r\n" : ",", o);
        return;
    }
    fputc('"', o);
quoted:
    for (; *s; s++) {
        if (*s == '"')
            fputc('"', o);
        fputc(*s, o);
    }
    fputc('"', o);
    fputs(last ? "\r\n" : ",", o);
}

static void number(FILE *o, size_t v) { fprintf(o, "%zu,", v); }

static void csv_begin(og_overview *ov, FILE *o)
{
    (void)ov;
    fputs("path,title,status,ready,errors,warnings,quorum_required,approvals,signatory,"
          "signatory_name,state,by,role,at,changed_sections\r\n",
          o);
}

static void csv_row(og_overview *ov, FILE *o, const ov_row *r)
{
    char changed[2048];
    const char *status = r->status == OV_PASS ? "pass" : r->status == OV_FAIL ? "fail" : "error";
    if (r->status == OV_ERROR) {
        field(o, r->path, 0);
        fputs(",error,no,,,,,,,", o);
        field(o, r->error_message, 0);
        fputs(",,,\r\n", o);
        return;
    }
    for (size_t i = 0; i < (r->cell_count ? r->cell_count : 1); i++) {
        const ov_cell *c = r->cell_count ? &r->cells[i] : NULL;
        size_t at = 0;
        changed[0] = '\0';
        for (size_t k = 0; c && k < c->changed_count && at < sizeof(changed); k++)
            at += (size_t)snprintf(changed + at, sizeof(changed) - at, "%s%s", k ? " " : "",
                                   c->changed[k]);
        if (c && c->changed_outside && at < sizeof(changed))
            snprintf(changed + at, sizeof(changed) - at, "%s(outside the sections)", at ? " " : "");
        field(o, r->path, 0);
        field(o, r->title, 0);
        fprintf(o, "%s,%s,", status, r->ready ? "yes" : "no");
        number(o, r->errors);
        number(o, r->warnings);
        number(o, r->required);
        number(o, r->approvals);
        field(o, c ? ov->cols[c->col].id : NULL, 0);
        field(o, c ? ov->cols[c->col].name : NULL, 0);
        field(o, c ? odfgate_signatory_state_name(c->state) : NULL, 0);
        field(o, c ? c->by : NULL, 0);
        field(o, c ? c->role : NULL, 0);
        field(o, c ? c->at : NULL, 0);
        field(o, changed, 1);
    }
}

static void csv_end(og_overview *ov, FILE *o)
{
    (void)ov;
    (void)o;
}

const ov_format ov_format_csv = {"csv", 0, csv_begin, csv_row, csv_end};
