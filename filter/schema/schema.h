/*
 * schema.h — the in-memory required-section schema (loaded by load.c from the XML format
 * described in man/odfgate-schema.5, namespace urn:odfgate:schema:1).  Read by the rules.
 * Everything lives in the schema's arena; regexes are released by odfgate_schema_free.
 */
#ifndef OG_SCHEMA_H
#define OG_SCHEMA_H

#include "base/arena.h"
#include "base/internal.h"
#include "schema/ruletable.h"
#include "text/phrase.h"

#define OG_NONE ((size_t)-1)

typedef struct og_section {
    const char *id;
    const char *heading;  /* display heading */
    const char **aliases; /* alias_count alternative headings */
    size_t alias_count;
    const char **keys; /* key_count og_heading_key() forms of heading + aliases */
    size_t key_count;
    int level; /* 1..10; 0 = any level */
    int required;
    uint64_t min_words, max_words; /* 0 = no limit */
    og_phrase *required_phrases;
    size_t required_count;
    og_phrase *forbidden_phrases;
    size_t forbidden_count;
    size_t parent;        /* index in schema->sections, OG_NONE for top level */
    int depth;            /* 0 top level, 1 subsection, … */
    const char *guidance; /* optional text for new drafts, may be NULL */
} og_section;

typedef struct og_meta_req {
    const char *field;        /* "title", "subject", …, "user:NAME" (odfgate_doc_meta_field) */
    int required;             /* must be present and non-empty */
    const char *pattern_text; /* NULL or ERE the whole value must match */
    struct og_regex *pattern; /* compiled pattern_text (regex.h), freed with the schema */
} og_meta_req;

typedef struct og_signatory {
    const char *id, *name;
    const char **aliases;
    size_t alias_count;
} og_signatory;

/* A signatory registry (docs/http.md): per signatory id, the people authorised to sign. */
typedef struct og_signer {
    const char *name;       /* as written in the registry */
    const char *key;        /* og_text_fold(name): compared with a record's "by" */
    const char **role_keys; /* folded roles; role_count 0 = any role */
    const char **roles;
    size_t role_count;
} og_signer;

/* A certificate allowed to sign for a signatory (schema/trust.h): by its fingerprint, or by
 * its issuing CA's fingerprint and a glob over its subject. */
typedef struct og_cert_rule {
    const char *sha256;        /* 64 lowercase hex digits, or NULL */
    const char *issuer_sha256; /* the same for a CA of its chain, or NULL */
    const char *subject;       /* fnmatch(3) glob over the RFC 2253 subject, or NULL: any */
} og_cert_rule;

typedef struct og_registry_entry {
    const char *signatory;
    og_signer *signers;
    size_t signer_count;
    og_cert_rule *certs; /* certificates that may sign for it (none: no signature binds) */
    size_t cert_count;
} og_registry_entry;

/* A word of folded text: bytes [at, at + len) of the text it was cut from. */
typedef struct og_word {
    const char *at;
    uint32_t len;
} og_word;

/* A standard clause that must appear in a section (schema/clause.c). */
typedef struct og_clause {
    const char *id;
    const char *href; /* where its text came from */
    size_t section;   /* schema section index, OG_NONE: anywhere in the body */
    og_word *words;   /* the folded text cut into words (clause.h) */
    size_t word_count;
} og_clause;

typedef struct og_rule_severity {
    og_rule rule;
    odfgate_severity severity;
} og_rule_severity;

struct odfgate_schema {
    og_arena arena;
    const char *id;
    const char *title;    /* may be NULL */
    const char *source;   /* "builtin" or path */
    int ordered;          /* section order matters (default 1) */
    int closed;           /* unknown top-level sections are errors (default 0) */
    og_section *sections; /* depth-first order; parents before children */
    size_t section_count;
    og_meta_req *meta;
    size_t meta_count;
    og_phrase *doc_required;
    size_t doc_required_count;
    og_phrase *doc_forbidden;
    size_t doc_forbidden_count;
    og_phrase *placeholders;
    size_t placeholder_count;
    og_rule_severity *severities;
    size_t severity_count;
    og_signatory *signatories;
    size_t signatory_count;
    size_t quorum;             /* signatories needed: == signatory_count for all-of */
    const char *registry_href; /* NULL: no registry */
    og_registry_entry *registry;
    size_t registry_count;
    og_clause *clauses;
    size_t clause_count;
    int require_signature;       /* <signatories require-signature="true">: sign-offs must be
                                    signed (signoff-unsigned) */
    struct x509_store_st *trust; /* trust anchors (schema/trust.h), NULL: none */
    size_t trust_count;
};

/* Index of the section with this id, or OG_NONE. */
size_t og_schema_section_index(const odfgate_schema *s, const char *id);

/* Effective severity of a rule under this schema (override, else the rule table default). */
odfgate_severity og_schema_severity(const odfgate_schema *s, og_rule rule);

#endif
