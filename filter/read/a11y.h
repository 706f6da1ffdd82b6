/*
 * a11y.h — what stands between a published document and a reader using assistive technology,
 * noticed during the reader's single pass (reader.c calls in here) and kept in the model as
 * og_a11y_item facts: objects without alternative text, floating text frames, linked images
 * that do not resolve, tables with merged cells, empty rows or no heading row, hyperlink
 * texts, runs of spaces and tabs, the colours and blinking of every run of text (each style
 * resolved once through its chain), a paragraph starting with a superscript, paragraph styles
 * without a language.  The rules that judge them are check/rules/a11y.c;
 * docs/accessibility.md says what counts and how it compares with LibreOffice's checker.
 */
#ifndef OG_READ_A11Y_H
#define OG_READ_A11Y_H

#include "base/buf.h"
#include "base/strmap.h"
#include "base/vec.h"
#include "read/model.h"
#include "read/styles.h"
#include "read/xml.h"

/* A style's own properties (-1: not set by it).  Colours 0xRRGGBB, or OG_COLOUR_AUTO
 * (use-window-font-color, "transparent"). */
#define OG_COLOUR_UNSET (-1)
#define OG_COLOUR_AUTO  (-2)
typedef struct og_a11y_props {
    int32_t parent; /* index of the parent style's key, -1 none */
    int32_t fg, text_bg, para_bg;
    int8_t blink, super, lang;          /* lang: 1 a language, 0 "none" (zxx), -1 not set */
    uint8_t defined;                    /* met as a definition (not only named as a parent) */
    uint8_t state;                      /* 0 not resolved, 1 resolving, 2 resolved */
    int32_t r_fg, r_text_bg, r_para_bg; /* resolved through the chain */
    int8_t r_blink, r_super, r_lang;
    const char *display; /* style:display-name or name (doc arena), for messages */
} og_a11y_props;

/* A run of text: the paragraph it is in and the text style over it (-1 none). */
struct og_a11y_run {
    uint32_t para;
    int32_t tstyle;
};

/* Per body paragraph, in reading order (parallel to the model's paragraphs). */
struct og_a11y_para {
    int32_t pstyle;      /* its style's key, -1 none */
    int32_t first_style; /* the text style over its first character, -1 none */
    uint8_t has_text;    /* a character seen */
};

#define OG_A11Y_NEST 16 /* frames, tables and spans followed inside each other */
#define OG_A11Y_MEMO 4  /* style names remembered per family */

struct og_a11y_frame {
    int depth;
    uint32_t para;
    const char *kind; /* "image", "object", "shape", "text frame" (static) */
    char name[96];
    uint8_t alt, decorative, floating, text, linked_missing;
};

struct og_a11y_table {
    int depth, row_depth, cell_depth;
    uint32_t para, rows, header_rows, row_cells;
    uint32_t row_empty_at; /* first row all of whose cells are empty (1-based), 0 none */
    uint32_t first_cells;  /* cells of the first row (covered ones not counted) */
    uint8_t have_first, row_span, uneven, row_empty, cell_text, in_header;
    char name[96];
};

typedef struct og_a11y_reader {
    odfgate_doc *doc;
    const char *ns_text, *ns_draw, *ns_svg, *ns_table, *ns_office, *ns_loext;
    const char *p, *h, *span, *s, *tab, *a, *list, *frame, *image, *object, *object_ole, *text_box,
        *title, *desc, *table, *table_row, *table_cell, *covered_cell, *header_rows, *annotation,
        *tracked_changes, *g;
    og_strmap keys; /* "P name" common paragraph, "p name" automatic, "T"/"t" text styles */
    OG_VEC(og_a11y_props) styles;
    og_a11y_props def; /* style:default-style of the paragraph family */
    struct og_a11y_memo {
        char name[64];
        int32_t key;
        uint8_t valid;
    } memo[2][OG_A11Y_MEMO]; /* the last paragraph and text style names met in the body, and
                                their keys (round robin) */
    unsigned memo_next[2];
    int cur_style;    /* the style whose properties are being read, -1; -2 the default */
    size_t undefined; /* styles named (in use, or as a parent) and not defined yet */
    int default_seen; /* the default paragraph style read, or a common style after none */
    OG_VEC(struct og_a11y_para) paras;
    OG_VEC(struct og_a11y_run) runs;
    OG_VEC(og_a11y_item) items;
    int ignore_depth; /* a comment or the tracked changes (not read), -1 */
    int list_depth;   /* text:list nesting */
    int in_para;      /* in a body paragraph (og_a11y_para .. og_a11y_para_end) */
    struct {
        int depth;
        int32_t style;
    } spans[OG_A11Y_NEST];
    int span_count; /* spans followed (deeper ones take the innermost followed one's style) */
    int32_t last_run_style; /* the text style of the last run recorded in this paragraph */
    uint32_t tabs;          /* consecutive tabs in the paragraph */
    uint32_t max_tabs, max_spaces;
    struct og_a11y_frame frames[OG_A11Y_NEST];
    int frame_count;
    struct og_a11y_table tables[OG_A11Y_NEST];
    int table_count, table_lost; /* tables followed, and open ones nested deeper */
    int capture_depth;           /* svg:title / svg:desc or a hyperlink being read, -1 */
    int capture_link;
    og_buf captured, href;
    uint32_t link_para;
} og_a11y_reader;

void og_a11y_init(og_a11y_reader *a, odfgate_doc *doc);
void og_a11y_free(og_a11y_reader *a);
/* Intern the names in a stream's dictionary (with every new libxml2 reader).  0 or -1. */
int og_a11y_intern(og_a11y_reader *a, xmlTextReaderPtr x);
/* Any element start inside office:text (skipped subtrees included); `para` is the 1-based
 * ordinal of the paragraph it is in or the next one.  0, or -1 out of memory. */
int og_a11y_element(og_a11y_reader *a, og_xml_stream *s, const char *ns, const char *local,
                    int depth, int empty, uint32_t para);
/* A body paragraph starts (text:p or text:h of the body flow, table cells included). */
int og_a11y_para(og_a11y_reader *a, og_xml_stream *s);
/* That paragraph ends (its ordinal): its runs of spaces and tabs. */
int og_a11y_para_end(og_a11y_reader *a, uint32_t para);
/* A text:span or text:s in a body paragraph (the reader's fast path). */
int og_a11y_span(og_a11y_reader *a, og_xml_stream *s, int depth, int empty);
void og_a11y_space(og_a11y_reader *a, og_xml_stream *s);
/* Any end tag inside office:text. */
int og_a11y_end(og_a11y_reader *a, const char *ns, const char *local, int depth);
/* Text inside office:text; in_para: in a body paragraph the model keeps. */
int og_a11y_text(og_a11y_reader *a, const char *v, int in_para, uint32_t para);
/* A style:style or style:default-style (family, name) of office:styles or
 * office:automatic-styles, and a child of it. */
int og_a11y_style(og_a11y_reader *a, og_xml_stream *s, int is_default, const char *family,
                  const char *name, int automatic);
void og_a11y_style_child(og_a11y_reader *a, og_xml_stream *s, const char *local);
/* 1 once every style named so far is defined and the default styles are past: the rest of
 * styles.xml cannot change a fact (the first definition of a name wins). */
int og_a11y_satisfied(const og_a11y_reader *a);
/* After the passes: styles resolved (each once), runs judged into facts, the lists into the
 * document's arena.  0 or -1 out of memory. */
int og_a11y_finish(og_a11y_reader *a);

#endif
