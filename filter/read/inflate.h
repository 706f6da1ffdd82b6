/*
 * inflate.h — a small zip entry inflated and verified in one call (libdeflate).  Owned by the
 * part reader in package.c, which takes this route for entries up to OG_INFLATE_WHOLE_MAX
 * inflated bytes and streams larger ones through libzip (memory stays flat, docs/limits.md).
 */
#ifndef OG_INFLATE_H
#define OG_INFLATE_H

#include <stddef.h>
#include <stdint.h>

/* Entries up to this many inflated bytes are read whole (a buffer of that size, plus the
 * compressed bytes, lives while the part is read). */
#define OG_INFLATE_WHOLE_MAX (1024u * 1024u)

typedef enum og_inflate_rc {
    OG_INFLATE_OK = 0,
    OG_INFLATE_NOMEM,
    OG_INFLATE_BAD_DATA, /* not a valid deflate stream (damaged or cut short) */
    OG_INFLATE_SHORT,    /* fewer bytes than declared */
    OG_INFLATE_LONG,     /* more bytes than declared */
    OG_INFLATE_CRC       /* the bytes do not have the declared CRC-32 */
} og_inflate_rc;

/* The compressed bytes an entry of `size` inflated bytes may take to be read whole: deflate's
 * worst case (fixed Huffman codes, 9 bits a byte) with room to spare.  An entry declaring more
 * is streamed instead. */
size_t og_inflate_comp_max(size_t size);

/* Inflate `in` (raw deflate; or, if `deflated` is 0, stored bytes — then `in` may be `out`)
 * into out[0..size) and check that it is exactly `size` bytes with CRC-32 `crc`. */
og_inflate_rc og_inflate_exact(int deflated, const void *in, size_t in_len, void *out, size_t size,
                               uint32_t crc);

#endif
