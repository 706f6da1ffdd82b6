/* arena.c — bump allocator, see arena.h. */
#include "base/arena.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct og_arena_block {
    og_arena_block *next;
    size_t used, size;
    _Alignas(16) unsigned char data[];
};

#define OG_ARENA_BLOCK 65536

void og_arena_init(og_arena *a)
{
    a->head = NULL;
    a->total = 0;
}

void og_arena_free(og_arena *a)
{
    og_arena_block *b = a->head;
    while (b) {
        og_arena_block *next = b->next;
        free(b);
        b = next;
    }
    a->head = NULL;
    a->total = 0;
}

void *og_arena_alloc(og_arena *a, size_t n)
{
    og_arena_block *b = a->head;
    size_t need = (n + 15) & ~(size_t)15;
    if (need < n)
        return NULL;
    if (!b || b->size - b->used < need) {
        /* blocks grow from 1 KiB to 64 KiB, so that many small arenas (configurations,
         * small results) stay small */
        size_t block =
            a->total < OG_ARENA_BLOCK / 2 ? (a->total > 512 ? a->total * 2 : 1024) : OG_ARENA_BLOCK;
        size_t size = need > block / 4 ? need : block;
        if (size > SIZE_MAX - sizeof(*b))
            return NULL;
        b = malloc(sizeof(*b) + size);
        if (!b)
            return NULL;
        b->used = 0;
        b->size = size;
        if (size == need && a->head) {
            /* a big one-off allocation: keep the current block in front for small ones */
            b->next = a->head->next;
            a->head->next = b;
        } else {
            b->next = a->head;
            a->head = b;
        }
    }
    void *p = b->data + b->used;
    b->used += need;
    a->total += need;
    return p;
}

void *og_arena_zalloc(og_arena *a, size_t n)
{
    void *p = og_arena_alloc(a, n);
    if (p)
        memset(p, 0, n);
    return p;
}

char *og_arena_strndup(og_arena *a, const char *s, size_t n)
{
    char *p = og_arena_alloc(a, n + 1);
    if (p) {
        memcpy(p, s, n);
        p[n] = '\0';
    }
    return p;
}

char *og_arena_strdup(og_arena *a, const char *s)
{
    return s ? og_arena_strndup(a, s, strlen(s)) : NULL;
}
