/* phrase.c — literal or regex phrases searched in paragraph text, see phrase.h. */
#include "text/phrase.h"

#include "base/buf.h"
#include "text/regex.h"
#include "text/text.h"

#include <strings.h>

/* 1 if the ERE has a back-reference (\1 .. \9 outside a bracket expression): no engine
 * matches those in linear time (glibc's backtracking ran 20 s and 1.8 GB on one schema's), and
 * RE2 refuses them with a less helpful message. */
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
    char msg[200];
    int nomem;
    if (!(p->re = og_regex_new(text, ignore_case, msg, sizeof(msg), &nomem))) {
        og_fail(err, nomem ? ODFGATE_E_NOMEM : ODFGATE_E_SCHEMA, where, NULL,
                "invalid regular expression \"%.80s\": %s", text, msg);
        return -1;
    }
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
    if (p) {
        og_regex_free(p->re);
        p->re = NULL;
    }
}

/* OG_PHRASE_BRACKETED in linear time: the first "[" whose word follows decides, since the
 * match ends at the first "]" after the word, and a "]" after a later word would also be
 * after this one. */
static int search_bracketed(const og_phrase *p, const char *s, size_t n, size_t *off, size_t *len)
{
    const char *b, *end = s + n;
    for (const char *from = s; (b = memchr(from, '[', (size_t)(end - from))) != NULL;
         from = b + 1) {
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
    return p->re && og_regex_search(p->re, raw, raw_len, match_off, match_len) == 1;
}
