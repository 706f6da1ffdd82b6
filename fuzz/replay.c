/* replay.c — run every file under the given directories (or the given files) through
 * LLVMFuzzerTestOneInput once; prints one TAP line per input.  A crash or sanitizer report
 * fails the run; nothing else is judged (the harnesses assert their own invariants). */
#include "fuzz.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static int n;

static void run_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    unsigned char *buf;
    long len;
    if (!f)
        return;
    fseek(f, 0, SEEK_END);
    len = ftell(f);
    fseek(f, 0, SEEK_SET);
    buf = malloc(len > 0 ? (size_t)len : 1);
    if (buf && fread(buf, 1, (size_t)len, f) == (size_t)len) {
        LLVMFuzzerTestOneInput(buf, (size_t)len);
        printf("ok %d - %s\n", ++n, path);
        fflush(stdout);
    }
    free(buf);
    fclose(f);
}

static void run(const char *path)
{
    struct stat st;
    if (stat(path, &st) != 0)
        return;
    if (!S_ISDIR(st.st_mode)) {
        run_file(path);
        return;
    }
    struct dirent **names;
    int k = scandir(path, &names, NULL, alphasort);
    for (int i = 0; i < k; i++) {
        if (names[i]->d_name[0] != '.') {
            char p[4096];
            snprintf(p, sizeof(p), "%s/%s", path, names[i]->d_name);
            run(p);
        }
        free(names[i]);
    }
    if (k >= 0)
        free(names);
}

int main(int argc, char **argv)
{
    LLVMFuzzerInitialize(&argc, &argv);
    for (int i = 1; i < argc; i++)
        run(argv[i]);
    printf("1..%d\n", n);
    return 0;
}
