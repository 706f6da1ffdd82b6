/* strmap.c — a keyed set of strings with insertion indices, see strmap.h. */
#include "base/strmap.h"

#include "base/internal.h"
#include "base/siphash.h"

static size_t slot_of(const og_strmap *m, const char *s)
{
    size_t mask = m->nslots - 1;
    size_t i = (size_t)og_siphash24(og_hash_secret(), s, strlen(s)) & mask;
    while (m->slots[i] && strcmp(m->keys[m->slots[i] - 1], s) != 0)
        i = (i + 1) & mask;
    return i;
}

size_t og_strmap_find(const og_strmap *m, const char *s)
{
    if (!m->nslots || !s)
        return (size_t)-1;
    size_t i = slot_of(m, s);
    return m->slots[i] ? m->slots[i] - 1 : (size_t)-1;
}

/* Twice the slots (kept at most half full), every key placed again. */
static int grow(og_strmap *m)
{
    size_t n = m->nslots ? m->nslots * 2 : 64;
    size_t *slots = calloc(n, sizeof(*slots));
    char **keys = realloc(m->keys, (n / 2) * sizeof(*keys));
    if (!slots || !keys) {
        free(slots);
        if (keys)
            m->keys = keys;
        return -1;
    }
    free(m->slots);
    m->keys = keys;
    m->slots = slots;
    m->nslots = n;
    for (size_t k = 0; k < m->count; k++)
        m->slots[slot_of(m, m->keys[k])] = k + 1;
    return 0;
}

size_t og_strmap_add(og_strmap *m, const char *s)
{
    size_t found = og_strmap_find(m, s);
    if (found != (size_t)-1)
        return found;
    if ((m->count + 1) * 2 > m->nslots && grow(m) < 0)
        return (size_t)-1;
    char *copy = og_strdup(s);
    if (!copy)
        return (size_t)-1;
    m->keys[m->count] = copy;
    m->slots[slot_of(m, copy)] = m->count + 1;
    return m->count++;
}

void og_strmap_free(og_strmap *m)
{
    for (size_t k = 0; k < m->count; k++)
        free(m->keys[k]);
    free(m->keys);
    free(m->slots);
    memset(m, 0, sizeof(*m));
}
