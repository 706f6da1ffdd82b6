/*
 * shard.h — --shard K/N: a deterministic split of the inputs for CI matrices.  A document goes
 * to shard (FNV-1a hash of its path as given) mod N, so every document is in exactly one shard
 * whatever the order of the list, and the union of all shards is the whole set (as long as every
 * shard is given the same paths).  --shard auto takes K and N from the engine running it.
 */
#ifndef OG_SHARD_H
#define OG_SHARD_H

#include "walk.h"

typedef struct cli_shard {
    unsigned k, n; /* 1 <= k <= n; n == 0: no sharding */
} cli_shard;

/* Parse "K/N", "auto" or "auto/N" (auto: GitLab CI_NODE_INDEX/CI_NODE_TOTAL, a Kubernetes indexed
 * Job's JOB_COMPLETION_INDEX or GNU parallel's PARALLEL_SEQ, the last two with N given).
 * 0 ok; -1 with a message printed. */
int cli_shard_parse(const char *arg, cli_shard *out);
/* Keep only this shard's inputs (order kept). */
void cli_shard_filter(cli_inputs *list, const cli_shard *shard);

#endif
