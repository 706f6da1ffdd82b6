/* text.c — UTF-8, folding, heading keys, word counting (see text.h; no locale used). */
#include "text/text.h"

#include "base/internal.h"

/* ------------------------------------------------------------------ UTF-8 */

size_t og_utf8_decode(const char *s, size_t n, uint32_t *cp)
{
    const unsigned char *u = (const unsigned char *)s;
    uint32_t c;
    size_t len;
    if (n == 0) {
        *cp = 0xFFFD;
        return 0;
    }
    if (u[0] < 0x80) {
        *cp = u[0];
        return 1;
    }
    if (u[0] >= 0xC2 && u[0] <= 0xDF) {
        len = 2;
        c = u[0] & 0x1F;
    } else if (u[0] >= 0xE0 && u[0] <= 0xEF) {
        len = 3;
        c = u[0] & 0x0F;
    } else if (u[0] >= 0xF0 && u[0] <= 0xF4) {
        len = 4;
        c = u[0] & 0x07;
    } else { /* continuation byte, C0/C1 (always overlong), F5..FF */
        *cp = 0xFFFD;
        return 1;
    }
    if (n < len) {
        *cp = 0xFFFD;
        return 1;
    }
    for (size_t i = 1; i < len; i++) {
        if ((u[i] & 0xC0) != 0x80) {
            *cp = 0xFFFD;
            return 1;
        }
        c = (c << 6) | (u[i] & 0x3F);
    }
    /* overlongs, surrogates, beyond U+10FFFF */
    if ((len == 3 && c < 0x800) || (len == 4 && (c < 0x10000 || c > 0x10FFFF)) ||
        (c >= 0xD800 && c <= 0xDFFF)) {
        *cp = 0xFFFD;
        return 1;
    }
    *cp = c;
    return len;
}

/* Write code point cp (a valid scalar value) as UTF-8 at p; returns bytes written. */
static size_t put_utf8(char *p, uint32_t cp)
{
    if (cp < 0x80) {
        p[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        p[0] = (char)(0xC0 | (cp >> 6));
        p[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        p[0] = (char)(0xE0 | (cp >> 12));
        p[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        p[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    p[0] = (char)(0xF0 | (cp >> 18));
    p[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    p[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    p[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

int og_utf8_append(og_buf *b, uint32_t cp)
{
    char t[4];
    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        cp = 0xFFFD;
    return og_buf_add(b, t, put_utf8(t, cp));
}

int og_utf8_valid(const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        size_t k;
        if (u[i] < 0x80) {
            i++;
            continue;
        }
        k = og_utf8_decode(s + i, n - i, &cp);
        /* a real U+FFFD is 3 bytes; an error consumes 1 */
        if (k == 1)
            return 0;
        i += k;
    }
    return 1;
}

int og_cp_is_unsafe(uint32_t cp)
{
    return cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) || cp == 0x061c || cp == 0x200e ||
           cp == 0x200f || (cp >= 0x2028 && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069);
}

const char *og_excerpt(const char *s, size_t n, size_t max, char *out, size_t cap)
{
    size_t i = 0, chars = 0, space = 0, k;
    uint32_t cp;
    if (cap < 4) {
        if (cap)
            out[0] = '\0';
        return out;
    }
    /* walk max characters (or to the end); room is kept for "…" and the NUL */
    while (i < n && chars < max && (k = og_utf8_decode(s + i, n - i, &cp)) && i + k + 4 <= cap) {
        if (cp == ' ')
            space = i;
        i += k;
        chars++;
    }
    if (i == n) {
        memcpy(out, s, n);
        out[n] = '\0';
        return out;
    }
    if (s[i] != ' ' && space > i / 2)
        i = space; /* end on a word boundary */
    while (i && s[i - 1] == ' ')
        i--;
    memcpy(out, s, i);
    memcpy(out + i, "\xe2\x80\xa6", 4); /* "…" and the NUL */
    return out;
}

size_t og_utf8_display_unit(const char *s, char esc[12])
{
    uint32_t cp;
    size_t k = og_utf8_decode(s, strnlen(s, 4), &cp);
    esc[0] = '\0';
    if (k == 1 && cp == 0xFFFD)
        snprintf(esc, 12, "<0x%02X>", (unsigned)(unsigned char)*s);
    else if (k && og_cp_is_unsafe(cp))
        snprintf(esc, 12, "<U+%04X>", (unsigned)cp);
    return k;
}

/* ------------------------------------------------------------------ classes */

int og_cp_is_space(uint32_t cp)
{
    if (cp < 0x80)
        return cp == 0x20 || (cp >= 0x09 && cp <= 0x0D);
    return cp == 0x85 || cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200D) ||
           cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x2060 ||
           cp == 0x3000 || cp == 0xFEFF;
}

/* Invisible format characters that folding drops and that never split a word: soft hyphen,
 * zero-width non-joiner and joiner, word joiner, BOM (zero-width no-break space). */
static int is_ignorable(uint32_t cp)
{
    return cp == 0xAD || cp == 0x200C || cp == 0x200D || cp == 0x2060 || cp == 0xFEFF;
}

typedef struct range {
    uint32_t lo, hi;
} range;

/* Non-ASCII letters, marks and numbers: the code points of Unicode 14 general categories L*,
 * M* and N*, as sorted ranges; a range may run over unassigned code points, never over an
 * assigned one of another category (so punctuation, symbols, currency, math, spaces and
 * controls are excluded).  Generated once with Python's unicodedata; regenerate the same way
 * for a newer Unicode. */
static const range word_ranges[] = {
    {0xAA, 0xAA},       {0xB2, 0xB3},       {0xB5, 0xB5},       {0xB9, 0xBA},
    {0xBC, 0xBE},       {0xC0, 0xD6},       {0xD8, 0xF6},       {0xF8, 0x2C1},
    {0x2C6, 0x2D1},     {0x2E0, 0x2E4},     {0x2EC, 0x2EC},     {0x2EE, 0x2EE},
    {0x300, 0x374},     {0x376, 0x37D},     {0x37F, 0x37F},     {0x386, 0x386},
    {0x388, 0x3F5},     {0x3F7, 0x481},     {0x483, 0x559},     {0x560, 0x588},
    {0x591, 0x5BD},     {0x5BF, 0x5BF},     {0x5C1, 0x5C2},     {0x5C4, 0x5C5},
    {0x5C7, 0x5F2},     {0x610, 0x61A},     {0x620, 0x669},     {0x66E, 0x6D3},
    {0x6D5, 0x6DC},     {0x6DF, 0x6E8},     {0x6EA, 0x6FC},     {0x6FF, 0x6FF},
    {0x710, 0x7F5},     {0x7FA, 0x7FD},     {0x800, 0x82D},     {0x840, 0x85B},
    {0x860, 0x887},     {0x889, 0x88E},     {0x898, 0x8E1},     {0x8E3, 0x963},
    {0x966, 0x96F},     {0x971, 0x9F1},     {0x9F4, 0x9F9},     {0x9FC, 0x9FC},
    {0x9FE, 0xA75},     {0xA81, 0xAEF},     {0xAF9, 0xB6F},     {0xB71, 0xBF2},
    {0xC00, 0xC6F},     {0xC78, 0xC7E},     {0xC80, 0xC83},     {0xC85, 0xD4E},
    {0xD54, 0xD78},     {0xD7A, 0xDF3},     {0xE01, 0xE3A},     {0xE40, 0xE4E},
    {0xE50, 0xE59},     {0xE81, 0xF00},     {0xF18, 0xF19},     {0xF20, 0xF33},
    {0xF35, 0xF35},     {0xF37, 0xF37},     {0xF39, 0xF39},     {0xF3E, 0xF84},
    {0xF86, 0xFBC},     {0xFC6, 0xFC6},     {0x1000, 0x1049},   {0x1050, 0x109D},
    {0x10A0, 0x10FA},   {0x10FC, 0x135F},   {0x1369, 0x138F},   {0x13A0, 0x13FD},
    {0x1401, 0x166C},   {0x166F, 0x167F},   {0x1681, 0x169A},   {0x16A0, 0x16EA},
    {0x16EE, 0x1734},   {0x1740, 0x17D3},   {0x17D7, 0x17D7},   {0x17DC, 0x17F9},
    {0x180B, 0x180D},   {0x180F, 0x193B},   {0x1946, 0x19DA},   {0x1A00, 0x1A1B},
    {0x1A20, 0x1A99},   {0x1AA7, 0x1AA7},   {0x1AB0, 0x1B59},   {0x1B6B, 0x1B73},
    {0x1B80, 0x1BF3},   {0x1C00, 0x1C37},   {0x1C40, 0x1C7D},   {0x1C80, 0x1CBF},
    {0x1CD0, 0x1CD2},   {0x1CD4, 0x1FBC},   {0x1FBE, 0x1FBE},   {0x1FC2, 0x1FCC},
    {0x1FD0, 0x1FDB},   {0x1FE0, 0x1FEC},   {0x1FF2, 0x1FFC},   {0x2070, 0x2079},
    {0x207F, 0x2089},   {0x2090, 0x209C},   {0x20D0, 0x20F0},   {0x2102, 0x2102},
    {0x2107, 0x2107},   {0x210A, 0x2113},   {0x2115, 0x2115},   {0x2119, 0x211D},
    {0x2124, 0x2124},   {0x2126, 0x2126},   {0x2128, 0x2128},   {0x212A, 0x212D},
    {0x212F, 0x2139},   {0x213C, 0x213F},   {0x2145, 0x2149},   {0x214E, 0x214E},
    {0x2150, 0x2189},   {0x2460, 0x249B},   {0x24EA, 0x24FF},   {0x2776, 0x2793},
    {0x2C00, 0x2CE4},   {0x2CEB, 0x2CF3},   {0x2CFD, 0x2CFD},   {0x2D00, 0x2D6F},
    {0x2D7F, 0x2DFF},   {0x2E2F, 0x2E2F},   {0x3005, 0x3007},   {0x3021, 0x302F},
    {0x3031, 0x3035},   {0x3038, 0x303C},   {0x3041, 0x309A},   {0x309D, 0x309F},
    {0x30A1, 0x30FA},   {0x30FC, 0x318E},   {0x3192, 0x3195},   {0x31A0, 0x31BF},
    {0x31F0, 0x31FF},   {0x3220, 0x3229},   {0x3248, 0x324F},   {0x3251, 0x325F},
    {0x3280, 0x3289},   {0x32B1, 0x32BF},   {0x3400, 0x4DBF},   {0x4E00, 0xA48C},
    {0xA4D0, 0xA4FD},   {0xA500, 0xA60C},   {0xA610, 0xA672},   {0xA674, 0xA67D},
    {0xA67F, 0xA6F1},   {0xA717, 0xA71F},   {0xA722, 0xA788},   {0xA78B, 0xA827},
    {0xA82C, 0xA835},   {0xA840, 0xA873},   {0xA880, 0xA8C5},   {0xA8D0, 0xA8F7},
    {0xA8FB, 0xA8FB},   {0xA8FD, 0xA92D},   {0xA930, 0xA953},   {0xA960, 0xA9C0},
    {0xA9CF, 0xA9D9},   {0xA9E0, 0xAA59},   {0xAA60, 0xAA76},   {0xAA7A, 0xAADD},
    {0xAAE0, 0xAAEF},   {0xAAF2, 0xAB5A},   {0xAB5C, 0xAB69},   {0xAB70, 0xABEA},
    {0xABEC, 0xD7FB},   {0xF900, 0xFB28},   {0xFB2A, 0xFBB1},   {0xFBD3, 0xFD3D},
    {0xFD50, 0xFDC7},   {0xFDF0, 0xFDFB},   {0xFE00, 0xFE0F},   {0xFE20, 0xFE2F},
    {0xFE70, 0xFEFC},   {0xFF10, 0xFF19},   {0xFF21, 0xFF3A},   {0xFF41, 0xFF5A},
    {0xFF66, 0xFFDC},   {0x10000, 0x100FA}, {0x10107, 0x10133}, {0x10140, 0x10178},
    {0x1018A, 0x1018B}, {0x101FD, 0x1039D}, {0x103A0, 0x103CF}, {0x103D1, 0x10563},
    {0x10570, 0x10855}, {0x10858, 0x10876}, {0x10879, 0x1091B}, {0x10920, 0x10939},
    {0x10980, 0x10A48}, {0x10A60, 0x10A7E}, {0x10A80, 0x10AC7}, {0x10AC9, 0x10AEF},
    {0x10B00, 0x10B35}, {0x10B40, 0x10B91}, {0x10BA9, 0x10EAC}, {0x10EB0, 0x10F54},
    {0x10F70, 0x10F85}, {0x10FB0, 0x11046}, {0x11052, 0x110BA}, {0x110C2, 0x110C2},
    {0x110D0, 0x1113F}, {0x11144, 0x11173}, {0x11176, 0x111C4}, {0x111C9, 0x111CC},
    {0x111CE, 0x111DA}, {0x111DC, 0x111DC}, {0x111E1, 0x11237}, {0x1123E, 0x112A8},
    {0x112B0, 0x1144A}, {0x11450, 0x11459}, {0x1145E, 0x114C5}, {0x114C7, 0x115C0},
    {0x115D8, 0x11640}, {0x11644, 0x11659}, {0x11680, 0x116B8}, {0x116C0, 0x1173B},
    {0x11740, 0x1183A}, {0x118A0, 0x11943}, {0x11950, 0x119E1}, {0x119E3, 0x11A3E},
    {0x11A47, 0x11A99}, {0x11A9D, 0x11A9D}, {0x11AB0, 0x11C40}, {0x11C50, 0x11C6C},
    {0x11C72, 0x11EF6}, {0x11FB0, 0x11FD4}, {0x12000, 0x1246E}, {0x12480, 0x12FF0},
    {0x13000, 0x1342E}, {0x14400, 0x16A69}, {0x16A70, 0x16AF4}, {0x16B00, 0x16B36},
    {0x16B40, 0x16B43}, {0x16B50, 0x16E96}, {0x16F00, 0x16FE1}, {0x16FE3, 0x1BC99},
    {0x1BC9D, 0x1BC9E}, {0x1CF00, 0x1CF46}, {0x1D165, 0x1D169}, {0x1D16D, 0x1D172},
    {0x1D17B, 0x1D182}, {0x1D185, 0x1D18B}, {0x1D1AA, 0x1D1AD}, {0x1D242, 0x1D244},
    {0x1D2E0, 0x1D2F3}, {0x1D360, 0x1D6C0}, {0x1D6C2, 0x1D6DA}, {0x1D6DC, 0x1D6FA},
    {0x1D6FC, 0x1D714}, {0x1D716, 0x1D734}, {0x1D736, 0x1D74E}, {0x1D750, 0x1D76E},
    {0x1D770, 0x1D788}, {0x1D78A, 0x1D7A8}, {0x1D7AA, 0x1D7C2}, {0x1D7C4, 0x1D7FF},
    {0x1DA00, 0x1DA36}, {0x1DA3B, 0x1DA6C}, {0x1DA75, 0x1DA75}, {0x1DA84, 0x1DA84},
    {0x1DA9B, 0x1E14E}, {0x1E290, 0x1E2F9}, {0x1E7E0, 0x1E959}, {0x1EC71, 0x1ECAB},
    {0x1ECAD, 0x1ECAF}, {0x1ECB1, 0x1ED2D}, {0x1ED2F, 0x1EEBB}, {0x1F100, 0x1F10C},
    {0x1FBF0, 0x3134A}, {0xE0100, 0xE01EF},
};

int og_cp_is_word(uint32_t cp)
{
    size_t lo = 0, hi = OG_ARRAY_LEN(word_ranges);
    if (cp < 0x80)
        return (cp >= '0' && cp <= '9') || ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z');
    if (cp >= 0xC0 && cp <= 0x24F) /* Latin-1 letters, Latin Extended-A and -B */
        return cp != 0xD7 && cp != 0xF7;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (cp < word_ranges[mid].lo)
            hi = mid;
        else if (cp > word_ranges[mid].hi)
            lo = mid + 1;
        else
            return 1;
    }
    return 0;
}

/* Ideographs and kana: every one is a word by itself (Chinese and Japanese are not spaced).
 * Hangul is not here: Korean is spaced, so its syllables form words like Latin letters. */
static int is_standalone(uint32_t cp)
{
    return (cp >= 0x3005 && cp <= 0x3007) || (cp >= 0x3041 && cp <= 0x3098) ||
           (cp >= 0x309D && cp <= 0x30FF && cp != 0x30A0 && cp != 0x30FB) ||
           (cp >= 0x31F0 && cp <= 0x31FF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
           (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
           (cp >= 0xFF66 && cp <= 0xFF9D) || (cp >= 0x1B000 && cp <= 0x1B16F) ||
           (cp >= 0x20000 && cp <= 0x3FFFF);
}

/* Marks that attach to an ideograph or kana (kana voicing marks, ideographic tone marks,
 * variation selectors, Latin combining marks): they never make a word of their own there. */
static int is_cjk_mark(uint32_t cp)
{
    return (cp >= 0x300 && cp <= 0x36F) || (cp >= 0x302A && cp <= 0x302F) || cp == 0x3099 ||
           cp == 0x309A || (cp >= 0xFF9E && cp <= 0xFF9F) || (cp >= 0xFE00 && cp <= 0xFE0F) ||
           (cp >= 0xE0100 && cp <= 0xE01EF);
}

/* 1 if code points a and b, side by side, belong to the same word. */
static int same_word(uint32_t a, uint32_t b)
{
    return og_cp_is_word(a) && og_cp_is_word(b) && !is_standalone(a) && !is_standalone(b);
}

static int is_digit(uint32_t cp)
{
    return cp >= '0' && cp <= '9';
}

/* Classes of ASCII bytes, for the fast paths of folding, counting and collapsing. */
enum { C_OTHER = 0, C_WORD, C_SPACE, C_JOIN, C_SEP };
#define W_(c) [c] = C_WORD
static const unsigned char ascii_class[128] = {
    [' '] = C_SPACE,  ['\t'] = C_SPACE, ['\n'] = C_SPACE, ['\v'] = C_SPACE, ['\f'] = C_SPACE,
    ['\r'] = C_SPACE, ['\''] = C_JOIN,  ['-'] = C_JOIN,   ['.'] = C_SEP,    [','] = C_SEP,
    W_('0'),          W_('1'),          W_('2'),          W_('3'),          W_('4'),
    W_('5'),          W_('6'),          W_('7'),          W_('8'),          W_('9'),
    W_('A'),          W_('B'),          W_('C'),          W_('D'),          W_('E'),
    W_('F'),          W_('G'),          W_('H'),          W_('I'),          W_('J'),
    W_('K'),          W_('L'),          W_('M'),          W_('N'),          W_('O'),
    W_('P'),          W_('Q'),          W_('R'),          W_('S'),          W_('T'),
    W_('U'),          W_('V'),          W_('W'),          W_('X'),          W_('Y'),
    W_('Z'),          W_('a'),          W_('b'),          W_('c'),          W_('d'),
    W_('e'),          W_('f'),          W_('g'),          W_('h'),          W_('i'),
    W_('j'),          W_('k'),          W_('l'),          W_('m'),          W_('n'),
    W_('o'),          W_('p'),          W_('q'),          W_('r'),          W_('s'),
    W_('t'),          W_('u'),          W_('v'),          W_('w'),          W_('x'),
    W_('y'),          W_('z'),
};
#undef W_

/* Blocks of bytes classified at once, for the fast paths over plain ASCII: sixteen bytes with
 * SSE2 (every x86-64), else eight bytes in a 64-bit word on a little-endian machine ("SWAR":
 * byte j of the word is bits 8j..8j+7, the masks set the high bit 8j+7 of each byte with a
 * property, and no carry ever crosses into another byte).  Either way the classes come out
 * as bit masks with bit j for byte j of the block. */
/* The unit tests also run built with OG_NO_SSE2 OG_NO_AVX2 (the SWAR path) and with
 * OG_NO_SSE2 OG_NO_AVX2 OG_NO_SWAR (no fast path): tests/unit/unit-tests-swar, -scalar. */
#if defined(__SSE2__) && !defined(OG_NO_SSE2)
#include <emmintrin.h>
#define OG_BLOCK 16
#elif defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__ && !defined(OG_NO_SWAR)
#define OG_BLOCK 8
#else
#define OG_BLOCK 0 /* no fast paths */
#endif

typedef struct block_class {
    unsigned high;    /* bytes from 0x80 on */
    unsigned control; /* bytes below 0x20 (tab, CR, LF ...) */
    unsigned space;   /* ' ' */
    unsigned alnum;   /* ASCII letters and digits */
    unsigned joiner;  /* ' - . , which may join or split words (og_count_words) */
} block_class;

#if OG_BLOCK == 16
static inline __attribute__((always_inline)) void classify_block(const char *s, block_class *c)
{
    __m128i v = _mm_loadu_si128((const __m128i *)(const void *)s);
    __m128i lower = _mm_or_si128(v, _mm_set1_epi8(0x20));
    /* signed compares: bytes from 0x80 on are negative, so never letters or digits */
    __m128i letter = _mm_and_si128(_mm_cmpgt_epi8(lower, _mm_set1_epi8('a' - 1)),
                                   _mm_cmplt_epi8(lower, _mm_set1_epi8('z' + 1)));
    __m128i digit = _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8('0' - 1)),
                                  _mm_cmplt_epi8(v, _mm_set1_epi8('9' + 1)));
    __m128i joiner = _mm_or_si128(
        _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('\'')), _mm_cmpeq_epi8(v, _mm_set1_epi8('-'))),
        _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('.')), _mm_cmpeq_epi8(v, _mm_set1_epi8(','))));
    c->high = (unsigned)_mm_movemask_epi8(v);
    c->control = (unsigned)_mm_movemask_epi8(
        _mm_cmpeq_epi8(_mm_min_epu8(v, _mm_set1_epi8(0x1F)), v)); /* v <= 0x1F, unsigned */
    c->space = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8(' ')));
    c->alnum = (unsigned)_mm_movemask_epi8(_mm_or_si128(letter, digit));
    c->joiner = (unsigned)_mm_movemask_epi8(joiner);
}
#elif OG_BLOCK == 8
#define ONES 0x0101010101010101ull
#define HIGHS 0x8080808080808080ull

/* Bytes of x (all bytes ASCII) in [lo, hi]. */
static uint64_t bytes_between(uint64_t x, unsigned lo, unsigned hi)
{
    return (x + (0x80u - lo) * ONES) & ~(x + (0x7Fu - hi) * ONES) & HIGHS;
}

/* Zero bytes of x (any bytes). */
static uint64_t zero_bytes(uint64_t x)
{
    return ~(((x & ~HIGHS) + ~HIGHS) | x) & HIGHS;
}

/* Bit j of the result is the high bit of byte j (a multiply gathers them, without carries). */
static unsigned compact(uint64_t highs)
{
    return (unsigned)(((highs >> 7) * 0x0102040810204080ull) >> 56);
}

static inline __attribute__((always_inline)) void classify_block(const char *s, block_class *c)
{
    uint64_t x, low, ascii;
    memcpy(&x, s, 8);
    low = x & ~HIGHS;   /* bytes_between wants ASCII bytes: no carry out of any byte */
    ascii = ~x & HIGHS; /* and its answers count for the bytes that were ASCII */
    c->high = compact(x & HIGHS);
    c->control = compact(~((low + 0x60 * ONES) | x) & HIGHS);
    c->space = compact(zero_bytes(x ^ (' ' * ONES)));
    c->alnum = compact(
        (bytes_between(low | 0x20 * ONES, 'a', 'z') | bytes_between(low, '0', '9')) & ascii);
    c->joiner = compact((zero_bytes(x ^ ('\'' * ONES)) | bytes_between(low, ',', '.')) & ascii);
}
#endif

#if OG_BLOCK
/* Bits set in a block mask. */
static unsigned count_bits(unsigned m)
{
    m = m - ((m >> 1) & 0x55555555u);
    m = (m & 0x33333333u) + ((m >> 2) & 0x33333333u);
    return (((m + (m >> 4)) & 0x0F0F0F0Fu) * 0x01010101u) >> 24;
}
#endif

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

/* The folding loop.  lower: fold case; otherwise ASCII letters keep their case (everything
 * else is folded exactly as with lower, so both outputs have the same length byte for byte).
 * This runs on every paragraph of every document. */
static int fold_into(const char *s, size_t n, og_buf *out, int lower)
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
            if (is_ignorable(cp))
                continue;
            if (og_cp_is_space(cp)) {
                space = len > 0;
                continue;
            }
            len = put_folded(o, len, space, cp);
            space = 0;
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
        if (is_ignorable(cp))
            continue;
        if (og_cp_is_space(cp)) {
            space = len > 0;
            continue;
        }
        len = put_folded(o, len, space, cp);
        space = 0;
    }
    if (len > max) {
        o[0] = '\0';
        return OG_BUF_TOOBIG;
    }
    o[len] = '\0';
    out->len = len;
    return OG_BUF_OK;
}

int og_text_fold(const char *s, size_t n, og_buf *out)
{
    return fold_into(s, n, out, 1);
}

/* ------------------------------------------------------------------ heading keys */

static char lc(char c)
{
    return c >= 'A' && c <= 'Z' ? (char)(c + 0x20) : c;
}
static int is_ascii_alpha(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
static int is_ascii_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* 1 if s[0..n) is a roman numeral from 1 to 89 (i v x l), all in one case. */
static int is_roman(const char *s, size_t n)
{
    static const char *const tens[] = {"", "x", "xx", "xxx", "xl", "l", "lx", "lxx", "lxxx"};
    static const char *const ones[] = {"", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix"};
    int upper = s[0] >= 'A' && s[0] <= 'Z';
    for (size_t i = 0; i < n; i++)
        if ((s[i] >= 'A' && s[i] <= 'Z') != upper)
            return 0;
    for (size_t t = 0; t < OG_ARRAY_LEN(tens); t++) {
        size_t tl = strlen(tens[t]);
        if (tl > n)
            continue;
        for (size_t k = 0; k < tl; k++)
            if (lc(s[k]) != tens[t][k])
                goto next;
        for (size_t o = 0; o < OG_ARRAY_LEN(ones); o++) {
            size_t ol = strlen(ones[o]);
            if (tl + ol != n || tl + ol == 0)
                continue;
            size_t k = 0;
            while (k < ol && lc(s[tl + k]) == ones[o][k])
                k++;
            if (k == ol)
                return 1;
        }
    next:;
    }
    return 0;
}

enum { LABEL_NUMBER = 1, LABEL_DOTTED, LABEL_ROMAN, LABEL_LETTER };

/* Length of a numbering label at s, setting *kind: digits (LABEL_NUMBER), digits(.digits)+
 * (LABEL_DOTTED), a roman numeral (LABEL_ROMAN) or a single letter (LABEL_LETTER: an ASCII
 * letter, or any other non-ideographic letter).  0 if none.  What may follow is checked by
 * the caller (a letter never may, so "vision" is no label). */
static size_t label_len(const char *s, int *kind)
{
    size_t i = 0;
    uint32_t cp;
    *kind = 0;
    if (is_ascii_digit(s[0])) {
        int dots = 0;
        while (is_ascii_digit(s[i]))
            i++;
        while (s[i] == '.' && is_ascii_digit(s[i + 1])) {
            dots++;
            i++;
            while (is_ascii_digit(s[i]))
                i++;
        }
        *kind = dots ? LABEL_DOTTED : LABEL_NUMBER;
        return i;
    }
    if (is_ascii_alpha(s[0])) {
        while (is_ascii_alpha(s[i]))
            i++;
        if (i == 1 || is_roman(s, i)) {
            *kind = i == 1 ? LABEL_LETTER : LABEL_ROMAN;
            return i;
        }
        return 0;
    }
    if ((unsigned char)s[0] >= 0x80) { /* "а)", "β." */
        i = og_utf8_decode(s, strlen(s), &cp);
        if (og_cp_is_word(cp) && !is_standalone(cp)) {
            *kind = LABEL_LETTER;
            return i;
        }
    }
    return 0;
}

/* Length of a keyword that introduces a label ("Section ", "§ ", "§"), or 0. */
static size_t keyword_len(const char *s)
{
    static const char *const words[] = {"section",  "part",    "chapter",  "annex",
                                        "appendix", "article", "schedule", "clause"};
    if (s[0] == '\xc2' && s[1] == '\xa7') /* § */
        return s[2] == ' ' ? 3 : 2;
    for (size_t w = 0; w < OG_ARRAY_LEN(words); w++) {
        size_t k = 0;
        while (words[w][k] && lc(s[k]) == words[w][k])
            k++;
        if (!words[w][k] && s[k] == ' ')
            return k + 1;
    }
    return 0;
}

/* Length of a leading numbering label at s (with the space after it), or 0.  s is folded
 * text in which ASCII letters kept their case.  The grammar is in text.h. */
static size_t numbering_prefix(const char *s)
{
    size_t i, n, at;
    int kind, keyword = 0, paren = 0;

    if ((i = keyword_len(s)) != 0)
        keyword = 1;
    else if (s[0] == '(')
        i = paren = 1;
    at = i;
    if (!(n = label_len(s + at, &kind)))
        return 0;
    i += n;
    if (paren) { /* (N) (a) (iv) (2.3) */
        if (s[i] != ')')
            return 0;
        i++;
    } else if (keyword) { /* "Section 2:", "Part 3 -", "Annex B.", "§ 4", "Appendix A" */
        int punct = 0;
        if (s[i] == ' ' && (s[i + 1] == ':' || s[i + 1] == '-'))
            i++;
        if (s[i] == ':' || s[i] == '.' || s[i] == '-' || s[i] == ')') {
            i++;
            punct = 1;
        }
        if (!punct && (kind == LABEL_ROMAN || kind == LABEL_LETTER)) {
            /* without punctuation a letter or numeral must be a capital: "Annex B Data",
             * "Part IV Costs", but not "Schedule a meeting" */
            for (size_t k = at; k < at + n; k++)
                if (!(s[k] >= 'A' && s[k] <= 'Z'))
                    return 0;
        }
    } else if (s[i] == '.' || s[i] == ')' ||
               (s[i] == ':' && (kind == LABEL_NUMBER || kind == LABEL_DOTTED))) {
        i++;
    } else if (kind != LABEL_DOTTED) {
        return 0; /* a bare number, numeral or letter is a word: "2020 vision", "I am" */
    }
    if (s[i] != ' ')
        return 0; /* "1.5m", "U.S." ... and a heading that is only a label stays as it is */
    return i + 1;
}

static size_t trim_end(const char *s, size_t start, size_t end)
{
    while (end > start && strchr(".:;,!?- \"'", s[end - 1]))
        end--;
    return end;
}

int og_heading_key(const char *s, og_buf *out)
{
    og_buf t;
    size_t start = 0, end;
    int rc;
    og_buf_init(&t, out->max);
    if ((rc = fold_into(s, strlen(s), &t, 0)) != OG_BUF_OK) {
        og_buf_free(&t);
        return rc;
    }
    for (int round = 0; round < 4; round++) {
        size_t p = numbering_prefix(t.data + start);
        if (!p)
            break;
        start += p;
    }
    /* a heading in quotes: “Common vision” (folded to ASCII quotes) */
    while (start < t.len && (t.data[start] == '"' || t.data[start] == '\''))
        start++;
    end = trim_end(t.data, start, t.len);
    if (end == start && start > 0) /* nothing but labels ("1. -"): keep them */
        end = trim_end(t.data, start = 0, t.len);
    og_buf_reset(out);
    rc = og_buf_add(out, t.data + start, end - start);
    og_buf_free(&t);
    if (rc == OG_BUF_OK)
        for (size_t i = 0; i < out->len; i++)
            out->data[i] = lc(out->data[i]);
    return rc;
}

/* ------------------------------------------------------------------ words */

static uint32_t peek(const char *s, size_t n, size_t i)
{
    uint32_t cp = 0;
    if (i < n)
        og_utf8_decode(s + i, n - i, &cp);
    return cp;
}

/* Apostrophes and hyphens that join two word characters: ' ’ - ‐ ‑ */
static int is_joiner(uint32_t cp)
{
    return cp == '\'' || cp == 0x2019 || cp == '-' || cp == 0x2010 || cp == 0x2011;
}

/* A block of ASCII bytes with no apostrophe, hyphen, point or comma: its words start at the
 * letters and digits that do not follow one.  Returns 0 if the block is not such. */
static int count_block(const char *s, uint64_t *words, int *in_word)
{
#if OG_BLOCK
    block_class c;
    classify_block(s, &c);
    if (c.high | c.joiner)
        return 0;
    *words += count_bits(c.alnum & ~((c.alnum << 1) | (unsigned)*in_word));
    *in_word = (c.alnum >> (OG_BLOCK - 1)) & 1;
    return 1;
#else
    (void)s, (void)words, (void)in_word;
    return 0;
#endif
}

uint64_t og_count_words(const char *s, size_t n)
{
    uint64_t words = 0;
    int in_word = 0, after_cjk = 0; /* after_cjk: the last character was an ideograph/kana */
    uint32_t prev = 0;              /* the last code point (for digit separators) */
    size_t slow_until = 0;          /* no block tried before this: the last one was not plain */
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        unsigned char c = (unsigned char)s[i];
        size_t k;
        if (OG_BLOCK && i >= slow_until && i + OG_BLOCK <= n) {
            if (count_block(s + i, &words, &in_word)) {
                after_cjk = 0;
                prev = (unsigned char)s[i + OG_BLOCK - 1];
                i += OG_BLOCK;
                continue;
            }
            slow_until = i + OG_BLOCK;
        }
        if (c < 0x80) { /* fast path */
            switch (ascii_class[c]) {
            case C_WORD: /* the common case, a run of ASCII letters and digits */
                words += !in_word;
                in_word = 1;
                after_cjk = 0;
                do
                    i++;
                while (i < n && (unsigned char)s[i] < 0x80 &&
                       ascii_class[(unsigned char)s[i]] == C_WORD);
                prev = (unsigned char)s[i - 1];
                continue;
            case C_JOIN: /* "don't", "well-being", "COVID-19" */
                in_word = in_word && og_cp_is_word(peek(s, n, i + 1));
                break;
            case C_SEP: /* "3.5", "1,000" */
                in_word =
                    in_word && is_digit(prev) && i + 1 < n && is_digit((unsigned char)s[i + 1]);
                break;
            default: in_word = 0; break;
            }
            after_cjk = 0;
            prev = c;
            i++;
            continue;
        }
        k = og_utf8_decode(s + i, n - i, &cp);
        if (og_cp_is_word(cp)) {
            if (is_standalone(cp)) {
                words++;
                in_word = 0;
                after_cjk = 1;
            } else if (after_cjk && is_cjk_mark(cp)) {
                /* voicing mark or variation selector of the ideograph or kana before */
            } else {
                words += !in_word;
                in_word = 1;
                after_cjk = 0;
            }
        } else if (is_ignorable(cp)) {
            i += k; /* invisible: neither splits nor joins, and is not `prev` */
            continue;
        } else if (in_word && is_joiner(cp)) {
            in_word = og_cp_is_word(peek(s, n, i + k));
        } else {
            in_word = 0;
            after_cjk = 0;
        }
        prev = cp;
        i += k;
    }
    return words;
}

/* ------------------------------------------------------------------ word-start summaries */

/* Record three bytes.  They are hashed with bit 0x20 set: so an ASCII letter hashes the same
 * in either case and plain text needs no folding (other bytes may collide with each other:
 * a false "may match", never a miss). */
_Static_assert(sizeof(og_trigrams) == 1024 / 8, "add_trigram hashes to 10 bits");

static void add_packed_trigram(uint64_t *bits, uint32_t v) /* v = a | b << 8 | c << 16 */
{
    unsigned h = (unsigned)(((v | 0x202020u) * 0x9E3779B1u) >> 22); /* 10 bits: 1024 */
    bits[h >> 6] |= 1ull << (h & 63);
}

static void add_trigram(uint64_t *bits, unsigned a, unsigned b, unsigned c)
{
    add_packed_trigram(bits, a | b << 8 | c << 16);
}

/* A word start: a letter or digit (not an ideograph or kana) after something that is not one
 * (og_find_phrase's left boundary).  Where a phrase starts with one, every match of it starts
 * at a word start of the text, and so does every word of the phrase after a non-word
 * character: that is why the word-start trigrams of the phrase must be among the text's. */
static int starts_words(uint32_t cp)
{
    return og_cp_is_word(cp) && !is_standalone(cp);
}

void og_trigrams_of(const char *s, size_t n, og_trigrams *out)
{
    const unsigned char *u = (const unsigned char *)s;
    int prev_in = 0;
    memset(out, 0, sizeof(*out));
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        size_t k = og_utf8_decode(s + i, n - i, &cp);
        int in = starts_words(cp);
        if (in && !prev_in && i + 2 < n)
            add_trigram(out->bits, u[i], u[i + 1], u[i + 2]);
        prev_in = in;
        i += k;
    }
}

int og_trigrams_contain(const og_trigrams *text, const og_trigrams *phrase)
{
    for (size_t i = 0; i < OG_ARRAY_LEN(text->bits); i++)
        if ((text->bits[i] & phrase->bits[i]) != phrase->bits[i])
            return 0;
    return 1;
}

/* Record the trigram at word start j of plain text u[0..n): with one load where four bytes
 * are there (the fourth is masked off). */
static inline __attribute__((always_inline)) void add_plain_start(uint64_t *bits,
                                                                   const unsigned char *u,
                                                                   size_t n, size_t j)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    if (j + 3 < n) {
        uint32_t v;
        memcpy(&v, u + j, sizeof(v));
        add_packed_trigram(bits, v & 0xFFFFFFu);
        return;
    }
#endif
    if (j + 2 < n)
        add_trigram(bits, u[j], u[j + 1], u[j + 2]);
}

/* Where the block loop of trigrams_of_plain left off. */
typedef struct plain_state {
    size_t i;
    unsigned prev_in, prev_sp; /* 1 if the byte before i is a letter/digit, a space */
    uint64_t nstarts;          /* word starts: the word count, for plain text without joins */
    int joined;                /* a joiner between word characters was seen: nstarts is not */
} plain_state;

/* The blocks of trigrams_of_plain, `block` bytes at a time classified by `classify` (both
 * constants once inlined: one copy for SSE2, one for AVX2).  0 if s is not plain. */
static inline __attribute__((always_inline)) int
plain_blocks(const char *s, size_t n, og_trigrams *out, plain_state *st, unsigned block,
             void (*classify)(const char *, block_class *))
{
    const unsigned char *u = (const unsigned char *)s;
    for (; n - st->i >= block; st->i += block) {
        block_class c;
        unsigned starts, word_before;
        classify(s + st->i, &c);
        if (c.high | c.control | (c.space & ((c.space << 1) | st->prev_sp)))
            return 0;
        word_before = (c.alnum << 1) | st->prev_in;
        /* the byte after the block is not known here: a joiner last in it may join */
        if (c.joiner & word_before & ((c.alnum >> 1) | (1u << (block - 1))))
            st->joined = 1;
        starts = c.alnum & ~word_before;
        st->prev_in = (c.alnum >> (block - 1)) & 1;
        st->prev_sp = (c.space >> (block - 1)) & 1;
        for (; starts; starts &= starts - 1, st->nstarts++) /* cheaper than count_bits */
            add_plain_start(out->bits, u, n, st->i + (unsigned)__builtin_ctz(starts));
    }
    return 1;
}

#if OG_BLOCK == 16 && defined(__x86_64__) && defined(__GNUC__) && !defined(OG_NO_AVX2)
#include <immintrin.h>
#define OG_AVX2 1
/* classify_block on 32 bytes (AVX2). */
static inline __attribute__((always_inline, target("avx2"))) void
classify_block32(const char *s, block_class *c)
{
    __m256i v = _mm256_loadu_si256((const __m256i *)(const void *)s);
    __m256i lower = _mm256_or_si256(v, _mm256_set1_epi8(0x20));
    __m256i letter = _mm256_and_si256(_mm256_cmpgt_epi8(lower, _mm256_set1_epi8('a' - 1)),
                                      _mm256_cmpgt_epi8(_mm256_set1_epi8('z' + 1), lower));
    __m256i digit = _mm256_and_si256(_mm256_cmpgt_epi8(v, _mm256_set1_epi8('0' - 1)),
                                     _mm256_cmpgt_epi8(_mm256_set1_epi8('9' + 1), v));
    __m256i joiner = _mm256_or_si256(
        _mm256_or_si256(_mm256_cmpeq_epi8(v, _mm256_set1_epi8('\'')),
                        _mm256_cmpeq_epi8(v, _mm256_set1_epi8('-'))),
        _mm256_or_si256(_mm256_cmpeq_epi8(v, _mm256_set1_epi8('.')),
                        _mm256_cmpeq_epi8(v, _mm256_set1_epi8(','))));
    c->high = (unsigned)_mm256_movemask_epi8(v);
    c->control = (unsigned)_mm256_movemask_epi8(
        _mm256_cmpeq_epi8(_mm256_min_epu8(v, _mm256_set1_epi8(0x1F)), v));
    c->space = (unsigned)_mm256_movemask_epi8(_mm256_cmpeq_epi8(v, _mm256_set1_epi8(' ')));
    c->alnum = (unsigned)_mm256_movemask_epi8(_mm256_or_si256(letter, digit));
    c->joiner = (unsigned)_mm256_movemask_epi8(joiner);
}

__attribute__((target("avx2"))) static int plain_blocks_avx2(const char *s, size_t n,
                                                             og_trigrams *out, plain_state *st)
{
    return plain_blocks(s, n, out, st, 32, classify_block32);
}

/* 1 if the processor has AVX2 (asked once; threads may both ask, the answer is the same). */
static int have_avx2(void)
{
    static int known; /* 0 not asked, 1 no, 2 yes; atomic: several threads read and write it */
    int k = __atomic_load_n(&known, __ATOMIC_RELAXED);
    if (!k) {
        k = __builtin_cpu_supports("avx2") ? 2 : 1;
        __atomic_store_n(&known, k, __ATOMIC_RELAXED);
    }
    return k == 2;
}
#endif

/* Plain text: ASCII without control bytes or two spaces in a row.  Folding only lowers its
 * case and trims it, which changes neither its word starts nor the bytes that follow them.
 * og_trigrams_of_plain, and with `words` also og_count_words in the same pass, unless a
 * joiner (' - . ,) between two word characters may join them: then *words is
 * OG_WORDS_UNKNOWN. */
static int trigrams_of_plain(const char *s, size_t n, og_trigrams *out, uint64_t *words)
{
    const unsigned char *u = (const unsigned char *)s;
    plain_state st = {0, 0, 0, 0, 0};
    size_t i;
    unsigned prev_in, prev_sp;
    memset(out, 0, sizeof(*out));
#ifdef OG_AVX2
    if (have_avx2() && !plain_blocks_avx2(s, n, out, &st))
        return 0;
#endif
#if OG_BLOCK
    if (!plain_blocks(s, n, out, &st, OG_BLOCK, classify_block))
        return 0;
#endif
    for (i = st.i, prev_in = st.prev_in, prev_sp = st.prev_sp; i < n; i++) {
        unsigned in, sp = u[i] == ' ';
        if (u[i] >= 0x80 || u[i] < 0x20 || (sp && prev_sp))
            return 0;
        in = ascii_class[u[i]] == C_WORD;
        if ((ascii_class[u[i]] == C_JOIN || ascii_class[u[i]] == C_SEP) && prev_in &&
            i + 1 < n && u[i + 1] < 0x80 && ascii_class[u[i + 1]] == C_WORD)
            st.joined = 1;
        if (in && !prev_in) {
            add_plain_start(out->bits, u, n, i);
            st.nstarts++;
        }
        prev_in = in;
        prev_sp = sp;
    }
    if (words)
        *words = st.joined ? OG_WORDS_UNKNOWN : st.nstarts;
    return 1;
}

int og_trigrams_of_plain(const char *s, size_t n, og_trigrams *out)
{
    return trigrams_of_plain(s, n, out, NULL);
}

int og_words_trigrams_of_plain(const char *s, size_t n, uint64_t *words, og_trigrams *out)
{
    return trigrams_of_plain(s, n, out, words);
}

/* ------------------------------------------------------------------ phrases */

/* The code point ending just before position i (0 at the start). */
static uint32_t cp_before(const char *s, size_t i)
{
    size_t j;
    uint32_t cp = 0;
    if (i == 0)
        return 0;
    j = i - 1;
    while (j > 0 && ((unsigned char)s[j] & 0xC0) == 0x80 && i - j < 4)
        j--;
    if (og_utf8_decode(s + j, i - j, &cp) != i - j)
        cp = 0xFFFD; /* not a whole code point: treat as a boundary */
    return cp;
}

long og_find_phrase(const char *hay, size_t hay_len, const char *needle, size_t needle_len)
{
    uint32_t first, last;
    if (needle_len == 0 || needle_len > hay_len)
        return -1;
    og_utf8_decode(needle, needle_len, &first);
    last = cp_before(needle, needle_len);
    for (size_t at = 0; at + needle_len <= hay_len;) {
        const char *m = memmem(hay + at, hay_len - at, needle, needle_len);
        size_t off;
        if (!m)
            return -1;
        off = (size_t)(m - hay);
        if (!same_word(cp_before(hay, off), first) &&
            !same_word(last, peek(hay, hay_len, off + needle_len)))
            return (long)off;
        at = off + 1;
    }
    return -1;
}

/* ------------------------------------------------------------------ building text */

static int is_xml_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

int og_append_collapsed(og_buf *out, const char *s, size_t n)
{
    size_t start = out->len, i = 0;
    int rc;
    if (start > out->max)
        return OG_BUF_TOOBIG;
    if (n <= out->max - start) {
        /* the common case: the result grows by at most n bytes, so reserve once and copy
         * byte by byte on locals */
        char *o;
        size_t len = start;
        if ((rc = og_buf_reserve(out, n)) != OG_BUF_OK)
            return rc;
        o = out->data;
#if OG_BLOCK
        {
            /* whole blocks while they hold no tab, CR or LF (no control byte) and no space
             * that would be dropped: after a space, or first in an empty buffer */
            unsigned dropped = len == 0 || o[len - 1] == ' ';
            for (; n - i >= OG_BLOCK; i += OG_BLOCK, len += OG_BLOCK) {
                block_class c;
                classify_block(s + i, &c);
                if (c.control | (c.space & ((c.space << 1) | dropped)))
                    break;
                memcpy(o + len, s + i, OG_BLOCK);
                dropped = (c.space >> (OG_BLOCK - 1)) & 1;
            }
        }
#endif
        for (; i < n; i++) {
            char c = s[i];
            if (!is_xml_space(c))
                o[len++] = c;
            else if (len > 0 && o[len - 1] != ' ')
                o[len++] = ' ';
        }
        o[len] = '\0';
        out->len = len;
        return OG_BUF_OK;
    }
    /* longer than the room left: it may still fit once collapsed; go run by run */
    rc = og_buf_reserve(out, out->max - start);
    while (i < n && rc == OG_BUF_OK) {
        size_t j = i;
        while (j < n && !is_xml_space(s[j]))
            j++;
        if (j > i && (rc = og_buf_reserve(out, j - i)) == OG_BUF_OK) {
            memcpy(out->data + out->len, s + i, j - i);
            out->len += j - i;
        }
        if (j < n && rc == OG_BUF_OK) { /* white space: one ' ', none first or after ' ' */
            while (j < n && is_xml_space(s[j]))
                j++;
            if (out->len > 0 && out->data[out->len - 1] != ' ' &&
                (rc = og_buf_reserve(out, 1)) == OG_BUF_OK)
                out->data[out->len++] = ' ';
        }
        i = j;
    }
    if (rc != OG_BUF_OK)
        out->len = start; /* on error nothing is appended */
    if (out->data)
        out->data[out->len] = '\0';
    return rc;
}

int og_slug(const char *s, og_buf *out)
{
    og_buf folded;
    int rc;
    og_buf_init(&folded, out->max);
    if ((rc = og_text_fold(s, strlen(s), &folded)) != OG_BUF_OK) {
        og_buf_free(&folded);
        return rc;
    }
    og_buf_reset(out);
    for (size_t i = 0; i < folded.len && rc == OG_BUF_OK;) {
        uint32_t cp;
        size_t k = og_utf8_decode(folded.data + i, folded.len - i, &cp);
        if (og_cp_is_word(cp))
            rc = og_buf_add(out, folded.data + i, k);
        else if (out->len && out->data[out->len - 1] != '-')
            rc = og_buf_addc(out, '-');
        i += k;
    }
    og_buf_free(&folded);
    if (rc != OG_BUF_OK)
        return rc;
    while (out->len && out->data[out->len - 1] == '-')
        out->data[--out->len] = '\0';
    return out->len ? OG_BUF_OK : og_buf_adds(out, "section");
}
