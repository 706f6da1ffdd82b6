/* shard.c — --shard K/N and --shard auto (see shard.h). */
#include "shard.h"

#include "args.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* A whole number in [lo, hi] from s (all of it); -1 if not. */
static long number(const char *s, long lo, long hi)
{
    char *end;
    long v;
    if (!s || !*s || *s == '-' || *s == '+')
        return -1;
    errno = 0;
    v = strtol(s, &end, 10);
    return errno || *end || v < lo || v > hi ? -1 : v;
}

static int from_env(long given_n, cli_shard *out)
{
    const char *gl_k = getenv("CI_NODE_INDEX"), *gl_n = getenv("CI_NODE_TOTAL");
    const char *k8s = getenv("JOB_COMPLETION_INDEX"), *par = getenv("PARALLEL_SEQ");
    long k = -1, n = -1;
    const char *who;
    if (gl_k && gl_n) { /* GitLab `parallel: N`: 1-based */
        who = "CI_NODE_INDEX/CI_NODE_TOTAL";
        k = number(gl_k, 1, 100000);
        n = number(gl_n, 1, 100000);
        if (given_n > 0 && n > 0 && n != given_n) {
            cli_error("--shard auto/%ld: CI_NODE_TOTAL is %ld", given_n, n);
            return -1;
        }
    } else if (k8s) { /* Kubernetes indexed Job: 0-based, N is the Job's completions */
        who = "JOB_COMPLETION_INDEX";
        k = number(k8s, 0, 99999);
        k = k >= 0 ? k + 1 : -1;
        n = given_n;
    } else if (par) { /* GNU parallel's job sequence number {#}: 1-based (the slot {%} repeats) */
        who = "PARALLEL_SEQ";
        k = number(par, 1, 100000);
        n = given_n;
    } else {
        cli_error("--shard auto: no CI_NODE_INDEX and CI_NODE_TOTAL (GitLab), JOB_COMPLETION_INDEX "
                  "(Kubernetes) or PARALLEL_SEQ (GNU parallel) in the environment");
        return -1;
    }
    if (n <= 0) {
        cli_error("--shard auto with %s needs the number of shards: --shard auto/N", who);
        return -1;
    }
    if (k <= 0 || k > n) {
        cli_error("--shard auto: %s gives shard %ld, not within 1..%ld", who, k, n);
        return -1;
    }
    out->k = (unsigned)k;
    out->n = (unsigned)n;
    return 0;
}

int cli_shard_parse(const char *arg, cli_shard *out)
{
    const char *slash = strchr(arg, '/');
    char first[32];
    long k, n;
    if (strncmp(arg, "auto", 4) == 0 && (arg[4] == '\0' || arg[4] == '/')) {
        n = arg[4] ? number(arg + 5, 1, 100000) : 0;
        if (n < 0) {
            cli_error("--shard auto/N: N must be a whole number from 1");
            return -1;
        }
        return from_env(n, out);
    }
    if (!slash || (size_t)(slash - arg) >= sizeof(first)) {
        cli_error("--shard takes K/N (1 <= K <= N), auto or auto/N");
        return -1;
    }
    memcpy(first, arg, (size_t)(slash - arg));
    first[slash - arg] = '\0';
    n = number(slash + 1, 1, 100000);
    k = n > 0 ? number(first, 1, n) : -1;
    if (k < 0) {
        cli_error("--shard takes K/N with 1 <= K <= N, not '%s'", arg);
        return -1;
    }
    out->k = (unsigned)k;
    out->n = (unsigned)n;
    return 0;
}

static uint64_t fnv1a(const char *s)
{
    uint64_t h = 1469598103934665603ull;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ull;
    return h;
}

void cli_shard_filter(cli_inputs *list, const cli_shard *shard)
{
    size_t kept = 0;
    if (!shard->n)
        return;
    for (size_t i = 0; i < list->len; i++) {
        if (fnv1a(list->items[i].path) % shard->n == shard->k - 1)
            list->items[kept++] = list->items[i];
        else
            free(list->items[i].path);
    }
    list->len = kept;
}
