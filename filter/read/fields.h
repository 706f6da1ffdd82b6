/*
 * fields.h — text fields whose shown value is not part of the text (docs/signoff.md,
 * "Fields"): LibreOffice recomputes it from the clock, the page layout, the current user,
 * the file's name or the metadata when it loads, lays out or prints a document.  In the
 * canonical text of version 2 such a field stands for its definition, not its cached value.
 * Used by the reader (reader.c), which keeps both texts of a paragraph that has one.
 */
#ifndef OG_FIELDS_H
#define OG_FIELDS_H

#include "base/buf.h"
#include "read/xml.h"

/* Delimits a field's definition in canonical text: U+0001 cannot occur in XML text, so no
 * typed text can ever read like a field. */
#define OG_FIELD_MARK '\x01'

/* The kind of field text:<local> may be (an index, for og_field_definition), or -1 when that
 * element is never such a field. */
int og_field_kind(const char *local);

/* If the current element of s, a field of `kind`, is such a field (not fixed), append its
 * definition to out: MARK kind[ attr=value]... MARK, e.g. "\x01date\x01" or
 * "\x01page-number select-page=current\x01", and return 1.  A fixed date or time with a value
 * stands for that value ("\x01date date-value=2021-06-18\x01"): LibreOffice renders it again
 * in its own format.  0 if the element is text as it is; -1 when out is full or memory runs
 * out (the OG_BUF_* code in *rc). */
int og_field_definition(og_xml_stream *s, int kind, og_buf *out, int *rc);

#endif
