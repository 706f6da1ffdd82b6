/* cmd-signoffs.c — odfgate signoffs: the table of sign-offs of a document and their state. */
#include "cli.h"

#include "args.h"
#include "docsetup.h"
#include "fetchopts.h"
#include "walk.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const cli_option options[] = {
    {"schema", 's', "FILE",
     "schema naming the signatories (default: the one .odfgate.ini\nnames, else the built-in one)"},
    CLI_NO_CONFIG_OPTION,
    {"format", 'f', "FORMAT", "text (default) or json"},
    {"canonical", CLI_LONG('c'), NULL,
     "print the canonical text the digests are computed over\n(docs/signoff.md) instead"},
    {NULL, 0, NULL, NULL},
};

static const cli_command command = {
    "signoffs",
    "Usage: odfgate signoffs [--schema FILE] [--no-config] [--format text|json] [--canonical] "
    "PATH...\n"
    "List the sign-offs recorded in documents (files, or folders walked as by check; json:\n"
    "one object per line): signatory, decision, by, role, when, and state\n"
    "(valid; stale, with the changed sections; unknown signatory; malformed), then the\n"
    "signatories of the schema who have not signed, then the document's ODF digital\n"
    "signatures: valid, invalid, partial or untrusted, the sign-off each carries, the signer's\n"
    "certificate (docs/signatures.md); and where each signatory stands (as odfgate status).\n",
    options, &cli_http_options,
    "Exit: 0 every signatory signed, every sign-off is valid and every signature verifies over\n"
    "every stream, 1 otherwise, 2 usage, 3 unreadable.\n"};

static void put_safe(const char *s) { odfgate_fput_safe(s, stdout); }

/* A table cell from the document (escaped: no control or bidi character reaches the terminal). */
static const char *cell(const char *s, char *buf, size_t n)
{
    if (!s)
        return "-";
    odfgate_escape(s, buf, n);
    return buf;
}

static int signed_by(const odfgate_signoffs *so, const char *id)
{
    for (size_t i = 0; i < odfgate_signoffs_count(so); i++) {
        const odfgate_signoff *r = odfgate_signoffs_at(so, i);
        if (strcmp(r->signatory, id) == 0 && r->state != ODFGATE_SIGNOFF_MALFORMED)
            return 1;
    }
    return 0;
}

/* ,"key":"value" (the comma left out before the first member of an object: lead "{") */
static void member(const char *lead, const char *key, const char *value)
{
    printf("%s\"%s\":", lead, key);
    odfgate_json_string(stdout, value);
}

/* A signature in one word: invalid, partial (valid but not over every stream), untrusted
 * (valid and complete, certificate not trusted), or valid.  *why gets the trust problem. */
static const char *signature_state(const odfgate_signature *sig, const odfgate_schema *schema,
                                   char *why, size_t n, int *trusted)
{
    *trusted = odfgate_signature_trusted(sig, schema, why, n);
    if (!sig->valid)
        return "invalid";
    if (sig->uncovered_count)
        return "partial";
    return *trusted ? "valid" : "untrusted";
}

/* 1-based number of a signature of doc, 0 if it is none of them. */
static size_t signature_number(const odfgate_doc *doc, const odfgate_signature *sig)
{
    for (size_t i = 0; sig && i < odfgate_doc_signature_count(doc); i++)
        if (odfgate_doc_signature(doc, i) == sig)
            return i + 1;
    return 0;
}

/* The signatory whose sign-off a signature carries, or NULL. */
static const char *signature_signatory(const odfgate_signoffs *so, const odfgate_signature *sig)
{
    for (size_t i = 0; i < odfgate_signoffs_count(so); i++)
        if (odfgate_signoffs_at(so, i)->signature == sig)
            return odfgate_signoffs_at(so, i)->signatory;
    return NULL;
}

static void print_json_signature(const odfgate_doc *doc, size_t i, const odfgate_schema *schema,
                                 const odfgate_signoffs *so)
{
    const odfgate_signature *sig = odfgate_doc_signature(doc, i);
    char why[300];
    int trusted;
    const char *state = signature_state(sig, schema, why, sizeof(why), &trusted);
    printf("%s{\"number\":%zu", i ? "," : "", i + 1);
    member(",", "id", sig->id);
    member(",", "state", state);
    printf(",\"valid\":%s", sig->valid ? "true" : "false");
    member(",", "problem", sig->problem);
    printf(",\"complete\":%s,\"unsigned_streams\":[", sig->uncovered_count ? "false" : "true");
    for (size_t k = 0; k < sig->uncovered_count; k++) {
        printf("%s", k ? "," : "");
        odfgate_json_string(stdout, sig->uncovered[k]);
    }
    printf("],\"trusted\":%s", trusted ? "true" : "false");
    member(",", "trust_problem", trusted ? NULL : why);
    member(",", "signatory", signature_signatory(so, sig));
    member(",", "algorithm", sig->algorithm);
    member(",", "subject", sig->subject);
    member(",", "issuer", sig->issuer);
    member(",", "serial", sig->serial);
    member(",", "sha256", sig->fingerprint);
    member(",", "not_before", sig->not_before);
    member(",", "not_after", sig->not_after);
    member(",", "signing_time", sig->signing_time);
    member(",", "date", sig->date);
    member(",", "signing_certificate",
           sig->cert_digest > 0   ? "match"
           : sig->cert_digest < 0 ? "mismatch"
                                  : "absent");
    member(",", "description", sig->description);
    putchar('}');
}

static void print_json(const char *path, const odfgate_doc *doc, const odfgate_schema *schema,
                       const odfgate_signoffs *so)
{
    member("{", "path", path);
    member(",", "schema", odfgate_schema_id(schema));
    printf(",\"signoffs\":[");
    for (size_t i = 0; i < odfgate_signoffs_count(so); i++) {
        const odfgate_signoff *r = odfgate_signoffs_at(so, i);
        member(i ? ",{" : "{", "signatory", r->signatory);
        member(",", "property", r->property);
        member(",", "decision", r->decision);
        member(",", "by", r->by);
        member(",", "role", r->role);
        member(",", "at", r->at);
        member(",", "state", odfgate_signoff_state_name(r->state));
        printf(",\"changed_sections\":[");
        for (size_t k = 0; k < r->changed_count; k++) {
            printf("%s", k ? "," : "");
            odfgate_json_string(stdout, r->changed[k]);
        }
        printf("],\"changed_outside_sections\":%s,\"future\":%s",
               r->changed_outside ? "true" : "false", r->future ? "true" : "false");
        member(",", "problem", r->problem);
        if (signature_number(doc, r->signature))
            printf(",\"signature\":%zu", signature_number(doc, r->signature));
        else
            printf(",\"signature\":null");
        putchar('}');
    }
    printf("],\"missing\":[");
    for (size_t k = 0, n = 0; k < odfgate_schema_signatory_count(schema); k++)
        if (!signed_by(so, odfgate_schema_signatory_id(schema, k))) {
            printf("%s", n++ ? "," : "");
            odfgate_json_string(stdout, odfgate_schema_signatory_id(schema, k));
        }
    printf("],\"signatories\":[");
    for (size_t k = 0; k < odfgate_schema_signatory_count(schema); k++) {
        const char *id = odfgate_schema_signatory_id(schema, k);
        member(k ? ",{" : "{", "signatory", id);
        member(",", "name", odfgate_schema_signatory_name(schema, k));
        member(",", "state",
               odfgate_signatory_state_name(odfgate_signoffs_signatory(so, schema, id, NULL)));
        putchar('}');
    }
    printf("],\"signatures\":[");
    for (size_t i = 0; i < odfgate_doc_signature_count(doc); i++)
        print_json_signature(doc, i, schema, so);
    printf("]");
    member(",", "signatures_problem", odfgate_doc_signatures_problem(doc));
    printf("}\n");
}

/* The signatures, one line each and the certificate under it. */
static void print_text_signatures(const odfgate_doc *doc, const odfgate_schema *schema,
                                  const odfgate_signoffs *so)
{
    size_t n = odfgate_doc_signature_count(doc);
    if (odfgate_doc_signatures_problem(doc)) {
        printf("\nsignatures cannot be read: ");
        put_safe(odfgate_doc_signatures_problem(doc));
        putchar('\n');
    }
    if (!n)
        return;
    printf("\n%-3s %-10s %-10s %-25s %s\n", "SIG", "STATE", "SIGN-OFF", "WHEN", "SIGNER");
    for (size_t i = 0; i < n; i++) {
        const odfgate_signature *sig = odfgate_doc_signature(doc, i);
        const char *who = signature_signatory(so, sig);
        char c[4][300], why[300];
        int trusted;
        const char *state = signature_state(sig, schema, why, sizeof(why), &trusted);
        printf("%-3zu %-10s %-10.10s %-25.25s ", i + 1, state, cell(who, c[0], sizeof(c[0])),
               cell(sig->signing_time ? sig->signing_time : sig->date, c[1], sizeof(c[1])));
        put_safe(cell(sig->subject, c[2], sizeof(c[2])));
        putchar('\n');
        if (sig->problem) {
            printf("    ");
            put_safe(sig->problem);
            putchar('\n');
        }
        if (sig->uncovered_count) {
            printf("    does not sign:");
            for (size_t k = 0; k < sig->uncovered_count; k++) {
                putchar(' ');
                put_safe(sig->uncovered[k]);
            }
            putchar('\n');
        }
        if (!trusted && sig->valid) {
            printf("    not trusted: ");
            put_safe(why);
            putchar('\n');
        }
        printf("    issuer ");
        put_safe(cell(sig->issuer, c[3], sizeof(c[3])));
        printf(", SHA-256 %s, valid %s to %s\n", sig->fingerprint ? sig->fingerprint : "-",
               sig->not_before ? sig->not_before : "-", sig->not_after ? sig->not_after : "-");
    }
}

static void print_text(const char *path, const odfgate_doc *doc, const odfgate_schema *schema,
                       const odfgate_signoffs *so)
{
    printf("%-10s %-9s %-24s %-24s %-25s %s\n", "SIGNATORY", "DECISION", "BY", "ROLE", "WHEN",
           "STATE");
    for (size_t i = 0; i < odfgate_signoffs_count(so); i++) {
        const odfgate_signoff *r = odfgate_signoffs_at(so, i);
        char c[5][128];
        printf("%-10.10s %-9s %-24.24s %-24.24s %-25.25s ", cell(r->signatory, c[0], sizeof(c[0])),
               cell(r->decision, c[1], sizeof(c[1])), cell(r->by, c[2], sizeof(c[2])),
               cell(r->role, c[3], sizeof(c[3])), cell(r->at, c[4], sizeof(c[4])));
        put_safe(odfgate_signoff_state_name(r->state));
        if (r->state == ODFGATE_SIGNOFF_STALE) {
            printf(" (changed:");
            for (size_t k = 0; k < r->changed_count; k++) {
                putchar(' ');
                put_safe(r->changed[k]);
            }
            printf("%s)", r->changed_outside ? " text outside the sections" : "");
        } else if (r->state == ODFGATE_SIGNOFF_MALFORMED) {
            printf(": ");
            put_safe(r->problem);
        } else if (r->state == ODFGATE_SIGNOFF_UNKNOWN) {
            printf(" signatory");
        }
        if (signature_number(doc, r->signature))
            printf(", in signature %zu", signature_number(doc, r->signature));
        putchar('\n');
    }
    for (size_t k = 0; k < odfgate_schema_signatory_count(schema); k++)
        if (!signed_by(so, odfgate_schema_signatory_id(schema, k)))
            printf("%-10.10s %-9s %-24s %-24s %-25s missing (%s)\n",
                   odfgate_schema_signatory_id(schema, k), "-", "-", "-", "-",
                   odfgate_schema_signatory_name(schema, k)); /* BY is who signed: nobody */
    if (odfgate_schema_signatory_count(schema)) {
        printf("\nstanding:");
        for (size_t k = 0; k < odfgate_schema_signatory_count(schema); k++) {
            const char *id = odfgate_schema_signatory_id(schema, k);
            printf("%s ", k ? "," : "");
            put_safe(id);
            printf(" %s",
                   odfgate_signatory_state_name(odfgate_signoffs_signatory(so, schema, id, NULL)));
        }
        printf(" (%zu approvals, %zu needed)\n", odfgate_signoffs_approvals(so, schema),
               odfgate_schema_quorum(schema));
        for (size_t k = 0; k < odfgate_schema_signatory_count(schema); k++) {
            const char *id = odfgate_schema_signatory_id(schema, k);
            if (odfgate_signoffs_signatory(so, schema, id, NULL) != ODFGATE_SIGNATORY_STALE)
                continue;
            printf("what changed since %s signed off: odfgate diff --since-signoff ", id);
            put_safe(id);
            putchar(' ');
            put_safe(path);
            putchar('\n');
        }
    }
    print_text_signatures(doc, schema, so);
}

/* One document: its table (or JSON object, or canonical text).  Returns its exit code. */
static int one_document(const char *path, const char *schema_path, int use_config,
                        const char *format, int canonical)
{
    cli_doc_setup setup;
    odfgate_doc *doc = NULL;
    odfgate_signoffs *so = NULL;
    odfgate_error err;
    odfgate_status st;
    int rc = OG_EXIT_PASS;
    const odfgate_schema *schema;

    if (cli_doc_setup_for(path, schema_path, use_config, -1, &setup) != 0)
        return OG_EXIT_USAGE;
    schema = setup.schema;
    odfgate_error_clear(&err);
    st = odfgate_doc_open(path, NULL, &doc, &err);
    if (st <= ODFGATE_WARN && canonical) {
        char *text = NULL;
        size_t len = 0;
        if ((st = odfgate_doc_canonical_text(doc, &text, &len, &err)) == ODFGATE_OK)
            fwrite(text, 1, len, stdout);
        free(text);
    } else if (st <= ODFGATE_WARN &&
               (st = odfgate_signoffs_read(doc, schema, &so, &err)) == ODFGATE_OK) {
        if (strcmp(format, "json") == 0)
            print_json(path, doc, schema, so);
        else
            print_text(path, doc, schema, so);
        for (size_t i = 0; i < odfgate_signoffs_count(so); i++)
            if (odfgate_signoffs_at(so, i)->state != ODFGATE_SIGNOFF_VALID)
                rc = OG_EXIT_FINDINGS;
        for (size_t k = 0; k < odfgate_schema_signatory_count(schema); k++)
            if (!signed_by(so, odfgate_schema_signatory_id(schema, k)))
                rc = OG_EXIT_FINDINGS;
        for (size_t i = 0; i < odfgate_doc_signature_count(doc); i++) {
            const odfgate_signature *sig = odfgate_doc_signature(doc, i);
            if (!sig->valid || sig->uncovered_count)
                rc = OG_EXIT_FINDINGS; /* an untrusted signature is reported, not failed */
        }
        if (odfgate_doc_signatures_problem(doc))
            rc = OG_EXIT_FINDINGS;
    }
    if (st > ODFGATE_WARN) {
        fflush(stdout); /* the error after what the documents before it printed */
        cli_error("%s: %s (%s)", path, err.message, odfgate_errcode_name(err.code));
        rc = st == ODFGATE_FATAL ? OG_EXIT_USAGE : OG_EXIT_UNREADABLE;
    }
    odfgate_signoffs_free(so);
    odfgate_doc_free(doc);
    cli_doc_setup_free(&setup);
    return rc;
}

int cmd_signoffs(int argc, char **argv)
{
    const char *schema_path = NULL, *format = "text";
    cli_inputs inputs = {0};
    int c, canonical = 0, use_config = 1, rc = OG_EXIT_PASS;

    while ((c = cli_getopt(&command, argc, argv)) != CLI_END) {
        switch (c) {
        case 's': schema_path = optarg; break;
        case 'f':
            if (!cli_known_format(optarg))
                return cli_usage_error("signoffs", "unknown format '%s'", optarg);
            format = optarg;
            break;
        case CLI_LONG('c'): canonical = 1; break;
        case CLI_OPT_NO_CONFIG: use_config = 0; break;
        case CLI_HELP: return OG_EXIT_PASS;
        default: return OG_EXIT_USAGE;
        }
    }
    if (argc - optind < 1)
        return cli_usage_error("signoffs", "give a FILE (or several, or folders)");
    for (int i = optind; i < argc; i++)
        if (cli_walk(&inputs, argv[i]) < 0) {
            cli_error("out of memory");
            cli_inputs_free(&inputs);
            return OG_EXIT_USAGE;
        }
    if (canonical && inputs.len != 1) {
        cli_inputs_free(&inputs);
        return cli_usage_error("signoffs", "--canonical takes exactly one FILE");
    }
    for (size_t i = 0; i < inputs.len; i++) {
        const cli_input *in = &inputs.items[i];
        int one;
        if (inputs.len > 1 && strcmp(format, "text") == 0) {
            printf("%s==> ", i ? "\n" : "");
            put_safe(in->path);
            printf(" <==\n");
        }
        if (in->missing_errno || in->special) {
            fflush(stdout);
            cli_error("%s: %s", in->path,
                      in->special ? "not a regular file: not read in a folder"
                                  : strerror(in->missing_errno));
            one = OG_EXIT_UNREADABLE;
        } else {
            one = one_document(in->path, schema_path, use_config, format, canonical);
        }
        /* the worst: usage, then unreadable, then findings */
        if (one == OG_EXIT_USAGE || (one == OG_EXIT_UNREADABLE && rc != OG_EXIT_USAGE) ||
            (one == OG_EXIT_FINDINGS && rc == OG_EXIT_PASS))
            rc = one;
        if (one == OG_EXIT_USAGE)
            break;
    }
    cli_inputs_free(&inputs);
    return rc;
}
