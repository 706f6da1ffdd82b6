/* urlguard.c — URL scheme and address policy, see urlguard.h. */
#include "fetch/urlguard.h"

#include <arpa/inet.h>
#include <netinet/in.h>

const char *og_addr_refusal(const struct sockaddr *sa, socklen_t len)
{
    if (sa->sa_family == AF_INET && len >= (socklen_t)sizeof(struct sockaddr_in))
        return og_ipv4_refusal((const unsigned char *)&((const struct sockaddr_in *)sa)->sin_addr);
    if (sa->sa_family == AF_INET6 && len >= (socklen_t)sizeof(struct sockaddr_in6))
        return og_ipv6_refusal(((const struct sockaddr_in6 *)sa)->sin6_addr.s6_addr);
    return "reserved"; /* not an internet address (e.g. a Unix socket) */
}

void og_addr_text(const struct sockaddr *sa, char *out, size_t n)
{
    const void *a = sa->sa_family == AF_INET
                        ? (const void *)&((const struct sockaddr_in *)sa)->sin_addr
                        : (const void *)&((const struct sockaddr_in6 *)sa)->sin6_addr;
    if (!inet_ntop(sa->sa_family, a, out, (socklen_t)n))
        snprintf(out, n, "?");
}
