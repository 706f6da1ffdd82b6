/* cmd-signoff.c — odfgate signoff: record (or revoke) a signatory's sign-off in a document. */
#include "cli.h"

#include "args.h"
#include "docsetup.h"
#include "fetchopts.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum {
    O_AS = CLI_KEY_LONG,
    O_BY,
    O_ROLE,
    O_DECISION,
    O_DATE,
    O_REVOKE,
    O_FORCE,
    O_INPLACE,
    O_STRICT,
    O_SIGN,
    O_KEY,
    O_CERT,
    O_CHAIN,
    O_P12
};

static const cli_option options[] = {
    {"as", O_AS, "ID", "signatory id from the schema (odfgate schema show)"},
    {"by", O_BY, "NAME", "the person signing"},
    {"role", O_ROLE, "ROLE", "their role"},
    {"decision", O_DECISION, "D", "approved (default) or rejected"},
    {"date", O_DATE, "ISO8601", "when (default: now, UTC), e.g. 2026-11-24T10:00:00+00:00"},
    {"schema", 's', "FILE",
     "schema naming the signatories and sections (default: the one\n.odfgate.ini names, else the "
     "built-in one)"},
    CLI_NO_CONFIG_OPTION,
    {"revoke", O_REVOKE, "ID", "remove ID's sign-off instead"},
    {"strict", O_STRICT, NULL,
     "refuse to approve a draft that fails its check (exit 1); without\nit such an approval is "
     "recorded with a warning"},
    {"force", O_FORCE, NULL,
     "write even if the document has unresolved tracked changes, or\ncarries ODF digital "
     "signatures (which are then removed), and\nreplace OUT if it exists (it is never replaced "
     "otherwise)"},
    {"sign", O_SIGN, NULL,
     "sign: an ODF digital signature carries the sign-off (META-INF/\ndocumentsignatures.xml; "
     "other signatures stay valid)"},
    {"key", O_KEY, "FILE", "--sign: the private key (PEM; a password from\n$ODFGATE_KEY_PASSWORD)"},
    {"cert", O_CERT, "FILE", "--sign: its certificate (PEM)"},
    {"chain", O_CHAIN, "FILE", "--sign: intermediate certificates to carry (PEM)"},
    {"p12", O_P12, "FILE", "--sign: key and certificates from PKCS#12 instead"},
    {"output", 'o', "OUT", "write to OUT"},
    {"in-place", O_INPLACE, NULL, "replace FILE"},
    {NULL, 0, NULL, NULL},
};

static const cli_command command = {
    "signoff",
    "Usage: odfgate signoff FILE --as ID --by NAME [--role ROLE] [--decision approved|rejected]\n"
    "                       [--date ISO8601] [--schema FILE] [--no-config] [--strict] [--force] "
    "(-o OUT | --in-place)\n"
    "       odfgate signoff FILE --as ID --by NAME ... --sign (--key KEY --cert CERT [--chain "
    "FILE] | --p12 FILE)\n"
    "                       (-o OUT | --in-place)\n"
    "       odfgate signoff FILE --revoke ID [--force] (-o OUT | --in-place)\n"
    "Record a signatory's sign-off in the document's metadata (a custom property\n"
    "odfgate.signoff.ID), bound to a SHA-256 digest of its text and of each schema section.\n"
    "Only meta.xml is rewritten; the write is atomic; FILE is untouched unless --in-place.\n"
    "With --sign the record travels inside an ODF digital signature (XAdES, as LibreOffice\n"
    "makes them) over every stream of the package instead; only documentsignatures.xml is\n"
    "written (docs/signatures.md).  A document with signatures gets no unsigned record.\n",
    options, &cli_http_options, NULL};

/* An approval of a draft that fails its check (placeholders left, sections missing) is said,
 * not silent, and refused with --strict (exit 1, nothing written).  Sign-off findings do not
 * count: they are what signing changes.  0 to go on, else the exit code. */
static int approve_check(const char *in, const cli_doc_setup *setup, int strict)
{
    odfgate_doc *doc = NULL;
    odfgate_result *res = NULL;
    odfgate_error err;
    const odfgate_finding *first = NULL;
    size_t failing = 0;
    odfgate_error_clear(&err);
    if (odfgate_doc_open(in, NULL, &doc, &err) <= ODFGATE_WARN &&
        odfgate_check_config(doc, setup->schema, setup->cfg, &res, &err) == ODFGATE_OK &&
        odfgate_result_apply(res, doc, setup->cfg, &err) == ODFGATE_OK) {
        for (size_t i = 0; i < odfgate_result_count(res); i++) {
            const odfgate_finding *f = odfgate_result_finding(res, i);
            if (setup->fail_on != ODFGATE_SEV_OFF && f->severity >= setup->fail_on &&
                !f->suppressed && strncmp(f->rule, "signoff-", 8) != 0) {
                first = first ? first : f;
                failing++;
            }
        }
        if (failing)
            cli_error("%s: the draft fails its check: %zu failing finding%s (first: %s (%s)); %s",
                      in, failing, failing == 1 ? "" : "s", first->message, first->rule,
                      strict ? "not signed (--strict)" : "signed anyway (--strict refuses)");
    }
    odfgate_result_free(res);
    odfgate_doc_free(doc);
    return failing && strict ? OG_EXIT_FINDINGS : 0; /* unreadable: the stamp says why */
}

int cmd_signoff(int argc, char **argv)
{
    odfgate_stamp st = {0};
    odfgate_signing_key key = {0};
    const char *schema_path = NULL, *out = NULL, *revoke = NULL, *in;
    int c, in_place = 0, strict = 0, use_config = 1, sign = 0, rc = OG_EXIT_PASS;
    cli_doc_setup setup = {0};
    odfgate_error err;
    odfgate_status s;

    while ((c = cli_getopt(&command, argc, argv)) != CLI_END) {
        switch (c) {
        case O_AS: st.signatory = optarg; break;
        case O_BY: st.by = optarg; break;
        case O_ROLE: st.role = optarg; break;
        case O_DECISION: st.decision = optarg; break;
        case O_DATE: st.at = optarg; break;
        case O_REVOKE: revoke = optarg; break;
        case O_FORCE: st.force = 1; break;
        case O_INPLACE: in_place = 1; break;
        case O_STRICT: strict = 1; break;
        case O_SIGN: sign = 1; break;
        case O_KEY: key.key = optarg; break;
        case O_CERT: key.cert = optarg; break;
        case O_CHAIN: key.chain = optarg; break;
        case O_P12: key.p12 = optarg; break;
        case CLI_OPT_NO_CONFIG: use_config = 0; break;
        case 's': schema_path = optarg; break;
        case 'o': out = optarg; break;
        case CLI_HELP: return OG_EXIT_PASS;
        default: return OG_EXIT_USAGE;
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
    if ((key.key || key.cert || key.chain || key.p12) && !sign)
        return cli_usage_error("signoff", "--key, --cert, --chain and --p12 go with --sign");
    if (sign && (revoke || (key.p12 ? key.key || key.cert || key.chain : !key.key || !key.cert)))
        return cli_usage_error("signoff", "--sign needs --key and --cert (and --chain), or --p12, "
                                          "and no --revoke");
    key.password = getenv("ODFGATE_KEY_PASSWORD");
    odfgate_error_clear(&err);
    if (revoke) {
        s = odfgate_signoff_revoke(in, out, revoke, st.force, &err);
    } else {
        if (cli_doc_setup_for(in, schema_path, use_config, -1, &setup) != 0)
            return OG_EXIT_USAGE;
        if (!st.decision || strcmp(st.decision, "approved") == 0) {
            if ((rc = approve_check(in, &setup, strict)) != 0) {
                cli_doc_setup_free(&setup);
                return rc;
            }
        }
        s = sign ? odfgate_signoff_sign(in, out, setup.schema, &st, &key, &err)
                 : odfgate_signoff_stamp(in, out, setup.schema, &st, &err);
    }
    if (s == ODFGATE_OK) {
        if (revoke)
            cli_say("%s: revoked the sign-off of %s", out, revoke);
        else
            cli_say("%s: %s by %s for %s (%s)", out,
                    sign ? "signed off with an ODF signature" : "signed off", st.by, st.signatory,
                    st.decision ? st.decision : "approved");
    } else {
        cli_error("%s: %s (%s)", err.path[0] ? err.path : in, err.message,
                  odfgate_errcode_name(err.code));
        rc = err.code == ODFGATE_E_USAGE ? OG_EXIT_USAGE : OG_EXIT_UNREADABLE;
    }
    cli_doc_setup_free(&setup);
    return rc;
}
