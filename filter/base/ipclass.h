/*
 * ipclass.h — the kind of an IPv4 or IPv6 address that is not a public internet address:
 * the fetcher refuses to connect to them (fetch/urlguard.h), the hygiene rules report links
 * to them (check/rules/hygiene.c).
 */
#ifndef OG_IPCLASS_H
#define OG_IPCLASS_H

/* NULL for a public address, else its kind ("loopback", "private", "link-local",
 * "unspecified", "shared (CGNAT)", "multicast", "reserved").  a: 4 (IPv4) or 16 (IPv6)
 * bytes in network order; v4-mapped, v4-compatible, NAT64 and 6to4 forms are judged by the
 * IPv4 address inside. */
const char *og_ipv4_refusal(const unsigned char a[4]);
const char *og_ipv6_refusal(const unsigned char a[16]);

#endif
