/* outfile.c — atomic output files, see outfile.h. */
#include "outfile.h"

#include "args.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>

FILE *cli_outfile_open(cli_outfile *of, const char *path, const char *what)
{
    of->path = path;
    of->what = what;
    snprintf(of->tmp, sizeof(of->tmp), "%s.odfgate-%ld.tmp", path, (long)getpid());
    if (!(of->f = fopen(of->tmp, "w")))
        cli_error("%s: cannot write %s: %s", path, what, strerror(errno));
    return of->f;
}

int cli_outfile_commit(cli_outfile *of)
{
    int bad = fflush(of->f) != 0 || fsync(fileno(of->f)) < 0;
    bad |= fclose(of->f) != 0;
    of->f = NULL;
    if (bad || rename(of->tmp, of->path) < 0) {
        cli_error("%s: cannot write %s: %s", of->path, of->what, strerror(errno));
        remove(of->tmp);
        return -1;
    }
    return 0;
}

void cli_outfile_abort(cli_outfile *of)
{
    if (!of->f)
        return;
    fclose(of->f);
    of->f = NULL;
    remove(of->tmp);
}
