/*
 * stamp.c — odfgate_signoff_stamp / odfgate_signoff_revoke: compute the record, rewrite only
 * meta.xml (the manifest too when meta.xml was missing), copy every other part raw, write
 * atomically.  A document carrying ODF digital signatures is refused unless forced (the
 * signatures would no longer verify; with force they are removed, and the caller says so).
 */
#include "base/internal.h"

#include "write/metaedit.h"
#include "read/model.h"
#include "read/package.h"
#include "write/pkgwrite.h"
#include "check/canonical.h"
#include "check/signoff.h"
#include "write/stamp.h"

#define SIGNATURES OG_SIGNATURES_PART
#define MAX_META   (64u << 20)

static odfgate_status fail_status(odfgate_error *err) { return og_status_of(err); }

/* Set (value) or remove (NULL) a property and write the result to out_path; in place, only
 * if the file is still in the state `source` (when the document was read: og_write_file_atomic). */
static odfgate_status rewrite(const char *in, const char *out, const char *name, const char *value,
                              int force, const og_file_id *source, int *found, odfgate_error *err)
{
    const og_file_id *expect = og_in_place_expect(in, out, source);
    og_package *pkg = NULL;
    og_buf part, meta, manifest;
    odfgate_status st = og_package_open(in, NULL, &pkg, err);
    int rc = -1;
    if (st != ODFGATE_OK)
        return st;
    og_buf_init(&part, MAX_META);
    og_buf_init(&meta, SIZE_MAX / 2);
    og_buf_init(&manifest, SIZE_MAX / 2);
    if (og_package_kind_of(pkg) == OG_PACKAGE_FLAT) {
        og_buf whole;
        og_buf_init(&whole, SIZE_MAX / 2);
        if (og_package_read_part(pkg, "content.xml", &whole, err) == 0 &&
            og_meta_set_user(whole.data, whole.len, in, name, value, &meta, found, err) == 0)
            rc = og_write_file_atomic(out, meta.data, meta.len, expect, err);
        og_buf_free(&whole);
        goto done;
    }
    if (og_package_has_part(pkg, SIGNATURES) && !force) {
        og_fail(err, ODFGATE_E_USAGE, in, SIGNATURES,
                "the document carries ODF digital signatures; an unsigned sign-off rewrites "
                "meta.xml and would invalidate them: sign off with --sign (or --force to write "
                "anyway: the signatures are then removed)");
        goto done;
    }
    static const char *const drop[] = {SIGNATURES, NULL};
    og_part_data parts[2];
    size_t nparts = 1;
    if (og_package_has_part(pkg, "meta.xml")) {
        if (og_package_read_part(pkg, "meta.xml", &part, err) < 0 ||
            og_meta_set_user(part.data, part.len, in, name, value, &meta, found, err) < 0)
            goto done;
    } else {
        if (og_meta_set_user(og_empty_meta_xml, strlen(og_empty_meta_xml), in, name, value, &meta,
                             found, err) < 0)
            goto done;
        if (og_package_has_part(pkg, "META-INF/manifest.xml")) {
            og_buf_reset(&part);
            if (og_package_read_part(pkg, "META-INF/manifest.xml", &part, err) < 0 ||
                og_manifest_add(part.data, part.len, in, "meta.xml", "text/xml", &manifest, err) <
                    0)
                goto done;
            parts[nparts++] =
                (og_part_data){"META-INF/manifest.xml", manifest.data, manifest.len, NULL};
        }
    }
    parts[0] = (og_part_data){"meta.xml", meta.data, meta.len, "text/xml"};
    og_package_free(pkg);
    pkg = NULL;
    rc = og_package_write(in, out, parts, nparts, force ? drop : NULL, expect, err);
done:
    og_package_free(pkg);
    og_buf_free(&part);
    og_buf_free(&meta);
    og_buf_free(&manifest);
    return rc == 0 ? ODFGATE_OK : fail_status(err);
}

static const og_signatory *find_signatory(const odfgate_schema *s, const char *id)
{
    for (size_t i = 0; id && i < s->signatory_count; i++)
        if (strcmp(s->signatories[i].id, id) == 0)
            return &s->signatories[i];
    return NULL;
}

/* In place, two writers must not both read the old text and each write their own copy (one
 * sign-off would be lost): the read-modify-write runs under a lock (og_lock_dir_of), and the
 * file must still be as it was read when it is replaced (another program's save, #21.8). */
static odfgate_status stamp_unlocked(const char *in_path, const char *out_path,
                                     const odfgate_schema *schema, const odfgate_stamp *stamp,
                                     odfgate_error *err);
static odfgate_status revoke_unlocked(const char *in_path, const char *out_path,
                                      const char *signatory, int force, odfgate_error *err);

/* A read-modify-write in place is serialised (og_lock_dir_of); *lock is -1 when the output is
 * another file.  0, or -1 with err filled. */
int og_stamp_lock(const char *in_path, const char *out_path, int *lock, odfgate_error *err)
{
    *lock = -1;
    if (in_path && out_path && og_same_file(in_path, out_path) &&
        (*lock = og_lock_dir_of(out_path, err)) < 0)
        return -1;
    return 0;
}

odfgate_status odfgate_signoff_stamp(const char *in_path, const char *out_path,
                                     const odfgate_schema *schema, const odfgate_stamp *stamp,
                                     odfgate_error *err)
{
    OG_ERR_LOCAL(err);
    int lock;
    odfgate_status st;
    if (og_stamp_lock(in_path, out_path, &lock, err) < 0)
        return ODFGATE_FAILED;
    st = stamp_unlocked(in_path, out_path, schema, stamp, err);
    og_unlock(lock);
    return st;
}

odfgate_status odfgate_signoff_revoke(const char *in_path, const char *out_path,
                                      const char *signatory, int force, odfgate_error *err)
{
    OG_ERR_LOCAL(err);
    int lock;
    odfgate_status st;
    if (og_stamp_lock(in_path, out_path, &lock, err) < 0)
        return ODFGATE_FAILED;
    st = revoke_unlocked(in_path, out_path, signatory, force, err);
    og_unlock(lock);
    return st;
}

odfgate_status og_stamp_record(const char *in_path, const odfgate_schema *schema,
                               const odfgate_stamp *stamp, odfgate_doc **doc_out, og_buf *record,
                               char at[64], odfgate_error *err)
{
    odfgate_doc *doc = NULL;
    og_arena a;
    og_digests d;
    odfgate_status st;

    *doc_out = NULL;
    if (!in_path || !schema || !stamp)
        return og_fail(err, ODFGATE_E_USAGE, in_path, NULL, "missing argument");
    if (!find_signatory(schema, stamp->signatory)) {
        og_buf list;
        og_buf_init(&list, 4096);
        for (size_t i = 0; i < schema->signatory_count; i++)
            og_buf_printf(&list, "%s%s", i ? ", " : "", schema->signatories[i].id);
        st = og_fail(
            err, ODFGATE_E_USAGE, in_path, NULL, "unknown signatory \"%s\"; schema %s lists: %s",
            stamp->signatory ? stamp->signatory : "", schema->id, list.data ? list.data : "(none)");
        og_buf_free(&list);
        return st;
    }
    if ((st = odfgate_doc_open(in_path, NULL, &doc, err)) > ODFGATE_WARN)
        return st;
    if (doc->tracked_changes && !stamp->force) {
        st = og_fail(err, ODFGATE_E_USAGE, in_path, NULL,
                     "the document has %u unresolved tracked changes; accept or reject them before "
                     "signing off (or use --force)",
                     doc->tracked_changes);
        odfgate_doc_free(doc);
        return st;
    }
    og_arena_init(&a);
    if (stamp->at)
        og_copy_safe(at, 64, stamp->at);
    else
        og_now_iso(at);
    st = ODFGATE_FAILED;
    if (og_digests_compute(doc, schema, OG_CANONICAL_LATEST, &a, &d) < 0)
        og_fail(err, ODFGATE_E_NOMEM, in_path, NULL, "out of memory");
    else if (og_signoff_encode(stamp, at, &d, schema, record, err) == 0)
        st = ODFGATE_OK;
    og_arena_free(&a);
    if (st != ODFGATE_OK) {
        odfgate_doc_free(doc);
        return st;
    }
    *doc_out = doc;
    return ODFGATE_OK;
}

static odfgate_status stamp_unlocked(const char *in_path, const char *out_path,
                                     const odfgate_schema *schema, const odfgate_stamp *stamp,
                                     odfgate_error *err)
{
    odfgate_doc *doc = NULL;
    og_buf record, name;
    char at[64];
    odfgate_status st;

    if (!out_path)
        return og_fail(err, ODFGATE_E_USAGE, in_path, NULL, "missing argument");
    og_buf_init(&record, 1u << 20);
    og_buf_init(&name, 4096);
    st = og_stamp_record(in_path, schema, stamp, &doc, &record, at, err);
    if (st == ODFGATE_OK) {
        st = ODFGATE_FAILED;
        if (og_buf_printf(&name, "%s%s", OG_SIGNOFF_PREFIX, stamp->signatory) == OG_BUF_OK)
            st = rewrite(in_path, out_path, name.data, record.data, stamp->force, &doc->source,
                         NULL, err);
        else
            og_fail(err, ODFGATE_E_NOMEM, in_path, NULL, "out of memory");
    }
    if (st == ODFGATE_FAILED && err && !err->path[0])
        og_copy_safe(err->path, sizeof(err->path), in_path);
    og_buf_free(&record);
    og_buf_free(&name);
    odfgate_doc_free(doc);
    return st;
}

static odfgate_status revoke_unlocked(const char *in_path, const char *out_path,
                                      const char *signatory, int force, odfgate_error *err)
{
    odfgate_doc *doc = NULL;
    char name[512];
    odfgate_status st;
    if (!in_path || !out_path || !signatory)
        return og_fail(err, ODFGATE_E_USAGE, in_path, NULL, "missing argument");
    snprintf(name, sizeof(name), "user:%s%s", OG_SIGNOFF_PREFIX, signatory);
    if ((st = odfgate_doc_open(in_path, NULL, &doc, err)) > ODFGATE_WARN)
        return st;
    int present = odfgate_doc_meta_field(doc, name) != NULL;
    og_file_id source = doc->source;
    odfgate_doc_free(doc);
    if (!present)
        return og_fail(err, ODFGATE_E_USAGE, in_path, NULL,
                       "there is no sign-off from \"%s\" to revoke", signatory);
    return rewrite(in_path, out_path, name + 5, NULL, force, &source, NULL, err);
}
