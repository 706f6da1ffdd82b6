/*
 * model.h — what the reader builds from a document and the rules read: metadata,
 * paragraphs of the body flow in order, and the heading outline.  All strings and arrays
 * live in the document's arena.  See docs/reading.md for what counts as body and heading.
 */
#ifndef OG_MODEL_H
#define OG_MODEL_H

#include "base/arena.h"
#include "base/fileid.h"
#include "base/internal.h"

typedef struct og_para {
    const char *text;  /* whitespace collapsed and trimmed; "" if empty */
    const char *style; /* text:style-name, or NULL */
    const char *vtext; /* the text with fields that LibreOffice recomputes standing for
                          their definitions (canonical text version 2, fields.h), or
                          NULL when that is `text` */
    uint32_t vlen;
    uint64_t words;
    uint32_t len;       /* strlen(text) */
    uint32_t ordinal;   /* 1-based position among body paragraphs */
    uint32_t node;      /* 1-based index of its element among all element start tags of the
                           stream it came from (content.xml, or the flat file): how writers
                           find it again without repeating the reader's rules */
    uint8_t is_h;       /* written as text:h */
    uint8_t h_level;    /* text:outline-level of a text:h (1 if missing/invalid) */
    uint8_t hidden;     /* inside a hidden text:section */
    uint8_t in_table;   /* inside a table cell: content, never a heading */
    uint8_t drawing;    /* holds a frame, picture or shape (an empty heading "only a
                           picture", LibreOffice's chapter-header images) */
    uint8_t in_list;    /* inside a text:list (numbered or bulleted by a list style) */
    uint8_t cell_level; /* in a table cell: the heading level it is written with (text:h or a
                           heading style), 0 none; never in the outline (docs/reading.md) */
    int32_t heading;    /* index in doc->headings if this paragraph is a heading, else -1 */
    const struct og_trigrams *grams; /* its trigram summary, made with the word count while
                                        reading (plain text of OG_GRAMS_KEPT_MIN bytes or more;
                                        in the document's arena), or NULL: og_check_grams */
} og_para;
/* Shorter paragraphs keep no summary: 128 bytes each would outweigh their text. */
#define OG_GRAMS_KEPT_MIN 64

/* Text that is content but not body flow: paragraphs of footnotes/endnotes and text boxes.
 * Kept for the sign-off digest, in document order, after the paragraph they are anchored in. */
typedef struct og_aux {
    const char *text;
    uint32_t len;
    const char *vtext; /* as og_para's: NULL when that is `text` */
    uint32_t vlen;
    uint32_t anchor; /* index of the body paragraph it belongs to (para_count: at end) */
} og_aux;

typedef struct og_link {
    const char *url;    /* as written (arena) */
    uint32_t paragraph; /* ordinal of the body paragraph it is in (or the next one) */
} og_link;

#define OG_MAX_LINKS 20000

/* What a reader of the circulated file does not see (read/hygiene.c, judged by
 * check/rules/hygiene.c, docs/hygiene.md). */
typedef enum og_hyg_class {
    OG_HYG_COMMENT = 1, /* office:annotation by a person (not odfgate's own, not a waiver) */
    OG_HYG_CHANGE,      /* text:changed-region */
    OG_HYG_HIDDEN,      /* hidden or conditional text */
    OG_HYG_MACRO,       /* macro libraries, scripts, event bindings, macro links */
    OG_HYG_OBJECT,      /* embedded objects */
    OG_HYG_LINK         /* a link that is not http(s) (http ones are doc->links) */
} og_hyg_class;

typedef struct og_hyg_item {
    uint8_t cls;        /* og_hyg_class */
    const char *kind;   /* static: "insertion", "hidden paragraph", "Basic library", ... */
    const char *what;   /* arena or NULL: an author, a URL, a library, an object's type */
    const char *when;   /* arena or NULL: a date */
    const char *id;     /* a tracked change's text:id (arena), else NULL */
    uint32_t node;      /* index of its element among the stream's start tags (og_para.node's
                           numbering: scrub finds it again), 0 for package entries */
    uint32_t paragraph; /* 1-based ordinal of the body paragraph it is in (or the next one;
                           para_count + 1 past the end); 0: the document as a whole */
} og_hyg_item;
#define OG_MAX_HYG 100000

/* What stands between the document and assistive technology (read/a11y.c, judged by
 * check/rules/a11y.c, docs/accessibility.md). */
typedef enum og_a11y_class {
    OG_A11Y_ALT = 1,      /* an image, object or shape without alternative text */
    OG_A11Y_FLOATING,     /* a text frame not anchored as a character, holding text */
    OG_A11Y_LINKED_IMAGE, /* a linked image whose file does not exist */
    OG_A11Y_TABLE_MERGED, /* a table with merged or split cells */
    OG_A11Y_TABLE_EMPTY,  /* a table row all of whose cells are empty (a = the row) */
    OG_A11Y_TABLE_HEADER, /* a table of two rows or more without a repeated heading row */
    OG_A11Y_LINK_TEXT,    /* a hyperlink: what = its text, detail = its target */
    OG_A11Y_SPACES,       /* a = the longest run of spaces in the paragraph */
    OG_A11Y_TABS,         /* a = the longest run of tabs in the paragraph */
    OG_A11Y_COLOURS,      /* a run of text in a colour: a = text, b = background (0xRRGGBB) */
    OG_A11Y_BLINK,        /* blinking text */
    OG_A11Y_SUPER_START,  /* a paragraph whose first character is a superscript */
    OG_A11Y_STYLE_LANG    /* a paragraph style in use with no language: what = its name */
} og_a11y_class;

typedef struct og_a11y_item {
    uint8_t cls;        /* og_a11y_class */
    const char *kind;   /* static or NULL: "image", "object", "shape", "text frame" */
    const char *what;   /* arena or NULL: an object's or table's name, a link's text, a style */
    const char *detail; /* arena or NULL: a link's target, an image's href */
    uint32_t paragraph; /* 1-based ordinal of the body paragraph it is in (or the next one) */
    int32_t a, b;
} og_a11y_item;
#define OG_MAX_A11Y 100000

/* A table of contents as last generated: its entries' texts (page numbers cut off). */
typedef struct og_toc {
    const char **entries;
    uint32_t count;
    uint32_t paragraph; /* the body paragraph after it */
    uint8_t max_level;  /* text:outline-level of its source (10 if absent) */
    uint8_t outline;    /* built from the outline alone (no index marks, no other styles) */
} og_toc;

struct odfgate_doc {
    og_arena arena;
    const char *path;
    const char *container; /* "zip" or "flat" */
    const char *mimetype;
    const char **notes;
    size_t note_count;
    odfgate_meta meta;
    og_para *paras;
    uint32_t para_count;
    odfgate_heading *headings;
    size_t heading_count;
    uint32_t *heading_para; /* heading i is paras[heading_para[i]] */
    uint64_t words;
    og_aux *aux;
    uint32_t aux_count;
    og_aux *waivers;
    uint32_t waiver_count;       /* comments starting "odfgate-waive",
            anchored in the paragraph they sit in (docs/config.md) */
    uint32_t tracked_changes;    /* text:changed-region elements (unresolved tracked changes) */
    const char *keywords_joined; /* keywords joined with ", ", NULL if none */
    og_link *links;              /* http(s) hyperlinks, document order (heap, link_cap) */
    size_t link_count, link_cap;
    og_file_id source;             /* the file's state when it was read (writers in place) */
    odfgate_signature *signatures; /* META-INF/documentsignatures.xml, verified (signatures.h) */
    size_t signature_count;
    const char *signatures_problem; /* that part could not be read as signatures, or NULL */
    og_hyg_item *hyg;               /* hygiene facts in document order (read/hygiene.h) */
    uint32_t hyg_count;
    og_toc *tocs;
    uint32_t toc_count;
    og_a11y_item *a11y; /* accessibility facts in document order (read/a11y.h) */
    uint32_t a11y_count;
    int8_t language; /* the default paragraph style's language: 1 set, 0 "none", -1 not set */
    /* personal metadata the public odfgate_meta does not carry (NULL if absent) */
    const char *printed_by, *print_date, *editing_duration, *template_href;
};

/* Comments odfgate writes (annotate) carry this author; a comment whose text starts with the
 * prefix is a waiver (docs/config.md): configuration, not a person's remark.  The reader, the
 * hygiene rules and scrub decide with these, so that they cannot disagree. */
#define OG_OWN_AUTHOR    "odfgate"
#define OG_WAIVER_PREFIX "odfgate-waive"
/* A comment's text is its text nodes, a space for each text:p, h, s, tab and line-break
 * (og_comment_break), white space collapsed (og_append_collapsed), its dc: and meta:
 * elements (author, date, initials) left out.  1 if that text makes it a waiver. */
int og_waiver_text(const char *t, size_t len);
int og_comment_break(const char *local);

/* Record a hyperlink (text:a xlink:href) met in body paragraph `ordinal` if it is http(s);
 * others, and links past OG_MAX_LINKS, are ignored.  0, or -1 on out of memory. */
int og_doc_add_link(odfgate_doc *doc, const char *href, uint32_t ordinal);

/* Index of the paragraph after the body of heading h (the next heading of the same or a
 * higher level, or para_count). */
uint32_t og_doc_section_end(const odfgate_doc *doc, size_t h);
/* The same, passing over empty headings: the range a sign-off digest covers.  Empty headings
 * (listed in the outline since they are LibreOffice's) are no text, so adding or removing one
 * changes no digest and sign-offs made before they were listed stay valid (docs/signoff.md). */
uint32_t og_doc_text_section_end(const odfgate_doc *doc, size_t h);

#endif
