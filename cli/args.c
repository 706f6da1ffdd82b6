/* args.c — option handling shared by the subcommands, see args.h. */
#include "args.h"

#include "cli.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <errno.h>
#include <sys/stat.h>
#include <sys/stat.h>
#include <unistd.h>

__attribute__((format(printf, 1, 0))) static void verror(const char *fmt, va_list ap)
{
    char msg[2048];
    vsnprintf(msg, sizeof(msg), fmt, ap);
    fputs("odfgate: ", stderr);
    odfgate_fput_safe(msg, stderr);
    fputc('\n', stderr);
}

void cli_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    verror(fmt, ap);
    va_end(ap);
}

void cli_say(const char *fmt, ...)
{
    char msg[2048];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    odfgate_fput_safe(msg, stdout);
    putchar('\n');
}

void cli_put_lines(const char *text, FILE *out)
{
    char small[1024], *line;
    while (text && *text) {
        size_t n = strcspn(text, "\n");
        /* whole lines, however long (a long one used to be cut at 1023 bytes, silently) */
        line = n < sizeof(small) ? small : malloc(n + 1);
        if (!line) {
            cli_error("out of memory");
            return;
        }
        memcpy(line, text, n);
        line[n] = '\0';
        odfgate_fput_safe(line, out);
        if (line != small)
            free(line);
        if (text[n] == '\n')
            fputc('\n', out), n++;
        text += n;
    }
}

int cli_output_allowed(const char *out, int force, int in_place)
{
    struct stat st;
    if (!out || strcmp(out, "-") == 0)
        return 0;
    if (in_place) {
        if (access(out, W_OK) != 0) {
            cli_error("%s: cannot be replaced: %s (--in-place rewrites only files you may write)",
                      out, strerror(errno));
            return OG_EXIT_UNREADABLE;
        }
        return 0;
    }
    if (!force && lstat(out, &st) == 0) {
        cli_error("%s: exists; give --force to replace it", out);
        return OG_EXIT_USAGE;
    }
    return 0;
}

static int ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);
    return n >= k && strcasecmp(s + n - k, suffix) == 0;
}

int cli_output_matches(const char *out, const odfgate_doc *doc)
{
    int flat = strcmp(odfgate_doc_container(doc), "flat") == 0;
    if (flat && (ends_with(out, ".odt") || ends_with(out, ".ott"))) {
        cli_error("%s: the input is a flat document (.fodt) and the output would be flat XML in a "
                  "file named like a package: name it .fodt",
                  out);
        return OG_EXIT_USAGE;
    }
    if (!flat && ends_with(out, ".fodt")) {
        cli_error("%s: the input is a package (.odt) and the output would be a zip in a file named "
                  "like a flat document: name it .odt (odfgate flatten makes a .fodt)",
                  out);
        return OG_EXIT_USAGE;
    }
    return 0;
}

int cli_usage_error(const char *cmd, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    verror(fmt, ap);
    va_end(ap);
    fprintf(stderr, "Try 'odfgate %s --help'.\n", cmd);
    return OG_EXIT_USAGE;
}

void cli_config_error(const odfgate_error *err)
{
    if (err->line > 0)
        cli_error("%s:%ld: %s", err->path, err->line, err->message);
    else if (err->path[0])
        cli_error("%s: %s", err->path, err->message);
    else
        cli_error("%s", err->message);
}

int cli_parse_fail_on(const char *v)
{
    if (strcmp(v, "never") == 0)
        return ODFGATE_SEV_OFF;
    int s = odfgate_severity_parse(v);
    return s > 0 ? s : -1;
}

int cli_parse_color(const char *v)
{
    const char *no = getenv("NO_COLOR"), *term = getenv("TERM");
    if (strcmp(v, "always") == 0)
        return 1;
    if (strcmp(v, "never") == 0)
        return 0;
    if (strcmp(v, "auto") != 0)
        return -1;
    return isatty(STDOUT_FILENO) && !(no && *no) && !(term && strcmp(term, "dumb") == 0);
}

int cli_known_format(const char *s) { return strcmp(s, "text") == 0 || strcmp(s, "json") == 0; }

int cli_report_format(const char *s)
{
    for (size_t i = 0; odfgate_report_format_name(i); i++)
        if (strcmp(s, odfgate_report_format_name(i)) == 0)
            return 1;
    return 0;
}

int cli_parse_limit(odfgate_limits *lim, const char *arg)
{
    static const struct {
        const char *name;
        size_t offset;
        int is32;
    } fields[] = {
        {"max-file-size", offsetof(odfgate_limits, max_file_size), 0},
        {"max-entries", offsetof(odfgate_limits, max_entries), 0},
        {"max-part-size", offsetof(odfgate_limits, max_part_size), 0},
        {"max-total-size", offsetof(odfgate_limits, max_total_size), 0},
        {"max-ratio", offsetof(odfgate_limits, max_ratio), 1},
        {"max-depth", offsetof(odfgate_limits, max_depth), 1},
        {"max-text", offsetof(odfgate_limits, max_text), 0},
    };
    const char *eq = strchr(arg, '=');
    char *end;
    unsigned long long v;
    if (!eq || eq[1] < '0' || eq[1] > '9')
        return -1;
    v = strtoull(eq + 1, &end, 10);
    int shift = *end == 'K' ? 10 : *end == 'M' ? 20 : *end == 'G' ? 30 : 0;
    if (shift) {
        if (v > (UINT64_MAX >> shift))
            return -1; /* would overflow */
        v <<= shift;
        end++;
    }
    if (*end || v == 0)
        return -1; /* 0 never means unlimited */
    for (size_t i = 0; i < sizeof(fields) / sizeof(fields[0]); i++)
        if (strlen(fields[i].name) == (size_t)(eq - arg) &&
            strncmp(arg, fields[i].name, (size_t)(eq - arg)) == 0) {
            char *p = (char *)lim + fields[i].offset;
            if (fields[i].is32) {
                if (v > UINT32_MAX)
                    return -1;
                *(uint32_t *)p = (uint32_t)v;
            } else
                *(uint64_t *)p = v;
            return 0;
        }
    return -1;
}

unsigned cli_default_jobs(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n > 0 && n < 256 ? (unsigned)n : 1;
}

int cli_parse_jobs(const char *v, unsigned *jobs)
{
    char *end;
    long n = strtol(v, &end, 10);
    if (*end || end == v || n < 1 || n > 256)
        return -1;
    *jobs = (unsigned)n;
    return 0;
}

int cli_same_file(const char *a, const char *b)
{
    struct stat sa, sb;
    if (strcmp(a, b) == 0)
        return 1;
    return stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_dev == sb.st_dev &&
           sa.st_ino == sb.st_ino;
}
