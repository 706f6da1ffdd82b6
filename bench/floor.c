/*
 * floor.c — the speed floor for `make bench`: for each file, open the zip, inflate
 * content.xml and meta.xml (with --styles first: styles.xml too) and run xmlTextReader to the
 * end, doing nothing else.  A naive open-and-parse; the bench reports odfgate check's ratio.
 */
#include <libxml/xmlreader.h>
#include <stdio.h>
#include <string.h>
#include <zip.h>

static int read_cb(void *ctx, char *buf, int len)
{
    return (int)zip_fread(ctx, buf, (zip_uint64_t)len);
}
static int close_cb(void *ctx)
{
    (void)ctx;
    return 0;
}

static long drain(zip_t *z, const char *name)
{
    zip_file_t *f = zip_fopen(z, name, 0);
    long nodes = 0;
    if (!f)
        return -1;
    xmlTextReaderPtr r = xmlReaderForIO(read_cb, close_cb, f, NULL, NULL, XML_PARSE_NONET);
    while (r && xmlTextReaderRead(r) == 1)
        nodes++;
    xmlFreeTextReader(r);
    zip_fclose(f);
    return nodes;
}

int main(int argc, char **argv)
{
    long total = 0;
    int first = 1, styles = argc > 1 && strcmp(argv[1], "--styles") == 0;
    first += styles;
    xmlInitParser();
    for (int i = first; i < argc; i++) {
        int err;
        zip_t *z = zip_open(argv[i], ZIP_RDONLY | ZIP_CHECKCONS, &err);
        if (!z) {
            fprintf(stderr, "floor: %s: cannot open\n", argv[i]);
            return 2;
        }
        long content = drain(z, "content.xml"), meta = drain(z, "meta.xml");
        long style = styles ? drain(z, "styles.xml") : 0;
        zip_close(z);
        /* a part missing or unreadable: the floor would look fast, so it is an error */
        if (content < 0 || meta < 0 || style < 0) {
            fprintf(stderr, "floor: %s: a part cannot be read\n", argv[i]);
            return 2;
        }
        total += content + meta + style;
    }
    printf("%ld nodes\n", total);
    xmlCleanupParser();
    return 0;
}
