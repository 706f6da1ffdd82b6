/* glob.c — EditorConfig-style path patterns for .odfgate.ini sections (see glob.h). */
#include "config/glob.h"

#include "base/internal.h"

#define MAX_STARS        64
#define MAX_GROUPS       4
#define MAX_ALTERNATIVES 16  /* in one brace group */
#define MAX_EXPANSIONS   256 /* patterns the groups expand to, all together */

/* The end of the token at q: an escaped character, a whole [class], or one character; NULL if
 * the escape or the class is not finished.  The one tokenizer of pattern_ok and match_braces:
 * a '{' or ',' inside a class is a member of the class to both (they once disagreed, and
 * groups hidden in classes were expanded uncounted: 2^15 patterns from one header line). */
static const char *token_end(const char *q)
{
    if (*q == '\\')
        return q[1] ? q + 2 : NULL;
    if (*q == '[') {
        const char *e = q + 1;
        if (*e == '!' || *e == '^')
            e++;
        if (*e == ']')
            e++;
        while (*e && *e != ']')
            e += e[0] == '\\' && e[1] ? 2 : 1;
        return *e ? e + 1 : NULL;
    }
    return q + 1;
}

/* One character class at p (just after '['): *matched tells whether c is in it.  Returns a
 * pointer just past the closing ']', or NULL if the class is not closed. */
static const char *match_class(const char *p, unsigned char c, int *matched)
{
    int negate = 0, in = 0;
    if (*p == '!' || *p == '^') {
        negate = 1;
        p++;
    }
    if (*p == ']') { /* a leading ']' is literal */
        in |= c == ']';
        p++;
    }
    while (*p && *p != ']') {
        unsigned char lo = (unsigned char)*p, hi = lo;
        if (lo == '\\' && p[1])
            lo = hi = (unsigned char)*++p;
        if (p[1] == '-' && p[2] && p[2] != ']') {
            hi = (unsigned char)p[2];
            p += 2;
        }
        in |= c >= lo && c <= hi;
        p++;
    }
    if (!*p)
        return NULL;
    *matched = c != '/' && (in ^ negate);
    return p + 1;
}

/* Match without braces, iteratively, as fnmatch does: on a mismatch the last '*' swallows one
 * more character; when it cannot (it would cross '/'), the last '**' does instead, and the
 * single stars after it start again.  Returns 1/0, -1 if malformed. */
static int match_plain(const char *p, const char *s)
{
    const char *one_p = NULL, *one_s = NULL; /* last '*' */
    const char *any_p = NULL, *any_s = NULL; /* last '**' */
    int stars = 0;

    while (*s) {
        if (*p == '*') {
            int any = p[1] == '*';
            while (*p == '*')
                p++;
            if (++stars > MAX_STARS)
                return -1;
            if (any) {
                any_p = p, any_s = s;
                one_p = NULL;
            } else {
                one_p = p, one_s = s;
            }
            continue;
        }
        if (*p) {
            unsigned char c = (unsigned char)*s;
            int ok = 0;
            const char *next = p + 1;
            if (*p == '?')
                ok = c != '/';
            else if (*p == '[') {
                if (!(next = match_class(p + 1, c, &ok)))
                    return -1;
            } else if (*p == '\\') {
                if (!p[1])
                    return -1;
                ok = (unsigned char)p[1] == c;
                next = p + 2;
            } else
                ok = (unsigned char)*p == c;
            if (ok) {
                p = next;
                s++;
                continue;
            }
        }
        if (one_p && *one_s != '/') {
            p = one_p;
            s = ++one_s;
        } else if (any_p) {
            one_p = NULL;
            p = any_p;
            s = ++any_s;
        } else
            return 0;
    }
    while (*p == '*')
        p++;
    return *p == '\0';
}

/* Expand the first brace group of a valid pattern (pattern_ok) and match each alternative. */
static int match_braces(const char *pattern, const char *subject)
{
    const char *open, *close, *q;
    for (q = pattern; q && *q && *q != '{'; q = token_end(q))
        ;
    if (!q)
        return -1; /* not after pattern_ok: alternatives are whole tokens */
    if (!*q)
        return match_plain(pattern, subject);
    open = q;
    for (q = open + 1; q && *q && *q != '}'; q = token_end(q))
        ;
    if (!q || !*q)
        return -1;
    close = q;

    /* prefix + alternative + rest, tried one by one */
    size_t plen = (size_t)(open - pattern), rlen = strlen(close + 1);
    char *buf = malloc(strlen(pattern) + 1);
    int result = 0;
    if (!buf)
        return -1;
    for (const char *a = open + 1; a <= close && result == 0;) {
        const char *e = a;
        while (e < close && *e != ',')
            e = token_end(e);
        memcpy(buf, pattern, plen);
        memcpy(buf + plen, a, (size_t)(e - a));
        memcpy(buf + plen + (size_t)(e - a), close + 1, rlen + 1);
        result = match_braces(buf, subject);
        a = e + 1;
    }
    free(buf);
    return result;
}

/* Malformed patterns are refused before matching, so that an error never depends on the
 * subject: unclosed class or brace, nested brace, trailing backslash; and patterns too costly
 * to expand (MAX_GROUPS, MAX_ALTERNATIVES, MAX_EXPANSIONS). */
static int pattern_ok(const char *q)
{
    int groups = 0, in_brace = 0, alts = 0, expansions = 1;
    for (const char *e; *q; q = e) {
        if (!(e = token_end(q)))
            return 0;
        if (*q == '{') {
            if (in_brace || ++groups > MAX_GROUPS)
                return 0;
            in_brace = 1;
            alts = 1;
        } else if (*q == ',' && in_brace) {
            if (++alts > MAX_ALTERNATIVES)
                return 0;
        } else if (*q == '}' && in_brace) {
            in_brace = 0;
            if ((expansions *= alts) > MAX_EXPANSIONS)
                return 0;
        }
    }
    return !in_brace;
}

int og_glob_match(const char *pattern, const char *subject)
{
    return pattern_ok(pattern) ? match_braces(pattern, subject) : -1;
}
