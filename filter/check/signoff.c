/* signoff.c — digests, sign-off record encoding/parsing and verification (docs/signoff.md). */
#include "check/signoff.h"

#include "check/canonical.h"
#include "read/signatures.h"
#include "base/sha256.h"
#include "schema/headings.h"
#include "base/vec.h"

#include <ctype.h>
#include <time.h>

/* ------------------------------------------------------------------ digests */

int og_digests_compute(const odfgate_doc *doc, const odfgate_schema *schema, int version,
                       og_arena *a, og_digests *out)
{
    size_t nh = doc->heading_count, ns = schema->section_count;
    size_t *hm = malloc((nh + 1) * sizeof(size_t)), *sh = malloc((ns + 1) * sizeof(size_t));
    og_buf buf;
    int rc = -1;

    og_buf_init(&buf, SIZE_MAX / 2);
    out->count = ns;
    out->version = version;
    out->sections = og_arena_zalloc(a, (ns + 1) * sizeof(*out->sections));
    if (!hm || !sh || !out->sections || og_match_headings(doc, schema, hm, sh) < 0)
        goto done;
    if (og_buf_adds(&buf, og_canonical_header(version)) ||
        og_canonical_range(doc, 0, doc->para_count, version, &buf))
        goto done;
    og_sha256_hex(buf.data, buf.len, out->content);
    for (size_t s = 0; s < ns; s++) {
        char hex[65];
        if (sh[s] == OG_NONE) {
            snprintf(out->sections[s], sizeof(out->sections[s]), "-");
            continue;
        }
        og_buf_reset(&buf);
        if (og_canonical_range(doc, doc->heading_para[sh[s]], og_doc_text_section_end(doc, sh[s]),
                               version, &buf))
            goto done;
        og_sha256_hex(buf.data ? buf.data : "", buf.len, hex);
        memcpy(out->sections[s], hex, 16);
        out->sections[s][16] = '\0';
    }
    rc = 0;
done:
    og_buf_free(&buf);
    free(hm);
    free(sh);
    return rc;
}

odfgate_status odfgate_doc_canonical_text(const odfgate_doc *doc, char **text, size_t *len,
                                          odfgate_error *err)
{
    OG_ERR_LOCAL(err);
    og_buf buf;
    og_buf_init(&buf, SIZE_MAX / 2);
    if (og_buf_adds(&buf, og_canonical_header(OG_CANONICAL_LATEST)) ||
        og_canonical_range(doc, 0, doc->para_count, OG_CANONICAL_LATEST, &buf)) {
        og_buf_free(&buf);
        return og_fail(err, ODFGATE_E_NOMEM, doc->path, NULL, "out of memory");
    }
    if (len)
        *len = buf.len;
    *text = og_buf_take(&buf);
    return ODFGATE_OK;
}

odfgate_status odfgate_doc_content_digest(const odfgate_doc *doc, int version, char out[72],
                                          odfgate_error *err)
{
    OG_ERR_LOCAL(err);
    og_buf buf;
    if (!doc || version < 1 || version > OG_CANONICAL_LATEST)
        return og_fail(err, ODFGATE_E_USAGE, doc ? doc->path : NULL, NULL,
                       "no canonical text version %d", version);
    og_buf_init(&buf, SIZE_MAX / 2);
    if (og_buf_adds(&buf, og_canonical_header(version)) ||
        og_canonical_range(doc, 0, doc->para_count, version, &buf)) {
        og_buf_free(&buf);
        return og_fail(err, ODFGATE_E_NOMEM, doc->path, NULL, "out of memory");
    }
    memcpy(out, "sha256:", 7);
    og_sha256_hex(buf.data, buf.len, out + 7);
    og_buf_free(&buf);
    return ODFGATE_OK;
}

uint32_t odfgate_doc_tracked_changes(const odfgate_doc *doc) { return doc->tracked_changes; }

/* ------------------------------------------------------------------ dates */

static int digits(const char *s, int n, int *v)
{
    *v = 0;
    for (int i = 0; i < n; i++) {
        if (!isdigit((unsigned char)s[i]))
            return -1;
        *v = *v * 10 + (s[i] - '0');
    }
    return 0;
}

int og_parse_datetime(const char *s, long long *epoch)
{
    int y, mo, d, h, mi, sec = 0, oh = 0, om = 0, sign = 0;
    struct tm tm;
    const char *p;
    if (!s || strlen(s) < 17 || digits(s, 4, &y) || s[4] != '-' || digits(s + 5, 2, &mo) ||
        s[7] != '-' || digits(s + 8, 2, &d) || s[10] != 'T' || digits(s + 11, 2, &h) ||
        s[13] != ':' || digits(s + 14, 2, &mi))
        return -1;
    p = s + 16;
    if (*p == ':') {
        if (digits(p + 1, 2, &sec))
            return -1;
        p += 3;
        if (*p == '.' || *p == ',') /* fractions of a second are accepted and ignored */
            for (p++; isdigit((unsigned char)*p); p++)
                ;
    }
    if (*p == 'Z')
        p++;
    else if (*p == '+' || *p == '-') {
        sign = *p == '-' ? -1 : 1;
        if (digits(p + 1, 2, &oh) || p[3] != ':' || digits(p + 4, 2, &om))
            return -1;
        p += 6;
    } else
        return -1; /* a time zone is required */
    if (*p || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || sec > 60 || oh > 23 ||
        om > 59)
        return -1;
    memset(&tm, 0, sizeof(tm));
    tm.tm_year = y - 1900;
    tm.tm_mon = mo - 1;
    tm.tm_mday = d;
    tm.tm_hour = h;
    tm.tm_min = mi;
    tm.tm_sec = sec;
    *epoch = (long long)timegm(&tm) - sign * (oh * 3600LL + om * 60LL);
    return 0;
}

void og_now_iso(char out[32])
{
    time_t t = time(NULL);
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(out, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/* ------------------------------------------------------------------ encoding */

/* Values are percent-encoded where they could break the record: % ; = , and controls. */
static int put_escaped(og_buf *b, const char *v)
{
    int rc = OG_BUF_OK;
    for (; *v && rc == OG_BUF_OK; v++) {
        unsigned char c = (unsigned char)*v;
        if (c < 0x20 || c == 0x7f || c == '%' || c == ';' || c == '=' || c == ',')
            rc = og_buf_printf(b, "%%%02X", c);
        else
            rc = og_buf_addc(b, (char)c);
    }
    return rc;
}

int og_signoff_encode(const odfgate_stamp *stamp, const char *at, const og_digests *d,
                      const odfgate_schema *schema, og_buf *out, odfgate_error *err)
{
    const char *decision = stamp->decision ? stamp->decision : "approved";
    long long epoch;
    int rc;
    if (strcmp(decision, "approved") != 0 && strcmp(decision, "rejected") != 0)
        return og_fail(err, ODFGATE_E_USAGE, NULL, NULL, "decision must be approved or rejected"),
               -1;
    if (!stamp->by || !*stamp->by)
        return og_fail(err, ODFGATE_E_USAGE, NULL, NULL, "the signer's name is required"), -1;
    if (og_parse_datetime(at, &epoch) < 0)
        return og_fail(err, ODFGATE_E_USAGE, NULL, NULL,
                       "date \"%s\" is not an ISO 8601 date-time with a time zone "
                       "(e.g. 2026-11-24T10:00:00+00:00)",
                       at),
               -1;
    og_buf_reset(out);
    rc = og_buf_printf(out, "%s%d; id=%s; decision=%s; by=", OG_SIGNOFF_MAGIC, d->version,
                       stamp->signatory, decision);
    if (!rc)
        rc = put_escaped(out, stamp->by);
    if (!rc && stamp->role && *stamp->role) {
        rc = og_buf_adds(out, "; role=");
        if (!rc)
            rc = put_escaped(out, stamp->role);
    }
    if (!rc)
        rc = og_buf_printf(out, "; at=%s; content=sha256:%s; sections=", at, d->content);
    for (size_t s = 0; s < d->count && !rc; s++)
        rc = og_buf_printf(out, "%s%s:%s", s ? "," : "", schema->sections[s].id, d->sections[s]);
    if (rc)
        return og_fail(err, ODFGATE_E_NOMEM, NULL, NULL, "out of memory"), -1;
    return 0;
}

/* ------------------------------------------------------------------ parsing */

static char *unescape(og_arena *a, const char *v, size_t n)
{
    char *out = og_arena_alloc(a, n + 1), *o = out;
    if (!out)
        return NULL;
    for (size_t i = 0; i < n; i++) {
        if (v[i] == '%' && i + 2 < n && isxdigit((unsigned char)v[i + 1]) &&
            isxdigit((unsigned char)v[i + 2])) {
            char hex[3] = {v[i + 1], v[i + 2], 0};
            *o++ = (char)strtol(hex, NULL, 16);
            i += 2;
        } else
            *o++ = v[i];
    }
    *o = '\0';
    return out;
}

static int is_hex(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!isxdigit((unsigned char)s[i]) || isupper((unsigned char)s[i]))
            return 0;
    return s[n] == '\0';
}

typedef struct parsed {
    int version; /* of the record, and of the canonical text its digests are over */
    const char *id, *decision, *by, *role, *at, *content, *sections;
} parsed;

/* Split "k=v; k=v; ..." (after the magic); NULL on success, else the problem. */
static const char *parse_record(og_arena *a, const char *value, parsed *p)
{
    const char *s = value;
    long version;
    char *end;
    memset(p, 0, sizeof(*p));
    if (strncmp(s, OG_SIGNOFF_MAGIC, strlen(OG_SIGNOFF_MAGIC)) != 0)
        return "not an odfgate sign-off record (it must start with \"" OG_SIGNOFF_MAGIC "\")";
    s += strlen(OG_SIGNOFF_MAGIC);
    version = strtol(s, &end, 10);
    if (end == s)
        return "no record format version";
    if (version < 1 || version > OG_SIGNOFF_VERSION)
        return "unsupported record format version";
    p->version = (int)version;
    s = end;
    while (*s) {
        const char *k, *eq, *semi;
        while (*s == ';' || *s == ' ')
            s++;
        if (!*s)
            break;
        k = s;
        semi = strchr(s, ';');
        if (!semi)
            semi = s + strlen(s);
        eq = memchr(k, '=', (size_t)(semi - k));
        if (!eq)
            return "a field without '='";
        char *v = unescape(a, eq + 1, (size_t)(semi - eq - 1));
        size_t kl = (size_t)(eq - k);
        if (!v)
            return "out of memory";
#define FIELD(name) (kl == strlen(#name) && strncmp(k, #name, kl) == 0) p->name = v
        if FIELD (id)
            ;
        else if FIELD (decision)
            ;
        else if FIELD (by)
            ;
        else if FIELD (role)
            ;
        else if FIELD (at)
            ;
        else if FIELD (content)
            ;
        else if FIELD (sections)
            ;
#undef FIELD
        /* unknown fields are ignored: later versions may add some */
        s = semi;
    }
    if (!p->id || !*p->id)
        return "no signatory id";
    if (!p->decision || (strcmp(p->decision, "approved") && strcmp(p->decision, "rejected")))
        return "decision must be approved or rejected";
    if (!p->by || !*p->by)
        return "no signer's name";
    if (!p->at)
        return "no date";
    if (!p->content || strncmp(p->content, "sha256:", 7) != 0 || strlen(p->content) != 71 ||
        !is_hex(p->content + 7, 64))
        return "no valid content digest (sha256:<64 hex digits>)";
    return NULL;
}

/* The digest recorded for section `id` in "id:hex,id:hex", or NULL. */
static const char *recorded_section(og_arena *a, const char *list, const char *id)
{
    size_t idl = strlen(id);
    for (const char *s = list; s && *s;) {
        const char *comma = strchr(s, ',');
        size_t n = comma ? (size_t)(comma - s) : strlen(s);
        if (n > idl && strncmp(s, id, idl) == 0 && s[idl] == ':')
            return og_arena_strndup(a, s + idl + 1, n - idl - 1);
        s = comma ? comma + 1 : NULL;
    }
    return NULL;
}

/* ------------------------------------------------------------------ verification */

struct odfgate_signoffs {
    og_arena arena;
    odfgate_signoff *items;
    size_t count;
};

static const char *const state_names[] = {"valid", "stale", "unknown", "malformed"};

const char *odfgate_signoff_state_name(odfgate_signoff_state st)
{
    return (unsigned)st < OG_ARRAY_LEN(state_names) ? state_names[st] : "unknown";
}

static int known_signatory(const odfgate_schema *s, const char *id)
{
    for (size_t i = 0; i < s->signatory_count; i++)
        if (strcmp(s->signatories[i].id, id) == 0)
            return 1;
    return 0;
}

static int verify(odfgate_signoffs *out, odfgate_signoff *r, const parsed *p, const og_digests *d,
                  const odfgate_schema *schema)
{
    og_arena *a = &out->arena;
    long long epoch;
    r->decision = p->decision;
    r->by = p->by;
    r->role = p->role;
    r->at = p->at;
    r->content = p->content;
    r->version = p->version;
    if (og_parse_datetime(p->at, &epoch) < 0) {
        r->state = ODFGATE_SIGNOFF_MALFORMED;
        r->problem = "the date is not an ISO 8601 date-time with a time zone";
        return 0;
    }
    r->future = epoch > (long long)time(NULL) + OG_FUTURE_SKEW_SECONDS;
    if (!known_signatory(schema, r->signatory)) {
        r->state = ODFGATE_SIGNOFF_UNKNOWN;
        return 0;
    }
    if (strcmp(p->content + 7, d->content) == 0) {
        r->state = ODFGATE_SIGNOFF_VALID;
        return 0;
    }
    r->state = ODFGATE_SIGNOFF_STALE;
    const char **changed = og_arena_zalloc(a, (d->count + 1) * sizeof(char *));
    if (!changed)
        return -1;
    for (size_t s = 0; s < d->count; s++) {
        const char *was = recorded_section(a, p->sections, schema->sections[s].id);
        if (!was || strcmp(was, d->sections[s]) != 0)
            changed[r->changed_count++] = schema->sections[s].id;
    }
    r->changed = changed;
    r->changed_outside = r->changed_count == 0;
    return 0;
}

typedef struct reading {
    const odfgate_doc *doc;
    const odfgate_schema *schema;
    odfgate_signoffs *res;
    og_digests d[OG_SIGNOFF_VERSION + 1]; /* by canonical text version, made when first needed */
    int made[OG_SIGNOFF_VERSION + 1];
} reading;

/* One record: `value` from `property`; `expect_id` the signatory its place names (a meta.xml
 * property's suffix), or NULL (a signature's description names it only in the record).
 * 0, or -1 out of memory. */
static int add_record(reading *rd, const char *property, const char *expect_id, const char *value,
                      const odfgate_signature *sig)
{
    odfgate_signoff *r = &rd->res->items[rd->res->count++];
    const char *problem;
    parsed p;
    r->property = property;
    r->signatory = expect_id ? expect_id : "";
    r->signature = sig;
    problem = parse_record(&rd->res->arena, value, &p);
    if (!problem && expect_id && strcmp(p.id, expect_id) != 0)
        problem = "the id in the record differs from the property name";
    if (!problem && !expect_id)
        r->signatory = p.id;
    if (problem) {
        r->state = ODFGATE_SIGNOFF_MALFORMED;
        r->problem = problem;
        return 0;
    }
    /* a record is verified against the canonical text of its own version: one made before
     * version 2 existed does not go stale on upgrade */
    if (!rd->made[p.version] &&
        og_digests_compute(rd->doc, rd->schema, p.version, &rd->res->arena, &rd->d[p.version]) < 0)
        return -1;
    rd->made[p.version] = 1;
    return verify(rd->res, r, &p, &rd->d[p.version], rd->schema);
}

static int is_signoff_property(const odfgate_property *prop)
{
    return strncmp(prop->name, OG_SIGNOFF_PREFIX, strlen(OG_SIGNOFF_PREFIX)) == 0;
}

const char *og_signature_record(const odfgate_signature *sig)
{
    const char *d = sig->description;
    return d && strncmp(d, OG_SIGNOFF_MAGIC, strlen(OG_SIGNOFF_MAGIC)) == 0 ? d : NULL;
}

odfgate_status odfgate_signoffs_read(const odfgate_doc *doc, const odfgate_schema *schema,
                                     odfgate_signoffs **out, odfgate_error *err)
{
    OG_ERR_LOCAL(err);
    const odfgate_meta *m = &doc->meta;
    reading rd = {.doc = doc, .schema = schema};
    size_t n = 0;
    int rc = 0;

    *out = NULL;
    if (!(rd.res = calloc(1, sizeof(*rd.res))))
        return og_fail(err, ODFGATE_E_NOMEM, doc->path, NULL, "out of memory");
    og_arena_init(&rd.res->arena);
    for (size_t i = 0; i < m->user_count; i++)
        n += is_signoff_property(&m->user[i]);
    for (size_t i = 0; i < doc->signature_count; i++)
        n += og_signature_record(&doc->signatures[i]) != NULL;
    rd.res->items = og_arena_zalloc(&rd.res->arena, (n + 1) * sizeof(odfgate_signoff));
    rc = rd.res->items ? 0 : -1;
    /* meta.xml records, then the records signatures carry (odfgate signoff --sign) */
    for (size_t i = 0; i < m->user_count && rc == 0; i++)
        if (is_signoff_property(&m->user[i]))
            rc = add_record(&rd, m->user[i].name, m->user[i].name + strlen(OG_SIGNOFF_PREFIX),
                            m->user[i].value, NULL);
    for (size_t i = 0; i < doc->signature_count && rc == 0; i++) {
        const odfgate_signature *sig = &doc->signatures[i];
        char *where;
        if (!og_signature_record(sig))
            continue;
        size_t len = strlen(OG_SIGNATURES_PART) + 2 + (sig->id ? strlen(sig->id) : 0);
        if (!(where = og_arena_alloc(&rd.res->arena, len))) {
            rc = -1;
            break;
        }
        snprintf(where, len, "%s#%s", OG_SIGNATURES_PART, sig->id ? sig->id : "");
        rc = add_record(&rd, where, NULL, og_signature_record(sig), sig);
    }
    if (rc < 0) {
        odfgate_signoffs_free(rd.res);
        return og_fail(err, ODFGATE_E_NOMEM, doc->path, NULL, "out of memory");
    }
    *out = rd.res;
    return ODFGATE_OK;
}

size_t odfgate_signoffs_count(const odfgate_signoffs *s) { return s->count; }

const odfgate_signoff *odfgate_signoffs_at(const odfgate_signoffs *s, size_t i)
{
    return i < s->count ? &s->items[i] : NULL;
}

void odfgate_signoffs_free(odfgate_signoffs *s)
{
    if (!s)
        return;
    og_arena_free(&s->arena);
    free(s);
}
