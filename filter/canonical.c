/* canonical.c — canonical text for sign-off digests (see canonical.h, docs/signoff.md).
 * SHA-256 comes from OpenSSL's libcrypto (EVP), already in odfgate's dependency closure
 * through libcurl, maintained, constant-time, and FIPS-validated in its 3.x line. */
#include "canonical.h"

#include "internal.h"

#include <openssl/evp.h>

static int line(og_buf *out, const char *tag, const char *text, size_t len)
{
    int rc;
    if ((rc = og_buf_adds(out, tag)) || (rc = og_buf_addc(out, ' ')) ||
        (rc = og_buf_add(out, text, len)))
        return rc;
    return og_buf_addc(out, '\n');
}

static int aux_lines(const odfgate_doc *doc, uint32_t anchor, uint32_t *k, og_buf *out)
{
    int rc = OG_BUF_OK;
    while (*k < doc->aux_count && doc->aux[*k].anchor <= anchor && rc == OG_BUF_OK) {
        if (doc->aux[*k].anchor == anchor)
            rc = line(out, "N", doc->aux[*k].text, doc->aux[*k].len);
        (*k)++;
    }
    return rc;
}

int og_canonical_range(const odfgate_doc *doc, uint32_t from, uint32_t to, og_buf *out)
{
    uint32_t k = 0;
    int rc = OG_BUF_OK;
    /* aux records are in document order, so their anchors never decrease */
    while (k < doc->aux_count && doc->aux[k].anchor < from)
        k++;
    for (uint32_t i = from; i < to && rc == OG_BUF_OK; i++) {
        const og_para *p = &doc->paras[i];
        if (p->heading >= 0) {
            char tag[8];
            snprintf(tag, sizeof(tag), "H%d", doc->headings[p->heading].level);
            rc = line(out, tag, p->text, p->len);
        } else if (p->len) {
            rc = line(out, "P", p->text, p->len);
        }
        if (rc == OG_BUF_OK)
            rc = aux_lines(doc, i, &k, out);
    }
    if (rc == OG_BUF_OK && to == doc->para_count) /* text boxes after the last paragraph */
        rc = aux_lines(doc, doc->para_count, &k, out);
    return rc;
}

void og_sha256_hex(const void *data, size_t len, char hex[65])
{
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int n = 0;
    static const char digits[] = "0123456789abcdef";
    if (!EVP_Digest(data, len, md, &n, EVP_sha256(), NULL) || n != 32) {
        memset(hex, '0', 64);
        hex[64] = '\0';
        return;
    }
    for (unsigned i = 0; i < 32; i++) {
        hex[2 * i] = digits[md[i] >> 4];
        hex[2 * i + 1] = digits[md[i] & 15];
    }
    hex[64] = '\0';
}
