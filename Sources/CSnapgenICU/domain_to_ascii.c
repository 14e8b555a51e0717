// UTS #46 ToASCII for the URL Standard's "domain to ASCII", through ICU's UTS46 API.
#include <pthread.h>
#include <stdlib.h>
#include <unicode/uidna.h>

#include "bidi_domain.h"
#include "snapgen_icu.h"

static pthread_once_t sg_idna_once = PTHREAD_ONCE_INIT;
// [be_strict][check_bidi]
static UIDNA *sg_idna[2][2];

static void sg_idna_open(void) {
  const uint32_t options = UIDNA_CHECK_CONTEXTJ | UIDNA_NONTRANSITIONAL_TO_ASCII | UIDNA_NONTRANSITIONAL_TO_UNICODE;
  for (int strict = 0; strict < 2; strict++) {
    for (int bidi = 0; bidi < 2; bidi++) {
      UErrorCode error = U_ZERO_ERROR;
      uint32_t flags = options | (strict ? UIDNA_USE_STD3_RULES : 0) | (bidi ? UIDNA_CHECK_BIDI : 0);
      sg_idna[strict][bidi] = uidna_openUTS46(flags, &error);
      if (U_FAILURE(error)) sg_idna[strict][bidi] = NULL;
    }
  }
}

/// Runs ICU's UTF-8 ToASCII (`to_ascii`) or ToUnicode over `input`, growing the buffer once when
/// ICU asks for more. Returns the malloc'd result and its length and ICU's per-label errors, or
/// NULL when memory runs out or ICU fails.
static char *sg_uts46_convert(const UIDNA *idna, int to_ascii, const char *input, size_t length,
                              size_t *output_length, uint32_t *label_errors) {
  int32_t capacity = (int32_t)length * 4 + 64;
  for (int attempt = 0; attempt < 2; attempt++) {
    char *buffer = malloc((size_t)capacity);
    if (buffer == NULL) return NULL;
    UIDNAInfo info = UIDNA_INFO_INITIALIZER;
    UErrorCode error = U_ZERO_ERROR;
    int32_t written = to_ascii ? uidna_nameToASCII_UTF8(idna, input, (int32_t)length, buffer, capacity, &info, &error)
                               : uidna_nameToUnicodeUTF8(idna, input, (int32_t)length, buffer, capacity, &info, &error);
    if (error == U_BUFFER_OVERFLOW_ERROR) {
      free(buffer);
      capacity = written + 1;
      continue;
    }
    if (U_FAILURE(error)) {
      free(buffer);
      return NULL;
    }
    *output_length = (size_t)written;
    *label_errors = info.errors;
    return buffer;
  }
  return NULL;
}

/// ToASCII through `idna`: 0 and a malloc'd result, 1 with the UIDNA errors that are not
/// ignored, or -1 when ICU fails.
static int sg_name_to_ascii(const UIDNA *idna, const char *input, size_t length, int be_strict, char **output,
                            size_t *output_length, uint32_t *failed_errors) {
  uint32_t errors = 0;
  char *buffer = sg_uts46_convert(idna, 1, input, length, output_length, &errors);
  if (buffer == NULL) return -1;
  // CheckHyphens is false in the URL Standard; VerifyDnsLength is be_strict.
  errors &= ~(uint32_t)(UIDNA_ERROR_LEADING_HYPHEN | UIDNA_ERROR_TRAILING_HYPHEN | UIDNA_ERROR_HYPHEN_3_4);
  if (!be_strict) {
    errors &= ~(uint32_t)(UIDNA_ERROR_EMPTY_LABEL | UIDNA_ERROR_LABEL_TOO_LONG | UIDNA_ERROR_DOMAIN_NAME_TOO_LONG);
  }
  if (errors != 0) {
    free(buffer);
    *output_length = 0;
    *failed_errors = errors;
    return 1;
  }
  *output = buffer;
  return 0;
}

int sg_domain_to_ascii(const char *input, size_t length, int be_strict, char **output, size_t *output_length) {
  *output = NULL;
  *output_length = 0;
  pthread_once(&sg_idna_once, sg_idna_open);
  const UIDNA *checked = sg_idna[be_strict ? 1 : 0][1];
  const UIDNA *unchecked = sg_idna[be_strict ? 1 : 0][0];
  if (checked == NULL || unchecked == NULL || length > INT32_MAX / 4) return -1;
  uint32_t errors = 0;
  int status = sg_name_to_ascii(checked, input, length, be_strict, output, output_length, &errors);
  if (status != 1 || errors != UIDNA_ERROR_BIDI) return status;
  // ICU's only objection is the Bidi rule: decide it at the domain level as RFC 5893 does.
  char *ascii = NULL;
  size_t ascii_length = 0;
  status = sg_name_to_ascii(unchecked, input, length, be_strict, &ascii, &ascii_length, &errors);
  if (status != 0) return status;
  size_t unicode_length = 0;
  char *unicode = sg_uts46_convert(unchecked, 0, ascii, ascii_length, &unicode_length, &errors);
  if (unicode == NULL) {
    free(ascii);
    return -1;
  }
  int valid = sg_bidi_domain_is_valid(unicode, unicode_length);
  free(unicode);
  if (!valid) {
    free(ascii);
    return 1;
  }
  *output = ascii;
  *output_length = ascii_length;
  return 0;
}
