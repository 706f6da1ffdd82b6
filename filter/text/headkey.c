/* headkey.c — heading keys: numbering, labels, quotes and dashes taken off so that headings compare
 * (text/text.h; no locale used). */
#include "text/chars.h"

/* ------------------------------------------------------------------ heading keys */

static char lc(char c) { return c >= 'A' && c <= 'Z' ? (char)(c + 0x20) : c; }
static int is_ascii_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
static int is_ascii_digit(char c) { return c >= '0' && c <= '9'; }

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
    if ((rc = og_fold_into(s, strlen(s), &t, 0)) != OG_BUF_OK) {
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
