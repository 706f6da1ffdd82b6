/* styles.c — paragraph style table and heading resolution, see styles.h. */
#include "read/styles.h"

#include "base/internal.h"
#include "base/siphash.h"

#include <ctype.h>

#define OG_CHAIN_MAX 64

typedef struct style {
    const char *name, *display, *parent;
    size_t hash; /* hash(name, automatic), kept for rehashing */
    int automatic;
    int outline;  /* 1..10 explicit level, 0 absent or empty */
    int resolved; /* cached result + 1, 0 = not computed */
} style;

struct og_styles {
    og_arena arena;
    style *items;
    size_t count, cap;
    size_t *slots; /* open addressing by (automatic, name); index+1, 0 = empty */
    size_t nslots;
    size_t last; /* index+1 of the style found last (paragraphs repeat their styles: one
                    strcmp instead of a keyed hash), 0 none */
};

og_styles *og_styles_new(void)
{
    og_styles *st = calloc(1, sizeof(*st));
    if (st)
        og_arena_init(&st->arena);
    return st;
}

void og_styles_free(og_styles *st)
{
    if (!st)
        return;
    og_arena_free(&st->arena);
    free(st->items);
    free(st->slots);
    free(st);
}

/* Keyed (siphash.h): the names come from the document, which must not be able to put them
 * all in one probe run.  The two namespaces differ by a constant, which keeps names apart
 * exactly as well as the hash does. */
static size_t hash(const char *s, int automatic)
{
    return (size_t)(og_siphash24(og_hash_secret(), s, strlen(s)) +
                    (automatic ? 0x9e3779b97f4a7c15u : 0));
}

/* h: hash(name, automatic), or 0 to compute it when needed */
static style *lookup_hashed(og_styles *st, const char *name, int automatic, size_t h)
{
    if (!st->nslots || !name)
        return NULL;
    if (st->last) {
        style *s = &st->items[st->last - 1];
        if (s->automatic == automatic && strcmp(s->name, name) == 0)
            return s;
    }
    for (size_t i = (h ? h : hash(name, automatic)) & (st->nslots - 1);;
         i = (i + 1) & (st->nslots - 1)) {
        size_t v = st->slots[i];
        if (!v)
            return NULL;
        style *s = &st->items[v - 1];
        if (s->automatic == automatic && strcmp(s->name, name) == 0) {
            st->last = v;
            return s;
        }
    }
}

static style *lookup(og_styles *st, const char *name, int automatic)
{
    return lookup_hashed(st, name, automatic, 0);
}

static int rehash(og_styles *st, size_t nslots)
{
    size_t *slots = calloc(nslots, sizeof(*slots));
    if (!slots)
        return -1;
    for (size_t k = 0; k < st->count; k++) {
        size_t i = st->items[k].hash & (nslots - 1);
        while (slots[i])
            i = (i + 1) & (nslots - 1);
        slots[i] = k + 1;
    }
    free(st->slots);
    st->slots = slots;
    st->nslots = nslots;
    return 0;
}

static int parse_level(const char *v)
{
    int n = 0;
    if (!v || !*v)
        return 0;
    for (; *v; v++) {
        if (!isdigit((unsigned char)*v) || n > 100)
            return 0;
        n = n * 10 + (*v - '0');
    }
    return n >= 1 && n <= 10 ? n : 0;
}

int og_styles_add(og_styles *st, int automatic, const char *name, const char *display,
                  const char *parent, const char *outline_level)
{
    style *s;
    size_t h;
    if (!name || !*name)
        return 0;
    h = hash(name, automatic);
    if ((s = lookup_hashed(st, name, automatic, h)) != NULL)
        return 0; /* first definition wins */
    if (st->count >= OG_STYLES_MAX)
        return -2;
    if (st->count == st->cap) {
        size_t ncap = st->cap ? st->cap * 2 : 64;
        style *items = realloc(st->items, ncap * sizeof(*items));
        if (!items)
            return -1;
        st->items = items;
        st->cap = ncap;
    }
    if ((st->count + 1) * 2 > st->nslots && rehash(st, st->nslots ? st->nslots * 2 : 128) < 0)
        return -1;
    s = &st->items[st->count];
    s->name = og_arena_strdup(&st->arena, name);
    s->display = display ? og_arena_strdup(&st->arena, display) : NULL;
    s->parent = parent ? og_arena_strdup(&st->arena, parent) : NULL;
    if (!s->name || (display && !s->display) || (parent && !s->parent))
        return -1;
    s->automatic = automatic;
    s->outline = parse_level(outline_level);
    s->resolved = 0;
    s->hash = h;
    size_t i = h & (st->nslots - 1);
    while (st->slots[i])
        i = (i + 1) & (st->nslots - 1);
    st->slots[i] = ++st->count;
    return 0;
}

/* "Heading N" by display name, or by the encoded name ("Heading_20_N"). */
static int heading_name_level(const char *n)
{
    static const char prefix[] = "heading";
    size_t i;
    if (!n)
        return 0;
    for (i = 0; i < sizeof(prefix) - 1; i++)
        if (tolower((unsigned char)n[i]) != prefix[i])
            return 0;
    if (n[i] == ' ')
        i++;
    else if (strncmp(n + i, "_20_", 4) == 0)
        i += 4;
    else
        return 0;
    return parse_level(n + i);
}

static style *find(og_styles *st, const char *name, int from_automatic)
{
    style *s = from_automatic ? lookup(st, name, 1) : NULL;
    return s ? s : lookup(st, name, 0);
}

int og_styles_heading_level(og_styles *st, const char *name)
{
    style *first = find(st, name, 1), *s = first;
    int level = 0;
    if (first && first->resolved)
        return first->resolved - 1;
    for (int steps = 0; s && steps < OG_CHAIN_MAX; steps++) {
        if (s->outline) {
            level = s->outline;
            break;
        }
        if ((level = heading_name_level(s->display ? s->display : s->name)) != 0)
            break;
        /* an automatic style's parent is a common style; common styles stay common */
        s = s->parent ? lookup(st, s->parent, 0) : NULL;
    }
    if (first)
        first->resolved = level + 1;
    return level;
}

/* og_styles_missing from s, the style found for `name` (NULL: none). */
static const char *missing_from(og_styles *st, style *s, const char *name)
{
    if (!s)
        return name;
    for (int steps = 0; s && steps < OG_CHAIN_MAX; steps++) {
        if (s->outline || heading_name_level(s->display ? s->display : s->name))
            return NULL;
        if (!s->parent)
            return NULL;
        style *p = lookup(st, s->parent, 0);
        if (!p)
            return s->parent;
        s = p;
    }
    return NULL;
}

const char *og_styles_missing(og_styles *st, const char *name)
{
    return missing_from(st, find(st, name, 1), name);
}

const char *og_styles_missing_common(og_styles *st, const char *name)
{
    return missing_from(st, lookup(st, name, 0), name);
}
