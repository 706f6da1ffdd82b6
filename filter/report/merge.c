/*
 * merge.c — odfgate_merge_reports / odfgate_merge_files: read the inputs (capped), detect each
 * one's format by content, require one format for all, and run that format's merger into a
 * memory stream that is handed to the caller only when everything succeeded.
 */
#include "report/merge.h"

#include "base/arena.h"
#include "base/buf.h"
#include "report/jsonr.h"
#include "report/report.h"

#include <errno.h>
#include <unistd.h>

static const char *const format_names[] = {"auto", "jsonl", "sarif", "junit"};

const char *odfgate_merge_format_name(odfgate_merge_format format)
{
    return (size_t)format < OG_ARRAY_LEN(format_names) ? format_names[format] : "unknown";
}

int odfgate_merge_format_parse(const char *name)
{
    for (size_t i = 0; name && i < OG_ARRAY_LEN(format_names); i++)
        if (strcmp(name, format_names[i]) == 0)
            return (int)i;
    return -1;
}

static int is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

/* The format of one input by its content: '<' is JUnit; a JSON object whose first member is
 * "path" (as odfgate writes them, even when the line is cut short), or a first line that is
 * an object with "path" and "status", is JSONL; any other JSON object is taken as SARIF (the
 * SARIF merger then says what is wrong with it).  An empty input is AUTO (an empty JSONL
 * shard). */
static odfgate_merge_format detect(const odfgate_merge_input *in, unsigned max_depth,
                                   odfgate_error *err)
{
    const char *d = in->data, *nl;
    size_t i = 0, k;
    og_arena arena;
    og_json *first = NULL;
    odfgate_merge_format f = ODFGATE_MERGE_SARIF;
    while (i < in->len && is_space(d[i]))
        i++;
    if (i == in->len)
        return ODFGATE_MERGE_AUTO;
    if (d[i] == '<')
        return ODFGATE_MERGE_JUNIT;
    if (d[i] != '{') {
        og_fail(err, ODFGATE_E_USAGE, in->name, NULL,
                "not a report of odfgate check (neither JSON Lines, SARIF nor JUnit XML)");
        return (odfgate_merge_format)-1;
    }
    for (k = i + 1; k < in->len && is_space(d[k]);)
        k++;
    if (in->len - k >= 6 && memcmp(d + k, "\"path\"", 6) == 0)
        return ODFGATE_MERGE_JSONL;
    nl = memchr(d + i, '\n', in->len - i);
    og_arena_init(&arena);
    if (og_json_parse(d + i, nl ? (size_t)(nl - d - i) : in->len - i, max_depth, in->name, 1,
                      &arena, &first, NULL) == ODFGATE_OK &&
        og_json_get_str(first, "path") && og_json_get_str(first, "status"))
        f = ODFGATE_MERGE_JSONL;
    og_arena_free(&arena);
    return f;
}

static odfgate_status merge_into(og_merge *m, odfgate_merge_format format)
{
    switch (format) {
    case ODFGATE_MERGE_JSONL: return og_merge_jsonl(m);
    case ODFGATE_MERGE_SARIF: return og_merge_sarif(m);
    case ODFGATE_MERGE_JUNIT: return og_merge_junit(m);
    default: return og_fail(m->err, ODFGATE_E_USAGE, NULL, NULL, "unknown merge format");
    }
}

odfgate_status odfgate_merge_reports(const odfgate_merge_input *inputs, size_t n,
                                     odfgate_merge_format format, const odfgate_limits *lim,
                                     char **out, size_t *out_len, odfgate_merge_summary *sum,
                                     odfgate_error *err)
{
    OG_ERR_LOCAL(err);
    odfgate_limits deflim;
    odfgate_merge_summary dummy;
    odfgate_merge_format seen = ODFGATE_MERGE_AUTO;
    size_t seen_at = 0;
    char *buf = NULL;
    size_t len = 0;
    odfgate_status st;
    og_merge m;

    *out = NULL;
    *out_len = 0;
    if (!lim) {
        odfgate_limits_init(&deflim);
        lim = &deflim;
    }
    if (!sum)
        sum = &dummy;
    memset(sum, 0, sizeof(*sum));
    if (n == 0)
        return og_fail(err, ODFGATE_E_USAGE, NULL, NULL, "no report to merge");
    if ((int)format < 0 || (size_t)format >= OG_ARRAY_LEN(format_names))
        return og_fail(err, ODFGATE_E_USAGE, NULL, NULL, "unknown merge format");
    for (size_t i = 0; i < n; i++) {
        odfgate_merge_format f;
        if (inputs[i].len > lim->max_file_size)
            return og_fail(err, ODFGATE_E_LIMIT, inputs[i].name, NULL,
                           "report larger than max-file-size (%llu bytes)",
                           (unsigned long long)lim->max_file_size);
        if ((int)(f = detect(&inputs[i], lim->max_depth, err)) < 0)
            return ODFGATE_FAILED;
        if (f == ODFGATE_MERGE_AUTO)
            continue;
        if (format != ODFGATE_MERGE_AUTO && f != format)
            return og_fail(err, ODFGATE_E_USAGE, inputs[i].name, NULL,
                           "is a %s report, not %s (--format)", odfgate_merge_format_name(f),
                           odfgate_merge_format_name(format));
        if (seen != ODFGATE_MERGE_AUTO && f != seen)
            return og_fail(err, ODFGATE_E_USAGE, inputs[i].name, NULL,
                           "is a %s report but %s is %s: merge reports of one format",
                           odfgate_merge_format_name(f), inputs[seen_at].name,
                           odfgate_merge_format_name(seen));
        if (seen == ODFGATE_MERGE_AUTO) {
            seen = f;
            seen_at = i;
        }
    }
    if (format == ODFGATE_MERGE_AUTO)
        format = seen == ODFGATE_MERGE_AUTO ? ODFGATE_MERGE_JSONL : seen;
    /* empty inputs are empty JSONL shards; the other formats always write a document */
    for (size_t i = 0; format != ODFGATE_MERGE_JSONL && i < n; i++) {
        size_t k = 0;
        const char *d = inputs[i].data;
        while (k < inputs[i].len && is_space(d[k]))
            k++;
        if (k == inputs[i].len)
            return og_fail(err, ODFGATE_E_USAGE, inputs[i].name, NULL, "empty, not a %s report",
                           odfgate_merge_format_name(format));
    }
    m = (og_merge){inputs, n, lim->max_depth, open_memstream(&buf, &len), sum, err};
    if (!m.out)
        return og_fail(err, ODFGATE_E_NOMEM, NULL, NULL, "out of memory");
    sum->format = format;
    sum->inputs = n;
    st = merge_into(&m, format);
    if (fclose(m.out) != 0 && st == ODFGATE_OK)
        st = og_fail(err, ODFGATE_E_NOMEM, NULL, NULL, "out of memory writing the merged report");
    if (st != ODFGATE_OK) {
        free(buf);
        return st;
    }
    *out = buf;
    *out_len = len;
    return ODFGATE_OK;
}

odfgate_status og_report_read_file(const char *path, uint64_t max, og_buf *b, odfgate_error *err)
{
    int rc;
    og_buf_init(b, max > SIZE_MAX - 1 ? SIZE_MAX - 1 : (size_t)max);
    rc = strcmp(path, "-") == 0 ? og_buf_read_fd(b, STDIN_FILENO) : og_buf_read_file(b, path);
    if (rc == OG_BUF_OK)
        return ODFGATE_OK;
    if (rc == OG_BUF_TOOBIG)
        return og_fail(err, ODFGATE_E_LIMIT, path, NULL,
                       "report larger than max-file-size (%llu bytes)", (unsigned long long)max);
    if (rc == OG_BUF_NOMEM)
        return og_fail(err, ODFGATE_E_NOMEM, path, NULL, "out of memory");
    return og_fail(err, ODFGATE_E_IO, path, NULL, "cannot %s: %s",
                   rc == OG_BUF_NOFILE ? "open" : "read", strerror(errno));
}

odfgate_status odfgate_merge_files(const char *const *paths, size_t n, odfgate_merge_format format,
                                   const odfgate_limits *lim, char **out, size_t *out_len,
                                   odfgate_merge_summary *sum, odfgate_error *err)
{
    OG_ERR_LOCAL(err);
    odfgate_limits deflim;
    odfgate_merge_input *in = calloc(n ? n : 1, sizeof(*in));
    og_buf *bufs = calloc(n ? n : 1, sizeof(*bufs));
    odfgate_status st = ODFGATE_OK;
    size_t stdin_uses = 0;
    *out = NULL;
    *out_len = 0;
    if (!lim) {
        odfgate_limits_init(&deflim);
        lim = &deflim;
    }
    if (!in || !bufs)
        st = og_fail(err, ODFGATE_E_NOMEM, NULL, NULL, "out of memory");
    for (size_t i = 0; st == ODFGATE_OK && i < n; i++)
        if (strcmp(paths[i], "-") == 0 && ++stdin_uses > 1)
            st = og_fail(err, ODFGATE_E_USAGE, NULL, NULL, "standard input ('-') given twice");
    for (size_t i = 0; st == ODFGATE_OK && i < n; i++) {
        st = og_report_read_file(paths[i], lim->max_file_size, &bufs[i], err);
        in[i] = (odfgate_merge_input){strcmp(paths[i], "-") == 0 ? "(stdin)" : paths[i],
                                      bufs[i].data ? bufs[i].data : "", bufs[i].len};
    }
    if (st == ODFGATE_OK)
        st = odfgate_merge_reports(in, n, format, lim, out, out_len, sum, err);
    for (size_t i = 0; bufs && i < n; i++)
        og_buf_free(&bufs[i]);
    free(bufs);
    free(in);
    return st;
}
