/*
 * chars.h — private to text/: character classes and the block classification that the
 * folding, word counting, trigram and collapsing loops share.  Everything here is static
 * inline, so each loop keeps its helpers inlined as when text/ was one file.
 */
#ifndef OG_TEXT_CHARS_H
#define OG_TEXT_CHARS_H

#include "base/internal.h"
#include "text/text.h"

static inline size_t put_utf8(char *p, uint32_t cp)
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

/* Invisible format characters that folding drops and that never split a word: soft hyphen,
 * zero-width non-joiner and joiner, word joiner, BOM (zero-width no-break space). */
static inline int is_ignorable(uint32_t cp)
{
    return cp == 0xAD || cp == 0x200C || cp == 0x200D || cp == 0x2060 || cp == 0xFEFF;
}

/* Ideographs and kana: every one is a word by itself (Chinese and Japanese are not spaced).
 * Hangul is not here: Korean is spaced, so its syllables form words like Latin letters. */
static inline int is_standalone(uint32_t cp)
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
static inline int is_cjk_mark(uint32_t cp)
{
    return (cp >= 0x300 && cp <= 0x36F) || (cp >= 0x302A && cp <= 0x302F) || cp == 0x3099 ||
           cp == 0x309A || (cp >= 0xFF9E && cp <= 0xFF9F) || (cp >= 0xFE00 && cp <= 0xFE0F) ||
           (cp >= 0xE0100 && cp <= 0xE01EF);
}

/* 1 if code points a and b, side by side, belong to the same word. */
static inline int same_word(uint32_t a, uint32_t b)
{
    return og_cp_is_word(a) && og_cp_is_word(b) && !is_standalone(a) && !is_standalone(b);
}

static inline int is_digit(uint32_t cp) { return cp >= '0' && cp <= '9'; }

/* Classes of ASCII bytes, for the fast paths of folding, counting and collapsing. */
enum { C_OTHER = 0, C_WORD, C_SPACE, C_JOIN, C_SEP };
#define W_(c) [c] = C_WORD
static const unsigned char ascii_class[128] __attribute__((unused)) = {
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
#define ONES  0x0101010101010101ull
#define HIGHS 0x8080808080808080ull

/* Bytes of x (all bytes ASCII) in [lo, hi]. */
static inline uint64_t bytes_between(uint64_t x, unsigned lo, unsigned hi)
{
    return (x + (0x80u - lo) * ONES) & ~(x + (0x7Fu - hi) * ONES) & HIGHS;
}

/* Zero bytes of x (any bytes). */
static inline uint64_t zero_bytes(uint64_t x) { return ~(((x & ~HIGHS) + ~HIGHS) | x) & HIGHS; }

/* Bit j of the result is the high bit of byte j (a multiply gathers them, without carries). */
static inline unsigned compact(uint64_t highs)
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
    c->alnum = compact((bytes_between(low | 0x20 * ONES, 'a', 'z') | bytes_between(low, '0', '9')) &
                       ascii);
    c->joiner = compact((zero_bytes(x ^ ('\'' * ONES)) | bytes_between(low, ',', '.')) & ascii);
}
#endif

#if OG_BLOCK
/* Bits set in a block mask. */
static inline unsigned count_bits(unsigned m)
{
    m = m - ((m >> 1) & 0x55555555u);
    m = (m & 0x33333333u) + ((m >> 2) & 0x33333333u);
    return (((m + (m >> 4)) & 0x0F0F0F0Fu) * 0x01010101u) >> 24;
}
#endif

/* The folding loop (fold.c).  lower: fold case; otherwise ASCII letters keep their case. */
int og_fold_into(const char *s, size_t n, og_buf *out, int lower);

#endif
