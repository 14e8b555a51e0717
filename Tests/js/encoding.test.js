// TextEncoder, TextDecoder (UTF-8), atob and btoa (Encoding Standard, HTML).
import { assert, assertEquals, assertThrows, test } from "./harness.js";

const bytes = (...b) => new Uint8Array(b);
const decode = (arr, options) => new TextDecoder("utf-8", options).decode(Uint8Array.from(arr));

test("TextEncoder basics", () => {
  const enc = new TextEncoder();
  assertEquals(enc.encoding, "utf-8");
  assertEquals(enc.encode(), bytes());
  assertEquals(enc.encode("A"), bytes(0x41));
  assertEquals(enc.encode("é"), bytes(0xc3, 0xa9));
  assertEquals(enc.encode("€"), bytes(0xe2, 0x82, 0xac));
  assertEquals(enc.encode("😀"), bytes(0xf0, 0x9f, 0x98, 0x80));
  assertEquals(enc.encode("\u0000\u007f\u0080\u07ff\u0800\uffff"), bytes(0, 0x7f, 0xc2, 0x80, 0xdf, 0xbf, 0xe0, 0xa0, 0x80, 0xef, 0xbf, 0xbf));
  assert(enc.encode("x") instanceof Uint8Array);
  assertEquals(enc.encode(123), bytes(0x31, 0x32, 0x33));
});

test("TextEncoder replaces lone surrogates with U+FFFD", () => {
  const enc = new TextEncoder();
  assertEquals(enc.encode("\uD800"), bytes(0xef, 0xbf, 0xbd));
  assertEquals(enc.encode("a\uDC00b"), bytes(0x61, 0xef, 0xbf, 0xbd, 0x62));
  assertEquals(enc.encode("\uDBFF\uDFFF"), bytes(0xf4, 0x8f, 0xbf, 0xbf));
  assertEquals(enc.encode("\uDC00\uD800"), bytes(0xef, 0xbf, 0xbd, 0xef, 0xbf, 0xbd));
});

test("TextEncoder.encodeInto never splits a code point", () => {
  const enc = new TextEncoder();
  const dest = new Uint8Array(5);
  assertEquals(enc.encodeInto("a€b", dest), { read: 3, written: 5 });
  assertEquals(dest, bytes(0x61, 0xe2, 0x82, 0xac, 0x62));
  const small = new Uint8Array(3);
  assertEquals(enc.encodeInto("a😀", small), { read: 1, written: 1 });
  assertEquals(enc.encodeInto("😀", new Uint8Array(4)), { read: 2, written: 4 });
  assertEquals(enc.encodeInto("", new Uint8Array(0)), { read: 0, written: 0 });
  assertEquals(enc.encodeInto("abc", new Uint8Array(2)), { read: 2, written: 2 });
  const view = new Uint8Array(new ArrayBuffer(6), 2, 3);
  assertEquals(enc.encodeInto("xyz!", view), { read: 3, written: 3 });
  assertEquals(new Uint8Array(view.buffer), bytes(0, 0, 0x78, 0x79, 0x7a, 0));
  assertThrows(() => enc.encodeInto("a", new Uint16Array(2)), TypeError);
});

test("TextDecoder labels", () => {
  for (const label of ["utf-8", "UTF-8", "utf8", "  Utf8\n", "unicode-1-1-utf-8", "\tunicode11utf8 ", "x-unicode20utf8", "unicode20utf8"]) {
    assertEquals(new TextDecoder(label).encoding, "utf-8", label);
  }
  assertEquals(new TextDecoder().encoding, "utf-8");
  assertEquals(new TextDecoder(undefined).encoding, "utf-8");
  for (const label of ["foo", "", "utf-8x", "\u00a0utf-8", "replacement", "iso-2022-kr", "hz-gb-2312", "utf-32", "utf-7"]) {
    assertThrows(() => new TextDecoder(label), RangeError);
  }
});

test("TextDecoder attributes", () => {
  const d = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
  assertEquals([d.encoding, d.fatal, d.ignoreBOM], ["utf-8", true, true]);
  const e = new TextDecoder();
  assertEquals([e.fatal, e.ignoreBOM], [false, false]);
});

test("TextDecoder decodes valid input of every length", () => {
  assertEquals(decode([]), "");
  assertEquals(new TextDecoder().decode(), "");
  assertEquals(decode([0x68, 0x69]), "hi");
  assertEquals(decode([0xc3, 0xa9]), "é");
  assertEquals(decode([0xe2, 0x82, 0xac]), "€");
  assertEquals(decode([0xf0, 0x9f, 0x98, 0x80]), "😀");
  assertEquals(decode([0xf4, 0x8f, 0xbf, 0xbf]), "\uDBFF\uDFFF");
  assertEquals(decode([0]), "\u0000");
});

test("TextDecoder accepts ArrayBuffer, views and DataView", () => {
  const buf = new Uint8Array([0x61, 0x62, 0x63, 0x64]).buffer;
  const d = new TextDecoder();
  assertEquals(d.decode(buf), "abcd");
  assertEquals(d.decode(new Uint8Array(buf, 1, 2)), "bc");
  assertEquals(d.decode(new DataView(buf, 2)), "cd");
  assertEquals(d.decode(new Uint16Array(buf)), "abcd");
  assertThrows(() => d.decode("abc"), TypeError);
  assertThrows(() => d.decode([1, 2]), TypeError);
  assertThrows(() => d.decode(null), TypeError);
});

// Encoding Standard: one U+FFFD per maximal subpart of an ill-formed sequence.
const invalid = [
  [[0x80], "\uFFFD"],
  [[0xbf], "\uFFFD"],
  [[0xc0, 0x80], "\uFFFD\uFFFD"], // overlong
  [[0xc1, 0xbf], "\uFFFD\uFFFD"],
  [[0xe0, 0x80, 0x80], "\uFFFD\uFFFD\uFFFD"], // overlong 3-byte
  [[0xe0, 0x9f, 0xbf], "\uFFFD\uFFFD\uFFFD"],
  [[0xed, 0xa0, 0x80], "\uFFFD\uFFFD\uFFFD"], // surrogate D800
  [[0xed, 0xbf, 0xbf], "\uFFFD\uFFFD\uFFFD"],
  [[0xf0, 0x80, 0x80, 0x80], "\uFFFD\uFFFD\uFFFD\uFFFD"],
  [[0xf4, 0x90, 0x80, 0x80], "\uFFFD\uFFFD\uFFFD\uFFFD"], // > U+10FFFF
  [[0xf5, 0x80], "\uFFFD\uFFFD"],
  [[0xff], "\uFFFD"],
  [[0xfe, 0x41], "\uFFFDA"],
  [[0xe2, 0x82], "\uFFFD"], // truncated: one replacement for the maximal subpart
  [[0xe2, 0x82, 0x41], "\uFFFDA"],
  [[0xf0, 0x9f, 0x98], "\uFFFD"],
  [[0xf0, 0x9f, 0x41], "\uFFFDA"],
  [[0xc3], "\uFFFD"],
  [[0xc3, 0xc3, 0xa9], "\uFFFDé"],
  [[0x61, 0xf1, 0x80, 0x80, 0x62], "a\uFFFDb"],
  [[0xe1, 0x80, 0xe2, 0xf0, 0x91, 0x92, 0xf1, 0xbf, 0x41], "\uFFFD\uFFFD\uFFFD\uFFFDA"],
];
for (const [input, expected] of invalid) {
  test(`TextDecoder replacement for ${input.map((b) => b.toString(16)).join(" ")}`, () => {
    assertEquals(decode(input), expected);
    assertThrows(() => decode(input, { fatal: true }), TypeError);
  });
}

test("TextDecoder BOM handling", () => {
  assertEquals(decode([0xef, 0xbb, 0xbf, 0x61]), "a");
  assertEquals(decode([0xef, 0xbb, 0xbf, 0x61], { ignoreBOM: true }), "\uFEFFa");
  assertEquals(decode([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf]), "\uFEFF"); // only one BOM is removed
  assertEquals(decode([0x61, 0xef, 0xbb, 0xbf]), "a\uFEFF"); // not at the start
  const d = new TextDecoder();
  assertEquals(d.decode(bytes(0xef, 0xbb), { stream: true }), "");
  assertEquals(d.decode(bytes(0xbf, 0x62), { stream: true }), "b");
  assertEquals(d.decode(bytes(0xef, 0xbb, 0xbf)), "\uFEFF"); // same stream: not a leading BOM
  assertEquals(d.decode(bytes(0xef, 0xbb, 0xbf, 0x63)), "c"); // new stream: leading BOM again
});

test("TextDecoder streaming joins split sequences", () => {
  const d = new TextDecoder();
  const euro = [0xe2, 0x82, 0xac];
  let out = "";
  for (const b of euro) out += d.decode(bytes(b), { stream: true });
  out += d.decode();
  assertEquals(out, "€");
  const s = new TextDecoder();
  assertEquals(s.decode(bytes(0xf0, 0x9f), { stream: true }), "");
  assertEquals(s.decode(bytes(0x98), { stream: true }), "");
  assertEquals(s.decode(bytes(0x80, 0x21), { stream: true }), "😀!");
  assertEquals(s.decode(), "");
});

test("TextDecoder streaming: truncated at the end of the stream", () => {
  const d = new TextDecoder();
  assertEquals(d.decode(bytes(0x61, 0xe2, 0x82), { stream: true }), "a");
  assertEquals(d.decode(), "\uFFFD");
  assertEquals(d.decode(bytes(0x62)), "b"); // decoder was reset
  const f = new TextDecoder("utf-8", { fatal: true });
  assertEquals(f.decode(bytes(0xe2), { stream: true }), "");
  assertThrows(() => f.decode(), TypeError);
  assertEquals(f.decode(bytes(0x41)), "A");
  const g = new TextDecoder();
  assertEquals(g.decode(bytes(0xe2, 0x82), { stream: true }), "");
  assertEquals(g.decode(bytes(0x41)), "\uFFFDA");
});

test("TextDecoder decodes large input", () => {
  const text = "héllo wörld €😀 ".repeat(5000);
  const encoded = new TextEncoder().encode(text);
  assertEquals(new TextDecoder().decode(encoded), text);
  assertEquals(new TextDecoder("utf-8", { fatal: true }).decode(encoded).length, text.length);
});

test("TextEncoder/TextDecoder round trip of all BMP scalar values", () => {
  let s = "";
  for (let cp = 0; cp < 0x10000; cp += 7) if (cp < 0xd800 || cp > 0xdfff) s += String.fromCharCode(cp);
  s += "\u{10000}\u{10FFFF}\u{1F600}";
  assertEquals(new TextDecoder().decode(new TextEncoder().encode(s)), s);
});

test("btoa", () => {
  assertEquals(btoa(""), "");
  assertEquals(btoa("f"), "Zg==");
  assertEquals(btoa("fo"), "Zm8=");
  assertEquals(btoa("foo"), "Zm9v");
  assertEquals(btoa("foobar"), "Zm9vYmFy");
  assertEquals(btoa("\u00ff\u00fe\u0000"), "//4A");
  assertEquals(btoa(null), "bnVsbA==");
  assertEquals(btoa(12), "MTI=");
  const e = assertThrows(() => btoa("€"), DOMException);
  assertEquals(e.name, "InvalidCharacterError");
  assertEquals(e.code, 5);
  assertThrows(() => btoa(), TypeError);
});

test("atob forgiving-base64", () => {
  assertEquals(atob(""), "");
  assertEquals(atob("Zg=="), "f");
  assertEquals(atob("Zg"), "f");
  assertEquals(atob("Zm8="), "fo");
  assertEquals(atob("Zm8"), "fo");
  assertEquals(atob("Zm9vYmFy"), "foobar");
  assertEquals(atob(" Zm9v\tYm\nFy\f\r"), "foobar");
  assertEquals(atob("//4A"), "\u00ff\u00fe\u0000");
  assertEquals(atob("YR"), "a"); // leftover bits are discarded
  assertEquals(atob(null), "\u009e\u00e9e"); // "null" is valid base64
  assertThrows(() => atob(undefined), DOMException); // "undefined" has 9 characters
  for (const bad of ["Z", "Zg=", "Zg===", "Z===", "Zm9v=", "Zm$v", "Zm9\u00e9", "=Zm8", "Zm=8", "Z\u00a0g=="]) {
    const e = assertThrows(() => atob(bad), DOMException, undefined);
    assertEquals(e.name, "InvalidCharacterError", bad);
  }
  assertThrows(() => atob(), TypeError);
});

test("atob/btoa round trip of all bytes", () => {
  let s = "";
  for (let i = 0; i < 256; i++) s += String.fromCharCode(i);
  assertEquals(atob(btoa(s)), s);
});

test("DOMException", () => {
  const e = new DOMException("msg", "NotFoundError");
  assertEquals([e.name, e.message, e.code], ["NotFoundError", "msg", 8]);
  assert(e instanceof Error);
  assertEquals(Object.prototype.toString.call(e), "[object DOMException]");
  assertEquals(new DOMException().name, "Error");
  assertEquals(new DOMException().message, "");
  assertEquals(new DOMException("x", "Custom").code, 0);
  assertEquals(DOMException.INVALID_CHARACTER_ERR, 5);
  assertEquals(DOMException.DATA_CLONE_ERR, 25);
  assertEquals(e.ABORT_ERR, 20);
  assertEquals(String(new DOMException("m", "AbortError")), "AbortError: m");
  assert(typeof e.stack === "string");
  assertThrows(() => DOMException.prototype.name, TypeError);
});
