#ifndef SNAPGEN_ICU_H
#define SNAPGEN_ICU_H

// Plain C entry points over Debian's ICU (libicuuc), so Swift never imports ICU's own headers
// (Foundation's private ICU module defines the same C enums differently).

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// A streaming decoder for one encoding of the Encoding Standard.
typedef struct sg_text_decoder sg_text_decoder;

/// Opens a decoder for `name`, an encoding name of the Encoding Standard (lower case, e.g.
/// "windows-1252", "shift_jis", "utf-16le"). Returns NULL when ICU has no converter for it.
/// With `fatal` non-zero, malformed input makes `sg_text_decoder_decode` fail instead of
/// producing U+FFFD.
sg_text_decoder *sg_text_decoder_open(const char *name, int fatal);

/// Decodes `length` bytes. Bytes of an incomplete sequence are kept for the next call unless
/// `flush` is non-zero (the end of the stream), when they become an error. On success stores a
/// malloc'd UTF-16 buffer in `*output` (free with `sg_text_decoder_free`), its length in
/// `*output_length`, and returns 0. Returns 1 for malformed input in fatal mode (the decoder
/// is reset), -1 when memory runs out. After a flush the decoder starts a new stream.
int sg_text_decoder_decode(sg_text_decoder *decoder, const uint8_t *bytes, size_t length, int flush,
                           uint16_t **output, size_t *output_length);

/// Forgets any partial sequence: the next call starts a new stream.
void sg_text_decoder_reset(sg_text_decoder *decoder);

/// Frees a decoder (NULL is allowed).
void sg_text_decoder_close(sg_text_decoder *decoder);

/// Frees a buffer returned by `sg_text_decoder_decode`.
void sg_text_decoder_free(uint16_t *buffer);

/// UTS #46 ToASCII with the options of the URL Standard's "domain to ASCII" (CheckHyphens
/// false, CheckBidi and CheckJoiners true, nontransitional, VerifyDnsLength = be_strict,
/// UseSTD3ASCIIRules = be_strict). `input` is UTF-8. On success writes a malloc'd UTF-8 result
/// to `*output` (free with `free`), its length to `*output_length` and returns 0; returns 1
/// when the domain is invalid and -1 when ICU fails.
int sg_domain_to_ascii(const char *input, size_t length, int be_strict, char **output, size_t *output_length);

#ifdef __cplusplus
}
#endif

#endif
