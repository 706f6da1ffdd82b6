/* phrase.c — literal or regex phrases searched in paragraph text, see phrase.h. */
#include "phrase.h"

#include "buf.h"
#include "text.h"

#include <ctype.h>

int og_phrase_init(og_phrase *p, og_arena *a, og_phrase_kind kind, const char *text,
                   int ignore_case, const char *where, odfgate_error *err)
{
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
    if (kind == OG_PHRASE_LITERAL) {
        og_buf b;
        og_buf_init(&b, 1u << 20);
        if (og_text_fold(text, strlen(text), &b) != OG_BUF_OK || b.len == 0) {
            og_buf_free(&b);
            og_fail(err, ODFGATE_E_SCHEMA, where, NULL, "phrase \"%.80s\" is empty or too long", text);
            return -1;
        }
        p->folded = og_arena_strndup(a, b.data, b.len);
        p->folded_len = b.len;
        og_bigrams_of(b.data, b.len, &p->grams);
        og_buf_free(&b);
        if (!p->folded) {
            og_fail(err, ODFGATE_E_NOMEM, where, NULL, "out of memory");
            return -1;
        }
        return 0;
    }
    int rc = regcomp(&p->re, text, REG_EXTENDED | (ignore_case ? REG_ICASE : 0));
    if (rc != 0) {
        char msg[200];
        regerror(rc, &p->re, msg, sizeof(msg));
        og_fail(err, ODFGATE_E_SCHEMA, where, NULL, "invalid regular expression \"%.80s\": %s",
                text, msg);
        return -1;
    }
    p->compiled = 1;
    /* A pattern that starts with an escaped or plain literal byte can only match where that
     * byte occurs: a memchr avoids regexec (slow in glibc) on most paragraphs. */
    p->first = p->first_alt = -1;
    if (text[0] == '\\' && text[1] && strchr(".[]()*+?{}|^$\\", text[1]) && text[2] != '*' &&
        text[2] != '?' && text[2] != '{')
        p->first = (unsigned char)text[1];
    else if (((unsigned char)text[0] < 0x80) && isalnum((unsigned char)text[0]) &&
             !strchr("*?{|", text[1]) && !strchr(text, '|'))
        p->first = (unsigned char)text[0];
    if (p->first >= 0 && strchr(text, '|'))
        p->first = -1; /* an alternation can start elsewhere */
    p->first_alt = p->first;
    if (p->first >= 0 && ignore_case && isalpha(p->first))
        p->first_alt = isupper(p->first) ? tolower(p->first) : toupper(p->first);
    return 0;
}

int og_phrase_may_match(const og_phrase *p, const og_bigrams *text)
{
    return p->kind != OG_PHRASE_LITERAL || og_bigrams_contain(text, &p->grams);
}

void og_phrase_release(og_phrase *p)
{
    if (p && p->compiled) {
        regfree(&p->re);
        p->compiled = 0;
    }
}

int og_phrase_search(const og_phrase *p, const char *raw, size_t raw_len, const char *folded,
                     size_t folded_len, size_t *match_off, size_t *match_len)
{
    if (p->kind == OG_PHRASE_LITERAL) {
        long off = og_find_phrase(folded, folded_len, p->folded, p->folded_len);
        if (off < 0)
            return 0;
        *match_off = (size_t)off;
        *match_len = p->folded_len;
        return 1;
    }
    /* raw is NUL-terminated at raw_len (paragraph text from the model) */
    regmatch_t m;
    if (p->first >= 0 && !memchr(raw, p->first, raw_len) &&
        (p->first_alt == p->first || !memchr(raw, p->first_alt, raw_len)))
        return 0;
    if (regexec(&p->re, raw, 1, &m, 0) != 0)
        return 0;
    *match_off = (size_t)m.rm_so;
    *match_len = (size_t)(m.rm_eo - m.rm_so);
    return 1;
}
