/*
 * overview.h — the secretariat's overview (odfgate_overview_new, docs/status.md): the model
 * the formats share.  model.c turns each checked document into a row (cells per signatory,
 * counts, blockers, waivers), compares it with an earlier run (since.c) and keeps it for the
 * formats that print at the end; each format-*.c fills one ov_format.  Strings in rows are
 * cleaned once (valid UTF-8, no control characters) so that every format can print them.
 * Ownership: rows, columns and strings live in the overview's arena; a streaming format's row
 * lives in `scratch` until the next document.
 */
#ifndef OG_OVERVIEW_H
#define OG_OVERVIEW_H

#include "base/arena.h"
#include "base/buf.h"
#include "report/report.h"

typedef enum ov_status { OV_PASS, OV_FAIL, OV_ERROR } ov_status;

typedef struct ov_cell {
    size_t col; /* index into the overview's columns */
    odfgate_signatory_state state;
    const char *by, *role, *at; /* of the deciding record, or NULL */
    const char *const *changed; /* stale: section ids */
    size_t changed_count;
    int changed_outside;
} ov_cell;

/* A rule that fails the document (blockers) or a waiver in force: how many findings. */
typedef struct ov_tally {
    const char *rule;
    odfgate_severity severity;
    const char *reason; /* waivers: the waiver's reason (cleaned) */
    size_t count;
} ov_tally;

typedef struct ov_row {
    const char *path, *title;
    ov_status status;
    int ready; /* passes and the quorum is met */
    size_t errors, warnings;
    size_t required, approvals; /* quorum (0 when the schema names no signatories) */
    ov_cell *cells;
    size_t cell_count;
    ov_tally *blockers, *waivers;
    size_t blocker_count, waiver_count;
    const char *error_code, *error_message; /* OV_ERROR */
} ov_row;

typedef struct ov_column {
    const char *id, *name;
} ov_column;

/* Awaiting action from the signatory: everything but approved and rejected (a rejection
 * waits for the drafters). */
int ov_awaiting(odfgate_signatory_state st);

typedef enum ov_change_kind {
    OV_ADDED,
    OV_GONE,
    OV_NEWLY_FAILING,
    OV_NEWLY_PASSING,
    OV_CELL
} ov_change_kind;

typedef struct ov_change {
    ov_change_kind kind;
    const char *path;
    const char *signatory; /* OV_CELL */
    const char *from, *to; /* OV_CELL: state names (from "missing" for a new column) */
} ov_change;

typedef struct og_overview og_overview;

typedef struct ov_format {
    const char *name;
    int keep; /* rows are kept for end(); else row() streams them */
    void (*begin)(og_overview *ov, FILE *out);
    void (*row)(og_overview *ov, FILE *out, const ov_row *row); /* may be NULL */
    void (*end)(og_overview *ov, FILE *out);
} ov_format;

struct og_overview {
    const ov_format *fmt;
    const odfgate_schema *schema; /* the report's: its signatories are the first columns */
    odfgate_overview_options opt;
    og_arena arena, scratch;
    ov_row *rows;
    size_t row_count, row_cap;
    ov_column *cols;
    size_t col_count, col_cap;
    size_t ready, failed, errors, not_ready;
    /* since */
    const char *since_name;
    struct ov_since *since;
    ov_change *changes;
    size_t change_count, change_cap;
    int nomem;
};

extern const ov_format ov_format_text, ov_format_csv, ov_format_json, ov_format_html, ov_format_ods;

/* A copy of s in a (NULL stays NULL): invalid UTF-8, control characters and the
 * noncharacters U+FFFE/U+FFFF (not allowed in XML) become U+FFFD. */
const char *ov_clean(og_arena *a, const char *s);

/* since.c: load an earlier run's json output (errors name the file); compare a row with it;
 * list what is gone at the end.  0, or -1 with err filled. */
int ov_since_load(og_overview *ov, const char *path, const odfgate_limits *lim, odfgate_error *err);
void ov_since_compare(og_overview *ov, const ov_row *row);
void ov_since_finish(og_overview *ov);
void ov_since_free(og_overview *ov);
/* Record a change (out of memory: ov->nomem). */
void ov_change_add(og_overview *ov, ov_change_kind kind, const char *path, const char *signatory,
                   const char *from, const char *to);

/* The cell of row for column col, or NULL (the document's schema does not name it). */
const ov_cell *ov_cell_at(const ov_row *row, size_t col);
/* Blockers grouped by rule over every row, in the rule table's order: calls fn once per rule
 * with the rows that fail on it. */
typedef void (*ov_blocker_fn)(void *ctx, const char *rule, odfgate_severity sev,
                              const ov_row *const *rows, const size_t *counts, size_t n);
int ov_each_blocker(const og_overview *ov, ov_blocker_fn fn, void *ctx);

#endif
