// The domain-level part of RFC 5893's Bidi rule that ICU 72 applies more strictly than the URL
// Standard's test data: a label that starts with an ASCII digit is refused in every Bidi domain
// name, although RFC 5893 section 2 only requires that such a label "does not come after a
// right-to-left label" ("1.<arabic>" is valid, "<arabic>.1" is not).
#include <stdlib.h>
#include <unicode/uchar.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>

#include "bidi_domain.h"

#define SG_MASK(d) (1u << (d))

static const uint32_t sg_rtl_classes = SG_MASK(U_RIGHT_TO_LEFT) | SG_MASK(U_RIGHT_TO_LEFT_ARABIC) | SG_MASK(U_ARABIC_NUMBER);
static const uint32_t sg_common_allowed = SG_MASK(U_EUROPEAN_NUMBER) | SG_MASK(U_EUROPEAN_NUMBER_SEPARATOR) |
                                          SG_MASK(U_COMMON_NUMBER_SEPARATOR) | SG_MASK(U_EUROPEAN_NUMBER_TERMINATOR) |
                                          SG_MASK(U_OTHER_NEUTRAL) | SG_MASK(U_BOUNDARY_NEUTRAL) |
                                          SG_MASK(U_DIR_NON_SPACING_MARK);

/// RFC 5893 section 2, conditions 1-6, for one label of UTF-16 code units.
/// `first_condition_waived` checks the label as an LTR label whatever its first character.
static int sg_label_satisfies_bidi_rule(const UChar *label, int32_t length, int first_condition_waived) {
  if (length == 0) return 1;
  int32_t index = 0;
  UChar32 c;
  U16_NEXT(label, index, length, c);
  UCharDirection first = u_charDirection(c);
  int rtl = first == U_RIGHT_TO_LEFT || first == U_RIGHT_TO_LEFT_ARABIC;
  if (!first_condition_waived && first != U_LEFT_TO_RIGHT && !rtl) return 0;  // condition 1
  if (first_condition_waived) rtl = 0;
  uint32_t allowed = rtl ? (sg_common_allowed | sg_rtl_classes) : (sg_common_allowed | SG_MASK(U_LEFT_TO_RIGHT));
  uint32_t seen = 0;
  UCharDirection last_non_mark = U_DIR_NON_SPACING_MARK;
  index = 0;
  while (index < length) {
    U16_NEXT(label, index, length, c);
    UCharDirection direction = u_charDirection(c);
    if ((allowed & SG_MASK(direction)) == 0) return 0;  // conditions 2 and 5
    seen |= SG_MASK(direction);
    if (direction != U_DIR_NON_SPACING_MARK) last_non_mark = direction;
  }
  if (rtl) {
    uint32_t end = SG_MASK(U_RIGHT_TO_LEFT) | SG_MASK(U_RIGHT_TO_LEFT_ARABIC) | SG_MASK(U_EUROPEAN_NUMBER) | SG_MASK(U_ARABIC_NUMBER);
    if ((end & SG_MASK(last_non_mark)) == 0) return 0;  // condition 3
    if ((seen & SG_MASK(U_EUROPEAN_NUMBER)) && (seen & SG_MASK(U_ARABIC_NUMBER))) return 0;  // condition 4
  } else if (last_non_mark != U_LEFT_TO_RIGHT && last_non_mark != U_EUROPEAN_NUMBER) {
    return 0;  // condition 6
  }
  return 1;
}

static int sg_label_is_rtl(const UChar *label, int32_t length) {
  int32_t index = 0;
  while (index < length) {
    UChar32 c;
    U16_NEXT(label, index, length, c);
    if (sg_rtl_classes & SG_MASK(u_charDirection(c))) return 1;
  }
  return 0;
}

static int sg_label_is_ascii_starting_with_digit(const UChar *label, int32_t length) {
  if (length == 0 || label[0] < '0' || label[0] > '9') return 0;
  for (int32_t i = 0; i < length; i++) {
    if (label[i] >= 0x80) return 0;
  }
  return 1;
}

int sg_bidi_domain_is_valid(const char *unicode_domain, size_t length) {
  if (length > INT32_MAX / 2) return 0;
  int32_t capacity = (int32_t)length + 1;
  UChar *domain = malloc(sizeof(UChar) * (size_t)capacity);
  if (domain == NULL) return 0;
  UErrorCode error = U_ZERO_ERROR;
  int32_t domain_length = 0;
  u_strFromUTF8(domain, capacity, &domain_length, unicode_domain, (int32_t)length, &error);
  if (U_FAILURE(error)) {
    free(domain);
    return 0;
  }
  int valid = 1;
  int after_rtl_label = 0;
  int32_t start = 0;
  for (int32_t i = 0; i <= domain_length && valid; i++) {
    if (i < domain_length && domain[i] != '.') continue;
    const UChar *label = domain + start;
    int32_t label_length = i - start;
    int waived = !after_rtl_label && sg_label_is_ascii_starting_with_digit(label, label_length);
    valid = sg_label_satisfies_bidi_rule(label, label_length, waived);
    if (sg_label_is_rtl(label, label_length)) after_rtl_label = 1;
    start = i + 1;
  }
  free(domain);
  return valid;
}
