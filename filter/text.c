/* text.c — UTF-8, folding, heading keys, word counting (see text.h; no locale used). */
#include "text.h"

#include "internal.h"

/* ------------------------------------------------------------------ UTF-8 */

size_t og_utf8_decode(const char *s, size_t n, uint32_t *cp)
{
    const unsigned char *u = (const unsigned char *)s;
    uint32_t c;
    size_t len;
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
    } else {
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

static size_t put_utf8(char *p, uint32_t cp);

int og_utf8_append(og_buf *b, uint32_t cp)
{
    char t[4];
    return og_buf_add(b, t, put_utf8(t, cp));
}

int og_utf8_valid(const char *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        size_t k = og_utf8_decode(s + i, n - i, &cp);
        if (cp == 0xFFFD && k == 1 && (unsigned char)s[i] >= 0x80)
            return 0;
        i += k;
    }
    return 1;
}

/* ------------------------------------------------------------------ classes */

int og_cp_is_space(uint32_t cp)
{
    return (cp >= 0x09 && cp <= 0x0D) || cp == 0x20 || cp == 0x85 || cp == 0xA0 ||
           cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200B) || cp == 0x2028 || cp == 0x2029 ||
           cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

/* Format characters dropped by folding (invisible: soft hyphen, joiners, BOM). */
static int is_ignorable(uint32_t cp)
{
    return cp == 0xAD || cp == 0x200C || cp == 0x200D || cp == 0x2060 || cp == 0xFEFF;
}

typedef struct range {
    uint32_t lo, hi;
} range;

/* Letters, digits and marks, by block (an approximation of Unicode L, M, N). Sorted. */
static const range word_ranges[] = {
    {0x30, 0x39},       {0x41, 0x5A},       {0x61, 0x7A},       {0xAA, 0xAA},
    {0xB2, 0xB3},       {0xB5, 0xB5},       {0xB9, 0xBA},       {0xBC, 0xBE},
    {0xC0, 0xD6},       {0xD8, 0xF6},       {0xF8, 0x2FF},      {0x300, 0x36F},
    {0x370, 0x37D},     {0x37F, 0x386},     {0x388, 0x3FF},     {0x400, 0x482},
    {0x483, 0x52F},     {0x531, 0x556},     {0x560, 0x588},     {0x591, 0x5BD},
    {0x5BF, 0x5BF},     {0x5C1, 0x5C2},     {0x5C4, 0x5C5},     {0x5C7, 0x5C7},
    {0x5D0, 0x5F2},     {0x610, 0x61A},     {0x620, 0x669},     {0x66E, 0x6D3},
    {0x6D5, 0x6FF},     {0x710, 0x7FF},     {0x900, 0x963},     {0x966, 0xDFF},
    {0xE01, 0xE4E},     {0xE50, 0xE59},     {0xE81, 0xEFF},     {0xF00, 0xF00},
    {0xF18, 0xF39},     {0xF40, 0xFFF},     {0x1000, 0x1049},   {0x1050, 0x10FF},
    {0x1100, 0x1248},   {0x1250, 0x135F},   {0x1369, 0x137C},   {0x13A0, 0x13FF},
    {0x1401, 0x166C},   {0x166F, 0x167F},   {0x1780, 0x17D3},   {0x17E0, 0x17E9},
    {0x1800, 0x18AF},   {0x1E00, 0x1FBC},   {0x1FBE, 0x1FBE},   {0x1FC2, 0x1FCC},
    {0x1FD0, 0x1FDB},   {0x1FE0, 0x1FEC},   {0x1FF2, 0x1FFC},   {0x2070, 0x2079},
    {0x207F, 0x2089},   {0x2090, 0x209C},   {0x20D0, 0x20F0},   {0x2102, 0x2102},
    {0x2107, 0x2107},   {0x210A, 0x2113},   {0x2115, 0x2115},   {0x2119, 0x211D},
    {0x2124, 0x2124},   {0x2126, 0x2126},   {0x2128, 0x2128},   {0x212A, 0x212D},
    {0x212F, 0x2139},   {0x2150, 0x2189},   {0x2460, 0x249B},   {0x24EA, 0x24FF},
    {0x2C00, 0x2CE4},   {0x2CEB, 0x2CF3},   {0x2D00, 0x2D6F},   {0x2D80, 0x2DFF},
    {0x3005, 0x3007},   {0x3021, 0x302F},   {0x3031, 0x3035},   {0x3038, 0x303C},
    {0x3041, 0x30FA},   {0x30FC, 0x30FF},   {0x3105, 0x312F},   {0x3131, 0x318E},
    {0x31A0, 0x31BF},   {0x31F0, 0x31FF},   {0x3400, 0x4DBF},   {0x4E00, 0x9FFF},
    {0xA000, 0xA48C},   {0xA4D0, 0xA4FD},   {0xA500, 0xA60C},   {0xA610, 0xA62B},
    {0xA640, 0xA6F1},   {0xA717, 0xA7FF},   {0xA800, 0xA827},   {0xA840, 0xA873},
    {0xA880, 0xA8C5},   {0xA8D0, 0xA8D9},   {0xA8E0, 0xA8F7},   {0xA900, 0xA92D},
    {0xAC00, 0xD7A3},   {0xF900, 0xFAFF},   {0xFB00, 0xFB4F},   {0xFB50, 0xFDFB},
    {0xFE70, 0xFEFC},   {0xFF10, 0xFF19},   {0xFF21, 0xFF3A},   {0xFF41, 0xFF5A},
    {0xFF66, 0xFFDC},   {0x10000, 0x1F0FF}, {0x20000, 0x3FFFF}, {0xE0100, 0xE01EF},
};

int og_cp_is_word(uint32_t cp)
{
    size_t lo = 0, hi = OG_ARRAY_LEN(word_ranges);
    if (cp < 0x80)
        return (cp >= '0' && cp <= '9') || ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z');
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

/* Ideographs and kana: every one is a word by itself. */
static int is_standalone(uint32_t cp)
{
    return (cp >= 0x3041 && cp <= 0x30FF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
           (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
           (cp >= 0x20000 && cp <= 0x3FFFF);
}

static int is_digit(uint32_t cp) { return cp >= '0' && cp <= '9'; }

/* ------------------------------------------------------------------ folding */

uint32_t og_cp_fold(uint32_t cp)
{
    if (cp < 0x80)
        return cp >= 'A' && cp <= 'Z' ? cp + 0x20 : cp;
    if (cp < 0x100) {
        if ((cp >= 0xC0 && cp <= 0xDE && cp != 0xD7))
            return cp + 0x20;
        if (cp == 0xAB || cp == 0xBB)
            return '"';
        return cp;
    }
    if (cp <= 0x17F) {
        if (cp == 0x178)
            return 0xFF;
        if (cp == 0x17F)
            return 's';
        if (cp == 0x130 || cp == 0x131 || cp == 0x138 || cp == 0x149)
            return cp == 0x130 ? 'i' : cp;
        if ((cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E))
            return (cp & 1) ? cp + 1 : cp;
        return (cp & 1) ? cp : cp + 1;
    }
    if (cp >= 0x386 && cp <= 0x3AB) {
        if (cp == 0x386)
            return 0x3AC;
        if (cp >= 0x388 && cp <= 0x38A)
            return cp + 0x25;
        if (cp == 0x38C)
            return 0x3CC;
        if (cp == 0x38E || cp == 0x38F)
            return cp + 0x3F;
        if (cp >= 0x391 && cp <= 0x3AB && cp != 0x3A2)
            return cp + 0x20;
        return cp;
    }
    if (cp == 0x3C2)
        return 0x3C3;
    if (cp >= 0x400 && cp <= 0x40F)
        return cp + 0x50;
    if (cp >= 0x410 && cp <= 0x42F)
        return cp + 0x20;
    if ((cp >= 0x460 && cp <= 0x481) || (cp >= 0x48A && cp <= 0x4BF) || (cp >= 0x4D0 && cp <= 0x4FF))
        return (cp & 1) ? cp : cp + 1;
    if (cp >= 0x1E00 && cp <= 0x1EFF)
        return (cp & 1) ? cp : cp + 1;
    switch (cp) {
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032:
        return '\'';
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033:
        return '"';
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015:
    case 0x2212: case 0xFE58: case 0xFE63: case 0xFF0D:
        return '-';
    default:
        break;
    }
    if (cp >= 0xFF21 && cp <= 0xFF3A)
        return cp + 0x20;
    return cp;
}

/* Write code point cp as UTF-8 at p; returns bytes written. */
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

int og_text_fold(const char *s, size_t n, og_buf *out)
{
    /* Folding never lengthens the text (every fold maps to a code point of the same or a
     * shorter UTF-8 length; an invalid byte becomes U+FFFD, 3 bytes, so reserve for that),
     * so the output is written straight into a buffer reserved once: this runs on every
     * paragraph of every document. */
    size_t cap = n * 3, len = 0;
    int space = 0, rc;
    char *o;
    og_buf_reset(out);
    if ((rc = og_buf_reserve(out, cap)) != OG_BUF_OK)
        return rc;
    o = out->data;
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) { /* fast path */
            i++;
            if (c == ' ' || (c >= 0x09 && c <= 0x0D)) {
                space = len > 0;
                continue;
            }
            if (space)
                o[len++] = ' ';
            space = 0;
            o[len++] = (char)(c >= 'A' && c <= 'Z' ? c + 0x20 : c);
            continue;
        }
        i += og_utf8_decode(s + i, n - i, &cp);
        if (is_ignorable(cp))
            continue;
        if (og_cp_is_space(cp)) {
            space = len > 0;
            continue;
        }
        if (space)
            o[len++] = ' ';
        space = 0;
        len += put_utf8(o + len, og_cp_fold(cp));
    }
    if (len > out->max)
        return OG_BUF_TOOBIG;
    o[len] = '\0';
    out->len = len;
    return OG_BUF_OK;
}

/* ------------------------------------------------------------------ heading keys */

static int is_alpha(char c) { return c >= 'a' && c <= 'z'; }
static int is_roman(char c) { return c && strchr("ivxlcdm", c) != NULL; }

/* Length of a numbering label at s: digits(.digits)*, roman numerals, or one letter.
 * *kind: 1 number (single), 2 dotted number, 3 roman, 4 letter. 0 if none. */
static size_t label_len(const char *s, int *kind)
{
    size_t i = 0;
    *kind = 0;
    if (s[0] >= '0' && s[0] <= '9') {
        int dots = 0;
        while (s[i] >= '0' && s[i] <= '9')
            i++;
        while (s[i] == '.' && s[i + 1] >= '0' && s[i + 1] <= '9') {
            dots++;
            i++;
            while (s[i] >= '0' && s[i] <= '9')
                i++;
        }
        *kind = dots ? 2 : 1;
        return i;
    }
    while (is_roman(s[i]) && i < 7)
        i++;
    if (i > 0 && !is_alpha(s[i])) {
        *kind = 3;
        return i;
    }
    if (is_alpha(s[0]) && !is_alpha(s[1])) {
        *kind = 4;
        return 1;
    }
    return 0;
}

/* Length of a leading numbering prefix (with the spaces after it), or 0. */
static size_t numbering_prefix(const char *s)
{
    static const char *const words[] = {"section", "part", "chapter", "annex", "appendix",
                                        "article", "schedule", "clause", "§"};
    size_t i = 0, n;
    int kind, keyword = 0;

    for (size_t w = 0; w < OG_ARRAY_LEN(words); w++) {
        size_t wl = strlen(words[w]);
        if (strncmp(s, words[w], wl) == 0 && (s[wl] == ' ' || (w == 8 && s[wl] >= '0' && s[wl] <= '9'))) {
            i = wl + (s[wl] == ' ');
            keyword = 1;
            break;
        }
    }
    if (!keyword && s[0] == '(')
        i = 1;
    n = label_len(s + i, &kind);
    if (!n)
        return 0;
    i += n;
    if (keyword) {
        /* "section 2", "part iv:", "annex b -", then a space */
        while (s[i] == ' ' && (s[i + 1] == ':' || s[i + 1] == '-' || s[i + 1] == '.'))
            i++;
        if (s[i] == ':' || s[i] == '.' || s[i] == '-' || s[i] == ')')
            i++;
    } else if (s[i] == '.' || s[i] == ')' || (s[i] == ':' && kind <= 2)) {
        i++;
    } else if (kind != 2) {
        return 0; /* a bare number, numeral or letter is a word, not numbering */
    }
    if (s[i] != ' ')
        return 0; /* "1.5m", "a.b" ... and a heading that is only a number stays as it is */
    return i + 1;
}

int og_heading_key(const char *s, og_buf *out)
{
    og_buf folded;
    size_t start = 0, end;
    int rc;
    og_buf_init(&folded, out->max);
    if ((rc = og_text_fold(s, strlen(s), &folded)) != OG_BUF_OK) {
        og_buf_free(&folded);
        return rc;
    }
    for (int round = 0; round < 4; round++) {
        size_t p = numbering_prefix(folded.data + start);
        if (!p)
            break;
        start += p;
    }
    end = folded.len;
    while (end > start && strchr(".:;,!?- ", folded.data[end - 1]))
        end--;
    og_buf_reset(out);
    rc = og_buf_add(out, folded.data + start, end - start);
    og_buf_free(&folded);
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

/* ASCII letters and digits (the word counter's fast path). */
static const unsigned char ascii_word[128] = {
    ['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1, ['5'] = 1, ['6'] = 1, ['7'] = 1,
    ['8'] = 1, ['9'] = 1, ['A'] = 1, ['B'] = 1, ['C'] = 1, ['D'] = 1, ['E'] = 1, ['F'] = 1,
    ['G'] = 1, ['H'] = 1, ['I'] = 1, ['J'] = 1, ['K'] = 1, ['L'] = 1, ['M'] = 1, ['N'] = 1,
    ['O'] = 1, ['P'] = 1, ['Q'] = 1, ['R'] = 1, ['S'] = 1, ['T'] = 1, ['U'] = 1, ['V'] = 1,
    ['W'] = 1, ['X'] = 1, ['Y'] = 1, ['Z'] = 1, ['a'] = 1, ['b'] = 1, ['c'] = 1, ['d'] = 1,
    ['e'] = 1, ['f'] = 1, ['g'] = 1, ['h'] = 1, ['i'] = 1, ['j'] = 1, ['k'] = 1, ['l'] = 1,
    ['m'] = 1, ['n'] = 1, ['o'] = 1, ['p'] = 1, ['q'] = 1, ['r'] = 1, ['s'] = 1, ['t'] = 1,
    ['u'] = 1, ['v'] = 1, ['w'] = 1, ['x'] = 1, ['y'] = 1, ['z'] = 1,
};

uint64_t og_count_words(const char *s, size_t n)
{
    uint64_t words = 0;
    int in_word = 0;
    uint32_t prev = 0;
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        unsigned char c = (unsigned char)s[i];
        size_t k = 1;
        if (c < 0x80) {
            if (ascii_word[c]) { /* fast path: the common case, a run of ASCII letters */
                words += !in_word;
                in_word = 1;
                do
                    i++;
                while (i < n && (unsigned char)s[i] < 0x80 && ascii_word[(unsigned char)s[i]]);
                prev = (unsigned char)s[i - 1];
                continue;
            }
            cp = c;
        } else
            k = og_utf8_decode(s + i, n - i, &cp);
        if (c >= 0x80 && og_cp_is_word(cp)) {
            if (is_standalone(cp)) {
                words++;
                in_word = 0;
            } else if (!in_word) {
                words++;
                in_word = 1;
            }
        } else if (in_word && is_ignorable(cp)) {
            /* soft hyphen, joiners: inside a word */
        } else if (in_word && (cp == '\'' || cp == 0x2019 || cp == '-' || cp == 0x2010 || cp == 0x2011)) {
            uint32_t next = peek(s, n, i + k);
            in_word = !is_digit(prev) && og_cp_is_word(next) && !is_digit(next);
        } else if (in_word && (cp == '.' || cp == ',')) {
            in_word = is_digit(prev) && is_digit(peek(s, n, i + k));
        } else {
            in_word = 0;
        }
        prev = cp;
        i += k;
    }
    return words;
}

/* ------------------------------------------------------------------ bigram summaries */

void og_bigrams_of(const char *s, size_t n, og_bigrams *out)
{
    memset(out, 0, sizeof(*out));
    for (size_t i = 1; i < n; i++) {
        unsigned h = ((unsigned char)s[i - 1] * 31u + (unsigned char)s[i]) & 511u;
        out->bits[h >> 6] |= 1ull << (h & 63);
    }
}

int og_bigrams_contain(const og_bigrams *text, const og_bigrams *phrase)
{
    for (int i = 0; i < 8; i++)
        if ((text->bits[i] & phrase->bits[i]) != phrase->bits[i])
            return 0;
    return 1;
}

/* ------------------------------------------------------------------ phrases */

/* The code point before position i (or 0 at the start). */
static uint32_t cp_before(const char *s, size_t i)
{
    size_t j = i;
    uint32_t cp = 0;
    if (i == 0)
        return 0;
    j--;
    while (j > 0 && ((unsigned char)s[j] & 0xC0) == 0x80 && i - j < 4)
        j--;
    og_utf8_decode(s + j, i - j, &cp);
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
        int left_ok = !og_cp_is_word(first) || !og_cp_is_word(cp_before(hay, off));
        int right_ok = !og_cp_is_word(last) || !og_cp_is_word(peek(hay, hay_len, off + needle_len));
        if (left_ok && right_ok)
            return (long)off;
        at = off + 1;
    }
    return -1;
}

/* ------------------------------------------------------------------ building text */

int og_append_collapsed(og_buf *out, const char *s, size_t n)
{
    /* reserve once (the result is at most n bytes longer), then copy byte by byte */
    int rc = og_buf_reserve(out, n);
    size_t len;
    char *o;
    if (rc != OG_BUF_OK)
        return rc;
    o = out->data;
    len = out->len;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            if (len > 0 && o[len - 1] != ' ')
                o[len++] = ' ';
        } else
            o[len++] = c;
    }
    if (len > out->max)
        return OG_BUF_TOOBIG;
    o[len] = '\0';
    out->len = len;
    return OG_BUF_OK;
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
