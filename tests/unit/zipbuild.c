/* zipbuild.c — see zipbuild.h. */
#include "zipbuild.h"

#include <stdlib.h>
#include <string.h>
#include <zip.h>

unsigned char *build_zip(const zent *e, size_t n, size_t *len)
{
    zip_error_t ze;
    zip_source_t *src;
    zip_t *z;
    zip_stat_t st;
    unsigned char *out;

    zip_error_init(&ze);
    if (!(src = zip_source_buffer_create(NULL, 0, 0, &ze)))
        return NULL;
    zip_source_keep(src);
    if (!(z = zip_open_from_source(src, ZIP_TRUNCATE, &ze))) {
        zip_source_free(src);
        return NULL;
    }
    for (size_t i = 0; i < n; i++) {
        size_t l = e[i].len ? e[i].len : strlen(e[i].data);
        zip_source_t *s = zip_source_buffer(z, e[i].data, l, 0);
        zip_int64_t idx = s ? zip_file_add(z, e[i].name, s, 0) : -1;
        if (idx < 0) {
            zip_source_free(s);
            zip_discard(z);
            zip_source_free(src);
            return NULL;
        }
        zip_set_file_compression(z, (zip_uint64_t)idx, e[i].deflate ? ZIP_CM_DEFLATE : ZIP_CM_STORE,
                                 0);
        if (e[i].extra)
            zip_file_extra_field_set(z, (zip_uint64_t)idx, 0x5455, ZIP_EXTRA_FIELD_NEW,
                                     (const zip_uint8_t *)"\1\0\0\0\0", 5,
                                     ZIP_FL_LOCAL | ZIP_FL_CENTRAL);
    }
    if (zip_close(z) < 0) {
        zip_discard(z);
        zip_source_free(src);
        return NULL;
    }
    out = NULL;
    if (zip_source_stat(src, &st) == 0 && zip_source_open(src) == 0) {
        if ((out = malloc(st.size ? st.size : 1)) &&
            zip_source_read(src, out, st.size) != (zip_int64_t)st.size) {
            free(out);
            out = NULL;
        }
        zip_source_close(src);
        *len = st.size;
    }
    zip_source_free(src);
    return out;
}
