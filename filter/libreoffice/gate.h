/*
 * gate.h — the LibreOffice extension's work, in C, over the public libodfgate API only.
 *
 * The UNO glue (uno-*.cxx) turns LibreOffice's calls into files on disk and calls these;
 * everything it decides (options, which schema, refuse or write, what to tell the person) is
 * here, so the C++ stays a thin adapter.  Nothing here prints: messages go into og_lo_outcome
 * and the glue shows them (message box in the GUI, standard error headless).
 */
#ifndef OG_LO_GATE_H
#define OG_LO_GATE_H

#include "odfgate.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Filter options, from the convert string's third field or the FilterOptions property:
 *   OPTION[;OPTION...]   with OPTION one of
 *   warn                 save and report the findings (the default)
 *   comments             import: also put the findings into the text as odfgate comments
 *   strict               refuse to save (nothing is written) when a finding reaches the
 *                        failure level (error, or the configuration's fail-on)
 *   stamp=ID,NAME[,ROLE] record signatory ID's sign-off by NAME (ROLE) while saving
 *   schema=PATH|URL      check against this schema (a path, file: or http(s) URL) instead
 *                        of the configured one
 *   sign-key=PATH, sign-cert=PATH (PEM) or sign-p12=PATH
 *                        with stamp: the sign-off travels in an ODF digital signature made
 *                        with this key (docs/signatures.md; a password from
 *                        $ODFGATE_KEY_PASSWORD in LibreOffice's environment)
 * Names and roles may not contain ',' or ';'.  White space around fields is ignored. */
/* The drafter's own settings, Tools ▸ Options ▸ odfgate ▸ Statement check (LibreOffice's
 * configuration /org.odfgate.Settings/General, read and written by uno-prefs.cxx).  Each is
 * only a default: a filter option and the .odfgate.ini beside the document come first, so
 * Writer and the command line agree on every document that has a configuration. */
typedef struct og_lo_prefs {
    char schema[4096];    /* a path or http(s) URL; "" = the built-in schema */
    int strict_on_save;   /* a save through odfgate refuses a statement that fails */
    int fail_on;          /* odfgate_severity a statement fails at; -1 = not set (error) */
    int signoff_warnings; /* 0: sign-off warnings (signoff-missing, -quorum, -unknown,
                             -future-date) are left out of Writer's checks while drafting */
} og_lo_prefs;

/* The defaults: no schema, not strict, fail-on not set, sign-off warnings shown. */
void og_lo_prefs_default(og_lo_prefs *p);
/* Set p->schema from what a person typed (trimmed; a file: URL decoded; "" = none), then
 * load it: 0, or -1 with the reason in msg and p unchanged. */
int og_lo_prefs_set_schema(og_lo_prefs *p, const char *text, char *msg, size_t msg_size);

typedef struct og_lo_options {
    int strict;   /* 1 strict, 0 warn, -1 neither given: prefs.strict_on_save (og_lo_strict) */
    int comments; /* import: the findings as odfgate comments in the text (option `comments`);
                     by default they go to the Statement check panel only */
    char stamp_id[128], stamp_by[256], stamp_role[256];   /* stamp_id[0] == 0: no stamp */
    char schema[4096];                                    /* "" = none given */
    char sign_key[4096], sign_cert[4096], sign_p12[4096]; /* "" = not signing */
    og_lo_prefs prefs; /* og_lo_parse_options sets the defaults; the glue reads the user's */
} og_lo_options;

/* Strict after the prefs: the option if given, else strict on save. */
int og_lo_strict(const og_lo_options *o);

/* Parse `text` (NULL or "" = defaults).  Returns 0, or -1 with a one-line reason in msg. */
int og_lo_parse_options(const char *text, og_lo_options *o, char *msg, size_t msg_size);

/* The schema: o->schema (path or URL) if given, else the schema of the configuration
 * (.odfgate.ini) found beside doc_path (the document's own file, NULL if unsaved), else
 * o->prefs.schema (Tools ▸ Options), else the built-in default (o NULL: defaults).  *out is freed
 * with odfgate_schema_free; *cfg receives the configuration (NULL if none; free with
 * odfgate_config_free), whose other settings the check uses too.  A bad configuration fails with
 * ODFGATE_E_CONFIG.  `source` receives a short description of where the schema came from. */
odfgate_status og_lo_schema(const og_lo_options *o, const char *doc_path, odfgate_schema **out,
                            odfgate_config **cfg, char *source, size_t source_size,
                            odfgate_error *err);

/* The signatories of the schema a check would use (option, configuration, built-in), for
 * the dialogs: ids[i] and names[i].  Returns 0, or -1 with the reason in msg.  Release with
 * og_lo_signatories_free. */
typedef struct og_lo_signatories {
    char **ids, **names;
    size_t count;
} og_lo_signatories;
int og_lo_signatories_of(const og_lo_options *o, const char *doc_path, og_lo_signatories *out,
                         char *msg, size_t msg_size);
void og_lo_signatories_free(og_lo_signatories *s);

/* Filter options text (gate.h's syntax) from the filter options dialog's choices: NULL or ""
 * fields are left out.  NULL with the reason in msg when a choice cannot be written so that
 * og_lo_parse_options reads it back (a ',' or ';' in a name, a schema that is no path or
 * http(s) URL). */
char *og_lo_format_options(int strict, const char *schema, const char *stamp_id,
                           const char *stamp_by, const char *stamp_role, char *msg,
                           size_t msg_size);

/* What happened, for a person.  Owned by the caller; release with og_lo_outcome_free. */
typedef struct og_lo_outcome {
    int refused;                    /* export: nothing must be written */
    size_t errors, warnings, infos; /* findings that count (not waived nor in a baseline) */
    odfgate_severity fail_on;       /* the configuration's, else the prefs', else error */
    int fails;                      /* a counted finding at or above fail_on */
    char **lines;                   /* one line per finding: "error: [section] message (rule)", and
                                       " [waived: REASON]" / " [baseline]" for a suppressed one */
    char **comments;                /* the same finding as comment text, as odfgate annotate
                                       writes it: "error: message (rule)" */
    char **para_text;               /* text of the finding's paragraph, NULL if document-level */
    odfgate_severity *severity;     /* the finding's severity */
    char **section;                 /* its schema section id, NULL if none */
    char **rule;                    /* its rule id */
    char **text;                    /* its message alone */
    char **target;                  /* the text to select in its paragraph (the placeholder, the
                                       heading), NULL: the paragraph itself */
    int *suppressed;                /* waived or in a baseline: reported, does not count */
    size_t count;
    /* The schema's signatories, one line each, in schema order: "Name (id): state" and, when
     * there is a record, " — by, role, date"; a stale one lists the sections changed since. */
    char **signatories;
    odfgate_signatory_state *signatory_state;
    size_t signatory_count;
    char *message; /* summary for a message box / the log, several lines; never NULL
                      after a call that returned (may be "") */
} og_lo_outcome;

void og_lo_outcome_free(og_lo_outcome *out);

/* Export, on a writer8 copy at `path` (rewritten in place): strip odfgate comments, check,
 * then by options refuse (strict with errors: out->refused), or stamp a sign-off.  doc_path is
 * the document's own file (for the configuration; NULL if unknown).  Returns OK when the file
 * at path is to be written out, FAILED when refused or broken (out->message says why and what
 * to do). */
odfgate_status og_lo_export(const char *path, const char *doc_path, const og_lo_options *o,
                            og_lo_outcome *out);

/* Import: check the document at in_path, write a copy with the findings as odfgate comments
 * to annotated_path and its flat ODF to flat_path.  FAILED: out->message says why. */
odfgate_status og_lo_import(const char *in_path, const char *annotated_path, const char *flat_path,
                            const char *doc_path, const og_lo_options *o, og_lo_outcome *out);

/* The sign-off record of signatory `id` for the document at `path` (a writer8 copy of the
 * open document, stamped in place), as `odfgate signoff` writes it: *name receives the
 * user-defined property's name ("odfgate.signoff.ID") and *value its record (both malloc'd).
 * The schema as og_lo_schema; decision "approved" or "rejected" (NULL: approved); role may be
 * NULL.  Returns 0, or -1 with the reason in out->message (an unknown signatory names the
 * schema's; unresolved tracked changes say to accept or reject them first). */
int og_lo_signoff_record(const char *path, const char *doc_path, const og_lo_options *o,
                         const char *id, const char *by, const char *role, const char *decision,
                         char **name, char **value, og_lo_outcome *out);

/* Signing a sign-off with a certificate from LibreOffice's store.  LibreOffice signs (7.4's
 * XDocumentDigitalSignatures::signSignatureLine with no signature line: the record is the
 * signature's description, where odfgate signoff --sign puts it); these keep it sound. */

/* LibreOffice's headless signing writes a documentsignatures.xml holding only its new
 * signature (`fresh`; 7.4 does not read the earlier ones first, unlike its dialog).  Returns
 * `old` (NULL or "": none) with fresh's signatures inserted before its closing tag, the earlier
 * ones byte for byte; or NULL with the reason in msg.  malloc'd. */
char *og_lo_keep_signatures(const char *old, const char *fresh, char *msg, size_t msg_size);

/* Replace the file at doc_path (atomically) with the package at signed_path — signed from the
 * copy at signed_from, which doc_path must still equal byte for byte (a save made elsewhere
 * meanwhile is never overwritten: refused, nothing written) — once odfgate
 * finds in it every signature doc_path had, as valid as it was, and one more: valid, signing
 * every stream, its signed description `record`.  (The glue has LibreOffice verify it first
 * too: both judges agree before the file changes.)  0, or -1 with the reason in msg (doc_path
 * untouched). */
int og_lo_signed_install(const char *signed_path, const char *signed_from, const char *doc_path,
                         const char *record, char *msg, size_t msg_size);

/* Check only (the Tools menu command). */
odfgate_status og_lo_check(const char *path, const char *doc_path, const og_lo_options *o,
                           og_lo_outcome *out);

/* Where finding i goes among the document's top-level paragraphs (texts in order, as the
 * editor has them): the first paragraph at or after `from` whose text, white space
 * collapsed, equals the finding's paragraph.  Document-level findings go to paragraph 0;
 * a finding whose paragraph is not found (e.g. inside a table) goes to `from`, so
 * comments stay in document order.  Returns the index. */
size_t og_lo_place(const og_lo_outcome *out, size_t i, const char *const *paras, size_t npara,
                   size_t from);
/* Equal after collapsing runs of white space and trimming both ends. */
int og_lo_same_text(const char *a, const char *b);
/* The same for a paragraph text `want` (NULL: paragraph 0). */
size_t og_lo_place_text(const char *want, const char *const *paras, size_t npara, size_t from);

/* A private temporary directory (mode 0700) under $TMPDIR or /tmp; 0 or -1 (errno). */
int og_lo_tempdir(char *dir, size_t size);
/* Remove the files in it and the directory (not recursive beyond one level). */
void og_lo_tempdir_remove(const char *dir);

#ifdef __cplusplus
}
#endif
#endif
