// regex.cc — og_regex on RE2 (see regex.h).  Every entry point catches std::bad_alloc: no C++
// exception crosses into the C library.
#include "text/regex.h"

#include <re2/re2.h>

#include <cstdio>
#include <new>

struct og_regex {
    RE2 re;
    og_regex(const char *pattern, const RE2::Options &o) : re(pattern, o) {}
};

extern "C" og_regex *og_regex_new(const char *pattern, int ignore_case, char *msg, size_t msgsize,
                                  int *nomem)
{
    *nomem = 0;
    if (msgsize)
        msg[0] = '\0';
    try {
        RE2::Options o;
        o.set_posix_syntax(true);
        o.set_longest_match(true);
        o.set_perl_classes(true);
        o.set_word_boundary(true);
        o.set_one_line(true);
        o.set_dot_nl(true);
        o.set_case_sensitive(!ignore_case);
        o.set_log_errors(false);
        o.set_max_mem(OG_REGEX_MAX_MEM);
        og_regex *r = new og_regex(pattern, o);
        if (r->re.ok())
            return r;
        std::snprintf(msg, msgsize, "%s",
                      r->re.error_code() == RE2::ErrorPatternTooLarge ? "the pattern is too large"
                                                                      : r->re.error().c_str());
        delete r;
    } catch (const std::bad_alloc &) {
        *nomem = 1;
        std::snprintf(msg, msgsize, "out of memory");
    }
    return nullptr;
}

extern "C" int og_regex_search(const og_regex *r, const char *text, size_t len, size_t *off,
                               size_t *mlen)
{
    try {
        re2::StringPiece in(text, len), m;
        if (!r->re.Match(in, 0, len, RE2::UNANCHORED, &m, 1))
            return 0;
        *off = static_cast<size_t>(m.data() - text);
        *mlen = m.size();
        return 1;
    } catch (const std::bad_alloc &) {
        return -1;
    }
}

extern "C" int og_regex_full(const og_regex *r, const char *text, size_t len)
{
    try {
        re2::StringPiece in(text, len);
        return r->re.Match(in, 0, len, RE2::ANCHOR_BOTH, nullptr, 0) ? 1 : 0;
    } catch (const std::bad_alloc &) {
        return -1;
    }
}

extern "C" void og_regex_free(og_regex *r) { delete r; }
