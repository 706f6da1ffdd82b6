/*
 * merge-junit.c — JUnit XML shards into one <testsuites>.  Each input is parsed through the
 * safe XML layer (xml.h: no network, no entities, no DTD; it also serializes the result);
 * its root must be <testsuites> (or a single <testsuite>).  Every <testsuite> is copied, in
 * input order, under a new root named like the first input's; a suite name found twice (one
 * document in two shards) is refused.
 * The root's tests, failures and errors are recomputed from the testcases themselves.
 */
#include "report/merge.h"

#include "base/vec.h"
#include "read/xml.h"

#define X(s) ((const xmlChar *)(s))

typedef struct totals {
    size_t tests, failures, errors, failed_suites;
} totals;

static int is_element(xmlNodePtr n, const char *name)
{
    return n->type == XML_ELEMENT_NODE && xmlStrcmp(n->name, X(name)) == 0;
}

static int has_child(xmlNodePtr n, const char *name)
{
    for (xmlNodePtr c = n->children; c; c = c->next)
        if (is_element(c, name))
            return 1;
    return 0;
}

static void count_suite(xmlNodePtr suite, totals *t)
{
    size_t failures = 0, errors = 0;
    for (xmlNodePtr c = suite->children; c; c = c->next) {
        if (!is_element(c, "testcase"))
            continue;
        t->tests++;
        failures += has_child(c, "failure");
        errors += has_child(c, "error");
    }
    t->failures += failures;
    t->errors += errors;
    t->failed_suites += failures || errors;
}

typedef OG_VEC(size_t) input_list; /* the input of each copied suite, in order */

typedef struct suite_name {
    char *name;
    size_t input;
} suite_name;

static int by_name(const void *a, const void *b)
{
    const suite_name *x = a, *y = b;
    int c = strcmp(x->name, y->name);
    return c ? c : x->input < y->input ? -1 : x->input > y->input;
}

/* Refuse a suite name that two testsuites share. */
static odfgate_status unique_names(og_merge *m, xmlNodePtr root, const input_list *inputs)
{
    suite_name *v = calloc(inputs->len ? inputs->len : 1, sizeof(*v));
    odfgate_status st = ODFGATE_OK;
    size_t k = 0;
    if (!v)
        return og_fail(m->err, ODFGATE_E_NOMEM, NULL, NULL, "out of memory");
    for (xmlNodePtr s = root->children; s; s = s->next)
        if (is_element(s, "testsuite")) {
            xmlChar *name = xmlGetProp(s, X("name"));
            v[k].name = (char *)name;
            v[k].input = inputs->items[k];
            k++;
        }
    for (size_t i = 0; i < k; i++)
        if (!v[i].name)
            st = og_fail(m->err, ODFGATE_E_USAGE, m->in[v[i].input].name, NULL,
                         "a <testsuite> without a name");
    if (st == ODFGATE_OK && k > 1) {
        qsort(v, k, sizeof(*v), by_name);
        for (size_t i = 1; st == ODFGATE_OK && i < k; i++)
            if (strcmp(v[i].name, v[i - 1].name) == 0) {
                char where[300];
                og_copy_safe(where, sizeof(where), m->in[v[i - 1].input].name);
                st = og_fail(m->err, ODFGATE_E_USAGE, m->in[v[i].input].name, NULL,
                             "testsuite \"%.200s\" is also in %s (the shards overlap)", v[i].name,
                             where);
            }
    }
    for (size_t i = 0; i < k; i++)
        xmlFree(v[i].name);
    free(v);
    return st;
}

/* Drop the indentation text between the elements of a copied suite, so that the output is
 * indented as a whole (text inside failure, error and system-out is kept). */
static void drop_indentation(xmlNodePtr n)
{
    for (xmlNodePtr c = n->children, next; c; c = next) {
        next = c->next;
        if (c->type == XML_TEXT_NODE && xmlIsBlankNode(c)) {
            xmlUnlinkNode(c);
            xmlFreeNode(c);
        } else if (is_element(c, "testcase"))
            drop_indentation(c);
    }
}

/* Copy the testsuites of input i under root, recording i for each in inputs. */
static odfgate_status add_input(og_merge *m, size_t i, xmlDocPtr out, xmlNodePtr root,
                                input_list *inputs, totals *t)
{
    xmlDocPtr doc = og_xml_parse_memory(m->in[i].data, m->in[i].len, m->in[i].name, NULL, m->err);
    xmlNodePtr top, first_suite;
    odfgate_status st = ODFGATE_OK;
    if (!doc)
        return ODFGATE_FAILED;
    top = xmlDocGetRootElement(doc);
    if (!top || (!is_element(top, "testsuites") && !is_element(top, "testsuite"))) {
        xmlFreeDoc(doc);
        return og_fail(m->err, ODFGATE_E_USAGE, m->in[i].name, NULL,
                       "not JUnit XML (the root element is not <testsuites>)");
    }
    if (i == 0 && is_element(top, "testsuites")) {
        xmlChar *name = xmlGetProp(top, X("name"));
        if (name)
            xmlSetProp(root, X("name"), name);
        xmlFree(name);
    }
    first_suite = is_element(top, "testsuite") ? top : top->children;
    for (xmlNodePtr s = first_suite; s && st == ODFGATE_OK; s = s == top ? NULL : s->next) {
        xmlNodePtr copy;
        if (!is_element(s, "testsuite"))
            continue;
        copy = xmlDocCopyNode(s, out, 1);
        if (!copy || OG_VEC_PUSH(inputs, i, SIZE_MAX / sizeof(size_t)) < 0 ||
            !xmlAddChild(root, copy)) {
            xmlFreeNode(copy);
            st = og_fail(m->err, ODFGATE_E_NOMEM, NULL, NULL, "out of memory");
            break;
        }
        drop_indentation(copy);
        count_suite(copy, t);
    }
    xmlFreeDoc(doc);
    return st;
}

odfgate_status og_merge_junit(og_merge *m)
{
    xmlDocPtr out = xmlNewDoc(X("1.0"));
    xmlNodePtr root = out ? xmlNewDocNode(out, NULL, X("testsuites"), NULL) : NULL;
    input_list inputs = {0};
    totals t = {0};
    odfgate_status st =
        root ? ODFGATE_OK : og_fail(m->err, ODFGATE_E_NOMEM, NULL, NULL, "out of memory");
    if (root) {
        xmlDocSetRootElement(out, root);
        xmlSetProp(root, X("name"), X("odfgate"));
    }
    for (size_t i = 0; st == ODFGATE_OK && i < m->n; i++)
        st = add_input(m, i, out, root, &inputs, &t);
    if (st == ODFGATE_OK)
        st = unique_names(m, root, &inputs);
    if (st == ODFGATE_OK) {
        char num[32];
        snprintf(num, sizeof(num), "%zu", t.tests);
        xmlSetProp(root, X("tests"), X(num));
        snprintf(num, sizeof(num), "%zu", t.failures);
        xmlSetProp(root, X("failures"), X(num));
        snprintf(num, sizeof(num), "%zu", t.errors);
        xmlSetProp(root, X("errors"), X(num));
        if (og_xml_write_doc(out, m->out) < 0)
            st = og_fail(m->err, ODFGATE_E_NOMEM, NULL, NULL,
                         "out of memory writing the merged report");
        m->sum->items = inputs.len;
        m->sum->failed = t.failed_suites;
    }
    free(inputs.items);
    xmlFreeDoc(out);
    return st;
}
