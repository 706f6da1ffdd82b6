/*
 * grammar.c — schema files are checked against the RelaxNG grammar compiled into the library
 * (filter/odfgate-schema.rng, embedded at build time), once per process; a refusal is named
 * by schemalint.c (the element, attribute or value and its line).
 */
#include "schema/grammar.h"

#include "schema/schemalint.h"

#include <libxml/relaxng.h>
#include <pthread.h>

extern const char og_embedded_rng[];
extern const size_t og_embedded_rng_len;

static pthread_once_t grammar_once = PTHREAD_ONCE_INIT;
static xmlRelaxNGPtr grammar;
static char grammar_error[256];

static void grammar_serror(void *ctx, xmlErrorPtr e)
{
    (void)ctx;
    if (!grammar_error[0] && e && e->message)
        og_copy_safe(grammar_error, sizeof(grammar_error), e->message);
}

static void compile_grammar(void)
{
    xmlRelaxNGParserCtxtPtr pc =
        xmlRelaxNGNewMemParserCtxt(og_embedded_rng, (int)og_embedded_rng_len);
    if (!pc)
        return;
    xmlRelaxNGSetParserStructuredErrors(pc, grammar_serror, NULL);
    grammar = xmlRelaxNGParse(pc);
    xmlRelaxNGFreeParserCtxt(pc);
}

typedef struct valid_sink {
    char msg[300];
    int line;
} valid_sink;

static void valid_serror(void *ctx, xmlErrorPtr e)
{
    valid_sink *v = ctx;
    if (!v->msg[0] && e && e->message) {
        og_copy_safe(v->msg, sizeof(v->msg), e->message);
        size_t n = strlen(v->msg);
        while (n && (v->msg[n - 1] == '?' || v->msg[n - 1] == ' '))
            v->msg[--n] = '\0';
        /* libxml2 gives line 0 for errors found in an interleave: the node still knows */
        v->line = e->line > 0 ? e->line : e->node ? (int)xmlGetLineNo((xmlNodePtr)e->node) : 0;
    }
}

int og_schema_validate(xmlDocPtr doc, const char *path, odfgate_error *err)
{
    valid_sink v = {{0}, 0};
    xmlRelaxNGValidCtxtPtr vc;
    int rc;
    pthread_once(&grammar_once, compile_grammar);
    if (!grammar) {
        og_fail(err, ODFGATE_E_SCHEMA, path, NULL,
                "internal error: the schema grammar does not compile: %s", grammar_error);
        return -1;
    }
    if (!(vc = xmlRelaxNGNewValidCtxt(grammar))) {
        og_fail(err, ODFGATE_E_NOMEM, path, NULL, "out of memory");
        return -1;
    }
    xmlRelaxNGSetValidStructuredErrors(vc, valid_serror, &v);
    rc = xmlRelaxNGValidateDoc(vc, doc);
    xmlRelaxNGFreeValidCtxt(vc);
    if (rc == 0)
        return 0;
    if (og_schema_lint(doc, og_embedded_rng, og_embedded_rng_len, path, err))
        return -1; /* the unknown name, its line and the nearest valid one */
    og_fail(err, ODFGATE_E_SCHEMA, path, NULL, "does not follow the schema format: %s (line %d)",
            v.msg[0] ? v.msg : "invalid", v.line);
    og_error_set_line(err, v.line);
    return -1;
}

void og_schema_global_cleanup(void)
{
    if (grammar)
        xmlRelaxNGFree(grammar);
    grammar = NULL;
    og_schema_lint_cleanup();
}

/* ------------------------------------------------------------------ DOM helpers */
