/*
 * history.c — earlier versions of a file from its git repository (libgit2), for
 * `odfgate diff --since REV` and `--since-signoff` (docs/diff.md).
 *
 * History is walked from HEAD along first parents (the line a file's versions were committed
 * on; a merge's other side is reached through the merge commit's own version).  The file's
 * path is followed back through renames: where a commit has the path and its parent does not,
 * the parent-to-commit tree diff with rename detection (exact and similar contents) names
 * the old path.  Consecutive commits holding the same blob are read once.
 */
#include "diff/diff.h"

#include "check/signoff.h"

#include <errno.h>
#include "base/git2api.h"
#include <limits.h>
#include <stdlib.h>

/* An ODF package larger than this in history is passed over (as the reader would refuse it). */
#define MAX_BLOB (256u << 20)

typedef struct repo {
    git_repository *r;
    char rel[PATH_MAX]; /* the file's path relative to the work tree */
} repo;

static odfgate_status git_failed(odfgate_error *err, const char *file, const char *what)
{
    const git_error *e = git_error_last();
    return og_fail(err, ODFGATE_E_GIT, file, NULL, "%s%s%s", what, e && e->message ? ": " : "",
                   e && e->message ? e->message : "");
}

static odfgate_status open_repo(const char *file, repo *rp, odfgate_error *err)
{
    char abs[PATH_MAX], dir[PATH_MAX];
    memset(rp, 0, sizeof(*rp));
    const char *no_git2 = og_git2_error(); /* loaded on first use: say so, not "no repository" */
    if (no_git2)
        return og_fail(err, ODFGATE_E_GIT, file, NULL, "%s", no_git2);
    if (!realpath(file, abs))
        return og_fail(err, ODFGATE_E_IO, file, NULL, "%s", strerror(errno));
    snprintf(dir, sizeof(dir), "%s", abs);
    char *slash = strrchr(dir, '/');
    if (slash)
        *(slash == dir ? slash + 1 : slash) = '\0';
    if (git_repository_open_ext(&rp->r, dir, 0, NULL) < 0)
        return git_failed(err, file, "not in a git repository");
    const char *wd = git_repository_workdir(rp->r);
    char wabs[PATH_MAX];
    if (!wd || !realpath(wd, wabs)) {
        git_repository_free(rp->r);
        rp->r = NULL;
        return og_fail(err, ODFGATE_E_GIT, file, NULL, "the repository has no work tree");
    }
    size_t n = strlen(wabs);
    if (strncmp(abs, wabs, n) != 0 || abs[n] != '/') {
        git_repository_free(rp->r);
        rp->r = NULL;
        return og_fail(err, ODFGATE_E_GIT, file, NULL, "not inside the repository's work tree");
    }
    snprintf(rp->rel, sizeof(rp->rel), "%s", abs + n + 1);
    return ODFGATE_OK;
}

static void fill_info(odfgate_revision *info, const git_commit *c, const char *path)
{
    memset(info, 0, sizeof(*info));
    git_oid_tostr(info->commit, sizeof(info->commit), git_commit_id(c));
    snprintf(info->path, sizeof(info->path), "%s", path);
    info->time = (long long)git_commit_time(c);
    info->offset = git_commit_time_offset(c);
    const char *sum = git_commit_summary((git_commit *)c);
    snprintf(info->summary, sizeof(info->summary), "%s", sum ? sum : "");
}

/* The blob of `path` in commit c, or NULL (not there, or not a file). */
static git_blob *blob_at(git_repository *r, git_commit *c, const char *path)
{
    git_tree *t = NULL;
    git_tree_entry *e = NULL;
    git_blob *b = NULL;
    if (git_commit_tree(&t, c) == 0 && git_tree_entry_bypath(&e, t, path) == 0 &&
        git_tree_entry_type(e) == GIT_OBJECT_BLOB)
        git_blob_lookup(&b, r, git_tree_entry_id(e));
    git_tree_entry_free(e);
    git_tree_free(t);
    return b;
}

/* Where `path` (in commit c) came from in its parent p: the old path of a rename, written
 * into `path`; 0 when found, -1 when the file was added in c. */
static int renamed_from(git_repository *r, git_commit *p, git_commit *c, char *path, size_t cap)
{
    git_tree *pt = NULL, *ct = NULL;
    git_diff *diff = NULL;
    git_diff_find_options fo;
    int found = -1;
    git_diff_find_options_init(&fo, GIT_DIFF_FIND_OPTIONS_VERSION);
    fo.flags = GIT_DIFF_FIND_RENAMES | GIT_DIFF_FIND_FOR_UNTRACKED;
    if (git_commit_tree(&pt, p) < 0 || git_commit_tree(&ct, c) < 0 ||
        git_diff_tree_to_tree(&diff, r, pt, ct, NULL) < 0 || git_diff_find_similar(diff, &fo) < 0)
        goto done;
    for (size_t i = 0; i < git_diff_num_deltas(diff); i++) {
        const git_diff_delta *dl = git_diff_get_delta(diff, i);
        if (dl->status == GIT_DELTA_RENAMED && strcmp(dl->new_file.path, path) == 0) {
            snprintf(path, cap, "%s", dl->old_file.path);
            found = 0;
            break;
        }
    }
done:
    git_diff_free(diff);
    git_tree_free(pt);
    git_tree_free(ct);
    return found;
}

/* A visitor over the file's versions from HEAD back: visit(ctx, commit, path, blob) returns
 * 1 to stop, 0 to go on, -1 on error.  It is called for each new blob (a commit that did not
 * change the file is passed over), or with `every` for each commit (blob NULL where the file
 * is not in it). */
typedef int (*visit_fn)(void *ctx, git_commit *c, const char *path, git_blob *b);

static odfgate_status walk(const char *file, repo *rp, int every, visit_fn visit, void *ctx,
                           odfgate_error *err)
{
    git_commit *c = NULL;
    git_oid head;
    char path[PATH_MAX];
    git_oid last_blob;
    int have_last = 0, rc = 0;
    snprintf(path, sizeof(path), "%s", rp->rel);
    if (git_reference_name_to_id(&head, rp->r, "HEAD") < 0 ||
        git_commit_lookup(&c, rp->r, &head) < 0)
        return git_failed(err, file, "the repository has no commits");
    while (c && rc == 0) {
        git_blob *b = blob_at(rp->r, c, path);
        git_commit *p = NULL;
        int fresh = b && !(have_last && git_oid_equal(&last_blob, git_blob_id(b)));
        if (fresh) {
            last_blob = *git_blob_id(b);
            have_last = 1;
        }
        if (fresh || every)
            rc = visit(ctx, c, path, b);
        if (rc == 0 && git_commit_parentcount(c) > 0 && git_commit_parent(&p, c, 0) == 0) {
            git_blob *pb = blob_at(rp->r, p, path);
            if (!pb && b && renamed_from(rp->r, p, c, path, sizeof(path)) < 0) {
                git_commit_free(p); /* added here: nothing earlier */
                p = NULL;
            }
            git_blob_free(pb);
        }
        git_blob_free(b);
        git_commit_free(c);
        c = p;
    }
    git_commit_free(c);
    return rc < 0 ? ODFGATE_FAILED : ODFGATE_OK;
}

static int copy_blob(git_blob *b, void **data, size_t *len)
{
    size_t n = (size_t)git_blob_rawsize(b);
    void *p = malloc(n ? n : 1);
    if (!p)
        return -1;
    memcpy(p, git_blob_rawcontent(b), n);
    *data = p;
    *len = n;
    return 0;
}

/* ------------------------------------------------------------------ --since REV */

typedef struct at_rev {
    git_oid want;
    char path[PATH_MAX];
} at_rev;

static int is_rev(void *ctx, git_commit *c, const char *path, git_blob *b)
{
    at_rev *a = ctx;
    (void)b;
    if (!git_oid_equal(git_commit_id(c), &a->want))
        return 0;
    snprintf(a->path, sizeof(a->path), "%s", path);
    return 1;
}

odfgate_status odfgate_git_revision(const char *file, const char *rev, void **data, size_t *len,
                                    odfgate_revision *info, odfgate_error *err)
{
    OG_ERR_LOCAL(err);
    repo rp;
    git_object *obj = NULL;
    git_commit *c = NULL;
    git_blob *b = NULL;
    odfgate_status st;
    if (!file || !rev || !data || !len || !info)
        return og_fail(err, ODFGATE_E_USAGE, file, NULL, "missing argument");
    git_libgit2_init();
    if ((st = open_repo(file, &rp, err)) != ODFGATE_OK)
        goto out;
    if (git_revparse_single(&obj, rp.r, rev) < 0 ||
        git_object_peel((git_object **)&c, obj, GIT_OBJECT_COMMIT) < 0) {
        st = og_fail(err, ODFGATE_E_GIT, file, NULL, "no revision \"%s\" in the repository", rev);
        goto out;
    }
    at_rev a = {*git_commit_id(c), ""};
    snprintf(a.path, sizeof(a.path), "%s", rp.rel);
    if (!(b = blob_at(rp.r, c, a.path))) {
        /* renamed since? follow the path back from HEAD to that commit */
        a.path[0] = '\0';
        if ((st = walk(file, &rp, 1, is_rev, &a, err)) != ODFGATE_OK)
            goto out;
        if (a.path[0])
            b = blob_at(rp.r, c, a.path);
    }
    if (!b) {
        st = og_fail(err, ODFGATE_E_GIT, file, NULL, "the file is not in revision %s", rev);
        goto out;
    }
    if (copy_blob(b, data, len) < 0) {
        st = og_fail(err, ODFGATE_E_NOMEM, file, NULL, "out of memory");
        goto out;
    }
    fill_info(info, c, a.path);
    st = ODFGATE_OK;
out:
    git_blob_free(b);
    git_commit_free(c);
    git_object_free(obj);
    git_repository_free(rp.r);
    git_libgit2_shutdown();
    return st;
}

/* ------------------------------------------------------------------ --since-signoff */

typedef struct by_digest {
    const char *file;
    const char *content;
    int version;
    size_t searched;
    void *data;
    size_t len;
    odfgate_revision *info;
    int nomem;
} by_digest;

static int has_digest(void *ctx, git_commit *c, const char *path, git_blob *b)
{
    by_digest *bd = ctx;
    odfgate_doc *doc = NULL;
    odfgate_error e;
    char got[72];
    char name[PATH_MAX + 64];
    if ((size_t)git_blob_rawsize(b) > MAX_BLOB)
        return 0;
    bd->searched++;
    snprintf(name, sizeof(name), "%s@%.12s", path, git_oid_tostr_s(git_commit_id(c)));
    if (odfgate_doc_open_memory(git_blob_rawcontent(b), (size_t)git_blob_rawsize(b), name, NULL,
                                &doc, &e) > ODFGATE_WARN)
        return e.code == ODFGATE_E_NOMEM ? (bd->nomem = 1, -1) : 0; /* unreadable: passed over */
    int match = odfgate_doc_content_digest(doc, bd->version, got, &e) == ODFGATE_OK &&
                strcmp(got, bd->content) == 0;
    odfgate_doc_free(doc);
    if (!match)
        return 0;
    if (copy_blob(b, &bd->data, &bd->len) < 0) {
        bd->nomem = 1;
        return -1;
    }
    fill_info(bd->info, c, path);
    return 1;
}

odfgate_status odfgate_git_find_digest(const char *file, const char *content, int version,
                                       void **data, size_t *len, odfgate_revision *info,
                                       size_t *searched, odfgate_error *err)
{
    OG_ERR_LOCAL(err);
    repo rp;
    odfgate_status st;
    by_digest bd = {file, content, version, 0, NULL, 0, info, 0};
    if (!file || !content || !data || !len || !info)
        return og_fail(err, ODFGATE_E_USAGE, file, NULL, "missing argument");
    git_libgit2_init();
    if ((st = open_repo(file, &rp, err)) == ODFGATE_OK) {
        st = walk(file, &rp, 0, has_digest, &bd, err);
        if (bd.nomem)
            st = og_fail(err, ODFGATE_E_NOMEM, file, NULL, "out of memory");
        else if (st == ODFGATE_OK && !bd.data)
            st = og_fail(err, ODFGATE_E_NOT_FOUND, file, NULL,
                         "no committed version of the file has that text (%zu read)", bd.searched);
    }
    if (searched)
        *searched = bd.searched;
    if (st == ODFGATE_OK) {
        *data = bd.data;
        *len = bd.len;
    }
    git_repository_free(rp.r);
    git_libgit2_shutdown();
    return st;
}
