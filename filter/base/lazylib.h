/*
 * lazylib.h — a shared library bound on first use (dlopen + dlsym) instead of linked, for
 * the libraries most runs never need (libcurl: fetching; libgit2: diffs and history): linked,
 * each made every process map its dependencies at start-up (#22).  curlapi.c and git2api.c
 * own one table each.
 */
#ifndef OG_LAZYLIB_H
#define OG_LAZYLIB_H

#include <stddef.h>

/* Open `soname` and fill slots[i] (the address of a function pointer in the caller's table)
 * with names[i], for i < n.  0; or -1 with "cannot load SONAME: why" in problem, the library
 * closed and every slot left NULL. */
int og_lazylib_bind(const char *soname, const char *const *names, void **const *slots, size_t n,
                    char *problem, size_t problem_size);

#endif
