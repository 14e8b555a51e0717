// Encoding Standard decoders and UTS #46 over ICU. gb18030/gbk and UTF-16 stream through ICU
// converters; Big5, EUC-KR, Shift_JIS, EUC-JP and ISO-2022-JP run the standard's algorithms over
// indexes read from ICU (two_byte_decoder.c, jis_decoders.c); single-byte encodings decode through a 128-entry
// table taken from ICU once per decoder and patched where ICU's tables differ from the
// standard's indexes.
#include "snapgen_icu.h"
#include "jis_decoders.h"
#include "two_byte_decoder.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/ucnv.h>
#include <unicode/ucnv_cb.h>
#include <unicode/ucnv_err.h>

enum { sg_no_code_point = 0xFFFFFFFFu };

/// Multi-byte encodings whose ICU converter needs a patch to match the standard.
typedef enum { sg_plain, sg_gb18030 } sg_variant;

struct sg_text_decoder {
  UConverter *converter;      // ICU-streamed encodings, else NULL
  const uint32_t *two_byte;   // Big5, EUC-KR, Shift_JIS: the index, else NULL
  sg_two_byte_kind two_byte_kind;
  uint8_t lead;               // the two-byte decoders' pending lead byte
  int jis;                    // 1: EUC-JP, 2: ISO-2022-JP, else 0
  sg_jis_state jis_state;
  uint32_t table[128];        // bytes 0x80–0xFF of a single-byte encoding
  int fatal;
  sg_variant variant;
};

/// One difference between ICU's table and the Encoding Standard's index (code point
/// sg_no_code_point: the byte is an error).
typedef struct {
  uint8_t byte;
  uint32_t code_point;
} sg_patch;

typedef struct {
  const char *name;       // the Encoding Standard's name
  const char *icu_name;   // NULL: the table is Latin-1 plus `patches`
  const sg_patch *patches;
  size_t patch_count;
} sg_single_byte;

// ISO-8859-16 (index-iso-8859-16): ICU ships no converter for it; it differs from Latin-1 here.
static const sg_patch iso_8859_16[] = {
  {0xA1, 0x0104}, {0xA2, 0x0105}, {0xA3, 0x0141}, {0xA4, 0x20AC}, {0xA5, 0x201E}, {0xA6, 0x0160},
  {0xA8, 0x0161}, {0xAA, 0x0218}, {0xAC, 0x0179}, {0xAE, 0x017A}, {0xAF, 0x017B}, {0xB2, 0x010C},
  {0xB3, 0x0142}, {0xB4, 0x017D}, {0xB5, 0x201D}, {0xB8, 0x017E}, {0xB9, 0x010D}, {0xBA, 0x0219},
  {0xBC, 0x0152}, {0xBD, 0x0153}, {0xBE, 0x0178}, {0xBF, 0x017C}, {0xC3, 0x0102}, {0xC5, 0x0106},
  {0xD0, 0x0110}, {0xD1, 0x0143}, {0xD5, 0x0150}, {0xD7, 0x015A}, {0xD8, 0x0170}, {0xDD, 0x0118},
  {0xDE, 0x021A}, {0xE3, 0x0103}, {0xE5, 0x0107}, {0xF0, 0x0111}, {0xF1, 0x0144}, {0xF5, 0x0151},
  {0xF7, 0x015B}, {0xF8, 0x0171}, {0xFD, 0x0119}, {0xFE, 0x021B},
};
// KOI8-U in the standard is KOI8-RU for these two bytes.
static const sg_patch koi8_u[] = {{0xAE, 0x045E}, {0xBE, 0x040E}};
#include "single_byte_patches.h"

#define SG_PATCHES(array) array, sizeof(array) / sizeof(array[0])
static const sg_single_byte single_byte_encodings[] = {
  {"ibm866", "ibm-866_P100-1995", SG_PATCHES(ibm866)},
  {"iso-8859-2", "ibm-912_P100-1995", SG_PATCHES(iso_8859_2)},
  {"iso-8859-3", "ibm-913_P100-2000", SG_PATCHES(iso_8859_3)},
  {"iso-8859-4", "ibm-914_P100-1995", SG_PATCHES(iso_8859_4)},
  {"iso-8859-5", "ibm-915_P100-1995", SG_PATCHES(iso_8859_5)},
  {"iso-8859-6", "ibm-1089_P100-1995", SG_PATCHES(iso_8859_6)},
  {"iso-8859-7", "ibm-9005_X110-2007", SG_PATCHES(iso_8859_7)},
  {"iso-8859-8", "ibm-5012_P100-1999", SG_PATCHES(iso_8859_8)},
  {"iso-8859-8-i", "ibm-5012_P100-1999", SG_PATCHES(iso_8859_8)},
  {"iso-8859-10", "iso-8859_10-1998", SG_PATCHES(iso_8859_10)},
  {"iso-8859-13", "ibm-921_P100-1995", SG_PATCHES(iso_8859_13)},
  {"iso-8859-14", "iso-8859_14-1998", SG_PATCHES(iso_8859_14)},
  {"iso-8859-15", "ibm-923_P100-1998", SG_PATCHES(iso_8859_15)},
  {"iso-8859-16", NULL, SG_PATCHES(iso_8859_16)},
  {"koi8-r", "ibm-878_P100-1996", SG_PATCHES(koi8_r)},
  {"koi8-u", "ibm-1168_P100-2002", SG_PATCHES(koi8_u)},
  {"macintosh", "macos-0_2-10.2", SG_PATCHES(macintosh)},
  {"windows-874", "windows-874-2000", SG_PATCHES(windows_874)},
  {"windows-1250", "ibm-5346_P100-1998", SG_PATCHES(windows_1250)},
  {"windows-1251", "ibm-5347_P100-1998", SG_PATCHES(windows_1251)},
  {"windows-1252", "ibm-5348_P100-1997", SG_PATCHES(windows_1252)},
  {"windows-1253", "ibm-5349_P100-1998", SG_PATCHES(windows_1253)},
  {"windows-1254", "ibm-5350_P100-1998", SG_PATCHES(windows_1254)},
  {"windows-1255", "ibm-9447_P100-2002", SG_PATCHES(windows_1255)},
  {"windows-1256", "ibm-9448_X100-2005", SG_PATCHES(windows_1256)},
  {"windows-1257", "ibm-9449_P100-2002", SG_PATCHES(windows_1257)},
  {"windows-1258", "ibm-5354_P100-1998", SG_PATCHES(windows_1258)},
  {"x-mac-cyrillic", "macos-7_3-10.2", SG_PATCHES(x_mac_cyrillic)},
};

typedef struct {
  const char *name;
  const char *icu_name;
  sg_variant variant;
} sg_multi_byte;

// gbk decodes exactly as gb18030 in the standard.
static const sg_multi_byte multi_byte_encodings[] = {
  {"gbk", "gb18030", sg_gb18030},
  {"gb18030", "gb18030", sg_gb18030},
  {"utf-16le", "UTF-16LE", sg_plain},
  {"utf-16be", "UTF-16BE", sg_plain},
};

/// ICU's error callback: gb18030's lone byte 0x80, which the standard maps to U+20AC and ICU
/// does not, is written as U+20AC; any other error is one U+FFFD, or stops the conversion in
/// fatal mode (the error code is left set).
static void sg_on_error(const void *context, UConverterToUnicodeArgs *args, const char *units, int32_t length,
                        UConverterCallbackReason reason, UErrorCode *error) {
  const sg_text_decoder *decoder = context;
  if (reason > UCNV_IRREGULAR) return;
  UChar replacement = 0xFFFD;
  int patched = 0;
  if (length == 1 && (uint8_t)units[0] == 0x80 && decoder->variant == sg_gb18030) {
    replacement = 0x20AC;
    patched = 1;
  }
  if (decoder->fatal && !patched) return;
  *error = U_ZERO_ERROR;
  ucnv_cbToUWriteUChars(args, &replacement, 1, 0, error);
}

/// gb18030: ICU 72 has GB18030-2005's mappings; the standard's index follows GB18030-2022,
/// which moved these 18 two-byte codes from the Private Use Area to the characters they stand
/// for. Each of these PUA code points comes from exactly one two-byte code, so this is exact.
static const UChar gb18030_2022[][2] = {
  {0xE78D, 0xFE10}, {0xE78E, 0xFE12}, {0xE78F, 0xFE11}, {0xE790, 0xFE13}, {0xE791, 0xFE14}, {0xE792, 0xFE15},
  {0xE793, 0xFE16}, {0xE794, 0xFE17}, {0xE795, 0xFE18}, {0xE796, 0xFE19}, {0xE81E, 0x9FB4}, {0xE826, 0x9FB5},
  {0xE82B, 0x9FB6}, {0xE82C, 0x9FB7}, {0xE832, 0x9FB8}, {0xE843, 0x9FB9}, {0xE854, 0x9FBA}, {0xE864, 0x9FBB},
};

static void sg_gb18030_2022(UChar *buffer, size_t used) {
  for (size_t index = 0; index < used; index++) {
    UChar unit = buffer[index];
    if (unit < 0xE78D || unit > 0xE864) continue;
    for (size_t entry = 0; entry < sizeof(gb18030_2022) / sizeof(gb18030_2022[0]); entry++) {
      if (gb18030_2022[entry][0] == unit) buffer[index] = gb18030_2022[entry][1];
    }
  }
}

/// Decodes one byte with ICU; sg_no_code_point when ICU has no single mapping for it.
static uint32_t sg_icu_byte(UConverter *converter, uint8_t byte) {
  UChar units[4];
  UErrorCode error = U_ZERO_ERROR;
  ucnv_resetToUnicode(converter);
  int32_t count = ucnv_toUChars(converter, units, 4, (const char *)&byte, 1, &error);
  if (U_FAILURE(error) || count != 1 || units[0] == 0xFFFD || units[0] == 0x1A) return sg_no_code_point;
  return units[0];
}

static int sg_fill_table(sg_text_decoder *decoder, const sg_single_byte *encoding) {
  for (int index = 0; index < 128; index++) decoder->table[index] = (uint32_t)(0x80 + index);
  if (encoding->icu_name != NULL) {
    UErrorCode error = U_ZERO_ERROR;
    UConverter *converter = ucnv_open(encoding->icu_name, &error);
    if (U_FAILURE(error)) return 0;
    ucnv_setToUCallBack(converter, UCNV_TO_U_CALLBACK_STOP, NULL, NULL, NULL, &error);
    for (int index = 0; index < 128; index++) {
      uint32_t code_point = sg_icu_byte(converter, (uint8_t)(0x80 + index));
      // The standard's indexes give the C1 controls where a Windows code page has a hole.
      if (code_point == sg_no_code_point && index < 0x20) code_point = (uint32_t)(0x80 + index);
      decoder->table[index] = code_point;
    }
    ucnv_close(converter);
  }
  for (size_t index = 0; index < encoding->patch_count; index++) {
    if (encoding->patches[index].byte < 0x80) continue;  // SG_NONE: no patch
    decoder->table[encoding->patches[index].byte - 0x80] = encoding->patches[index].code_point;
  }
  return 1;
}

sg_text_decoder *sg_text_decoder_open(const char *name, int fatal) {
  sg_text_decoder *decoder = calloc(1, sizeof(sg_text_decoder));
  if (decoder == NULL) return NULL;
  decoder->fatal = fatal != 0;
  for (size_t index = 0; index < sizeof(single_byte_encodings) / sizeof(single_byte_encodings[0]); index++) {
    if (strcmp(name, single_byte_encodings[index].name) != 0) continue;
    if (sg_fill_table(decoder, &single_byte_encodings[index])) return decoder;
    free(decoder);
    return NULL;
  }
  static const struct {
    const char *name;
    sg_two_byte_kind kind;
  } two_byte_encodings[] = {{"big5", sg_two_byte_big5}, {"euc-kr", sg_two_byte_euc_kr}, {"shift_jis", sg_two_byte_shift_jis}};
  for (size_t index = 0; index < sizeof(two_byte_encodings) / sizeof(two_byte_encodings[0]); index++) {
    if (strcmp(name, two_byte_encodings[index].name) != 0) continue;
    decoder->two_byte_kind = two_byte_encodings[index].kind;
    decoder->two_byte = sg_two_byte_index(decoder->two_byte_kind);
    if (decoder->two_byte != NULL) return decoder;
    free(decoder);
    return NULL;
  }
  if (strcmp(name, "euc-jp") == 0 || strcmp(name, "iso-2022-jp") == 0) {
    decoder->jis = name[0] == 'e' ? 1 : 2;
    if (sg_jis_indexes_ready()) return decoder;
    free(decoder);
    return NULL;
  }
  for (size_t index = 0; index < sizeof(multi_byte_encodings) / sizeof(multi_byte_encodings[0]); index++) {
    if (strcmp(name, multi_byte_encodings[index].name) != 0) continue;
    UErrorCode error = U_ZERO_ERROR;
    decoder->converter = ucnv_open(multi_byte_encodings[index].icu_name, &error);
    if (U_FAILURE(error) || decoder->converter == NULL) break;
    decoder->variant = multi_byte_encodings[index].variant;
    ucnv_setToUCallBack(decoder->converter, sg_on_error, decoder, NULL, NULL, &error);
    if (U_FAILURE(error)) break;
    return decoder;
  }
  sg_text_decoder_close(decoder);
  return NULL;
}

static int sg_decode_table(sg_text_decoder *decoder, const uint8_t *bytes, size_t length, uint16_t **output,
                           size_t *output_length) {
  uint16_t *buffer = malloc((length > 0 ? length : 1) * sizeof(uint16_t));
  if (buffer == NULL) return -1;
  for (size_t index = 0; index < length; index++) {
    uint8_t byte = bytes[index];
    uint32_t code_point = byte < 0x80 ? byte : decoder->table[byte - 0x80];
    if (code_point == sg_no_code_point) {
      if (decoder->fatal) {
        free(buffer);
        return 1;
      }
      code_point = 0xFFFD;
    }
    buffer[index] = (uint16_t)code_point;
  }
  *output = buffer;
  *output_length = length;
  return 0;
}

static int sg_decode_two_byte(sg_text_decoder *decoder, const uint8_t *bytes, size_t length, int flush,
                              uint16_t **output, size_t *output_length) {
  uint16_t *buffer = malloc((length * 2 + 1) * sizeof(uint16_t));
  if (buffer == NULL) return -1;
  long written = sg_two_byte_decode(decoder->two_byte_kind, decoder->two_byte, &decoder->lead, bytes, length, flush,
                                    decoder->fatal, buffer);
  if (written < 0) {
    free(buffer);
    return 1;
  }
  *output = buffer;
  *output_length = (size_t)written;
  return 0;
}

static int sg_decode_jis(sg_text_decoder *decoder, const uint8_t *bytes, size_t length, int flush, uint16_t **output,
                         size_t *output_length) {
  uint16_t *buffer = malloc((length * 3 + 8) * sizeof(uint16_t));
  if (buffer == NULL) return -1;
  long written = decoder->jis == 1
    ? sg_euc_jp_decode(&decoder->jis_state, bytes, length, flush, decoder->fatal, buffer)
    : sg_iso_2022_jp_decode(&decoder->jis_state, bytes, length, flush, decoder->fatal, buffer);
  if (written < 0) {
    free(buffer);
    return 1;
  }
  *output = buffer;
  *output_length = (size_t)written;
  return 0;
}

int sg_text_decoder_decode(sg_text_decoder *decoder, const uint8_t *bytes, size_t length, int flush,
                           uint16_t **output, size_t *output_length) {
  *output = NULL;
  *output_length = 0;
  if (decoder->jis != 0) return sg_decode_jis(decoder, bytes, length, flush, output, output_length);
  if (decoder->two_byte != NULL) return sg_decode_two_byte(decoder, bytes, length, flush, output, output_length);
  if (decoder->converter == NULL) return sg_decode_table(decoder, bytes, length, output, output_length);
  // No encoding here yields more than two UTF-16 units per byte; the loop grows it anyway.
  size_t capacity = length * 2 + 16;
  size_t used = 0;
  UChar *buffer = malloc(capacity * sizeof(UChar));
  if (buffer == NULL) return -1;
  const char *source = (const char *)bytes;
  const char *source_end = source + length;
  for (;;) {
    UChar *target = buffer + used;
    UErrorCode error = U_ZERO_ERROR;
    ucnv_toUnicode(decoder->converter, &target, buffer + capacity, &source, source_end, NULL, flush != 0, &error);
    used = (size_t)(target - buffer);
    if (error == U_BUFFER_OVERFLOW_ERROR) {
      capacity *= 2;
      UChar *grown = realloc(buffer, capacity * sizeof(UChar));
      if (grown == NULL) {
        free(buffer);
        return -1;
      }
      buffer = grown;
      continue;
    }
    if (U_FAILURE(error)) {
      free(buffer);
      ucnv_resetToUnicode(decoder->converter);
      return error == U_MEMORY_ALLOCATION_ERROR ? -1 : 1;
    }
    break;
  }
  if (flush) ucnv_resetToUnicode(decoder->converter);
  if (decoder->variant == sg_gb18030) sg_gb18030_2022(buffer, used);
  *output = (uint16_t *)buffer;
  *output_length = used;
  return 0;
}

void sg_text_decoder_reset(sg_text_decoder *decoder) {
  decoder->lead = 0;
  memset(&decoder->jis_state, 0, sizeof(decoder->jis_state));
  if (decoder->converter != NULL) ucnv_resetToUnicode(decoder->converter);
}

void sg_text_decoder_close(sg_text_decoder *decoder) {
  if (decoder == NULL) return;
  if (decoder->converter != NULL) ucnv_close(decoder->converter);
  free(decoder);
}

void sg_text_decoder_free(uint16_t *buffer) { free(buffer); }
