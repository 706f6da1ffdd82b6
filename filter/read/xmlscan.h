/*
 * xmlscan.h — a byte scanner run ahead of libxml2 over every XML source (xml.c), for what
 * libxml2 2.9.14 would spend quadratic time on before odfgate sees a node: it checks the
 * attributes of a start tag for duplicates pair by pair, so one element with 300,000
 * attributes parsed for minutes (xmllint too).  The scanner counts the attributes of each
 * start tag ('=' outside quotes; comments, CDATA, processing instructions and declarations
 * are skipped) and stops the source past OG_XML_MAX_ATTRIBUTES.  It keeps its state between
 * buffers, so sources are scanned as libxml2 reads them, once.
 */
#ifndef OG_XMLSCAN_H
#define OG_XMLSCAN_H

#include <stddef.h>
#include <stdint.h>

/* At most this many attributes (namespace declarations included) on one element.  The 370
 * corpus documents have at most 41; with 256, the pairwise check costs at most 32,640
 * comparisons an element (a 10 MB part of such elements parses in 0.34 s). */
#define OG_XML_MAX_ATTRIBUTES 256

typedef struct og_xml_scan {
    uint8_t state;   /* private */
    uint8_t matched; /* private: characters of a delimiter matched so far */
    char quote;      /* private */
    uint32_t attrs;  /* attributes of the start tag being scanned */
    uint64_t line;   /* 1-based line of the byte scanned last */
} og_xml_scan;

void og_xml_scan_init(og_xml_scan *s);
/* Scan the next n bytes of the source.  0, or -1 when a start tag has more than
 * OG_XML_MAX_ATTRIBUTES attributes (s->line says where). */
int og_xml_scan_bytes(og_xml_scan *s, const char *buf, size_t n);

#endif
