/* xmlscan.c — attribute counting ahead of libxml2 (xmlscan.h). */
#include "xmlscan.h"

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

int og_xml_scan_bytes(og_xml_scan *s, const char *buf, size_t n)
{
    static const char cdata[] = "[CDATA[";
    for (size_t i = 0; i < n; i++) {
        char c = buf[i];
        if (c == '\n')
            s->line++;
        switch (s->state) {
        case TEXT:
            if (c == '<')
                s->state = OPEN;
            break;
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
        case TAG:
            if (s->quote) {
                if (c == s->quote)
                    s->quote = 0;
            } else if (c == '"' || c == '\'') {
                s->quote = c;
            } else if (c == '=') {
                if (++s->attrs > OG_XML_MAX_ATTRIBUTES)
                    return -1;
            } else if (c == '>') {
                s->state = TEXT;
            }
            break;
        case SKIP_TAG:
            if (c == '>')
                s->state = TEXT;
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
    return 0;
}
