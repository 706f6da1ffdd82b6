/*
 * url.h — what kind of URL a string is: http(s) or not, same origin or not.  Schema
 * references, the fetcher and the link checker decide with these.
 */
#ifndef OG_URL_H
#define OG_URL_H

#include "base/internal.h"

/* 1 if url starts with http:// or https:// (scheme case-insensitive) and has a host. */
int og_url_is_http(const char *url);
/* 1 if both URLs parse and have the same scheme, host and port (after libcurl's URL
 * normalisation: case, default ports, numeric IPv4 spellings), else 0. */
int og_url_same_origin(const char *a, const char *b);

#endif
