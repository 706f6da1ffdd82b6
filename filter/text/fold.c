/* fold.c — case and compatibility folding of text (text/text.h; no locale used). */
#include "text/chars.h"

/* ------------------------------------------------------------------ folding */

static uint32_t fold_latin_ext_b(uint32_t cp) /* U+0180..U+024F */
{
    static const uint16_t map[][2] = {
        {0x181, 0x253}, {0x186, 0x254}, {0x189, 0x256}, {0x18A, 0x257}, {0x18E, 0x1DD},
        {0x18F, 0x259}, {0x190, 0x25B}, {0x193, 0x260}, {0x194, 0x263}, {0x196, 0x269},
        {0x197, 0x268}, {0x19C, 0x26F}, {0x19D, 0x272}, {0x19F, 0x275}, {0x1A6, 0x280},
        {0x1A9, 0x283}, {0x1AE, 0x288}, {0x1B1, 0x28A}, {0x1B2, 0x28B}, {0x1B7, 0x292},
        {0x1C4, 0x1C6}, {0x1C5, 0x1C6}, {0x1C7, 0x1C9}, {0x1C8, 0x1C9}, {0x1CA, 0x1CC},
        {0x1CB, 0x1CC}, {0x1F1, 0x1F3}, {0x1F2, 0x1F3}, {0x1F6, 0x195}, {0x1F7, 0x1BF},
        {0x220, 0x19E}, {0x23D, 0x19A}, {0x243, 0x180}, {0x244, 0x289}, {0x245, 0x28C},
    };
    /* single pairs, upper case first */
    static const uint16_t pairs[] = {0x182, 0x184, 0x187, 0x18B, 0x191, 0x198, 0x1A0,
                                     0x1A2, 0x1A4, 0x1A7, 0x1AC, 0x1AF, 0x1B3, 0x1B5,
                                     0x1B8, 0x1BC, 0x1F4, 0x23B, 0x241};
    if (cp >= 0x1CD && cp <= 0x1DC)
        return (cp & 1) ? cp + 1 : cp;
    if ((cp >= 0x1DE && cp <= 0x1EF) || (cp >= 0x1F8 && cp <= 0x21F) ||
        (cp >= 0x222 && cp <= 0x233) || (cp >= 0x246 && cp <= 0x24F))
        return (cp & 1) ? cp : cp + 1;
    for (size_t i = 0; i < OG_ARRAY_LEN(pairs); i++)
        if (cp == pairs[i])
            return cp + 1;
    for (size_t i = 0; i < OG_ARRAY_LEN(map); i++)
        if (cp == map[i][0])
            return map[i][1];
    return cp;
}

static uint32_t fold_greek(uint32_t cp) /* U+0345..U+03FF */
{
    if (cp >= 0x391 && cp <= 0x3AB && cp != 0x3A2)
        return cp + 0x20;
    if (cp >= 0x388 && cp <= 0x38A)
        return cp + 0x25;
    if (cp == 0x38E || cp == 0x38F)
        return cp + 0x3F;
    if (cp >= 0x3D8 && cp <= 0x3EF)
        return (cp & 1) ? cp : cp + 1;
    if (cp >= 0x3FD)
        return cp - 0x3FD + 0x37B;
    switch (cp) {
    case 0x345: return 0x3B9; /* ypogegrammeni */
    case 0x370:
    case 0x372:
    case 0x376:
    case 0x3F7:
    case 0x3FA: return cp + 1;
    case 0x37F: return 0x3F3;
    case 0x386: return 0x3AC;
    case 0x38C: return 0x3CC;
    case 0x3C2: return 0x3C3; /* final sigma */
    case 0x3CF: return 0x3D7;
    case 0x3D0: return 0x3B2;
    case 0x3D1:
    case 0x3F4: return 0x3B8;
    case 0x3D5: return 0x3C6;
    case 0x3D6: return 0x3C0;
    case 0x3F0: return 0x3BA;
    case 0x3F1: return 0x3C1;
    case 0x3F5: return 0x3B5;
    case 0x3F9: return 0x3F2;
    default: return cp;
    }
}

static uint32_t fold_cyrillic(uint32_t cp) /* U+0400..U+052F */
{
    if (cp <= 0x40F)
        return cp + 0x50;
    if (cp <= 0x42F)
        return cp + 0x20;
    if ((cp >= 0x460 && cp <= 0x481) || (cp >= 0x48A && cp <= 0x4BF) || cp >= 0x4D0)
        return (cp & 1) ? cp : cp + 1;
    if (cp == 0x4C0)
        return 0x4CF;
    if (cp >= 0x4C1 && cp <= 0x4CE)
        return (cp & 1) ? cp + 1 : cp;
    return cp;
}

uint32_t og_cp_fold(uint32_t cp)
{
    if (cp < 0x80)
        return cp >= 'A' && cp <= 'Z' ? cp + 0x20 : cp;
    if (cp < 0x100) {
        if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7)
            return cp + 0x20;
        if (cp == 0xB5) /* micro sign */
            return 0x3BC;
        if (cp == 0xAB || cp == 0xBB)
            return '"';
        return cp;
    }
    if (cp < 0x180) { /* Latin Extended-A: pairs, upper case first */
        if (cp == 0x130)
            return 'i';
        if (cp == 0x178)
            return 0xFF;
        if (cp == 0x17F)
            return 's';
        if (cp == 0x131 || cp == 0x138 || cp == 0x149)
            return cp;
        if ((cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E))
            return (cp & 1) ? cp + 1 : cp;
        return (cp & 1) ? cp : cp + 1;
    }
    if (cp < 0x250)
        return fold_latin_ext_b(cp);
    if (cp < 0x345)
        return cp;
    if (cp < 0x400)
        return fold_greek(cp);
    if (cp < 0x530)
        return fold_cyrillic(cp);
    if (cp >= 0x531 && cp <= 0x556) /* Armenian */
        return cp + 0x30;
    if (cp >= 0x1E00 && cp <= 0x1EFF) { /* Latin Extended Additional (Vietnamese, Welsh …) */
        if (cp == 0x1E9B)
            return 0x1E61;
        if (cp == 0x1E9E) /* capital sharp s */
            return 0xDF;
        if (cp >= 0x1E96 && cp <= 0x1E9F)
            return cp;
        return (cp & 1) ? cp : cp + 1;
    }
    switch (cp) {
    case 0x2018:
    case 0x2019:
    case 0x201A:
    case 0x201B:
    case 0x2032:
    case 0x2039:
    case 0x203A: return '\'';
    case 0x201C:
    case 0x201D:
    case 0x201E:
    case 0x201F:
    case 0x2033: return '"';
    case 0x2010:
    case 0x2011:
    case 0x2012:
    case 0x2013:
    case 0x2014:
    case 0x2015:
    case 0x2212:
    case 0xFE58:
    case 0xFE63:
    case 0xFF0D: return '-';
    case 0x2126: /* ohm */ return 0x3C9;
    case 0x212A: /* kelvin */ return 'k';
    case 0x212B: /* angstrom */ return 0xE5;
    default: break;
    }
    if (cp >= 0xFF21 && cp <= 0xFF3A) /* fullwidth Latin */
        return cp + 0x20;
    return cp;
}

/* Make room for at least `need` bytes (plus the NUL) in b, growing geometrically; may go up
 * to slack bytes beyond b->max.  Unlike og_buf_reserve this lets the folding loop check its
 * room once per code point (a pending space and one code point) rather than byte by byte,
 * and still give exact OG_BUF_TOOBIG answers at the cap: len is checked against max. */
static int grow(og_buf *b, size_t need, size_t slack)
{
    size_t ncap;
    char *p;
    if (need < b->cap)
        return OG_BUF_OK;
    if (need > b->max + slack || b->max > SIZE_MAX - slack - 2)
        return OG_BUF_TOOBIG;
    ncap = b->cap < 64 ? 64 : b->cap;
    while (ncap <= need)
        ncap = ncap > SIZE_MAX / 2 ? need + 1 : ncap * 2;
    if (ncap - 1 > b->max + slack)
        ncap = b->max + slack + 1;
    if (!(p = realloc(b->data, ncap)))
        return OG_BUF_NOMEM;
    b->data = p;
    b->cap = ncap;
    return OG_BUF_OK;
}

#define FOLD_SLACK 8 /* room for a pending space and one 4-byte code point */

/* Write the folded form of cp at o + len after a space if `space`; returns the new len. */
static size_t put_folded(char *o, size_t len, int space, uint32_t cp)
{
    if (space)
        o[len++] = ' ';
    return len + put_utf8(o + len, og_cp_fold(cp));
}

/* One decoded code point into the folded text at o + len: dropped if ignorable, a pending
 * space if white space, else folded (after the pending space).  Returns the new len. */
static inline size_t add_cp(char *o, size_t len, int *space, uint32_t cp)
{
    if (is_ignorable(cp))
        return len;
    if (og_cp_is_space(cp)) {
        *space = len > 0;
        return len;
    }
    len = put_folded(o, len, *space, cp);
    *space = 0;
    return len;
}

/* The folding loop.  lower: fold case; otherwise ASCII letters keep their case (everything
 * else is folded exactly as with lower, so both outputs have the same length byte for byte).
 * This runs on every paragraph of every document. */
int og_fold_into(const char *s, size_t n, og_buf *out, int lower)
{
    size_t len = 0, i = 0, cap, max = out->max;
    int space = 0, rc;
    unsigned case_bit = lower ? 0x20 : 0; /* ORed into A-Z */
    char *o;
    og_buf_reset(out);
    if ((rc = grow(out, (n < max ? n : max) + FOLD_SLACK, FOLD_SLACK)) != OG_BUF_OK)
        return rc;
    o = out->data;
    cap = out->cap;
    if (n <= max) {
        /* Fast loop.  Invariant: len + (n - i) + pending space < cap.  An ASCII byte never
         * breaks it (a byte in, at most a byte out, a pending space having been paid for by
         * the white space that set it), so only other code points check the room: folding
         * never lengthens valid text, but an invalid byte becomes U+FFFD (3 bytes). */
        while (i < n) {
            unsigned char c = (unsigned char)s[i];
            uint32_t cp;
            size_t k, need;
            if (c < 0x80) {
                if (ascii_class[c] == C_SPACE) {
                    space = len > 0;
                    i++;
                    continue;
                }
                if (space)
                    o[len++] = ' ';
                space = 0;
                do { /* a run of other ASCII bytes */
                    o[len++] = (char)(c | (((unsigned)(c - 'A') < 26u) * case_bit));
                    if (++i == n)
                        break;
                    c = (unsigned char)s[i];
                } while (c < 0x80 && ascii_class[c] != C_SPACE);
                continue;
            }
            k = og_utf8_decode(s + i, n - i, &cp);
            need = len + 5 + (n - i - k);
            if (need >= cap) {
                if (need > max + FOLD_SLACK - 1)
                    break; /* near the cap: finish in the checked loop */
                if ((rc = grow(out, need, FOLD_SLACK)) != OG_BUF_OK) {
                    out->data[0] = '\0'; /* out stays empty */
                    return rc;
                }
                o = out->data;
                cap = out->cap;
            }
            i += k;
            len = add_cp(o, len, &space, cp);
        }
    }
    /* Checked loop: room for one more code point is made (or refused) before each one. */
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        uint32_t cp;
        if (cap - len <= FOLD_SLACK) {
            size_t want = len + FOLD_SLACK + (n - i);
            if (want > max + FOLD_SLACK - 1)
                want = max + FOLD_SLACK - 1;
            if (len > max || (rc = grow(out, want, FOLD_SLACK)) != OG_BUF_OK) {
                out->data[0] = '\0';
                return len > max ? OG_BUF_TOOBIG : rc;
            }
            o = out->data;
            cap = out->cap;
        }
        if (c < 0x80) {
            i++;
            if (ascii_class[c] == C_SPACE) {
                space = len > 0;
                continue;
            }
            if (space)
                o[len++] = ' ';
            space = 0;
            o[len++] = (char)(c | (((unsigned)(c - 'A') < 26u) * case_bit));
            continue;
        }
        i += og_utf8_decode(s + i, n - i, &cp);
        len = add_cp(o, len, &space, cp);
    }
    if (len > max) {
        o[0] = '\0';
        return OG_BUF_TOOBIG;
    }
    o[len] = '\0';
    out->len = len;
    return OG_BUF_OK;
}

int og_text_fold(const char *s, size_t n, og_buf *out) { return og_fold_into(s, n, out, 1); }
