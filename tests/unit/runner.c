/* runner.c — runs every registered OG_TEST and prints TAP (see unit.h). */
#include "unit.h"
#include "odfgate.h"

#include <stdlib.h>

typedef struct og_test {
    const char *name, *file;
    og_test_fn fn;
} og_test;

static og_test tests[512];
static int test_count;

void og_test_register(const char *name, const char *file, og_test_fn fn)
{
    if (test_count < (int)(sizeof(tests) / sizeof(tests[0])))
        tests[test_count++] = (og_test){name, file, fn};
    else {
        fprintf(stderr, "too many unit tests\n");
        abort();
    }
}

static int by_name(const void *a, const void *b)
{
    const og_test *x = a, *y = b;
    int c = strcmp(x->file, y->file);
    return c ? c : strcmp(x->name, y->name);
}

int main(int argc, char **argv)
{
    const char *filter = argc > 1 ? argv[1] : NULL;
    int planned = 0, failed = 0, n = 0;

    odfgate_global_init();
    qsort(tests, (size_t)test_count, sizeof(tests[0]), by_name);
    for (int i = 0; i < test_count; i++)
        if (!filter || strstr(tests[i].name, filter))
            planned++;
    printf("1..%d\n", planned);
    for (int i = 0; i < test_count; i++) {
        int failures = 0;
        if (filter && !strstr(tests[i].name, filter))
            continue;
        tests[i].fn(&failures);
        printf("%s %d - %s\n", failures ? "not ok" : "ok", ++n, tests[i].name);
        fflush(stdout);
        if (failures)
            failed++;
    }
    odfgate_global_cleanup();
    return failed ? 1 : 0;
}
