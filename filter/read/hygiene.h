/*
 * hygiene.h — what a reader of the circulated file does not see (comments, tracked changes,
 * hidden text, macros, embedded and linked objects, a table of contents), noticed during the
 * reader's single pass (reader.c calls in here) and kept in the model as og_hyg_item facts.
 * The rules that judge them are check/rules/hygiene.c; docs/hygiene.md says what counts.
 */
#ifndef OG_READ_HYGIENE_H
#define OG_READ_HYGIENE_H

#include "base/buf.h"
#include "base/vec.h"
#include "read/model.h"
#include "read/package.h"
#include "read/xml.h"

/* A style that conceals its text: text:display="none", or white on no background. */
typedef struct og_conceal_style {
    const char *name; /* doc arena */
    uint8_t automatic, paragraph, hidden, white;
} og_conceal_style;
#define OG_CONCEAL_MAX 64

typedef struct og_hyg_names {
    const char *ns_office, *ns_text, *ns_draw, *ns_script, *ns_dc;
    const char *annotation, *creator, *date, *changed_region, *insertion, *deletion, *format_change,
        *table_of_content, *index_body, *index_title, *p, *h, *tab, *s, *line_break,
        *hidden_paragraph, *hidden_text, *conditional_text, *section, *frame, *image, *object,
        *object_ole, *a, *event_listener, *execute_macro, *section_source, *toc_mark, *span,
        *script, *change, *change_start, *change_end, *toc_mark_start, *toc_source;
} og_hyg_names;

/* Where a tracked change is in the text: a text:change or text:change-start. */
struct og_hyg_marker {
    const char *id; /* doc arena */
    uint32_t para;
};

/* Two changes, the second starting where the first ended (ids, doc arena). */
struct og_hyg_pair {
    const char *first, *second;
};

typedef struct og_hyg_reader {
    odfgate_doc *doc;
    og_hyg_names n;
    OG_VEC(og_hyg_item) items;
    OG_VEC(struct og_hyg_marker) markers; /* text:change, text:change-start: where changes are */
    OG_VEC(struct og_hyg_pair) adjacent;  /* changes, the second starting where the first ends */
    const char *last_end; /* the change whose text:change-end came last, with no text since */
    int capture_depth;    /* the element whose text goes to `text`, -1 none */
    og_buf text;
    int in_region;      /* depth of the element being read for an item (comment, change), -1 */
    og_hyg_item cur;    /* that item */
    int comment_pushed; /* the last region read was a comment, listed (og_hyg_forget_comment) */
    og_buf author;      /* its dc:creator */
    og_buf when;        /* its dc:date */
    int author_depth;   /* dc:creator / dc:date being read, -1 */
    int date_depth;
    int kind_depth; /* a changed region's kind element, -1 */
    /* tables of contents */
    int toc_depth, toc_body_depth, toc_para_depth, toc_title_depth;
    og_toc cur_toc;
    uint32_t toc_marks; /* text:toc-mark elements in the body */
    OG_VEC(const char *) toc_entries;
    OG_VEC(og_toc) tocs;
    /* concealing styles */
    og_conceal_style conceal[OG_CONCEAL_MAX];
    size_t conceal_count;
    og_buf style_name; /* the style:style being read */
    int style_auto, style_para;
    int style_background; /* its paragraph properties paint a background */
    int boxed;            /* the reader is in a table cell or a frame (set by reader.c) */
    uint32_t node;        /* the element being read: its start-tag index (set by reader.c) */
    int ended; /* the first depth an end tag must reach to matter (fast return), INT_MAX */
} og_hyg_reader;

void og_hyg_init(og_hyg_reader *h, odfgate_doc *doc, size_t max_text);
void og_hyg_free(og_hyg_reader *h);
/* Intern the names in a stream's dictionary (with every new libxml2 reader).  0 or -1. */
int og_hyg_intern(og_hyg_reader *h, xmlTextReaderPtr x);
/* Any element start inside office:text (skipped subtrees included); `para` is the 1-based
 * ordinal of the paragraph it is in or the next one.  0, or -1 out of memory / limit. */
int og_hyg_element(og_hyg_reader *h, og_xml_stream *s, const char *ns, const char *local, int depth,
                   int empty, uint32_t para);
/* A text:span inside a paragraph (the reader's fast path): only style lookups. */
int og_hyg_span(og_hyg_reader *h, og_xml_stream *s, uint32_t para);
static inline int og_hyg_wants_spans(const og_hyg_reader *h) { return h->conceal_count > 0; }
/* Any end tag inside office:text. */
int og_hyg_end(og_hyg_reader *h, int depth);
/* Text inside office:text; only kept while something is being read. */
int og_hyg_text(og_hyg_reader *h, const char *v);
static inline int og_hyg_wants_text(const og_hyg_reader *h) { return h->capture_depth >= 0; }
/* Body text went by (two changes with text between are not adjacent). */
static inline void og_hyg_saw_text(og_hyg_reader *h) { h->last_end = NULL; }
/* A style:style start (automatic: of office:automatic-styles), and a child of it. */
int og_hyg_style(og_hyg_reader *h, const char *family, const char *name, int automatic);
int og_hyg_style_child(og_hyg_reader *h, og_xml_stream *s, const char *local);
/* An element inside office:scripts (document-level macros and event bindings). */
int og_hyg_script(og_hyg_reader *h, og_xml_stream *s, const char *ns, const char *local);
/* The comment just read was a waiver (reader.c decides): it is no person's comment. */
void og_hyg_forget_comment(og_hyg_reader *h);
/* Is an image's, object's or link's xlink:href inside the document (a part of the package, an
 * anchor, or none: inline data), rather than a link to something outside?  The rules and
 * scrub decide with this one reading. */
int og_href_internal(const char *href);
/* After the passes: package entries (macro libraries, object types) and the lists into the
 * document's arena.  0 or -1 out of memory. */
int og_hyg_finish(og_hyg_reader *h, og_package *pkg, odfgate_error *err);

#endif
