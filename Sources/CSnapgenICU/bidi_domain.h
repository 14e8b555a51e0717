#ifndef SNAPGEN_BIDI_DOMAIN_H
#define SNAPGEN_BIDI_DOMAIN_H

#include <stddef.h>

// Whether a Bidi domain name (UTF-8, Unicode labels, already mapped by UTS #46) satisfies
// RFC 5893 section 2 as the URL Standard's tests read it: every label satisfies the Bidi rule,
// except that an ASCII label starting with a digit may fail condition 1 when no right-to-left
// label comes before it. Returns 1 when valid, 0 otherwise.
int sg_bidi_domain_is_valid(const char *unicode_domain, size_t length);

#endif
