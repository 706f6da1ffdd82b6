/*
 * sections.c — match document headings to schema sections and check the section rules:
 * section-missing, -order, -empty, -too-short, -too-long, -unexpected, -duplicate, -hidden.
 *
 * Matching headings to sections is schema/headings.c (sign-off and diff match the same way).
 * The first visible matching heading is "the" section; later ones are duplicates; a section
 * matched only inside hidden sections is hidden, not present.
 *
 * Also heading-empty (a heading with no text, as LibreOffice lists it) and heading-not-styled
 * (a body paragraph that reads like a missing section's heading: the section is then missing
 * with that location, not silently).
 */
#include "check/rules/rules.h"
#include "schema/headings.h"
#include "text/text.h"

/* The key of a body paragraph short enough to be a heading, or NULL (key reused). */
static const char *para_key(const og_para *p, og_buf *key)
{
    if (p->heading >= 0 || !p->len || p->len > 200 || og_heading_key(p->text, key) != OG_BUF_OK)
        return NULL;
    return key->data ? key->data : "";
}

/* For every paragraph, the innermost enclosing heading and matched section. */
static int locate_paragraphs(og_check *c)
{
    const odfgate_doc *doc = c->doc;
    size_t stack[11], depth = 0;
    for (uint32_t i = 0; i < doc->para_count; i++) {
        int32_t h = doc->paras[i].heading;
        if (h >= 0) {
            int level = doc->headings[h].level;
            while (depth > 0 && doc->headings[stack[depth - 1]].level >= level)
                depth--;
            if (depth < OG_ARRAY_LEN(stack))
                stack[depth++] = (size_t)h;
        }
        c->para_heading[i] = depth ? stack[depth - 1] : OG_NONE;
        c->para_section[i] = OG_NONE;
        for (size_t k = depth; k > 0; k--)
            if (c->heading_match[stack[k - 1]] != OG_NONE) {
                c->para_section[i] = c->heading_match[stack[k - 1]];
                break;
            }
    }
    return 0;
}

static uint32_t heading_para(og_check *c, size_t h) { return c->doc->headings[h].paragraph; }

static const char *section_name(og_check *c, size_t s) { return c->schema->sections[s].heading; }

static int present(og_check *c, size_t s) { return c->section_heading[s] != OG_NONE; }

/* How a message names what the reader sees: document heading h as the document writes it
 * ("3. Working together"), at most 80 characters. */
static const char *doc_heading(og_check *c, size_t h, char *out, size_t cap)
{
    const char *t = c->doc->headings[h].text;
    return og_excerpt(t, strlen(t), 80, out, cap);
}

const char *og_section_shown(og_check *c, size_t s, char *out, size_t cap)
{
    return present(c, s) ? doc_heading(c, c->section_heading[s], out, cap) : section_name(c, s);
}

static void check_duplicates_and_hidden(og_check *c)
{
    const odfgate_doc *doc = c->doc;
    for (size_t h = 0; h < doc->heading_count; h++) {
        size_t s = c->heading_match[h];
        if (s == OG_NONE || doc->headings[h].hidden || c->section_heading[s] == h)
            continue;
        char a[400];
        og_finding(c, OG_RULE_SECTION_DUPLICATE, s, h, heading_para(c, h),
                   "section \"%s\" appears again (first at paragraph %u)",
                   doc_heading(c, h, a, sizeof(a)), heading_para(c, c->section_heading[s]));
    }
    for (size_t s = 0; s < c->schema->section_count; s++) {
        if (present(c, s))
            continue;
        for (size_t h = 0; h < doc->heading_count; h++)
            if (c->heading_match[h] == s) {
                char a[400];
                og_finding(c, OG_RULE_SECTION_HIDDEN, s, h, heading_para(c, h),
                           "section \"%s\" is inside a hidden section, so readers will not see it",
                           doc_heading(c, h, a, sizeof(a)));
                break;
            }
    }
}

static int hidden_somewhere(og_check *c, size_t s)
{
    for (size_t h = 0; h < c->doc->heading_count; h++)
        if (c->heading_match[h] == s)
            return 1;
    return 0;
}

static int reported_missing(og_check *c, size_t s)
{
    const og_section *sec = &c->schema->sections[s];
    return sec->required && !present(c, s) && !hidden_somewhere(c, s) &&
           (sec->parent == OG_NONE || present(c, sec->parent));
}

/* For each section reported missing, the first body paragraph that reads like its heading
 * (the whole paragraph matches a key: a bold line, a custom style), or OG_NONE; looks[]
 * holds paragraph indexes.  One pass over the document; 0, or -1 out of memory. */
static int find_lookalikes(og_check *c, size_t *looks)
{
    size_t want = 0;
    og_buf key;
    for (size_t s = 0; s < c->schema->section_count; s++)
        want += (looks[s] = OG_NONE, reported_missing(c, s));
    og_buf_init(&key, 4096);
    for (uint32_t i = 0; want && i < c->doc->para_count; i++) {
        const char *k = para_key(&c->doc->paras[i], &key);
        size_t s = k ? og_section_for_key(c->schema, k) : OG_NONE;
        if (s != OG_NONE && looks[s] == OG_NONE && reported_missing(c, s)) {
            looks[s] = i;
            want--;
        }
    }
    og_buf_free(&key);
    return 0;
}

static int check_missing(og_check *c)
{
    const odfgate_schema *sc = c->schema;
    size_t *looks = malloc((sc->section_count + 1) * sizeof(size_t));
    if (!looks || find_lookalikes(c, looks) < 0) {
        free(looks);
        return -1;
    }
    for (size_t s = 0; s < sc->section_count; s++) {
        const og_section *sec = &sc->sections[s];
        size_t next = OG_NONE;
        if (!reported_missing(c, s))
            continue;
        if (looks[s] != OG_NONE) {
            const og_para *p = &c->doc->paras[looks[s]];
            og_finding(c, OG_RULE_HEADING_NOT_STYLED, s, OG_NONE, p->ordinal,
                       "paragraph %u reads like section \"%s\" but is not a heading: apply a "
                       "Heading style",
                       p->ordinal, sec->heading);
            og_finding(
                c, OG_RULE_SECTION_MISSING, s, OG_NONE, p->ordinal,
                "required section \"%s\" is missing (paragraph %u reads like its heading but "
                "is not a heading)",
                sec->heading, p->ordinal);
            continue;
        }
        /* where it should be: before the next sibling that is present */
        for (size_t t = s + 1; t < sc->section_count; t++)
            if (sc->sections[t].parent == sec->parent && present(c, t)) {
                next = t;
                break;
            }
        if (next != OG_NONE)
            og_finding(c, OG_RULE_SECTION_MISSING, s, OG_NONE,
                       heading_para(c, c->section_heading[next]),
                       "required section \"%s\" is missing (expected before \"%s\")", sec->heading,
                       section_name(c, next));
        else if (sec->parent != OG_NONE)
            og_finding(c, OG_RULE_SECTION_MISSING, s, c->section_heading[sec->parent],
                       heading_para(c, c->section_heading[sec->parent]),
                       "required section \"%s\" is missing (expected within \"%s\")", sec->heading,
                       section_name(c, sec->parent));
        else
            og_finding(c, OG_RULE_SECTION_MISSING, s, OG_NONE, 0,
                       "required section \"%s\" is missing", sec->heading);
    }
    free(looks);
    return 0;
}

/* Order of present siblings: those outside a longest increasing run (by schema index, in
 * document order) are reported, so one moved section gives one finding. */
static int check_order_group(og_check *c, size_t parent)
{
    const odfgate_schema *sc = c->schema;
    size_t n = 0, *seq, *len, *prev, best = 0;
    unsigned char *keep;
    int rc = -1;

    for (size_t s = 0; s < sc->section_count; s++)
        if (sc->sections[s].parent == parent && present(c, s))
            n++;
    if (n < 2)
        return 0;
    seq = calloc(n, sizeof(*seq));
    len = calloc(n, sizeof(*len));
    prev = calloc(n, sizeof(*prev));
    keep = calloc(n, 1);
    if (!seq || !len || !prev || !keep)
        goto out;
    n = 0;
    for (size_t s = 0; s < sc->section_count; s++)
        if (sc->sections[s].parent == parent && present(c, s))
            seq[n++] = s;
    /* sort sections by document position of their heading */
    for (size_t i = 1; i < n; i++)
        for (size_t j = i; j > 0 && c->section_heading[seq[j - 1]] > c->section_heading[seq[j]];
             j--) {
            size_t t = seq[j];
            seq[j] = seq[j - 1];
            seq[j - 1] = t;
        }
    for (size_t i = 0; i < n; i++) {
        len[i] = 1;
        prev[i] = OG_NONE;
        for (size_t j = 0; j < i; j++)
            if (seq[j] < seq[i] && len[j] + 1 > len[i]) {
                len[i] = len[j] + 1;
                prev[i] = j;
            }
        if (len[i] > len[best])
            best = i;
    }
    for (size_t i = best; i != OG_NONE; i = prev[i])
        keep[i] = 1;
    for (size_t i = 0; i < n; i++) {
        size_t s = seq[i], h = c->section_heading[s], anchor = OG_NONE;
        char a[400], b[400];
        if (keep[i])
            continue;
        for (size_t j = 0; j < n; j++) /* the first kept section that should follow it */
            if (keep[j] && seq[j] > s && (anchor == OG_NONE || seq[j] < anchor))
                anchor = seq[j];
        if (anchor != OG_NONE)
            og_finding(c, OG_RULE_SECTION_ORDER, s, h, heading_para(c, h),
                       "section \"%s\" is out of order: it should come before \"%s\"",
                       og_section_shown(c, s, a, sizeof(a)),
                       og_section_shown(c, anchor, b, sizeof(b)));
        else {
            for (size_t j = 0; j < n; j++)
                if (keep[j] && seq[j] < s && (anchor == OG_NONE || seq[j] > anchor))
                    anchor = seq[j];
            og_finding(c, OG_RULE_SECTION_ORDER, s, h, heading_para(c, h),
                       "section \"%s\" is out of order: it should come after \"%s\"",
                       og_section_shown(c, s, a, sizeof(a)),
                       anchor != OG_NONE ? og_section_shown(c, anchor, b, sizeof(b)) : "?");
        }
    }
    rc = 0;
out:
    free(seq);
    free(len);
    free(prev);
    free(keep);
    return rc;
}

static int check_order(og_check *c)
{
    if (!c->schema->ordered)
        return 0;
    if (check_order_group(c, OG_NONE) < 0)
        return -1;
    for (size_t p = 0; p < c->schema->section_count; p++)
        if (present(c, p) && check_order_group(c, p) < 0)
            return -1;
    return 0;
}

static void check_lengths(og_check *c)
{
    const odfgate_schema *sc = c->schema;
    for (size_t s = 0; s < sc->section_count; s++) {
        const og_section *sec = &sc->sections[s];
        size_t h;
        uint64_t words;
        char a[400];
        if (!present(c, s))
            continue;
        h = c->section_heading[s];
        words = c->doc->headings[h].words;
        /* a section still holding placeholder text (a new draft's guidance, say) is reported
         * by the placeholder rule; whether it is long enough is judged once it is replaced */
        if (og_section_has_placeholder(c, s) > 0)
            ; /* not judged yet */
        else if (words == 0)
            og_finding(c, OG_RULE_SECTION_EMPTY, s, h, heading_para(c, h),
                       "section \"%s\" has a heading but no text",
                       og_section_shown(c, s, a, sizeof(a)));
        else if (sec->min_words && words < sec->min_words)
            og_finding(c, OG_RULE_SECTION_TOO_SHORT, s, h, heading_para(c, h),
                       "section \"%s\" has %llu words; the minimum is %llu",
                       og_section_shown(c, s, a, sizeof(a)), (unsigned long long)words,
                       (unsigned long long)sec->min_words);
        if (sec->max_words && words > sec->max_words)
            og_finding(c, OG_RULE_SECTION_TOO_LONG, s, h, heading_para(c, h),
                       "section \"%s\" has %llu words; the maximum is %llu",
                       og_section_shown(c, s, a, sizeof(a)), (unsigned long long)words,
                       (unsigned long long)sec->max_words);
    }
}

/* Severity of section-unexpected: an explicit <rule> wins; else error for closed schemas. */
static odfgate_severity unexpected_severity(const odfgate_schema *sc)
{
    for (size_t i = 0; i < sc->severity_count; i++)
        if (sc->severities[i].rule == OG_RULE_SECTION_UNEXPECTED)
            return sc->severities[i].severity;
    return sc->closed ? ODFGATE_SEV_ERROR : og_schema_severity(sc, OG_RULE_SECTION_UNEXPECTED);
}

static void check_unexpected(og_check *c)
{
    const odfgate_doc *doc = c->doc;
    odfgate_severity sev = unexpected_severity(c->schema);
    int shallowest = 11; /* the smallest level before heading h */
    for (size_t h = 0; h < doc->heading_count; h++) {
        uint32_t i = doc->heading_para[h];
        /* only outermost headings: one nested in another heading (a shallower one before it)
         * belongs to that section */
        int nested = shallowest < doc->headings[h].level;
        if (doc->headings[h].level < shallowest)
            shallowest = doc->headings[h].level;
        if (c->heading_match[h] != OG_NONE || nested || doc->headings[h].hidden ||
            !doc->headings[h].text[0])
            continue;
        og_finding_sev(c, OG_RULE_SECTION_UNEXPECTED, sev, OG_NONE, h, doc->paras[i].ordinal,
                       "heading \"%s\" matches no section of the schema%s", doc->headings[h].text,
                       c->schema->closed ? " (the schema is closed)" : "");
    }
}

/* LibreOffice lists a heading with no text (a chapter-header picture, a heading left empty)
 * in its outline, so odfgate does; it matches no section and says so. */
static void check_empty_headings(og_check *c)
{
    const odfgate_doc *doc = c->doc;
    for (size_t h = 0; h < doc->heading_count; h++) {
        uint32_t i = doc->heading_para[h];
        if (doc->headings[h].text[0])
            continue;
        og_finding(c, OG_RULE_HEADING_EMPTY, OG_NONE, h, doc->paras[i].ordinal,
                   "the heading at paragraph %u has no text%s: LibreOffice lists it as an empty "
                   "heading; give it its text or make it a body paragraph",
                   doc->paras[i].ordinal, doc->paras[i].drawing ? " (only a picture)" : "");
    }
}

int og_rules_sections(og_check *c)
{
    if (og_match_headings(c->doc, c->schema, c->heading_match, c->section_heading) < 0 ||
        locate_paragraphs(c) < 0)
        return -1;
    if (check_missing(c) < 0 || check_order(c) < 0)
        return -1;
    check_empty_headings(c);
    check_lengths(c);
    check_duplicates_and_hidden(c);
    check_unexpected(c);
    return 0;
}
