/* global.c — the library's version and its process-wide set-up and tear-down: the one file
 * that knows every module holding global state (libxml2, the schema grammar, libcurl, xmlsec1,
 * the per-thread caches). */
#include "base/internal.h"
#include "base/threadcache.h"
#include "fetch/fetch.h"
#include "read/signatures.h"
#include "read/xml.h"
#include "schema/grammar.h"

const char *odfgate_version(void) { return PACKAGE_VERSION; }

void odfgate_global_init(void)
{
    /* libcurl is initialised by the fetch module when it is first needed (not every run
     * touches the network, and loading it costs each process several milliseconds) */
    og_xml_global_init();
}

void odfgate_global_cleanup(void)
{
    og_schema_global_cleanup();
    og_fetch_global_cleanup();
    og_signatures_global_cleanup();
    og_thread_cache_release(); /* its libxml2 reader before libxml2's globals go */
    og_xml_global_cleanup();
}
