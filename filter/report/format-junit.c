/*
 * format-junit.c — JUnit XML: one <testsuite> per document, one <testcase> per rule of the
 * table (passes included), classname "odfgate." + the document path (unique per document).
 * A rule with a finding at or above --fail-on fails; findings below it go to system-out.
 * An unreadable document is one testcase "read" with an <error>.  Written with xmlTextWriter.
 */
#include "report/report.h"

#include <libxml/xmlwriter.h>

#define X(s) ((const xmlChar *)(s))

static xmlTextWriterPtr writer_of(odfgate_report *rep) { return rep->state; }

static void junit_begin(odfgate_report *rep)
{
    xmlOutputBufferPtr ob = xmlOutputBufferCreateFile(rep->out, NULL);
    xmlTextWriterPtr w = ob ? xmlNewTextWriter(ob) : NULL;
    rep->state = NULL;
    if (!w)
        return;
    xmlTextWriterSetIndent(w, 1);
    xmlTextWriterStartDocument(w, "1.0", "UTF-8", NULL);
    xmlTextWriterStartElement(w, X("testsuites"));
    xmlTextWriterWriteAttribute(w, X("name"), X("odfgate"));
    rep->state = w;
}

static void suite(xmlTextWriterPtr w, const char *path, size_t tests, size_t failures,
                  size_t errors)
{
    xmlTextWriterStartElement(w, X("testsuite"));
    xmlTextWriterWriteAttribute(w, X("name"), X(path));
    xmlTextWriterWriteFormatAttribute(w, X("tests"), "%zu", tests);
    xmlTextWriterWriteFormatAttribute(w, X("failures"), "%zu", failures);
    xmlTextWriterWriteFormatAttribute(w, X("errors"), "%zu", errors);
}

static void junit_doc(odfgate_report *rep, const char *path, const odfgate_doc *doc,
                      const odfgate_result *res, int failed)
{
    xmlTextWriterPtr w = writer_of(rep);
    size_t nrules = odfgate_rule_count(), failures = 0;
    char classname[1200];
    (void)doc;
    (void)failed;
    if (!w)
        return;
    snprintf(classname, sizeof(classname), "odfgate.%s", path);
    for (size_t r = 0; r < nrules; r++)
        for (size_t i = 0; i < odfgate_result_count(res); i++) {
            const odfgate_finding *f = odfgate_result_finding(res, i);
            if (strcmp(f->rule, odfgate_rule_at(r)->id) == 0 && og_report_fails(rep, res, f)) {
                failures++;
                break;
            }
        }
    suite(w, path, nrules, failures, 0);
    for (size_t r = 0; r < nrules; r++) {
        const char *id = odfgate_rule_at(r)->id;
        size_t bad = 0, other = 0;
        for (size_t i = 0; i < odfgate_result_count(res); i++) {
            const odfgate_finding *f = odfgate_result_finding(res, i);
            if (strcmp(f->rule, id) != 0)
                continue;
            if (og_report_fails(rep, res, f))
                bad++;
            else
                other++;
        }
        xmlTextWriterStartElement(w, X("testcase"));
        xmlTextWriterWriteAttribute(w, X("classname"), X(classname));
        xmlTextWriterWriteAttribute(w, X("name"), X(id));
        if (bad || other) {
            xmlTextWriterStartElement(w, X(bad ? "failure" : "system-out"));
            if (bad) {
                xmlTextWriterWriteFormatAttribute(w, X("message"), "%zu finding%s", bad,
                                                  bad == 1 ? "" : "s");
                xmlTextWriterWriteAttribute(w, X("type"), X(id));
            }
            for (size_t i = 0; i < odfgate_result_count(res); i++) {
                const odfgate_finding *f = odfgate_result_finding(res, i);
                if (strcmp(f->rule, id) != 0)
                    continue;
                xmlTextWriterWriteFormatString(w, "%s: %s%s%s%s (paragraph %u)\n",
                                               odfgate_severity_name(f->severity),
                                               f->section ? "[" : "", f->section ? f->section : "",
                                               f->section ? "] " : "", f->message, f->paragraph);
            }
            xmlTextWriterEndElement(w);
        }
        xmlTextWriterEndElement(w);
    }
    xmlTextWriterEndElement(w);
    xmlTextWriterFlush(w);
}

static void junit_error(odfgate_report *rep, const char *path, const odfgate_error *err)
{
    xmlTextWriterPtr w = writer_of(rep);
    char classname[1200];
    if (!w)
        return;
    snprintf(classname, sizeof(classname), "odfgate.%s", path);
    suite(w, path, 1, 0, 1);
    xmlTextWriterStartElement(w, X("testcase"));
    xmlTextWriterWriteAttribute(w, X("classname"), X(classname));
    xmlTextWriterWriteAttribute(w, X("name"), X("read"));
    xmlTextWriterStartElement(w, X("error"));
    xmlTextWriterWriteAttribute(w, X("message"), X(err->message));
    xmlTextWriterWriteAttribute(w, X("type"), X(odfgate_errcode_name(err->code)));
    xmlTextWriterEndElement(w);
    xmlTextWriterEndElement(w);
    xmlTextWriterEndElement(w);
    xmlTextWriterFlush(w);
}

static void junit_end(odfgate_report *rep)
{
    xmlTextWriterPtr w = writer_of(rep);
    if (!w)
        return;
    xmlTextWriterEndDocument(w);
    xmlFreeTextWriter(w); /* flushes; the FILE stays open (the caller's) */
    rep->state = NULL;
}

const og_report_format og_report_junit = {"junit",     junit_begin, junit_doc,
                                          junit_error, junit_end,   NULL};
