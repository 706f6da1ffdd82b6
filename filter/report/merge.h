/*
 * merge.h — `odfgate merge` inside the library: merge.c reads the inputs, detects and checks
 * their format and collects the output in memory; one file per format does the merging.
 * Each merger writes the merged report to m->out, fills m->sum and returns ODFGATE_OK, or
 * fails with m->err naming the input (m->out is then discarded by the caller).
 */
#ifndef OG_MERGE_H
#define OG_MERGE_H

#include "base/internal.h"

typedef struct og_merge {
    const odfgate_merge_input *in; /* the caller's, borrowed */
    size_t n;
    unsigned max_depth; /* JSON nesting */
    FILE *out;          /* a memory stream owned by merge.c */
    odfgate_merge_summary *sum;
    odfgate_error *err;
} og_merge;

odfgate_status og_merge_jsonl(og_merge *m);
odfgate_status og_merge_sarif(og_merge *m);
odfgate_status og_merge_junit(og_merge *m);

#endif
