/* walk.c — expand PATH arguments into documents, see walk.h. */
#include "walk.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#define WALK_MAX_DEPTH 64

static int push(cli_inputs *list, const char *path, int missing_errno)
{
    if (list->len == list->cap) {
        size_t ncap = list->cap ? list->cap * 2 : 32;
        cli_input *n = realloc(list->items, ncap * sizeof(*n));
        if (!n)
            return -1;
        list->items = n;
        list->cap = ncap;
    }
    if (!(list->items[list->len].path = strdup(path)))
        return -1;
    list->items[list->len].special = NULL;
    list->items[list->len++].missing_errno = missing_errno;
    return 0;
}

/* A document name in a folder that is not a regular file (itself or behind a symbolic link):
 * reported, never opened: a FIFO would wait for a writer, a device never ends. */
static int push_special(cli_inputs *list, const char *path, const char *what)
{
    if (push(list, path, 0) < 0)
        return -1;
    list->items[list->len - 1].special = what;
    return 0;
}

static const char *kind_of(mode_t m)
{
    return S_ISFIFO(m)   ? "a FIFO"
           : S_ISCHR(m)  ? "a character device"
           : S_ISBLK(m)  ? "a block device"
           : S_ISSOCK(m) ? "a socket"
                         : "not a regular file";
}

static int is_document_name(const char *name)
{
    const char *dot = strrchr(name, '.');
    return dot && (strcasecmp(dot, ".odt") == 0 || strcasecmp(dot, ".ott") == 0 ||
                   strcasecmp(dot, ".fodt") == 0);
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int walk_dir(cli_inputs *list, const char *dir, int depth)
{
    DIR *d;
    struct dirent *e;
    char **names = NULL;
    size_t n = 0, cap = 0;
    int rc = 0;

    if (depth > WALK_MAX_DEPTH)
        return 0;
    if (!(d = opendir(dir)))
        return push(list, dir, errno ? errno : EIO);
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        if (n == cap) {
            size_t ncap = cap ? cap * 2 : 64;
            char **nn = realloc(names, ncap * sizeof(*nn));
            if (!nn) {
                rc = -1;
                break;
            }
            names = nn;
            cap = ncap;
        }
        if (!(names[n] = strdup(e->d_name))) {
            rc = -1;
            break;
        }
        n++;
    }
    closedir(d);
    if (rc == 0 && n > 1)
        qsort(names, n, sizeof(*names), by_name);
    for (size_t i = 0; i < n && rc == 0; i++) {
        size_t len = strlen(dir) + strlen(names[i]) + 2;
        char *p = malloc(len);
        struct stat st;
        if (!p) {
            rc = -1;
            break;
        }
        snprintf(p, len, "%s%s%s", dir, dir[strlen(dir) - 1] == '/' ? "" : "/", names[i]);
        if (lstat(p, &st) == 0) {
            struct stat target;
            if (S_ISDIR(st.st_mode))
                rc = walk_dir(list, p, depth + 1);
            else if (!is_document_name(names[i]))
                ;
            else if (S_ISREG(st.st_mode))
                rc = push(list, p, 0);
            else if (!S_ISLNK(st.st_mode))
                rc = push_special(list, p, kind_of(st.st_mode));
            else if (stat(p, &target) != 0 || S_ISREG(target.st_mode) || S_ISDIR(target.st_mode))
                rc = push(list, p, 0); /* opened, and refused if dangling or a directory */
            else
                rc = push_special(list, p, kind_of(target.st_mode));
        }
        free(p);
    }
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    free(names);
    return rc;
}

int cli_walk(cli_inputs *list, const char *arg)
{
    struct stat st;
    if (strcmp(arg, "-") == 0)
        return push(list, arg, 0);
    if (stat(arg, &st) != 0)
        return push(list, arg, errno);
    /* A directory named like a document (an unpacked package, say) is an input that will be
     * refused as "is a directory", not a folder to walk. */
    if (S_ISDIR(st.st_mode) && !is_document_name(arg))
        return walk_dir(list, arg, 0);
    return push(list, arg, 0);
}

void cli_inputs_free(cli_inputs *list)
{
    for (size_t i = 0; i < list->len; i++)
        free(list->items[i].path);
    free(list->items);
    list->items = NULL;
    list->len = list->cap = 0;
}
