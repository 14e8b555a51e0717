// Percent-encoding (URL Standard §1.3): the encode sets and UTF-8 percent-encode/decode.
import {
  ArrayPrototypePush,
  SafeUint8Array,
  StringFromCharCode,
  StringPrototypeCharCodeAt,
} from "../primordials/index.js";
import { utf8Encode } from "../encoding/text_encoder.js";
import { TextDecoder } from "../encoding/text_decoder.js";

// Each set is a predicate over a code point (or byte).
export const isC0ControlPercentEncode = (c) => c < 0x20 || c > 0x7e;
export const isFragmentPercentEncode = (c) =>
  isC0ControlPercentEncode(c) || c === 0x20 || c === 0x22 || c === 0x3c || c === 0x3e || c === 0x60;
export const isQueryPercentEncode = (c) =>
  isC0ControlPercentEncode(c) || c === 0x20 || c === 0x22 || c === 0x23 || c === 0x3c || c === 0x3e;
export const isSpecialQueryPercentEncode = (c) => isQueryPercentEncode(c) || c === 0x27;
export const isPathPercentEncode = (c) => isQueryPercentEncode(c) || c === 0x3f || c === 0x5e || c === 0x60 || c === 0x7b || c === 0x7d;
export const isUserinfoPercentEncode = (c) =>
  isPathPercentEncode(c) ||
  c === 0x2f ||
  c === 0x3a ||
  c === 0x3b ||
  c === 0x3d ||
  c === 0x40 ||
  (c >= 0x5b && c <= 0x5e) ||
  c === 0x7c;
export const isComponentPercentEncode = (c) =>
  isUserinfoPercentEncode(c) || (c >= 0x24 && c <= 0x26) || c === 0x2b || c === 0x2c;
export const isFormUrlencodedPercentEncode = (c) =>
  isComponentPercentEncode(c) || c === 0x21 || (c >= 0x27 && c <= 0x29) || c === 0x7e;

// "%XY" for a byte, built when needed: a table of the 256 strings made at top level would be
// 473 heap objects in every snapshot, deserialised at every boot.
const hexDigits = "0123456789ABCDEF";
const percentByte = (b) => "%" + hexDigits[b >> 4] + hexDigits[b & 15];

/** "UTF-8 percent-encode" a whole string with the given set (spaceAsPlus for forms). */
export function utf8PercentEncodeString(input, inSet, spaceAsPlus = false) {
  let out = "";
  let ascii = true;
  for (let i = 0; i < input.length; i++) {
    if (StringPrototypeCharCodeAt(input, i) >= 0x80) {
      ascii = false;
      break;
    }
  }
  if (ascii) {
    for (let i = 0; i < input.length; i++) {
      const c = StringPrototypeCharCodeAt(input, i);
      if (spaceAsPlus && c === 0x20) out += "+";
      else if (inSet(c)) out += percentByte(c);
      else out += input[i];
    }
    return out;
  }
  const bytes = utf8Encode(input);
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (spaceAsPlus && b === 0x20) out += "+";
    else if (inSet(b)) out += percentByte(b);
    else out += StringFromCharCode(b);
  }
  return out;
}

function hexValue(c) {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x41 && c <= 0x46) return c - 0x41 + 10;
  if (c >= 0x61 && c <= 0x66) return c - 0x61 + 10;
  return -1;
}

/** "percent-decode" bytes: %XX becomes the byte XX; malformed escapes stay as they are. */
export function percentDecodeBytes(input) {
  const output = [];
  for (let i = 0; i < input.length; i++) {
    const b = input[i];
    if (b === 0x25 && i + 2 < input.length) {
      const h = hexValue(input[i + 1]);
      const l = hexValue(input[i + 2]);
      if (h !== -1 && l !== -1) {
        ArrayPrototypePush(output, h * 16 + l);
        i += 2;
        continue;
      }
    }
    ArrayPrototypePush(output, b);
  }
  return new SafeUint8Array(output);
}

/** "percent-decode" a string: its UTF-8 bytes, decoded. */
export function percentDecodeString(input) {
  return percentDecodeBytes(utf8Encode(input));
}

const decoder = { instance: null };
/** "UTF-8 decode without BOM" (invalid sequences become U+FFFD). */
export function utf8DecodeWithoutBOM(bytes) {
  if (decoder.instance === null) decoder.instance = new TextDecoder("utf-8", { ignoreBOM: true });
  return decoder.instance.decode(bytes);
}
