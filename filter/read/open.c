/* open.c — opening a document: the package, then the reader's one pass into a new model
 * (odfgate_doc_open, odfgate_doc_open_memory; the model is freed by odfgate_doc_free). */
#include "read/model.h"
#include "read/package.h"
#include "read/reader.h"
#include "read/signatures.h"

static odfgate_status open_package(odfgate_status st, og_package *pkg, const char *path,
                                   const odfgate_limits *lim, odfgate_doc **out, odfgate_error *err)
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
    if (og_read_document(pkg, lim, doc, err) < 0 || og_read_signatures(pkg, lim, doc, err) < 0) {
        og_package_free(pkg);
        odfgate_doc_free(doc);
        return og_status_of(err);
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
    OG_ERR_LOCAL(err);
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
    OG_ERR_LOCAL(err);
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
