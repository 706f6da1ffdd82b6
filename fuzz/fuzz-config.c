/* fuzz-config.c — configuration loading: the bytes are a .odfgate.ini in a private folder,
 * applied to a document two folders below it (a nested .odfgate.ini-free path), so that
 * discovery, section patterns (glob.c) and every key are exercised. */
#include "fuzz.h"

#include "odfgate.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char dir[64], ini[128], doc[128];

static void cleanup(void)
{
    char sub[96];
    remove(ini);
    snprintf(sub, sizeof(sub), "%s/a/b", dir);
    rmdir(sub);
    snprintf(sub, sizeof(sub), "%s/a", dir);
    rmdir(sub);
    rmdir(dir);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    odfgate_config *cfg = NULL;
    odfgate_error err;
    FILE *f;
    if (!dir[0]) {
        char sub[96];
        snprintf(dir, sizeof(dir), "/tmp/odfgate-fuzz-config-XXXXXX");
        if (!mkdtemp(dir))
            abort();
        snprintf(sub, sizeof(sub), "%s/a", dir);
        mkdir(sub, 0700);
        snprintf(sub, sizeof(sub), "%s/a/b", dir);
        mkdir(sub, 0700);
        snprintf(ini, sizeof(ini), "%s/.odfgate.ini", dir);
        snprintf(doc, sizeof(doc), "%s/a/b/draft.odt", dir);
        atexit(cleanup);
    }
    if (!(f = fopen(ini, "wb")))
        abort();
    fwrite(data, 1, size, f);
    fclose(f);
    odfgate_error_clear(&err);
    if (odfgate_config_for(doc, &cfg, &err) == ODFGATE_OK) {
        /* every accessor on whatever was accepted */
        const char *s = odfgate_config_schema(cfg), *e = odfgate_config_explain(cfg);
        if ((s && !*s) || !e)
            abort();
        (void)odfgate_config_fail_on(cfg);
        (void)odfgate_config_links(cfg);
        for (size_t i = 0; i < odfgate_rule_count(); i++)
            if (odfgate_config_rule_severity(cfg, odfgate_rule_at(i)->id) > ODFGATE_SEV_ERROR)
                abort();
        odfgate_config_free(cfg);
    } else if (err.code != ODFGATE_E_CONFIG && err.code != ODFGATE_E_NOMEM) {
        abort(); /* a bad file is a configuration error, nothing else */
    } else if (!err.message[0]) {
        abort();
    }
    return 0;
}
