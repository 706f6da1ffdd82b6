/*
 * cmd-diff.c — odfgate diff: what changed between two versions of a statement, section by
 * section (docs/diff.md).  OLD is a file, a git revision of FILE (--since REV), or the version
 * a signatory signed off (--since-signoff ID: the newest committed version whose canonical
 * text has the digest in their record, or --old OTHER checked against it).
 */
#include "cli.h"

#include "args.h"
#include "docsetup.h"
#include "fetchopts.h"
#include "outfile.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const cli_option options[] = {
    {"schema", 's', "FILE",
     "schema whose sections align the versions (default: the one\n.odfgate.ini names, else the "
     "built-in one)"},
    CLI_NO_CONFIG_OPTION,
    {"format", 'f', "FORMAT",
     "text (default), json, or odt (with -o: NEW with the changes\nas "
     "tracked changes)"},
    {"stat", CLI_LONG('t'), NULL,
     "text: only a line per changed section (words inserted and\n"
     "deleted)"},
    {"all", 'a', NULL, "text: list unchanged sections too"},
    {"output", 'o', "FILE", "write to FILE (atomically) instead of standard output"},
    {"force", CLI_LONG('f'), NULL,
     "replace an existing -o FILE; use --old even when it is not\nthe signed text"},
    {"since", CLI_LONG('s'), "REV", "compare FILE with its version in git revision REV"},
    {"since-signoff", CLI_LONG('g'), "ID",
     "compare FILE with the version signatory ID signed off\n(found in FILE's git history by its "
     "digest)"},
    {"old", CLI_LONG('O'), "OTHER", "with --since-signoff: the signed version, given"},
    {"color", CLI_LONG('C'), "WHEN", "auto (default), always or never; NO_COLOR is honoured"},
    {NULL, 0, NULL, NULL},
};

static const cli_command command = {
    "diff",
    "Usage: odfgate diff [OPTIONS] OLD NEW\n"
    "       odfgate diff [OPTIONS] --since REV FILE\n"
    "       odfgate diff [OPTIONS] --since-signoff ID [--old OTHER] FILE\n"
    "What changed in the text between two versions of a document: sections added, removed,\n"
    "moved and renamed (aligned by the schema's sections), paragraphs inserted, deleted and\n"
    "changed, and the words within.  Formatting, metadata, comments and sign-offs are no\n"
    "change (the text compared is what sign-off digests cover).\n",
    options, &cli_http_options,
    "Exit: 0 the texts are the same, 1 they differ, 2 usage or schema error, 3 a version\n"
    "could not be read or found (no committed version has the signed text).\n"};

typedef struct diff_args {
    const char *schema, *format, *output, *since, *signatory, *old_path;
    int use_config, stat, all, force, color;
} diff_args;

typedef struct version {
    odfgate_doc *doc;
    char label[1400];
    char date[40]; /* ISO 8601, for the redline's change dates; "" unknown */
} version;

static void iso_of(long long t, int offset_min, char *out, size_t n)
{
    time_t tt = (time_t)(t + offset_min * 60LL);
    struct tm tm;
    gmtime_r(&tt, &tm);
    size_t k = strftime(out, n, "%Y-%m-%dT%H:%M:%S", &tm);
    snprintf(out + k, n - k, "%c%02d:%02d", offset_min < 0 ? '-' : '+', abs(offset_min) / 60,
             abs(offset_min) % 60);
}

static int open_file(const char *path, version *v)
{
    odfgate_error err;
    odfgate_status st = odfgate_doc_open(path, NULL, &v->doc, &err);
    if (st != ODFGATE_OK && st != ODFGATE_WARN) {
        cli_error("%s: %s (%s)", path, err.message, odfgate_errcode_name(err.code));
        return st == ODFGATE_FATAL ? OG_EXIT_USAGE : OG_EXIT_UNREADABLE;
    }
    const char *date = odfgate_doc_meta(v->doc)->date;
    snprintf(v->label, sizeof(v->label), "%s", path);
    snprintf(v->date, sizeof(v->date), "%s", date ? date : "");
    return 0;
}

/* OLD from bytes of a git revision. */
static int open_revision(const char *file, void *data, size_t len, const odfgate_revision *rev,
                         const char *why, version *v)
{
    odfgate_error err;
    char name[1200];
    snprintf(name, sizeof(name), "%s@%.12s", file, rev->commit);
    odfgate_status st = odfgate_doc_open_memory(data, len, name, NULL, &v->doc, &err);
    free(data);
    if (st != ODFGATE_OK && st != ODFGATE_WARN) {
        cli_error("%s: %s (%s)", name, err.message, odfgate_errcode_name(err.code));
        return st == ODFGATE_FATAL ? OG_EXIT_USAGE : OG_EXIT_UNREADABLE;
    }
    iso_of(rev->time, rev->offset, v->date, sizeof(v->date));
    snprintf(v->label, sizeof(v->label), "%s@%.12s (%.10s \"%.80s\"%s%s)",
             strcmp(rev->path, file) ? rev->path : file, rev->commit, v->date, rev->summary,
             why ? "; " : "", why ? why : "");
    return 0;
}

static int old_from_git(const diff_args *a, const char *file, version *old)
{
    odfgate_error err;
    odfgate_revision rev;
    void *data = NULL;
    size_t len = 0;
    if (odfgate_git_revision(file, a->since, &data, &len, &rev, &err) != ODFGATE_OK) {
        cli_error("%s: %s (%s)", file, err.message, odfgate_errcode_name(err.code));
        return err.code == ODFGATE_E_NOMEM ? OG_EXIT_USAGE : OG_EXIT_UNREADABLE;
    }
    return open_revision(file, data, len, &rev, NULL, old);
}

/* The version signatory a->signatory signed off: the record that decides where they stand on
 * NEW, then --old checked against its digest, or NEW itself when the record is current, or
 * the newest committed version with that digest. */
static int old_from_signoff(const diff_args *a, const char *file, const version *new_,
                            const odfgate_schema *schema, version *old)
{
    odfgate_signoffs *so = NULL;
    const odfgate_signoff *rec = NULL;
    odfgate_error err;
    char why[200], got[72];
    int rc = OG_EXIT_UNREADABLE;
    if (odfgate_signoffs_read(new_->doc, schema, &so, &err) != ODFGATE_OK) {
        cli_error("%s: %s (%s)", file, err.message, odfgate_errcode_name(err.code));
        return OG_EXIT_USAGE;
    }
    odfgate_signoffs_signatory(so, schema, a->signatory, &rec);
    if (!rec || !rec->content) {
        cli_error("%s: no sign-off by '%s' is recorded in it%s", file, a->signatory,
                  rec ? " that can be read" : "");
        goto done;
    }
    snprintf(why, sizeof(why), "%s %s %.10s", rec->signatory, rec->decision, rec->at);
    if (a->old_path) {
        if ((rc = open_file(a->old_path, old)) != 0)
            goto done;
        if (odfgate_doc_content_digest(old->doc, rec->version, got, &err) != ODFGATE_OK) {
            cli_error("%s: %s", a->old_path, err.message);
            rc = OG_EXIT_USAGE;
            goto done;
        }
        if (strcmp(got, rec->content) != 0 && !a->force) {
            cli_error("%s: its text is not the one %s signed off (%s): the digests differ (use "
                      "--force to compare anyway)",
                      a->old_path, a->signatory, why);
            rc = OG_EXIT_UNREADABLE;
            goto done;
        }
        snprintf(old->label + strlen(old->label), sizeof(old->label) - strlen(old->label), " (%s)",
                 why);
        snprintf(old->date, sizeof(old->date), "%s", rec->at);
        rc = 0;
    } else if (rec->state == ODFGATE_SIGNOFF_VALID) {
        /* the sign-off is on this very text: compare it with itself (no change) */
        if ((rc = open_file(file, old)) == 0) {
            snprintf(old->label, sizeof(old->label), "%s (%s: this text)", file, why);
            snprintf(old->date, sizeof(old->date), "%s", rec->at);
        }
    } else {
        odfgate_revision rev;
        void *data = NULL;
        size_t len = 0, searched = 0;
        if (odfgate_git_find_digest(file, rec->content, rec->version, &data, &len, &rev, &searched,
                                    &err) != ODFGATE_OK) {
            if (err.code == ODFGATE_E_NOT_FOUND)
                cli_error("%s: none of its %zu committed versions has the text %s signed off (%s); "
                          "give that version with --old",
                          file, searched, a->signatory, why);
            else
                cli_error("%s: %s (%s)", file, err.message, odfgate_errcode_name(err.code));
            rc = err.code == ODFGATE_E_NOMEM ? OG_EXIT_USAGE : OG_EXIT_UNREADABLE;
            goto done;
        }
        rc = open_revision(file, data, len, &rev, why, old);
    }
done:
    odfgate_signoffs_free(so);
    return rc;
}

static int write_redline(const diff_args *a, const odfgate_diff *d, const char *new_path,
                         const version *old, const version *new_)
{
    odfgate_error err;
    size_t unmarked = 0;
    int rc;
    if (!a->output)
        return cli_usage_error("diff", "--format odt writes a document: give -o FILE");
    if ((rc = cli_output_allowed(a->output, a->force, 0)) != 0 ||
        (rc = cli_output_matches(a->output, new_->doc)) != 0)
        return rc;
    if (odfgate_diff_redline(d, new_path, a->output, old->date[0] ? old->date : NULL,
                             new_->date[0] ? new_->date : NULL, &unmarked, &err) != ODFGATE_OK) {
        cli_error("%s: %s (%s)", err.path[0] ? err.path : a->output, err.message,
                  odfgate_errcode_name(err.code));
        return err.code == ODFGATE_E_USAGE ? OG_EXIT_USAGE : OG_EXIT_UNREADABLE;
    }
    if (unmarked)
        fprintf(stderr,
                "odfgate: %zu changes in notes or text boxes are not marked in %s (see the "
                "text output)\n",
                unmarked, a->output);
    return 0;
}

static int write_report(const diff_args *a, const odfgate_diff *d, const version *old,
                        const version *new_)
{
    odfgate_diff_output o = {old->label, new_->label, a->color, a->all};
    odfgate_diff_format f = strcmp(a->format, "json") == 0 ? ODFGATE_DIFF_JSON
                            : a->stat                      ? ODFGATE_DIFF_STAT
                                                           : ODFGATE_DIFF_TEXT;
    cli_outfile of = {0};
    odfgate_error err;
    FILE *out = stdout;
    if (a->output) {
        int rc = cli_output_allowed(a->output, a->force, 0);
        if (rc)
            return rc;
        o.color = 0;
        if (!(out = cli_outfile_open(&of, a->output, "the comparison")))
            return OG_EXIT_UNREADABLE;
    }
    if (odfgate_diff_write(d, f, &o, out, &err) != ODFGATE_OK) {
        cli_outfile_abort(&of);
        cli_error("%s", err.message);
        return OG_EXIT_UNREADABLE;
    }
    if (a->output && cli_outfile_commit(&of) < 0)
        return OG_EXIT_UNREADABLE;
    return 0;
}

static int parse(int argc, char **argv, diff_args *a)
{
    int c;
    *a = (diff_args){NULL, "text", NULL, NULL, NULL, NULL, 1, 0, 0, 0, cli_parse_color("auto")};
    while ((c = cli_getopt(&command, argc, argv)) != CLI_END) {
        switch (c) {
        case 's': a->schema = optarg; break;
        case CLI_OPT_NO_CONFIG: a->use_config = 0; break;
        case 'f':
            if (strcmp(optarg, "text") && strcmp(optarg, "json") && strcmp(optarg, "odt"))
                return cli_usage_error("diff", "unknown format '%s' (text, json or odt)", optarg);
            a->format = optarg;
            break;
        case CLI_LONG('t'): a->stat = 1; break;
        case 'a': a->all = 1; break;
        case 'o': a->output = optarg; break;
        case CLI_LONG('f'): a->force = 1; break;
        case CLI_LONG('s'): a->since = optarg; break;
        case CLI_LONG('g'): a->signatory = optarg; break;
        case CLI_LONG('O'): a->old_path = optarg; break;
        case CLI_LONG('C'):
            if ((a->color = cli_parse_color(optarg)) < 0)
                return cli_usage_error("diff", "--color takes auto, always or never");
            break;
        case CLI_HELP: return -1;
        default: return OG_EXIT_USAGE;
        }
    }
    int files = argc - optind, one = a->since || a->signatory;
    if (a->since && a->signatory)
        return cli_usage_error("diff", "--since and --since-signoff exclude each other");
    if (a->old_path && !a->signatory)
        return cli_usage_error("diff", "--old goes with --since-signoff (else give OLD NEW)");
    if (files != (one ? 1 : 2))
        return cli_usage_error("diff", one ? "give exactly one FILE" : "give OLD and NEW");
    if (a->stat && strcmp(a->format, "text"))
        return cli_usage_error("diff", "--stat is a text output");
    return 0;
}

int cmd_diff(int argc, char **argv)
{
    diff_args a;
    cli_doc_setup setup = {0};
    version old = {0}, new_ = {0};
    odfgate_diff *d = NULL;
    odfgate_error err;
    int rc = parse(argc, argv, &a);
    if (rc)
        return rc < 0 ? OG_EXIT_PASS : rc;
    const char *new_path = argv[argc - 1];
    if (a.output && (cli_same_file(a.output, new_path) ||
                     (!a.since && !a.signatory && cli_same_file(a.output, argv[optind])) ||
                     (a.old_path && cli_same_file(a.output, a.old_path))))
        return cli_usage_error("diff", "-o names a version being compared; write to another file");
    if (cli_doc_setup_for(new_path, a.schema, a.use_config, -1, &setup) != 0)
        return OG_EXIT_USAGE;
    if ((rc = open_file(new_path, &new_)) != 0)
        goto done;
    if (a.since)
        rc = old_from_git(&a, new_path, &old);
    else if (a.signatory)
        rc = old_from_signoff(&a, new_path, &new_, setup.schema, &old);
    else
        rc = open_file(argv[optind], &old);
    if (rc)
        goto done;
    if (odfgate_diff_new(old.doc, new_.doc, setup.schema, &d, &err) != ODFGATE_OK) {
        cli_error("%s: %s (%s)", new_path, err.message, odfgate_errcode_name(err.code));
        rc = OG_EXIT_USAGE;
        goto done;
    }
    rc = strcmp(a.format, "odt") == 0 ? write_redline(&a, d, new_path, &old, &new_)
                                      : write_report(&a, d, &old, &new_);
    if (rc == 0)
        rc = odfgate_diff_changed(d) ? OG_EXIT_FINDINGS : OG_EXIT_PASS;
done:
    odfgate_diff_free(d);
    odfgate_doc_free(old.doc);
    odfgate_doc_free(new_.doc);
    cli_doc_setup_free(&setup);
    return rc;
}
