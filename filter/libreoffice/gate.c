/*
 * gate.c — what the LibreOffice extension does, over the public libodfgate API (gate.h).
 */
#include "config.h"

#include "libreoffice/gate.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/banned.h"

/* ------------------------------------------------------------------ small strings */

static char *dup_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static char *dup_printf(const char *fmt, ...)
{
    va_list ap;
    int n;
    char *s;
    va_start(ap, fmt);
    n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0 || !(s = malloc((size_t)n + 1)))
        return NULL;
    va_start(ap, fmt);
    vsnprintf(s, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return s;
}

/* Copy [b, e) into dst (size n) without surrounding white space; -1 if it does not fit. */
static int copy_trimmed(char *dst, size_t n, const char *b, const char *e)
{
    while (b < e && isspace((unsigned char)*b))
        b++;
    while (e > b && isspace((unsigned char)e[-1]))
        e--;
    if ((size_t)(e - b) >= n)
        return -1;
    memcpy(dst, b, (size_t)(e - b));
    dst[e - b] = '\0';
    return 0;
}

/* ------------------------------------------------------------------ options */

static int parse_stamp(const char *b, const char *e, og_lo_options *o, char *msg, size_t n)
{
    const char *c1 = memchr(b, ',', (size_t)(e - b));
    const char *c2 = c1 ? memchr(c1 + 1, ',', (size_t)(e - c1 - 1)) : NULL;
    if (!c1 || copy_trimmed(o->stamp_id, sizeof(o->stamp_id), b, c1) < 0 ||
        copy_trimmed(o->stamp_by, sizeof(o->stamp_by), c1 + 1, c2 ? c2 : e) < 0 ||
        (c2 && copy_trimmed(o->stamp_role, sizeof(o->stamp_role), c2 + 1, e) < 0) ||
        !o->stamp_id[0] || !o->stamp_by[0]) {
        snprintf(msg, n,
                 "filter option stamp takes stamp=SIGNATORY-ID,NAME[,ROLE], e.g. "
                 "stamp=dh,Jane Smith,Director");
        return -1;
    }
    return 0;
}

/* A path option's value: a plain path as it is, a file: URL decoded (%XX), an http(s) URL
 * only where `url_ok`.  0, or -1 with msg. */
static int parse_path(const char *b, const char *e, int url_ok, const char *name, char *dst,
                      size_t dst_size, char *msg, size_t n)
{
    char raw[4096];
    const char *s = raw;
    size_t k = 0;
    int is_url;
    if (copy_trimmed(raw, sizeof(raw), b, e) < 0 || !raw[0]) {
        snprintf(msg, n, "filter option %s takes %s=PATH (or a file: URL)", name, name);
        return -1;
    }
    if (strncmp(s, "file://", 7) == 0)
        s += 7;
    else if (strncmp(s, "file:", 5) == 0)
        s += 5;
    else if (url_ok && odfgate_is_url(s)) {
        snprintf(dst, dst_size, "%s", s);
        return 0;
    } else if (strstr(s, "://")) {
        snprintf(msg, n, "filter option %s: a path, a file: URL%s, not \"%.200s\"", name,
                 url_ok ? " or an http(s) URL" : "", raw);
        return -1;
    }
    is_url = s != raw; /* only a file: URL is %-encoded; a plain path is taken as it is */
    for (; *s && k + 1 < dst_size; s++) {
        unsigned v2;
        if (is_url && s[0] == '%' && isxdigit((unsigned char)s[1]) &&
            isxdigit((unsigned char)s[2]) && sscanf(s + 1, "%2x", &v2) == 1) {
            if (v2 == 0) {
                snprintf(msg, n, "filter option %s: %%00 in a file: URL", name);
                return -1;
            }
            dst[k++] = (char)v2;
            s += 2;
        } else
            dst[k++] = *s;
    }
    dst[k] = '\0';
    return 0;
}

void og_lo_prefs_default(og_lo_prefs *p)
{
    memset(p, 0, sizeof(*p));
    p->fail_on = -1;
    p->signoff_warnings = 1;
}

int og_lo_strict(const og_lo_options *o)
{
    return o->strict >= 0 ? o->strict : o->prefs.strict_on_save;
}

int og_lo_parse_options(const char *text, og_lo_options *o, char *msg, size_t n)
{
    memset(o, 0, sizeof(*o));
    o->strict = -1;
    og_lo_prefs_default(&o->prefs);
    msg[0] = '\0';
    for (const char *p = text ? text : ""; *p;) {
        const char *end = strchr(p, ';'), *eq;
        char key[32];
        if (!end)
            end = p + strlen(p);
        eq = memchr(p, '=', (size_t)(end - p));
        if (copy_trimmed(key, sizeof(key), p, eq ? eq : end) < 0) {
            snprintf(msg, n, "unknown filter option \"%.40s\"", p);
            return -1;
        }
        if (!key[0] && !eq) {
            /* empty option (e.g. a trailing ';'): ignored */
        } else if (!eq && strcmp(key, "warn") == 0) {
            o->strict = 0;
        } else if (!eq && strcmp(key, "strict") == 0) {
            o->strict = 1;
        } else if (!eq && strcmp(key, "comments") == 0) {
            o->comments = 1;
        } else if (eq && strcmp(key, "stamp") == 0) {
            if (parse_stamp(eq + 1, end, o, msg, n) < 0)
                return -1;
        } else if (eq && strcmp(key, "schema") == 0) {
            if (parse_path(eq + 1, end, 1, "schema", o->schema, sizeof(o->schema), msg, n) < 0)
                return -1;
        } else if (eq && strcmp(key, "sign-key") == 0) {
            if (parse_path(eq + 1, end, 0, "sign-key", o->sign_key, sizeof(o->sign_key), msg, n) <
                0)
                return -1;
        } else if (eq && strcmp(key, "sign-cert") == 0) {
            if (parse_path(eq + 1, end, 0, "sign-cert", o->sign_cert, sizeof(o->sign_cert), msg,
                           n) < 0)
                return -1;
        } else if (eq && strcmp(key, "sign-p12") == 0) {
            if (parse_path(eq + 1, end, 0, "sign-p12", o->sign_p12, sizeof(o->sign_p12), msg, n) <
                0)
                return -1;
        } else {
            snprintf(msg, n,
                     "unknown filter option \"%.*s\" (known: warn, strict, comments, "
                     "stamp=ID,NAME[,ROLE], schema=PATH, sign-key=PATH, sign-cert=PATH, "
                     "sign-p12=PATH)",
                     (int)(end - p > 60 ? 60 : end - p), p);
            return -1;
        }
        p = *end ? end + 1 : end;
    }
    if ((o->sign_key[0] || o->sign_cert[0] || o->sign_p12[0]) &&
        (!o->stamp_id[0] || (o->sign_p12[0] ? o->sign_key[0] || o->sign_cert[0]
                                            : !o->sign_key[0] || !o->sign_cert[0]))) {
        snprintf(msg, n, "filter options sign-key and sign-cert (or sign-p12) go with stamp=");
        return -1;
    }
    return 0;
}

/* ------------------------------------------------------------------ schema */

/* A schema file or http(s) URL; remote schemas and remote references (extends, registry,
 * clauses) go through a fetcher with the default options and cache (docs/http.md). */
static odfgate_status load_schema(const char *path_or_url, odfgate_schema **out, odfgate_error *err)
{
    odfgate_fetcher *f = NULL;
    odfgate_status st;
    if (odfgate_fetcher_new(NULL, &f, NULL) > ODFGATE_WARN)
        f = NULL; /* then only local schemas load, with the library's own message otherwise */
    st = odfgate_schema_load(f, path_or_url, NULL, out, err);
    odfgate_fetcher_free(f);
    return st;
}

odfgate_status og_lo_schema(const og_lo_options *o, const char *doc_path, odfgate_schema **out,
                            odfgate_config **cfg, char *source, size_t source_size,
                            odfgate_error *err)
{
    const char *option = o && o->schema[0] ? o->schema : NULL, *chosen;
    odfgate_status st;
    *cfg = NULL;
    /* the configuration beside the document: its schema, and its other settings */
    if (doc_path && doc_path[0] && (st = odfgate_config_for(doc_path, cfg, err)) > ODFGATE_WARN)
        return st;
    if ((chosen = odfgate_schema_choice(option, *cfg))) {
        snprintf(source, source_size, "schema %s (%s)", chosen,
                 chosen == option ? "filter option" : ".odfgate.ini");
        st = load_schema(chosen, out, err);
    } else if (o && o->prefs.schema[0]) {
        snprintf(source, source_size, "schema %s (Tools > Options)", o->prefs.schema);
        st = load_schema(o->prefs.schema, out, err);
    } else {
        snprintf(source, source_size, "the built-in schema");
        st = odfgate_schema_load_builtin(out, err);
    }
    /* signatures are trusted as the command line trusts them: the configuration's `trust` */
    if (st <= ODFGATE_WARN &&
        (st = odfgate_schema_trust_choice(*out, NULL, 0, *cfg, err)) > ODFGATE_WARN) {
        odfgate_schema_free(*out);
        *out = NULL;
    }
    return st;
}

int og_lo_prefs_set_schema(og_lo_prefs *p, const char *text, char *msg, size_t msg_size)
{
    og_lo_options o;
    odfgate_schema *schema = NULL;
    odfgate_config *cfg = NULL;
    odfgate_error err;
    char src[4200];
    const char *t = text ? text : "";
    while (isspace((unsigned char)*t))
        t++;
    msg[0] = '\0';
    og_lo_parse_options(NULL, &o, msg, msg_size);
    if (*t && parse_path(t, t + strlen(t), 1, "schema", o.prefs.schema, sizeof(o.prefs.schema), msg,
                         msg_size) < 0)
        return -1;
    if (o.prefs.schema[0]) { /* refused now rather than on every check */
        odfgate_error_clear(&err);
        odfgate_status st = og_lo_schema(&o, NULL, &schema, &cfg, src, sizeof(src), &err);
        odfgate_schema_free(schema);
        odfgate_config_free(cfg);
        if (st > ODFGATE_WARN) {
            snprintf(msg, msg_size, "Cannot load the schema %s: %s", err.path[0] ? err.path : t,
                     err.message);
            return -1;
        }
    }
    memcpy(p->schema, o.prefs.schema, sizeof(p->schema));
    return 0;
}

int og_lo_signatories_of(const og_lo_options *o, const char *doc_path, og_lo_signatories *out,
                         char *msg, size_t msg_size)
{
    odfgate_schema *schema = NULL;
    odfgate_config *cfg = NULL;
    odfgate_error err;
    char src[4200];
    memset(out, 0, sizeof(*out));
    odfgate_error_clear(&err);
    if (og_lo_schema(o, doc_path, &schema, &cfg, src, sizeof(src), &err) > ODFGATE_WARN) {
        snprintf(msg, msg_size, "Cannot load the schema %s: %s", err.path, err.message);
        odfgate_config_free(cfg);
        return -1;
    }
    odfgate_config_free(cfg);
    size_t n = odfgate_schema_signatory_count(schema);
    out->ids = calloc(n + 1, sizeof(char *));
    out->names = calloc(n + 1, sizeof(char *));
    for (size_t i = 0; out->ids && out->names && i < n; i++) {
        const char *name = odfgate_schema_signatory_name(schema, i);
        out->ids[i] = dup_printf("%s", odfgate_schema_signatory_id(schema, i));
        out->names[i] = dup_printf("%s", name ? name : "");
        out->count = i + 1;
        if (!out->ids[i] || !out->names[i])
            break;
    }
    odfgate_schema_free(schema);
    if (!out->ids || !out->names || out->count != n) {
        og_lo_signatories_free(out);
        snprintf(msg, msg_size, "out of memory");
        return -1;
    }
    return 0;
}

void og_lo_signatories_free(og_lo_signatories *s)
{
    for (size_t i = 0; i < s->count; i++) {
        free(s->ids[i]);
        free(s->names[i]);
    }
    free(s->ids);
    free(s->names);
    memset(s, 0, sizeof(*s));
}

char *og_lo_format_options(int strict, const char *schema, const char *stamp_id,
                           const char *stamp_by, const char *stamp_role, char *msg, size_t msg_size)
{
    int stamp = stamp_id && stamp_id[0] && stamp_by && stamp_by[0];
    int role = stamp && stamp_role && stamp_role[0];
    int with_schema = schema && schema[0];
    og_lo_options check;
    /* the separators cannot be quoted in the option text: said, not split into other fields */
    if ((stamp && strpbrk(stamp_by, ",;")) || (role && strpbrk(stamp_role, ",;"))) {
        snprintf(msg, msg_size, "a name or role may not contain ',' or ';'");
        return NULL;
    }
    if (with_schema && strchr(schema, ';')) {
        snprintf(msg, msg_size, "a schema path or URL may not contain ';'");
        return NULL;
    }
    char *text = dup_printf("%s%s%s%s%s%s%s%s%s%s", strict ? "strict" : "warn",
                            with_schema ? ";schema=" : "", with_schema ? schema : "",
                            stamp ? ";stamp=" : "", stamp ? stamp_id : "", stamp ? "," : "",
                            stamp ? stamp_by : "", role ? "," : "", role ? stamp_role : "", "");
    if (!text) {
        snprintf(msg, msg_size, "out of memory");
        return NULL;
    }
    /* what the filter will read back (a schema that is no path nor http(s) URL, ...) */
    if (og_lo_parse_options(text, &check, msg, msg_size) < 0) {
        free(text);
        return NULL;
    }
    return text;
}

/* ------------------------------------------------------------------ outcomes */

void og_lo_outcome_free(og_lo_outcome *out)
{
    if (!out)
        return;
    for (size_t i = 0; i < out->count; i++) {
        free(out->lines[i]);
        free(out->comments[i]);
        free(out->para_text[i]);
        free(out->section[i]);
        free(out->rule[i]);
        free(out->text[i]);
        free(out->target[i]);
    }
    for (size_t i = 0; i < out->signatory_count; i++)
        free(out->signatories[i]);
    free(out->lines);
    free(out->comments);
    free(out->para_text);
    free(out->severity);
    free(out->section);
    free(out->rule);
    free(out->text);
    free(out->target);
    free(out->suppressed);
    free(out->signatories);
    free(out->signatory_state);
    free(out->message);
    memset(out, 0, sizeof(*out));
}

static void set_message(og_lo_outcome *out, char *msg)
{
    free(out->message);
    out->message = msg ? msg : dup_printf("%s", "out of memory");
}

/* err->path is named only when with_path: the filter's own files are temporary copies whose
 * names mean nothing to the person reading the message. */
static void error_message(og_lo_outcome *out, const char *what, const odfgate_error *err,
                          int with_path)
{
    set_message(out,
                dup_printf("%s%s%s: %s%s%s (%s)", what, with_path && err->path[0] ? " " : "",
                           with_path ? err->path : "", err->message, err->part[0] ? " in " : "",
                           err->part, odfgate_errcode_name(err->code)));
}

/* The text a person is taken to in the finding's paragraph: the placeholder left in it (the
 * message quotes it: placeholder "TBC" is left in the text), the heading of a heading's
 * finding; NULL for the paragraph itself (a missing section: its neighbour's place). */
static char *target_of(const odfgate_finding *f)
{
    if (strcmp(f->rule, "placeholder") == 0) {
        const char *a = strchr(f->message, '"'), *b = a ? strrchr(a + 1, '"') : NULL;
        /* the last quote: a placeholder may itself contain one */
        if (a && b && b > a + 1)
            return dup_printf("%.*s", (int)(b - a - 1), a + 1);
        return NULL;
    }
    if (f->heading && f->heading[0] && strcmp(f->rule, "section-missing") != 0)
        return dup_printf("%s", f->heading);
    return NULL;
}

/* One line per schema signatory: where they stand, who signed and when, what changed. */
static int collect_signatories(og_lo_outcome *out, const odfgate_result *res)
{
    const odfgate_schema *schema = odfgate_result_schema(res);
    const odfgate_signoffs *so = odfgate_result_signoffs(res);
    size_t n = schema ? odfgate_schema_signatory_count(schema) : 0;
    if (!so || !n)
        return 0;
    out->signatories = calloc(n, sizeof(char *));
    out->signatory_state = calloc(n, sizeof(odfgate_signatory_state));
    if (!out->signatories || !out->signatory_state)
        return -1;
    for (size_t i = 0; i < n; i++) {
        const char *id = odfgate_schema_signatory_id(schema, i);
        const char *name = odfgate_schema_signatory_name(schema, i);
        const odfgate_signoff *rec = NULL;
        odfgate_signatory_state state = odfgate_signoffs_signatory(so, schema, id, &rec);
        char changed[512] = "";
        size_t len = 0;
        for (size_t k = 0; rec && k < rec->changed_count && len < sizeof(changed); k++)
            len += (size_t)snprintf(changed + len, sizeof(changed) - len, "%s%s", k ? ", " : "",
                                    rec->changed[k]);
        if (rec && rec->changed_outside && len < sizeof(changed))
            snprintf(changed + len, sizeof(changed) - len, "%stext outside the sections",
                     len ? ", " : "");
        out->signatory_state[i] = state;
        out->signatories[i] = dup_printf(
            "%s (%s): %s%s%s%s%s%s%s%s%s", name && name[0] ? name : id, id,
            odfgate_signatory_state_name(state), rec && rec->by ? " \u2014 " : "",
            rec && rec->by ? rec->by : "", rec && rec->role ? ", " : "",
            rec && rec->role ? rec->role : "", rec && rec->at ? ", " : "",
            rec && rec->at ? rec->at : "", changed[0] ? "; changed since: " : "", changed);
        out->signatory_count = i + 1;
        if (!out->signatories[i])
            return -1;
    }
    return 0;
}

/* A sign-off warning (no sign-off yet, quorum, unknown signatory, future date): noise while
 * drafting, left out when the drafter's prefs say so. */
static int drafting_noise(const odfgate_finding *f, const og_lo_prefs *p)
{
    return !p->signoff_warnings && f->severity == ODFGATE_SEV_WARNING &&
           strncmp(f->rule, "signoff-", 8) == 0;
}

/* Fill lines/comments/para_text from a result (less the findings the prefs leave out) and
 * decide whether it fails. */
static int collect(og_lo_outcome *out, const odfgate_doc *doc, const odfgate_result *res,
                   const og_lo_prefs *prefs)
{
    size_t n = odfgate_result_count(res);
    odfgate_severity worst = ODFGATE_SEV_OFF;
    out->lines = calloc(n + 1, sizeof(char *));
    out->comments = calloc(n + 1, sizeof(char *));
    out->para_text = calloc(n + 1, sizeof(char *));
    out->severity = calloc(n + 1, sizeof(odfgate_severity));
    out->section = calloc(n + 1, sizeof(char *));
    out->rule = calloc(n + 1, sizeof(char *));
    out->text = calloc(n + 1, sizeof(char *));
    out->target = calloc(n + 1, sizeof(char *));
    out->suppressed = calloc(n + 1, sizeof(int));
    if (!out->lines || !out->comments || !out->para_text || !out->severity || !out->section ||
        !out->rule || !out->text || !out->target || !out->suppressed)
        return -1;
    for (size_t i = 0; i < n; i++) {
        const odfgate_finding *f = odfgate_result_finding(res, i);
        const char *pt = f->paragraph ? odfgate_doc_paragraph_text(doc, f->paragraph) : NULL;
        size_t k = out->count;
        if (drafting_noise(f, prefs))
            continue;
        out->lines[k] =
            dup_printf("%s: %s%s%s%s (%s)%s%s%s", odfgate_severity_name(f->severity),
                       f->section ? "[" : "", f->section ? f->section : "", f->section ? "] " : "",
                       f->message, f->rule, f->suppressed ? " [" : "",
                       f->suppressed ? f->suppressed : "", f->suppressed ? "]" : "");
        out->comments[k] = dup_printf("%s: %s (%s)", odfgate_severity_name(f->severity), f->message,
                                      f->rule); /* as annotate writes it */
        out->para_text[k] = pt ? dup_printf("%s", pt) : NULL;
        out->severity[k] = f->severity;
        out->section[k] = f->section ? dup_printf("%s", f->section) : NULL;
        out->rule[k] = dup_printf("%s", f->rule);
        out->text[k] = dup_printf("%s", f->message);
        out->target[k] = target_of(f);
        out->suppressed[k] = f->suppressed != NULL;
        out->count = k + 1;
        if (!out->lines[k] || !out->comments[k] || (pt && !out->para_text[k]) || !out->rule[k] ||
            !out->text[k] || (f->section && !out->section[k]))
            return -1;
        if (f->suppressed)
            continue; /* reported, but does not count */
        out->errors += f->severity == ODFGATE_SEV_ERROR;
        out->warnings += f->severity == ODFGATE_SEV_WARNING;
        out->infos += f->severity == ODFGATE_SEV_INFO;
        if (f->severity > worst)
            worst = f->severity;
    }
    /* as odfgate_result_fails, over the findings kept */
    out->fails = out->fail_on != ODFGATE_SEV_OFF && worst >= out->fail_on;
    return collect_signatories(out, res);
}

/* "N findings (E errors, W warnings) against SCHEMA:\n" + up to 20 lines */
static char *summary(const og_lo_outcome *out, const char *lead, const char *schema_source)
{
    size_t cap = 1024, len = 0;
    char *s = NULL;
    for (int pass = 0; pass < 2; pass++) {
        len = (size_t)snprintf(
            s, s ? cap : 0, "%s%s%zu finding%s (%zu error%s, %zu warning%s) against %s%s", lead,
            lead[0] ? " " : "", out->count, out->count == 1 ? "" : "s", out->errors,
            out->errors == 1 ? "" : "s", out->warnings, out->warnings == 1 ? "" : "s",
            schema_source, out->count ? ":" : ".");
        for (size_t i = 0; i < out->count && i < 20; i++)
            len += (size_t)snprintf(s ? s + len : NULL, s ? cap - len : 0, "\n%s", out->lines[i]);
        if (out->count > 20)
            len += (size_t)snprintf(s ? s + len : NULL, s ? cap - len : 0, "\n… and %zu more",
                                    out->count - 20);
        if (!s) {
            cap = len + 1;
            if (!(s = malloc(cap)))
                return NULL;
        }
    }
    return s;
}

/* Open path, load the schema, check: fills out; returns the doc, the result and the schema the
 * result borrows its section ids from (the caller frees all three: drop_check). */
static odfgate_status open_and_check(const char *path, const char *doc_path, const og_lo_options *o,
                                     odfgate_doc **doc, odfgate_result **res,
                                     odfgate_schema **schema_out, char *src, size_t src_size,
                                     og_lo_outcome *out)
{
    odfgate_schema *schema = NULL;
    odfgate_config *cfg = NULL;
    odfgate_error err;
    odfgate_status st;
    odfgate_error_clear(&err);
    *doc = NULL;
    *res = NULL;
    *schema_out = NULL;
    st = og_lo_schema(o, doc_path, &schema, &cfg, src, src_size, &err);
    if (st > ODFGATE_WARN) {
        if (err.code == ODFGATE_E_CONFIG)
            set_message(out, dup_printf("Cannot use the configuration %s%s%ld: %s (config-error)",
                                        err.path, err.line > 0 ? ":" : "",
                                        err.line > 0 ? err.line : 0L, err.message));
        else
            error_message(out, "Cannot load the schema", &err, 1);
        odfgate_config_free(cfg);
        return ODFGATE_FAILED;
    }
    /* the configuration's fail-on, else the prefs' (the filter has no fail-on option) */
    int configured = cfg ? odfgate_config_fail_on(cfg) : -1;
    out->fail_on = odfgate_fail_on_choice(configured < 0 ? o->prefs.fail_on : -1, cfg);
    odfgate_gate g = {schema, cfg, out->fail_on, NULL, NULL, NULL};
    st = odfgate_gate_document(path, &g, doc, res, &err);
    *schema_out = schema; /* findings point into it */
    odfgate_config_free(cfg);
    if (st > ODFGATE_WARN) {
        error_message(out, "Cannot read the document", &err, 0);
        return ODFGATE_FAILED;
    }
    if (collect(out, *doc, *res, &o->prefs) < 0) {
        set_message(out, NULL);
        return ODFGATE_FATAL;
    }
    return ODFGATE_OK;
}

static void drop_check(odfgate_doc *doc, odfgate_result *res, odfgate_schema *schema)
{
    odfgate_result_free(res);
    odfgate_doc_free(doc);
    odfgate_schema_free(schema);
}

/* ------------------------------------------------------------------ the three front doors */

odfgate_status og_lo_check(const char *path, const char *doc_path, const og_lo_options *o,
                           og_lo_outcome *out)
{
    odfgate_doc *doc;
    odfgate_result *res;
    odfgate_schema *schema;
    char src[4200];
    odfgate_status st =
        open_and_check(path, doc_path, o, &doc, &res, &schema, src, sizeof(src), out);
    if (st == ODFGATE_OK)
        set_message(out, summary(out, "", src));
    drop_check(doc, res, schema);
    return st;
}

odfgate_status og_lo_export(const char *path, const char *doc_path, const og_lo_options *o,
                            og_lo_outcome *out)
{
    odfgate_doc *doc = NULL;
    odfgate_result *res = NULL;
    odfgate_schema *schema = NULL;
    odfgate_error err;
    char src[4200];
    odfgate_status st;

    odfgate_error_clear(&err);
    /* odfgate comments are review notes, never part of the saved statement */
    if ((st = odfgate_doc_open(path, NULL, &doc, &err)) <= ODFGATE_WARN)
        st = odfgate_annotate(path, path, doc, NULL, NULL, 1, NULL, &err);
    odfgate_doc_free(doc);
    if (st > ODFGATE_WARN) {
        error_message(out, "Nothing was saved: odfgate's comments could not be removed", &err, 0);
        return ODFGATE_FAILED;
    }
    if ((st = open_and_check(path, doc_path, o, &doc, &res, &schema, src, sizeof(src), out)) !=
        ODFGATE_OK) {
        drop_check(doc, res, schema);
        return st;
    }
    drop_check(doc, res, NULL); /* the schema stays for the sign-off: the one checked against */
    if (og_lo_strict(o) && out->fails) {
        out->refused = 1;
        set_message(
            out,
            summary(
                out,
                out->fail_on == ODFGATE_SEV_ERROR
                    ? "Not saved (strict): fix the errors first."
                    : "Not saved (strict): fix the findings at the failure level (fail-on) first.",
                src));
        st = ODFGATE_FAILED;
    } else if (o->stamp_id[0]) {
        odfgate_stamp stamp = {o->stamp_id, o->stamp_by, o->stamp_role[0] ? o->stamp_role : NULL,
                               NULL,        NULL,        0};
        odfgate_signing_key key = {
            o->sign_key[0] ? o->sign_key : NULL, o->sign_cert[0] ? o->sign_cert : NULL, NULL,
            o->sign_p12[0] ? o->sign_p12 : NULL, getenv("ODFGATE_KEY_PASSWORD")};
        int signing = key.key || key.cert || key.p12;
        if ((signing ? odfgate_signoff_sign(path, path, schema, &stamp, &key, &err)
                     : odfgate_signoff_stamp(path, path, schema, &stamp, &err)) > ODFGATE_WARN) {
            char what[400];
            snprintf(what, sizeof(what),
                     "Not saved: the sign-off of \"%.100s\" by %.200s "
                     "could not be recorded",
                     o->stamp_id, o->stamp_by);
            out->refused = 1;
            error_message(out, what, &err, 0);
            st = ODFGATE_FAILED;
        } else {
            char lead[600];
            odfgate_schema *again = NULL;
            /* the summary is of the document as saved, with this sign-off (it said "no
             * sign-off from" the signatory just recorded): checked again from scratch */
            og_lo_outcome_free(out);
            if (open_and_check(path, doc_path, o, &doc, &res, &again, src, sizeof(src), out) !=
                ODFGATE_OK)
                doc = NULL, res = NULL;
            drop_check(doc, res, again);
            snprintf(lead, sizeof(lead), "Saved; recorded the sign-off of \"%.100s\" by %.200s%s.",
                     o->stamp_id, o->stamp_by, signing ? " in an ODF digital signature" : "");
            set_message(out, summary(out, lead, src));
            st = ODFGATE_OK;
        }
    } else {
        set_message(out, summary(out, "Saved.", src));
        st = ODFGATE_OK;
    }
    odfgate_schema_free(schema);
    return st;
}

/* Flatten annotated_path into flat_path. */
static odfgate_status write_flat(const char *annotated_path, const char *flat_path,
                                 og_lo_outcome *out)
{
    char *xml = NULL;
    size_t len = 0;
    odfgate_error err;
    odfgate_status st;
    odfgate_error_clear(&err);
    st = odfgate_flatten(annotated_path, NULL, &xml, &len, &err);
    if (st <= ODFGATE_WARN)
        st = odfgate_write_file(flat_path, xml, len, &err);
    free(xml);
    if (st > ODFGATE_WARN)
        error_message(out, "The document could not be prepared for LibreOffice", &err, 0);
    return st > ODFGATE_WARN ? ODFGATE_FAILED : ODFGATE_OK;
}

odfgate_status og_lo_import(const char *in_path, const char *annotated_path, const char *flat_path,
                            const char *doc_path, const og_lo_options *o, og_lo_outcome *out)
{
    odfgate_doc *doc;
    odfgate_result *res;
    odfgate_schema *schema;
    odfgate_error err;
    char src[4200];
    odfgate_status st =
        open_and_check(in_path, doc_path, o, &doc, &res, &schema, src, sizeof(src), out);
    if (st != ODFGATE_OK) {
        drop_check(doc, res, schema);
        return st;
    }
    odfgate_error_clear(&err);
    /* force: an ODF-signed draft opens with its findings (the signatures were the file's).
     * Without the comments option the findings go to the panel only, and odfgate comments an
     * earlier version left in the file are removed all the same (they are stale). */
    st = odfgate_annotate(in_path, annotated_path, doc, o->comments ? res : NULL, NULL, 1, NULL,
                          &err);
    drop_check(doc, res, schema);
    if (st > ODFGATE_WARN) {
        error_message(out, "The findings could not be added as comments", &err, 0);
        return ODFGATE_FAILED;
    }
    if ((st = write_flat(annotated_path, flat_path, out)) != ODFGATE_OK)
        return st;
    set_message(out, summary(out, "", src));
    return ODFGATE_OK;
}

int og_lo_signoff_record(const char *path, const char *doc_path, const og_lo_options *o,
                         const char *id, const char *by, const char *role, const char *decision,
                         char **name, char **value, og_lo_outcome *out)
{
    odfgate_schema *schema = NULL;
    odfgate_config *cfg = NULL;
    odfgate_doc *doc = NULL;
    odfgate_error err;
    char src[4200], field[300];
    int rc = -1;
    *name = *value = NULL;
    odfgate_error_clear(&err);
    if (og_lo_schema(o, doc_path, &schema, &cfg, src, sizeof(src), &err) > ODFGATE_WARN) {
        error_message(out, "Cannot load the schema", &err, 1);
        odfgate_config_free(cfg);
        return -1;
    }
    odfgate_config_free(cfg);
    odfgate_stamp stamp = {id, by, role && role[0] ? role : NULL, decision, NULL, 0};
    if (odfgate_signoff_stamp(path, path, schema, &stamp, &err) > ODFGATE_WARN) {
        error_message(out, "The sign-off could not be recorded", &err, 0);
    } else if (odfgate_doc_open(path, NULL, &doc, &err) > ODFGATE_WARN) {
        error_message(out, "The sign-off could not be read back", &err, 0);
    } else {
        snprintf(field, sizeof(field), "user:odfgate.signoff.%s", id);
        const char *v = odfgate_doc_meta_field(doc, field);
        *name = dup_printf("%s", field + 5);
        *value = v ? dup_printf("%s", v) : NULL;
        if (*name && *value)
            rc = 0;
        else
            set_message(out, dup_printf("%s", "The sign-off could not be read back"));
    }
    if (rc < 0) {
        free(*name);
        free(*value);
        *name = *value = NULL;
    }
    odfgate_doc_free(doc);
    odfgate_schema_free(schema);
    return rc;
}

/* ------------------------------------------------------------------ signing in LibreOffice */

/* The closing tag of the root: "</" + optional prefix + "document-signatures" + ">" at the end
 * (white space after it allowed).  Its offset, or -1. */
static long root_close(const char *s)
{
    size_t n = strlen(s);
    while (n && isspace((unsigned char)s[n - 1]))
        n--;
    static const char name[] = "document-signatures>";
    size_t k = sizeof(name) - 1;
    if (n < k + 2 || memcmp(s + n - k, name, k) != 0)
        return -1;
    const char *p = s + n - k;
    while (p > s && p[-1] != '<' && p[-1] != '/' &&
           (isalnum((unsigned char)p[-1]) || p[-1] == ':' || p[-1] == '-' || p[-1] == '_' ||
            p[-1] == '.'))
        p--;
    if (p - s < 2 || p[-1] != '/' || p[-2] != '<')
        return -1;
    return (long)(p - 2 - s);
}

char *og_lo_keep_signatures(const char *old, const char *fresh, char *msg, size_t msg_size)
{
    long old_end, fresh_end;
    const char *body;
    if ((fresh_end = root_close(fresh)) < 0) {
        snprintf(msg, msg_size, "LibreOffice's signatures are not a document-signatures element");
        return NULL;
    }
    if (!old || !old[0])
        return dup_printf("%s", fresh);
    if ((old_end = root_close(old)) < 0) {
        snprintf(msg, msg_size,
                 "the document's earlier signatures (META-INF/documentsignatures.xml) have no "
                 "closing document-signatures tag");
        return NULL;
    }
    /* fresh's content: after its root's start tag, up to its closing tag */
    body = strstr(fresh, "document-signatures");
    body = body ? strchr(body, '>') : NULL;
    if (!body || body - fresh >= fresh_end) {
        snprintf(msg, msg_size, "LibreOffice's signatures are not a document-signatures element");
        return NULL;
    }
    body++;
    return dup_printf("%.*s%.*s%s", (int)old_end, old, (int)(fresh + fresh_end - body), body,
                      old + old_end);
}

/* The whole file (a package LibreOffice just wrote: bounded by what it wrote).  0 or -1. */
static int read_whole(const char *path, char **data, size_t *len)
{
    FILE *f = fopen(path, "rb");
    struct stat st;
    *data = NULL;
    *len = 0;
    if (!f)
        return -1;
    if (fstat(fileno(f), &st) == 0 && st.st_size >= 0 && (*data = malloc((size_t)st.st_size + 1)))
        *len = fread(*data, 1, (size_t)st.st_size, f);
    int bad = !*data || *len != (size_t)st.st_size || ferror(f);
    fclose(f);
    if (bad) {
        free(*data);
        *data = NULL;
        return -1;
    }
    return 0;
}

/* The files at a and b have the same bytes (1), differ (0), or one cannot be read (-1). */
static int same_bytes(const char *a, const char *b)
{
    char *x = NULL, *y = NULL;
    size_t nx = 0, ny = 0;
    int r = read_whole(a, &x, &nx) < 0 || read_whole(b, &y, &ny) < 0
                ? -1
                : nx == ny && memcmp(x, y, nx) == 0;
    free(x);
    free(y);
    return r;
}

int og_lo_signed_install(const char *signed_path, const char *signed_from, const char *doc_path,
                         const char *record, char *msg, size_t msg_size)
{
    odfgate_doc *before = NULL, *after = NULL;
    odfgate_error err;
    char *data = NULL;
    size_t len = 0, had = 0;
    int rc = -1;
    odfgate_error_clear(&err);
    /* `before` is the copy LibreOffice signed from (what doc_path held when signing began) */
    if (odfgate_doc_open(signed_from, NULL, &before, &err) > ODFGATE_WARN) {
        snprintf(msg, msg_size, "%s: %s", doc_path, err.message);
        goto out;
    }
    if (odfgate_doc_open(signed_path, NULL, &after, &err) > ODFGATE_WARN) {
        snprintf(msg, msg_size, "%s: %s", err.path[0] ? err.path : signed_path, err.message);
        goto out;
    }
    had = odfgate_doc_signature_count(before);
    if (odfgate_doc_signature_count(after) != had + 1) {
        snprintf(msg, msg_size, "LibreOffice's signed package has %zu signatures, not %zu",
                 odfgate_doc_signature_count(after), had + 1);
        goto out;
    }
    for (size_t i = 0; i < had; i++)
        if (odfgate_doc_signature(before, i)->valid && !odfgate_doc_signature(after, i)->valid) {
            snprintf(msg, msg_size, "signature %zu would no longer be valid: %s", i + 1,
                     odfgate_doc_signature(after, i)->problem);
            goto out;
        }
    const odfgate_signature *added = odfgate_doc_signature(after, had);
    if (!added->valid || added->uncovered_count || !added->description ||
        strcmp(added->description, record) != 0) {
        snprintf(msg, msg_size, "LibreOffice's new signature is %s",
                 !added->valid            ? added->problem
                 : added->uncovered_count ? "partial (it does not sign every stream)"
                                          : "without the sign-off record");
        goto out;
    }
    if (read_whole(signed_path, &data, &len) < 0) {
        snprintf(msg, msg_size, "%s: %s", signed_path, strerror(errno ? errno : EIO));
        goto out;
    }
    /* last, just before the rename, so that the window for a save made elsewhere is the
     * comparison's and the write's, not the verification's: the file must still hold what
     * was signed */
    if (same_bytes(signed_from, doc_path) != 1) {
        snprintf(msg, msg_size,
                 "%s changed while it was being signed (saved from elsewhere?): it is left as it "
                 "is; sign off again",
                 doc_path);
        goto out;
    }
    if (odfgate_write_file(doc_path, data, len, &err) > ODFGATE_WARN) { /* atomic */
        snprintf(msg, msg_size, "%s: %s", err.path[0] ? err.path : doc_path, err.message);
        goto out;
    }
    rc = 0;
out:
    free(data);
    odfgate_doc_free(before);
    odfgate_doc_free(after);
    return rc;
}

/* ------------------------------------------------------------------ placing comments */

int og_lo_same_text(const char *a, const char *b)
{
    const char *p = a, *q = b;
    while (isspace((unsigned char)*p))
        p++;
    while (isspace((unsigned char)*q))
        q++;
    while (*p && *q) {
        if (isspace((unsigned char)*p) && isspace((unsigned char)*q)) {
            while (isspace((unsigned char)*p))
                p++;
            while (isspace((unsigned char)*q))
                q++;
            if (!*p || !*q)
                break;
            continue;
        }
        if (*p != *q)
            return 0;
        p++;
        q++;
    }
    while (isspace((unsigned char)*p))
        p++;
    while (isspace((unsigned char)*q))
        q++;
    return !*p && !*q;
}

size_t og_lo_place(const og_lo_outcome *out, size_t i, const char *const *paras, size_t npara,
                   size_t from)
{
    return og_lo_place_text(i < out->count ? out->para_text[i] : NULL, paras, npara, from);
}

size_t og_lo_place_text(const char *want, const char *const *paras, size_t npara, size_t from)
{
    if (!want)
        return 0;
    for (size_t k = from; k < npara; k++)
        if (paras[k] && og_lo_same_text(paras[k], want))
            return k;
    return from < npara ? from : 0;
}

/* ------------------------------------------------------------------ temporary files */

int og_lo_tempdir(char *dir, size_t size)
{
    const char *t = getenv("TMPDIR");
    if (!t || !t[0])
        t = "/tmp";
    if ((size_t)snprintf(dir, size, "%s/odfgate-lo.XXXXXX", t) >= size) {
        errno = ENAMETOOLONG;
        return -1;
    }
    return mkdtemp(dir) ? 0 : -1;
}

void og_lo_tempdir_remove(const char *dir)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    char p[4200];
    if (!d)
        return;
    while ((e = readdir(d)))
        if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..") &&
            (size_t)snprintf(p, sizeof(p), "%s/%s", dir, e->d_name) < sizeof(p))
            unlink(p);
    closedir(d);
    rmdir(dir);
}
