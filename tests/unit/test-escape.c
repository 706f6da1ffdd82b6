/* test-escape.c — odfgate_escape / odfgate_fput_safe (what reaches a terminal, SECURITY.md) and
 * og_excerpt (what a message quotes). */
#include "odfgate.h"
#include "text/text.h"
#include "unit.h"

#include <stdlib.h>

OG_TEST(escape_controls_bidi_and_bad_bytes)
{
    char out[256];
    /* ESC, C1 CSI (U+009B), RLO, LRI/PDI, LRM, ALM, U+2028, DEL, a stray byte, a cut sequence */
    const char *in = "a\x1b[2Jb\xc2\x9b"
                     "c\xe2\x80\xae"
                     "d\xe2\x81\xa6\xe2\x81\xa9\xe2\x80\x8e\xd8\x9c"
                     "\xe2\x80\xa8\x7f\x9b\xe2\x80";
    OG_CHECK_INT((int)odfgate_escape(in, out, sizeof(out)), (int)strlen(in));
    OG_CHECK_STR(out, "a<U+001B>[2Jb<U+009B>c<U+202E>d<U+2066><U+2069><U+200E><U+061C><U+2028>"
                      "<U+007F><0x9B><0xE2><0x80>");
    /* text that is safe stays byte for byte: accents, CJK, emoji, zero-width joiner */
    const char *fine = "Caf\xc3\xa9 \xe4\xb8\xad \xf0\x9f\x98\x80 \xe2\x80\x8d \xc2\xa0 [insert]";
    OG_CHECK_INT((int)odfgate_escape(fine, out, sizeof(out)), (int)strlen(fine));
    OG_CHECK_STR(out, fine);
}

OG_TEST(escape_never_cuts_an_escape_or_a_character)
{
    char out[9];
    /* 8 bytes of room: "ab" + "<U+202E>" (8) does not fit, so only "ab" */
    OG_CHECK_INT((int)odfgate_escape("ab\xe2\x80\xae"
                                     "c",
                                     out, sizeof(out)),
                 2);
    OG_CHECK_STR(out, "ab");
    /* a 4-byte character at the edge is left whole for the next call */
    OG_CHECK_INT((int)odfgate_escape("abcdef\xf0\x9f\x98\x80", out, 8), 6);
    OG_CHECK_STR(out, "abcdef");
    OG_CHECK_INT((int)odfgate_escape(NULL, out, sizeof(out)), 0);
    OG_CHECK_STR(out, "");
}

OG_TEST(fput_safe_writes_everything)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    char big[1200];
    memset(big, 'x', sizeof(big) - 1);
    big[sizeof(big) - 1] = '\0';
    big[700] = '\x1b';
    OG_CHECK(f != NULL);
    if (!f)
        return;
    odfgate_fput_safe(big, f); /* longer than the 256-byte buffer it escapes through */
    fclose(f);
    OG_CHECK_INT((int)len, (int)sizeof(big) - 1 - 1 + 8);
    OG_CHECK(buf && strncmp(buf + 700, "<U+001B>x", 9) == 0);
    free(buf);
}

OG_TEST(excerpt_cuts_at_a_word_and_never_inside_a_character)
{
    char out[64];
    OG_CHECK_STR(og_excerpt("short", 5, 80, out, sizeof(out)), "short");
    /* 20 characters at most: cut after "quick brown", at a space, and "…" */
    const char *s = "the quick brown foxes jumped";
    OG_CHECK_STR(og_excerpt(s, strlen(s), 20, out, sizeof(out)), "the quick brown\xe2\x80\xa6");
    /* exactly 20 characters with a space next: no word to drop */
    OG_CHECK_STR(og_excerpt(s, strlen(s), 21, out, sizeof(out)),
                 "the quick brown foxes\xe2\x80\xa6");
    /* one long word: cut at the limit, on a character boundary (é is two bytes) */
    const char *w = "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9";
    OG_CHECK_STR(og_excerpt(w, strlen(w), 4, out, sizeof(out)),
                 "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xe2\x80\xa6");
    /* the buffer, not max, is the limit: 9 bytes hold 2 characters of 2 bytes and "…" */
    OG_CHECK_STR(og_excerpt(w, strlen(w), 80, out, 9), "\xc3\xa9\xc3\xa9\xe2\x80\xa6");
    OG_CHECK(strlen(og_excerpt(w, strlen(w), 80, out, 9)) < 9);
}
