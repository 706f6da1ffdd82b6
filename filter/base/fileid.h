/*
 * fileid.h — what identifies a file's state on disk: device, inode, size, modification and
 * status-change times (nanoseconds).  A writer replacing its own input (--in-place) compares
 * the state it read with the state just before its rename, so that a save by another program
 * in between (LibreOffice, an editor, a sync client) is refused, never silently lost (#21.8).
 * Any write changes the modification time and any write or rename the inode or status-change
 * time; a chmod also counts as a change.  The check and the rename are two steps: a save
 * landing between them (microseconds) is not seen.
 */
#ifndef OG_FILEID_H
#define OG_FILEID_H

#include <sys/stat.h>

typedef struct og_file_id {
    int known; /* 0: not a regular file read by path (standard input, memory) */
    dev_t dev;
    ino_t ino;
    off_t size;
    struct timespec mtime, ctime;
} og_file_id;

static inline void og_file_id_set(og_file_id *id, const struct stat *st)
{
    id->known = 1;
    id->dev = st->st_dev;
    id->ino = st->st_ino;
    id->size = st->st_size;
    id->mtime = st->st_mtim;
    id->ctime = st->st_ctim;
}

/* 1 if st is the state id recorded. */
static inline int og_file_id_same(const og_file_id *id, const struct stat *st)
{
    return id->dev == st->st_dev && id->ino == st->st_ino && id->size == st->st_size &&
           id->mtime.tv_sec == st->st_mtim.tv_sec && id->mtime.tv_nsec == st->st_mtim.tv_nsec &&
           id->ctime.tv_sec == st->st_ctim.tv_sec && id->ctime.tv_nsec == st->st_ctim.tv_nsec;
}

#endif
