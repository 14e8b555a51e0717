// TextDecoder for the encodings of the Encoding Standard other than UTF-8: labels (§4.2), the
// single-byte indexes (§9), the legacy multi-byte decoders (§10–§13), UTF-16 (§14.3),
// x-user-defined (§14.5), with fatal mode, BOM handling and streaming.
import { assertEquals, assertThrows, test } from "./harness.js";

const decode = (label, bytes, options) => new TextDecoder(label, options).decode(Uint8Array.from(bytes));
const codePoints = (text) => Array.from(text, (c) => c.codePointAt(0));

// Every encoding name with one of its other labels (Encoding Standard §4.2).
const names = [
  ["ibm866", "cp866"], ["iso-8859-2", "latin2"], ["iso-8859-3", "l3"], ["iso-8859-4", "iso_8859-4:1988"],
  ["iso-8859-5", "cyrillic"], ["iso-8859-6", "asmo-708"], ["iso-8859-7", "sun_eu_greek"], ["iso-8859-8", "visual"],
  ["iso-8859-8-i", "logical"], ["iso-8859-10", "latin6"], ["iso-8859-13", "iso885913"], ["iso-8859-14", "iso8859-14"],
  ["iso-8859-15", "l9"], ["iso-8859-16", "iso-8859-16"], ["koi8-r", "koi"], ["koi8-u", "koi8-ru"], ["macintosh", "mac"],
  ["windows-874", "tis-620"], ["windows-1250", "x-cp1250"], ["windows-1251", "cp1251"], ["windows-1252", "us-ascii"],
  ["windows-1253", "cp1253"], ["windows-1254", "latin5"], ["windows-1255", "cp1255"], ["windows-1256", "cp1256"],
  ["windows-1257", "cp1257"], ["windows-1258", "cp1258"], ["x-mac-cyrillic", "x-mac-ukrainian"], ["gbk", "gb2312"],
  ["gb18030", "gb18030"], ["big5", "big5-hkscs"], ["euc-jp", "x-euc-jp"], ["iso-2022-jp", "csiso2022jp"],
  ["shift_jis", "windows-31j"], ["euc-kr", "windows-949"], ["utf-16be", "unicodefffe"], ["utf-16le", "utf-16"],
  ["x-user-defined", "x-user-defined"],
];

test("TextDecoder: every encoding of the standard, by name and by label", () => {
  for (const [name, label] of names) {
    assertEquals(new TextDecoder(name).encoding, name, name);
    assertEquals(new TextDecoder(` \t${label.toUpperCase()}\n`).encoding, name, label);
  }
  // iso-8859-1 and ascii are windows-1252 in the standard; "replacement" labels are refused.
  assertEquals(new TextDecoder("ISO-8859-1").encoding, "windows-1252");
  assertEquals(new TextDecoder("ascii").encoding, "windows-1252");
  for (const label of ["replacement", "iso-2022-cn", "csiso2022kr"]) assertThrows(() => new TextDecoder(label), RangeError);
});

test("TextDecoder: ASCII bytes decode as themselves in every ASCII-compatible encoding", () => {
  const ascii = Array.from({ length: 0x7f }, (_, i) => i + 1).filter((b) => b !== 0x1b && b !== 0x0e && b !== 0x0f);
  const expected = String.fromCharCode(...ascii);
  for (const [name] of names) {
    if (name.startsWith("utf-16")) continue;
    assertEquals(decode(name, ascii), expected, name);
  }
});

test("TextDecoder: single-byte indexes", () => {
  // Points of index-windows-1252, index-iso-8859-16, index-koi8-u, index-ibm866, index-windows-1251.
  assertEquals(codePoints(decode("windows-1252", [0x80, 0x81, 0x8d, 0x9f, 0xa0, 0xff])), [0x20ac, 0x81, 0x8d, 0x178, 0xa0, 0xff]);
  assertEquals(codePoints(decode("iso-8859-16", [0xa4, 0xaa, 0xde, 0xfe])), [0x20ac, 0x218, 0x21a, 0x21b]);
  assertEquals(codePoints(decode("koi8-u", [0xa4, 0xae, 0xbe, 0xc1])), [0x454, 0x45e, 0x40e, 0x430]);
  assertEquals(codePoints(decode("ibm866", [0x80, 0xb0, 0xf0, 0xff])), [0x410, 0x2591, 0x401, 0xa0]);
  assertEquals(codePoints(decode("windows-1251", [0xc0, 0xff, 0x88])), [0x410, 0x44f, 0x20ac]);
  assertEquals(codePoints(decode("iso-8859-8", [0xe0, 0xfd, 0xfe])), [0x5d0, 0x200e, 0x200f]);
  assertEquals(codePoints(decode("macintosh", [0x80, 0xdb])), [0xc4, 0x20ac]);
});

test("TextDecoder: unassigned single-byte pointers are errors", () => {
  // index-windows-874 has no 0xDB–0xDE or 0xFC–0xFF; index-windows-1253 no 0xAA; iso-8859-3 no 0xA5.
  for (const [label, byte] of [["windows-874", 0xdb], ["windows-874", 0xff], ["windows-1253", 0xaa], ["iso-8859-3", 0xa5], ["iso-8859-6", 0xa1]]) {
    assertEquals(decode(label, [0x41, byte, 0x42]), "A\uFFFDB", `${label} ${byte}`);
    assertThrows(() => decode(label, [byte], { fatal: true }), TypeError);
  }
});

test("TextDecoder: gb18030 and gbk", () => {
  assertEquals(decode("gbk", [0xc4, 0xe3, 0xba, 0xc3]), "你好");
  assertEquals(decode("gb18030", [0x80]), "\u20ac"); // the gb18030 decoder's single-byte 0x80
  assertEquals(decode("gbk", [0x80]), "\u20ac");
  assertEquals(decode("gb18030", [0x81, 0x30, 0x81, 0x30]), "\u0080"); // four-byte range
  assertEquals(decode("gb18030", [0x90, 0x30, 0x81, 0x30]), "\u{10000}");
  assertEquals(decode("gb18030", [0xff]), "\uFFFD");
  // GB18030-2022 (the standard's index): these two-byte codes are characters, not private use.
  assertEquals(decode("gb18030", [0xa6, 0xd9, 0xa6, 0xf3, 0xfe, 0x59, 0xfe, 0xa0]), "\ufe10\ufe19\u9fb4\u9fbb");
  // A bad third byte of a four-byte sequence: error, then the second byte and the bad byte again.
  assertEquals(decode("gb18030", [0x81, 0x30, 0xff]), "\uFFFD0\uFFFD");
  assertThrows(() => decode("gb18030", [0xff], { fatal: true }), TypeError);
});

test("TextDecoder: big5 (with HKSCS and its two-code-point pointers)", () => {
  assertEquals(decode("big5", [0xa4, 0x40]), "一");
  assertEquals(decode("big5", [0x88, 0x62, 0x88, 0x64]), "\u00ca\u0304\u00ca\u030c");
  assertEquals(decode("big5", [0x88, 0xa3, 0x88, 0xa5]), "\u00ea\u0304\u00ea\u030c");
  assertEquals(decode("big5", [0xa4]), "\uFFFD");
  assertEquals(decode("big5", [0xf9, 0xfe]), "\uffed");
  // A bad trail byte: an ASCII one is read again, any other is consumed with the lead.
  assertEquals(decode("big5", [0x81, 0x81, 0x41]), "\uFFFDA");
  assertEquals(decode("big5", [0x81, 0xa0, 0x41]), "\uFFFDA");
  assertEquals(decode("big5", [0x85, 0x40]), "\uFFFD@");
  // 0x80 and 0xFF are never leads; the user-defined area is not mapped.
  assertEquals(decode("big5", [0x80, 0xff]), "\uFFFD\uFFFD");
  assertEquals(decode("big5", [0x81, 0x40]), "\uFFFD@");
});

test("TextDecoder: Japanese and Korean encodings", () => {
  assertEquals(decode("shift_jis", [0x82, 0xa0, 0x83, 0x41]), "あア");
  assertEquals(decode("shift_jis", [0x80, 0xa1, 0xdf]), "\u0080\uff61\uff9f");
  assertEquals(decode("euc-jp", [0xa4, 0xa2, 0x8e, 0xb1]), "あｱ");
  assertEquals(decode("iso-2022-jp", [0x1b, 0x24, 0x42, 0x24, 0x22, 0x1b, 0x28, 0x42, 0x41]), "あA");
  assertEquals(decode("euc-kr", [0xb0, 0xa1, 0x81, 0x41]), "가갂");
  assertThrows(() => decode("euc-kr", [0xb0], { fatal: true }), TypeError);
  assertEquals(decode("euc-kr", [0xb0]), "\uFFFD");
  assertEquals(decode("euc-kr", [0x81, 0xff, 0x41]), "\uFFFDA");
  assertEquals(decode("euc-kr", [0x80, 0xff]), "\uFFFD\uFFFD");
  assertEquals(decode("euc-kr", [0xa1, 0x30]), "\uFFFD0");
  assertEquals(decode("shift_jis", [0x81, 0xfd, 0x41]), "\uFFFDA");
  assertEquals(decode("shift_jis", [0x81, 0x7f]), "\uFFFD\u007f");
  assertEquals(decode("shift_jis", [0x82, 0x40]), "\uFFFD@");
  assertEquals(decode("shift_jis", [0xf0, 0x40]), "\ue000"); // the user-defined area
  assertEquals(decode("shift_jis", [0xa0, 0xfd]), "\uFFFD\uFFFD");
  assertThrows(() => decode("shift_jis", [0x81, 0xfd], { fatal: true }), TypeError);
  assertThrows(() => decode("big5", [0x81], { fatal: true }), TypeError);
});

test("TextDecoder: EUC-JP (JIS X 0208, JIS X 0212, half-width katakana)", () => {
  assertEquals(decode("euc-jp", [0x8f, 0xb0, 0xa1]), "\u4e02"); // index-jis0212
  assertEquals(decode("euc-jp", [0xa1, 0xc0, 0xad, 0xa1]), "\uff3c\u2460"); // index-jis0208 incl. NEC row 13
  assertEquals(decode("euc-jp", [0x8e, 0xe0, 0x41]), "\uFFFDA");
  assertEquals(decode("euc-jp", [0x8f, 0xa1, 0x41]), "\uFFFDA");
  assertEquals(decode("euc-jp", [0xa1]), "\uFFFD");
  assertEquals(decode("euc-jp", [0x80, 0xff]), "\uFFFD\uFFFD");
  assertThrows(() => decode("euc-jp", [0x8f, 0xa1], { fatal: true }), TypeError);
});

test("TextDecoder: ISO-2022-JP states, escapes and the output flag", () => {
  const esc = 0x1b;
  assertEquals(decode("iso-2022-jp", [esc, 0x28, 0x49, 0x21, 0x5f]), "\uff61\uff9f"); // katakana
  assertEquals(decode("iso-2022-jp", [esc, 0x28, 0x4a, 0x5c, 0x7e]), "\u00a5\u203e"); // Roman
  assertEquals(decode("iso-2022-jp", [esc, 0x24, 0x40, 0x30, 0x21]), "\u4e9c"); // ESC $ @ is JIS X 0208 too
  // Two escape sequences with nothing between them: the second is an error.
  assertEquals(decode("iso-2022-jp", [esc, 0x28, 0x42, esc, 0x28, 0x4a, 0x41]), "\uFFFDA");
  // Unknown or cut escapes: an error, then the bytes after ESC are read again.
  assertEquals(decode("iso-2022-jp", [esc, 0x41]), "\uFFFDA");
  assertEquals(decode("iso-2022-jp", [esc, 0x24]), "\uFFFD$");
  assertEquals(decode("iso-2022-jp", [esc]), "\uFFFD");
  // An escape in the middle of a two-byte code; a lone lead at the end; SO, SI and non-ASCII.
  assertEquals(decode("iso-2022-jp", [esc, 0x24, 0x42, 0x24, esc, 0x28, 0x42, 0x41]), "\uFFFDA");
  assertEquals(decode("iso-2022-jp", [esc, 0x24, 0x42, 0x24]), "\uFFFD");
  assertEquals(decode("iso-2022-jp", [0x0e, 0x0f, 0x80]), "\uFFFD\uFFFD\uFFFD");
  assertThrows(() => decode("iso-2022-jp", [esc, 0x41], { fatal: true }), TypeError);
  // After a flush the decoder starts in the ASCII state again.
  const decoder = new TextDecoder("iso-2022-jp");
  assertEquals(decoder.decode(Uint8Array.of(esc, 0x28, 0x49, 0x21)), "\uff61");
  assertEquals(decoder.decode(Uint8Array.of(0x21)), "!");
});

test("TextDecoder: UTF-16LE and UTF-16BE", () => {
  assertEquals(decode("utf-16le", [0x41, 0x00, 0x3d, 0xd8, 0x00, 0xde]), "A😀");
  assertEquals(decode("utf-16be", [0x00, 0x41, 0xd8, 0x3d, 0xde, 0x00]), "A😀");
  // A BOM is dropped unless ignoreBOM; a lone surrogate and an odd byte are errors.
  assertEquals(decode("utf-16le", [0xff, 0xfe, 0x41, 0x00]), "A");
  assertEquals(decode("utf-16le", [0xff, 0xfe, 0x41, 0x00], { ignoreBOM: true }), "\uFEFFA");
  assertEquals(decode("utf-16be", [0xd8, 0x00, 0x00, 0x41]), "\uFFFDA");
  assertEquals(decode("utf-16le", [0x41]), "\uFFFD");
  assertThrows(() => decode("utf-16le", [0x00, 0xd8], { fatal: true }), TypeError);
});

test("TextDecoder: a BOM is kept in legacy encodings", () => {
  assertEquals(decode("windows-1252", [0xef, 0xbb, 0xbf]), "ï»¿");
});

test("TextDecoder: x-user-defined", () => {
  assertEquals(codePoints(decode("x-user-defined", [0x41, 0x80, 0xff])), [0x41, 0xf780, 0xf7ff]);
});

test("TextDecoder: streaming keeps partial sequences between calls", () => {
  const cases = [
    ["shift_jis", [0x82, 0xa0, 0x83, 0x41], "あア"],
    ["gb18030", [0x90, 0x30, 0x81, 0x30, 0xc4, 0xe3], "\u{10000}你"],
    ["utf-16le", [0x3d, 0xd8, 0x00, 0xde, 0x41, 0x00], "😀A"],
    ["big5", [0x88, 0x62, 0xa4, 0x40], "\u00ca\u0304一"],
    ["big5", [0x81, 0x81, 0x41, 0xa4, 0x40], "\uFFFDA一"],
    ["euc-kr", [0xb0, 0xa1, 0x81, 0x41], "가갂"],
    ["iso-2022-jp", [0x1b, 0x24, 0x42, 0x24, 0x22, 0x1b, 0x28, 0x42], "あ"],
    // A bad escape in the katakana state: "$", "A", "B" are read again, as katakana.
    ["iso-2022-jp", [0x41, 0x1b, 0x28, 0x49, 0x21, 0x1b, 0x24, 0x41, 0x42], "A\uff61\uFFFD\uff64\uff81\uff82"],
    ["euc-jp", [0x8f, 0xb0, 0xa1, 0x8e, 0xb1, 0xa4, 0xa2], "\u4e02\uff71あ"],
  ];
  for (const [label, bytes, expected] of cases) {
    // Every split point, one byte at a time included.
    for (let split = 0; split <= bytes.length; split++) {
      const decoder = new TextDecoder(label);
      const text = decoder.decode(Uint8Array.from(bytes.slice(0, split)), { stream: true }) + decoder.decode(Uint8Array.from(bytes.slice(split)));
      assertEquals(text, expected, `${label} split at ${split}`);
    }
    const decoder = new TextDecoder(label);
    let text = "";
    for (const byte of bytes) text += decoder.decode(Uint8Array.of(byte), { stream: true });
    assertEquals(text + decoder.decode(), expected, `${label} byte by byte`);
  }
  // The end of the stream inside a sequence is an error; the next call starts afresh.
  const decoder = new TextDecoder("shift_jis");
  assertEquals(decoder.decode(Uint8Array.of(0x82), { stream: true }), "");
  assertEquals(decoder.decode(), "\uFFFD");
  assertEquals(decoder.decode(Uint8Array.of(0x41)), "A");
  const fatal = new TextDecoder("shift_jis", { fatal: true });
  fatal.decode(Uint8Array.of(0x82), { stream: true });
  assertThrows(() => fatal.decode(), TypeError);
  assertEquals(fatal.decode(Uint8Array.of(0x82, 0xa0)), "あ");
});

test("TextDecoder: views of a SharedArrayBuffer and the buffer itself", () => {
  const shared = new Uint8Array(new SharedArrayBuffer(4));
  shared.set([0x41, 0x42, 0xe9, 0x43]);
  assertEquals(new TextDecoder("windows-1252").decode(shared), "ABéC");
  assertEquals(new TextDecoder("windows-1252").decode(shared.buffer), "ABéC");
  assertEquals(new TextDecoder().decode(shared.subarray(0, 2)), "AB");
});

test("TextDecoder: many decoders can be created and dropped", () => {
  let text = "";
  for (let i = 0; i < 2000; i++) text = new TextDecoder("koi8-r").decode(Uint8Array.of(0xc1));
  assertEquals(text, "а");
});
