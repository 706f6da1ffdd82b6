/* result.c — the findings of one check: recorded by the rule families, ordered, counted
 * (check/result.h). */
#include "check/result.h"

#include "text/text.h"

odfgate_finding *og_result_slot(odfgate_result *res)
{
    if (res->count == res->cap) {
        size_t ncap = res->cap ? res->cap * 2 : 16;
        odfgate_finding *n = realloc(res->findings, ncap * sizeof(*n));
        if (!n)
            return NULL;
        res->findings = n;
        res->cap = ncap;
    }
    memset(&res->findings[res->count], 0, sizeof(odfgate_finding));
    return &res->findings[res->count];
}

int og_result_add(odfgate_result *res, og_rule rule, odfgate_severity sev, const char *section,
                  const char *heading, uint32_t paragraph, const char *msg)
{
    odfgate_finding *f;
    if (sev == ODFGATE_SEV_OFF)
        return 0;
    if (!(f = og_result_slot(res)))
        return -1;
    f->rule = og_rule_id(rule);
    f->severity = sev;
    f->message = og_arena_strdup(&res->arena, msg);
    f->section = section;
    f->heading = heading;
    f->paragraph = paragraph;
    if (!f->message)
        return -1;
    res->count++;
    if (sev > res->max)
        res->max = sev;
    return 0;
}

OG_PRINTF(7, 0)
static void add_finding(og_check *c, og_rule rule, odfgate_severity sev, size_t section,
                        size_t heading, uint32_t paragraph, const char *fmt, va_list ap)
{
    char msg[1024];
    if (sev == ODFGATE_SEV_OFF || c->nomem)
        return;
    vsnprintf(msg, sizeof(msg), fmt, ap);
    if (og_result_add(
            c->res, rule, sev, section != OG_NONE ? c->schema->sections[section].id : NULL,
            heading != OG_NONE ? c->doc->headings[heading].text : NULL, paragraph, msg) < 0)
        c->nomem = 1;
}

void og_finding(og_check *c, og_rule rule, size_t section, size_t heading, uint32_t paragraph,
                const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    add_finding(c, rule, og_check_severity(c, rule), section, heading, paragraph, fmt, ap);
    va_end(ap);
}

void og_finding_sev(og_check *c, og_rule rule, odfgate_severity sev, size_t section, size_t heading,
                    uint32_t paragraph, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    add_finding(c, rule, sev, section, heading, paragraph, fmt, ap);
    va_end(ap);
}

odfgate_severity og_check_severity(const og_check *c, og_rule rule)
{
    odfgate_severity sev = og_schema_severity(c->schema, rule);
    if (sev == ODFGATE_SEV_OFF && c->cfg) {
        int on = odfgate_config_rule_severity(c->cfg, og_rule_id(rule));
        if (on > 0)
            sev = (odfgate_severity)on;
    }
    return sev;
}

void og_finding_at(og_check *c, og_rule rule, uint32_t para, const char *fmt, ...)
{
    size_t section = OG_NONE, heading = OG_NONE;
    uint32_t n = c->doc->para_count;
    if (para > n)
        para = n;
    if (para >= 1) {
        section = c->para_section[para - 1];
        heading = c->para_heading[para - 1];
    }
    va_list ap;
    va_start(ap, fmt);
    add_finding(c, rule, og_check_severity(c, rule), section, heading, para, fmt, ap);
    va_end(ap);
}

const char *og_check_folded(og_check *c, uint32_t i, size_t *len)
{
    if (!c->folded[i]) {
        og_buf b;
        og_buf_init(&b, SIZE_MAX / 2);
        const og_para *p = &c->doc->paras[i];
        if (og_text_fold(p->text, p->len, &b) != OG_BUF_OK) {
            og_buf_free(&b);
            c->nomem = 1;
            return NULL;
        }
        c->folded[i] = og_arena_strndup(&c->res->arena, b.data ? b.data : "", b.len);
        c->folded_len[i] = b.len;
        og_buf_free(&b);
        if (!c->folded[i]) {
            c->nomem = 1;
            return NULL;
        }
    }
    *len = c->folded_len[i];
    return c->folded[i];
}

const og_trigrams *og_check_grams(og_check *c, uint32_t i)
{
    if (c->doc->paras[i].grams)
        return c->doc->paras[i].grams; /* made while reading */
    if (!c->have_grams[i]) {
        const og_para *p = &c->doc->paras[i];
        if (!og_trigrams_of_plain(p->text, p->len, &c->grams[i])) {
            size_t len;
            const char *folded = og_check_folded(c, i, &len);
            if (!folded)
                return NULL;
            og_trigrams_of(folded, len, &c->grams[i]);
        }
        c->have_grams[i] = 1;
    }
    return &c->grams[i];
}

/* A finding's place in the documented order, computed once per finding. */
typedef struct order_key {
    uint32_t paragraph;
    size_t rank;  /* the rule's row in the rule table */
    size_t index; /* where it was recorded: equal keys keep their order (stable) */
} order_key;

static int by_order(const void *a, const void *b)
{
    const order_key *x = a, *y = b;
    if (x->paragraph != y->paragraph)
        return x->paragraph < y->paragraph ? -1 : 1;
    if (x->rank != y->rank)
        return x->rank < y->rank ? -1 : 1;
    return x->index < y->index ? -1 : x->index > y->index;
}

/* O(n log n): a document decides how many findings it has (one per placeholder), so an
 * insertion sort here was quadratic in the document (40,000 placeholders: 8 s). */
int og_result_order(odfgate_result *res)
{
    const odfgate_rule_info *table = odfgate_rule_at(0);
    order_key *keys;
    odfgate_finding *sorted;
    size_t n = res->count;
    if (n < 2)
        return 0;
    keys = malloc(n * sizeof(*keys));
    sorted = malloc(n * sizeof(*sorted));
    if (!keys || !sorted) {
        free(keys);
        free(sorted);
        return -1;
    }
    for (size_t i = 0; i < n; i++) {
        const odfgate_rule_info *info = odfgate_rule_find(res->findings[i].rule);
        keys[i] =
            (order_key){res->findings[i].paragraph, info ? (size_t)(info - table) : SIZE_MAX, i};
    }
    qsort(keys, n, sizeof(*keys), by_order);
    for (size_t i = 0; i < n; i++)
        sorted[i] = res->findings[keys[i].index];
    free(keys);
    free(res->findings);
    res->findings = sorted;
    res->cap = n;
    return 0;
}

void odfgate_result_free(odfgate_result *res)
{
    if (!res)
        return;
    free(res->findings);
    odfgate_signoffs_free(res->signoffs);
    og_arena_free(&res->arena);
    free(res);
}

size_t odfgate_result_count(const odfgate_result *res) { return res->count; }

const odfgate_finding *odfgate_result_finding(const odfgate_result *res, size_t i)
{
    return i < res->count ? &res->findings[i] : NULL;
}

const char *odfgate_result_heading_section(const odfgate_result *res, size_t i)
{
    return i < res->heading_count ? res->heading_section[i] : NULL;
}

odfgate_severity odfgate_result_max_severity(const odfgate_result *res) { return res->max; }

void og_result_recount(odfgate_result *res)
{
    res->max = ODFGATE_SEV_OFF;
    for (size_t i = 0; i < res->count; i++)
        if (!res->findings[i].suppressed && res->findings[i].severity > res->max)
            res->max = res->findings[i].severity;
}

void odfgate_result_set_fail_on(odfgate_result *res, odfgate_severity fail_on)
{
    if (res)
        res->fail_on = (int)fail_on;
}

int odfgate_result_fail_on(const odfgate_result *res) { return res ? res->fail_on : -1; }

const char *odfgate_result_schema_id(const odfgate_result *res)
{
    return res && res->schema ? odfgate_schema_id(res->schema) : NULL;
}
