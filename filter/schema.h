/*
 * schema.h — the in-memory required-section schema (loaded by schema.c from the XML format
 * described in man/odfgate-schema.5, namespace urn:odfgate:schema:1).  Read by the rules.
 * Everything lives in the schema's arena; regexes are released by odfgate_schema_free.
 */
#ifndef OG_SCHEMA_H
#define OG_SCHEMA_H

#include "arena.h"
#include "internal.h"
#include "phrase.h"

#include <regex.h>

#define OG_NONE ((size_t)-1)

typedef struct og_section {
    const char *id;
    const char *heading;          /* display heading */
    const char **aliases;         /* alias_count alternative headings */
    size_t alias_count;
    const char **keys;            /* key_count og_heading_key() forms of heading + aliases */
    size_t key_count;
    int level;                    /* 1..10; 0 = any level */
    int required;
    uint64_t min_words, max_words;/* 0 = no limit */
    og_phrase *required_phrases;  size_t required_count;
    og_phrase *forbidden_phrases; size_t forbidden_count;
    size_t parent;                /* index in schema->sections, OG_NONE for top level */
    int depth;                    /* 0 top level, 1 subsection, … */
    const char *guidance;         /* optional text for new drafts, may be NULL */
} og_section;

typedef struct og_meta_req {
    const char *field;            /* "title", "subject", …, "user:NAME" (odfgate_doc_meta_field) */
    int required;                 /* must be present and non-empty */
    const char *pattern_text;     /* NULL or ERE the whole value must match */
    regex_t pattern;
    int compiled;
} og_meta_req;

typedef struct og_signatory {
    const char *id, *name;
    const char **aliases;
    size_t alias_count;
} og_signatory;

typedef struct og_rule_severity {
    const char *rule;
    odfgate_severity severity;
} og_rule_severity;

struct odfgate_schema {
    og_arena arena;
    const char *id;
    const char *title;            /* may be NULL */
    const char *source;           /* "builtin" or path */
    int ordered;                  /* section order matters (default 1) */
    int closed;                   /* unknown top-level sections are errors (default 0) */
    og_section *sections;         /* depth-first order; parents before children */
    size_t section_count;
    og_meta_req *meta;            size_t meta_count;
    og_phrase *doc_required;      size_t doc_required_count;
    og_phrase *doc_forbidden;     size_t doc_forbidden_count;
    og_phrase *placeholders;      size_t placeholder_count;
    og_rule_severity *severities; size_t severity_count;
    og_signatory *signatories;    size_t signatory_count;
    size_t quorum;                /* signatories needed: == signatory_count for all-of */
};

/* Free the compiled grammar (odfgate_global_cleanup). */
void og_schema_global_cleanup(void);

/* Effective severity of a rule under this schema (override, else the rule table default). */
odfgate_severity og_schema_severity(const odfgate_schema *s, const char *rule);

#endif
