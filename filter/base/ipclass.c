/* ipclass.c — which kind of address an IP address is, see ipclass.h. */
#include "base/ipclass.h"

#include <string.h>

const char *og_ipv4_refusal(const unsigned char a[4])
{
    if (a[0] == 0)
        return a[1] | a[2] | a[3] ? "reserved" : "unspecified"; /* 0.0.0.0/8 */
    if (a[0] == 127)
        return "loopback";
    if (a[0] == 10 || (a[0] == 172 && (a[1] & 0xf0) == 16) || (a[0] == 192 && a[1] == 168))
        return "private";
    if (a[0] == 169 && a[1] == 254)
        return "link-local";
    if (a[0] == 100 && (a[1] & 0xc0) == 64)
        return "shared (CGNAT)";
    if (a[0] == 192 && a[1] == 0 && a[2] == 0)
        return "reserved"; /* IETF protocol assignments, incl. 192.0.0.170 (NAT64 discovery) */
    if (a[0] == 198 && (a[1] & 0xfe) == 18)
        return "reserved"; /* benchmarking 198.18/15 */
    if ((a[0] & 0xf0) == 224)
        return "multicast";
    if ((a[0] & 0xf0) == 240)
        return "reserved"; /* 240/4 and the broadcast address */
    return NULL;
}

const char *og_ipv6_refusal(const unsigned char a[16])
{
    static const unsigned char zero[16] = {0};
    static const unsigned char mapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
    static const unsigned char nat64[12] = {0, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0};
    if (memcmp(a, zero, 16) == 0)
        return "unspecified";
    if (memcmp(a, zero, 15) == 0 && a[15] == 1)
        return "loopback";
    /* forms that carry an IPv4 address: judged by it */
    if (memcmp(a, mapped, 12) == 0 || memcmp(a, nat64, 12) == 0 || memcmp(a, zero, 12) == 0)
        return og_ipv4_refusal(a + 12);
    if (a[0] == 0x20 && a[1] == 0x02) /* 6to4 2002:V4ADDR::/48 */
        return og_ipv4_refusal(a + 2);
    if (a[0] == 0xfe && (a[1] & 0xc0) == 0x80)
        return "link-local";
    if (a[0] == 0xfe && (a[1] & 0xc0) == 0xc0)
        return "private"; /* deprecated site-local fec0::/10 */
    if ((a[0] & 0xfe) == 0xfc)
        return "private"; /* unique local fc00::/7 */
    if (a[0] == 0xff)
        return "multicast";
    if (a[0] == 0x01 && memcmp(a + 1, zero, 7) == 0)
        return "reserved"; /* discard-only 100::/64 */
    return NULL;
}
