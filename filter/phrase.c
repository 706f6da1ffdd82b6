/* phrase.c — literal or regex phrases searched in paragraph text, see phrase.h. */
#include "phrase.h"

#include "buf.h"
#include "text.h"

#include <strings.h>

/* ASCII-only character classes: the C library's depend on the locale (a host such as
 * LibreOffice sets one), and these decide which bytes a prefilter looks for. */
static int ascii_upper(int c)
{
    return c >= 'A' && c <= 'Z';
}
static int ascii_lower(int c)
{
    return c >= 'a' && c <= 'z';
}
static int ascii_alnum(int c)
{
    return ascii_upper(c) || ascii_lower(c) || (c >= '0' && c <= '9');
}

/* A byte every match of the ERE `re` starts with, or -1 when that is not certain. */
static int first_byte(const char *re)
{
    if (strchr(re, '|'))
        return -1; /* an alternation can start elsewhere */
    if (re[0] == '\\' && re[1] && strchr(".[]()*+?{}|^$\\", re[1]) && re[2] != '*' &&
        re[2] != '?' && re[2] != '{')
        return (unsigned char)re[1]; /* an escaped special character, not optional */
    if (ascii_alnum((unsigned char)re[0]) && (!re[1] || !strchr("*?{", re[1])))
        return (unsigned char)re[0]; /* a plain letter or digit, not optional */
    return -1;
}

/* 1 if the ERE has a back-reference (\1 .. \9 outside a bracket expression): glibc matches
 * those by backtracking, exponential in the text (a schema's pattern ran 20 s and 1.8 GB). */
static int has_backreference(const char *re)
{
    for (const char *c = re; *c; c++) {
        if (*c == '\\' && c[1]) {
            if (c[1] >= '1' && c[1] <= '9')
                return 1;
            c++;
        } else if (*c == '[') { /* to the end of the bracket expression */
            c++;
            if (*c == '^')
                c++;
            if (*c == ']')
                c++;
            while (*c && *c != ']') {
                if (*c == '[' && (c[1] == ':' || c[1] == '.' || c[1] == '=')) {
                    const char *e = strchr(c + 2, c[1]);
                    c = e && e[1] == ']' ? e + 1 : c;
                }
                c++;
            }
            if (!*c)
                return 0; /* regcomp refuses it */
        }
    }
    return 0;
}

int og_phrase_init(og_phrase *p, og_arena *a, og_phrase_kind kind, const char *text,
                   int ignore_case, const char *where, odfgate_error *err)
{
    int rc;
    memset(p, 0, sizeof(*p));
    p->kind = kind;
    p->first = p->first_alt = -1;
    if (!text || !*text) {
        og_fail(err, ODFGATE_E_SCHEMA, where, NULL, "empty phrase");
        return -1;
    }
    if (!(p->text = og_arena_strdup(a, text))) {
        og_fail(err, ODFGATE_E_NOMEM, where, NULL, "out of memory");
        return -1;
    }
    if (kind == OG_PHRASE_BRACKETED) {
        p->folded = p->text;
        p->folded_len = strlen(p->text);
        return 0;
    }
    if (kind == OG_PHRASE_LITERAL) {
        og_buf b;
        og_buf_init(&b, 1u << 20);
        rc = og_text_fold(text, strlen(text), &b);
        if (rc == OG_BUF_NOMEM) {
            og_buf_free(&b);
            og_fail(err, ODFGATE_E_NOMEM, where, NULL, "out of memory");
            return -1;
        }
        if (rc != OG_BUF_OK || b.len == 0) {
            og_buf_free(&b);
            og_fail(err, ODFGATE_E_SCHEMA, where, NULL, "phrase \"%.80s\" is empty or too long",
                    text);
            return -1;
        }
        p->folded = og_arena_strndup(a, b.data, b.len);
        p->folded_len = b.len;
        og_trigrams_of(b.data, b.len, &p->grams);
        for (unsigned w = 0; w < OG_ARRAY_LEN(p->grams.bits); w++)
            if (p->grams.bits[w])
                p->gram_words[p->gram_word_count++] = (unsigned char)w;
        og_buf_free(&b);
        if (!p->folded) {
            og_fail(err, ODFGATE_E_NOMEM, where, NULL, "out of memory");
            return -1;
        }
        return 0;
    }
    if (has_backreference(text)) {
        og_fail(err, ODFGATE_E_SCHEMA, where, NULL,
                "regular expression \"%.80s\": back-references (\\1 to \\9) are not supported "
                "(their matching time can grow exponentially with the text)",
                text);
        return -1;
    }
    /* no REG_NOSUB: the match offsets are reported */
    rc = regcomp(&p->re, text, REG_EXTENDED | (ignore_case ? REG_ICASE : 0));
    if (rc != 0) {
        char msg[200];
        regerror(rc, &p->re, msg, sizeof(msg));
        og_fail(err, rc == REG_ESPACE ? ODFGATE_E_NOMEM : ODFGATE_E_SCHEMA, where, NULL,
                "invalid regular expression \"%.80s\": %s", text, msg);
        return -1;
    }
    p->compiled = 1;
    /* A pattern that starts with a literal byte can only match where that byte occurs: a
     * memchr avoids regexec (slow in glibc) on most paragraphs. */
    p->first = p->first_alt = first_byte(text);
    if (p->first >= 0 && ignore_case && ascii_upper(p->first))
        p->first_alt = p->first + 0x20;
    else if (p->first >= 0 && ignore_case && ascii_lower(p->first))
        p->first_alt = p->first - 0x20;
    return 0;
}

int og_phrase_may_match(const og_phrase *p, const og_trigrams *text)
{
    if (p->kind != OG_PHRASE_LITERAL)
        return 1;
    /* og_trigrams_contain, on the few words where the phrase has bits */
    for (unsigned k = 0; k < p->gram_word_count; k++) {
        uint64_t want = p->grams.bits[p->gram_words[k]];
        if ((text->bits[p->gram_words[k]] & want) != want)
            return 0;
    }
    return 1;
}

void og_phrase_release(og_phrase *p)
{
    if (p && p->compiled) {
        regfree(&p->re);
        p->compiled = 0;
    }
}

/* OG_PHRASE_BRACKETED in linear time: the first "[" whose word follows decides, since the
 * match ends at the first "]" after the word, and a "]" after a later word would also be
 * after this one. */
static int search_bracketed(const og_phrase *p, const char *s, size_t n, size_t *off, size_t *len)
{
    const char *b, *end = s + n;
    for (const char *from = s; (b = memchr(from, '[', (size_t)(end - from))) != NULL; from = b + 1) {
        const char *w = b + 1, *close;
        while (w < end && (*w == ' ' || (*w >= '\t' && *w <= '\r')))
            w++;
        if ((size_t)(end - w) < p->folded_len || strncasecmp(w, p->folded, p->folded_len) != 0)
            continue;
        if (!(close = memchr(w + p->folded_len, ']', (size_t)(end - w) - p->folded_len)))
            return 0;
        *off = (size_t)(b - s);
        *len = (size_t)(close + 1 - b);
        return 1;
    }
    return 0;
}

int og_phrase_search(const og_phrase *p, const char *raw, size_t raw_len, const char *folded,
                     size_t folded_len, size_t *match_off, size_t *match_len)
{
    regmatch_t m;
    char *copy = NULL;
    int rc;
    if (p->kind == OG_PHRASE_LITERAL) {
        long off =
            og_find_phrase(folded ? folded : "", folded ? folded_len : 0, p->folded, p->folded_len);
        if (off < 0)
            return 0;
        *match_off = (size_t)off;
        *match_len = p->folded_len;
        return 1;
    }
    if (!raw)
        raw = "", raw_len = 0;
    if (p->kind == OG_PHRASE_BRACKETED)
        return search_bracketed(p, raw, raw_len, match_off, match_len);
    if (!p->compiled)
        return 0;
    if (p->first >= 0 && !memchr(raw, p->first, raw_len) &&
        (p->first_alt == p->first || !memchr(raw, p->first_alt, raw_len)))
        return 0;
    /* regexec needs a C string: raw is one at raw_len (the model's paragraph text always
     * is); anything else is searched through a terminated copy. */
    if (raw[raw_len] != '\0') {
        if (!(copy = og_strndup(raw, raw_len)))
            return 0;
        raw = copy;
    }
    rc = regexec(&p->re, raw, 1, &m, 0);
    free(copy);
    if (rc != 0 || m.rm_so < 0)
        return 0;
    *match_off = (size_t)m.rm_so;
    *match_len = (size_t)(m.rm_eo - m.rm_so);
    return 1;
}
