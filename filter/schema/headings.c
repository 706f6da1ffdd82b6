/*
 * headings.c — which schema section a document heading is (schema/headings.h).
 *
 * A heading matches the section one of whose keys (og_heading_key of its heading and
 * aliases) equals the heading's key; levels are not compared (producers disagree on them).
 * Keys are unique across a schema (load.c checks), so a heading matches at most one section.
 * A key that matches nothing is tried once more without a leading bare number ("1 Common
 * vision": og_heading_key keeps "2020 vision" whole, since a bare number is usually a word).
 */
#include "schema/headings.h"

#include "base/buf.h"
#include "text/text.h"

static size_t match_exact(const odfgate_schema *s, const char *key)
{
    for (size_t i = 0; i < s->section_count; i++)
        for (size_t k = 0; k < s->sections[i].key_count; k++)
            if (strcmp(s->sections[i].keys[k], key) == 0)
                return i;
    return OG_NONE;
}

size_t og_section_for_key(const odfgate_schema *s, const char *key)
{
    size_t i = match_exact(s, key), d = 0;
    while (i == OG_NONE && key[d] >= '0' && key[d] <= '9' && d < 4)
        d++;
    if (i == OG_NONE && d > 0 && key[d] == ' ' && key[d + 1])
        i = match_exact(s, key + d + 1);
    return i;
}

int og_match_headings(const odfgate_doc *doc, const odfgate_schema *schema, size_t *heading_match,
                      size_t *section_heading)
{
    og_buf key;
    og_buf_init(&key, 1u << 20);
    for (size_t i = 0; i < schema->section_count; i++)
        section_heading[i] = OG_NONE;
    for (size_t h = 0; h < doc->heading_count; h++) {
        int rc = og_heading_key(doc->headings[h].text, &key);
        if (rc == OG_BUF_NOMEM) {
            og_buf_free(&key);
            return -1;
        }
        /* a heading whose key is over 1 MiB is no schema section's (no key is that long) */
        size_t s = rc == OG_BUF_OK ? og_section_for_key(schema, key.data ? key.data : "") : OG_NONE;
        heading_match[h] = s;
        if (s != OG_NONE && !doc->headings[h].hidden && section_heading[s] == OG_NONE)
            section_heading[s] = h;
    }
    og_buf_free(&key);
    return 0;
}
