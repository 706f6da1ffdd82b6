/* schemalint.c — unknown elements, attributes and values of a schema file, named (see
 * schemalint.h). */
#include "schema/schemalint.h"

#include "text/regex.h"
#include "read/xml.h"

#include <pthread.h>

#define NS_RNG        "http://relaxng.org/ns/structure/1.0"
#define MAX_ELEMENTS  64
#define MAX_NAMES     32
#define MAX_ATTRS     24
#define MAX_VALUES    8
#define MAX_TYPES     4
#define MAX_CHOICES   4
#define MAX_REF_DEPTH 16

typedef struct names {
    const char *v[MAX_NAMES];
    size_t n;
} names;

/* <data type="T"> with the parameters the grammar uses */
typedef struct datatype {
    const char *type, *pattern;
    og_regex *re;       /* pattern compiled once with the vocabulary (NULL: none, or unreadable) */
    long max_inclusive; /* -1: none */
    long min_length;    /* 0: none */
} datatype;

typedef struct attr_spec {
    const char *name;
    names values;              /* <value>s it takes */
    datatype types[MAX_TYPES]; /* or values of these types */
    size_t ntypes;
} attr_spec;

/* One requirement: at least one alternative present (an alternative = attributes all present;
 * a plain required attribute is one alternative of one attribute). */
typedef struct requirement {
    const char *alt[MAX_CHOICES][MAX_CHOICES];
    size_t nalt;
} requirement;

typedef struct vocab_el {
    const char *name;
    attr_spec attrs[MAX_ATTRS];
    size_t nattrs;
    names children;
    requirement req[MAX_ATTRS];
    size_t nreq;
} vocab_el;

static struct {
    xmlDocPtr rng; /* the names point into it */
    vocab_el el[MAX_ELEMENTS];
    size_t n;
    int ok;
} vocab;
static pthread_once_t vocab_once = PTHREAD_ONCE_INIT;
static const char *vocab_text;
static size_t vocab_len;

static int is_rng(xmlNodePtr n, const char *name)
{
    return n->type == XML_ELEMENT_NODE && n->ns && xmlStrEqual(n->ns->href, BAD_CAST NS_RNG) &&
           xmlStrEqual(n->name, BAD_CAST name);
}

static const char *prop(xmlNodePtr n, const char *name)
{
    xmlAttrPtr a = xmlHasProp(n, BAD_CAST name);
    return a && a->children && a->children->type == XML_TEXT_NODE
               ? (const char *)a->children->content
               : NULL;
}

static const char *text_of(xmlNodePtr n)
{
    return n->children && n->children->type == XML_TEXT_NODE ? (const char *)n->children->content
                                                             : NULL;
}

static void add_name(names *s, const char *v)
{
    for (size_t i = 0; v && i < s->n; i++)
        if (strcmp(s->v[i], v) == 0)
            return;
    if (v && s->n < MAX_NAMES)
        s->v[s->n++] = v;
}

static int has_name(const names *s, const char *v)
{
    for (size_t i = 0; i < s->n; i++)
        if (strcmp(s->v[i], v) == 0)
            return 1;
    return 0;
}

static vocab_el *element_named(const char *name, int create)
{
    for (size_t i = 0; i < vocab.n; i++)
        if (strcmp(vocab.el[i].name, name) == 0)
            return &vocab.el[i];
    if (!create || vocab.n == MAX_ELEMENTS)
        return NULL;
    vocab.el[vocab.n].name = name;
    return &vocab.el[vocab.n++];
}

static const attr_spec *attr_named(const vocab_el *e, const char *name)
{
    for (size_t i = 0; i < e->nattrs; i++)
        if (strcmp(e->attrs[i].name, name) == 0)
            return &e->attrs[i];
    return NULL;
}

static xmlNodePtr define_named(const char *name)
{
    xmlNodePtr g = xmlDocGetRootElement(vocab.rng);
    for (xmlNodePtr c = g ? g->children : NULL; name && c; c = c->next)
        if (is_rng(c, "define") && prop(c, "name") && strcmp(prop(c, "name"), name) == 0)
            return c;
    return NULL;
}

/* A datatype's pattern, compiled once with the vocabulary; NULL if RE2 cannot read it. */
static og_regex *compile_pattern(const char *pattern)
{
    char msg[8];
    int nomem;
    return og_regex_new(pattern, 0, msg, sizeof(msg), &nomem);
}

/* The <value>s and <data> types under an attribute's pattern. */
static void collect_values(xmlNodePtr n, attr_spec *a, int depth)
{
    for (xmlNodePtr c = n->children; c && depth < MAX_REF_DEPTH; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        if (is_rng(c, "value")) {
            add_name(&a->values, text_of(c) ? text_of(c) : "");
        } else if (is_rng(c, "data") && prop(c, "type") && a->ntypes < MAX_TYPES) {
            datatype *t = &a->types[a->ntypes++];
            *t = (datatype){prop(c, "type"), NULL, NULL, -1, 0};
            for (xmlNodePtr p = c->children; p; p = p->next) {
                const char *pn = is_rng(p, "param") ? prop(p, "name") : NULL,
                           *pv = pn ? text_of(p) : NULL;
                if (pv && strcmp(pn, "pattern") == 0)
                    t->pattern = pv, t->re = compile_pattern(pv);
                else if (pv && strcmp(pn, "maxInclusive") == 0)
                    t->max_inclusive = strtol(pv, NULL, 10);
                else if (pv && strcmp(pn, "minLength") == 0)
                    t->min_length = strtol(pv, NULL, 10);
            }
        } else if (is_rng(c, "ref")) {
            xmlNodePtr d = define_named(prop(c, "name"));
            if (d)
                collect_values(d, a, depth + 1);
        } else {
            collect_values(c, a, depth + 1);
        }
    }
}

/* The attributes pattern n makes required (not optional, not inside a choice), into alt. */
static void required_of(xmlNodePtr n, const char **alt, size_t *k, int depth)
{
    for (xmlNodePtr c = n->children; c && depth < MAX_REF_DEPTH; c = c->next) {
        if (is_rng(c, "attribute") && prop(c, "name")) {
            if (*k < MAX_CHOICES)
                alt[(*k)++] = prop(c, "name");
        } else if (is_rng(c, "group")) {
            required_of(c, alt, k, depth + 1);
        } else if (is_rng(c, "ref")) {
            xmlNodePtr d = define_named(prop(c, "name"));
            if (d)
                required_of(d, alt, k, depth + 1);
        }
    }
}

/* What element e may hold, from the pattern n (not entering the definitions of its children);
 * `required`: n's attributes are required (not under optional, zeroOrMore or choice). */
static void collect(vocab_el *e, xmlNodePtr n, int required, int depth)
{
    for (xmlNodePtr c = n->children; c && depth < MAX_REF_DEPTH; c = c->next) {
        const char *name = c->type == XML_ELEMENT_NODE ? prop(c, "name") : NULL;
        if (c->type != XML_ELEMENT_NODE)
            continue;
        if (is_rng(c, "element") && name) {
            add_name(&e->children, name);
        } else if (is_rng(c, "attribute") && name) {
            if (!attr_named(e, name) && e->nattrs < MAX_ATTRS) {
                attr_spec *a = &e->attrs[e->nattrs++];
                memset(a, 0, sizeof(*a));
                a->name = name;
                collect_values(c, a, 0);
            }
            if (required && e->nreq < MAX_ATTRS)
                e->req[e->nreq++] = (requirement){{{name}}, 1};
        } else if (is_rng(c, "ref") && name) {
            xmlNodePtr d = define_named(name);
            if (d)
                collect(e, d, required, depth + 1);
        } else if (is_rng(c, "choice")) {
            requirement r = {{{0}}, 0};
            int optional = 0;
            for (xmlNodePtr b = c->children; b; b = b->next) {
                size_t k = 0;
                if (b->type != XML_ELEMENT_NODE)
                    continue;
                if (is_rng(b, "attribute") && prop(b, "name"))
                    r.alt[r.nalt][k++] = prop(b, "name");
                else
                    required_of(b, r.alt[r.nalt], &k, depth + 1);
                optional |= k == 0;
                if (r.nalt < MAX_CHOICES - 1)
                    r.nalt++;
            }
            if (required && !optional && r.nalt && e->nreq < MAX_ATTRS)
                e->req[e->nreq++] = r;
            collect(e, c, 0, depth + 1);
        } else {
            int still = required && (is_rng(c, "group") || is_rng(c, "interleave"));
            collect(e, c, still, depth + 1);
        }
    }
}

static void visit(xmlNodePtr n)
{
    for (xmlNodePtr c = n->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        if (is_rng(c, "element") && prop(c, "name")) {
            vocab_el *e = element_named(prop(c, "name"), 1);
            if (e && !e->nattrs && !e->children.n)
                collect(e, c, 1, 0);
        }
        visit(c);
    }
}

static void build_vocab(void)
{
    odfgate_error err;
    odfgate_error_clear(&err);
    if (!(vocab.rng = og_xml_parse_memory(vocab_text, vocab_len, "odfgate-schema.rng", NULL, &err)))
        return;
    visit(xmlDocGetRootElement(vocab.rng));
    vocab.ok = vocab.n > 0;
}

void og_schema_lint_cleanup(void)
{
    for (size_t i = 0; i < vocab.n; i++)
        for (size_t k = 0; k < vocab.el[i].nattrs; k++)
            for (size_t t = 0; t < vocab.el[i].attrs[k].ntypes; t++)
                og_regex_free(vocab.el[i].attrs[k].types[t].re);
    if (vocab.rng)
        xmlFreeDoc(vocab.rng);
    /* only the elements used: the whole table is ~900 KB that a run which never linted a
     * schema has not touched (zeroing it cost every `odfgate check` ~220 page faults) */
    memset(vocab.el, 0, vocab.n * sizeof(vocab.el[0]));
    vocab.rng = NULL;
    vocab.n = 0;
    vocab.ok = 0;
}

/* ------------------------------------------------------------------ nearest names */

static size_t distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b), row[65];
    if (la > 64 || lb > 64)
        return SIZE_MAX;
    for (size_t j = 0; j <= lb; j++)
        row[j] = j;
    for (size_t i = 1; i <= la; i++) {
        size_t diag = row[0];
        row[0] = i;
        for (size_t j = 1; j <= lb; j++) {
            size_t up = row[j], best = diag + (a[i - 1] != b[j - 1]);
            if (up + 1 < best)
                best = up + 1;
            if (row[j - 1] + 1 < best)
                best = row[j - 1] + 1;
            diag = up;
            row[j] = best;
        }
    }
    return row[lb];
}

/* " (did you mean 'x'?)" for the nearest of s within a third of the word (at least 2 edits),
 * else " (allowed: a, b, c)", into buf. */
static const char *hint(const names *s, const char *got, const char *quote_l, const char *quote_r,
                        char *buf, size_t size)
{
    const char *best = NULL;
    size_t best_d = SIZE_MAX, limit = strlen(got) / 3 > 2 ? strlen(got) / 3 : 2, used = 0;
    for (size_t i = 0; i < s->n; i++) {
        size_t d = distance(got, s->v[i]);
        if (d < best_d)
            best_d = d, best = s->v[i];
    }
    if (best && best_d <= limit) {
        snprintf(buf, size, " (did you mean %s%s%s?)", quote_l, best, quote_r);
        return buf;
    }
    if (!s->n) {
        snprintf(buf, size, " (nothing is allowed there)");
        return buf;
    }
    used = (size_t)snprintf(buf, size, " (allowed: ");
    for (size_t i = 0; i < s->n && used < size; i++)
        used += (size_t)snprintf(buf + used, size - used, "%s%s%s%s", i ? ", " : "", quote_l,
                                 s->v[i], quote_r);
    if (used < size)
        snprintf(buf + used, size - used, ")");
    return buf;
}

/* ------------------------------------------------------------------ the walk */

static int report(odfgate_error *err, const char *path, xmlNodePtr n, const char *what)
{
    long line = xmlGetLineNo(n);
    og_fail(err, ODFGATE_E_SCHEMA, path, NULL, "does not follow the schema format: line %ld: %s",
            line, what);
    og_error_set_line(err, line > 0 ? (int)line : 0);
    return 1;
}

static int in_schema_ns(xmlNodePtr n)
{
    return n->ns && xmlStrEqual(n->ns->href, BAD_CAST OG_NS_SCHEMA);
}

static int all_digits(const char *v)
{
    if (!*v)
        return 0;
    for (; *v; v++)
        if (*v < '0' || *v > '9')
            return 0;
    return 1;
}

/* Is v a value of datatype t? */
static int type_ok(const datatype *t, const char *v)
{
    if (t->min_length > 0 && (long)strlen(v) < t->min_length)
        return 0;
    if (strcmp(t->type, "boolean") == 0)
        return strcmp(v, "true") == 0 || strcmp(v, "false") == 0 || strcmp(v, "1") == 0 ||
               strcmp(v, "0") == 0;
    if (strcmp(t->type, "positiveInteger") == 0 || strcmp(t->type, "nonNegativeInteger") == 0) {
        long min = t->type[0] == 'p';
        if (!all_digits(v) || strlen(v) > 9)
            return 0;
        return strtol(v, NULL, 10) >= min &&
               (t->max_inclusive < 0 || strtol(v, NULL, 10) <= t->max_inclusive);
    }
    if (t->pattern) /* a pattern RE2 cannot read: no opinion */
        return !t->re || og_regex_full(t->re, v, strlen(v)) != 0;
    return 1;
}

/* "true or false", "a whole number from 1 to 10", … for messages. */
static void describe(const datatype *t, char *buf, size_t size)
{
    if (strcmp(t->type, "boolean") == 0)
        snprintf(buf, size, "true or false");
    else if (strcmp(t->type, "positiveInteger") == 0 ||
             strcmp(t->type, "nonNegativeInteger") == 0) {
        if (t->max_inclusive >= 0)
            snprintf(buf, size, "a whole number from %d to %ld", t->type[0] == 'p',
                     t->max_inclusive);
        else
            snprintf(buf, size, "a whole number from %d", t->type[0] == 'p');
    } else if (t->pattern)
        snprintf(buf, size, "text matching %s", t->pattern);
    else
        snprintf(buf, size, "a non-empty value");
}

/* The first attribute of n (element e) that e does not take, whose value e does not accept,
 * or one e requires that n lacks: described in what[], 1; else 0. */
static int lint_attributes(xmlNodePtr n, const vocab_el *e, char *what, size_t size)
{
    char buf[400];
    for (xmlAttrPtr a = n->properties; a; a = a->next) {
        const char *an = (const char *)a->name;
        const attr_spec *spec = a->ns ? NULL : attr_named(e, an);
        if (!spec) {
            names all = {{0}, 0};
            for (size_t i = 0; i < e->nattrs; i++)
                add_name(&all, e->attrs[i].name);
            snprintf(what, size, "<%s> has no attribute '%s'%s", e->name, an,
                     hint(&all, an, "'", "'", buf, sizeof(buf)));
            return 1;
        }
        xmlChar *v = xmlNodeListGetString(n->doc, a->children, 1);
        const char *value = v ? (const char *)v : "";
        int ok = has_name(&spec->values, value) || (!spec->values.n && !spec->ntypes);
        for (size_t k = 0; !ok && k < spec->ntypes; k++)
            ok = type_ok(&spec->types[k], value);
        if (!ok) {
            size_t used = (size_t)snprintf(what, size, "<%s %s=\"%.80s\">: %s takes ", e->name, an,
                                           value, an);
            for (size_t k = 0; k < spec->values.n && used < size; k++)
                used += (size_t)snprintf(what + used, size - used, "%s'%s'", k ? ", " : "",
                                         spec->values.v[k]);
            for (size_t k = 0; k < spec->ntypes && used < size; k++) {
                describe(&spec->types[k], buf, sizeof(buf));
                used += (size_t)snprintf(what + used, size - used, "%s%s",
                                         spec->values.n || k ? " or " : "", buf);
            }
            if (spec->values.n && used < size)
                snprintf(what + used, size - used, "%s",
                         hint(&spec->values, value, "'", "'", buf, sizeof(buf)));
            /* an enumeration that is not near: the list above already says it all */
            if (strstr(what, " (allowed: "))
                *strstr(what, " (allowed: ") = '\0';
        }
        xmlFree(v);
        if (!ok)
            return 1;
    }
    for (size_t r = 0; r < e->nreq; r++) {
        const requirement *q = &e->req[r];
        int met = 0;
        for (size_t k = 0; k < q->nalt && !met; k++) {
            met = 1;
            for (size_t i = 0; i < MAX_CHOICES && q->alt[k][i]; i++)
                met &= xmlHasProp(n, BAD_CAST q->alt[k][i]) != NULL;
        }
        if (met)
            continue;
        if (q->nalt == 1) {
            snprintf(what, size, "<%s> needs the attribute '%s'", e->name, q->alt[0][0]);
        } else {
            size_t used =
                (size_t)snprintf(what, size, "<%s> needs one of the attributes ", e->name);
            for (size_t k = 0; k < q->nalt && used < size; k++)
                used += (size_t)snprintf(what + used, size - used, "%s'%s'",
                                         k ? (k + 1 == q->nalt ? " or " : ", ") : "", q->alt[k][0]);
        }
        return 1;
    }
    return 0;
}

static int lint(xmlNodePtr n, const vocab_el *parent, const char *path, odfgate_error *err)
{
    char buf[400], what[700];
    const char *name = (const char *)n->name;
    const vocab_el *e;
    if (!in_schema_ns(n)) {
        snprintf(what, sizeof(what),
                 "<%s> is not in the schema namespace%s%s (the root needs xmlns=\"" OG_NS_SCHEMA
                 "\")",
                 name, n->ns ? ": it is in " : "", n->ns ? (const char *)n->ns->href : "");
        return report(err, path, n, what);
    }
    if (parent && !has_name(&parent->children, name)) {
        snprintf(what, sizeof(what), "<%s> is not allowed in <%s>%s", name, parent->name,
                 hint(&parent->children, name, "<", ">", buf, sizeof(buf)));
        return report(err, path, n, what);
    }
    if (!(e = element_named(name, 0)) || (!parent && strcmp(name, "schema") != 0)) {
        names root = {{"schema"}, 1};
        snprintf(what, sizeof(what), "<%s> is not %s%s", name,
                 parent ? "an element of the schema format" : "the root <schema>",
                 hint(&root, name, "<", ">", buf, sizeof(buf)));
        return report(err, path, n, what);
    }
    if (lint_attributes(n, e, what, sizeof(what)))
        return report(err, path, n, what);
    for (xmlNodePtr c = n->children; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE && lint(c, e, path, err))
            return 1;
    return 0;
}

int og_schema_lint(xmlDocPtr doc, const char *rng, size_t rng_len, const char *path,
                   odfgate_error *err)
{
    xmlNodePtr root = doc ? xmlDocGetRootElement(doc) : NULL;
    vocab_text = rng;
    vocab_len = rng_len;
    pthread_once(&vocab_once, build_vocab);
    if (!vocab.ok || !root)
        return 0;
    return lint(root, NULL, path, err);
}
