/*
 * format-html.c — the overview as one self-contained HTML page: no external resource and no
 * network (styles and the script are inline), readable with scripts off (plain tables and
 * lists); with scripts on, columns sort on a click (or Enter on a focused header) and rows
 * filter as one types.  Machine-readable too: every document row carries data-path, data-status and
 * data-ready, every signatory cell data-signatory and data-state (tests/status/html.sh reads them
 * back from Chromium's DOM).
 */
#include "overview/overview.h"

static void esc(FILE *o, const char *s)
{
    for (; s && *s; s++)
        switch (*s) {
        case '&': fputs("&amp;", o); break;
        case '<': fputs("&lt;", o); break;
        case '>': fputs("&gt;", o); break;
        case '"': fputs("&quot;", o); break;
        case '\'': fputs("&#39;", o); break;
        default: fputc(*s, o);
        }
}

static const char style[] =
    "body{font:14px/1.4 system-ui,sans-serif;margin:1.5em;color:#1b1b1b}"
    "h1{font-size:1.4em}h2{font-size:1.15em;margin-top:1.6em}"
    "table{border-collapse:collapse}th,td{border:1px solid #ccc;padding:.25em .5em;"
    "text-align:left;vertical-align:top}"
    "thead th{background:#f0f0f0;position:sticky;top:0}th.sortable{cursor:pointer}"
    ".title{color:#555;font-size:.9em}.path{font-family:monospace}"
    ".pass{color:#17612a}.fail,.error{color:#a4161a;font-weight:bold}"
    ".s-approved{background:#d8f3dc}.s-rejected{background:#f8c9c9}"
    ".s-stale{background:#fff1b8}.s-missing{background:#eee;color:#666}"
    ".s-signature-invalid{background:#e5383b;color:#fff}.s-untrusted{background:#e7c6ff}"
    ".s-unsigned{background:#ffe0b2}"
    "#tools{margin:.8em 0}.legend span{padding:0 .4em;margin-right:.3em}";

/* Sorting by the clicked column (numbers as numbers), filtering by text and readiness. */
static const char script[] =
    "(function(){var t=document.getElementById('matrix');if(!t)return;"
    "var tb=t.tBodies[0],tools=document.getElementById('tools');tools.hidden=false;"
    "var f=document.getElementById('filter'),nr=document.getElementById('notready');"
    "function apply(){var q=f.value.toLowerCase();for(var i=0;i<tb.rows.length;i++){"
    "var r=tb.rows[i];r.hidden=(q&&r.textContent.toLowerCase().indexOf(q)<0)||"
    "(nr.checked&&r.getAttribute('data-ready')==='yes');}}"
    "f.addEventListener('input',apply);nr.addEventListener('change',apply);"
    "var hs=t.tHead.rows[0].cells;for(var c=0;c<hs.length;c++){(function(c){var h=hs[c];"
    "h.className+=' sortable';h.tabIndex=0;h.addEventListener('keydown',function(e){"
    "if(e.key==='Enter'||e.key===' '){e.preventDefault();h.click();}});"
    "h.addEventListener('click',function(){"
    "var up=h.getAttribute('aria-sort')!=='ascending';"
    "for(var k=0;k<hs.length;k++)hs[k].removeAttribute('aria-sort');"
    "h.setAttribute('aria-sort',up?'ascending':'descending');"
    "var rs=Array.prototype.slice.call(tb.rows);rs.sort(function(a,b){"
    "var x=a.cells[c]?a.cells[c].textContent:'',y=b.cells[c]?b.cells[c].textContent:'';"
    "var nx=parseFloat(x),ny=parseFloat(y);var d=(!isNaN(nx)&&!isNaN(ny))?nx-ny:"
    "x.localeCompare(y);return up?d:-d;});"
    "rs.forEach(function(r){tb.appendChild(r);});});})(c);}})();";

static void html_begin(og_overview *ov, FILE *o)
{
    (void)ov;
    (void)o;
}

static void row_html(const og_overview *ov, FILE *o, const ov_row *r)
{
    const char *status = r->status == OV_PASS ? "pass" : r->status == OV_FAIL ? "fail" : "error";
    fputs("<tr data-path=\"", o);
    esc(o, r->path);
    fprintf(o, "\" data-status=\"%s\" data-ready=\"%s\"><td><span class=\"path\">", status,
            r->ready ? "yes" : "no");
    esc(o, r->path);
    fputs("</span>", o);
    if (r->title && *r->title) {
        fputs("<br><span class=\"title\">", o);
        esc(o, r->title);
        fputs("</span>", o);
    }
    fputs("</td>", o);
    if (r->status == OV_ERROR) {
        fprintf(o, "<td class=\"error\" colspan=\"%zu\">unreadable: ", ov->col_count + 4);
        esc(o, r->error_message);
        fputs("</td></tr>\n", o);
        return;
    }
    fprintf(o, "<td class=\"%s\">%s</td><td>%zu</td><td>%zu</td><td>", status, status, r->errors,
            r->warnings);
    if (r->required)
        fprintf(o, "%zu/%zu%s", r->approvals, r->required,
                r->approvals >= r->required ? "" : " (short)");
    else
        fputs("-", o);
    fputs("</td>", o);
    for (size_t c = 0; c < ov->col_count; c++) {
        const ov_cell *cell = ov_cell_at(r, c);
        const char *st = cell ? odfgate_signatory_state_name(cell->state) : NULL;
        if (!cell) {
            fputs("<td></td>", o);
            continue;
        }
        fputs("<td data-signatory=\"", o);
        esc(o, ov->cols[c].id);
        fprintf(o, "\" data-state=\"%s\" class=\"s-%s\"", st, st);
        if (cell->by) {
            fputs(" title=\"", o);
            esc(o, cell->by);
            fputs(cell->at ? ", " : "", o);
            esc(o, cell->at);
            fputs("\"", o);
        }
        fprintf(o, ">%s", st);
        if (cell->changed_count || cell->changed_outside) {
            fputs("<br><small>changed:", o);
            for (size_t k = 0; k < cell->changed_count; k++) {
                fputc(' ', o);
                esc(o, cell->changed[k]);
            }
            fputs(cell->changed_outside ? " text outside the sections" : "", o);
            fputs("</small>", o);
        }
        fputs("</td>", o);
    }
    fputs("</tr>\n", o);
}

static void chase_html(const og_overview *ov, FILE *o)
{
    int any = 0;
    fputs("<h2 id=\"chase\">Who still has to act</h2>\n", o);
    for (size_t c = 0; c < ov->col_count; c++) {
        size_t n = 0;
        for (size_t i = 0; i < ov->row_count; i++) {
            const ov_cell *cell = ov_cell_at(&ov->rows[i], c);
            if (!cell || !ov_awaiting(cell->state))
                continue;
            if (!n++) {
                fputs("<h3>", o);
                esc(o, ov->cols[c].name);
                fputs(" (", o);
                esc(o, ov->cols[c].id);
                fputs(")</h3>\n<ul class=\"chase\" data-signatory=\"", o);
                esc(o, ov->cols[c].id);
                fputs("\">\n", o);
            }
            fputs("<li><span class=\"path\">", o);
            esc(o, ov->rows[i].path);
            fprintf(o, "</span>: <span class=\"s-%s\">%s</span></li>\n",
                    odfgate_signatory_state_name(cell->state),
                    odfgate_signatory_state_name(cell->state));
        }
        if (n)
            fputs("</ul>\n", o);
        any |= n > 0;
    }
    if (!any)
        fputs("<p>Nobody: every signatory has approved or rejected every document.</p>\n", o);
}

typedef struct html_ctx {
    FILE *o;
    int any;
} html_ctx;

static void blocker_html(void *ctx, const char *rule, odfgate_severity sev,
                         const ov_row *const *rows, const size_t *counts, size_t n)
{
    html_ctx *h = ctx;
    if (!h->any++)
        fputs("<table id=\"blockers\"><thead><tr><th scope=\"col\">Rule</th><th scope=\"col\">"
              "Severity</th><th scope=\"col\">Documents</th></tr></thead><tbody>\n",
              h->o);
    fprintf(h->o, "<tr><td>%s</td><td>%s</td><td>%zu:", rule, odfgate_severity_name(sev), n);
    for (size_t i = 0; i < n; i++) {
        fputs(i ? ", " : " ", h->o);
        fputs("<span class=\"path\">", h->o);
        esc(h->o, rows[i]->path);
        fputs("</span>", h->o);
        if (counts[i] > 1)
            fprintf(h->o, " (%zu)", counts[i]);
    }
    fputs("</td></tr>\n", h->o);
}

static void waivers_html(const og_overview *ov, FILE *o)
{
    int any = 0;
    fputs("<h2 id=\"waivers\">Waivers in force</h2>\n", o);
    for (size_t i = 0; i < ov->row_count; i++)
        for (size_t k = 0; k < ov->rows[i].waiver_count; k++) {
            const ov_tally *w = &ov->rows[i].waivers[k];
            if (!any++)
                fputs("<table><thead><tr><th scope=\"col\">Document</th><th scope=\"col\">Rule"
                      "</th><th scope=\"col\">Findings</th><th scope=\"col\">Reason</th></tr>"
                      "</thead><tbody>\n",
                      o);
            fputs("<tr><td class=\"path\">", o);
            esc(o, ov->rows[i].path);
            fprintf(o, "</td><td>%s</td><td>%zu</td><td>", w->rule, w->count);
            esc(o, w->reason);
            fputs("</td></tr>\n", o);
        }
    fputs(any ? "</tbody></table>\n" : "<p>None.</p>\n", o);
}

static void changes_html(const og_overview *ov, FILE *o)
{
    static const char *const what[] = {"added", "gone", "newly failing", "newly passing"};
    if (!ov->since_name)
        return;
    fputs("<h2 id=\"changes\">Changes since ", o);
    esc(o, ov->since_name);
    fputs("</h2>\n", o);
    if (!ov->change_count) {
        fputs("<p>None.</p>\n", o);
        return;
    }
    fputs("<ul>\n", o);
    for (size_t i = 0; i < ov->change_count; i++) {
        const ov_change *c = &ov->changes[i];
        fputs("<li><span class=\"path\">", o);
        esc(o, c->path);
        fputs("</span>: ", o);
        if (c->kind == OV_CELL) {
            esc(o, c->signatory);
            fputc(' ', o);
            esc(o, c->from);
            fputs(" &rarr; ", o);
            esc(o, c->to);
        } else {
            fputs(what[c->kind], o);
        }
        fputs("</li>\n", o);
    }
    fputs("</ul>\n", o);
}

static void html_end(og_overview *ov, FILE *o)
{
    html_ctx h = {o, 0};
    size_t total = ov->ready + ov->not_ready;
    fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
          "<meta name=\"generator\" content=\"odfgate ",
          o);
    esc(o, odfgate_version());
    fprintf(o,
            "\">\n<title>Statement status: %zu document%s</title>\n<style>%s</style>\n"
            "</head>\n<body>\n<h1>Statement status</h1>\n",
            total, total == 1 ? "" : "s", style);
    fprintf(o,
            "<p id=\"summary\">%zu document%s: %zu ready, %zu not ready (%zu failing, %zu "
            "unreadable). Schema: ",
            total, total == 1 ? "" : "s", ov->ready, ov->not_ready, ov->failed, ov->errors);
    esc(o, ov->schema ? odfgate_schema_id(ov->schema) : "");
    fputs(".</p>\n<p class=\"legend\">", o);
    for (int s = ODFGATE_SIGNATORY_APPROVED; s <= ODFGATE_SIGNATORY_UNSIGNED; s++)
        fprintf(o, "<span class=\"s-%s\">%s</span>",
                odfgate_signatory_state_name((odfgate_signatory_state)s),
                odfgate_signatory_state_name((odfgate_signatory_state)s));
    fputs("</p>\n<div id=\"tools\" hidden><label>Filter: <input id=\"filter\" type=\"search\">"
          "</label> <label><input id=\"notready\" type=\"checkbox\"> only documents not ready"
          "</label></div>\n<table id=\"matrix\">\n<thead><tr><th scope=\"col\">Document</th>"
          "<th scope=\"col\">Verdict</th><th scope=\"col\">Errors</th><th scope=\"col\">"
          "Warnings</th><th scope=\"col\">Quorum</th>",
          o);
    for (size_t c = 0; c < ov->col_count; c++) {
        fputs("<th scope=\"col\" title=\"", o);
        esc(o, ov->cols[c].name);
        fputs("\">", o);
        esc(o, ov->cols[c].id);
        fputs("</th>", o);
    }
    fputs("</tr></thead>\n<tbody>\n", o);
    for (size_t i = 0; i < ov->row_count; i++)
        row_html(ov, o, &ov->rows[i]);
    fputs("</tbody>\n</table>\n", o);
    chase_html(ov, o);
    fputs("<h2 id=\"blockers-title\">Blockers (findings that fail documents, by rule)</h2>\n", o);
    if (ov_each_blocker(ov, blocker_html, &h) < 0)
        ov->nomem = 1;
    fputs(h.any ? "</tbody></table>\n" : "<p>None.</p>\n", o);
    waivers_html(ov, o);
    changes_html(ov, o);
    fprintf(o, "<script>%s</script>\n</body>\n</html>\n", script);
}

const ov_format ov_format_html = {"html", 1, html_begin, NULL, html_end};
