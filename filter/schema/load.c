/*
 * load.c — load a required-section schema (format: man/odfgate-schema.5).
 *
 *   file → bytes (≤ 4 MiB) → og_xml_parse_memory (entities refused) → RelaxNG (the grammar
 *   compiled into the library) → `extends` resolved by merging DOMs, parent first →
 *   interpreted into struct odfgate_schema (schema.h) → consistency checks.
 */
#include "schema/schema.h"

#include "schema/grammar.h"
#include "base/buf.h"
#include "schema/clause.h"
#include "text/regex.h"
#include "schema/registry.h"
#include "schema/schemaref.h"
#include "schema/schemalint.h"
#include "text/text.h"
#include "read/xml.h"

#include <errno.h>
#include <libgen.h>

extern const char og_embedded_default_schema[];
extern const size_t og_embedded_default_schema_len;

#define OG_SCHEMA_MAX_FILE  (4u * 1024u * 1024u)
#define OG_SCHEMA_MAX_CHAIN 8

static int is_el(xmlNodePtr n, const char *name)
{
    return n && n->type == XML_ELEMENT_NODE && n->ns &&
           strcmp((const char *)n->ns->href, OG_NS_SCHEMA) == 0 &&
           strcmp((const char *)n->name, name) == 0;
}

static xmlNodePtr child(xmlNodePtr parent, const char *name)
{
    for (xmlNodePtr c = parent ? parent->children : NULL; c; c = c->next)
        if (is_el(c, name))
            return c;
    return NULL;
}

/* Attribute value (xmlFree it) or NULL. */
static char *attr(xmlNodePtr n, const char *name)
{
    return (char *)xmlGetProp(n, (const xmlChar *)name);
}

static int attr_bool(xmlNodePtr n, const char *name, int dflt)
{
    char *v = attr(n, name);
    int r = dflt;
    if (v)
        r = strcmp(v, "true") == 0 || strcmp(v, "1") == 0;
    xmlFree(v);
    return r;
}

static uint64_t attr_uint(xmlNodePtr n, const char *name, uint64_t dflt)
{
    char *v = attr(n, name);
    uint64_t r = v ? strtoull(v, NULL, 10) : dflt;
    xmlFree(v);
    return r;
}

/* Attribute or element text, copied into the arena, whitespace collapsed; NULL if absent. */
static const char *arena_text(og_arena *a, const char *s)
{
    og_buf b;
    const char *r;
    size_t n;
    if (!s)
        return NULL;
    og_buf_init(&b, OG_SCHEMA_MAX_FILE);
    while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
        s++;
    if (og_append_collapsed(&b, s, strlen(s)) != OG_BUF_OK) {
        og_buf_free(&b);
        return NULL;
    }
    n = b.len;
    if (n && b.data[n - 1] == ' ')
        n--;
    r = og_arena_strndup(a, b.data ? b.data : "", n);
    og_buf_free(&b);
    return r;
}

static const char *attr_text(og_arena *a, xmlNodePtr n, const char *name)
{
    char *v = attr(n, name);
    const char *r = arena_text(a, v);
    xmlFree(v);
    return r;
}

static const char *node_text(og_arena *a, xmlNodePtr n)
{
    xmlChar *v = xmlNodeGetContent(n);
    const char *r = arena_text(a, (const char *)v);
    xmlFree(v);
    return r;
}

static size_t count_children(xmlNodePtr parent, const char *name)
{
    size_t n = 0;
    for (xmlNodePtr c = parent ? parent->children : NULL; c; c = c->next)
        n += is_el(c, name);
    return n;
}

/* ------------------------------------------------------------------ reading a file */

/* validate = 0 only for the built-in schema: it is compiled in from a file that the build's
 * tests validate (tests/unit/test-schema.c), and skipping the grammar saves every process
 * the RelaxNG compile. */
static xmlDocPtr parse_schema(const char *data, size_t len, const char *path, int validate,
                              odfgate_error *err)
{
    odfgate_error perr;
    xmlDocPtr doc;
    odfgate_error_clear(&perr);
    doc = og_xml_parse_memory(data, len, path, NULL, &perr);
    if (!doc) {
        og_fail(err, perr.code == ODFGATE_E_NOMEM ? ODFGATE_E_NOMEM : ODFGATE_E_SCHEMA, path, NULL,
                "not a well-formed schema: %s", perr.message);
        og_error_set_line(err, perr.line);
        return NULL;
    }
    if (validate && og_schema_validate(doc, path, err) < 0) {
        xmlFreeDoc(doc);
        return NULL;
    }
    return doc;
}

/* Where a load gets its material: the fetcher for URLs (may be NULL). */
typedef struct load_ctx {
    odfgate_fetcher *f;
} load_ctx;

/* Read and validate a schema from a path or URL; pin may be NULL.  References found in
 * fetched material are untrusted (schemaref.h). */
static xmlDocPtr read_schema_file(const load_ctx *ctx, const char *path, const char *pin,
                                  int untrusted, odfgate_error *err)
{
    og_buf b;
    xmlDocPtr doc = NULL;
    og_buf_init(&b, OG_SCHEMA_MAX_FILE);
    if (og_ref_read(ctx->f, path, pin, untrusted, OG_SCHEMA_MAX_FILE, "schema", &b, err) == 0)
        doc = parse_schema(b.data ? b.data : "", b.len, path, 1, err);
    og_buf_free(&b);
    return doc;
}

/* ------------------------------------------------------------------ extends: DOM merge */

static xmlNodePtr ensure_child(xmlNodePtr parent, const char *name)
{
    xmlNodePtr c = child(parent, name);
    if (!c)
        c = xmlNewChild(parent, parent->ns, (const xmlChar *)name, NULL);
    return c;
}

static xmlNodePtr copy_into(xmlNodePtr n, xmlNodePtr parent)
{
    xmlNodePtr c = xmlDocCopyNode(n, parent->doc, 1);
    if (c && !xmlAddChild(parent, c)) {
        xmlFreeNode(c);
        return NULL;
    }
    return c;
}

static xmlNodePtr find_by_attr(xmlNodePtr parent, const char *el, const char *name,
                               const char *value, int deep)
{
    for (xmlNodePtr c = parent ? parent->children : NULL; c; c = c->next) {
        if (!is_el(c, el))
            continue;
        char *v = attr(c, name);
        int hit = v && strcmp(v, value) == 0;
        xmlFree(v);
        if (hit)
            return c;
        if (deep) {
            xmlNodePtr d = find_by_attr(c, el, name, value, deep);
            if (d)
                return d;
        }
    }
    return NULL;
}

/* Replace (or remove, or append) child elements of `into` from `from`, keyed by attribute. */
static int merge_keyed(xmlNodePtr into, xmlNodePtr from, const char *el, const char *key, int deep)
{
    for (xmlNodePtr c = from ? from->children : NULL; c; c = c->next) {
        if (!is_el(c, el))
            continue;
        char *id = attr(c, key);
        xmlNodePtr old = id ? find_by_attr(into, el, key, id, deep) : NULL;
        int remove = attr_bool(c, "remove", 0);
        xmlFree(id);
        if (old) {
            if (remove) {
                xmlUnlinkNode(old);
                xmlFreeNode(old);
            } else {
                xmlNodePtr n = xmlDocCopyNode(c, into->doc, 1);
                if (!n)
                    return -1;
                xmlReplaceNode(old, n);
                xmlFreeNode(old);
            }
        } else if (!remove && !copy_into(c, into))
            return -1;
    }
    return 0;
}

static int merge(xmlDocPtr base, xmlDocPtr over)
{
    xmlNodePtr b = xmlDocGetRootElement(base), o = xmlDocGetRootElement(over), oc;
    static const char *const root_attrs[] = {"id", "version", "ordered", "closed"};
    for (size_t i = 0; i < OG_ARRAY_LEN(root_attrs); i++) {
        char *v = attr(o, root_attrs[i]);
        if (v)
            xmlSetProp(b, (const xmlChar *)root_attrs[i], (const xmlChar *)v);
        xmlFree(v);
    }
    for (size_t i = 0; i < 4; i++) { /* whole-element replacements */
        static const char *const whole[] = {"title", "description", "signatories", "registry"};
        if ((oc = child(o, whole[i])) != NULL) {
            xmlNodePtr old = child(b, whole[i]);
            if (old) {
                xmlUnlinkNode(old);
                xmlFreeNode(old);
            }
            if (!copy_into(oc, b))
                return -1;
        }
    }
    if ((oc = child(o, "metadata")) &&
        merge_keyed(ensure_child(b, "metadata"), oc, "field", "name", 0) < 0)
        return -1;
    if ((oc = child(o, "sections")) &&
        merge_keyed(ensure_child(b, "sections"), oc, "section", "id", 1) < 0)
        return -1;
    if ((oc = child(o, "rules")) && merge_keyed(ensure_child(b, "rules"), oc, "rule", "id", 0) < 0)
        return -1;
    if ((oc = child(o, "clauses")) &&
        merge_keyed(ensure_child(b, "clauses"), oc, "clause", "id", 0) < 0)
        return -1;
    if ((oc = child(o, "phrases"))) {
        xmlNodePtr into = ensure_child(b, "phrases");
        for (xmlNodePtr c = oc->children; c; c = c->next)
            if (c->type == XML_ELEMENT_NODE && !copy_into(c, into))
                return -1;
    }
    if ((oc = child(o, "placeholders"))) {
        xmlNodePtr into = ensure_child(b, "placeholders");
        char *d = attr(oc, "defaults");
        if (d)
            xmlSetProp(into, (const xmlChar *)"defaults", (const xmlChar *)d);
        xmlFree(d);
        for (xmlNodePtr c = oc->children; c; c = c->next)
            if (is_el(c, "placeholder") && !copy_into(c, into))
                return -1;
    }
    return 0;
}

/* Load `doc` (already parsed and valid, from `path`) with its extends chain merged in. */
#define OG_ATTR_UNTRUSTED "og-untrusted" /* set on registry/clause after validation */

/* Resolve the href of registry and clause elements of one file of the chain against that
 * file's path or URL, and mark those to fetch as untrusted (schemaref.h): after the merge,
 * which file an element came from is no longer known. */
static int absolutize_ref(xmlNodePtr n, const char *path, int untrusted, odfgate_error *err)
{
    char *href = n ? attr(n, "href") : NULL, *abs;
    if (!href)
        return 0;
    if (!path && !og_ref_is_remote(href)) {
        og_fail(err, ODFGATE_E_SCHEMA, "schema", NULL,
                "href=\"%s\" cannot be resolved for a schema held in memory", href);
        xmlFree(href);
        return -1;
    }
    if (!(abs = og_ref_resolve(path, href))) {
        og_fail(err, ODFGATE_E_SCHEMA, path ? path : "schema", NULL,
                "href=\"%s\" cannot be resolved", href);
        xmlFree(href);
        return -1;
    }
    xmlSetProp(n, (const xmlChar *)"href", (const xmlChar *)abs);
    if (og_ref_untrusted(path, untrusted, abs))
        xmlSetProp(n, (const xmlChar *)OG_ATTR_UNTRUSTED, (const xmlChar *)"1");
    xmlFree(href);
    free(abs);
    return 0;
}

static int absolutize_refs(xmlDocPtr doc, const char *path, int untrusted, odfgate_error *err)
{
    xmlNodePtr root = xmlDocGetRootElement(doc), clauses = child(root, "clauses");
    if (absolutize_ref(child(root, "registry"), path, untrusted, err) < 0)
        return -1;
    for (xmlNodePtr c = clauses ? clauses->children : NULL; c; c = c->next)
        if (is_el(c, "clause") && absolutize_ref(c, path, untrusted, err) < 0)
            return -1;
    return 0;
}

static xmlDocPtr resolve_extends(const load_ctx *ctx, xmlDocPtr doc, const char *path,
                                 int untrusted, int depth, char **chain, odfgate_error *err)
{
    int parent_untrusted;
    char *ext = attr(xmlDocGetRootElement(doc), "extends"), *parent_path;
    char *pin = attr(xmlDocGetRootElement(doc), "extends-sha256");
    xmlDocPtr parent;
    if (!ext)
        return doc;
    if (!path) {
        og_fail(err, ODFGATE_E_SCHEMA, "schema", NULL,
                "extends=\"%s\" cannot be resolved for a schema held in memory", ext);
        xmlFree(ext);
        xmlFree(pin);
        xmlFreeDoc(doc);
        return NULL;
    }
    parent_path = og_ref_resolve(path, ext);
    if (!parent_path) {
        og_fail(err, ODFGATE_E_SCHEMA, path, NULL,
                "extends=\"%s\" cannot be resolved against the schema's URL", ext);
        xmlFree(ext);
        xmlFree(pin);
        xmlFreeDoc(doc);
        return NULL;
    }
    xmlFree(ext);
    if (depth >= OG_SCHEMA_MAX_CHAIN) {
        og_fail(err, ODFGATE_E_SCHEMA, path, NULL, "extends chain longer than %d files",
                OG_SCHEMA_MAX_CHAIN);
        goto fail;
    }
    for (int i = 0; i < depth; i++) {
        if (og_ref_same(chain[i], parent_path)) {
            og_fail(err, ODFGATE_E_SCHEMA, path, NULL, "extends cycle: %s is already in the chain",
                    parent_path);
            goto fail;
        }
    }
    /* what a remote schema names is untrusted, and stays remote (schemaref.h) */
    parent_untrusted = og_ref_untrusted(path, untrusted, parent_path);
    if (!(parent = read_schema_file(ctx, parent_path, pin, parent_untrusted, err))) {
        if (err && err->code != ODFGATE_E_NOMEM && err->code != ODFGATE_E_FETCH) {
            char inner[sizeof(err->message)];
            og_copy_safe(inner, sizeof(inner), err->message);
            og_fail(err, ODFGATE_E_SCHEMA, path, NULL, "extends %s: %s", parent_path, inner);
        }
        goto fail;
    }
    chain[depth] = parent_path;
    if (absolutize_refs(parent, parent_path, parent_untrusted, err) < 0) {
        xmlFreeDoc(parent);
        goto fail;
    }
    parent = resolve_extends(ctx, parent, parent_path, parent_untrusted, depth + 1, chain, err);
    chain[depth] = NULL;
    if (!parent)
        goto fail;
    if (merge(parent, doc) < 0) {
        xmlFreeDoc(parent);
        og_fail(err, ODFGATE_E_NOMEM, path, NULL, "out of memory");
        goto fail;
    }
    free(parent_path);
    xmlFree(pin);
    xmlFreeDoc(doc);
    return parent;
fail:
    free(parent_path);
    xmlFree(pin);
    xmlFreeDoc(doc);
    return NULL;
}

/* ------------------------------------------------------------------ interpretation */

typedef struct builder {
    odfgate_schema *s;
    const char *path;
    odfgate_error *err;
} builder;

static int nomem(builder *b)
{
    og_fail(b->err, ODFGATE_E_NOMEM, b->path, NULL, "out of memory");
    return -1;
}

static int bad(builder *b, xmlNodePtr n, const char *fmt, const char *a1, const char *a2)
{
    char msg[400];
    snprintf(msg, sizeof(msg), "%s", fmt);
    og_fail(b->err, ODFGATE_E_SCHEMA, b->path, NULL, "%s%s%s%s%s (line %ld)", msg, a1 ? " " : "",
            a1 ? a1 : "", a2 ? " " : "", a2 ? a2 : "", n ? xmlGetLineNo(n) : 0L);
    og_error_set_line(b->err, n ? xmlGetLineNo(n) : 0);
    return -1;
}

static int phrase_from(builder *b, og_phrase *p, xmlNodePtr n)
{
    char *text = attr(n, "phrase"), *match = attr(n, "match");
    int rc = og_phrase_init(
        p, &b->s->arena, match && strcmp(match, "regex") == 0 ? OG_PHRASE_REGEX : OG_PHRASE_LITERAL,
        text, attr_bool(n, "ignore-case", 0), b->path, b->err);
    xmlFree(text);
    xmlFree(match);
    if (rc == 0)
        p->message = attr_text(&b->s->arena, n, "message");
    else
        og_error_set_line(b->err, xmlGetLineNo(n));
    return rc;
}

static int phrases_from(builder *b, xmlNodePtr parent, const char *el, og_phrase **out,
                        size_t *count)
{
    size_t n = count_children(parent, el), i = 0;
    *count = 0;
    if (!n)
        return 0;
    if (!(*out = og_arena_zalloc(&b->s->arena, n * sizeof(og_phrase))))
        return nomem(b);
    for (xmlNodePtr c = parent->children; c; c = c->next)
        if (is_el(c, el)) {
            if (phrase_from(b, &(*out)[i], c) < 0)
                return -1;
            *count = ++i;
        }
    return 0;
}

static size_t count_sections(xmlNodePtr parent)
{
    size_t n = 0;
    for (xmlNodePtr c = parent ? parent->children : NULL; c; c = c->next)
        if (is_el(c, "section"))
            n += 1 + count_sections(c);
    return n;
}

static int add_key(builder *b, og_section *sec, const char *text, og_buf *key)
{
    if (og_heading_key(text, key) != OG_BUF_OK)
        return nomem(b);
    if (key->len == 0)
        return 0;
    for (size_t k = 0; k < sec->key_count; k++)
        if (strcmp(sec->keys[k], key->data) == 0)
            return 0;
    if (!(sec->keys[sec->key_count] = og_arena_strdup(&b->s->arena, key->data)))
        return nomem(b);
    sec->key_count++;
    return 0;
}

/* Depth-first: the section, then its subsections (the rules rely on parents first). */
static int sections_from(builder *b, xmlNodePtr parent, size_t parent_idx, int depth, og_buf *key)
{
    odfgate_schema *s = b->s;
    og_arena *a = &s->arena;
    for (xmlNodePtr c = parent->children; c; c = c->next) {
        if (!is_el(c, "section") || attr_bool(c, "remove", 0))
            continue;
        size_t idx = s->section_count++;
        og_section *sec = &s->sections[idx];
        int parent_level = parent_idx == OG_NONE ? 0 : s->sections[parent_idx].level;
        sec->id = attr_text(a, c, "id");
        sec->heading = attr_text(a, c, "heading");
        if (!sec->id || !sec->heading)
            return nomem(b);
        sec->parent = parent_idx;
        sec->depth = depth;
        sec->level = (int)attr_uint(c, "level", (uint64_t)parent_level + 1);
        sec->required = attr_bool(c, "required", 1);
        sec->min_words = attr_uint(c, "min-words", 0);
        sec->max_words = attr_uint(c, "max-words", 0);
        if (sec->level < 1 || sec->level > 10)
            return bad(b, c, "section", sec->id, "has a level outside 1..10");
        if (sec->level <= parent_level)
            return bad(b, c, "section", sec->id,
                       "must have a deeper level than its parent section");
        if (sec->max_words && sec->min_words > sec->max_words)
            return bad(b, c, "section", sec->id, "has min-words greater than max-words");
        sec->alias_count = count_children(c, "alias");
        sec->aliases = og_arena_zalloc(a, (sec->alias_count + 1) * sizeof(char *));
        sec->keys = og_arena_zalloc(a, (sec->alias_count + 2) * sizeof(char *));
        if (!sec->aliases || !sec->keys)
            return nomem(b);
        if (add_key(b, sec, sec->heading, key) < 0)
            return -1;
        size_t k = 0;
        for (xmlNodePtr al = c->children; al; al = al->next) {
            if (is_el(al, "alias")) {
                if (!(sec->aliases[k] = node_text(a, al)))
                    return nomem(b);
                if (add_key(b, sec, sec->aliases[k++], key) < 0)
                    return -1;
            } else if (is_el(al, "guidance") && !(sec->guidance = node_text(a, al)))
                return nomem(b);
        }
        if (phrases_from(b, c, "require", &sec->required_phrases, &sec->required_count) < 0 ||
            phrases_from(b, c, "forbid", &sec->forbidden_phrases, &sec->forbidden_count) < 0)
            return -1;
        if (sections_from(b, c, idx, depth + 1, key) < 0)
            return -1;
    }
    return 0;
}

static int known_meta_field(const char *name)
{
    static const char *const fields[] = {
        "title",         "subject", "description", "keywords",       "creator", "initial-creator",
        "creation-date", "date",    "generator",   "editing-cycles", "language"};
    if (strncmp(name, "user:", 5) == 0)
        return name[5] != '\0';
    for (size_t i = 0; i < OG_ARRAY_LEN(fields); i++)
        if (strcmp(name, fields[i]) == 0)
            return 1;
    return 0;
}

static int metadata_from(builder *b, xmlNodePtr md)
{
    odfgate_schema *s = b->s;
    size_t n = count_children(md, "field");
    if (!n)
        return 0;
    if (!(s->meta = og_arena_zalloc(&s->arena, n * sizeof(og_meta_req))))
        return nomem(b);
    for (xmlNodePtr c = md->children; c; c = c->next) {
        if (!is_el(c, "field"))
            continue;
        og_meta_req *m = &s->meta[s->meta_count];
        m->field = attr_text(&s->arena, c, "name");
        m->required = attr_bool(c, "required", 0);
        m->pattern_text = attr_text(&s->arena, c, "pattern");
        if (!m->field)
            return nomem(b);
        if (!known_meta_field(m->field))
            return bad(b, c, "unknown metadata field", m->field, "(see odfgate-schema(5))");
        if (m->pattern_text) {
            char msg[160];
            int oom;
            if (!(m->pattern = og_regex_new(m->pattern_text, 0, msg, sizeof(msg), &oom)))
                return oom ? nomem(b)
                           : bad(b, c, "invalid pattern for metadata field", m->field, msg);
        }
        s->meta_count++;
    }
    return 0;
}

/* The built-in placeholder patterns (see odfgate-schema(5)). */
static const struct {
    const char *text;
    og_phrase_kind kind;
} default_placeholders[] = {
    {"TBC", OG_PHRASE_LITERAL}, {"TBD", OG_PHRASE_LITERAL},         {"TODO", OG_PHRASE_LITERAL},
    {"XXX", OG_PHRASE_LITERAL}, {"lorem ipsum", OG_PHRASE_LITERAL}, {"insert", OG_PHRASE_BRACKETED},
};

static int placeholders_from(builder *b, xmlNodePtr ph)
{
    odfgate_schema *s = b->s;
    int defaults = ph ? attr_bool(ph, "defaults", 1) : 1;
    size_t n =
        count_children(ph, "placeholder") + (defaults ? OG_ARRAY_LEN(default_placeholders) : 0);
    if (!n)
        return 0;
    if (!(s->placeholders = og_arena_zalloc(&s->arena, n * sizeof(og_phrase))))
        return nomem(b);
    if (defaults)
        for (size_t i = 0; i < OG_ARRAY_LEN(default_placeholders); i++) {
            if (og_phrase_init(&s->placeholders[s->placeholder_count], &s->arena,
                               default_placeholders[i].kind, default_placeholders[i].text, 0,
                               b->path, b->err) < 0)
                return -1;
            s->placeholder_count++;
        }
    for (xmlNodePtr c = ph ? ph->children : NULL; c; c = c->next)
        if (is_el(c, "placeholder")) {
            if (phrase_from(b, &s->placeholders[s->placeholder_count], c) < 0)
                return -1;
            s->placeholder_count++;
        }
    return 0;
}

/* A <rule> names one rule, or a family whose rules are all off by default ("a11y"): every
 * rule of it.  Later entries override earlier ones (og_schema_severity takes the last). */
static int rules_from(builder *b, xmlNodePtr rules)
{
    odfgate_schema *s = b->s;
    size_t n = count_children(rules, "rule") * odfgate_rule_count();
    if (!n)
        return 0;
    if (!(s->severities = og_arena_zalloc(&s->arena, n * sizeof(og_rule_severity))))
        return nomem(b);
    for (xmlNodePtr c = rules->children; c; c = c->next) {
        if (!is_el(c, "rule"))
            continue;
        const char *sev = attr_text(&s->arena, c, "severity");
        const char *id = attr_text(&s->arena, c, "id");
        if (!id || !sev)
            return nomem(b);
        og_rule one = og_rule_find(id);
        int family = one == OG_RULE_NONE && strcmp(id, "a11y") == 0;
        if (one == OG_RULE_NONE && !family)
            return bad(b, c, "unknown rule", id, "(odfgate rules lists them)");
        for (size_t i = 0; i < odfgate_rule_count(); i++) {
            og_rule r = (og_rule)(i + 1);
            if (family ? strcmp(odfgate_rule_at(i)->family, id) != 0 : r != one)
                continue;
            s->severities[s->severity_count].rule = r;
            s->severities[s->severity_count].severity =
                (odfgate_severity)odfgate_severity_parse(sev);
            s->severity_count++;
        }
    }
    return 0;
}

static int signatories_from(builder *b, xmlNodePtr sg)
{
    odfgate_schema *s = b->s;
    og_arena *a = &s->arena;
    size_t n = count_children(sg, "signatory");
    char *req;
    if (!n)
        return 0;
    if (!(s->signatories = og_arena_zalloc(a, n * sizeof(og_signatory))))
        return nomem(b);
    for (xmlNodePtr c = sg->children; c; c = c->next) {
        if (!is_el(c, "signatory"))
            continue;
        og_signatory *g = &s->signatories[s->signatory_count];
        g->id = attr_text(a, c, "id");
        g->name = attr_text(a, c, "name");
        g->alias_count = count_children(c, "alias");
        g->aliases = og_arena_zalloc(a, (g->alias_count + 1) * sizeof(char *));
        if (!g->id || !g->name || !g->aliases)
            return nomem(b);
        size_t k = 0;
        for (xmlNodePtr al = c->children; al; al = al->next)
            if (is_el(al, "alias") && !(g->aliases[k++] = node_text(a, al)))
                return nomem(b);
        for (size_t j = 0; j < s->signatory_count; j++)
            if (strcmp(s->signatories[j].id, g->id) == 0)
                return bad(b, c, "duplicate signatory id", g->id, NULL);
        s->signatory_count++;
    }
    s->quorum = s->signatory_count;
    req = attr(sg, "require");
    if (req && strcmp(req, "all") != 0) {
        unsigned long long q = strtoull(req, NULL, 10);
        if (q < 1 || q > s->signatory_count) {
            xmlFree(req);
            return bad(b, sg,
                       "signatories require= must be \"all\" or a number from 1 to the number of "
                       "signatories",
                       NULL, NULL);
        }
        s->quorum = (size_t)q;
    }
    xmlFree(req);
    req = attr(sg, "require-signature");
    s->require_signature = req && strcmp(req, "true") == 0;
    xmlFree(req);
    return 0;
}

/* The signatory registry and standard clauses: fetched now and kept in the schema. */
static int registry_from(const load_ctx *ctx, builder *b, xmlNodePtr reg)
{
    odfgate_schema *s = b->s;
    char *pin = reg ? attr(reg, "sha256") : NULL;
    og_buf data;
    int rc = -1;
    if (!reg)
        return 0;
    og_buf_init(&data, OG_REGISTRY_MAX_FILE);
    if (!(s->registry_href = attr_text(&s->arena, reg, "href")))
        nomem(b);
    else if (og_ref_read(ctx->f, s->registry_href, pin, attr_bool(reg, OG_ATTR_UNTRUSTED, 0),
                         OG_REGISTRY_MAX_FILE, "registry", &data, b->err) == 0)
        rc = og_registry_parse(s, data.data ? data.data : "", data.len, s->registry_href, b->err);
    xmlFree(pin);
    og_buf_free(&data);
    return rc;
}

static int clauses_from(const load_ctx *ctx, builder *b, xmlNodePtr cl)
{
    odfgate_schema *s = b->s;
    size_t n = count_children(cl, "clause");
    og_buf data;
    if (!n)
        return 0;
    if (!(s->clauses = og_arena_zalloc(&s->arena, n * sizeof(og_clause))))
        return nomem(b);
    og_buf_init(&data, OG_CLAUSE_MAX_FILE);
    for (xmlNodePtr c = cl->children; c; c = c->next) {
        if (!is_el(c, "clause") || attr_bool(c, "remove", 0))
            continue;
        og_clause *k = &s->clauses[s->clause_count];
        const char *section = attr_text(&s->arena, c, "section");
        char *pin = attr(c, "sha256");
        int rc = -1;
        k->id = attr_text(&s->arena, c, "id");
        k->href = attr_text(&s->arena, c, "href");
        k->section = OG_NONE;
        if (!k->id || !k->href)
            rc = nomem(b);
        else if (section && (k->section = og_schema_section_index(s, section)) == OG_NONE)
            rc = bad(b, c, "clause", k->id, "names a section the schema does not have");
        else if (og_ref_read(ctx->f, k->href, pin, attr_bool(c, OG_ATTR_UNTRUSTED, 0),
                             OG_CLAUSE_MAX_FILE, "clause", &data, b->err) == 0)
            rc = og_clause_load(s, k, data.data ? data.data : "", data.len, k->href, b->err);
        xmlFree(pin);
        if (rc < 0) {
            og_buf_free(&data);
            return -1;
        }
        for (size_t j = 0; j < s->clause_count; j++)
            if (strcmp(s->clauses[j].id, k->id) == 0) {
                og_buf_free(&data);
                return bad(b, c, "duplicate clause id", k->id, NULL);
            }
        s->clause_count++;
    }
    og_buf_free(&data);
    return 0;
}

static int check_sections(builder *b, xmlNodePtr sections)
{
    odfgate_schema *s = b->s;
    for (size_t i = 0; i < s->section_count; i++)
        for (size_t j = i + 1; j < s->section_count; j++) {
            if (strcmp(s->sections[i].id, s->sections[j].id) == 0)
                return bad(b, sections, "duplicate section id", s->sections[j].id, NULL);
            for (size_t k = 0; k < s->sections[i].key_count; k++)
                for (size_t l = 0; l < s->sections[j].key_count; l++)
                    if (strcmp(s->sections[i].keys[k], s->sections[j].keys[l]) == 0) {
                        char both[200];
                        snprintf(both, sizeof(both), "%s and %s share the heading or alias \"%s\"",
                                 s->sections[i].id, s->sections[j].id, s->sections[i].keys[k]);
                        return bad(b, sections, "sections", both, NULL);
                    }
        }
    return 0;
}

static odfgate_status build(const load_ctx *ctx, xmlDocPtr doc, const char *path,
                            const char *source, odfgate_schema **out, odfgate_error *err)
{
    odfgate_schema *s = calloc(1, sizeof(*s));
    builder b = {s, path, err};
    xmlNodePtr root = xmlDocGetRootElement(doc), sections;
    og_buf key;
    int rc = -1;

    if (!s)
        return og_fail(err, ODFGATE_E_NOMEM, path, NULL, "out of memory");
    og_arena_init(&s->arena);
    og_buf_init(&key, 1u << 20);
    s->id = attr_text(&s->arena, root, "id");
    s->source = og_arena_strdup(&s->arena, source);
    s->ordered = attr_bool(root, "ordered", 1);
    s->closed = attr_bool(root, "closed", 0);
    s->title = child(root, "title") ? node_text(&s->arena, child(root, "title")) : NULL;
    sections = child(root, "sections");
    size_t ns = count_sections(sections);
    s->sections = og_arena_zalloc(&s->arena, (ns + 1) * sizeof(og_section));
    if (!s->id || !s->source || !s->sections) {
        nomem(&b);
        goto out;
    }
    if (metadata_from(&b, child(root, "metadata")) < 0 ||
        (sections && sections_from(&b, sections, OG_NONE, 0, &key) < 0) ||
        check_sections(&b, sections) < 0 ||
        phrases_from(&b, child(root, "phrases"), "require", &s->doc_required,
                     &s->doc_required_count) < 0 ||
        phrases_from(&b, child(root, "phrases"), "forbid", &s->doc_forbidden,
                     &s->doc_forbidden_count) < 0 ||
        placeholders_from(&b, child(root, "placeholders")) < 0 ||
        rules_from(&b, child(root, "rules")) < 0 ||
        signatories_from(&b, child(root, "signatories")) < 0 ||
        registry_from(ctx, &b, child(root, "registry")) < 0 ||
        clauses_from(ctx, &b, child(root, "clauses")) < 0)
        goto out;
    rc = 0;
out:
    og_buf_free(&key);
    if (rc < 0) {
        odfgate_schema_free(s);
        return og_status_of(err);
    }
    *out = s;
    return ODFGATE_OK;
}

/* ------------------------------------------------------------------ public */

static odfgate_status finish(const load_ctx *ctx, xmlDocPtr doc, const char *path,
                             const char *source, odfgate_schema **out, odfgate_error *err)
{
    char *chain[OG_SCHEMA_MAX_CHAIN + 1] = {0};
    odfgate_status st;
    chain[0] = (char *)path;
    if (!doc)
        return og_status_of(err);
    if (absolutize_refs(doc, path, 0, err) < 0) {
        xmlFreeDoc(doc);
        return ODFGATE_FAILED;
    }
    if (!(doc = resolve_extends(ctx, doc, path, 0, 1, chain, err)))
        return og_status_of(err);
    st = build(ctx, doc, path ? path : source, source, out, err);
    xmlFreeDoc(doc);
    return st;
}

odfgate_status odfgate_schema_load_file(const char *path, odfgate_schema **out, odfgate_error *err)
{
    OG_ERR_LOCAL(err);
    if (!path || !out)
        return og_fail(err, ODFGATE_E_USAGE, path, NULL, "missing argument");
    *out = NULL;
    return odfgate_schema_load(NULL, path, NULL, out, err);
}

odfgate_status odfgate_schema_load(odfgate_fetcher *f, const char *path, const char *sha256,
                                   odfgate_schema **out, odfgate_error *err)
{
    OG_ERR_LOCAL(err);
    load_ctx ctx = {f};
    if (!path || !out)
        return og_fail(err, ODFGATE_E_USAGE, path, NULL, "missing argument");
    *out = NULL;
    return finish(&ctx, read_schema_file(&ctx, path, sha256, 0, err), path, path, out, err);
}

odfgate_status odfgate_schema_load_memory(const void *data, size_t len, const char *base,
                                          odfgate_schema **out, odfgate_error *err)
{
    OG_ERR_LOCAL(err);
    const char *name = base ? base : "schema";
    if (!data || !out)
        return og_fail(err, ODFGATE_E_USAGE, name, NULL, "missing argument");
    *out = NULL;
    if (len > OG_SCHEMA_MAX_FILE)
        return og_fail(err, ODFGATE_E_LIMIT, name, NULL, "schema larger than %u bytes",
                       OG_SCHEMA_MAX_FILE);
    load_ctx ctx = {NULL};
    return finish(&ctx, parse_schema(data, len, name, 1, err), base, name, out, err);
}

odfgate_status odfgate_schema_load_builtin(odfgate_schema **out, odfgate_error *err)
{
    OG_ERR_LOCAL(err);
    if (!out)
        return og_fail(err, ODFGATE_E_USAGE, "builtin", NULL, "missing argument");
    *out = NULL;
    load_ctx ctx = {NULL};
    return finish(
        &ctx,
        parse_schema(og_embedded_default_schema, og_embedded_default_schema_len, "builtin", 0, err),
        NULL, "builtin", out, err);
}
