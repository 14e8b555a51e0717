#include "jis_decoders.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/ucnv.h>

#include "two_byte_decoder.h"

enum { sg_null = 0xFFFFFFFFu, sg_jis0212_count = 94 * 94 };

static pthread_once_t jis0212_once = PTHREAD_ONCE_INIT;
static uint32_t *jis0212;

static void sg_build_jis0212(void) {
  UErrorCode error = U_ZERO_ERROR;
  UConverter *converter = ucnv_open("euc-jp-2007", &error);
  if (U_FAILURE(error)) return;
  ucnv_setToUCallBack(converter, UCNV_TO_U_CALLBACK_STOP, NULL, NULL, NULL, &error);
  uint32_t *index = malloc(sg_jis0212_count * sizeof(uint32_t));
  if (index == NULL || U_FAILURE(error)) {
    free(index);
    ucnv_close(converter);
    return;
  }
  for (size_t pointer = 0; pointer < sg_jis0212_count; pointer++) {
    const char bytes[3] = {(char)0x8F, (char)(pointer / 94 + 0xA1), (char)(pointer % 94 + 0xA1)};
    UChar units[4];
    error = U_ZERO_ERROR;
    ucnv_resetToUnicode(converter);
    int32_t count = ucnv_toUChars(converter, units, 4, bytes, 3, &error);
    uint32_t code_point = sg_null;
    if (U_SUCCESS(error) && count == 1 && units[0] >= 0x80 && !(units[0] >= 0xD800 && units[0] <= 0xF8FF)) {
      code_point = units[0];
    }
    index[pointer] = code_point;
  }
  ucnv_close(converter);
  jis0212 = index;
}

int sg_jis_indexes_ready(void) {
  pthread_once(&jis0212_once, sg_build_jis0212);
  return jis0212 != NULL && sg_two_byte_index(sg_two_byte_shift_jis) != NULL;
}

/// index-jis0208 is Shift_JIS's index: both number a code by row × 94 + cell. Shift_JIS's
/// user-defined rows (pointers 8836 and up) are not part of it.
static uint32_t sg_jis0208(size_t pointer) {
  if (pointer >= 8836) return sg_null;
  return sg_two_byte_index(sg_two_byte_shift_jis)[pointer];
}

long sg_euc_jp_decode(sg_jis_state *state, const uint8_t *bytes, size_t length, int flush, int fatal, uint16_t *output) {
  size_t written = 0;
  for (size_t position = 0; position < length; position++) {
    uint8_t byte = bytes[position];
    if (state->lead != 0) {
      uint8_t lead = state->lead;
      state->lead = 0;
      if (lead == 0x8E && byte >= 0xA1 && byte <= 0xDF) {
        output[written++] = (uint16_t)(0xFF61 - 0xA1 + byte);
        continue;
      }
      if (lead == 0x8F && byte >= 0xA1 && byte <= 0xFE) {
        state->jis0212 = 1;
        state->lead = byte;
        continue;
      }
      uint32_t code_point = sg_null;
      if (lead >= 0xA1 && lead <= 0xFE && byte >= 0xA1 && byte <= 0xFE) {
        size_t pointer = (size_t)(lead - 0xA1) * 94 + (byte - 0xA1);
        code_point = state->jis0212 ? jis0212[pointer] : sg_jis0208(pointer);
      }
      state->jis0212 = 0;
      if (code_point != sg_null) {
        output[written++] = (uint16_t)code_point;
        continue;
      }
      if (fatal) {
        memset(state, 0, sizeof(*state));
        return -1;
      }
      output[written++] = 0xFFFD;
      if (byte >= 0x80) continue;  // an ASCII byte is read again
    }
    if (byte < 0x80) {
      output[written++] = byte;
    } else if (byte == 0x8E || byte == 0x8F || (byte >= 0xA1 && byte <= 0xFE)) {
      state->lead = byte;
    } else {
      if (fatal) {
        memset(state, 0, sizeof(*state));
        return -1;
      }
      output[written++] = 0xFFFD;
    }
  }
  if (flush) {
    int pending = state->lead != 0;
    memset(state, 0, sizeof(*state));
    if (pending) {
      if (fatal) return -1;
      output[written++] = 0xFFFD;
    }
  }
  return (long)written;
}

enum { sg_ascii, sg_roman, sg_katakana, sg_lead_byte, sg_trail_byte, sg_escape_start, sg_escape };
enum { sg_end = 0x100 };  // end-of-queue, as a "byte"

/// One step of the ISO-2022-JP decoder. Returns a code point, -1 for continue, -2 for error;
/// bytes to read again go to `back` (in order) with their count in `*back_count`.
static long sg_iso_2022_jp_step(sg_jis_state *state, int byte, int back[2], int *back_count) {
  switch (state->state) {
  case sg_ascii:
  case sg_roman:
  case sg_katakana:
  case sg_lead_byte:
    if (byte == 0x1B) {
      state->state = sg_escape_start;
      return -1;
    }
    if (byte == sg_end) return -1;
    state->output_flag = 0;
    switch (state->state) {
    case sg_ascii:
      return byte <= 0x7F && byte != 0x0E && byte != 0x0F ? byte : -2;
    case sg_roman:
      if (byte == 0x5C) return 0x00A5;
      if (byte == 0x7E) return 0x203E;
      return byte <= 0x7F && byte != 0x0E && byte != 0x0F ? byte : -2;
    case sg_katakana:
      return byte >= 0x21 && byte <= 0x5F ? 0xFF61 - 0x21 + byte : -2;
    default:
      if (byte >= 0x21 && byte <= 0x7E) {
        state->lead = (uint8_t)byte;
        state->state = sg_trail_byte;
        return -1;
      }
      return -2;
    }
  case sg_trail_byte:
    if (byte == 0x1B) {
      state->state = sg_escape_start;
      return -2;
    }
    state->state = sg_lead_byte;
    if (byte >= 0x21 && byte <= 0x7E) {
      uint32_t code_point = sg_jis0208((size_t)(state->lead - 0x21) * 94 + (size_t)(byte - 0x21));
      return code_point == sg_null ? -2 : (long)code_point;
    }
    if (byte == sg_end) back[(*back_count)++] = sg_end;
    return -2;
  case sg_escape_start:
    if (byte == 0x24 || byte == 0x28) {
      state->lead = (uint8_t)byte;
      state->state = sg_escape;
      return -1;
    }
    back[(*back_count)++] = byte;
    state->output_flag = 0;
    state->state = state->output_state;
    return -2;
  default: {  // escape
    uint8_t lead = state->lead;
    state->lead = 0;
    int next = -1;
    if (lead == 0x28 && byte == 0x42) next = sg_ascii;
    else if (lead == 0x28 && byte == 0x4A) next = sg_roman;
    else if (lead == 0x28 && byte == 0x49) next = sg_katakana;
    else if (lead == 0x24 && (byte == 0x40 || byte == 0x42)) next = sg_lead_byte;
    if (next >= 0) {
      state->state = state->output_state = (uint8_t)next;
      int had_output_flag = state->output_flag;
      state->output_flag = 1;
      return had_output_flag ? -2 : -1;
    }
    back[(*back_count)++] = lead;
    back[(*back_count)++] = byte;
    state->output_flag = 0;
    state->state = state->output_state;
    return -2;
  }
  }
}

long sg_iso_2022_jp_decode(sg_jis_state *state, const uint8_t *bytes, size_t length, int flush, int fatal,
                           uint16_t *output) {
  size_t written = 0;
  size_t position = 0;
  int queue[4];
  int queued = 0;
  for (;;) {
    int byte;
    if (queued > 0) {
      byte = queue[0];
      memmove(queue, queue + 1, (size_t)(queued - 1) * sizeof(int));
      queued--;
    } else if (position < length) {
      byte = bytes[position++];
    } else if (flush) {
      byte = sg_end;
      flush = 0;
    } else {
      break;
    }
    int back[2];
    int back_count = 0;
    long result = sg_iso_2022_jp_step(state, byte, back, &back_count);
    // Bytes read again come before whatever is still queued.
    if (back_count > 0) {
      memmove(queue + back_count, queue, (size_t)queued * sizeof(int));
      memcpy(queue, back, (size_t)back_count * sizeof(int));
      queued += back_count;
    }
    if (result == -2) {
      if (fatal) {
        memset(state, 0, sizeof(*state));
        return -1;
      }
      output[written++] = 0xFFFD;
    } else if (result >= 0) {
      output[written++] = (uint16_t)result;
    }
    if (byte == sg_end && queued == 0) {
      memset(state, 0, sizeof(*state));
      break;
    }
  }
  return (long)written;
}
