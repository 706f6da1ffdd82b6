/* cmd-signoff.c — odfgate signoff: record (or revoke) a signatory's sign-off in a document. */
#include "cli.h"

#include "args.h"
#include "fetchopts.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>

static const char usage_text[] =
    "Usage: odfgate signoff FILE --as ID --by NAME [--role ROLE] [--decision approved|rejected]\n"
    "                       [--date ISO8601] [--schema FILE] [--force] (-o OUT | --in-place)\n"
    "       odfgate signoff FILE --revoke ID [--force] (-o OUT | --in-place)\n"
    "Record a signatory's sign-off in the document's metadata (a custom property\n"
    "odfgate.signoff.ID), bound to a SHA-256 digest of its text and of each schema section.\n"
    "Only meta.xml is rewritten; the write is atomic; FILE is untouched unless --in-place.\n\n"
    "  --as ID            signatory id from the schema (odfgate schema show)\n"
    "  --by NAME          the person signing\n"
    "  --role ROLE        their role\n"
    "  --decision D       approved (default) or rejected\n"
    "  --date ISO8601     when (default: now, UTC), e.g. 2026-11-24T10:00:00+00:00\n"
    "  -s, --schema FILE  schema naming the signatories and sections (default: built-in)\n"
    "  --revoke ID        remove ID's sign-off instead\n"
    "  --force            write even if the document has unresolved tracked changes, or\n"
    "                     carries ODF digital signatures (which are then removed), and\n"
    "                     replace OUT if it exists (it is never replaced otherwise)\n"
    "  -o, --output OUT   write to OUT\n"
    "  --in-place         replace FILE\n";

int cmd_signoff(int argc, char **argv)
{
    enum { O_AS = 256, O_BY, O_ROLE, O_DECISION, O_DATE, O_REVOKE, O_FORCE, O_INPLACE };
    static const struct option opts[] = {
        {"as", required_argument, NULL, O_AS},         {"by", required_argument, NULL, O_BY},
        {"role", required_argument, NULL, O_ROLE},     {"decision", required_argument, NULL, O_DECISION},
        {"date", required_argument, NULL, O_DATE},     {"revoke", required_argument, NULL, O_REVOKE},
        {"force", no_argument, NULL, O_FORCE},         {"in-place", no_argument, NULL, O_INPLACE},
        {"schema", required_argument, NULL, 's'},      {"output", required_argument, NULL, 'o'},
        {"help", no_argument, NULL, 'h'},              CLI_FETCH_LONGOPTS, {NULL, 0, NULL, 0}};
    odfgate_stamp st = {0};
    const char *schema_path = NULL, *out = NULL, *revoke = NULL, *in;
    int c, in_place = 0, rc = OG_EXIT_PASS;
    odfgate_schema *schema = NULL;
    odfgate_error err;
    odfgate_status s;

    while ((c = getopt_long(argc, argv, "s:o:h", opts, NULL)) != -1) {
        switch (c) {
        case O_AS: st.signatory = optarg; break;
        case O_BY: st.by = optarg; break;
        case O_ROLE: st.role = optarg; break;
        case O_DECISION: st.decision = optarg; break;
        case O_DATE: st.at = optarg; break;
        case O_REVOKE: revoke = optarg; break;
        case O_FORCE: st.force = 1; break;
        case O_INPLACE: in_place = 1; break;
        case 's': schema_path = optarg; break;
        case 'o': out = optarg; break;
        case 'h': fputs(usage_text, stdout); fputs(cli_fetch_help, stdout); return OG_EXIT_PASS;
        case CLI_FO_FIRST ... CLI_FO_LAST:
            if (cli_fetch_option("signoff", c, optarg) < 0)
                return OG_EXIT_USAGE;
            break;
        default: return cli_usage_error("signoff", "invalid option");
        }
    }
    if (argc - optind != 1)
        return cli_usage_error("signoff", "give exactly one FILE");
    in = argv[optind];
    if (!!out == !!in_place)
        return cli_usage_error("signoff", "give either -o OUT or --in-place");
    if (in_place)
        out = in;
    if (strcmp(in, "-") == 0 || strcmp(out, "-") == 0)
        return cli_usage_error("signoff", "signoff works on files, not standard input/output");
    if ((rc = cli_output_allowed(out, st.force, in_place)) != 0)
        return rc;
    if (revoke && (st.signatory || st.by))
        return cli_usage_error("signoff", "--revoke cannot be combined with --as or --by");
    if (!revoke && (!st.signatory || !st.by))
        return cli_usage_error("signoff", "--as ID and --by NAME are required");
    odfgate_error_clear(&err);
    if (revoke) {
        s = odfgate_signoff_revoke(in, out, revoke, st.force, &err);
    } else {
        if (cli_load_schema(schema_path, &schema) < 0)
            return OG_EXIT_USAGE;
        s = odfgate_signoff_stamp(in, out, schema, &st, &err);
    }
    if (s == ODFGATE_OK) {
        if (revoke)
            cli_say("%s: revoked the sign-off of %s", out, revoke);
        else
            cli_say("%s: signed off by %s for %s (%s)", out, st.by, st.signatory,
                   st.decision ? st.decision : "approved");
    } else {
        cli_error("%s: %s (%s)", err.path[0] ? err.path : in, err.message, odfgate_errcode_name(err.code));
        rc = err.code == ODFGATE_E_USAGE ? OG_EXIT_USAGE : OG_EXIT_UNREADABLE;
    }
    odfgate_schema_free(schema);
    return rc;
}
