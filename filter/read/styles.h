/*
 * styles.h — paragraph styles of a document and how they resolve to heading levels.
 * A style is a heading style when, following its parent chain (automatic styles first,
 * then common styles), we meet a non-empty style:default-outline-level, or a style whose
 * display name (or decoded name) is exactly "Heading N" (N 1..10, any case).  The chain
 * stops there; "Heading" alone (parent of "Contents Heading") is not a heading style.
 * An empty default-outline-level="" (Google Docs) is ignored and the walk goes on.
 */
#ifndef OG_STYLES_H
#define OG_STYLES_H

#include "base/arena.h"

typedef struct og_styles og_styles;

og_styles *og_styles_new(void);
void og_styles_free(og_styles *st);

/* At most this many paragraph styles in one document (docs/limits.md). */
#define OG_STYLES_MAX 100000

/* Record a paragraph style.  Strings are copied.  outline_level may be NULL (absent).
 * Returns 0, -1 out of memory, or -2 when the document has more than OG_STYLES_MAX. */
int og_styles_add(og_styles *st, int automatic, const char *name, const char *display,
                  const char *parent, const char *outline_level);
/* Heading level (1..10) the style resolves to, or 0. */
int og_styles_heading_level(og_styles *st, const char *name);
/* The name of the first style that resolving `name` needs and that is not known yet (so
 * styles.xml must be read), or NULL if `name` resolves with the styles known.  The result
 * is `name` itself or a parent name held by the table, valid until og_styles_free.  Once
 * NULL, adding styles never changes the answer of og_styles_heading_level (the first
 * definition of a name wins). */
const char *og_styles_missing(og_styles *st, const char *name);
/* The same for the common style `name` (a parent-style-name: never an automatic style).  Every
 * paragraph style waiting for common style X resolves once X's own chain does, whatever
 * automatic styles led to X: so the reader waits for names, not for paragraph styles. */
const char *og_styles_missing_common(og_styles *st, const char *name);

#endif
