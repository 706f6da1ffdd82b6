/* git2api.c — see git2api.h. */
#include "base/git2api.h"

#include "base/lazylib.h"

#include <pthread.h>
#include <stddef.h>

/* the ABI this was built against: libgit2's soname changes with each minor version */
#define OG_LIBGIT2_SONAME "libgit2.so." LIBGIT2_SOVERSION

static pthread_once_t once = PTHREAD_ONCE_INIT;
static og_git2_api api;
static char problem[300];
static int loaded;

/* The table when libgit2 is missing: each fails as libgit2 reports failure. */
static void no_blob_free(git_blob *blob) { (void)blob; }
static const git_oid *no_blob_id(const git_blob *blob)
{
    (void)blob;
    return NULL;
}
static int no_blob_lookup(git_blob **blob, git_repository *repo, const git_oid *id)
{
    (void)blob, (void)repo, (void)id;
    return -1;
}
static const void *no_blob_rawcontent(const git_blob *blob)
{
    (void)blob;
    return NULL;
}
static git_object_size_t no_blob_rawsize(const git_blob *blob)
{
    (void)blob;
    return 0;
}
static void no_commit_free(git_commit *commit) { (void)commit; }
static const git_oid *no_commit_id(const git_commit *commit)
{
    (void)commit;
    return NULL;
}
static int no_commit_lookup(git_commit **commit, git_repository *repo, const git_oid *id)
{
    (void)commit, (void)repo, (void)id;
    return -1;
}
static int no_commit_parent(git_commit **out, const git_commit *commit, unsigned int n)
{
    (void)out, (void)commit, (void)n;
    return -1;
}
static unsigned int no_commit_parentcount(const git_commit *commit)
{
    (void)commit;
    return 0;
}
static const char *no_commit_summary(git_commit *commit)
{
    (void)commit;
    return NULL;
}
static git_time_t no_commit_time(const git_commit *commit)
{
    (void)commit;
    return 0;
}
static int no_commit_time_offset(const git_commit *commit)
{
    (void)commit;
    return -1;
}
static int no_commit_tree(git_tree **tree_out, const git_commit *commit)
{
    (void)tree_out, (void)commit;
    return -1;
}
static int no_diff_buffers(const void *old_buffer, size_t old_len, const char *old_as_path,
                           const void *new_buffer, size_t new_len, const char *new_as_path,
                           const git_diff_options *options, git_diff_file_cb file_cb,
                           git_diff_binary_cb binary_cb, git_diff_hunk_cb hunk_cb,
                           git_diff_line_cb line_cb, void *payload)
{
    (void)old_buffer, (void)old_len, (void)old_as_path, (void)new_buffer, (void)new_len,
        (void)new_as_path, (void)options, (void)file_cb, (void)binary_cb, (void)hunk_cb,
        (void)line_cb, (void)payload;
    return -1;
}
static int no_diff_find_options_init(git_diff_find_options *opts, unsigned int version)
{
    (void)opts, (void)version;
    return -1;
}
static int no_diff_find_similar(git_diff *diff, const git_diff_find_options *options)
{
    (void)diff, (void)options;
    return -1;
}
static void no_diff_free(git_diff *diff) { (void)diff; }
static const git_diff_delta *no_diff_get_delta(const git_diff *diff, size_t idx)
{
    (void)diff, (void)idx;
    return NULL;
}
static size_t no_diff_num_deltas(const git_diff *diff)
{
    (void)diff;
    return 0;
}
static int no_diff_options_init(git_diff_options *opts, unsigned int version)
{
    (void)opts, (void)version;
    return -1;
}
static int no_diff_tree_to_tree(git_diff **diff, git_repository *repo, git_tree *old_tree,
                                git_tree *new_tree, const git_diff_options *opts)
{
    (void)diff, (void)repo, (void)old_tree, (void)new_tree, (void)opts;
    return -1;
}
static const git_error *no_error_last(void) { return NULL; }
static int no_libgit2_init(void) { return -1; }
static int no_libgit2_shutdown(void) { return -1; }
static void no_object_free(git_object *object) { (void)object; }
static int no_object_peel(git_object **peeled, const git_object *object, git_object_t target_type)
{
    (void)peeled, (void)object, (void)target_type;
    return -1;
}
static int no_oid_equal(const git_oid *a, const git_oid *b)
{
    (void)a, (void)b;
    return 0; /* not equal: nothing is the same as something never read */
}
static char *no_oid_tostr(char *out, size_t n, const git_oid *id)
{
    (void)out, (void)n, (void)id;
    return NULL;
}
static char *no_oid_tostr_s(const git_oid *oid)
{
    (void)oid;
    return NULL;
}
static int no_reference_name_to_id(git_oid *out, git_repository *repo, const char *name)
{
    (void)out, (void)repo, (void)name;
    return -1;
}
static void no_repository_free(git_repository *repo) { (void)repo; }
static int no_repository_open_ext(git_repository **out, const char *path, unsigned int flags,
                                  const char *ceiling_dirs)
{
    (void)out, (void)path, (void)flags, (void)ceiling_dirs;
    return -1;
}
static const char *no_repository_workdir(const git_repository *repo)
{
    (void)repo;
    return NULL;
}
static int no_revparse_single(git_object **out, git_repository *repo, const char *spec)
{
    (void)out, (void)repo, (void)spec;
    return -1;
}
static int no_tree_entry_bypath(git_tree_entry **out, const git_tree *root, const char *path)
{
    (void)out, (void)root, (void)path;
    return -1;
}
static void no_tree_entry_free(git_tree_entry *entry) { (void)entry; }
static const git_oid *no_tree_entry_id(const git_tree_entry *entry)
{
    (void)entry;
    return NULL;
}
static git_object_t no_tree_entry_type(const git_tree_entry *entry)
{
    (void)entry;
    return GIT_OBJECT_INVALID;
}
static void no_tree_free(git_tree *tree) { (void)tree; }

static void load(void)
{
    static const char *const names[] = {
        "git_blob_free",
        "git_blob_id",
        "git_blob_lookup",
        "git_blob_rawcontent",
        "git_blob_rawsize",
        "git_commit_free",
        "git_commit_id",
        "git_commit_lookup",
        "git_commit_parent",
        "git_commit_parentcount",
        "git_commit_summary",
        "git_commit_time",
        "git_commit_time_offset",
        "git_commit_tree",
        "git_diff_buffers",
        "git_diff_find_options_init",
        "git_diff_find_similar",
        "git_diff_free",
        "git_diff_get_delta",
        "git_diff_num_deltas",
        "git_diff_options_init",
        "git_diff_tree_to_tree",
        "git_error_last",
        "git_libgit2_init",
        "git_libgit2_shutdown",
        "git_object_free",
        "git_object_peel",
        "git_oid_equal",
        "git_oid_tostr",
        "git_oid_tostr_s",
        "git_reference_name_to_id",
        "git_repository_free",
        "git_repository_open_ext",
        "git_repository_workdir",
        "git_revparse_single",
        "git_tree_entry_bypath",
        "git_tree_entry_free",
        "git_tree_entry_id",
        "git_tree_entry_type",
        "git_tree_free",
    };
    void **const slots[] = {
        (void **)&api.blob_free,
        (void **)&api.blob_id,
        (void **)&api.blob_lookup,
        (void **)&api.blob_rawcontent,
        (void **)&api.blob_rawsize,
        (void **)&api.commit_free,
        (void **)&api.commit_id,
        (void **)&api.commit_lookup,
        (void **)&api.commit_parent,
        (void **)&api.commit_parentcount,
        (void **)&api.commit_summary,
        (void **)&api.commit_time,
        (void **)&api.commit_time_offset,
        (void **)&api.commit_tree,
        (void **)&api.diff_buffers,
        (void **)&api.diff_find_options_init,
        (void **)&api.diff_find_similar,
        (void **)&api.diff_free,
        (void **)&api.diff_get_delta,
        (void **)&api.diff_num_deltas,
        (void **)&api.diff_options_init,
        (void **)&api.diff_tree_to_tree,
        (void **)&api.error_last,
        (void **)&api.libgit2_init,
        (void **)&api.libgit2_shutdown,
        (void **)&api.object_free,
        (void **)&api.object_peel,
        (void **)&api.oid_equal,
        (void **)&api.oid_tostr,
        (void **)&api.oid_tostr_s,
        (void **)&api.reference_name_to_id,
        (void **)&api.repository_free,
        (void **)&api.repository_open_ext,
        (void **)&api.repository_workdir,
        (void **)&api.revparse_single,
        (void **)&api.tree_entry_bypath,
        (void **)&api.tree_entry_free,
        (void **)&api.tree_entry_id,
        (void **)&api.tree_entry_type,
        (void **)&api.tree_free,
    };
    if ((loaded = og_lazylib_bind(OG_LIBGIT2_SONAME, names, slots, sizeof(names) / sizeof(*names),
                                  problem, sizeof(problem)) == 0))
        return;
    api.blob_free = no_blob_free;
    api.blob_id = no_blob_id;
    api.blob_lookup = no_blob_lookup;
    api.blob_rawcontent = no_blob_rawcontent;
    api.blob_rawsize = no_blob_rawsize;
    api.commit_free = no_commit_free;
    api.commit_id = no_commit_id;
    api.commit_lookup = no_commit_lookup;
    api.commit_parent = no_commit_parent;
    api.commit_parentcount = no_commit_parentcount;
    api.commit_summary = no_commit_summary;
    api.commit_time = no_commit_time;
    api.commit_time_offset = no_commit_time_offset;
    api.commit_tree = no_commit_tree;
    api.diff_buffers = no_diff_buffers;
    api.diff_find_options_init = no_diff_find_options_init;
    api.diff_find_similar = no_diff_find_similar;
    api.diff_free = no_diff_free;
    api.diff_get_delta = no_diff_get_delta;
    api.diff_num_deltas = no_diff_num_deltas;
    api.diff_options_init = no_diff_options_init;
    api.diff_tree_to_tree = no_diff_tree_to_tree;
    api.error_last = no_error_last;
    api.libgit2_init = no_libgit2_init;
    api.libgit2_shutdown = no_libgit2_shutdown;
    api.object_free = no_object_free;
    api.object_peel = no_object_peel;
    api.oid_equal = no_oid_equal;
    api.oid_tostr = no_oid_tostr;
    api.oid_tostr_s = no_oid_tostr_s;
    api.reference_name_to_id = no_reference_name_to_id;
    api.repository_free = no_repository_free;
    api.repository_open_ext = no_repository_open_ext;
    api.repository_workdir = no_repository_workdir;
    api.revparse_single = no_revparse_single;
    api.tree_entry_bypath = no_tree_entry_bypath;
    api.tree_entry_free = no_tree_entry_free;
    api.tree_entry_id = no_tree_entry_id;
    api.tree_entry_type = no_tree_entry_type;
    api.tree_free = no_tree_free;
}

const og_git2_api *og_git2(void)
{
    pthread_once(&once, load);
    return &api;
}

const char *og_git2_error(void)
{
    pthread_once(&once, load);
    return loaded ? NULL : problem;
}
