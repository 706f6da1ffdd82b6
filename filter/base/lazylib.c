/* lazylib.c — see lazylib.h. */
#include "base/lazylib.h"

#include <dlfcn.h>
#include <stdio.h>

int og_lazylib_bind(const char *soname, const char *const *names, void **const *slots, size_t n,
                    char *problem, size_t problem_size)
{
    void *lib = dlopen(soname, RTLD_NOW | RTLD_LOCAL);
    if (!lib) {
        const char *why = dlerror();
        snprintf(problem, problem_size, "cannot load %s: %.200s", soname, why ? why : "?");
        return -1;
    }
    for (size_t i = 0; i < n; i++)
        if (!(*slots[i] = dlsym(lib, names[i]))) {
            snprintf(problem, problem_size, "cannot load %s: it has no %.100s", soname, names[i]);
            for (size_t k = 0; k < i; k++)
                *slots[k] = NULL;
            dlclose(lib);
            return -1;
        }
    return 0; /* the library stays loaded for the process's life */
}
