/* model.c — the public accessors of the model, and what the reader adds to it (read/model.h);
 * opening a document is read/open.c. */
#include "read/model.h"
#include "base/vec.h"

void odfgate_doc_free(odfgate_doc *doc)
{
    if (!doc)
        return;
    og_arena_free(&doc->arena);
    free(doc->links);
    free(doc);
}

int og_doc_add_link(odfgate_doc *doc, const char *href, uint32_t ordinal)
{
    og_link l = {NULL, ordinal};
    if (!odfgate_is_url(href) || strlen(href) > 4096)
        return 0;
    if (og_vec_reserve_((void **)&doc->links, &doc->link_cap, doc->link_count, sizeof(og_link),
                        OG_MAX_LINKS) == -2)
        return 0; /* over the cap: the rest are not checked (docs/http.md) */
    if (doc->link_count == doc->link_cap || !(l.url = og_arena_strdup(&doc->arena, href)))
        return -1;
    doc->links[doc->link_count++] = l;
    return 0;
}

size_t odfgate_doc_link_count(const odfgate_doc *doc) { return doc->link_count; }

const char *odfgate_doc_link(const odfgate_doc *doc, size_t i, uint32_t *paragraph)
{
    if (i >= doc->link_count)
        return NULL;
    if (paragraph)
        *paragraph =
            doc->links[i].paragraph <= doc->para_count ? doc->links[i].paragraph : doc->para_count;
    return doc->links[i].url;
}

uint32_t og_doc_section_end(const odfgate_doc *doc, size_t h)
{
    int level = doc->headings[h].level;
    for (size_t k = h + 1; k < doc->heading_count; k++)
        if (doc->headings[k].level <= level)
            return doc->heading_para[k];
    return doc->para_count;
}

uint32_t og_doc_text_section_end(const odfgate_doc *doc, size_t h)
{
    int level = doc->headings[h].level;
    for (size_t k = h + 1; k < doc->heading_count; k++)
        if (doc->headings[k].level <= level && doc->headings[k].text[0])
            return doc->heading_para[k];
    return doc->para_count;
}

const char *odfgate_doc_path(const odfgate_doc *doc) { return doc->path; }
const char *odfgate_doc_container(const odfgate_doc *doc) { return doc->container; }
const char *odfgate_doc_mimetype(const odfgate_doc *doc) { return doc->mimetype; }
size_t odfgate_doc_note_count(const odfgate_doc *doc) { return doc->note_count; }

const char *odfgate_doc_note(const odfgate_doc *doc, size_t i)
{
    return i < doc->note_count ? doc->notes[i] : NULL;
}

const odfgate_meta *odfgate_doc_meta(const odfgate_doc *doc) { return &doc->meta; }

const char *odfgate_doc_meta_field(const odfgate_doc *doc, const char *name)
{
    const odfgate_meta *m = &doc->meta;
    static const struct {
        const char *name;
        size_t offset;
    } fields[] = {
        {"title", offsetof(odfgate_meta, title)},
        {"subject", offsetof(odfgate_meta, subject)},
        {"description", offsetof(odfgate_meta, description)},
        {"creator", offsetof(odfgate_meta, creator)},
        {"initial-creator", offsetof(odfgate_meta, initial_creator)},
        {"creation-date", offsetof(odfgate_meta, creation_date)},
        {"date", offsetof(odfgate_meta, date)},
        {"generator", offsetof(odfgate_meta, generator)},
        {"editing-cycles", offsetof(odfgate_meta, editing_cycles)},
        {"language", offsetof(odfgate_meta, language)},
    };
    if (!name)
        return NULL;
    for (size_t i = 0; i < OG_ARRAY_LEN(fields); i++)
        if (strcmp(name, fields[i].name) == 0)
            return *(const char *const *)((const char *)m + fields[i].offset);
    if (strcmp(name, "keywords") == 0)
        return doc->keywords_joined;
    if (strncmp(name, "user:", 5) == 0)
        for (size_t i = 0; i < m->user_count; i++)
            if (strcmp(m->user[i].name, name + 5) == 0)
                return m->user[i].value;
    return NULL;
}

size_t odfgate_doc_heading_count(const odfgate_doc *doc) { return doc->heading_count; }

const odfgate_heading *odfgate_doc_heading(const odfgate_doc *doc, size_t i)
{
    return i < doc->heading_count ? &doc->headings[i] : NULL;
}

uint64_t odfgate_doc_words(const odfgate_doc *doc) { return doc->words; }
uint32_t odfgate_doc_paragraph_count(const odfgate_doc *doc) { return doc->para_count; }

const char *odfgate_doc_paragraph_text(const odfgate_doc *doc, uint32_t ordinal)
{
    return ordinal >= 1 && ordinal <= doc->para_count ? doc->paras[ordinal - 1].text : NULL;
}

size_t odfgate_doc_signature_count(const odfgate_doc *doc)
{
    return doc ? doc->signature_count : 0;
}

const odfgate_signature *odfgate_doc_signature(const odfgate_doc *doc, size_t i)
{
    return doc && i < doc->signature_count ? &doc->signatures[i] : NULL;
}

const char *odfgate_doc_signatures_problem(const odfgate_doc *doc)
{
    return doc ? doc->signatures_problem : NULL;
}

int og_waiver_text(const char *t, size_t len)
{
    size_t k = sizeof(OG_WAIVER_PREFIX) - 1;
    while (len && *t == ' ')
        t++, len--;
    return len >= k && memcmp(t, OG_WAIVER_PREFIX, k) == 0;
}

int og_comment_break(const char *local)
{
    static const char *const breaks[] = {"p", "h", "s", "tab", "line-break"};
    for (size_t i = 0; i < OG_ARRAY_LEN(breaks); i++)
        if (strcmp(local, breaks[i]) == 0)
            return 1;
    return 0;
}
