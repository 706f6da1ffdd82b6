/*
 * banned.h — functions that must not be used in odfgate (unbounded writes, hidden state,
 * silent failure).  Included by internal.h; a use becomes a compile error.
 */
#ifndef OG_BANNED_H
#define OG_BANNED_H

#define OG_BANNED(func) sorry_##func##_is_banned_in_odfgate

#undef strcpy
#define strcpy(x, y) OG_BANNED(strcpy)
#undef strcat
#define strcat(x, y) OG_BANNED(strcat)
#undef sprintf
#define sprintf(...) OG_BANNED(sprintf)
#undef vsprintf
#define vsprintf(...) OG_BANNED(vsprintf)
#undef strtok
#define strtok(x, y) OG_BANNED(strtok)
#undef atoi
#define atoi(x) OG_BANNED(atoi)
#undef atol
#define atol(x) OG_BANNED(atol)
#undef gets
#define gets(x) OG_BANNED(gets)

#endif
