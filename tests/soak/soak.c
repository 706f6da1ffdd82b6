/*
 * soak.c — the whole corpus checked ROUNDS times in one process through the library API:
 * resident memory must stay flat (after round 1 it may grow by at most 2 MiB), and under
 * ASan LeakSanitizer reports any leak at exit.  TAP output.  Usage: soak ROUNDS FILE...
 */
#include "odfgate.h"

#include <stdio.h>

/* Under AddressSanitizer freed memory sits in a quarantine, so resident memory grows without
 * a leak: there LeakSanitizer (at exit) is the check, and the RSS test is skipped. */
#if defined(__SANITIZE_ADDRESS__)
#define OG_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define OG_ASAN 1
#endif
#endif
#ifndef OG_ASAN
#define OG_ASAN 0
#endif
#include <stdlib.h>
#include <unistd.h>

static long rss_kib(void)
{
    long pages = 0, rss = 0;
    FILE *f = fopen("/proc/self/statm", "r");
    if (f) {
        if (fscanf(f, "%ld %ld", &pages, &rss) != 2)
            rss = 0;
        fclose(f);
    }
    return rss * (sysconf(_SC_PAGESIZE) / 1024);
}

int main(int argc, char **argv)
{
    int rounds = argc > 1 ? (int)strtol(argv[1], NULL, 10) : 0;
    long after_first = 0, last = 0;
    size_t opened = 0, refused = 0;
    odfgate_schema *schema = NULL;
    odfgate_error err;
    if (rounds < 1 || argc < 3) {
        fprintf(stderr, "usage: soak ROUNDS FILE...\n");
        return 2;
    }
    odfgate_global_init();
    if (odfgate_schema_load_builtin(&schema, &err) != ODFGATE_OK)
        return 2;
    printf("1..2\n");
    for (int r = 0; r < rounds; r++) {
        for (int i = 2; i < argc; i++) {
            odfgate_doc *doc = NULL;
            odfgate_result *res = NULL;
            odfgate_signoffs *so = NULL;
            if (odfgate_doc_open(argv[i], NULL, &doc, &err) > ODFGATE_WARN) {
                refused++;
                continue;
            }
            opened++;
            if (odfgate_check(doc, schema, &res, &err) != ODFGATE_OK ||
                odfgate_signoffs_read(doc, schema, &so, &err) != ODFGATE_OK) {
                printf("not ok 1 - %s: check failed\n", argv[i]);
                return 1;
            }
            odfgate_signoffs_free(so);
            odfgate_result_free(res);
            odfgate_doc_free(doc);
        }
        if (r == 0)
            after_first = rss_kib();
        last = rss_kib();
    }
    printf("ok 1 - %d rounds: %zu documents checked, %zu refused\n", rounds, opened, refused);
    printf("# RSS after round 1: %ld KiB, after round %d: %ld KiB\n", after_first, rounds, last);
    if (OG_ASAN) {
        printf("ok 2 - # SKIP resident memory under ASan (quarantine); LeakSanitizer checks leaks\n");
        last = after_first;
    } else
        printf("%s 2 - resident memory flat (growth %ld KiB, limit 2048)\n",
               last - after_first <= 2048 ? "ok" : "not ok", last - after_first);
    odfgate_schema_free(schema);
    odfgate_global_cleanup();
    return last - after_first <= 2048 ? 0 : 1;
}
