/* hygiene.c — what must not leave the building: hidden-comments, hidden-changes, hidden-text,
 * personal-info, macros, embedded-objects, linked-resources, stale-index (docs/hygiene.md).
 * The facts were noticed while reading (read/hygiene.c); this file decides and words them. */
#include "check/rules/rules.h"

#include "base/ipclass.h"
#include "base/url.h"
#include "check/signoff.h"

#include <arpa/inet.h>
#include <ctype.h>
#include <strings.h>

static void item_finding(og_check *c, og_rule rule, const og_hyg_item *it, const char *fmt, ...)
    OG_PRINTF(4, 5);
static void item_finding(og_check *c, og_rule rule, const og_hyg_item *it, const char *fmt, ...)
{
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    og_finding_at(c, rule, it->paragraph, "%s", msg);
}

/* " by AUTHOR on DATE", or less, into out. */
static const char *byline(const og_hyg_item *it, char *out, size_t cap)
{
    int n = snprintf(out, cap, "%s%.100s%s", it->what ? " by " : "", it->what ? it->what : "",
                     it->what ? "" : " (no author recorded)");
    if (it->when && n >= 0 && (size_t)n < cap)
        snprintf(out + n, cap - (size_t)n, " on %.40s", it->when);
    return out;
}

/* ------------------------------------------------------------------ links */

static const char *const intranet_suffixes[] = {".local",     ".internal",    ".intranet",
                                                ".corp",      ".lan",         ".home",
                                                ".home.arpa", ".localdomain", ".private"};

/* The host of scheme://[user@]host[:port]/… into out ("" if none).  IPv6 literals without
 * their brackets. */
static void url_host(const char *url, char *out, size_t cap)
{
    const char *p = strstr(url, "://"), *end;
    out[0] = '\0';
    if (!p)
        return;
    p += 3;
    end = p + strcspn(p, "/?#");
    const char *at = memchr(p, '@', (size_t)(end - p));
    if (at)
        p = at + 1;
    if (*p == '[') {
        const char *close = memchr(p, ']', (size_t)(end - p));
        if (!close)
            return;
        p++;
        end = close;
    } else {
        const char *colon = memchr(p, ':', (size_t)(end - p));
        if (colon)
            end = colon;
    }
    if ((size_t)(end - p) < cap) {
        memcpy(out, p, (size_t)(end - p));
        out[end - p] = '\0';
    }
}

/* Why a link's host is not public: "private address (10.1.2.3)", "intranet host name", or
 * NULL. */
static const char *host_kind(const char *host)
{
    unsigned char a[16];
    size_t n = strlen(host);
    if (!n)
        return NULL;
    if (inet_pton(AF_INET, host, a) == 1)
        return og_ipv4_refusal(a) ? "a private address" : NULL;
    if (inet_pton(AF_INET6, host, a) == 1)
        return og_ipv6_refusal(a) ? "a private address" : NULL;
    if (strcasecmp(host, "localhost") == 0)
        return "a private address";
    if (!strchr(host, '.'))
        return "an intranet host name";
    if (host[n - 1] == '.')
        n--;
    for (size_t i = 0; i < OG_ARRAY_LEN(intranet_suffixes); i++) {
        size_t k = strlen(intranet_suffixes[i]);
        if (n > k && strncasecmp(host + n - k, intranet_suffixes[i], k) == 0)
            return "an intranet host name";
    }
    return NULL;
}

/* A hyperlink that is not http(s): local files and shares are reported; other schemes only
 * when they name a private or intranet host. */
static const char *other_link_kind(const char *href)
{
    char host[256];
    if (strncasecmp(href, "file:", 5) == 0)
        return "a local file";
    if (href[0] == '/' || href[0] == '\\' || strncmp(href, "../", 3) == 0 ||
        (isalpha((unsigned char)href[0]) && href[1] == ':' && (href[2] == '\\' || href[2] == '/')))
        return "a local file";
    if (strncasecmp(href, "smb:", 4) == 0)
        return "a network share";
    url_host(href, host, sizeof(host));
    return host_kind(host);
}

const char *og_link_concern(const char *href)
{
    char host[256];
    if (!href)
        return NULL;
    if (og_url_is_http(href)) {
        url_host(href, host, sizeof(host));
        return host_kind(host);
    }
    if (!*href || href[0] == '#' || strncasecmp(href, "mailto:", 7) == 0)
        return NULL;
    return other_link_kind(href);
}

static void links(og_check *c)
{
    const odfgate_doc *d = c->doc;
    char host[256];
    for (size_t i = 0; i < d->link_count; i++) {
        const char *why;
        url_host(d->links[i].url, host, sizeof(host));
        if (!(why = host_kind(host)))
            continue;
        og_hyg_item it = {.cls = OG_HYG_LINK, .paragraph = d->links[i].paragraph};
        item_finding(c, OG_RULE_LINKED_RESOURCES, &it, "a hyperlink to %s: %.300s", why,
                     d->links[i].url);
    }
}

/* ------------------------------------------------------------------ personal metadata */

int og_editing_time_recorded(const char *d)
{
    /* PT0S, P0D, PT00H00M00S…: any digit other than 0 is a recorded time */
    for (; d && *d; d++)
        if (*d >= '1' && *d <= '9')
            return 1;
    return 0;
}

int og_editing_cycles_recorded(const char *cycles)
{
    return cycles && strtol(cycles, NULL, 10) > 1;
}

int og_property_names_person(const odfgate_doc *d, const char *name, const char *value)
{
    const char *people[] = {d->meta.initial_creator, d->meta.creator, d->printed_by};
    if (!value || (name && strncmp(name, OG_SIGNOFF_PREFIX, strlen(OG_SIGNOFF_PREFIX)) == 0))
        return 0; /* odfgate's sign-off records name their signatories on purpose */
    for (size_t i = 0; i < OG_ARRAY_LEN(people); i++)
        if (people[i] && *people[i] && strcasecmp(value, people[i]) == 0)
            return 1;
    return 0;
}

static void personal(og_check *c)
{
    const odfgate_doc *d = c->doc;
    const odfgate_meta *m = &d->meta;
    char msg[1024];
    size_t n = 0;
#define ADD(...)                                                                                   \
    do {                                                                                           \
        if (n < sizeof(msg))                                                                       \
            n += (size_t)snprintf(msg + n, sizeof(msg) - n, "%s", n ? "; " : "");                  \
        if (n < sizeof(msg))                                                                       \
            n += (size_t)snprintf(msg + n, sizeof(msg) - n, __VA_ARGS__);                          \
    } while (0)
    msg[0] = '\0';
    if (m->initial_creator && *m->initial_creator)
        ADD("created by \"%.80s\"", m->initial_creator);
    if (m->creator && *m->creator)
        ADD("last modified by \"%.80s\"", m->creator);
    if (d->printed_by && *d->printed_by)
        ADD("printed by \"%.80s\"", d->printed_by);
    if (d->print_date && *d->print_date)
        ADD("printed on %.40s", d->print_date);
    if (og_editing_cycles_recorded(m->editing_cycles))
        ADD("%.20s editing cycles", m->editing_cycles);
    if (og_editing_time_recorded(d->editing_duration))
        ADD("editing time %.40s", d->editing_duration);
    if (d->template_href && *d->template_href)
        ADD("template \"%.200s\"", d->template_href);
    for (size_t i = 0; i < m->user_count; i++)
        if (og_property_names_person(d, m->user[i].name, m->user[i].value))
            ADD("custom property \"%.60s\" names \"%.80s\"", m->user[i].name, m->user[i].value);
#undef ADD
    if (msg[0])
        og_finding(c, OG_RULE_PERSONAL_INFO, OG_NONE, OG_NONE, 0,
                   "personal information in the metadata: %s", msg);
}

/* ------------------------------------------------------------------ tables of contents */

/* entry == heading, or entry is a number ("1.2", "IV.", "a)") then the heading */
static int entry_matches(const char *entry, const char *heading)
{
    size_t le = strlen(entry), lh = strlen(heading);
    if (le == lh)
        return strcmp(entry, heading) == 0;
    if (le < lh + 2 || strcmp(entry + le - lh, heading) != 0 || entry[le - lh - 1] != ' ')
        return 0;
    for (size_t i = 0; i + 1 < le - lh; i++)
        if (!isalnum((unsigned char)entry[i]) && !strchr(".)-:", entry[i]))
            return 0;
    return 1;
}

static void tocs(og_check *c)
{
    const odfgate_doc *d = c->doc;
    for (uint32_t t = 0; t < d->toc_count; t++) {
        const og_toc *toc = &d->tocs[t];
        uint32_t k = 0, listed = 0;
        const char *want = NULL, *got = NULL;
        if (!toc->outline)
            continue; /* built from marks or other styles: not judged */
        for (size_t h = 0; h < d->heading_count && !want && !got; h++) {
            const odfgate_heading *hd = &d->headings[h];
            if (hd->level > toc->max_level || hd->hidden || !hd->text[0])
                continue;
            listed++;
            if (k >= toc->count)
                want = hd->text;
            else if (!entry_matches(toc->entries[k], hd->text))
                want = hd->text, got = toc->entries[k];
            k++;
        }
        if (!want && !got && k < toc->count)
            got = toc->entries[k];
        if (!want && !got)
            continue;
        og_hyg_item it = {.paragraph = toc->paragraph};
        if (want && got)
            item_finding(c, OG_RULE_STALE_INDEX, &it,
                         "the table of contents is out of date: entry %u reads \"%.80s\", the "
                         "heading \"%.80s\" (update it: Tools > Update > Update All)",
                         k, got, want);
        else if (want && toc->count == 0)
            item_finding(c, OG_RULE_STALE_INDEX, &it,
                         "the table of contents is empty: it was never generated (update it: "
                         "Tools > Update > Update All)");
        else if (want)
            item_finding(c, OG_RULE_STALE_INDEX, &it,
                         "the table of contents is out of date: it lists %u entries, the "
                         "heading \"%.80s\" is missing (update it: Tools > Update > Update All)",
                         toc->count, want);
        else
            item_finding(c, OG_RULE_STALE_INDEX, &it,
                         "the table of contents is out of date: entry \"%.80s\" is no heading "
                         "(%u headings listed; update it: Tools > Update > Update All)",
                         got, listed);
    }
}

/* ------------------------------------------------------------------ the family */

int og_rules_hygiene(og_check *c)
{
    const odfgate_doc *d = c->doc;
    char by[200];
    for (uint32_t i = 0; i < d->hyg_count; i++) {
        const og_hyg_item *it = &d->hyg[i];
        const char *why;
        switch (it->cls) {
        case OG_HYG_COMMENT:
            item_finding(c, OG_RULE_HIDDEN_COMMENTS, it, "a comment%s is left in the document",
                         byline(it, by, sizeof(by)));
            break;
        case OG_HYG_CHANGE:
            item_finding(c, OG_RULE_HIDDEN_CHANGES, it,
                         "a tracked %s%s is not accepted or rejected", it->kind,
                         byline(it, by, sizeof(by)));
            break;
        case OG_HYG_HIDDEN:
            item_finding(c, OG_RULE_HIDDEN_TEXT, it,
                         "%s%s%.120s%s: in the file, not shown to readers", it->kind,
                         it->what ? " (" : "", it->what ? it->what : "", it->what ? ")" : "");
            break;
        case OG_HYG_MACRO:
            item_finding(c, OG_RULE_MACROS, it, "%s%s%.120s%s", it->kind, it->what ? " \"" : "",
                         it->what ? it->what : "", it->what ? "\"" : "");
            break;
        case OG_HYG_OBJECT:
            item_finding(c, OG_RULE_EMBEDDED_OBJECTS, it, "an embedded %s (%.120s)", it->kind,
                         it->what ? it->what : "type unknown");
            break;
        case OG_HYG_LINK:
            if (strcmp(it->kind, "hyperlink") != 0)
                item_finding(c, OG_RULE_LINKED_RESOURCES, it, "a %s, not embedded: %.300s",
                             it->kind, it->what ? it->what : "");
            else if ((why = other_link_kind(it->what ? it->what : "")))
                item_finding(c, OG_RULE_LINKED_RESOURCES, it, "a hyperlink to %s: %.300s", why,
                             it->what);
            break;
        default: break;
        }
    }
    links(c);
    personal(c);
    tocs(c);
    return c->nomem ? -1 : 0;
}
