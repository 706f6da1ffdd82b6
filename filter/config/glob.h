/*
 * glob.h — the section patterns of .odfgate.ini files (docs/config.md), as EditorConfig's:
 *   *      any run of characters except '/'
 *   **     any run of characters, '/' included
 *   ?      one character except '/'
 *   [abc] [a-z] [!abc]   one character of (or not of) a set, never '/'
 *   {a,b,c}              one of the alternatives (each may hold the other forms; no nesting)
 *   \c                   the character c itself
 * Matching is on bytes; the whole subject must match.
 */
#ifndef OG_GLOB_H
#define OG_GLOB_H

#include <stddef.h>

/* 1 if `subject` matches `pattern`, 0 if not, -1 if the pattern is malformed (unclosed [ or {,
 * nested {, trailing backslash) or too costly (more than 4 brace groups, 16 alternatives in
 * one, 256 patterns from all the groups together, or 64 stars).  A { , or } inside a [class]
 * belongs to the class. */
int og_glob_match(const char *pattern, const char *subject);

#endif
