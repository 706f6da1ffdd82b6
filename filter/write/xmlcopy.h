/*
 * xmlcopy.h — copy an XML part from a reader to a writer, node by node, so that every
 * element, attribute, namespace declaration and text stays as it was; hooks may add content
 * right after an element's start tag, or drop an element with its subtree.  Elements are
 * numbered 1, 2, … in document order of their start tags — the numbering the reader records
 * in og_para.node — so writers find paragraphs without repeating the reader's rules.
 */
#ifndef OG_XMLCOPY_H
#define OG_XMLCOPY_H

#include "base/buf.h"
#include "base/internal.h"

#include <libxml/xmlreader.h>
#include <libxml/xmlwriter.h>

typedef struct og_copy_hooks {
    void *ctx;
    /* After element `index`'s start tag and attributes: may write children.  0 ok, -1 error. */
    int (*after_start)(void *ctx, xmlTextWriterPtr w, uint32_t index);
    /* Return 1 to leave element `index` (and everything in it) out of the copy. */
    int (*drop)(void *ctx, xmlTextReaderPtr r, uint32_t index);
    /* Return 1 to keep element `index`'s start tag and attributes but leave its children out
     * (after_start writes the new ones).  May be NULL. */
    int (*replace)(void *ctx, xmlTextReaderPtr r, uint32_t index);
    /* Before element `index`'s end tag: may write its last children.  May be NULL. */
    int (*before_end)(void *ctx, xmlTextWriterPtr w, uint32_t index);
    /* Return 1 to leave element `index`'s start and end tags out of the copy but keep its
     * children (a link around text).  May be NULL. */
    int (*unwrap)(void *ctx, xmlTextReaderPtr r, uint32_t index);
} og_copy_hooks;

/* The node after n in document order within top's subtree (n's children first, unless
 * skip_children), or NULL past its end: an iterative walk, no recursion over a depth the
 * document controls.  Start with og_xml_next(top, top, 0). */
xmlNodePtr og_xml_next(xmlNodePtr top, xmlNodePtr n, int skip_children);
/* Elements in top's subtree, top included. */
uint32_t og_xml_count_elements(xmlNodePtr top);

/* Copy xml[0..len) to out.  Returns 0, or -1 with err filled. */
int og_xml_copy(const char *xml, size_t len, const char *path, const char *part,
                const og_copy_hooks *hooks, og_buf *out, odfgate_error *err);

#endif
