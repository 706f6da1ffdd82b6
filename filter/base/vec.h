/*
 * vec.h — a typed growable array on the heap, capped, for building lists of unknown length.
 *   OG_VEC(og_para) v = {0};  if (OG_VEC_PUSH(&v, item, max) < 0) …;  free(v.items);
 */
#ifndef OG_VEC_H
#define OG_VEC_H

#include <stdlib.h>

#define OG_VEC(type)                                                                               \
    struct {                                                                                       \
        type *items;                                                                               \
        size_t len, cap;                                                                           \
    }

/* Ensure room for one more; 0 ok, -1 out of memory, -2 over max items. */
#define OG_VEC_RESERVE(v, max)                                                                     \
    og_vec_reserve_((void **)&(v)->items, &(v)->cap, (v)->len, sizeof(*(v)->items), (max))
/* Append item: 0, or the reservation's failure (-1, -2) with nothing appended.  The
 * reservation is made once: trying again after a failure could succeed without pushing. */
#define OG_VEC_PUSH(v, item, max)                                                                  \
    __extension__({                                                                                \
        int og_vec_rc_ = OG_VEC_RESERVE(v, max);                                                   \
        if (og_vec_rc_ == 0)                                                                       \
            (v)->items[(v)->len++] = (item);                                                       \
        og_vec_rc_;                                                                                \
    })

static inline int og_vec_reserve_(void **items, size_t *cap, size_t len, size_t size, size_t max)
{
    if (len < *cap)
        return 0;
    if (len >= max)
        return -2;
    size_t ncap = *cap ? *cap * 2 : 16;
    if (ncap > max)
        ncap = max;
    void *p = realloc(*items, ncap * size);
    if (!p)
        return -1;
    *items = p;
    *cap = ncap;
    return 0;
}

#endif
