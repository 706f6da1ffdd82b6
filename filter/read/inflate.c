/* inflate.c — one-call inflation of small zip entries, see inflate.h.
 *
 * Why: zlib through libzip's source layers inflated and checked the parts of a typical draft
 * at about 16 instructions a byte (inflate 12, CRC-32 5).  Reading the parts of 100 bench
 * drafts (og_part_read, callgrind, manifest to meta.xml) went from 69 M to 27 M instructions
 * with libdeflate; check as a whole from 286 M to 242 M (README, Speed).  libdeflate has no
 * streaming interface, hence the size cap: larger parts keep the streamed route. Untrusted input:
 * libdeflate never writes past out_nbytes_avail nor reads past in_nbytes, and reports a stream that
 * would inflate past the buffer (LIBDEFLATE_INSUFFICIENT_SPACE). */
#include "read/inflate.h"

#include "base/threadcache.h"

#include <libdeflate.h>
#include <string.h>

size_t og_inflate_comp_max(size_t size) { return size + size / 8 + 1024; }

/* A decompressor, kept in the thread's cache: creating one costs ~12,000 instructions (a third
 * of inflating a draft's meta.xml).  *owned: there is no cache, the caller frees it. */
static struct libdeflate_decompressor *decompressor(int *owned)
{
    og_thread_cache *c = og_thread_cache_get();
    *owned = !c;
    if (!c)
        return libdeflate_alloc_decompressor();
    if (!c->inflater)
        c->inflater = libdeflate_alloc_decompressor();
    return c->inflater;
}

og_inflate_rc og_inflate_exact(int deflated, const void *in, size_t in_len, void *out, size_t size,
                               uint32_t crc)
{
    if (!deflated) {
        if (in_len != size)
            return in_len < size ? OG_INFLATE_SHORT : OG_INFLATE_LONG;
        if (in != out)
            memmove(out, in, size);
    } else {
        int owned;
        struct libdeflate_decompressor *d = decompressor(&owned);
        size_t got = 0;
        enum libdeflate_result rc;
        if (!d)
            return OG_INFLATE_NOMEM;
        rc = libdeflate_deflate_decompress(d, in, in_len, out, size, &got);
        if (owned)
            libdeflate_free_decompressor(d);
        if (rc == LIBDEFLATE_INSUFFICIENT_SPACE)
            return OG_INFLATE_LONG;
        if (rc != LIBDEFLATE_SUCCESS)
            return OG_INFLATE_BAD_DATA;
        if (got != size)
            return OG_INFLATE_SHORT;
    }
    return libdeflate_crc32(0, out, size) == crc ? OG_INFLATE_OK : OG_INFLATE_CRC;
}
