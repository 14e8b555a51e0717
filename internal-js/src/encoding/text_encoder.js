// TextEncoder (Encoding Standard §8.2): UTF-8 only. Lone surrogates become U+FFFD, as the
// USVString conversion of the input requires.
import {
  ObjectDefineProperties,
  ObjectDefineProperty,
  SafeString,
  SafeTypeError,
  SafeUint8Array,
  StringPrototypeCharCodeAt,
  TypedArrayPrototypeGetLength,
  TypedArrayPrototypeGetSymbolToStringTag,
  TypedArrayPrototypeSubarray,
} from "../primordials/index.js";

// Reads the code point at `i`, mapping unpaired surrogates to U+FFFD. Returns [cp, units].
function codePointAt(str, i, out) {
  const c = StringPrototypeCharCodeAt(str, i);
  if (c < 0xd800 || c > 0xdfff) {
    out.cp = c;
    out.units = 1;
  } else if (c <= 0xdbff && i + 1 < str.length) {
    const d = StringPrototypeCharCodeAt(str, i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) {
      out.cp = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
      out.units = 2;
    } else {
      out.cp = 0xfffd;
      out.units = 1;
    }
  } else {
    out.cp = 0xfffd;
    out.units = 1;
  }
}

function utf8Length(cp) {
  return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

function writeCodePoint(bytes, pos, cp) {
  if (cp < 0x80) {
    bytes[pos] = cp;
  } else if (cp < 0x800) {
    bytes[pos] = 0xc0 | (cp >> 6);
    bytes[pos + 1] = 0x80 | (cp & 0x3f);
  } else if (cp < 0x10000) {
    bytes[pos] = 0xe0 | (cp >> 12);
    bytes[pos + 1] = 0x80 | ((cp >> 6) & 0x3f);
    bytes[pos + 2] = 0x80 | (cp & 0x3f);
  } else {
    bytes[pos] = 0xf0 | (cp >> 18);
    bytes[pos + 1] = 0x80 | ((cp >> 12) & 0x3f);
    bytes[pos + 2] = 0x80 | ((cp >> 6) & 0x3f);
    bytes[pos + 3] = 0x80 | (cp & 0x3f);
  }
}

/** UTF-8 encodes a string into a new Uint8Array. */
export function utf8Encode(input) {
  const str = SafeString(input);
  // Worst case is 3 bytes per UTF-16 code unit; trim afterwards.
  const bytes = new SafeUint8Array(str.length * 3);
  const out = { cp: 0, units: 0 };
  let pos = 0;
  for (let i = 0; i < str.length; ) {
    const c = StringPrototypeCharCodeAt(str, i);
    if (c < 0x80) {
      bytes[pos++] = c;
      i++;
      continue;
    }
    codePointAt(str, i, out);
    writeCodePoint(bytes, pos, out.cp);
    pos += utf8Length(out.cp);
    i += out.units;
  }
  return pos === bytes.length ? bytes : new SafeUint8Array(TypedArrayPrototypeSubarray(bytes, 0, pos));
}

export class TextEncoder {
  #brand = true;

  get encoding() {
    if (!(#brand in this)) throw new SafeTypeError("Illegal invocation");
    return "utf-8";
  }

  encode(input = "") {
    if (!(#brand in this)) throw new SafeTypeError("Illegal invocation");
    return utf8Encode(input);
  }

  /** Encodes as much of `source` as fits into `destination` without splitting a code point. */
  encodeInto(source, destination) {
    if (!(#brand in this)) throw new SafeTypeError("Illegal invocation");
    if (arguments.length < 2) throw new SafeTypeError("encodeInto: 2 arguments required.");
    const str = SafeString(source);
    if (TypedArrayPrototypeGetSymbolToStringTag(destination) !== "Uint8Array") {
      throw new SafeTypeError("encodeInto: parameter 2 is not of type 'Uint8Array'.");
    }
    const capacity = TypedArrayPrototypeGetLength(destination);
    const out = { cp: 0, units: 0 };
    let read = 0;
    let written = 0;
    while (read < str.length) {
      codePointAt(str, read, out);
      const len = utf8Length(out.cp);
      if (written + len > capacity) break;
      writeCodePoint(destination, written, out.cp);
      written += len;
      read += out.units;
    }
    return { read, written };
  }
}

ObjectDefineProperty(TextEncoder.prototype, Symbol.toStringTag, { value: "TextEncoder", configurable: true });
ObjectDefineProperties(TextEncoder.prototype, {
  encoding: { enumerable: true },
  encode: { enumerable: true },
  encodeInto: { enumerable: true },
});
