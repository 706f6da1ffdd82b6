/*
 * odfgate.h — public API of libodfgate.
 *
 * libodfgate reads ODF text documents (.odt, .ott, flat .fodt), builds a model of their
 * metadata and heading outline, and checks them against a required-section schema.
 *
 * Conventions
 *  - Every public name starts with odfgate_ / ODFGATE_.  Nothing else is exported.
 *  - Handles are opaque.  Each _open/_load/_new has a matching _free, which accepts NULL.
 *  - Pointers returned by accessors are owned by the handle they came from and stay valid
 *    until that handle is freed, unless the comment says otherwise.
 *  - The library never prints and never exits.  Calls that can fail return an odfgate_status
 *    and fill the caller-owned odfgate_error (which may be NULL if the caller does not care).
 *  - odfgate_global_init() must be called once, before any thread is started, and
 *    odfgate_global_cleanup() once at exit.  Separate documents may be read from separate
 *    threads; a single handle must not be used by two threads at once.
 */
#ifndef ODFGATE_H
#define ODFGATE_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(__GNUC__)
#define ODFGATE_API __attribute__((visibility("default")))
#else
#define ODFGATE_API
#endif

/* ---------------------------------------------------------------- status & errors */

/* Graded outcome of a call. */
typedef enum odfgate_status {
    ODFGATE_OK = 0,   /* done */
    ODFGATE_WARN = 1, /* done, but something noteworthy was recorded (e.g. nonconformant package) */
    ODFGATE_FAILED = 2, /* this input could not be processed; others may still be */
    ODFGATE_FATAL = 3   /* out of memory or misuse: stop */
} odfgate_status;

/* Why it failed.  The names returned by odfgate_errcode_name() are a public contract
 * (they appear as "error.code" in JSON output). */
typedef enum odfgate_errcode {
    ODFGATE_E_NONE = 0,
    ODFGATE_E_IO,           /* "io": cannot open/read/write the file */
    ODFGATE_E_NOT_PACKAGE,  /* "not-odf-package": not a zip nor flat ODF XML */
    ODFGATE_E_CORRUPT,      /* "corrupt-package": zip structure broken, truncated, bad entry */
    ODFGATE_E_WRONG_TYPE,   /* "not-a-text-document": spreadsheet, presentation, … */
    ODFGATE_E_ENCRYPTED,    /* "encrypted": ODF-encrypted document (password protected) */
    ODFGATE_E_LIMIT,        /* "limit-exceeded": size, entries, ratio, depth … over a limit */
    ODFGATE_E_XML,          /* "xml-error": a part is not well-formed XML */
    ODFGATE_E_ENTITY,       /* "entity-refused": DTD entity declarations or references */
    ODFGATE_E_MISSING_PART, /* "missing-part": e.g. no content.xml */
    ODFGATE_E_SCHEMA,       /* "schema-error": schema not XML, invalid, bad extends … */
    ODFGATE_E_USAGE,        /* "usage": invalid argument */
    ODFGATE_E_NOMEM,        /* "out-of-memory" */
    ODFGATE_E_CONFIG,       /* "config-error": a .odfgate.ini cannot be read or is invalid */
    ODFGATE_E_JSON,         /* "json-error": a JSON report (odfgate merge) is not valid JSON */
    ODFGATE_E_FETCH,        /* "fetch-failed": an http(s) resource could not be had (dead server,
                               time-out, size cap, redirects, refused address, TLS, offline and
                               not cached, sha256 pin mismatch); path = the URL */
    ODFGATE_E_GIT,          /* "git-error": no repository, no such revision, the file not
                               in it (odfgate_git_*); libgit2 cannot be loaded */
    ODFGATE_E_NOT_FOUND     /* "not-found": nothing matched what was looked for (e.g. no
                               revision with a sign-off's text) */
} odfgate_errcode;

/* Caller-owned error record; filled on failure.  Strings are always NUL-terminated and
 * free of control characters (safe to print on a terminal). */
typedef struct odfgate_error {
    odfgate_errcode code;
    char path[1024];   /* file (or URL) the error is about, may be empty */
    char part[256];    /* package part, e.g. "content.xml", may be empty */
    long line;         /* line in that part, 0 if unknown */
    char message[512]; /* one line, no trailing newline, does not repeat path */
} odfgate_error;

ODFGATE_API const char *odfgate_errcode_name(odfgate_errcode code);
ODFGATE_API void odfgate_error_clear(odfgate_error *err);

ODFGATE_API const char *odfgate_version(void);
ODFGATE_API void odfgate_global_init(void);
ODFGATE_API void odfgate_global_cleanup(void);

/* ---------------------------------------------------------------- limits */

/* Resource limits applied to untrusted input.  Defaults (odfgate_limits_init) are documented
 * in docs/limits.md; 0 never means "unlimited". */
typedef struct odfgate_limits {
    uint64_t max_file_size;  /* bytes of the package or flat file */
    uint64_t max_entries;    /* zip entries */
    uint64_t max_part_size;  /* inflated bytes of one part */
    uint64_t max_total_size; /* inflated bytes of all parts read */
    uint32_t max_ratio;      /* inflated/compressed, checked for parts above 1 MiB */
    uint32_t max_depth;      /* XML element nesting */
    uint64_t max_text;       /* bytes of text kept for one document */
} odfgate_limits;

ODFGATE_API void odfgate_limits_init(odfgate_limits *lim);

/* ---------------------------------------------------------------- documents */

typedef struct odfgate_doc odfgate_doc;

/* Open and read a document.  `path` is a file name, or "-" for standard input.  The kind
 * (zip package or flat XML) is decided by content.  `lim` may be NULL for the defaults.
 * On success *out is a new handle (free with odfgate_doc_free) and the status is OK or
 * WARN (see odfgate_doc_notes).  On failure *out is NULL and err is filled. */
ODFGATE_API odfgate_status odfgate_doc_open(const char *path, const odfgate_limits *lim,
                                            odfgate_doc **out, odfgate_error *err);
/* Same, from bytes in memory; `name` is used in messages only.  The bytes are not kept. */
ODFGATE_API odfgate_status odfgate_doc_open_memory(const void *data, size_t len, const char *name,
                                                   const odfgate_limits *lim, odfgate_doc **out,
                                                   odfgate_error *err);
ODFGATE_API void odfgate_doc_free(odfgate_doc *doc);

ODFGATE_API const char *odfgate_doc_path(const odfgate_doc *doc);
/* "zip" or "flat" */
ODFGATE_API const char *odfgate_doc_container(const odfgate_doc *doc);
/* The mimetype declared (or inferred), e.g. application/vnd.oasis.opendocument.text */
ODFGATE_API const char *odfgate_doc_mimetype(const odfgate_doc *doc);

/* Notes recorded while reading (e.g. package-nonconformant): count and i-th message. */
ODFGATE_API size_t odfgate_doc_note_count(const odfgate_doc *doc);
ODFGATE_API const char *odfgate_doc_note(const odfgate_doc *doc, size_t i);

/* Metadata (meta.xml).  Absent values are NULL.  Keywords and user-defined properties are lists. */
typedef struct odfgate_property {
    const char *name;
    const char
        *type; /* meta:value-type: "string", "float", "date", "boolean", … ("string" if absent) */
    const char *value;
} odfgate_property;

typedef struct odfgate_meta {
    const char *title, *subject, *description, *creator, *initial_creator;
    const char *creation_date, *date, *generator, *editing_cycles, *language;
    const char *const *keywords; /* keyword_count entries */
    size_t keyword_count;
    const odfgate_property *user; /* user_count entries, document order */
    size_t user_count;
} odfgate_meta;

ODFGATE_API const odfgate_meta *odfgate_doc_meta(const odfgate_doc *doc);
/* Look up a metadata field by its schema name: "title", "subject", "description", "keywords"
 * (joined with ", "), "creator", "initial-creator", "creation-date", "date", "generator",
 * "editing-cycles", "language", or "user:NAME" for a user-defined property.  NULL if absent. */
ODFGATE_API const char *odfgate_doc_meta_field(const odfgate_doc *doc, const char *name);

/* How a heading was recognised. */
typedef enum odfgate_heading_source {
    ODFGATE_HEADING_H = 0,    /* text:h */
    ODFGATE_HEADING_STYLE = 1 /* text:p whose paragraph style resolves to a heading */
} odfgate_heading_source;

typedef struct odfgate_heading {
    int level;          /* 1..10 */
    const char *text;   /* heading text, whitespace collapsed (raw, not folded) */
    uint64_t words;     /* words in the section body (up to the next heading of the same
                           or a higher level, subsections included) */
    uint64_t own_words; /* words before the first subheading */
    uint32_t paragraph; /* paragraph ordinal of the heading (1-based, see docs/reading.md) */
    int hidden;         /* inside a hidden section */
    odfgate_heading_source source;
} odfgate_heading;

ODFGATE_API size_t odfgate_doc_heading_count(const odfgate_doc *doc);
ODFGATE_API const odfgate_heading *odfgate_doc_heading(const odfgate_doc *doc, size_t i);
/* Total words of the body, and number of body paragraphs. */
ODFGATE_API uint64_t odfgate_doc_words(const odfgate_doc *doc);
ODFGATE_API uint32_t odfgate_doc_paragraph_count(const odfgate_doc *doc);
/* Text of paragraph `ordinal` (1-based), NULL if out of range. */
ODFGATE_API const char *odfgate_doc_paragraph_text(const odfgate_doc *doc, uint32_t ordinal);

/* ---------------------------------------------------------------- schemas */

typedef struct odfgate_schema odfgate_schema;

/* Load a schema file (resolving `extends` relative to it), validate it against the built-in
 * RelaxNG grammar and its own consistency rules.  Free with odfgate_schema_free. */
ODFGATE_API odfgate_status odfgate_schema_load_file(const char *path, odfgate_schema **out,
                                                    odfgate_error *err);
/* From memory; `base` names it in messages and is the directory for relative `extends`
 * (may be NULL: then `extends` is refused). */
ODFGATE_API odfgate_status odfgate_schema_load_memory(const void *data, size_t len,
                                                      const char *base, odfgate_schema **out,
                                                      odfgate_error *err);
/* The built-in default schema (the common purpose framework). */
ODFGATE_API odfgate_status odfgate_schema_load_builtin(odfgate_schema **out, odfgate_error *err);
ODFGATE_API void odfgate_schema_free(odfgate_schema *schema);

/* XML text of the built-in schema and of the RelaxNG grammar (static storage). */
ODFGATE_API const char *odfgate_schema_builtin_xml(size_t *len);
ODFGATE_API const char *odfgate_schema_grammar_rng(size_t *len);

ODFGATE_API const char *odfgate_schema_id(const odfgate_schema *schema);
/* "builtin" or the path it was loaded from. */
ODFGATE_API const char *odfgate_schema_source(const odfgate_schema *schema);
ODFGATE_API size_t odfgate_schema_section_count(const odfgate_schema *schema);
/* i-th section in schema order (depth first); its id, heading and level. */
ODFGATE_API const char *odfgate_schema_section_id(const odfgate_schema *schema, size_t i);
ODFGATE_API const char *odfgate_schema_section_heading(const odfgate_schema *schema, size_t i);
ODFGATE_API int odfgate_schema_section_level(const odfgate_schema *schema, size_t i);
ODFGATE_API size_t odfgate_schema_signatory_count(const odfgate_schema *schema);
ODFGATE_API const char *odfgate_schema_signatory_id(const odfgate_schema *schema, size_t i);
ODFGATE_API const char *odfgate_schema_signatory_name(const odfgate_schema *schema, size_t i);

/* ---------------------------------------------------------------- rules & findings */

typedef enum odfgate_severity {
    ODFGATE_SEV_OFF = 0,
    ODFGATE_SEV_INFO = 1,
    ODFGATE_SEV_WARNING = 2,
    ODFGATE_SEV_ERROR = 3
} odfgate_severity;

ODFGATE_API const char *odfgate_severity_name(odfgate_severity sev); /* "error", … */
/* Parse "error"/"warning"/"info"/"off"; returns -1 if unknown. */
ODFGATE_API int odfgate_severity_parse(const char *name);

typedef struct odfgate_rule_info {
    const char *id;            /* kebab-case, stable */
    odfgate_severity severity; /* default */
    const char *family;        /* "sections", "phrases", "metadata", "package", "signoff",
                                  "clauses", "links" */
    const char *description;   /* one line */
} odfgate_rule_info;

ODFGATE_API size_t odfgate_rule_count(void);
ODFGATE_API const odfgate_rule_info *odfgate_rule_at(size_t i);
ODFGATE_API const odfgate_rule_info *odfgate_rule_find(const char *id);

typedef struct odfgate_finding {
    const char *rule; /* rule id */
    odfgate_severity severity;
    const char *message;
    const char *section;            /* schema section id, or NULL */
    const char *heading;            /* raw heading text the finding is about, or NULL */
    uint32_t paragraph;             /* paragraph ordinal, 0 = none */
    const char *suppressed;         /* NULL, or why it does not count towards failing:
                                       "waived: REASON" (a waiver in the document) or "baseline" */
    const char *const *signatories; /* signoff-missing: the ids of the signatories who have
                                       not signed (one finding lists them all); a finding
                                       about one signatory's sign-off (signoff-stale,
                                       -rejected, -future-date, -unauthorized, -unsigned,
                                       signature-signatory-mismatch): that id; else NULL */
    size_t signatory_count;
} odfgate_finding;

typedef struct odfgate_result odfgate_result;
typedef struct odfgate_config odfgate_config; /* see "configuration" below */

/* Check a document against a schema.  Always produces a result on OK (free it with
 * odfgate_result_free); fails only on out-of-memory or misuse. */
ODFGATE_API odfgate_status odfgate_check(const odfgate_doc *doc, const odfgate_schema *schema,
                                         odfgate_result **out, odfgate_error *err);
/* The same with the configuration that applies to the document (NULL: none): a rule the
 * schema leaves off (the a11y family by default) runs when the configuration sets a severity
 * for it (rule.a11y = warning).  odfgate_result_apply still applies the rest afterwards. */
ODFGATE_API odfgate_status odfgate_check_config(const odfgate_doc *doc,
                                                const odfgate_schema *schema,
                                                const odfgate_config *cfg, odfgate_result **out,
                                                odfgate_error *err);
ODFGATE_API void odfgate_result_free(odfgate_result *res);
ODFGATE_API size_t odfgate_result_count(const odfgate_result *res);
/* Findings are ordered by paragraph (document-level first), then rule. */
ODFGATE_API const odfgate_finding *odfgate_result_finding(const odfgate_result *res, size_t i);
/* Schema section id matched by heading i of the document, or NULL. */
ODFGATE_API const char *odfgate_result_heading_section(const odfgate_result *res, size_t i);
/* Highest severity among the findings not suppressed (ODFGATE_SEV_OFF if none). */
ODFGATE_API odfgate_severity odfgate_result_max_severity(const odfgate_result *res);
/* Id of the schema the result was checked against. */
ODFGATE_API const char *odfgate_result_schema_id(const odfgate_result *res);

/* What applies after every check has run (odfgate_check, then any link check), once per result:
 *  - the waivers written in the document's comments ("odfgate-waive RULE: reason"): matching
 *    findings in the waiver's section (the whole document for a waiver before the first
 *    heading) are kept but marked suppressed; waivers without a reason or with an unknown rule
 *    add `waiver-invalid`, waivers that waive nothing add `waiver-unused` (docs/config.md);
 *  - then cfg's rule severities and disabled rules (cfg may be NULL).
 * `doc` must be the document the result is about.  Fails only on out-of-memory. */
ODFGATE_API odfgate_status odfgate_result_apply(odfgate_result *res, const odfgate_doc *doc,
                                                const odfgate_config *cfg, odfgate_error *err);
/* The failure level of this result, overriding the report's fail_on (e.g. from a
 * configuration); odfgate_result_fail_on returns it, or -1 when not set. */
ODFGATE_API void odfgate_result_set_fail_on(odfgate_result *res, odfgate_severity fail_on);
ODFGATE_API int odfgate_result_fail_on(const odfgate_result *res);

/* Baselines: the fingerprints of accepted findings, so that only new ones fail
 * (--write-baseline / --baseline).  A fingerprint is stable under unrelated edits: it covers the
 * document path, rule, section, heading and message with digits removed (not positions).
 * File format (docs/config.md): a header line, then one "FINGERPRINT RULE PATH" per line. */
typedef struct odfgate_baseline odfgate_baseline;

ODFGATE_API odfgate_baseline *odfgate_baseline_new(void); /* empty; NULL on out-of-memory */
ODFGATE_API odfgate_status odfgate_baseline_load(const char *path, odfgate_baseline **out,
                                                 odfgate_error *err);
/* Add every finding of res (about the document at `path`) that is not waived. */
ODFGATE_API odfgate_status odfgate_baseline_add(odfgate_baseline *b, const char *path,
                                                const odfgate_result *res, odfgate_error *err);
/* Write atomically, sorted (stable, diff-friendly); sorts b in place. */
ODFGATE_API odfgate_status odfgate_baseline_write(odfgate_baseline *b, const char *path,
                                                  odfgate_error *err);
/* Mark the findings of res that are in the baseline as suppressed ("baseline"); returns how
 * many.  Paths are compared without "./", "//" and "dir/..".  Call after
 * odfgate_result_apply.  Records which entries matched (safe from several threads). */
ODFGATE_API size_t odfgate_result_apply_baseline(odfgate_result *res, const char *path,
                                                 const odfgate_baseline *b);
/* Entries of b (duplicates once) that no odfgate_result_apply_baseline call has matched, and
 * all of them: a baseline whose entries match nothing is stale or names documents otherwise. */
ODFGATE_API size_t odfgate_baseline_unmatched(const odfgate_baseline *b);
ODFGATE_API size_t odfgate_baseline_count(const odfgate_baseline *b);
ODFGATE_API void odfgate_baseline_free(odfgate_baseline *b);

/* ---------------------------------------------------------------- sign-off */

/* A sign-off record is a meta:user-defined property named "odfgate.signoff.<id>" (or the
 * signed description of an ODF digital signature: odfgate signoff --sign) whose value is a
 * one-line record (format in docs/signoff.md) binding a signatory's decision to a
 * SHA-256 digest of the document's canonical text and of each schema section. */

typedef enum odfgate_signoff_state {
    ODFGATE_SIGNOFF_VALID = 0, /* the text is the one signed */
    ODFGATE_SIGNOFF_STALE,     /* the text changed since (see changed) */
    ODFGATE_SIGNOFF_UNKNOWN,   /* the signatory is not in the schema */
    ODFGATE_SIGNOFF_MALFORMED  /* the record cannot be read (see problem) */
} odfgate_signoff_state;

/* "valid", "stale", "unknown", "malformed" */
ODFGATE_API const char *odfgate_signoff_state_name(odfgate_signoff_state state);

typedef struct odfgate_signoff {
    const char *property;       /* property name, e.g. "odfgate.signoff.dh" */
    const char *signatory;      /* signatory id (from the property name if malformed) */
    const char *decision;       /* "approved" or "rejected"; NULL if malformed */
    const char *by, *role, *at; /* signer's name, role (may be NULL), ISO 8601 date-time */
    odfgate_signoff_state state;
    const char *const *changed; /* stale: ids of the schema sections whose text changed */
    size_t changed_count;
    int changed_outside; /* stale: text outside every schema section changed */
    int future;          /* dated in the future (more than 5 minutes ahead) */
    const char *problem; /* malformed: what is wrong; else NULL */
    const struct odfgate_signature *signature; /* the ODF signature the record travels in
                                    (property "META-INF/documentsignatures.xml#ID"), or NULL
                                    for a meta.xml record */
    const char *content; /* the digest recorded, "sha256:<64 hex>"; NULL if malformed */
    int version;         /* the record's format version, which is the canonical text
                            version its digests are over (0 if malformed) */
} odfgate_signoff;

typedef struct odfgate_signoffs odfgate_signoffs;

/* Read and verify every sign-off record of a document against its current text and the
 * schema's signatories.  Free with odfgate_signoffs_free. */
ODFGATE_API odfgate_status odfgate_signoffs_read(const odfgate_doc *doc,
                                                 const odfgate_schema *schema,
                                                 odfgate_signoffs **out, odfgate_error *err);
ODFGATE_API size_t odfgate_signoffs_count(const odfgate_signoffs *s);
ODFGATE_API const odfgate_signoff *odfgate_signoffs_at(const odfgate_signoffs *s, size_t i);
ODFGATE_API void odfgate_signoffs_free(odfgate_signoffs *s);
/* Where a signatory of the schema stands on a document: one state per signatory, decided
 * by their newest sign-off record (malformed records do not count; on the same time a record
 * in an ODF signature wins), in this order (docs/status.md):
 *   signature-invalid  the record travels in a signature that does not verify over every
 *                      stream;
 *   stale              the text changed since the record (approved or rejected);
 *   rejected           they rejected this text;
 *   untrusted          approved in a sound signature whose certificate is not trusted;
 *   unsigned           approved without a signature, and the schema requires signed sign-offs;
 *   approved           approved this text;
 *   missing            no record. */
typedef enum odfgate_signatory_state {
    ODFGATE_SIGNATORY_APPROVED = 0,
    ODFGATE_SIGNATORY_REJECTED,
    ODFGATE_SIGNATORY_STALE,
    ODFGATE_SIGNATORY_MISSING,
    ODFGATE_SIGNATORY_SIGNATURE_INVALID,
    ODFGATE_SIGNATORY_UNTRUSTED,
    ODFGATE_SIGNATORY_UNSIGNED
} odfgate_signatory_state;

/* "approved", "rejected", "stale", "missing", "signature-invalid", "untrusted", "unsigned" */
ODFGATE_API const char *odfgate_signatory_state_name(odfgate_signatory_state state);
/* The state of signatory `id` (a schema signatory id) in so, read against `schema`; *record
 * (may be NULL) gets the record that decided it (NULL when missing). */
ODFGATE_API odfgate_signatory_state odfgate_signoffs_signatory(const odfgate_signoffs *so,
                                                               const odfgate_schema *schema,
                                                               const char *id,
                                                               const odfgate_signoff **record);
/* Signatories whose approval counts towards the quorum: approved, or untrusted (a sound
 * signature whose certificate is not trusted counts, and is reported: signature-untrusted). */
ODFGATE_API size_t odfgate_signoffs_approvals(const odfgate_signoffs *so,
                                              const odfgate_schema *schema);
/* Approvals the schema requires (its quorum; the number of signatories for all-of). */
ODFGATE_API size_t odfgate_schema_quorum(const odfgate_schema *schema);
/* The sign-offs the check read (NULL when the schema names no signatories); owned by res and
 * valid while the document it was checked from is. */
ODFGATE_API const odfgate_signoffs *odfgate_result_signoffs(const odfgate_result *res);
/* The schema res was checked against (borrowed by the result). */
ODFGATE_API const odfgate_schema *odfgate_result_schema(const odfgate_result *res);

/* Unresolved tracked changes (text:changed-region) in the document. */
ODFGATE_API uint32_t odfgate_doc_tracked_changes(const odfgate_doc *doc);

/* ---------------------------------------------------------------- ODF digital signatures */

/* One <Signature> of META-INF/documentsignatures.xml (ODF 1.2 part 3; XAdES as LibreOffice
 * makes it), verified with xmlsec1 when the document is read (docs/signatures.md).  Strings
 * live as long as the document; NULL when the signature does not say. */
typedef struct odfgate_signature {
    const char *id;               /* its Id attribute */
    int valid;                    /* 1: every reference's digest and the signature value verify
                                     with the certificate it carries, the algorithms are known,
                                     and it claims one signing time */
    const char *problem;          /* why not valid: "digest mismatch on content.xml", "bad
                                     signature value", "unknown algorithm …", "two signing
                                     times …"; NULL when valid */
    const char *const *uncovered; /* streams of the package it does not sign (a partial
                                    signature); every stream but documentsignatures.xml
                                    must be signed */
    size_t uncovered_count;
    const char *algorithm;        /* SignatureMethod URI */
    const char *subject, *issuer; /* of the signing certificate, RFC 2253 */
    const char *serial;           /* decimal */
    const char *fingerprint;      /* SHA-256 of the certificate (DER), 64 lowercase hex digits */
    const char *not_before, *not_after; /* validity, "YYYY-MM-DDTHH:MM:SSZ" */
    const char *signing_time;           /* XAdES SigningTime as written (signed), or NULL */
    const char *date;                   /* dc:date of its SignatureProperty as written, or NULL */
    int cert_digest;                    /* XAdES SigningCertificate: 1 its digest is the signing
                                           certificate's, 0 absent, -1 another certificate's */
    const char *description;            /* dc:description (LibreOffice's "description"; odfgate puts
                                           its sign-off record there), or NULL */
    const unsigned char *cert;          /* the signing certificate, DER */
    size_t cert_len;
    const unsigned char *const *chain; /* the other certificates it carries, DER */
    const size_t *chain_len;
    size_t chain_count;
} odfgate_signature;

/* Signatures of the document (0 for a flat file or an unsigned package). */
ODFGATE_API size_t odfgate_doc_signature_count(const odfgate_doc *doc);
ODFGATE_API const odfgate_signature *odfgate_doc_signature(const odfgate_doc *doc, size_t i);
/* Why META-INF/documentsignatures.xml could not be read as signatures (then none are listed
 * and every signature counts as invalid), or NULL. */
ODFGATE_API const char *odfgate_doc_signatures_problem(const odfgate_doc *doc);

/* Trust: CA certificates (PEM: a file, or every .pem and .crt file of a folder) that signing
 * certificates must chain to, added to the schema's trust anchors (the signatory registry may
 * add more).  0 certificates found is an error.  Not thread-safe; before any check. */
ODFGATE_API odfgate_status odfgate_schema_add_trust(odfgate_schema *schema, const char *path,
                                                    odfgate_error *err);
/* Does sig's certificate chain (with the certificates it carries) to a trust anchor of the
 * schema, valid at its signing time (now when it claims none)?  1 yes; 0 no, with the reason
 * in why (e.g. "no trust anchors given", "certificate has expired"). */
ODFGATE_API int odfgate_signature_trusted(const odfgate_signature *sig,
                                          const odfgate_schema *schema, char *why, size_t why_len);

/* The canonical text the digests are computed over (docs/signoff.md).  *text is allocated
 * with malloc; the caller frees it. */
ODFGATE_API odfgate_status odfgate_doc_canonical_text(const odfgate_doc *doc, char **text,
                                                      size_t *len, odfgate_error *err);

typedef struct odfgate_stamp {
    const char *signatory; /* schema signatory id */
    const char *by;        /* signer's name */
    const char *role;      /* may be NULL */
    const char *decision;  /* "approved" (NULL means approved) or "rejected" */
    const char *at;        /* ISO 8601 with time zone; NULL: now, UTC */
    int force;             /* rewrite a document carrying ODF digital signatures (dropping them) */
} odfgate_stamp;

/* Write a copy of in_path to out_path (may be the same path: in place) with the sign-off
 * record of stamp->signatory set, replacing an earlier one.  Only meta.xml changes (and the
 * manifest if meta.xml was missing); every other part is copied raw; the write is atomic. */
ODFGATE_API odfgate_status odfgate_signoff_stamp(const char *in_path, const char *out_path,
                                                 const odfgate_schema *schema,
                                                 const odfgate_stamp *stamp, odfgate_error *err);
/* A key to sign with: a PEM private key and certificate (with intermediates), or PKCS#12. */
typedef struct odfgate_signing_key {
    const char *key;      /* PEM private key file */
    const char *cert;     /* PEM certificate file (its first certificate signs) */
    const char *chain;    /* PEM intermediate certificates, carried in the signature; may be NULL */
    const char *p12;      /* a PKCS#12 file instead of key, cert and chain */
    const char *password; /* for an encrypted key or the PKCS#12 file; may be NULL */
} odfgate_signing_key;

/* Write a copy of in_path to out_path (may be the same: in place) with one more ODF digital
 * signature in META-INF/documentsignatures.xml (XAdES, as LibreOffice makes them), over every
 * stream of the package, carrying stamp's sign-off record as its signed description.  Only
 * that part is written (created or extended); every other part is copied raw, so earlier
 * signatures stay valid; the write is atomic.  Refused (ODFGATE_E_USAGE): a flat file; a
 * certificate that does not match the key or is not valid now; a document whose existing
 * signatures do not verify over every stream (unless stamp->force: they are kept as they are).
 * docs/signatures.md. */
ODFGATE_API odfgate_status odfgate_signoff_sign(const char *in_path, const char *out_path,
                                                const odfgate_schema *schema,
                                                const odfgate_stamp *stamp,
                                                const odfgate_signing_key *key, odfgate_error *err);
/* Same, removing the record of `signatory` (an error if there is none). */
ODFGATE_API odfgate_status odfgate_signoff_revoke(const char *in_path, const char *out_path,
                                                  const char *signatory, int force,
                                                  odfgate_error *err);

/* ---------------------------------------------------------------- comparing versions */

/* The digest of a document's canonical text of `version` (1 or 2; what a sign-off record of
 * that version holds in `content`): "sha256:" and 64 hex digits into out. */
ODFGATE_API odfgate_status odfgate_doc_content_digest(const odfgate_doc *doc, int version,
                                                      char out[72], odfgate_error *err);

/* What changed from one version of a document to another (docs/diff.md): the canonical
 * texts (what sign-off digests cover) aligned by schema section, then paragraph, then word.
 * Formatting, metadata, comments and sign-offs are no change.  Both documents must outlive
 * the comparison. */
typedef struct odfgate_diff odfgate_diff;
ODFGATE_API odfgate_status odfgate_diff_new(const odfgate_doc *old_doc, const odfgate_doc *new_doc,
                                            const odfgate_schema *schema, odfgate_diff **out,
                                            odfgate_error *err);
/* 1 if the canonical texts differ (some section was added, removed, moved, renamed or
 * changed), else 0. */
ODFGATE_API int odfgate_diff_changed(const odfgate_diff *d);
ODFGATE_API void odfgate_diff_free(odfgate_diff *d);

typedef enum odfgate_diff_format {
    ODFGATE_DIFF_TEXT = 0, /* section by section, words marked [-deleted-]{+inserted+} */
    ODFGATE_DIFF_STAT,     /* a line per changed section: words inserted and deleted */
    ODFGATE_DIFF_JSON      /* one object (docs/diff.md) */
} odfgate_diff_format;

typedef struct odfgate_diff_output {
    const char *old_label, *new_label; /* how the two versions are named (e.g. a path and a
                                          revision); NULL: the documents' paths */
    int color;                         /* text: ANSI colours (red deleted, green inserted) */
    int all;                           /* text: list unchanged sections too */
} odfgate_diff_output;

/* Write the comparison to out.  `o` may be NULL.  ODFGATE_FAILED with err filled on a write
 * error. */
ODFGATE_API odfgate_status odfgate_diff_write(const odfgate_diff *d, odfgate_diff_format format,
                                              const odfgate_diff_output *o, FILE *out,
                                              odfgate_error *err);

/* NEW (the file new_path that new_doc was read from) with the differences as ODF tracked
 * changes (author "odfgate diff"; insertions dated new_date, deletions old_date: ISO 8601,
 * NULL for now), written atomically to out_path (never new_path itself).  Accepting every
 * change gives NEW's canonical text, rejecting every change OLD's.  Refused: a flat file,
 * a NEW that has tracked changes of its own.  *unmarked (may be NULL) gets the number of
 * changes in notes and text boxes, which are not marked (docs/diff.md). */
ODFGATE_API odfgate_status odfgate_diff_redline(const odfgate_diff *d, const char *new_path,
                                                const char *out_path, const char *old_date,
                                                const char *new_date, size_t *unmarked,
                                                odfgate_error *err);

/* A version of a file from its git repository (libgit2; the repository is found from the
 * file's folder upwards). */
typedef struct odfgate_revision {
    char commit[41];   /* full hex id */
    char path[1024];   /* the file's path in that commit, relative to the repository (it may
                          differ from today's: renames are followed) */
    long long time;    /* commit time, seconds since the epoch */
    int offset;        /* its time zone, minutes east of UTC */
    char summary[200]; /* the commit message's first line (may be cut) */
} odfgate_revision;

/* The file as it was in revision `rev` (anything git rev-parse takes: HEAD~2, a tag, an id),
 * following renames back from HEAD when the path did not exist then.  *data (malloc) and
 * *len get its bytes. */
ODFGATE_API odfgate_status odfgate_git_revision(const char *file, const char *rev, void **data,
                                                size_t *len, odfgate_revision *info,
                                                odfgate_error *err);
/* The newest committed version of `file` (history from HEAD, first parents, renames
 * followed) whose canonical text of `version` has the digest `content` ("sha256:…", as in a
 * sign-off record).  ODFGATE_OK with *data, *len and *info filled; ODFGATE_FAILED with
 * ODFGATE_E_NOT_FOUND when no revision matches (*searched: how many versions were read).
 * Versions that cannot be read are passed over. */
ODFGATE_API odfgate_status odfgate_git_find_digest(const char *file, const char *content,
                                                   int version, void **data, size_t *len,
                                                   odfgate_revision *info, size_t *searched,
                                                   odfgate_error *err);

/* ---------------------------------------------------------------- annotate */

/* Write a copy of in_path to out_path (may be the same: in place) in which every finding of
 * `res` is an ODF comment (office:annotation, author "odfgate", text "rule-id: message") at
 * the start of its paragraph (document-level findings: the first paragraph).  Comments odfgate
 * wrote earlier are removed first; other comments are kept.  `doc` must be the document read
 * from in_path, `res` its check result; res NULL only removes odfgate comments (--strip).
 * `date` (ISO 8601) is the comments' date, NULL for now.  *counts (may be NULL) gets the
 * number of comments written and of earlier odfgate comments removed.  Only content.xml
 * changes; the write is atomic.  A document carrying ODF digital signatures is refused
 * (ODFGATE_E_USAGE) unless `force`: the rewrite would invalidate them, and with force they are
 * removed. */
typedef struct odfgate_annotate_counts {
    size_t written; /* odfgate comments written */
    size_t removed; /* earlier odfgate comments removed (people's comments are never removed) */
} odfgate_annotate_counts;
ODFGATE_API odfgate_status odfgate_annotate(const char *in_path, const char *out_path,
                                            const odfgate_doc *doc, const odfgate_result *res,
                                            const char *date, int force,
                                            odfgate_annotate_counts *counts, odfgate_error *err);

/* ---------------------------------------------------------------- scrub */

/* What odfgate_scrub removes (docs/hygiene.md): one bit per hygiene class. */
enum {
    ODFGATE_SCRUB_COMMENTS = 1u << 0,         /* people's comments (waivers stay) */
    ODFGATE_SCRUB_HIDDEN_TEXT = 1u << 2,      /* hidden paragraphs, sections, fields, text */
    ODFGATE_SCRUB_PERSONAL_INFO = 1u << 3,    /* personal metadata; authors of kept comments
                                                 and changes become "Author N" */
    ODFGATE_SCRUB_MACROS = 1u << 4,           /* libraries, scripts, bindings, macro links */
    ODFGATE_SCRUB_EMBEDDED_OBJECTS = 1u << 5, /* objects (their replacement picture stays) */
    ODFGATE_SCRUB_LINKED_RESOURCES = 1u << 6, /* linked images and sections, local links */
    ODFGATE_SCRUB_ALL = 0x7du
};
/* Tracked changes: left as they are (counted in changes_left) unless opt->changes asks to
 * resolve every one as LibreOffice's Edit > Track Changes > Accept All / Reject All does. */
enum { ODFGATE_CHANGES_LEAVE = 0, ODFGATE_CHANGES_ACCEPT = 1, ODFGATE_CHANGES_REJECT = 2 };
typedef struct odfgate_scrub_options {
    unsigned classes;             /* ODFGATE_SCRUB_* */
    const odfgate_schema *schema; /* whose signatories' sign-offs are judged; may be NULL */
    int force;   /* write even when valid sign-offs would become stale; drop ODF signatures */
    int dry_run; /* decide and count only */
    int changes; /* ODFGATE_CHANGES_*: resolved first, then the classes are removed */
} odfgate_scrub_options;
typedef struct odfgate_scrub_result {
    size_t comments, hidden, personal, macros, objects, links; /* removed */
    int text_changed;          /* the canonical text (what sign-offs cover) differs */
    size_t valid_kept;         /* sign-offs valid before and after */
    size_t stale_count;        /* sign-offs valid now that the new text makes stale */
    char stale[1024];          /* their signatory ids, ", "-separated (cut when long) */
    size_t changes_left;       /* unresolved tracked changes, left as they are */
    int signatures_dropped;    /* ODF signatures removed (force) */
    int written;               /* out_path was written (not when stale_count && !force, dry_run,
                                  or changes_refused) */
    size_t changes_resolved;   /* tracked changes accepted or rejected */
    char changes_refused[256]; /* set when a change cannot be resolved exactly as LibreOffice
                                  does (which one, why): nothing is written */
} odfgate_scrub_result;
/* Copy in_path to out_path (may be the same: in place, under a lock) without what `opt`
 * removes.  Everything else is kept: parts not touched are copied raw, touched parts node by
 * node.  When the new text would make a valid sign-off stale, nothing is written unless
 * opt->force (res names the signatories).  A document carrying ODF digital signatures is
 * refused (ODFGATE_E_USAGE) unless forced.  The write is atomic. */
ODFGATE_API odfgate_status odfgate_scrub(const char *in_path, const char *out_path,
                                         const odfgate_scrub_options *opt,
                                         odfgate_scrub_result *res, odfgate_error *err);

/* ---------------------------------------------------------------- new drafts, schemas */

/* Write a new draft at out_path: the title (NULL: the schema's title), a table of the
 * signatories, and every required section as a "Heading N" heading with a guidance paragraph
 * "[insert: …]" (flagged as a placeholder until replaced).  template_path (.ott/.odt, may be
 * NULL) supplies styles and page layout.  Atomic. */
ODFGATE_API odfgate_status odfgate_new_draft(const char *out_path, const odfgate_schema *schema,
                                             const char *title, const char *template_path,
                                             odfgate_error *err);

/* A schema whose sections are the document's headings (nested by level, ids from slugs,
 * order kept).  *xml is allocated with malloc; the caller frees it. */
ODFGATE_API odfgate_status odfgate_schema_from_document(const odfgate_doc *doc, char **xml,
                                                        size_t *len, odfgate_error *err);

/* Write bytes to a file atomically (temporary file beside it, fsync, rename, fsync of the
 * directory): for front ends that write what the library produced. */
ODFGATE_API odfgate_status odfgate_write_file(const char *path, const void *data, size_t len,
                                              odfgate_error *err);

/* ---------------------------------------------------------------- configuration */

/* The settings of .odfgate.ini files that apply to one document: found from the document's own
 * folder upward (not the working directory) until a file says `root = true`; nearer files win;
 * [glob] sections select documents (format: docs/config.md).  A file with an error fails with
 * ODFGATE_E_CONFIG, err->path the file and err->line the line.  `doc_path` "-" (standard input)
 * takes the working directory's files.  Free with odfgate_config_free. */
ODFGATE_API odfgate_status odfgate_config_for(const char *doc_path, odfgate_config **out,
                                              odfgate_error *err);
ODFGATE_API void odfgate_config_free(odfgate_config *cfg);
/* A batch: between begin and end (they nest, per thread: they concern the calling thread's
 * calls only), odfgate_config_for reads each .odfgate.ini path once (stat and read) and asks
 * for the working directory once, however many documents share it.  Outside a batch every
 * call reads afresh (an editor's long-lived process sees a configuration changed between two
 * checks). */
ODFGATE_API void odfgate_config_batch_begin(void);
ODFGATE_API void odfgate_config_batch_end(void);
/* The schema to use: an absolute path or an http(s) URL; NULL if none is set. */
ODFGATE_API const char *odfgate_config_schema(const odfgate_config *cfg);
/* The `trust` key: trust anchors for signatures (absolute path of a PEM file or folder), or
 * NULL. */
ODFGATE_API const char *odfgate_config_trust(const odfgate_config *cfg);
/* fail-on: an odfgate_severity (ODFGATE_SEV_OFF = never), or -1 if not set. */
ODFGATE_API int odfgate_config_fail_on(const odfgate_config *cfg);
/* links: 1 check hyperlinks, 0 do not, -1 not set. */
ODFGATE_API int odfgate_config_links(const odfgate_config *cfg);
/* The severity set for a rule (ODFGATE_SEV_OFF if disabled), or -1 if not set. */
ODFGATE_API int odfgate_config_rule_severity(const odfgate_config *cfg, const char *rule);
/* What was read and why, one fact a line: files, sections that match or not, and the resulting
 * settings with their FILE:LINE (for `odfgate config explain`).  Owned by cfg. */
ODFGATE_API const char *odfgate_config_explain(const odfgate_config *cfg);

/* ---------------------------------------------------------------- flat ODF */

/* The document at in_path as one flat ODF XML document (an office:document, as LibreOffice's
 * .fodt): meta, settings, styles and content merged, office:mimetype set, pictures that
 * draw:image takes from the package embedded as office:binary-data.  Embedded objects and
 * other references into the package are not carried over.  A flat input is returned as read.
 * `lim` may be NULL for the defaults.  *xml is allocated with malloc (NUL-terminated, *len
 * bytes without the NUL); the caller frees it.  The input is not modified. */
ODFGATE_API odfgate_status odfgate_flatten(const char *in_path, const odfgate_limits *lim,
                                           char **xml, size_t *len, odfgate_error *err);

/* ---------------------------------------------------------------- reports */

/* Text from a document, a schema or a file name, made safe to show on a terminal or in a CI
 * log: C0 and C1 controls, DEL, bidirectional controls (U+061C, U+200E/F, U+202A..E,
 * U+2066..9) and U+2028/9 are shown as <U+XXXX>, bytes that are not UTF-8 as <0xNN>, the rest
 * as it is.  odfgate_fput_safe writes all of s (NULL: nothing) to out.  odfgate_escape writes
 * at most n - 1 bytes and a NUL to out, never cutting an escape or a character, and returns
 * how many bytes of s it consumed (less than strlen(s) when out was too small). */
ODFGATE_API void odfgate_fput_safe(const char *s, FILE *out);
ODFGATE_API size_t odfgate_escape(const char *s, char *out, size_t n);

/* A report writes the outcome of a batch to a stream in one format.
 * Formats: "text", "json".  Call begin, then one of add_doc / add_error per input in order,
 * then end (which prints the summary). */
typedef struct odfgate_report odfgate_report;

typedef struct odfgate_report_options {
    int color;                /* text: ANSI colours */
    int quiet;                /* text: only findings at or above fail_on, and the summary */
    odfgate_severity fail_on; /* documents with a finding at or above this fail;
                                 ODFGATE_SEV_OFF = never fail */
} odfgate_report_options;

ODFGATE_API odfgate_status odfgate_report_new(const char *format, FILE *out,
                                              const odfgate_report_options *opt,
                                              const odfgate_schema *schema, odfgate_report **rep,
                                              odfgate_error *err);
ODFGATE_API void odfgate_report_add_doc(odfgate_report *rep, const char *path,
                                        const odfgate_doc *doc, const odfgate_result *res);
ODFGATE_API void odfgate_report_add_error(odfgate_report *rep, const char *path,
                                          const odfgate_error *error);
/* Finish the report; returns 0 on success, -1 if writing failed (e.g. disk full). */
ODFGATE_API int odfgate_report_end(odfgate_report *rep);
ODFGATE_API void odfgate_report_free(odfgate_report *rep);
/* The report formats, in the order `odfgate check --help` lists them: the i-th name, NULL
 * past the last. */
ODFGATE_API const char *odfgate_report_format_name(size_t i);

/* The secretariat's overview (`odfgate status`, docs/status.md): a report whose rows are
 * documents and whose columns are the signatories of their schemas, each cell where that
 * signatory stands (odfgate_signoffs_signatory); then, per signatory, the documents awaiting
 * them (missing, stale, signature-invalid, untrusted, unsigned), the findings that fail
 * documents grouped by rule, the waivers in force, and with `since` what changed since an
 * earlier run.  Formats: "text" (a table that fits `width`), "csv" (one row per document and
 * signatory, written as each document arrives), "json" (a contract, also the state `since`
 * reads), "html" (one self-contained page), "ods" (a spreadsheet package: write it to a file).
 * Made with odfgate_overview_new, then used as any report (add_doc, add_error, end, free).
 * Every format but csv keeps a small row per document until the end (docs/limits.md). */
typedef struct odfgate_overview_options {
    int color;                    /* text: ANSI colours */
    unsigned width;               /* text: columns to fit (0: 100) */
    odfgate_severity fail_on;     /* documents with a finding at or above this fail */
    const char *since;            /* an earlier run's json output to compare with, or NULL
                                     (text, json and html show the changes) */
    const odfgate_limits *limits; /* for reading `since` (NULL: defaults) */
} odfgate_overview_options;

ODFGATE_API odfgate_status odfgate_overview_new(const char *format, FILE *out,
                                                const odfgate_overview_options *opt,
                                                const odfgate_schema *schema, odfgate_report **rep,
                                                odfgate_error *err);
/* The overview formats: the i-th name, NULL past the last. */
ODFGATE_API const char *odfgate_overview_format_name(size_t i);
/* Documents added so far that are not ready (unreadable, failing, or short of the quorum);
 * 0 for a report that is not an overview. */
ODFGATE_API size_t odfgate_overview_not_ready(const odfgate_report *rep);

/* Write s as a JSON string to out ("null" for NULL): quotes, backslashes and controls
 * escaped, bytes that are not UTF-8 as U+FFFD.  The one JSON string writer of the library
 * and the command (reports, `odfgate rules`, `odfgate signoffs`). */
ODFGATE_API void odfgate_json_string(FILE *out, const char *s);

/* ---------------------------------------------------------------- merging reports */

/* `odfgate merge`: the reports of several shards of one run (odfgate check --shard K/N) in
 * one report of the same format.  JSONL: the document objects of every input ordered by
 * path (byte order), a path in two inputs refused.  SARIF 2.1.0: one run with the inputs'
 * tool (which must be the same tool, version and rules in every input), every result, and
 * one invocation holding every notification.  JUnit: one <testsuites> with every input's
 * testsuites (a name in two inputs refused) and totals recomputed from the testcases.
 * The format is detected by content and must be the same in every input. */
typedef enum odfgate_merge_format {
    ODFGATE_MERGE_AUTO = 0,
    ODFGATE_MERGE_JSONL,
    ODFGATE_MERGE_SARIF,
    ODFGATE_MERGE_JUNIT
} odfgate_merge_format;

ODFGATE_API const char *odfgate_merge_format_name(odfgate_merge_format format); /* "jsonl", … */
/* "jsonl", "sarif", "junit" or "auto" → the format; -1 if unknown. */
ODFGATE_API int odfgate_merge_format_parse(const char *name);

/* One report in memory; `name` is used in error messages. */
typedef struct odfgate_merge_input {
    const char *name;
    const void *data;
    size_t len;
} odfgate_merge_input;

/* What was merged.  items: JSONL documents, SARIF results, JUnit testsuites.  failed: JSONL
 * documents whose status is "fail" or "error", SARIF results at level error plus error
 * notifications, JUnit testsuites with a failure or an error. */
typedef struct odfgate_merge_summary {
    odfgate_merge_format format;
    size_t inputs, items, failed;
} odfgate_merge_summary;

/* Merge n reports into *out (malloc'd, NUL-terminated, *out_len bytes; the caller frees).
 * lim (NULL: defaults): max_file_size caps each input, max_depth the JSON nesting (JUnit XML
 * is parsed with libxml2's own nesting limit).
 * On failure nothing is returned and err names the input and the reason (ODFGATE_E_JSON,
 * ODFGATE_E_XML, ODFGATE_E_LIMIT, ODFGATE_E_USAGE for inputs that cannot be merged). */
ODFGATE_API odfgate_status odfgate_merge_reports(const odfgate_merge_input *inputs, size_t n,
                                                 odfgate_merge_format format,
                                                 const odfgate_limits *lim, char **out,
                                                 size_t *out_len, odfgate_merge_summary *sum,
                                                 odfgate_error *err);
/* The same for files ("-" is standard input), each read up to lim->max_file_size. */
ODFGATE_API odfgate_status odfgate_merge_files(const char *const *paths, size_t n,
                                               odfgate_merge_format format,
                                               const odfgate_limits *lim, char **out,
                                               size_t *out_len, odfgate_merge_summary *sum,
                                               odfgate_error *err);

/* ---------------------------------------------------------------- fetching (http, https) */

/* Reference material over HTTP (docs/http.md): remote schemas, signatory registries, standard
 * clauses, and link checks, with a cache revalidated by conditional requests.  A fetcher holds
 * the options and the cache; one thread at a time. */
typedef struct odfgate_fetcher odfgate_fetcher;

typedef struct odfgate_fetch_options {
    const char *cache_dir; /* NULL: $XDG_CACHE_HOME/odfgate, else ~/.cache/odfgate (if
                              neither is set, fetching and cache calls fail: ODFGATE_E_USAGE) */
    long max_age;          /* seconds a cached resource is used without asking the server */
    long link_max_age;     /* same for link-check results (shorter) */
    int refresh;           /* always revalidate (a 304 still reuses the cached copy) */
    int offline;           /* never use the network: cache only */
    const char *cacert;    /* CA bundle file used for TLS verification, NULL: system */
    int no_proxy;          /* ignore http_proxy/https_proxy from the environment */
    int allow_private;     /* let untrusted URLs reach loopback/private/link-local addresses */
    uint64_t max_size;     /* bytes of one body */
    long connect_timeout_ms, timeout_ms;     /* connection; whole transfer */
    long low_speed_bytes, low_speed_seconds; /* abort below bytes/s for that long */
    long max_redirects;
    int link_connections;      /* link check: connections at once */
    int link_host_connections; /* link check: connections at once per host */
    int link_retries;          /* link check: retries on 429, 5xx and failed connections */
    long link_max_retry_wait;  /* link check: longest Retry-After honoured, seconds */
} odfgate_fetch_options;

/* Defaults (docs/limits.md). */
ODFGATE_API void odfgate_fetch_options_init(odfgate_fetch_options *opt);
/* A fetcher from opt (NULL: defaults; the strings are copied).  Free with odfgate_fetcher_free. */
ODFGATE_API odfgate_status odfgate_fetcher_new(const odfgate_fetch_options *opt,
                                               odfgate_fetcher **out, odfgate_error *err);
ODFGATE_API void odfgate_fetcher_free(odfgate_fetcher *f);

/* How odfgate_fetch got the body. */
typedef enum odfgate_fetch_source {
    ODFGATE_FETCH_NETWORK = 0, /* downloaded (200) */
    ODFGATE_FETCH_REVALIDATED, /* the server answered 304: the cached copy is current */
    ODFGATE_FETCH_CACHED       /* from the cache without asking (fresh, pinned or offline) */
} odfgate_fetch_source;

/* Get an http(s) URL through the cache.  sha256 (64 hex digits, may be NULL) pins the body:
 * a mismatch fails (ODFGATE_E_FETCH) and the cache is not updated.  `untrusted` (a URL found in
 * a document or in fetched material) refuses private, loopback and link-local addresses unless
 * allow_private.  On OK *data (malloc, NUL-terminated, caller frees) and *len; *source may be
 * NULL. */
ODFGATE_API odfgate_status odfgate_fetch(odfgate_fetcher *f, const char *url, const char *sha256,
                                         int untrusted, char **data, size_t *len,
                                         odfgate_fetch_source *source, odfgate_error *err);

/* 1 if s is an http:// or https:// URL (scheme case-insensitive), else 0. */
ODFGATE_API int odfgate_is_url(const char *s);

/* Load a schema from a path or an http(s) URL.  `extends`, the signatory registry and standard
 * clauses it names are fetched through f (relative references resolved against the schema's
 * URL or directory); f may be NULL when no reference is remote.  sha256 (may be NULL) pins the
 * schema's own bytes.  Pin mismatches and fetch failures fail the load. */
ODFGATE_API odfgate_status odfgate_schema_load(odfgate_fetcher *f, const char *path_or_url,
                                               const char *sha256, odfgate_schema **out,
                                               odfgate_error *err);

/* Check every http(s) hyperlink of doc (fragments are not checked) and APPEND link-broken /
 * link-unreachable findings to res, which must come from odfgate_check(doc, schema) with the
 * schema still alive; the result's order (paragraph, then rule) is kept. */
ODFGATE_API odfgate_status odfgate_check_links(odfgate_fetcher *f, const odfgate_doc *doc,
                                               odfgate_result *res, odfgate_error *err);
/* http(s) hyperlinks collected by the reader: count, and the i-th URL and paragraph ordinal. */
ODFGATE_API size_t odfgate_doc_link_count(const odfgate_doc *doc);
ODFGATE_API const char *odfgate_doc_link(const odfgate_doc *doc, size_t i, uint32_t *paragraph);

/* One cache entry (odfgate_cache_list). Strings valid during the callback only. */
typedef struct odfgate_cache_entry {
    const char *url;
    const char *kind;                 /* "resource" or "link" */
    long status;                      /* HTTP status of the last answer */
    const char *etag, *last_modified; /* validators, NULL if none */
    int64_t fetched, checked;         /* unix times: body fetched; last confirmed current */
    uint64_t size;                    /* body bytes */
    const char *sha256;               /* of the body */
} odfgate_cache_entry;

/* Call fn for each entry of the cache (unordered); fn returns non-zero to stop. */
ODFGATE_API odfgate_status odfgate_cache_list(odfgate_fetcher *f,
                                              int (*fn)(const odfgate_cache_entry *e, void *ctx),
                                              void *ctx, odfgate_error *err);
/* Remove every entry; *removed (may be NULL) gets the number removed. */
ODFGATE_API odfgate_status odfgate_cache_clear(odfgate_fetcher *f, size_t *removed,
                                               odfgate_error *err);
/* The cache directory in use (owned by f), NULL if none could be determined. */
ODFGATE_API const char *odfgate_cache_dir(const odfgate_fetcher *f);

/* ---------------------------------------------------------------- gating a document */

/* The one policy both front ends (the odfgate command and the LibreOffice filter) apply to a
 * document, so that they always agree (filter/pipeline.c). */

/* The schema that gates a document: the front end's own choice (--schema, the filter's
 * option) over the configuration's (cfg may be NULL); NULL: the built-in schema. */
ODFGATE_API const char *odfgate_schema_choice(const char *option, const odfgate_config *cfg);
/* The failure level: the front end's (an odfgate_severity, ODFGATE_SEV_OFF = never; any
 * other value, e.g. -1: not given) over the configuration's, else ODFGATE_SEV_ERROR. */
ODFGATE_API odfgate_severity odfgate_fail_on_choice(int option, const odfgate_config *cfg);

typedef struct odfgate_gate {
    const odfgate_schema *schema;     /* checked against (required; findings borrow from it) */
    const odfgate_config *cfg;        /* rule settings of .odfgate.ini; NULL: none */
    odfgate_severity fail_on;         /* odfgate_fail_on_choice */
    const odfgate_limits *limits;     /* NULL: the defaults */
    odfgate_fetcher *links;           /* non-NULL: check the document's hyperlinks with it */
    const odfgate_baseline *baseline; /* NULL: none */
} odfgate_gate;

/* Trust anchors for a loaded schema: `option` (--trust; NULL: not given) if given, else the
 * configuration's `trust` key; each added with odfgate_schema_add_trust.  OK when there is
 * nothing to add. */
ODFGATE_API odfgate_status odfgate_schema_trust_choice(odfgate_schema *schema,
                                                       const char *const *option, size_t n,
                                                       const odfgate_config *cfg,
                                                       odfgate_error *err);

/* Open the document at path and gate it: check against g->schema, check its links (if
 * g->links), apply its waivers and g->cfg (odfgate_result_apply), set the failure level, then
 * the baseline.  On ODFGATE_OK the caller owns *doc and *res (free both); otherwise both
 * are NULL and err says which step failed. */
ODFGATE_API odfgate_status odfgate_gate_document(const char *path, const odfgate_gate *g,
                                                 odfgate_doc **doc, odfgate_result **res,
                                                 odfgate_error *err);
/* 1 if res fails: a finding not suppressed at or above its failure level
 * (odfgate_result_set_fail_on; ODFGATE_SEV_ERROR when not set, never when OFF), else 0. */
ODFGATE_API int odfgate_result_fails(const odfgate_result *res);

#ifdef __cplusplus
}
#endif
#endif /* ODFGATE_H */
