/* words.c — word counting, word-start trigram summaries and phrase search (text/text.h; no locale
 * used). */
#include "text/chars.h"

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
static int starts_words(uint32_t cp) { return og_cp_is_word(cp) && !is_standalone(cp); }

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
static inline __attribute__((always_inline)) void
add_plain_start(uint64_t *bits, const unsigned char *u, size_t n, size_t j)
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

#if OG_BLOCK
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
#endif

#if OG_BLOCK == 16 && defined(__x86_64__) && defined(__GNUC__) && !defined(OG_NO_AVX2)
#include <immintrin.h>
#define OG_AVX2 1
/* classify_block on 32 bytes (AVX2). */
static inline __attribute__((always_inline, target("avx2"))) void classify_block32(const char *s,
                                                                                   block_class *c)
{
    __m256i v = _mm256_loadu_si256((const __m256i *)(const void *)s);
    __m256i lower = _mm256_or_si256(v, _mm256_set1_epi8(0x20));
    __m256i letter = _mm256_and_si256(_mm256_cmpgt_epi8(lower, _mm256_set1_epi8('a' - 1)),
                                      _mm256_cmpgt_epi8(_mm256_set1_epi8('z' + 1), lower));
    __m256i digit = _mm256_and_si256(_mm256_cmpgt_epi8(v, _mm256_set1_epi8('0' - 1)),
                                     _mm256_cmpgt_epi8(_mm256_set1_epi8('9' + 1), v));
    __m256i joiner = _mm256_or_si256(_mm256_or_si256(_mm256_cmpeq_epi8(v, _mm256_set1_epi8('\'')),
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
        if ((ascii_class[u[i]] == C_JOIN || ascii_class[u[i]] == C_SEP) && prev_in && i + 1 < n &&
            u[i + 1] < 0x80 && ascii_class[u[i + 1]] == C_WORD)
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
