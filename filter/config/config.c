/*
 * config.c — .odfgate.ini files found from a document's own folder upward (docs/config.md).
 *
 * The files are read nearest first until one says `root = true` or the file system root is
 * reached, then applied farthest first, so that the nearest file wins; inside a file the
 * sections apply in order and a later assignment wins.  Every setting remembers where it
 * came from, for `odfgate config explain`.  The handle owns all its strings (one arena).
 */
#include "base/internal.h"

#include "base/arena.h"
#include "base/buf.h"
#include "config/glob.h"
#include "base/strmap.h"
#include "base/vec.h"

#include <errno.h>
#include <sys/stat.h>
#include <unistd.h>

#define CONFIG_NAME     ".odfgate.ini"
#define MAX_CONFIG_SIZE (1u << 20) /* bytes of one .odfgate.ini */
#define MAX_LINE        4096
#define MAX_DEPTH       256 /* folders walked upward */

typedef struct setting {
    int value;          /* -1 not set */
    const char *origin; /* "FILE:LINE" */
} setting;

typedef struct rule_setting {
    const char *rule; /* static, from the rule table */
    setting sev;
} rule_setting;

struct odfgate_config {
    og_arena arena;
    const char *schema, *schema_origin;
    const char *trust, *trust_origin; /* trust anchors for signatures (a PEM file or folder) */
    setting fail_on, links;
    OG_VEC(rule_setting) rules;
    og_buf explain;
};

/* One file being applied. */
typedef struct ini {
    odfgate_config *cfg;
    const char *path;    /* of the .ini */
    const char *dir;     /* its folder, absolute, no trailing '/' (except "/") */
    const char *subject; /* the document's path relative to dir */
    const char *base;    /* the document's file name */
    long line;
    int in_section, matches, root;
    int apply; /* 0: only validate (and learn `root`) */
    odfgate_error *err;
} ini;

static odfgate_status nomem(odfgate_error *err)
{
    return og_fail(err, ODFGATE_E_NOMEM, NULL, NULL, "out of memory");
}

static odfgate_status bad(ini *f, const char *fmt, ...) OG_PRINTF(2, 3);
static odfgate_status bad(ini *f, const char *fmt, ...)
{
    char msg[600];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    og_fail(f->err, ODFGATE_E_CONFIG, f->path, NULL, "%s", msg);
    og_error_set_line(f->err, f->line);
    return ODFGATE_FAILED;
}

static char *trim(char *s)
{
    char *e;
    while (*s == ' ' || *s == '\t')
        s++;
    e = s + strlen(s);
    while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r'))
        *--e = '\0';
    return s;
}

/* ------------------------------------------------------------ a batch's memo */

/* Per thread: a batch begun in one thread never changes what another thread's
 * odfgate_config_for reads (a LibreOffice panel checking while a host runs a batch). */
struct memo_file {
    char *text; /* NULL: no such file */
    size_t len;
};
typedef struct memo {
    og_strmap set; /* .odfgate.ini paths looked up, by index */
    struct memo_file *files;
    size_t cap;
    char cwd[4096]; /* "" until asked */
} memo;
static _Thread_local int memo_depth; /* > 0: inside odfgate_config_batch_begin/end */
static _Thread_local memo *memo_now; /* NULL outside a batch, or when it could not be had (a
                                         memo is an optimisation: then every call reads) */

void odfgate_config_batch_begin(void)
{
    if (memo_depth++ == 0)
        memo_now = calloc(1, sizeof(*memo_now));
}

void odfgate_config_batch_end(void)
{
    if (memo_depth == 0 || --memo_depth > 0)
        return;
    if (memo_now) {
        for (size_t i = 0; i < memo_now->set.count; i++)
            free(memo_now->files[i].text);
        free(memo_now->files);
        og_strmap_free(&memo_now->set);
        free(memo_now);
        memo_now = NULL;
    }
}

/* The working directory into cwd (once per batch). */
static void working_dir(char *cwd, size_t size)
{
    if (memo_now && memo_now->cwd[0]) {
        snprintf(cwd, size, "%s", memo_now->cwd);
        return;
    }
    if (!getcwd(cwd, size))
        snprintf(cwd, size, "/");
    if (memo_now)
        snprintf(memo_now->cwd, sizeof(memo_now->cwd), "%s", cwd);
}

/* Lexically normalised absolute path: "." and ".." resolved, '/' runs collapsed.  Symbolic
 * links are not resolved: settings follow the path the user gave.  malloc'd. */
static char *absolute_path(const char *path)
{
    og_buf in, out;
    char cwd[4096];
    og_buf_init(&in, 1 << 16);
    og_buf_init(&out, 1 << 16);
    if (path[0] != '/') {
        working_dir(cwd, sizeof(cwd));
        if (og_buf_adds(&in, cwd) || og_buf_addc(&in, '/'))
            goto fail;
    }
    if (og_buf_adds(&in, path) || og_buf_addc(&in, '\0'))
        goto fail;
    for (const char *p = in.data; *p;) {
        const char *e;
        while (*p == '/')
            p++;
        e = p;
        while (*e && *e != '/')
            e++;
        size_t n = (size_t)(e - p);
        if (n == 0 || (n == 1 && p[0] == '.')) {
        } else if (n == 2 && p[0] == '.' && p[1] == '.') {
            while (out.len && out.data[out.len - 1] != '/')
                out.len--;
            if (out.len)
                out.len--;
        } else if (og_buf_addc(&out, '/') || og_buf_add(&out, p, n))
            goto fail;
        p = e;
    }
    if (!out.len && og_buf_addc(&out, '/'))
        goto fail;
    og_buf_free(&in);
    return og_buf_take(&out);
fail:
    og_buf_free(&in);
    og_buf_free(&out);
    return NULL;
}

static int explain(odfgate_config *cfg, const char *fmt, ...) OG_PRINTF(2, 3);
static int explain(odfgate_config *cfg, const char *fmt, ...)
{
    char line[2048];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(line, sizeof(line), fmt, ap);
    va_end(ap);
    for (char *p = line; *p; p++)
        if ((unsigned char)*p < 0x20 && *p != '\n')
            *p = '?';
    return og_buf_adds(&cfg->explain, line) ? -1 : 0;
}

static const char *origin(ini *f)
{
    char buf[4200];
    snprintf(buf, sizeof(buf), "%s:%ld", f->path, f->line);
    return og_arena_strdup(&f->cfg->arena, buf);
}

static int parse_bool(const char *v)
{
    static const char *const yes[] = {"true", "on", "yes", "1"}, *const no[] = {"false", "off",
                                                                                "no", "0"};
    for (size_t i = 0; i < OG_ARRAY_LEN(yes); i++) {
        if (strcasecmp(v, yes[i]) == 0)
            return 1;
        if (strcasecmp(v, no[i]) == 0)
            return 0;
    }
    return -1;
}

static odfgate_status set_one_rule(ini *f, const char *rule, int sev);

/* rule.RULE-ID, or rule.a11y: every rule of that family (off unless turned on). */
static odfgate_status set_rule(ini *f, const char *rule, int sev)
{
    if (strcmp(rule, "a11y") != 0)
        return set_one_rule(f, rule, sev);
    odfgate_status st = ODFGATE_OK;
    for (size_t i = 0; i < odfgate_rule_count() && st == ODFGATE_OK; i++)
        if (strcmp(odfgate_rule_at(i)->family, rule) == 0)
            st = set_one_rule(f, odfgate_rule_at(i)->id, sev);
    return st;
}

static odfgate_status set_one_rule(ini *f, const char *rule, int sev)
{
    const odfgate_rule_info *info = odfgate_rule_find(rule);
    odfgate_config *cfg = f->cfg;
    rule_setting *r = NULL;
    if (!info)
        return bad(f, "unknown rule '%s' (see 'odfgate rules')", rule);
    if (!f->apply)
        return ODFGATE_OK;
    for (size_t i = 0; i < cfg->rules.len; i++)
        if (cfg->rules.items[i].rule == info->id)
            r = &cfg->rules.items[i];
    if (!r) {
        rule_setting n = {info->id, {-1, NULL}};
        if (OG_VEC_PUSH(&cfg->rules, n, odfgate_rule_count()) < 0)
            return nomem(f->err);
        r = &cfg->rules.items[cfg->rules.len - 1];
    }
    r->sev.value = sev;
    if (!(r->sev.origin = origin(f)))
        return nomem(f->err);
    return ODFGATE_OK;
}

static odfgate_status set_flag(ini *f, setting *s, int value)
{
    if (f->apply) {
        s->value = value;
        if (!(s->origin = origin(f)))
            return nomem(f->err);
    }
    return ODFGATE_OK;
}

/* A path relative to the file's folder is made absolute; URLs (where `url_ok`) stay as they
 * are.  Recorded in *value_out with its origin. */
static odfgate_status set_path(ini *f, const char *key, const char *value, int url_ok,
                               const char **value_out, const char **origin_out)
{
    odfgate_config *cfg = f->cfg;
    char *joined = NULL;
    if (!*value)
        return bad(f, "'%s' needs a path%s", key, url_ok ? " or URL" : "");
    if (!f->apply)
        return ODFGATE_OK;
    if ((url_ok &&
         (strncasecmp(value, "http://", 7) == 0 || strncasecmp(value, "https://", 8) == 0)) ||
        value[0] == '/')
        joined = og_strdup(value);
    else {
        size_t n = strlen(f->dir) + strlen(value) + 2;
        char *rel = malloc(n);
        if (rel) {
            snprintf(rel, n, "%s/%s", f->dir, value);
            joined = absolute_path(rel);
            free(rel);
        }
    }
    *value_out = joined ? og_arena_strdup(&cfg->arena, joined) : NULL;
    free(joined);
    if (!*value_out || !(*origin_out = origin(f)))
        return nomem(f->err);
    return ODFGATE_OK;
}

/* Validate KEY = VALUE and, when applying, record it. */
static odfgate_status set_value(ini *f, const char *key, const char *value)
{
    odfgate_config *cfg = f->cfg;
    odfgate_status st;
    if (strcasecmp(key, "schema") == 0)
        st = set_path(f, "schema", value, 1, &cfg->schema, &cfg->schema_origin);
    else if (strcasecmp(key, "trust") == 0)
        st = set_path(f, "trust", value, 0, &cfg->trust, &cfg->trust_origin);
    else if (strcasecmp(key, "fail-on") == 0) {
        int s =
            strcasecmp(value, "never") == 0 ? (int)ODFGATE_SEV_OFF : odfgate_severity_parse(value);
        if (s < 0 || (s == ODFGATE_SEV_OFF && strcasecmp(value, "never") != 0))
            return bad(f, "'fail-on' takes error, warning, info or never, not '%s'", value);
        st = set_flag(f, &cfg->fail_on, s);
    } else if (strcasecmp(key, "links") == 0) {
        int b = parse_bool(value);
        if (b < 0)
            return bad(f, "'links' takes true or false, not '%s'", value);
        st = set_flag(f, &cfg->links, b);
    } else if (strcasecmp(key, "disable") == 0) {
        char *list = og_strdup(value), *save = NULL;
        st = list ? ODFGATE_OK : nomem(f->err);
        for (char *t = list ? strtok_r(list, ", \t", &save) : NULL; t && st == ODFGATE_OK;
             t = strtok_r(NULL, ", \t", &save))
            st = set_rule(f, t, ODFGATE_SEV_OFF);
        free(list);
    } else if (strncasecmp(key, "rule.", 5) == 0) {
        int s = odfgate_severity_parse(value);
        if (s < 0)
            return bad(f, "'%s' takes error, warning, info or off, not '%s'", key, value);
        st = set_rule(f, key + 5, s);
    } else
        return bad(f,
                   "unknown key '%s' (known: root, schema, trust, fail-on, links, disable, "
                   "rule.RULE-ID)",
                   key);
    if (st == ODFGATE_OK && f->apply &&
        explain(cfg, "    line %ld: %s = %s\n", f->line, key, value))
        st = nomem(f->err);
    return st;
}

/* A section header: does the document match its pattern? */
static odfgate_status section(ini *f, char *pattern)
{
    int m;
    pattern = trim(pattern);
    if (!*pattern)
        return bad(f, "empty section name");
    if (strchr(pattern, '/')) {
        /* with a '/', the pattern is relative to the file's folder; a leading double star and
         * slash may also match no folder at all (documents in the folder itself) */
        const char *p = pattern[0] == '/' ? pattern + 1 : pattern;
        m = og_glob_match(p, f->subject);
        if (m == 0 && strncmp(p, "**/", 3) == 0)
            m = og_glob_match(p + 3, f->subject);
    } else
        m = og_glob_match(pattern, f->base); /* without: the file name, at any depth */
    if (m < 0)
        return bad(f, "malformed pattern [%s]", pattern);
    f->in_section = 1;
    f->matches = m;
    if (f->apply && explain(f->cfg, "    line %ld: [%s] %s \"%s\"\n", f->line, pattern,
                            m ? "matches" : "does not match", f->subject))
        return nomem(f->err);
    return ODFGATE_OK;
}

static odfgate_status parse_line(ini *f, char *line)
{
    char *eq, *key, *value;
    line = trim(line);
    if (!*line || *line == '#' || *line == ';')
        return ODFGATE_OK;
    if (*line == '[') {
        char *close = strrchr(line, ']');
        if (!close || close[1])
            return bad(f, "a section header must end with ']'");
        *close = '\0';
        return section(f, line + 1);
    }
    if (!(eq = strchr(line, '=')))
        return bad(f, "expected KEY = VALUE or [PATTERN], got '%.60s'", line);
    *eq = '\0';
    key = trim(line);
    value = trim(eq + 1);
    if (!*key)
        return bad(f, "a key is missing before '='");
    if (strcasecmp(key, "root") == 0) {
        int b = parse_bool(value);
        if (f->in_section)
            return bad(f, "'root' belongs before the first section");
        if (b < 0)
            return bad(f, "'root' takes true or false, not '%s'", value);
        f->root = b;
        return ODFGATE_OK;
    }
    if (f->in_section && !f->matches) {
        int keep = f->apply;
        f->apply = 0; /* still validated: a bad line is an error for every document */
        odfgate_status st = set_value(f, key, value);
        f->apply = keep;
        return st;
    }
    return set_value(f, key, value);
}

/* Parse (apply = 0: validate and find `root`) or apply one file's text. */
static odfgate_status parse_file(ini *f, const char *text, size_t len)
{
    char line[MAX_LINE + 2];
    f->line = 0;
    f->in_section = f->matches = f->root = 0;
    for (size_t i = 0; i < len;) {
        size_t j = i;
        while (j < len && text[j] != '\n')
            j++;
        f->line++;
        if (j - i > MAX_LINE)
            return bad(f, "line longer than %d bytes", MAX_LINE);
        if (memchr(text + i, '\0', j - i))
            return bad(f, "NUL byte in the file");
        memcpy(line, text + i, j - i);
        line[j - i] = '\0';
        odfgate_status st = parse_line(f, line);
        if (st != ODFGATE_OK)
            return st;
        i = j + 1;
    }
    return ODFGATE_OK;
}

/* Read dir/.odfgate.ini into *text (malloc'd; NULL and OK if there is none). */
static odfgate_status read_file(const char *path, char **text, size_t *len, odfgate_error *err)
{
    struct stat st;
    og_buf b;
    int rc;
    *text = NULL;
    *len = 0;
    if (stat(path, &st) < 0)
        return errno == ENOENT || errno == ENOTDIR || errno == EACCES
                   ? ODFGATE_OK
                   : og_fail(err, ODFGATE_E_CONFIG, path, NULL, "cannot read: %s", strerror(errno));
    if (!S_ISREG(st.st_mode))
        return og_fail(err, ODFGATE_E_CONFIG, path, NULL, "not a regular file");
    og_buf_init(&b, MAX_CONFIG_SIZE);
    if ((rc = og_buf_read_file(&b, path)) != OG_BUF_OK) {
        og_buf_free(&b);
        return rc == OG_BUF_NOMEM ? nomem(err)
               : rc == OG_BUF_TOOBIG
                   ? og_fail(err, ODFGATE_E_CONFIG, path, NULL, "larger than 1 MiB")
                   : og_fail(err, ODFGATE_E_CONFIG, path, NULL, "cannot read: %s", strerror(errno));
    }
    *len = b.len;
    *text = og_buf_take(&b);
    return ODFGATE_OK;
}

/* read_file, through the batch's memo when there is one (a file's text is copied out: the
 * caller owns it; errors other than "no such file" are not kept). */
static odfgate_status read_config_file(const char *path, char **text, size_t *len,
                                       odfgate_error *err)
{
    odfgate_status st;
    size_t i;
    memo *m = memo_now;
    if (m && (i = og_strmap_find(&m->set, path)) != (size_t)-1) {
        *len = m->files[i].len;
        *text = NULL;
        if (m->files[i].text && !(*text = malloc(*len + 1)))
            return nomem(err);
        if (m->files[i].text)
            memcpy(*text, m->files[i].text, *len + 1);
        return ODFGATE_OK;
    }
    if ((st = read_file(path, text, len, err)) != ODFGATE_OK)
        return st;
    if (m) {
        char *copy = *text ? malloc(*len + 1) : NULL;
        if (m->set.count == m->cap) {
            size_t cap = m->cap ? 2 * m->cap : 64;
            struct memo_file *grown = realloc(m->files, cap * sizeof(*grown));
            if (grown)
                m->files = grown, m->cap = cap;
        }
        /* kept only when every allocation worked: a memo is an optimisation */
        if (m->set.count < m->cap && (!*text || copy) &&
            og_strmap_add(&m->set, path) != (size_t)-1) {
            if (copy)
                memcpy(copy, *text, *len + 1);
            m->files[m->set.count - 1] = (struct memo_file){copy, *len};
        } else {
            free(copy);
        }
    }
    return ODFGATE_OK;
}

typedef struct found {
    char *dir, *path, *text;
    size_t len;
} found;

static void found_free(found *v, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(v[i].dir);
        free(v[i].path);
        free(v[i].text);
    }
    free(v);
}

/* Walk from the document's folder upward, reading every .odfgate.ini until one says
 * root = true.  v[0] is the nearest. */
static odfgate_status discover(odfgate_config *cfg, const char *doc_abs, found **out, size_t *n,
                               odfgate_error *err)
{
    found *v = calloc(MAX_DEPTH, sizeof(*v));
    char *dir = og_strdup(doc_abs), *slash;
    odfgate_status st = ODFGATE_OK;
    size_t k = 0;
    const char *why = "reached the file system root";
    if (!v || !dir) {
        free(v);
        free(dir);
        return nomem(err);
    }
    while (k < MAX_DEPTH && (slash = strrchr(dir, '/'))) {
        ini f;
        slash[slash == dir ? 1 : 0] = '\0'; /* the parent ("/" stays "/") */
        size_t plen = strlen(dir) + sizeof(CONFIG_NAME) + 1;
        char *path = malloc(plen);
        if (!path) {
            st = nomem(err);
            break;
        }
        snprintf(path, plen, "%s%s%s", dir, strcmp(dir, "/") ? "/" : "", CONFIG_NAME);
        char *text;
        size_t len;
        if ((st = read_config_file(path, &text, &len, err)) != ODFGATE_OK) {
            free(path);
            break;
        }
        if (text) {
            v[k].dir = og_strdup(dir);
            v[k].path = path;
            v[k].text = text;
            v[k].len = len;
            if (!v[k].dir) {
                k++;
                st = nomem(err);
                break;
            }
            memset(&f, 0, sizeof(f));
            f.cfg = cfg;
            f.path = path;
            f.dir = dir;
            f.subject = f.base = "";
            f.err = err;
            if ((st = parse_file(&f, text, len)) != ODFGATE_OK) {
                k++;
                break;
            }
            k++;
            if (f.root) {
                why = NULL;
                if (explain(cfg, "search stopped at %s: root = true\n", path))
                    st = nomem(err);
                break;
            }
        } else
            free(path);
        if (strcmp(dir, "/") == 0)
            break;
    }
    free(dir);
    if (st == ODFGATE_OK && why && explain(cfg, "search stopped: %s\n", why))
        st = nomem(err);
    if (st != ODFGATE_OK) {
        found_free(v, k);
        return st;
    }
    *out = v;
    *n = k;
    return ODFGATE_OK;
}

/* The resulting settings and where each comes from, at the end of the explanation. */
static int summarize(const odfgate_config *c)
{
    odfgate_config *cfg = (odfgate_config *)c;
    int rc = explain(cfg, "settings:\n");
    if (cfg->schema)
        rc |= explain(cfg, "  schema = %s  (%s)\n", cfg->schema, cfg->schema_origin);
    if (cfg->trust)
        rc |= explain(cfg, "  trust = %s  (%s)\n", cfg->trust, cfg->trust_origin);
    if (cfg->fail_on.value >= 0)
        rc |= explain(cfg, "  fail-on = %s  (%s)\n",
                      cfg->fail_on.value == ODFGATE_SEV_OFF
                          ? "never"
                          : odfgate_severity_name((odfgate_severity)cfg->fail_on.value),
                      cfg->fail_on.origin);
    if (cfg->links.value >= 0)
        rc |= explain(cfg, "  links = %s  (%s)\n", cfg->links.value ? "true" : "false",
                      cfg->links.origin);
    for (size_t i = 0; i < cfg->rules.len; i++)
        rc |= explain(cfg, "  rule.%s = %s  (%s)\n", cfg->rules.items[i].rule,
                      odfgate_severity_name((odfgate_severity)cfg->rules.items[i].sev.value),
                      cfg->rules.items[i].sev.origin);
    if (!cfg->schema && !cfg->trust && cfg->fail_on.value < 0 && cfg->links.value < 0 &&
        !cfg->rules.len)
        rc |= explain(cfg, "  (none: command-line options and built-in defaults apply)\n");
    return rc;
}

odfgate_status odfgate_config_for(const char *doc_path, odfgate_config **out, odfgate_error *err)
{
    OG_ERR_LOCAL(err);
    odfgate_config *cfg;
    char *abs;
    found *files = NULL;
    size_t n = 0;
    odfgate_status st;

    if (!doc_path || !out)
        return og_fail(err, ODFGATE_E_USAGE, NULL, NULL, "odfgate_config_for: missing argument");
    *out = NULL;
    if (!(cfg = calloc(1, sizeof(*cfg))))
        return nomem(err);
    og_arena_init(&cfg->arena);
    og_buf_init(&cfg->explain, 1 << 20);
    cfg->fail_on.value = cfg->links.value = -1;
    /* standard input has no folder: the working directory's files apply */
    abs = absolute_path(strcmp(doc_path, "-") == 0 ? "./-" : doc_path);
    if (!abs) {
        odfgate_config_free(cfg);
        return nomem(err);
    }
    if (explain(cfg, "document: %s\n", abs)) {
        st = nomem(err);
        goto out;
    }
    if ((st = discover(cfg, abs, &files, &n, err)) != ODFGATE_OK)
        goto out;
    if (n == 0 && explain(cfg, "no %s applies\n", CONFIG_NAME)) {
        st = nomem(err);
        goto out;
    }
    for (size_t i = n; i-- > 0;) { /* farthest first: the nearest file wins */
        ini f;
        size_t dl = strlen(files[i].dir);
        memset(&f, 0, sizeof(f));
        f.cfg = cfg;
        f.path = files[i].path;
        f.dir = files[i].dir;
        f.subject = abs + (dl == 1 ? 1 : dl + 1);
        f.base = strrchr(abs, '/') + 1;
        f.err = err;
        f.apply = 1;
        if (explain(cfg, "%s\n", files[i].path)) {
            st = nomem(err);
            goto out;
        }
        if ((st = parse_file(&f, files[i].text, files[i].len)) != ODFGATE_OK)
            goto out;
    }
    if (st == ODFGATE_OK && summarize(cfg) < 0)
        st = nomem(err);
out:
    found_free(files, n);
    free(abs);
    if (st != ODFGATE_OK) {
        odfgate_config_free(cfg);
        return st;
    }
    *out = cfg;
    return ODFGATE_OK;
}

void odfgate_config_free(odfgate_config *cfg)
{
    if (!cfg)
        return;
    free(cfg->rules.items);
    og_buf_free(&cfg->explain);
    og_arena_free(&cfg->arena);
    free(cfg);
}

const char *odfgate_config_schema(const odfgate_config *cfg) { return cfg ? cfg->schema : NULL; }
const char *odfgate_config_trust(const odfgate_config *cfg) { return cfg ? cfg->trust : NULL; }

int odfgate_config_fail_on(const odfgate_config *cfg) { return cfg ? cfg->fail_on.value : -1; }

int odfgate_config_links(const odfgate_config *cfg) { return cfg ? cfg->links.value : -1; }

int odfgate_config_rule_severity(const odfgate_config *cfg, const char *rule)
{
    for (size_t i = 0; cfg && rule && i < cfg->rules.len; i++)
        if (strcmp(cfg->rules.items[i].rule, rule) == 0)
            return cfg->rules.items[i].sev.value;
    return -1;
}

const char *odfgate_config_explain(const odfgate_config *cfg)
{
    static const char none[] = "";
    return cfg && cfg->explain.data ? cfg->explain.data : none;
}
