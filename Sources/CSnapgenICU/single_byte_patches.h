// Where ICU's single-byte tables differ from the Encoding Standard's indexes (after the rule
// that a hole in 0x80–0x9F is the C1 control of the same value). Compared byte by byte against
// the standard's index tables; encodings with no entry agree with ICU.
#define SG_NONE {0x00, 0}
static const sg_patch ibm866[] = {SG_NONE};
static const sg_patch iso_8859_2[] = {SG_NONE};
static const sg_patch iso_8859_3[] = {SG_NONE};
static const sg_patch iso_8859_4[] = {SG_NONE};
static const sg_patch iso_8859_5[] = {SG_NONE};
static const sg_patch iso_8859_6[] = {SG_NONE};
static const sg_patch iso_8859_7[] = {SG_NONE};
static const sg_patch iso_8859_8[] = {SG_NONE};
static const sg_patch iso_8859_10[] = {SG_NONE};
static const sg_patch iso_8859_13[] = {SG_NONE};
static const sg_patch iso_8859_14[] = {SG_NONE};
static const sg_patch iso_8859_15[] = {SG_NONE};
static const sg_patch koi8_r[] = {SG_NONE};
static const sg_patch macintosh[] = {SG_NONE};
// ICU maps windows-874's eight unassigned bytes into the Private Use Area; the index has none.
static const sg_patch windows_874[] = {
  {0xDB, sg_no_code_point}, {0xDC, sg_no_code_point}, {0xDD, sg_no_code_point}, {0xDE, sg_no_code_point},
  {0xFC, sg_no_code_point}, {0xFD, sg_no_code_point}, {0xFE, sg_no_code_point}, {0xFF, sg_no_code_point},
};
static const sg_patch windows_1250[] = {SG_NONE};
static const sg_patch windows_1251[] = {SG_NONE};
static const sg_patch windows_1252[] = {SG_NONE};
// ICU maps 0xAA to U+00AA; index-windows-1253 leaves it unassigned.
static const sg_patch windows_1253[] = {{0xAA, sg_no_code_point}};
static const sg_patch windows_1254[] = {SG_NONE};
static const sg_patch windows_1255[] = {SG_NONE};
static const sg_patch windows_1256[] = {SG_NONE};
static const sg_patch windows_1257[] = {SG_NONE};
static const sg_patch windows_1258[] = {SG_NONE};
static const sg_patch x_mac_cyrillic[] = {SG_NONE};
