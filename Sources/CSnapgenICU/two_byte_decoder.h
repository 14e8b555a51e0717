// The Encoding Standard's Big5, EUC-KR and Shift_JIS decoders (§11.1.1, §13.1.1, §12.3.1) over
// index tables read from ICU's converters once per process. ICU's own converters resynchronise
// after malformed input differently from the standard (they re-read a non-ASCII trail byte as a
// new lead, and map user-defined areas into the Private Use Area), so only their mappings are used.
#ifndef SNAPGEN_TWO_BYTE_DECODER_H
#define SNAPGEN_TWO_BYTE_DECODER_H

#include <stddef.h>
#include <stdint.h>

typedef enum { sg_two_byte_big5, sg_two_byte_euc_kr, sg_two_byte_shift_jis } sg_two_byte_kind;

/// The index of `kind` (built on first use; NULL when ICU lacks the converter or memory ran out).
const uint32_t *sg_two_byte_index(sg_two_byte_kind kind);

/// Decodes `length` bytes with the standard's algorithm, carrying a pending lead byte in `*lead`
/// (0: none) across calls. Writes at most 2 × length + 1 UTF-16 units to `output` and returns
/// how many, or -1 for malformed input when `fatal` (then `*lead` is 0).
long sg_two_byte_decode(sg_two_byte_kind kind, const uint32_t *index, uint8_t *lead, const uint8_t *bytes,
                        size_t length, int flush, int fatal, uint16_t *output);

#endif
