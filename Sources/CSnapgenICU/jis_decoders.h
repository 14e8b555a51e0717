// The Encoding Standard's EUC-JP and ISO-2022-JP decoders (§12.1.1, §12.2.1), streaming, over
// index-jis0208 (read from ICU's Shift_JIS converter, whose pointers are the same) and
// index-jis0212 (read from ICU's EUC-JP converter).
#ifndef SNAPGEN_JIS_DECODERS_H
#define SNAPGEN_JIS_DECODERS_H

#include <stddef.h>
#include <stdint.h>

/// A JIS decoder's state between calls.
typedef struct {
  uint8_t lead;
  uint8_t jis0212;          // EUC-JP: the lead was preceded by 0x8F
  uint8_t state;            // ISO-2022-JP decoder state
  uint8_t output_state;     // ISO-2022-JP output state
  uint8_t output_flag;
} sg_jis_state;

/// Loads the indexes (once per process); 0 when ICU lacks a converter or memory ran out.
int sg_jis_indexes_ready(void);

/// Decodes `length` bytes; at most 3 × length + 8 UTF-16 units go to `output`. Returns how many,
/// or -1 for malformed input when `fatal` (the state is then reset).
long sg_euc_jp_decode(sg_jis_state *state, const uint8_t *bytes, size_t length, int flush, int fatal, uint16_t *output);
long sg_iso_2022_jp_decode(sg_jis_state *state, const uint8_t *bytes, size_t length, int flush, int fatal,
                           uint16_t *output);

#endif
