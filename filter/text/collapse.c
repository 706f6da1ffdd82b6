/* collapse.c — building text: white space collapsed as ODF does, and slugs (text/text.h; no locale
 * used). */
#include "text/chars.h"

/* ------------------------------------------------------------------ building text */

static int is_xml_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

int og_append_collapsed(og_buf *out, const char *s, size_t n)
{
    size_t start = out->len, i = 0;
    int rc;
    if (start > out->max)
        return OG_BUF_TOOBIG;
    if (n <= out->max - start) {
        /* the common case: the result grows by at most n bytes, so reserve once and copy
         * byte by byte on locals */
        char *o;
        size_t len = start;
        if ((rc = og_buf_reserve(out, n)) != OG_BUF_OK)
            return rc;
        o = out->data;
#if OG_BLOCK
        {
            /* whole blocks while they hold no tab, CR or LF (no control byte) and no space
             * that would be dropped: after a space, or first in an empty buffer */
            unsigned dropped = len == 0 || o[len - 1] == ' ';
            for (; n - i >= OG_BLOCK; i += OG_BLOCK, len += OG_BLOCK) {
                block_class c;
                classify_block(s + i, &c);
                if (c.control | (c.space & ((c.space << 1) | dropped)))
                    break;
                memcpy(o + len, s + i, OG_BLOCK);
                dropped = (c.space >> (OG_BLOCK - 1)) & 1;
            }
        }
#endif
        for (; i < n; i++) {
            char c = s[i];
            if (!is_xml_space(c))
                o[len++] = c;
            else if (len > 0 && o[len - 1] != ' ')
                o[len++] = ' ';
        }
        o[len] = '\0';
        out->len = len;
        return OG_BUF_OK;
    }
    /* longer than the room left: it may still fit once collapsed; go run by run */
    rc = og_buf_reserve(out, out->max - start);
    while (i < n && rc == OG_BUF_OK) {
        size_t j = i;
        while (j < n && !is_xml_space(s[j]))
            j++;
        if (j > i && (rc = og_buf_reserve(out, j - i)) == OG_BUF_OK) {
            memcpy(out->data + out->len, s + i, j - i);
            out->len += j - i;
        }
        if (j < n && rc == OG_BUF_OK) { /* white space: one ' ', none first or after ' ' */
            while (j < n && is_xml_space(s[j]))
                j++;
            if (out->len > 0 && out->data[out->len - 1] != ' ' &&
                (rc = og_buf_reserve(out, 1)) == OG_BUF_OK)
                out->data[out->len++] = ' ';
        }
        i = j;
    }
    if (rc != OG_BUF_OK)
        out->len = start; /* on error nothing is appended */
    if (out->data)
        out->data[out->len] = '\0';
    return rc;
}

int og_slug(const char *s, og_buf *out)
{
    og_buf folded;
    int rc;
    og_buf_init(&folded, out->max);
    if ((rc = og_text_fold(s, strlen(s), &folded)) != OG_BUF_OK) {
        og_buf_free(&folded);
        return rc;
    }
    og_buf_reset(out);
    for (size_t i = 0; i < folded.len && rc == OG_BUF_OK;) {
        uint32_t cp;
        size_t k = og_utf8_decode(folded.data + i, folded.len - i, &cp);
        if (og_cp_is_word(cp))
            rc = og_buf_add(out, folded.data + i, k);
        else if (out->len && out->data[out->len - 1] != '-')
            rc = og_buf_addc(out, '-');
        i += k;
    }
    og_buf_free(&folded);
    if (rc != OG_BUF_OK)
        return rc;
    while (out->len && out->data[out->len - 1] == '-')
        out->data[--out->len] = '\0';
    return out->len ? OG_BUF_OK : og_buf_adds(out, "section");
}
