/* cmd-scrub.c — odfgate scrub: remove what must not leave the building (docs/hygiene.md). */
#include "cli.h"

#include "args.h"
#include "docsetup.h"
#include "fetchopts.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { O_INPLACE = CLI_KEY_LONG, O_FORCE, O_ONLY, O_KEEP, O_DRY_RUN, O_ACCEPT, O_REJECT };

static const cli_option options[] = {
    {"schema", 's', "FILE",
     "schema whose signatories' sign-offs are judged (default: the one\n.odfgate.ini names, else "
     "the built-in one)"},
    CLI_NO_CONFIG_OPTION,
    {"only", O_ONLY, "CLASSES", "remove only these classes (comma-separated)"},
    {"keep", O_KEEP, "CLASSES", "remove everything but these classes"},
    {"accept-changes", O_ACCEPT, NULL,
     "accept every tracked change, as LibreOffice's Accept All does"},
    {"reject-changes", O_REJECT, NULL,
     "reject every tracked change, as LibreOffice's Reject All does"},
    {"dry-run", O_DRY_RUN, NULL, "say what would be removed; write nothing"},
    {"force", O_FORCE, NULL,
     "write even when the new text makes valid sign-offs stale, scrub a\ndocument carrying ODF "
     "digital signatures (they are removed), and\nreplace OUT if it exists"},
    {"output", 'o', "OUT", "write to OUT"},
    {"in-place", O_INPLACE, NULL, "replace FILE"},
    {NULL, 0, NULL, NULL},
};

static const cli_command command = {
    "scrub",
    "Usage: odfgate scrub [--only CLASSES | --keep CLASSES] [--accept-changes |\n"
    "       --reject-changes] [--dry-run] [--force] [--schema FILE] (-o OUT | --in-place) FILE\n"
    "Write a copy of FILE without what the hygiene rules find.  CLASSES: comments,\n"
    "hidden-text, personal-info, macros, embedded-objects, linked-resources (the rule id\n"
    "hidden-comments is accepted too).  Tracked changes are left as they are and counted\n"
    "unless --accept-changes or --reject-changes resolves every one as LibreOffice's Edit >\n"
    "Track Changes > Accept All or Reject All does (first, before the classes are removed;\n"
    "--only changes: nothing else is removed);\n"
    "a change odfgate cannot resolve exactly as LibreOffice does is named and nothing is\n"
    "written.\n"
    "Everything else is copied as it is; the write is atomic; FILE is untouched unless\n"
    "--in-place.  When the text changes (hidden text removed), the sign-offs that become\n"
    "stale are named and nothing is written without --force.\n",
    options, &cli_http_options,
    "Exit: 0 written (or nothing to remove), 1 not written: valid sign-offs would become\n"
    "stale, or a tracked change cannot be resolved exactly, 2 usage, 3 FILE could not be\n"
    "read or the copy could not be written.\n"};

static const struct {
    const char *name;
    unsigned bit;
} classes[] = {
    {"comments", ODFGATE_SCRUB_COMMENTS},
    {"hidden-comments", ODFGATE_SCRUB_COMMENTS},
    {"hidden-text", ODFGATE_SCRUB_HIDDEN_TEXT},
    {"personal-info", ODFGATE_SCRUB_PERSONAL_INFO},
    {"macros", ODFGATE_SCRUB_MACROS},
    {"embedded-objects", ODFGATE_SCRUB_EMBEDDED_OBJECTS},
    {"linked-resources", ODFGATE_SCRUB_LINKED_RESOURCES},
};

/* The tracked changes in --only and --keep: resolved or left (odfgate_scrub_options.changes),
 * no class of the library's. */
#define CHANGES (1u << 1)

/* "comments,macros" into bits; 0 (after saying why) on a name that is no class. */
static unsigned parse_classes(const char *list, const char *option)
{
    unsigned bits = 0;
    char *buf = strdup(list); /* the whole list, however long */
    if (!buf) {
        cli_error("out of memory");
        return 0;
    }
    for (char *save = NULL, *t = strtok_r(buf, ",", &save); t; t = strtok_r(NULL, ",", &save)) {
        unsigned bit = 0;
        size_t n;
        while (*t == ' ')
            t++;
        for (n = strlen(t); n && t[n - 1] == ' ';)
            t[--n] = '\0';
        for (size_t i = 0; i < sizeof(classes) / sizeof(classes[0]); i++)
            if (strcmp(t, classes[i].name) == 0)
                bit = classes[i].bit;
        if (strcmp(t, "changes") == 0 || strcmp(t, "hidden-changes") == 0)
            bit = CHANGES; /* meaningful with --accept-changes or --reject-changes */
        if (!bit) {
            if (strcmp(t, "stale-index") == 0)
                cli_usage_error("scrub", "stale-index cannot be scrubbed: update the table of "
                                         "contents in LibreOffice (Tools > Update > Update All)");
            else
                cli_usage_error("scrub",
                                "%s: no class '%s' (comments, hidden-text, "
                                "personal-info, macros, embedded-objects, "
                                "linked-resources)",
                                option, t);
            free(buf);
            return 0;
        }
        bits |= bit;
    }
    free(buf);
    if (!bits)
        cli_usage_error("scrub", "%s: give at least one class", option);
    return bits;
}

/* "1 comment, 2 hidden texts" … into out. */
static void removed_list(const odfgate_scrub_result *r, char *out, size_t cap)
{
    const struct {
        size_t n;
        const char *one, *many;
    } k[] = {{r->comments, "comment", "comments"},
             {r->hidden, "hidden text", "hidden texts"},
             {r->personal, "personal field", "personal fields"},
             {r->macros, "macro", "macros"},
             {r->objects, "embedded object", "embedded objects"},
             {r->links, "link", "links"}};
    size_t n = 0;
    out[0] = '\0';
    for (size_t i = 0; i < sizeof(k) / sizeof(k[0]) && n < cap; i++)
        if (k[i].n)
            n += (size_t)snprintf(out + n, cap - n, "%s%zu %s", n ? ", " : "", k[i].n,
                                  k[i].n == 1 ? k[i].one : k[i].many);
    if (!out[0])
        snprintf(out, cap, "nothing");
}

int cmd_scrub(int argc, char **argv)
{
    const char *schema_path = NULL, *out = NULL, *in;
    int c, in_place = 0, use_config = 1, rc = OG_EXIT_PASS;
    unsigned only = 0, keep = 0;
    odfgate_scrub_options opt = {0};
    odfgate_scrub_result res;
    cli_doc_setup setup;
    odfgate_error err;
    odfgate_status st;
    char what[512];

    while ((c = cli_getopt(&command, argc, argv)) != CLI_END) {
        switch (c) {
        case 's': schema_path = optarg; break;
        case 'o': out = optarg; break;
        case O_INPLACE: in_place = 1; break;
        case O_FORCE: opt.force = 1; break;
        case O_DRY_RUN: opt.dry_run = 1; break;
        case O_ACCEPT:
        case O_REJECT:
            if (opt.changes &&
                opt.changes != (c == O_ACCEPT ? ODFGATE_CHANGES_ACCEPT : ODFGATE_CHANGES_REJECT))
                return cli_usage_error("scrub", "give --accept-changes or --reject-changes, "
                                                "not both");
            opt.changes = c == O_ACCEPT ? ODFGATE_CHANGES_ACCEPT : ODFGATE_CHANGES_REJECT;
            break;
        case O_ONLY:
            if (!(only = parse_classes(optarg, "--only")))
                return OG_EXIT_USAGE;
            break;
        case O_KEEP:
            if (!(keep = parse_classes(optarg, "--keep")))
                return OG_EXIT_USAGE;
            break;
        case CLI_OPT_NO_CONFIG: use_config = 0; break;
        case CLI_HELP: return OG_EXIT_PASS;
        default: return OG_EXIT_USAGE;
        }
    }
    if (argc - optind != 1)
        return cli_usage_error("scrub", "give exactly one FILE");
    in = argv[optind];
    if (only && keep)
        return cli_usage_error("scrub", "give --only or --keep, not both");
    if ((only & CHANGES) && !opt.changes)
        return cli_usage_error("scrub", "--only changes: say --accept-changes or "
                                        "--reject-changes");
    if ((keep & CHANGES) && opt.changes)
        return cli_usage_error("scrub", "--keep changes contradicts --%s-changes",
                               opt.changes == ODFGATE_CHANGES_ACCEPT ? "accept" : "reject");
    /* --only changes: the changes resolved, no class removed */
    opt.classes = only ? only & ~CHANGES : ODFGATE_SCRUB_ALL & ~(keep & ~CHANGES);
    if (opt.dry_run && !out && !in_place)
        out = in; /* nothing is written */
    else if (!!out == !!in_place)
        return cli_usage_error("scrub", "give either -o OUT or --in-place");
    if (in_place)
        out = in;
    if (strcmp(in, "-") == 0 || strcmp(out, "-") == 0)
        return cli_usage_error("scrub", "scrub works on files, not standard input/output");
    if (!opt.dry_run && (rc = cli_output_allowed(out, opt.force, in_place)) != 0)
        return rc;
    if (!opt.dry_run) { /* a package is written as a package, a flat file as flat XML */
        odfgate_doc *doc = NULL;
        odfgate_error_clear(&err);
        if (odfgate_doc_open(in, NULL, &doc, &err) <= ODFGATE_WARN)
            rc = cli_output_matches(out, doc);
        odfgate_doc_free(doc); /* unreadable: odfgate_scrub says so below */
        if (rc != 0)
            return rc;
    }
    if (cli_doc_setup_for(in, schema_path, use_config, -1, &setup) != 0)
        return OG_EXIT_USAGE;
    opt.schema = setup.schema;
    odfgate_error_clear(&err);
    st = odfgate_scrub(in, out, &opt, &res, &err);
    if (st > ODFGATE_WARN) {
        cli_error("%s: %s (%s)", err.path[0] ? err.path : in, err.message,
                  odfgate_errcode_name(err.code));
        cli_doc_setup_free(&setup);
        return st == ODFGATE_FATAL || err.code == ODFGATE_E_USAGE ? OG_EXIT_USAGE
                                                                  : OG_EXIT_UNREADABLE;
    }
    removed_list(&res, what, sizeof(what));
    const char *verb = opt.changes == ODFGATE_CHANGES_ACCEPT ? "accept" : "reject";
    if (res.changes_refused[0]) {
        cli_error("%s: %s; nothing written (%s the changes in LibreOffice: Edit > Track Changes "
                  "> %s All)",
                  in, res.changes_refused, verb,
                  opt.changes == ODFGATE_CHANGES_ACCEPT ? "Accept" : "Reject");
        rc = OG_EXIT_FINDINGS;
    } else if (res.stale_count && !opt.force && !opt.dry_run) {
        char cause[600];
        if (!opt.changes)
            snprintf(cause, sizeof(cause), "removing %s", what);
        else if (strcmp(what, "nothing") == 0)
            snprintf(cause, sizeof(cause), "%sing the tracked changes", verb);
        else
            snprintf(cause, sizeof(cause), "%sing the tracked changes and removing %s", verb, what);
        cli_error("%s: %s changes the text: the sign-off%s of %s would become stale; "
                  "nothing written (--force to write anyway)",
                  in, cause, res.stale_count == 1 ? "" : "s", res.stale);
        rc = OG_EXIT_FINDINGS;
    } else {
        cli_say("%s: %s %s", opt.dry_run ? in : out, opt.dry_run ? "would remove" : "removed",
                what);
        if (opt.changes)
            cli_say("%s: %s %zu tracked change%s", opt.dry_run ? in : out,
                    opt.dry_run
                        ? (opt.changes == ODFGATE_CHANGES_ACCEPT ? "would accept" : "would reject")
                    : opt.changes == ODFGATE_CHANGES_ACCEPT ? "accepted"
                                                            : "rejected",
                    res.changes_resolved, res.changes_resolved == 1 ? "" : "s");
        if (res.stale_count)
            cli_say("%s: the text changed: the sign-off%s of %s %s stale", out,
                    res.stale_count == 1 ? "" : "s", res.stale,
                    opt.dry_run ? "would become" : "became");
        else if (res.text_changed)
            cli_say("%s: the text changed (no valid sign-off covered it)", out);
        else if (res.valid_kept)
            cli_say("%s: the text is unchanged: %zu sign-off%s stay%s valid", out, res.valid_kept,
                    res.valid_kept == 1 ? "" : "s", res.valid_kept == 1 ? "s" : "");
        if (res.changes_left)
            cli_say("%s: %zu tracked change%s left: --accept-changes or --reject-changes "
                    "resolves %s",
                    out, res.changes_left, res.changes_left == 1 ? "" : "s",
                    res.changes_left == 1 ? "it" : "them");
        if (res.signatures_dropped)
            cli_say("%s: its ODF digital signatures were removed (--force)", out);
    }
    cli_doc_setup_free(&setup);
    return rc;
}
