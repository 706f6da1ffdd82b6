/*
 * clauses.c — clause-missing, clause-modified: every standard clause of the schema must appear
 * in its section (or anywhere in the body when it names none), compared word by word after
 * normalisation (clause.h).  A clause whose section is absent is not judged: section-missing
 * already says so.
 */
#include "check/rules/rules.h"

#include "schema/clause.h"

typedef struct section_words {
    OG_VEC(og_word) words;
    OG_VEC(uint32_t) para; /* paragraph ordinal of each word */
} section_words;

static int collect(og_check *c, og_arena *tmp, uint32_t from, uint32_t to, section_words *w)
{
    for (uint32_t i = from; i < to; i++) {
        og_word *cut;
        size_t len, n;
        const char *f = og_check_folded(c, i, &len);
        if (!f || og_words_cut(tmp, f, len, &cut, &n) < 0)
            return -1;
        for (size_t k = 0; k < n; k++)
            if (OG_VEC_PUSH(&w->words, cut[k], SIZE_MAX / sizeof(og_word)) < 0 ||
                OG_VEC_PUSH(&w->para, c->doc->paras[i].ordinal, SIZE_MAX / sizeof(uint32_t)) < 0)
                return -1;
    }
    return 0;
}

static int check_clause(og_check *c, const og_clause *k)
{
    const odfgate_doc *doc = c->doc;
    size_t h = OG_NONE, at = 0;
    uint32_t from = 0, to = doc->para_count, para = 0;
    section_words w;
    og_arena tmp;
    og_buf diff;
    int m, rc = -1;
    char shown[400];
    const char *where = k->section != OG_NONE
                            ? og_section_shown(c, k->section, shown, sizeof(shown))
                            : "the document";

    if (k->section != OG_NONE) {
        if ((h = c->section_heading[k->section]) == OG_NONE)
            return 0;
        from = doc->heading_para[h] + 1;
        to = og_doc_section_end(doc, h);
        para = doc->headings[h].paragraph;
    }
    memset(&w, 0, sizeof(w));
    og_arena_init(&tmp);
    og_buf_init(&diff, 4096);
    if (collect(c, &tmp, from, to, &w) < 0)
        goto out;
    m = og_clause_find(k->words, k->word_count, w.words.items, w.words.len, &diff, &at);
    if (m < 0)
        goto out;
    if (m == OG_CLAUSE_MODIFIED)
        og_finding(c, OG_RULE_CLAUSE_MODIFIED, k->section, h, w.para.items[at],
                   "standard clause %s differs from its text at %s: %s", k->id, k->href,
                   diff.data ? diff.data : "");
    else if (m == OG_CLAUSE_MISSING || m == OG_CLAUSE_TOO_LONG)
        og_finding(c, OG_RULE_CLAUSE_MISSING, k->section, h, para,
                   "standard clause %s (%s) is not in %s%s%s%s", k->id, k->href,
                   k->section != OG_NONE ? "\"" : "", where, k->section != OG_NONE ? "\"" : "",
                   m == OG_CLAUSE_TOO_LONG
                       ? " (not found word for word; too long to compare closer)"
                       : "");
    rc = 0;
out:
    free(w.words.items);
    free(w.para.items);
    og_arena_free(&tmp);
    og_buf_free(&diff);
    return rc;
}

int og_rules_clauses(og_check *c)
{
    for (size_t i = 0; i < c->schema->clause_count; i++)
        if (check_clause(c, &c->schema->clauses[i]) < 0)
            return -1;
    return 0;
}
