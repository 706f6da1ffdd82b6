/*
 * siphash.h — SipHash-2-4 (Aumasson and Bernstein, 2012) with a per-process secret key: the
 * hash for tables whose keys come from documents (style names), so that a document cannot
 * choose names that all land in one bucket (#21.1: 100,000 colliding style names made the
 * style table quadratic under the unkeyed FNV-1a it used before).
 */
#ifndef OG_SIPHASH_H
#define OG_SIPHASH_H

#include <stddef.h>
#include <stdint.h>

/* SipHash-2-4 of data[0..len) under the 16-byte key. */
uint64_t og_siphash24(const uint8_t key[16], const void *data, size_t len);
/* This process's secret key: 16 bytes from getrandom(2), drawn once (thread-safe). */
const uint8_t *og_hash_secret(void);

#endif
