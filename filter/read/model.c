/* model.c — opening a document and the public accessors of the model. */
#include "read/model.h"
#include "base/vec.h"

#include "read/package.h"
#include "read/reader.h"

static odfgate_status open_package(odfgate_status st, og_package *pkg, const char *path,
                                   const odfgate_limits *lim, odfgate_doc **out,
                                   odfgate_error *err)
{
    odfgate_doc *doc;
    size_t nn;

    if (st != ODFGATE_OK)
        return st;
    doc = calloc(1, sizeof(*doc));
    if (!doc) {
        og_package_free(pkg);
        return og_fail(err, ODFGATE_E_NOMEM, path, NULL, "out of memory");
    }
    og_arena_init(&doc->arena);
    doc->path = og_arena_strdup(&doc->arena, path);
    doc->container = og_package_kind_of(pkg) == OG_PACKAGE_FLAT ? "flat" : "zip";
    doc->mimetype = og_arena_strdup(&doc->arena, og_package_mimetype(pkg));
    doc->source = *og_package_file_id(pkg);
    nn = og_package_note_count(pkg);
    doc->notes = og_arena_alloc(&doc->arena, (nn ? nn : 1) * sizeof(char *));
    if (!doc->path || !doc->mimetype || !doc->notes) {
        og_package_free(pkg);
        odfgate_doc_free(doc);
        return og_fail(err, ODFGATE_E_NOMEM, path, NULL, "out of memory");
    }
    for (size_t i = 0; i < nn; i++)
        if ((doc->notes[doc->note_count] = og_arena_strdup(&doc->arena, og_package_note(pkg, i))))
            doc->note_count++;
    if (og_read_document(pkg, lim, doc, err) < 0) {
        og_package_free(pkg);
        odfgate_doc_free(doc);
        return err && err->code == ODFGATE_E_NOMEM ? ODFGATE_FATAL : ODFGATE_FAILED;
    }
    og_package_free(pkg);
    *out = doc;
    return doc->note_count ? ODFGATE_WARN : ODFGATE_OK;
}

static const odfgate_limits *limits_or_default(const odfgate_limits *lim, odfgate_limits *tmp)
{
    if (lim)
        return lim;
    odfgate_limits_init(tmp);
    return tmp;
}

odfgate_status odfgate_doc_open(const char *path, const odfgate_limits *lim, odfgate_doc **out,
                                odfgate_error *err)
{
    odfgate_limits tmp;
    og_package *pkg = NULL;
    odfgate_status st;
    if (!out || !path)
        return og_fail(err, ODFGATE_E_USAGE, path, NULL, "missing argument");
    *out = NULL;
    lim = limits_or_default(lim, &tmp);
    st = og_package_open(path, lim, &pkg, err);
    return open_package(st, pkg, path, lim, out, err);
}

odfgate_status odfgate_doc_open_memory(const void *data, size_t len, const char *name,
                                       const odfgate_limits *lim, odfgate_doc **out,
                                       odfgate_error *err)
{
    odfgate_limits tmp;
    og_package *pkg = NULL;
    odfgate_status st;
    if (!out || (!data && len))
        return og_fail(err, ODFGATE_E_USAGE, name, NULL, "missing argument");
    *out = NULL;
    name = name ? name : "(memory)";
    lim = limits_or_default(lim, &tmp);
    st = og_package_open_memory(data, len, name, lim, &pkg, err);
    return open_package(st, pkg, name, lim, out, err);
}

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
    if (og_vec_reserve_((void **)&doc->links, &doc->link_cap, doc->link_count, sizeof(og_link), OG_MAX_LINKS) ==
        -2)
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
        *paragraph = doc->links[i].paragraph <= doc->para_count ? doc->links[i].paragraph : doc->para_count;
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
