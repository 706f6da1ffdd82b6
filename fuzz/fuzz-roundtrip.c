/* fuzz-roundtrip.c — read → annotate → read: whatever odfgate can read, it annotates into a
 * document it can read again, with the same outline and the same findings; and read → scrub
 * → read: what scrub writes odfgate reads again, with no person's comment, macro or
 * personal field left, and (changes accepted or rejected) no tracked change. */
#include "fuzz.h"

#include "odfgate.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static size_t content_findings(const odfgate_result *r)
{
    size_t n = 0;
    for (size_t i = 0; i < odfgate_result_count(r); i++)
        n += strcmp(odfgate_result_finding(r, i)->rule, "package-nonconformant") != 0;
    return n;
}

static size_t hygiene_findings(const odfgate_result *r, int changes)
{
    size_t n = 0;
    for (size_t i = 0; i < odfgate_result_count(r); i++) {
        const char *rule = odfgate_result_finding(r, i)->rule;
        n += strcmp(rule, "hidden-comments") == 0 || strcmp(rule, "macros") == 0 ||
             strcmp(rule, "personal-info") == 0 || (changes && strcmp(rule, "hidden-changes") == 0);
    }
    return n;
}

/* scrub in_path (everything; tracked changes kept, accepted or rejected) and read the copy:
 * readable, and clean. */
static void scrub_roundtrip(const char *in, const char *out, const odfgate_schema *schema,
                            int changes)
{
    odfgate_scrub_options o = {ODFGATE_SCRUB_ALL, schema, 1, 0, changes};
    odfgate_scrub_result r;
    odfgate_doc *doc = NULL;
    odfgate_result *res = NULL;
    odfgate_error err;
    unlink(out);
    if (odfgate_scrub(in, out, &o, &r, &err) != ODFGATE_OK || !r.written)
        return;
    if (odfgate_doc_open(out, NULL, &doc, &err) > ODFGATE_WARN)
        abort(); /* scrub wrote something odfgate cannot read */
    if (odfgate_check(doc, schema, &res, &err) != ODFGATE_OK || hygiene_findings(res, changes) != 0)
        abort(); /* a comment, macro, personal field or resolved change survived */
    odfgate_result_free(res);
    odfgate_doc_free(doc);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static odfgate_schema *schema;
    char in[] = "/tmp/odfgate-fuzz-XXXXXX", out[64];
    odfgate_doc *doc = NULL, *again = NULL;
    odfgate_result *res = NULL, *res2 = NULL;
    odfgate_error err;
    int fd;
    if (!schema && odfgate_schema_load_builtin(&schema, &err) != ODFGATE_OK)
        abort();
    if ((fd = mkstemp(in)) < 0)
        return 0;
    if (write(fd, data, size) != (ssize_t)size) {
        close(fd);
        unlink(in);
        return 0;
    }
    close(fd);
    snprintf(out, sizeof(out), "%s.out", in);
    if (odfgate_doc_open(in, NULL, &doc, &err) <= ODFGATE_WARN &&
        odfgate_check(doc, schema, &res, &err) == ODFGATE_OK &&
        odfgate_annotate(in, out, doc, res, "2026-01-01T00:00:00Z", 1, NULL, &err) == ODFGATE_OK) {
        if (odfgate_doc_open(out, NULL, &again, &err) > ODFGATE_WARN)
            abort(); /* annotate wrote something odfgate cannot read */
        if (odfgate_doc_heading_count(again) != odfgate_doc_heading_count(doc) ||
            odfgate_doc_words(again) != odfgate_doc_words(doc))
            abort(); /* comments are not text */
        if (odfgate_check(again, schema, &res2, &err) != ODFGATE_OK ||
            content_findings(res2) != content_findings(res))
            abort(); /* (package-nonconformant may go: the copy is a conformant package) */
    }
    odfgate_result_free(res);
    odfgate_result_free(res2);
    odfgate_doc_free(doc);
    odfgate_doc_free(again);
    for (int changes = ODFGATE_CHANGES_LEAVE; changes <= ODFGATE_CHANGES_REJECT; changes++)
        scrub_roundtrip(in, out, schema, changes);
    unlink(out);
    unlink(in);
    return 0;
}
