/*
 * atomicfile.h — replace a file so that a reader sees the old bytes or the new, never a mix,
 * and never lose a change another program saved meanwhile.
 *
 *   - the new bytes go to a temporary file beside the target (same directory, so the rename
 *     is atomic), which is fsync'ed, renamed over the target, and the directory fsync'ed;
 *   - a symbolic link is written through; a device, FIFO or folder is never replaced;
 *   - the replaced file's permissions are kept;
 *   - on any failure the temporary file is removed and the target is untouched.
 */
#ifndef OG_ATOMICFILE_H
#define OG_ATOMICFILE_H

#include "base/fileid.h"
#include "base/internal.h"

/* Serialise read-modify-write cycles on one file (--in-place): an exclusive flock on the
 * file's directory, whose inode, unlike the file's, survives the rename.  Returns a descriptor
 * for og_unlock, or -1 with err filled. */
int og_lock_dir_of(const char *path, odfgate_error *err);
void og_unlock(int fd);

/* Write bytes to dst_path atomically (temp file beside it, fsync, rename, fsync dir).  With
 * `expect` (the state in which a writer in place read dst_path; NULL or !known: no check), the
 * target must still be in that state just before the rename, else nothing is written
 * (ODFGATE_E_IO "changed since it was read": another program saved it meanwhile). */
int og_write_file_atomic(const char *dst_path, const char *data, size_t len,
                         const og_file_id *expect, odfgate_error *err);

/* 1 if a and b name the same file (after resolving links; as written if either does not
 * exist): the writer works in place. */
int og_same_file(const char *a, const char *b);
/* The state to expect before replacing out_path: the source's when out_path is the file that
 * was read (in place), else NULL. */
const og_file_id *og_in_place_expect(const char *in_path, const char *out_path,
                                     const og_file_id *source);

#endif
