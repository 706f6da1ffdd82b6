/* sha256.c — SHA-256 in hex (base/sha256.h).
 * SHA-256 comes from OpenSSL's libcrypto (EVP), already in odfgate's dependency closure
 * through libcurl, maintained, constant-time, and FIPS-validated in its 3.x line. */
#include "base/sha256.h"

#include <openssl/evp.h>
#include <string.h>

void og_sha256_hex(const void *data, size_t len, char hex[65])
{
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int n = 0;
    static const char digits[] = "0123456789abcdef";
    if (!EVP_Digest(data, len, md, &n, EVP_sha256(), NULL) || n != 32) {
        memset(hex, '0', 64);
        hex[64] = '\0';
        return;
    }
    for (unsigned i = 0; i < 32; i++) {
        hex[2 * i] = digits[md[i] >> 4];
        hex[2 * i + 1] = digits[md[i] & 15];
    }
    hex[64] = '\0';
}
