/* jsonr.c — the strict JSON reader, see jsonr.h.  Recursive descent over the bytes. */
#include "report/jsonr.h"

#include "base/buf.h"
#include "text/text.h"

typedef struct parser {
    const char *start, *p, *end;
    unsigned depth, max_depth;
    const char *name;
    long first_line;
    og_arena *arena;
    og_buf str; /* decoding scratch, reused for every string */
    odfgate_error *err;
    int failed;
} parser;

/* Record the first error only, with the line and column of `at`. */
static og_json *fail_at(parser *ps, const char *at, odfgate_errcode code, const char *why)
{
    long line = ps->first_line, col = 1;
    if (ps->failed)
        return NULL;
    ps->failed = 1;
    for (const char *q = ps->start; q < at && q < ps->end; q++) {
        if (*q == '\n') {
            line++;
            col = 1;
        } else if (((unsigned char)*q & 0xC0) != 0x80)
            col++;
    }
    og_fail(ps->err, code, ps->name, NULL, "line %ld, column %ld: %s", line, col, why);
    og_error_set_line(ps->err, line);
    return NULL;
}

static og_json *fail(parser *ps, const char *why)
{
    return fail_at(ps, ps->p, ODFGATE_E_JSON, why);
}

static void skip_space(parser *ps)
{
    while (ps->p < ps->end && (*ps->p == ' ' || *ps->p == '\t' || *ps->p == '\n' || *ps->p == '\r'))
        ps->p++;
}

static og_json *node(parser *ps, og_json_type type)
{
    og_json *v = og_arena_zalloc(ps->arena, sizeof(*v));
    if (!v)
        return fail_at(ps, ps->p, ODFGATE_E_NOMEM, "out of memory");
    v->type = type;
    return v;
}

static int literal(parser *ps, const char *word)
{
    size_t n = strlen(word);
    if ((size_t)(ps->end - ps->p) < n || memcmp(ps->p, word, n) != 0)
        return 0;
    ps->p += n;
    return 1;
}

static int is_digit(char c) { return c >= '0' && c <= '9'; }

static og_json *number(parser *ps)
{
    const char *s = ps->p;
    og_json *v;
    if (ps->p < ps->end && *ps->p == '-')
        ps->p++;
    if (ps->p >= ps->end || !is_digit(*ps->p))
        return fail(ps, "a number needs a digit here");
    if (*ps->p == '0') {
        ps->p++;
        if (ps->p < ps->end && is_digit(*ps->p))
            return fail(ps, "a number must not have a leading zero");
    } else
        while (ps->p < ps->end && is_digit(*ps->p))
            ps->p++;
    if (ps->p < ps->end && *ps->p == '.') {
        ps->p++;
        if (ps->p >= ps->end || !is_digit(*ps->p))
            return fail(ps, "a digit must follow the decimal point");
        while (ps->p < ps->end && is_digit(*ps->p))
            ps->p++;
    }
    if (ps->p < ps->end && (*ps->p == 'e' || *ps->p == 'E')) {
        ps->p++;
        if (ps->p < ps->end && (*ps->p == '+' || *ps->p == '-'))
            ps->p++;
        if (ps->p >= ps->end || !is_digit(*ps->p))
            return fail(ps, "a digit must follow the exponent");
        while (ps->p < ps->end && is_digit(*ps->p))
            ps->p++;
    }
    if (!(v = node(ps, OG_JSON_NUMBER)))
        return NULL;
    v->len = (size_t)(ps->p - s);
    if (!(v->s = og_arena_strndup(ps->arena, s, v->len)))
        return fail_at(ps, s, ODFGATE_E_NOMEM, "out of memory");
    return v;
}

/* Four hex digits after "\u"; -1 if not. */
static long hex4(const char *p, const char *end)
{
    long v = 0;
    if (end - p < 4)
        return -1;
    for (int i = 0; i < 4; i++) {
        char c = p[i];
        v <<= 4;
        if (c >= '0' && c <= '9')
            v |= c - '0';
        else if (c >= 'a' && c <= 'f')
            v |= c - 'a' + 10;
        else if (c >= 'A' && c <= 'F')
            v |= c - 'A' + 10;
        else
            return -1;
    }
    return v;
}

/* One escape sequence at ps->p (just after the backslash); appends its code point. */
static int escape(parser *ps)
{
    const char *at = ps->p - 1;
    long cp, lo;
    char c = ps->p < ps->end ? *ps->p : '\0';
    static const char from[] = "\"\\/bfnrt", to[] = "\"\\/\b\f\n\r\t";
    const char *k = c ? strchr(from, c) : NULL;
    if (k) {
        ps->p++;
        return og_buf_addc(&ps->str, to[k - from]) == OG_BUF_OK ? 0 : -1;
    }
    if (c != 'u')
        return fail_at(ps, at, ODFGATE_E_JSON, "invalid escape sequence"), -1;
    if ((cp = hex4(ps->p + 1, ps->end)) < 0)
        return fail_at(ps, at, ODFGATE_E_JSON, "\\u needs four hex digits"), -1;
    ps->p += 5;
    if (cp >= 0xDC00 && cp <= 0xDFFF)
        return fail_at(ps, at, ODFGATE_E_JSON, "lone low surrogate in \\u escape"), -1;
    if (cp >= 0xD800 && cp <= 0xDBFF) {
        if (ps->end - ps->p < 6 || ps->p[0] != '\\' || ps->p[1] != 'u' ||
            (lo = hex4(ps->p + 2, ps->end)) < 0xDC00 || lo > 0xDFFF)
            return fail_at(ps, at, ODFGATE_E_JSON,
                           "high surrogate not followed by a low surrogate"),
                   -1;
        ps->p += 6;
        cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
    }
    return og_utf8_append(&ps->str, (uint32_t)cp) == OG_BUF_OK ? 0 : -1;
}

/* A string at ps->p (the opening quote): decoded into ps->str. */
static int string_body(parser *ps)
{
    og_buf_reset(&ps->str);
    ps->p++;
    while (ps->p < ps->end) {
        unsigned char c = (unsigned char)*ps->p;
        if (c == '"') {
            ps->p++;
            return 0;
        }
        if (c == '\\') {
            ps->p++;
            if (escape(ps) < 0)
                return ps->failed ? -1 : (fail(ps, "string too long"), -1);
            continue;
        }
        if (c < 0x20)
            return fail(ps, c == '\n' ? "unterminated string (newline inside)"
                                      : "control character in a string"),
                   -1;
        if (c < 0x80) {
            const char *s = ps->p;
            while (ps->p < ps->end && (unsigned char)*ps->p >= 0x20 &&
                   (unsigned char)*ps->p < 0x80 && *ps->p != '"' && *ps->p != '\\')
                ps->p++;
            if (og_buf_add(&ps->str, s, (size_t)(ps->p - s)) != OG_BUF_OK)
                return fail(ps, "string too long"), -1;
            continue;
        }
        uint32_t cp;
        size_t k = og_utf8_decode(ps->p, (size_t)(ps->end - ps->p), &cp);
        if (k == 1 && cp == 0xFFFD)
            return fail(ps, "invalid UTF-8"), -1;
        if (og_buf_add(&ps->str, ps->p, k) != OG_BUF_OK)
            return fail(ps, "string too long"), -1;
        ps->p += k;
    }
    return fail(ps, "unterminated string (end of input)"), -1;
}

static og_json *string(parser *ps)
{
    og_json *v;
    if (string_body(ps) < 0 || !(v = node(ps, OG_JSON_STRING)))
        return NULL;
    v->len = ps->str.len;
    if (!(v->s = og_arena_strndup(ps->arena, ps->str.data ? ps->str.data : "", v->len)))
        return fail(ps, "out of memory");
    return v;
}

static og_json *value(parser *ps);

static int key_cmp(const void *a, const void *b)
{
    const og_json *x = *(const og_json *const *)a, *y = *(const og_json *const *)b;
    size_t n = x->key_len < y->key_len ? x->key_len : y->key_len;
    int c = memcmp(x->key, y->key, n);
    return c ? c : x->key_len < y->key_len ? -1 : x->key_len > y->key_len;
}

/* Duplicate member names, found by sorting the members (not quadratic on big objects). */
static int has_duplicate_key(const og_json *obj, const og_json **dup)
{
    const og_json **v;
    size_t i = 0;
    int found = 0;
    if (obj->count < 2)
        return 0;
    if (!(v = malloc(obj->count * sizeof(*v))))
        return -1;
    for (const og_json *m = obj->child; m; m = m->next)
        v[i++] = m;
    qsort(v, obj->count, sizeof(*v), key_cmp);
    for (i = 1; i < obj->count && !found; i++)
        if (key_cmp(&v[i - 1], &v[i]) == 0) {
            found = 1;
            *dup = v[i];
        }
    free(v);
    return found;
}

static og_json *container(parser *ps, og_json_type type)
{
    const char *open = ps->p;
    char close = type == OG_JSON_ARRAY ? ']' : '}';
    og_json *v, **tail;
    if (++ps->depth > ps->max_depth)
        return fail_at(ps, open, ODFGATE_E_LIMIT, "JSON nested too deeply (max-depth)");
    if (!(v = node(ps, type)))
        return NULL;
    tail = &v->child;
    ps->p++;
    skip_space(ps);
    if (ps->p < ps->end && *ps->p == close) {
        ps->p++;
        ps->depth--;
        return v;
    }
    for (;;) {
        og_json *item;
        const char *key = NULL;
        size_t key_len = 0;
        skip_space(ps);
        if (type == OG_JSON_OBJECT) {
            if (ps->p >= ps->end || *ps->p != '"')
                return fail(ps, ps->p >= ps->end ? "unexpected end of input (truncated?)"
                                                 : "expected a member name in quotes");
            if (string_body(ps) < 0)
                return NULL;
            key_len = ps->str.len;
            if (!(key = og_arena_strndup(ps->arena, ps->str.data ? ps->str.data : "", key_len)))
                return fail(ps, "out of memory");
            skip_space(ps);
            if (ps->p >= ps->end || *ps->p != ':')
                return fail(ps, "expected ':' after a member name");
            ps->p++;
        }
        if (!(item = value(ps)))
            return NULL;
        item->key = key;
        item->key_len = key_len;
        *tail = item;
        tail = &item->next;
        v->count++;
        skip_space(ps);
        if (ps->p < ps->end && *ps->p == ',') {
            ps->p++;
            continue;
        }
        if (ps->p < ps->end && *ps->p == close) {
            ps->p++;
            break;
        }
        return fail(ps, ps->p >= ps->end        ? "unexpected end of input (truncated?)"
                        : type == OG_JSON_ARRAY ? "expected ',' or ']'"
                                                : "expected ',' or '}'");
    }
    if (type == OG_JSON_OBJECT) {
        const og_json *dup = NULL;
        int d = has_duplicate_key(v, &dup);
        if (d < 0)
            return fail(ps, "out of memory");
        if (d) {
            char safe[120], why[200];
            og_copy_safe(safe, sizeof(safe), dup->key);
            snprintf(why, sizeof(why), "member \"%s\" appears twice in an object", safe);
            return fail_at(ps, open, ODFGATE_E_JSON, why);
        }
    }
    ps->depth--;
    return v;
}

static og_json *value(parser *ps)
{
    skip_space(ps);
    if (ps->p >= ps->end)
        return fail(ps, "unexpected end of input (truncated?)");
    switch (*ps->p) {
    case '{': return container(ps, OG_JSON_OBJECT);
    case '[': return container(ps, OG_JSON_ARRAY);
    case '"': return string(ps);
    case 't': return literal(ps, "true") ? node(ps, OG_JSON_TRUE) : fail(ps, "invalid literal");
    case 'f': return literal(ps, "false") ? node(ps, OG_JSON_FALSE) : fail(ps, "invalid literal");
    case 'n': return literal(ps, "null") ? node(ps, OG_JSON_NULL) : fail(ps, "invalid literal");
    default:
        if (*ps->p == '-' || is_digit(*ps->p))
            return number(ps);
    }
    if ((unsigned char)ps->p[0] == 0xEF && ps->end - ps->p >= 3 &&
        (unsigned char)ps->p[1] == 0xBB && (unsigned char)ps->p[2] == 0xBF)
        return fail(ps, "a byte order mark is not allowed in JSON");
    return fail(ps, "not a JSON value");
}

odfgate_status og_json_parse(const char *data, size_t len, unsigned max_depth, const char *name,
                             long first_line, og_arena *arena, og_json **out, odfgate_error *err)
{
    parser ps = {data, data, data + len, 0, max_depth, name, first_line, arena, {0}, err, 0};
    og_json *v;
    if (ps.max_depth > OG_JSON_DEPTH_HARD_MAX)
        ps.max_depth = OG_JSON_DEPTH_HARD_MAX;
    /* a decoded string is never longer than the input */
    og_buf_init(&ps.str, len + 1);
    *out = NULL;
    v = value(&ps);
    if (v) {
        skip_space(&ps);
        if (ps.p < ps.end)
            v = fail(&ps, "unexpected data after the JSON value");
    }
    og_buf_free(&ps.str);
    if (!v)
        return ps.err && ps.err->code == ODFGATE_E_NOMEM ? ODFGATE_FATAL : ODFGATE_FAILED;
    *out = v;
    return ODFGATE_OK;
}

int og_json_key_is(const og_json *m, const char *key)
{
    size_t n = strlen(key);
    return m->key && m->key_len == n && memcmp(m->key, key, n) == 0;
}

const og_json *og_json_get(const og_json *obj, const char *key)
{
    if (!obj || obj->type != OG_JSON_OBJECT)
        return NULL;
    for (const og_json *m = obj->child; m; m = m->next)
        if (og_json_key_is(m, key))
            return m;
    return NULL;
}

const char *og_json_get_str(const og_json *obj, const char *key)
{
    const og_json *v = og_json_get(obj, key);
    return v && v->type == OG_JSON_STRING && strlen(v->s) == v->len ? v->s : NULL;
}

int og_json_equal(const og_json *a, const og_json *b)
{
    const og_json *x, *y;
    if (a->type != b->type)
        return 0;
    if (a->type == OG_JSON_STRING || a->type == OG_JSON_NUMBER)
        return a->len == b->len && memcmp(a->s, b->s, a->len) == 0;
    if (a->type != OG_JSON_ARRAY && a->type != OG_JSON_OBJECT)
        return 1;
    if (a->count != b->count)
        return 0;
    for (x = a->child, y = b->child; x && y; x = x->next, y = y->next) {
        if (a->type == OG_JSON_OBJECT &&
            (x->key_len != y->key_len || memcmp(x->key, y->key, x->key_len) != 0))
            return 0;
        if (!og_json_equal(x, y))
            return 0;
    }
    return 1;
}
