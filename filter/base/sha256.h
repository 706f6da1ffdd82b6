/*
 * sha256.h — SHA-256 digests as text: sign-off digests, cache keys, schema references and
 * finding fingerprints all use this one function.
 */
#ifndef OG_SHA256_H
#define OG_SHA256_H

#include <stddef.h>

/* SHA-256 of bytes as 64 lowercase hex digits + NUL (all zeros if libcrypto fails). */
void og_sha256_hex(const void *data, size_t len, char hex[65]);

#endif
