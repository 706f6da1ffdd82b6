/*
 * stamp.h — the sign-off record of one signatory for a document, shared by the meta.xml
 * stamp (stamp.c) and the signed sign-off (sign.c).
 */
#ifndef OG_STAMP_H
#define OG_STAMP_H

#include "base/buf.h"
#include "read/model.h"

/* Check the signatory against the schema, open in_path (refusing unresolved tracked changes
 * unless stamp->force), and encode the record of `stamp` over its current text into record;
 * `at` gets the record's time (stamp->at, else now).  On OK the caller owns *doc. */
odfgate_status og_stamp_record(const char *in_path, const odfgate_schema *schema,
                               const odfgate_stamp *stamp, odfgate_doc **doc, og_buf *record,
                               char at[64], odfgate_error *err);

/* A read-modify-write in place is serialised (og_lock_dir_of); *lock is -1 when the output is
 * another file.  0, or -1 with err filled.  Release with og_unlock. */
int og_stamp_lock(const char *in_path, const char *out_path, int *lock, odfgate_error *err);

#endif
