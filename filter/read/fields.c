/* fields.c — which text fields stand for their definition in canonical text (fields.h).
 * The list and its reasons are in docs/signoff.md ("Fields"); keep the two in step. */
#include "read/fields.h"

#include "base/internal.h"

/* How text:fixed reads when absent: LibreOffice takes author and sender fields as fixed unless
 * text:fixed="false" (it keeps their text and writes text:fixed="true" on save), every other
 * field as not fixed (it recomputes them).  Both found by saving every kind in LibreOffice 7.4. */
typedef enum fixable {
    NEVER_FIXED = 0, /* recomputed always */
    FIXABLE,         /* recomputed unless text:fixed="true" */
    FIXED_BY_DEFAULT /* recomputed only with text:fixed="false" */
} fixable;
typedef enum refkind { ALWAYS = 0, REFERENCE = 1 } refkind;

typedef struct field_kind {
    const char *local;    /* text:<local> */
    fixable fix;          /* text:fixed="true" keeps the value as text */
    refkind ref;          /* a reference: volatile unless it shows the target's text */
    const char *attrs[3]; /* text: attributes that are part of the definition */
    const char *value;    /* a fixed one stands for this attribute's value, not its text:
                             LibreOffice renders a fixed date again from it in its own
                             format (formatting, not text) */
} field_kind;

/* Sorted by local name (bsearch). */
static const field_kind kinds[] = {
    {"author-initials", FIXED_BY_DEFAULT, ALWAYS, {0}, NULL},
    {"author-name", FIXED_BY_DEFAULT, ALWAYS, {0}, NULL},
    {"bookmark-ref", NEVER_FIXED, REFERENCE, {"ref-name", "reference-format"}, NULL},
    {"chapter", NEVER_FIXED, ALWAYS, {"display", "outline-level"}, NULL},
    {"character-count", NEVER_FIXED, ALWAYS, {0}, NULL},
    {"creation-date", FIXABLE, ALWAYS, {0}, NULL},
    {"creation-time", FIXABLE, ALWAYS, {0}, NULL},
    {"creator", FIXABLE, ALWAYS, {0}, NULL},
    {"database-display", NEVER_FIXED, ALWAYS, {"table-name", "column-name"}, NULL},
    {"database-name", NEVER_FIXED, ALWAYS, {"table-name"}, NULL},
    {"database-row-number", NEVER_FIXED, ALWAYS, {"table-name"}, NULL},
    {"date", FIXABLE, ALWAYS, {"date-adjust"}, "date-value"},
    {"dde-connection", NEVER_FIXED, ALWAYS, {"connection-name"}, NULL},
    {"description", FIXABLE, ALWAYS, {0}, NULL},
    {"editing-cycles", FIXABLE, ALWAYS, {0}, NULL},
    {"editing-duration", FIXABLE, ALWAYS, {0}, NULL},
    {"file-name", FIXABLE, ALWAYS, {"display"}, NULL},
    {"image-count", NEVER_FIXED, ALWAYS, {0}, NULL},
    {"initial-creator", FIXABLE, ALWAYS, {0}, NULL},
    {"keywords", FIXABLE, ALWAYS, {0}, NULL},
    {"modification-date", FIXABLE, ALWAYS, {0}, NULL},
    {"modification-time", FIXABLE, ALWAYS, {0}, NULL},
    {"note-ref", NEVER_FIXED, ALWAYS, {"ref-name", "reference-format"}, NULL},
    {"object-count", NEVER_FIXED, ALWAYS, {0}, NULL},
    {"page-continuation", NEVER_FIXED, ALWAYS, {"select-page"}, NULL},
    {"page-count", NEVER_FIXED, ALWAYS, {0}, NULL},
    {"page-number", FIXABLE, ALWAYS, {"select-page", "page-adjust"}, NULL},
    {"page-variable-get", NEVER_FIXED, ALWAYS, {0}, NULL},
    {"paragraph-count", NEVER_FIXED, ALWAYS, {0}, NULL},
    {"print-date", FIXABLE, ALWAYS, {0}, NULL},
    {"print-time", FIXABLE, ALWAYS, {0}, NULL},
    {"printed-by", FIXABLE, ALWAYS, {0}, NULL},
    {"reference-ref", NEVER_FIXED, REFERENCE, {"ref-name", "reference-format"}, NULL},
    {"sender-city", FIXED_BY_DEFAULT, ALWAYS, {0}, NULL},
    {"sender-company", FIXED_BY_DEFAULT, ALWAYS, {0}, NULL},
    {"sender-country", FIXED_BY_DEFAULT, ALWAYS, {0}, NULL},
    {"sender-email", FIXED_BY_DEFAULT, ALWAYS, {0}, NULL},
    {"sender-fax", FIXED_BY_DEFAULT, ALWAYS, {0}, NULL},
    {"sender-firstname", FIXED_BY_DEFAULT, ALWAYS, {0}, NULL},
    {"sender-initials", FIXED_BY_DEFAULT, ALWAYS, {0}, NULL},
    {"sender-lastname", FIXED_BY_DEFAULT, ALWAYS, {0}, NULL},
    {"sender-phone-private", FIXED_BY_DEFAULT, ALWAYS, {0}, NULL},
    {"sender-phone-work", FIXED_BY_DEFAULT, ALWAYS, {0}, NULL},
    {"sender-position", FIXED_BY_DEFAULT, ALWAYS, {0}, NULL},
    {"sender-postal-code", FIXED_BY_DEFAULT, ALWAYS, {0}, NULL},
    {"sender-state-or-province", FIXED_BY_DEFAULT, ALWAYS, {0}, NULL},
    {"sender-street", FIXED_BY_DEFAULT, ALWAYS, {0}, NULL},
    {"sender-title", FIXED_BY_DEFAULT, ALWAYS, {0}, NULL},
    {"sequence", NEVER_FIXED, ALWAYS, {"name"}, NULL},
    {"sequence-ref", NEVER_FIXED, REFERENCE, {"ref-name", "reference-format"}, NULL},
    {"subject", FIXABLE, ALWAYS, {0}, NULL},
    {"table-count", NEVER_FIXED, ALWAYS, {0}, NULL},
    {"template-name", NEVER_FIXED, ALWAYS, {"display"}, NULL},
    {"time", FIXABLE, ALWAYS, {"time-adjust"}, "time-value"},
    {"title", FIXABLE, ALWAYS, {0}, NULL},
    {"user-defined", FIXABLE, ALWAYS, {"name"}, NULL},
    {"word-count", NEVER_FIXED, ALWAYS, {0}, NULL},
};

static int by_local(const void *key, const void *elem)
{
    return strcmp(key, ((const field_kind *)elem)->local);
}

/* A reference that shows its target's own text ("text", or a caption's text) is text that the
 * document holds; page, chapter, direction and number forms come from the layout or numbering. */
static int shows_text(const char *format)
{
    return !format || strcmp(format, "text") == 0 || strcmp(format, "caption") == 0;
}

/* A date-time value as LibreOffice keeps it: to the second (it writes "14:58:45.17" back as
 * "14:58:45.170000153"), and a zero time of day dropped ("2021-06-18T00:00:00" comes back as
 * "2021-06-18"). */
static size_t normalised_datetime(const char *v)
{
    size_t n = strcspn(v, ".");
    if (n >= 9 && strncmp(v + n - 9, "T00:00:00", 9) == 0)
        n -= 9;
    return n;
}

static int is_fixed(og_xml_stream *s, fixable fix)
{
    char *v = fix == NEVER_FIXED ? NULL : og_xml_attr(s, OG_NS_TEXT, "fixed");
    int fixed = fix == FIXED_BY_DEFAULT ? !(v && strcmp(v, "false") == 0)
                                        : fix == FIXABLE && v && strcmp(v, "true") == 0;
    xmlFree(v);
    return fixed;
}

int og_field_kind(const char *local)
{
    const field_kind *k = bsearch(local, kinds, OG_ARRAY_LEN(kinds), sizeof(kinds[0]), by_local);
    return k ? (int)(k - kinds) : -1;
}

int og_field_definition(og_xml_stream *s, int kind, og_buf *out, int *rc)
{
    const field_kind *k = &kinds[kind];
    const char *local = k->local;
    char *v;
    if (is_fixed(s, k->fix)) {
        if (!k->value || !(v = og_xml_attr(s, OG_NS_TEXT, k->value)))
            return 0; /* its text is the value */
        *rc = og_buf_printf(out, "%c%s %s=%.*s%c", OG_FIELD_MARK, local, k->value,
                            (int)normalised_datetime(v), v, OG_FIELD_MARK);
        xmlFree(v);
        return *rc ? -1 : 1;
    }
    if (k->ref == REFERENCE) {
        v = og_xml_attr(s, OG_NS_TEXT, "reference-format");
        int text = shows_text(v);
        xmlFree(v);
        if (text)
            return 0;
    }
    if ((*rc = og_buf_addc(out, OG_FIELD_MARK)) || (*rc = og_buf_adds(out, local)))
        return -1;
    for (size_t i = 0; i < OG_ARRAY_LEN(k->attrs) && k->attrs[i]; i++) {
        if (!(v = og_xml_attr(s, OG_NS_TEXT, k->attrs[i])))
            continue;
        *rc = og_buf_printf(out, " %s=%s", k->attrs[i], v);
        xmlFree(v);
        if (*rc)
            return -1;
    }
    return (*rc = og_buf_addc(out, OG_FIELD_MARK)) ? -1 : 1;
}
