/* outfile.c — atomic output files, see outfile.h. */
#include "outfile.h"

#include "args.h"
#include "odfgate.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* 0 if a file can be made at path (its folder exists and is writable, path is no folder),
 * else -1 with errno set. */
static int writable_place(const char *path)
{
    char dir[PATH_MAX];
    const char *slash = strrchr(path, '/');
    struct stat st;
    if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
        errno = EISDIR;
        return -1;
    }
    if (!slash)
        return access(".", W_OK | X_OK);
    if ((size_t)(slash - path) >= sizeof(dir)) {
        errno = ENAMETOOLONG;
        return -1;
    }
    snprintf(dir, sizeof(dir), "%.*s", slash == path ? 1 : (int)(slash - path), path);
    return access(dir, W_OK | X_OK);
}

FILE *cli_outfile_open(cli_outfile *of, const char *path, const char *what)
{
    of->path = path;
    of->what = what;
    of->data = NULL;
    of->len = 0;
    of->f = NULL;
    if (writable_place(path) < 0 || !(of->f = open_memstream(&of->data, &of->len)))
        cli_error("%s: cannot write %s: %s", path, what, strerror(errno));
    return of->f;
}

int cli_outfile_commit(cli_outfile *of)
{
    odfgate_error err;
    int bad = fclose(of->f) != 0;
    of->f = NULL;
    if (bad) {
        cli_error("%s: cannot write %s: out of memory", of->path, of->what);
    } else if (odfgate_write_file(of->path, of->data ? of->data : "", of->len, &err) !=
               ODFGATE_OK) {
        cli_error("%s: cannot write %s: %s", of->path, of->what, err.message);
        bad = 1;
    }
    free(of->data);
    of->data = NULL;
    return bad ? -1 : 0;
}

void cli_outfile_abort(cli_outfile *of)
{
    if (of->f)
        fclose(of->f);
    of->f = NULL;
    free(of->data);
    of->data = NULL;
}
