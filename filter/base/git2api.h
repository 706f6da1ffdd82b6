/*
 * git2api.h — libgit2, bound on first use (base/lazylib.h) instead of linked: only `diff`,
 * `status --since` and history need it, and linking it made every process map mbed TLS,
 * http-parser and PCRE2 at start-up (#22).
 *
 * Include this instead of <git2.h>: the git_* functions odfgate calls go through og_git2()'s
 * table.  When libgit2 cannot be loaded every function fails as libgit2 reports failure (-1,
 * NULL, 0, GIT_OBJECT_INVALID; git_error_last NULL: og_git2_error() says why) and the frees do
 * nothing, so each caller's failure path reports it.
 */
#ifndef OG_GIT2API_H
#define OG_GIT2API_H

#include <git2.h>

typedef struct og_git2_api {
    void (*blob_free)(git_blob *blob);
    const git_oid *(*blob_id)(const git_blob *blob);
    int (*blob_lookup)(git_blob **blob, git_repository *repo, const git_oid *id);
    const void *(*blob_rawcontent)(const git_blob *blob);
    git_object_size_t (*blob_rawsize)(const git_blob *blob);
    void (*commit_free)(git_commit *commit);
    const git_oid *(*commit_id)(const git_commit *commit);
    int (*commit_lookup)(git_commit **commit, git_repository *repo, const git_oid *id);
    int (*commit_parent)(git_commit **out, const git_commit *commit, unsigned int n);
    unsigned int (*commit_parentcount)(const git_commit *commit);
    const char *(*commit_summary)(git_commit *commit);
    git_time_t (*commit_time)(const git_commit *commit);
    int (*commit_time_offset)(const git_commit *commit);
    int (*commit_tree)(git_tree **tree_out, const git_commit *commit);
    int (*diff_buffers)(const void *old_buffer, size_t old_len, const char *old_as_path,
                        const void *new_buffer, size_t new_len, const char *new_as_path,
                        const git_diff_options *options, git_diff_file_cb file_cb,
                        git_diff_binary_cb binary_cb, git_diff_hunk_cb hunk_cb,
                        git_diff_line_cb line_cb, void *payload);
    int (*diff_find_options_init)(git_diff_find_options *opts, unsigned int version);
    int (*diff_find_similar)(git_diff *diff, const git_diff_find_options *options);
    void (*diff_free)(git_diff *diff);
    const git_diff_delta *(*diff_get_delta)(const git_diff *diff, size_t idx);
    size_t (*diff_num_deltas)(const git_diff *diff);
    int (*diff_options_init)(git_diff_options *opts, unsigned int version);
    int (*diff_tree_to_tree)(git_diff **diff, git_repository *repo, git_tree *old_tree,
                             git_tree *new_tree, const git_diff_options *opts);
    const git_error *(*error_last)(void);
    int (*libgit2_init)(void);
    int (*libgit2_shutdown)(void);
    void (*object_free)(git_object *object);
    int (*object_peel)(git_object **peeled, const git_object *object, git_object_t target_type);
    int (*oid_equal)(const git_oid *a, const git_oid *b);
    char *(*oid_tostr)(char *out, size_t n, const git_oid *id);
    char *(*oid_tostr_s)(const git_oid *oid);
    int (*reference_name_to_id)(git_oid *out, git_repository *repo, const char *name);
    void (*repository_free)(git_repository *repo);
    int (*repository_open_ext)(git_repository **out, const char *path, unsigned int flags,
                               const char *ceiling_dirs);
    const char *(*repository_workdir)(const git_repository *repo);
    int (*revparse_single)(git_object **out, git_repository *repo, const char *spec);
    int (*tree_entry_bypath)(git_tree_entry **out, const git_tree *root, const char *path);
    void (*tree_entry_free)(git_tree_entry *entry);
    const git_oid *(*tree_entry_id)(const git_tree_entry *entry);
    git_object_t (*tree_entry_type)(const git_tree_entry *entry);
    void (*tree_free)(git_tree *tree);
} og_git2_api;

/* The table (bound on first call; thread-safe). */
const og_git2_api *og_git2(void);
/* Why libgit2 could not be loaded, or NULL if it was. */
const char *og_git2_error(void);

#define git_blob_free              (og_git2()->blob_free)
#define git_blob_id                (og_git2()->blob_id)
#define git_blob_lookup            (og_git2()->blob_lookup)
#define git_blob_rawcontent        (og_git2()->blob_rawcontent)
#define git_blob_rawsize           (og_git2()->blob_rawsize)
#define git_commit_free            (og_git2()->commit_free)
#define git_commit_id              (og_git2()->commit_id)
#define git_commit_lookup          (og_git2()->commit_lookup)
#define git_commit_parent          (og_git2()->commit_parent)
#define git_commit_parentcount     (og_git2()->commit_parentcount)
#define git_commit_summary         (og_git2()->commit_summary)
#define git_commit_time            (og_git2()->commit_time)
#define git_commit_time_offset     (og_git2()->commit_time_offset)
#define git_commit_tree            (og_git2()->commit_tree)
#define git_diff_buffers           (og_git2()->diff_buffers)
#define git_diff_find_options_init (og_git2()->diff_find_options_init)
#define git_diff_find_similar      (og_git2()->diff_find_similar)
#define git_diff_free              (og_git2()->diff_free)
#define git_diff_get_delta         (og_git2()->diff_get_delta)
#define git_diff_num_deltas        (og_git2()->diff_num_deltas)
#define git_diff_options_init      (og_git2()->diff_options_init)
#define git_diff_tree_to_tree      (og_git2()->diff_tree_to_tree)
#define git_error_last             (og_git2()->error_last)
#define git_libgit2_init           (og_git2()->libgit2_init)
#define git_libgit2_shutdown       (og_git2()->libgit2_shutdown)
#define git_object_free            (og_git2()->object_free)
#define git_object_peel            (og_git2()->object_peel)
#define git_oid_equal              (og_git2()->oid_equal)
#define git_oid_tostr              (og_git2()->oid_tostr)
#define git_oid_tostr_s            (og_git2()->oid_tostr_s)
#define git_reference_name_to_id   (og_git2()->reference_name_to_id)
#define git_repository_free        (og_git2()->repository_free)
#define git_repository_open_ext    (og_git2()->repository_open_ext)
#define git_repository_workdir     (og_git2()->repository_workdir)
#define git_revparse_single        (og_git2()->revparse_single)
#define git_tree_entry_bypath      (og_git2()->tree_entry_bypath)
#define git_tree_entry_free        (og_git2()->tree_entry_free)
#define git_tree_entry_id          (og_git2()->tree_entry_id)
#define git_tree_entry_type        (og_git2()->tree_entry_type)
#define git_tree_free              (og_git2()->tree_free)

#endif
