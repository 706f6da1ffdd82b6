/*
 * schemafrom.c — `odfgate schema from`: a schema whose sections are a template's (or a
 * document's) headings, nested by level, ids from slugs, order kept, ready to edit.  The
 * result is loaded back through the normal schema loader before it is handed out, so what
 * this writes always passes `odfgate schema check`.
 */
#include "base/internal.h"

#include "base/buf.h"
#include "read/model.h"
#include "text/text.h"
#include "read/xml.h"

#include <libxml/xmlwriter.h>

#define X(s) ((const xmlChar *)(s))

/* ids[i] for heading i; NULL for a heading left out (empty key, or a key seen before). */
static int make_ids(const odfgate_doc *doc, char **ids)
{
    og_buf slug, key;
    char **keys = calloc(doc->heading_count + 1, sizeof(char *));
    int rc = -1;
    og_buf_init(&slug, 1u << 16);
    og_buf_init(&key, 1u << 16);
    if (!keys)
        goto out;
    for (size_t h = 0; h < doc->heading_count; h++) {
        int dup = 0;
        if (og_heading_key(doc->headings[h].text, &key) != OG_BUF_OK ||
            og_slug(doc->headings[h].text, &slug) != OG_BUF_OK)
            goto out;
        for (size_t k = 0; k < h && !dup; k++)
            dup = keys[k] && strcmp(keys[k], key.data) == 0;
        if (dup || key.len == 0 || doc->headings[h].hidden)
            continue;
        if (!(keys[h] = og_strdup(key.data)))
            goto out;
        /* ids: the slug, then -2, -3 … if taken; an id must start with [a-z0-9] */
        char base[80];
        snprintf(base, sizeof(base), "%s",
                 slug.data[0] >= 'a' && slug.data[0] <= 'z'
                     ? slug.data
                     : (slug.data[0] >= '0' && slug.data[0] <= '9' ? slug.data : "section"));
        for (size_t i = 0; base[i]; i++)
            if (!((base[i] >= 'a' && base[i] <= 'z') || (base[i] >= '0' && base[i] <= '9')))
                base[i] = '-';
        for (int n = 1;; n++) {
            char cand[96];
            int taken = 0;
            if (n == 1)
                snprintf(cand, sizeof(cand), "%s", base);
            else
                snprintf(cand, sizeof(cand), "%s-%d", base, n);
            for (size_t k = 0; k < h && !taken; k++)
                taken = ids[k] && strcmp(ids[k], cand) == 0;
            if (!taken) {
                if (!(ids[h] = og_strdup(cand)))
                    goto out;
                break;
            }
        }
    }
    rc = 0;
out:
    for (size_t h = 0; keys && h < doc->heading_count; h++)
        free(keys[h]);
    free(keys);
    og_buf_free(&slug);
    og_buf_free(&key);
    return rc;
}

odfgate_status odfgate_schema_from_document(const odfgate_doc *doc, char **xml, size_t *len,
                                            odfgate_error *err)
{
    OG_ERR_LOCAL(err);
    char **ids = calloc(doc->heading_count + 1, sizeof(char *));
    int *open_levels = calloc(doc->heading_count + 1, sizeof(int));
    xmlBufferPtr buf = xmlBufferCreate();
    xmlTextWriterPtr w = buf ? xmlNewTextWriterMemory(buf, 1) : NULL;
    size_t depth = 0;
    int bad = 0;
    og_buf id;
    odfgate_status st = ODFGATE_FAILED;
    const char *title = doc->meta.title && *doc->meta.title ? doc->meta.title : NULL;

    og_buf_init(&id, 1u << 16);
    if (!ids || !open_levels || !w || make_ids(doc, ids) < 0 ||
        og_slug(title ? title : "schema", &id) != OG_BUF_OK) {
        og_fail(err, ODFGATE_E_NOMEM, doc->path, NULL, "out of memory");
        st = ODFGATE_FATAL;
        goto out;
    }
    if (!(id.data[0] >= 'a' && id.data[0] <= 'z') && !(id.data[0] >= '0' && id.data[0] <= '9')) {
        og_buf_reset(&id);
        og_buf_adds(&id, "schema");
    }
    for (size_t i = 0; i < id.len; i++)
        if (!((id.data[i] >= 'a' && id.data[i] <= 'z') || (id.data[i] >= '0' && id.data[i] <= '9')))
            id.data[i] = '-';
    xmlTextWriterSetIndent(w, 1);
    xmlTextWriterSetIndentString(w, X("  "));
    bad |= xmlTextWriterStartDocument(w, "1.0", "UTF-8", NULL) < 0;
    bad |= xmlTextWriterWriteComment(
               w, X(" Written by odfgate schema from: edit the headings, aliases, "
                    "word limits and signatories; see odfgate-schema(5). ")) < 0;
    bad |= xmlTextWriterStartElement(w, X("schema")) < 0;
    bad |= xmlTextWriterWriteAttribute(w, X("xmlns"), X(OG_NS_SCHEMA)) < 0;
    bad |= xmlTextWriterWriteAttribute(w, X("id"), X(id.data)) < 0;
    bad |= xmlTextWriterWriteAttribute(w, X("version"), X("1")) < 0;
    bad |= xmlTextWriterWriteAttribute(w, X("ordered"), X("true")) < 0;
    if (title)
        bad |= xmlTextWriterWriteElement(w, X("title"), X(title)) < 0;
    bad |= xmlTextWriterStartElement(w, X("metadata")) < 0;
    bad |= xmlTextWriterStartElement(w, X("field")) < 0;
    bad |= xmlTextWriterWriteAttribute(w, X("name"), X("title")) < 0;
    bad |= xmlTextWriterWriteAttribute(w, X("required"), X("true")) < 0;
    bad |= xmlTextWriterEndElement(w) < 0;
    bad |= xmlTextWriterEndElement(w) < 0;
    bad |= xmlTextWriterStartElement(w, X("sections")) < 0;
    for (size_t h = 0; h < doc->heading_count && !bad; h++) {
        const odfgate_heading *hd = &doc->headings[h];
        char level[8];
        if (!ids[h])
            continue;
        while (depth > 0 && open_levels[depth - 1] >= hd->level) {
            bad |= xmlTextWriterEndElement(w) < 0;
            depth--;
        }
        snprintf(level, sizeof(level), "%d", hd->level);
        bad |= xmlTextWriterStartElement(w, X("section")) < 0;
        bad |= xmlTextWriterWriteAttribute(w, X("id"), X(ids[h])) < 0;
        bad |= xmlTextWriterWriteAttribute(w, X("heading"), X(hd->text)) < 0;
        bad |= xmlTextWriterWriteAttribute(w, X("level"), X(level)) < 0;
        open_levels[depth++] = hd->level;
    }
    while (depth-- > 0)
        bad |= xmlTextWriterEndElement(w) < 0;
    bad |= xmlTextWriterEndElement(w) < 0; /* sections */
    bad |= xmlTextWriterEndElement(w) < 0; /* schema */
    bad |= xmlTextWriterEndDocument(w) < 0;
    xmlFreeTextWriter(w);
    w = NULL;
    if (bad) {
        og_fail(err, ODFGATE_E_NOMEM, doc->path, NULL, "cannot write the schema");
        goto out;
    }
    /* what we hand out must load */
    odfgate_schema *check = NULL;
    if ((st = odfgate_schema_load_memory(xmlBufferContent(buf), (size_t)xmlBufferLength(buf), NULL,
                                         &check, err)) != ODFGATE_OK)
        goto out;
    odfgate_schema_free(check);
    *len = (size_t)xmlBufferLength(buf);
    *xml = og_strndup((const char *)xmlBufferContent(buf), *len);
    st = *xml ? ODFGATE_OK : og_fail(err, ODFGATE_E_NOMEM, doc->path, NULL, "out of memory");
out:
    if (w)
        xmlFreeTextWriter(w);
    xmlBufferFree(buf);
    for (size_t h = 0; ids && h < doc->heading_count; h++)
        free(ids[h]);
    free(ids);
    free(open_levels);
    og_buf_free(&id);
    return st;
}
