#include "two_byte_decoder.h"

#include <pthread.h>
#include <stdlib.h>
#include <unicode/ucnv.h>

enum { sg_null = 0xFFFFFFFFu };

// Big5 pointers whose index entry is two code points (§11.1.1 step 3.3).
enum { sg_big5_special_1 = 1133, sg_big5_special_2 = 1135, sg_big5_special_3 = 1164, sg_big5_special_4 = 1166 };

typedef struct {
  const char *icu_name;
  size_t pointer_count;
  pthread_once_t once;
  uint32_t *index;
} sg_two_byte_table;

static sg_two_byte_table tables[] = {
  {"ibm-1375_P100-2008", (0xFE - 0x81 + 1) * 157, PTHREAD_ONCE_INIT, NULL},
  {"windows-949-2000", (0xFE - 0x81 + 1) * 190, PTHREAD_ONCE_INIT, NULL},
  {"ibm-943_P15A-2003", (0xFC - 0xC1 + 1) * 188, PTHREAD_ONCE_INIT, NULL},
};

/// The two bytes of `pointer` in the encoding (the inverse of the decoder's pointer formula).
static void sg_pointer_bytes(sg_two_byte_kind kind, size_t pointer, uint8_t bytes[2]) {
  switch (kind) {
  case sg_two_byte_big5: {
    size_t trail = pointer % 157;
    bytes[0] = (uint8_t)(pointer / 157 + 0x81);
    bytes[1] = (uint8_t)(trail < 0x3F ? trail + 0x40 : trail + 0x62);
    break;
  }
  case sg_two_byte_euc_kr:
    bytes[0] = (uint8_t)(pointer / 190 + 0x81);
    bytes[1] = (uint8_t)(pointer % 190 + 0x41);
    break;
  case sg_two_byte_shift_jis: {
    size_t lead = pointer / 188, trail = pointer % 188;
    bytes[0] = (uint8_t)(lead < 0x1F ? lead + 0x81 : lead + 0xC1);
    bytes[1] = (uint8_t)(trail < 0x3F ? trail + 0x40 : trail + 0x41);
    break;
  }
  }
}

static void sg_build(sg_two_byte_kind kind) {
  sg_two_byte_table *table = &tables[kind];
  UErrorCode error = U_ZERO_ERROR;
  UConverter *converter = ucnv_open(table->icu_name, &error);
  if (U_FAILURE(error)) return;
  ucnv_setToUCallBack(converter, UCNV_TO_U_CALLBACK_STOP, NULL, NULL, NULL, &error);
  uint32_t *index = malloc(table->pointer_count * sizeof(uint32_t));
  if (index == NULL || U_FAILURE(error)) {
    free(index);
    ucnv_close(converter);
    return;
  }
  for (size_t pointer = 0; pointer < table->pointer_count; pointer++) {
    uint8_t bytes[2];
    sg_pointer_bytes(kind, pointer, bytes);
    UChar units[4];
    error = U_ZERO_ERROR;
    ucnv_resetToUnicode(converter);
    int32_t count = ucnv_toUChars(converter, units, 4, (const char *)bytes, 2, &error);
    uint32_t code_point = sg_null;
    if (U_SUCCESS(error) && count == 1 && !(units[0] >= 0xD800 && units[0] <= 0xDFFF)) code_point = units[0];
    if (U_SUCCESS(error) && count == 2 && units[0] >= 0xD800 && units[0] <= 0xDBFF && units[1] >= 0xDC00 && units[1] <= 0xDFFF) {
      code_point = 0x10000 + (((uint32_t)units[0] - 0xD800) << 10) + ((uint32_t)units[1] - 0xDC00);
    }
    // The standard's indexes have no Private Use Area entries (Shift_JIS's user-defined area is
    // computed by the decoder instead), and no C0/ASCII results for a two-byte sequence.
    if (code_point != sg_null && ((code_point >= 0xE000 && code_point <= 0xF8FF) || code_point < 0x80)) code_point = sg_null;
    index[pointer] = code_point;
  }
  ucnv_close(converter);
  table->index = index;
}

static void sg_build_big5(void) { sg_build(sg_two_byte_big5); }
static void sg_build_euc_kr(void) { sg_build(sg_two_byte_euc_kr); }
static void sg_build_shift_jis(void) { sg_build(sg_two_byte_shift_jis); }

const uint32_t *sg_two_byte_index(sg_two_byte_kind kind) {
  static void (*const builders[])(void) = {sg_build_big5, sg_build_euc_kr, sg_build_shift_jis};
  pthread_once(&tables[kind].once, builders[kind]);
  return tables[kind].index;
}

static size_t sg_put(uint16_t *output, size_t at, uint32_t code_point) {
  if (code_point >= 0x10000) {
    code_point -= 0x10000;
    output[at] = (uint16_t)(0xD800 + (code_point >> 10));
    output[at + 1] = (uint16_t)(0xDC00 + (code_point & 0x3FF));
    return at + 2;
  }
  output[at] = (uint16_t)code_point;
  return at + 1;
}

/// The code point(s) for `lead`, `byte`, or sg_null; sets `*second` for Big5's two-code-point
/// pointers.
static uint32_t sg_lookup(sg_two_byte_kind kind, const uint32_t *index, uint8_t lead, uint8_t byte, uint32_t *second) {
  *second = sg_null;
  switch (kind) {
  case sg_two_byte_big5: {
    uint8_t offset = byte < 0x7F ? 0x40 : 0x62;
    if (!((byte >= 0x40 && byte <= 0x7E) || (byte >= 0xA1 && byte <= 0xFE))) return sg_null;
    size_t pointer = (size_t)(lead - 0x81) * 157 + (byte - offset);
    switch (pointer) {
    case sg_big5_special_1: *second = 0x0304; return 0x00CA;
    case sg_big5_special_2: *second = 0x030C; return 0x00CA;
    case sg_big5_special_3: *second = 0x0304; return 0x00EA;
    case sg_big5_special_4: *second = 0x030C; return 0x00EA;
    default: return index[pointer];
    }
  }
  case sg_two_byte_euc_kr:
    if (byte < 0x41 || byte > 0xFE) return sg_null;
    return index[(size_t)(lead - 0x81) * 190 + (byte - 0x41)];
  case sg_two_byte_shift_jis: {
    uint8_t offset = byte < 0x7F ? 0x40 : 0x41;
    uint8_t lead_offset = lead < 0xA0 ? 0x81 : 0xC1;
    if (!((byte >= 0x40 && byte <= 0x7E) || (byte >= 0x80 && byte <= 0xFC))) return sg_null;
    size_t pointer = (size_t)(lead - lead_offset) * 188 + (byte - offset);
    if (pointer >= 8836 && pointer <= 10715) return 0xE000 - 8836 + (uint32_t)pointer;
    return index[pointer];
  }
  }
  return sg_null;
}

static int sg_is_lead(sg_two_byte_kind kind, uint8_t byte) {
  if (kind == sg_two_byte_shift_jis) return (byte >= 0x81 && byte <= 0x9F) || (byte >= 0xE0 && byte <= 0xFC);
  return byte >= 0x81 && byte <= 0xFE;
}

long sg_two_byte_decode(sg_two_byte_kind kind, const uint32_t *index, uint8_t *lead, const uint8_t *bytes,
                        size_t length, int flush, int fatal, uint16_t *output) {
  size_t written = 0;
  for (size_t position = 0; position < length; position++) {
    uint8_t byte = bytes[position];
    if (*lead != 0) {
      uint8_t pending = *lead;
      *lead = 0;
      uint32_t second;
      uint32_t code_point = sg_lookup(kind, index, pending, byte, &second);
      if (code_point != sg_null) {
        written = sg_put(output, written, code_point);
        if (second != sg_null) written = sg_put(output, written, second);
        continue;
      }
      if (fatal) return -1;
      output[written++] = 0xFFFD;
      // An ASCII byte after a lead is read again on its own; any other byte is consumed.
      if (byte >= 0x80) continue;
    }
    if (byte < 0x80 || (kind == sg_two_byte_shift_jis && byte == 0x80)) {
      output[written++] = byte;
    } else if (kind == sg_two_byte_shift_jis && byte >= 0xA1 && byte <= 0xDF) {
      output[written++] = (uint16_t)(0xFF61 - 0xA1 + byte);
    } else if (sg_is_lead(kind, byte)) {
      *lead = byte;
    } else {
      if (fatal) return -1;
      output[written++] = 0xFFFD;
    }
  }
  if (flush && *lead != 0) {
    *lead = 0;
    if (fatal) return -1;
    output[written++] = 0xFFFD;
  }
  return (long)written;
}
