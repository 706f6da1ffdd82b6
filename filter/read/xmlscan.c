/* xmlscan.c — attribute counting ahead of libxml2 (xmlscan.h). */
#include "read/xmlscan.h"

#include <string.h>

enum {
    TEXT,     /* character data */
    OPEN,     /* after '<' */
    BANG,     /* after "<!": a comment, CDATA or a declaration? */
    TAG,      /* in a start tag: counting '=' outside quotes */
    SKIP_TAG, /* in an end tag: to '>' */
    COMMENT,  /* to "-->" */
    CDATA,    /* to "]]>" */
    PI,       /* to "?>" */
    DECL      /* <!DOCTYPE …>: to '>' outside quotes and brackets */
};

void og_xml_scan_init(og_xml_scan *s)
{
    memset(s, 0, sizeof(*s));
    s->line = 1;
}

/* Advance through delimiter `d` ("-->", "]]>" or "?>") of length n: 1 when c completes it.
 * On a mismatch, c may start the delimiter again; after "--" or "]]" a third '-' or ']' keeps
 * the two matched. */
static int ends(og_xml_scan *s, const char *d, uint8_t n, char c)
{
    if (c == d[s->matched]) {
        if (++s->matched == n) {
            s->matched = 0;
            return 1;
        }
    } else if (c == d[0]) {
        s->matched = n == 3 && s->matched == 2 ? 2 : 1;
    } else {
        s->matched = 0;
    }
    return 0;
}

/* Lines in buf[0..n): memchr jumps (ODF parts are mostly one long line). */
static uint64_t lines_in(const char *buf, size_t n)
{
    uint64_t k = 0;
    for (const char *p = buf, *end = buf + n; (p = memchr(p, '\n', (size_t)(end - p))) != NULL; p++)
        k++;
    return k;
}

/* The bytes that matter inside a start tag: quotes, '=' and its end. */
static const unsigned char in_tag[256] = {['"'] = 1, ['\''] = 1, ['='] = 1, ['>'] = 1};

/* Every document passes through here, so the states nearly all bytes are in jump: text to the
 * next '<' and an end tag to its '>' (memchr), a start tag to the next byte of in_tag, a quoted
 * value to its quote; the rest (comments, CDATA, declarations) goes byte by byte. */
int og_xml_scan_bytes(og_xml_scan *s, const char *buf, size_t n)
{
    static const char cdata[] = "[CDATA[";
    for (size_t i = 0; i < n; i++) {
        char c;
        if (s->state == TEXT) {
            const char *lt = memchr(buf + i, '<', n - i);
            if (!lt)
                break;
            i = (size_t)(lt - buf);
            s->state = OPEN;
            continue;
        }
        if (s->state == SKIP_TAG) { /* an end tag */
            const char *gt = memchr(buf + i, '>', n - i);
            if (!gt)
                break;
            i = (size_t)(gt - buf);
            s->state = TEXT;
            continue;
        }
        if (s->state == TAG) {
            if (s->quote) {
                const char *q = memchr(buf + i, s->quote, n - i);
                if (!q)
                    break;
                i = (size_t)(q - buf);
                s->quote = 0;
                continue;
            }
            while (i < n && !in_tag[(unsigned char)buf[i]])
                i++;
            if (i == n)
                break;
            c = buf[i];
            if (c == '>') {
                s->state = TEXT;
            } else if (c == '=') {
                if (++s->attrs > OG_XML_MAX_ATTRIBUTES) {
                    s->line += lines_in(buf, i);
                    return -1;
                }
            } else {
                s->quote = c;
            }
            continue;
        }
        c = buf[i];
        switch (s->state) {
        case OPEN:
            s->attrs = 0;
            s->quote = 0;
            s->matched = 0;
            s->state = c == '!' ? BANG : c == '?' ? PI : c == '/' ? SKIP_TAG : TAG;
            if (c == '>')
                s->state = TEXT;
            break;
        case BANG: /* "<!--" a comment, "<![CDATA[", anything else a declaration */
            if (s->matched == 0 && (c == '-' || c == '[')) {
                s->quote = c; /* which of the two it may be */
                s->matched = 1;
            } else if (s->matched && s->quote == '-') {
                s->state = c == '-' ? COMMENT : DECL;
                s->matched = 0;
                s->quote = 0;
            } else if (s->matched && c == cdata[s->matched]) {
                if (++s->matched == sizeof(cdata) - 1) {
                    s->state = CDATA;
                    s->matched = 0;
                    s->quote = 0;
                }
            } else {
                s->state = c == '>' && !s->matched ? TEXT : DECL;
                s->matched = 0;
                s->quote = 0;
            }
            break;
        case COMMENT:
            if (ends(s, "-->", 3, c))
                s->state = TEXT;
            break;
        case CDATA:
            if (ends(s, "]]>", 3, c))
                s->state = TEXT;
            break;
        case PI:
            if (ends(s, "?>", 2, c))
                s->state = TEXT;
            break;
        case DECL: /* quotes and an internal subset's brackets may hold '>' */
            if (s->quote) {
                if (c == s->quote)
                    s->quote = 0;
            } else if (c == '"' || c == '\'') {
                s->quote = c;
            } else if (c == '[') {
                s->attrs++; /* bracket depth, reused */
            } else if (c == ']' && s->attrs) {
                s->attrs--;
            } else if (c == '>' && !s->attrs) {
                s->state = TEXT;
            }
            break;
        }
    }
    s->line += lines_in(buf, n);
    return 0;
}
