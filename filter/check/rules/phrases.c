/*
 * phrases.c — phrase-required, phrase-forbidden (per section and for the whole document)
 * and placeholder.  Phrases are searched paragraph by paragraph (a phrase does not span
 * paragraphs); headings are searched too.
 */
#include "check/rules/rules.h"

/* Search paragraph index i; 1 found, 0 not, -1 out of memory.  *shown (if not NULL) gets what
 * to quote in a message: the matched text for a regex, the phrase itself for a literal. */
static int search(og_check *c, const og_phrase *p, uint32_t i, char *shown, size_t shown_len)
{
    const og_para *para = &c->doc->paras[i];
    size_t flen = 0, off, len;
    const char *folded = NULL;
    const og_trigrams *grams;
    int r;
    if (p->kind == OG_PHRASE_LITERAL) {
        if (!(grams = og_check_grams(c, i)))
            return -1;
        if (!og_phrase_may_match(p, grams))
            return 0;
        if (!(folded = og_check_folded(c, i, &flen)))
            return -1;
    }
    r = og_phrase_search(p, para->text, para->len, folded, flen, &off, &len);
    if (r && shown) {
        if (p->kind != OG_PHRASE_LITERAL)
            og_excerpt(para->text + off, len, 80, shown, shown_len);
        else
            snprintf(shown, shown_len, "%s", p->text);
    }
    return r;
}

/* Paragraph range [from, to) of section s (heading excluded). */
static void section_range(og_check *c, size_t s, uint32_t *from, uint32_t *to)
{
    size_t h = c->section_heading[s];
    *from = c->doc->heading_para[h] + 1;
    *to = og_doc_section_end(c->doc, h);
}

static int require_in(og_check *c, const og_phrase *p, size_t s, uint32_t from, uint32_t to)
{
    for (uint32_t i = from; i < to; i++) {
        int r = search(c, p, i, NULL, 0);
        if (r != 0)
            return r;
    }
    size_t h = s != OG_NONE ? c->section_heading[s] : OG_NONE;
    if (p->message)
        og_finding(c, OG_RULE_PHRASE_REQUIRED, s, h,
                   h != OG_NONE ? c->doc->headings[h].paragraph : 0, "%s", p->message);
    else if (s != OG_NONE) {
        char a[400];
        og_finding(c, OG_RULE_PHRASE_REQUIRED, s, h, c->doc->headings[h].paragraph,
                   "section \"%s\" must contain \"%s\"", og_section_shown(c, s, a, sizeof(a)),
                   p->text);
    } else
        og_finding(c, OG_RULE_PHRASE_REQUIRED, OG_NONE, OG_NONE, 0,
                   "the document must contain \"%s\"", p->text);
    return 0;
}

/* Has paragraph index i any placeholder?  1 yes, 0 no, -1 out of memory.  Asked for section
 * length (og_section_has_placeholder) and again by the placeholder rule, so the answer is
 * kept: most paragraphs have none and are then searched once, not twice. */
static int has_placeholder(og_check *c, uint32_t i)
{
    if (!c->placeholder[i]) {
        int r = 0;
        for (size_t k = 0; k < c->schema->placeholder_count && r == 0; k++)
            r = search(c, &c->schema->placeholders[k], i, NULL, 0);
        if (r < 0)
            return -1;
        c->placeholder[i] = (unsigned char)(r ? 2 : 1);
    }
    return c->placeholder[i] == 2;
}

static int forbid_in(og_check *c, og_rule rule, const og_phrase *p, uint32_t from, uint32_t to)
{
    int placeholders = rule == OG_RULE_PLACEHOLDER;
    for (uint32_t i = from; i < to; i++) {
        char shown[128];
        int r = placeholders ? has_placeholder(c, i) : 1;
        if (r > 0)
            r = search(c, p, i, shown, sizeof(shown));
        if (r < 0)
            return -1;
        if (r == 0)
            continue;
        size_t s = c->para_section[i], h = c->para_heading[i];
        uint32_t ord = c->doc->paras[i].ordinal;
        if (p->message)
            og_finding(c, rule, s, h, ord, "%s", p->message);
        else if (placeholders)
            og_finding(c, rule, s, h, ord, "placeholder \"%s\" is left in the text", shown);
        else
            og_finding(c, rule, s, h, ord, "forbidden phrase \"%s\"", shown);
    }
    return 0;
}

int og_section_has_placeholder(og_check *c, size_t s)
{
    uint32_t from, to;
    if (c->section_heading[s] == OG_NONE)
        return 0;
    section_range(c, s, &from, &to);
    for (uint32_t i = from; i < to; i++) {
        int r = has_placeholder(c, i);
        if (r != 0)
            return r;
    }
    return 0;
}

int og_rules_phrases(og_check *c)
{
    const odfgate_schema *sc = c->schema;
    uint32_t np = c->doc->para_count;
    for (size_t s = 0; s < sc->section_count; s++) {
        const og_section *sec = &sc->sections[s];
        uint32_t from, to;
        if (c->section_heading[s] == OG_NONE)
            continue; /* section-missing covers it */
        section_range(c, s, &from, &to);
        for (size_t k = 0; k < sec->required_count; k++)
            if (require_in(c, &sec->required_phrases[k], s, from, to) < 0)
                return -1;
        for (size_t k = 0; k < sec->forbidden_count; k++)
            if (forbid_in(c, OG_RULE_PHRASE_FORBIDDEN, &sec->forbidden_phrases[k], from, to) < 0)
                return -1;
    }
    for (size_t k = 0; k < sc->doc_required_count; k++)
        if (require_in(c, &sc->doc_required[k], OG_NONE, 0, np) < 0)
            return -1;
    for (size_t k = 0; k < sc->doc_forbidden_count; k++)
        if (forbid_in(c, OG_RULE_PHRASE_FORBIDDEN, &sc->doc_forbidden[k], 0, np) < 0)
            return -1;
    for (size_t k = 0; k < sc->placeholder_count; k++)
        if (forbid_in(c, OG_RULE_PLACEHOLDER, &sc->placeholders[k], 0, np) < 0)
            return -1;
    return c->nomem ? -1 : 0;
}
