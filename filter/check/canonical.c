/* canonical.c — canonical text for sign-off digests (see canonical.h, docs/signoff.md). */
#include "check/canonical.h"

#include "base/internal.h"

static int line(og_buf *out, const char *tag, const char *text, size_t len)
{
    int rc;
    if ((rc = og_buf_adds(out, tag)) || (rc = og_buf_addc(out, ' ')) ||
        (rc = og_buf_add(out, text, len)))
        return rc;
    return og_buf_addc(out, '\n');
}

/* A paragraph's text in canonical text `version`: version 2 has fields that LibreOffice
 * recomputes as their definitions (fields.h), version 1 their cached values. */
static const char *text_of(const char *text, uint32_t len, const char *vtext, uint32_t vlen,
                           int version, uint32_t *n)
{
    if (version >= 2 && vtext) {
        *n = vlen;
        return vtext;
    }
    *n = len;
    return text;
}

static int aux_lines(const odfgate_doc *doc, uint32_t anchor, int version, uint32_t *k, og_buf *out)
{
    int rc = OG_BUF_OK;
    while (*k < doc->aux_count && doc->aux[*k].anchor <= anchor && rc == OG_BUF_OK) {
        const og_aux *a = &doc->aux[*k];
        uint32_t n;
        const char *t = text_of(a->text, a->len, a->vtext, a->vlen, version, &n);
        if (a->anchor == anchor && n) /* empty only when its text was all fields (version 1) */
            rc = line(out, "N", t, n);
        (*k)++;
    }
    return rc;
}

const char *og_canonical_header(int version)
{
    return version >= 2 ? "odfgate-canonical/2\n" : "odfgate-canonical/1\n";
}

int og_canonical_range(const odfgate_doc *doc, uint32_t from, uint32_t to, int version, og_buf *out)
{
    uint32_t k = 0;
    int rc = OG_BUF_OK;
    /* aux records are in document order, so their anchors never decrease */
    while (k < doc->aux_count && doc->aux[k].anchor < from)
        k++;
    for (uint32_t i = from; i < to && rc == OG_BUF_OK; i++) {
        const og_para *p = &doc->paras[i];
        uint32_t n;
        const char *t = text_of(p->text, p->len, p->vtext, p->vlen, version, &n);
        if (p->heading >= 0 && (p->len || p->vtext)) { /* an empty heading is no text */
            char tag[8];
            snprintf(tag, sizeof(tag), "H%d", doc->headings[p->heading].level);
            rc = line(out, tag, t, n);
        } else if (n) {
            rc = line(out, "P", t, n);
        }
        if (rc == OG_BUF_OK)
            rc = aux_lines(doc, i, version, &k, out);
    }
    if (rc == OG_BUF_OK && to == doc->para_count) /* text boxes after the last paragraph */
        rc = aux_lines(doc, doc->para_count, version, &k, out);
    return rc;
}
