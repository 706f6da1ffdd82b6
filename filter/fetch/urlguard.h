/*
 * urlguard.h — which URLs and addresses odfgate may reach (docs/http.md, SECURITY.md).
 *
 *   - only http:// and https:// URLs (also for redirects: CURLOPT_*PROTOCOLS_STR);
 *   - an untrusted URL (found in a document or in fetched material) may not connect to a
 *     loopback, private, link-local, unspecified, shared (CGNAT), multicast or reserved address,
 *     IPv4 or IPv6 (v4-mapped, v4-compatible and NAT64 forms judged by the IPv4 inside),
 *     unless allow-private.  The check is made on the address actually connected (curl's
 *     open-socket callback), so DNS answers and redirects cannot get round it.
 */
#ifndef OG_URLGUARD_H
#define OG_URLGUARD_H

#include "base/internal.h"
#include "base/ipclass.h"
#include "base/url.h"

#include <sys/socket.h>

/* NULL if the address may be reached, else the kind of address ("loopback", "private",
 * "link-local", "unspecified", "shared (CGNAT)", "multicast", "reserved"). */
const char *og_addr_refusal(const struct sockaddr *sa, socklen_t len);
/* Text form of the address (for messages). */
void og_addr_text(const struct sockaddr *sa, char *out, size_t n);

#endif
