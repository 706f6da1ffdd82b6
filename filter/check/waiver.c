/* waiver.c — apply the odfgate-waive comments of a document to its check result (waiver.h). */
#include "check/waiver.h"

#include "schema/schema.h"

#define PREFIX    "odfgate-waive"
#define MAX_RULES 16

/* One waiver, parsed. */
typedef struct waiver {
    const char *rules[MAX_RULES]; /* rule ids from the rule table */
    size_t rule_count;
    const char *reason;  /* in the result's arena */
    uint32_t ordinal;    /* paragraph ordinal it is anchored in (1-based) */
    uint32_t lo, hi;     /* paragraph ordinals it covers: [lo, hi); 0,0 = document */
    const char *section; /* matched schema section of its heading, or NULL */
    int document;        /* before the first heading: the whole document */
} waiver;

static int add(odfgate_result *res, og_rule rule, uint32_t ordinal, const char *msg)
{
    return og_result_add(res, rule, og_schema_severity(res->schema, rule), NULL, NULL, ordinal,
                         msg);
}

/* Parse "odfgate-waive RULE[, RULE]: reason".  Returns 1 if valid, 0 if not (*why says why). */
static int parse(odfgate_result *res, const char *text, waiver *w, char *why, size_t n)
{
    const char *p = text + sizeof(PREFIX) - 1, *colon = strchr(p, ':');
    char list[512];
    if (*p && *p != ' ' && *p != ':') {
        snprintf(why, n, "\"%.60s\" is not a waiver: write \"" PREFIX " RULE: reason\"", text);
        return 0;
    }
    if (!colon) {
        snprintf(why, n, "waiver \"%.60s\" needs \"RULE: reason\"", text);
        return 0;
    }
    const char *reason = colon + 1;
    while (*reason == ' ')
        reason++;
    if (!*reason) {
        snprintf(why, n, "waiver \"%.60s\" gives no reason after the colon", text);
        return 0;
    }
    snprintf(list, sizeof(list), "%.*s", (int)(colon - p), p);
    char *save = NULL;
    for (char *t = strtok_r(list, ", ", &save); t; t = strtok_r(NULL, ", ", &save)) {
        const odfgate_rule_info *info = odfgate_rule_find(t);
        if (!info) {
            snprintf(why, n, "waiver names an unknown rule \"%.60s\" (see 'odfgate rules')", t);
            return 0;
        }
        if (w->rule_count == MAX_RULES) {
            snprintf(why, n, "a waiver may name at most %d rules", MAX_RULES);
            return 0;
        }
        w->rules[w->rule_count++] = info->id;
    }
    if (!w->rule_count) {
        snprintf(why, n, "waiver \"%.60s\" names no rule before the colon", text);
        return 0;
    }
    w->reason = og_arena_strdup(&res->arena, reason);
    return 1;
}

/* The innermost heading enclosing paragraph index i decides the waiver's scope. */
static void scope(const odfgate_result *res, const odfgate_doc *doc, uint32_t i, waiver *w)
{
    size_t best = SIZE_MAX;
    for (size_t h = 0; h < doc->heading_count; h++) {
        uint32_t start = doc->heading_para[h];
        if (start <= i && i < og_doc_section_end(doc, h))
            best = h; /* later headings that still enclose i are deeper */
    }
    if (best == SIZE_MAX) {
        w->document = 1;
        return;
    }
    w->lo = doc->heading_para[best] + 1; /* ordinals are 1-based */
    w->hi = og_doc_section_end(doc, best) + 1;
    w->section = best < res->heading_count ? res->heading_section[best] : NULL;
}

static int covers(const waiver *w, const odfgate_finding *f)
{
    int rule = 0;
    for (size_t k = 0; k < w->rule_count; k++)
        rule |= strcmp(w->rules[k], f->rule) == 0;
    if (!rule)
        return 0;
    if (w->document)
        return 1;
    if (f->paragraph >= w->lo && f->paragraph < w->hi)
        return 1;
    return w->section && f->section && strcmp(w->section, f->section) == 0;
}

int og_waivers_apply(odfgate_result *res, const odfgate_doc *doc)
{
    size_t original = res->count;
    for (uint32_t k = 0; k < doc->waiver_count; k++) {
        const og_aux *c = &doc->waivers[k];
        uint32_t i =
            c->anchor < doc->para_count ? c->anchor : (doc->para_count ? doc->para_count - 1 : 0);
        waiver w;
        char why[300], msg[400];
        size_t used = 0;
        memset(&w, 0, sizeof(w));
        w.ordinal = doc->para_count ? i + 1 : 0;
        if (!parse(res, c->text, &w, why, sizeof(why))) {
            if (add(res, OG_RULE_WAIVER_INVALID, w.ordinal, why) < 0)
                return -1;
            continue;
        }
        if (!w.reason)
            return -1;
        scope(res, doc, i, &w);
        for (size_t j = 0; j < original; j++) {
            odfgate_finding *f = &res->findings[j];
            if (!f->suppressed && covers(&w, f)) {
                char *s = og_arena_alloc(&res->arena, strlen(w.reason) + 9);
                if (!s)
                    return -1;
                memcpy(s, "waived: ", 8);
                memcpy(s + 8, w.reason, strlen(w.reason) + 1);
                f->suppressed = s;
                used++;
            }
        }
        if (!used) {
            snprintf(msg, sizeof(msg), "waiver of %s%s waives nothing: no such finding %s",
                     w.rules[0], w.rule_count > 1 ? " (and others)" : "",
                     w.document ? "in the document" : "in its section");
            if (add(res, OG_RULE_WAIVER_UNUSED, w.ordinal, msg) < 0)
                return -1;
        }
    }
    return 0;
}
