/*
 * batch.h — odfgate check over a list of documents: the plan (each document's configuration
 * and schema, found before anything is checked, so that a bad .odfgate.ini or schema stops the
 * run with exit 2), then the run: documents read and checked by `jobs` threads, and handed to
 * the reports in input order, so the output is the same for every --jobs.
 */
#ifndef OG_BATCH_H
#define OG_BATCH_H

#include "odfgate.h"
#include "walk.h"

typedef struct batch_options {
    const char *schema_path; /* --schema: for every document; NULL: configuration or built-in */
    int use_config;          /* 0 with --no-config */
    int fail_on;             /* --fail-on given (a severity), or -1: configuration, else error */
    const odfgate_limits *limits;
    const odfgate_baseline *baseline; /* --baseline, or NULL */
    odfgate_baseline *new_baseline;   /* --write-baseline: collects the findings, or NULL */
    unsigned jobs;                    /* threads, >= 1 */
    int progress;                     /* allow the progress line (a terminal decides) */
    int links;                        /* --links: check every document's hyperlinks (else as
                                         .odfgate.ini says) */
} batch_options;

typedef struct batch batch;

/* Find each input's configuration and load the schemas they need (and make sure a fetcher can
 * be had when links are to be checked).  Returns 0, or an exit code
 * (OG_EXIT_USAGE) after printing the error. */
int batch_plan(batch **out, const cli_inputs *inputs, const batch_options *opt);
/* The schema the reports name: --schema, else the one every document uses, else the built-in. */
const odfgate_schema *batch_main_schema(const batch *b);
/* Check everything, feeding each report in input order.  Returns the exit code. */
int batch_run(batch *b, odfgate_report *const *reports, size_t nreports);
void batch_free(batch *b);

#endif
