// UTS #46 ToASCII for the URL Standard's "domain to ASCII", through ICU's UTS46 API.
#include <pthread.h>
#include <stdlib.h>
#include <unicode/uidna.h>

#include "snapgen_icu.h"

static pthread_once_t sg_idna_once = PTHREAD_ONCE_INIT;
static UIDNA *sg_idna_lenient;
static UIDNA *sg_idna_strict;

static void sg_idna_open(void) {
  const uint32_t options = UIDNA_CHECK_BIDI | UIDNA_CHECK_CONTEXTJ | UIDNA_NONTRANSITIONAL_TO_ASCII |
                           UIDNA_NONTRANSITIONAL_TO_UNICODE;
  UErrorCode error = U_ZERO_ERROR;
  sg_idna_lenient = uidna_openUTS46(options, &error);
  if (U_FAILURE(error)) sg_idna_lenient = NULL;
  error = U_ZERO_ERROR;
  sg_idna_strict = uidna_openUTS46(options | UIDNA_USE_STD3_RULES, &error);
  if (U_FAILURE(error)) sg_idna_strict = NULL;
}

int sg_domain_to_ascii(const char *input, size_t length, int be_strict, char **output, size_t *output_length) {
  *output = NULL;
  *output_length = 0;
  pthread_once(&sg_idna_once, sg_idna_open);
  const UIDNA *idna = be_strict ? sg_idna_strict : sg_idna_lenient;
  if (idna == NULL || length > INT32_MAX / 4) return -1;
  int32_t capacity = (int32_t)length * 4 + 64;
  for (int attempt = 0; attempt < 2; attempt++) {
    char *buffer = malloc((size_t)capacity);
    if (buffer == NULL) return -1;
    UIDNAInfo info = UIDNA_INFO_INITIALIZER;
    UErrorCode error = U_ZERO_ERROR;
    int32_t written = uidna_nameToASCII_UTF8(idna, input, (int32_t)length, buffer, capacity, &info, &error);
    if (error == U_BUFFER_OVERFLOW_ERROR) {
      free(buffer);
      capacity = written + 1;
      continue;
    }
    if (U_FAILURE(error)) {
      free(buffer);
      return -1;
    }
    // CheckHyphens is false in the URL Standard; VerifyDnsLength is be_strict.
    uint32_t errors = info.errors & ~(uint32_t)(UIDNA_ERROR_LEADING_HYPHEN | UIDNA_ERROR_TRAILING_HYPHEN | UIDNA_ERROR_HYPHEN_3_4);
    if (!be_strict) {
      errors &= ~(uint32_t)(UIDNA_ERROR_EMPTY_LABEL | UIDNA_ERROR_LABEL_TOO_LONG | UIDNA_ERROR_DOMAIN_NAME_TOO_LONG);
    }
    if (errors != 0) {
      free(buffer);
      return 1;
    }
    *output = buffer;
    *output_length = (size_t)written;
    return 0;
  }
  return -1;
}
