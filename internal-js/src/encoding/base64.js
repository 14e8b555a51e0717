// atob and btoa (HTML §8.3) on top of Infra's forgiving-base64 decode and base64 encode.
import {
  ArrayPrototypeJoin,
  ArrayPrototypePush,
  SafeString,
  SafeTypeError,
  StringFromCharCode,
  StringPrototypeCharAt,
  StringPrototypeCharCodeAt,
} from "../primordials/index.js";
import { DOMException } from "../webidl/dom_exception.js";

const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

// Code unit -> 6-bit value, -1 for characters outside the alphabet.
const decodeTable = [];
for (let i = 0; i < 128; i++) decodeTable[i] = -1;
for (let i = 0; i < 64; i++) decodeTable[StringPrototypeCharCodeAt(alphabet, i)] = i;

function isAsciiWhitespace(c) {
  return c === 0x09 || c === 0x0a || c === 0x0c || c === 0x0d || c === 0x20;
}

/** Infra "forgiving-base64 decode": returns an array of bytes, or null on failure. */
export function forgivingBase64Decode(data) {
  // 1. Remove ASCII whitespace.
  const values = [];
  for (let i = 0; i < data.length; i++) {
    const c = StringPrototypeCharCodeAt(data, i);
    if (!isAsciiWhitespace(c)) ArrayPrototypePush(values, c);
  }
  // 2. With a length multiple of 4, drop one or two trailing "=".
  let length = values.length;
  if (length % 4 === 0 && length > 0) {
    if (values[length - 1] === 0x3d) {
      length--;
      if (values[length - 1] === 0x3d) length--;
    }
  }
  // 3. A remainder of 1 can never be valid.
  if (length % 4 === 1) return null;
  const bytes = [];
  let buffer = 0;
  let bits = 0;
  for (let i = 0; i < length; i++) {
    const c = values[i];
    const v = c < 128 ? decodeTable[c] : -1;
    if (v === -1) return null;
    buffer = (buffer << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      ArrayPrototypePush(bytes, (buffer >> bits) & 0xff);
    }
  }
  // Leftover 2 or 4 bits are discarded.
  return bytes;
}

/** Base64-encodes an array-like of bytes. */
export function base64Encode(bytes) {
  const out = [];
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
    ArrayPrototypePush(
      out,
      StringPrototypeCharAt(alphabet, n >> 18) +
        StringPrototypeCharAt(alphabet, (n >> 12) & 63) +
        StringPrototypeCharAt(alphabet, (n >> 6) & 63) +
        StringPrototypeCharAt(alphabet, n & 63),
    );
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = bytes[i] << 16;
    ArrayPrototypePush(out, StringPrototypeCharAt(alphabet, n >> 18) + StringPrototypeCharAt(alphabet, (n >> 12) & 63) + "==");
  } else if (rest === 2) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8);
    ArrayPrototypePush(
      out,
      StringPrototypeCharAt(alphabet, n >> 18) +
        StringPrototypeCharAt(alphabet, (n >> 12) & 63) +
        StringPrototypeCharAt(alphabet, (n >> 6) & 63) +
        "=",
    );
  }
  return ArrayPrototypeJoin(out, "");
}

export function atob(data) {
  if (arguments.length === 0) throw new SafeTypeError("Failed to execute 'atob': 1 argument required, but only 0 present.");
  const bytes = forgivingBase64Decode(SafeString(data));
  if (bytes === null) throw new DOMException("The string to be decoded is not correctly encoded.", "InvalidCharacterError");
  let result = "";
  for (let i = 0; i < bytes.length; i += 8192) {
    const end = i + 8192 < bytes.length ? i + 8192 : bytes.length;
    for (let j = i; j < end; j++) result += StringFromCharCode(bytes[j]);
  }
  return result;
}

export function btoa(data) {
  if (arguments.length === 0) throw new SafeTypeError("Failed to execute 'btoa': 1 argument required, but only 0 present.");
  const str = SafeString(data);
  const bytes = [];
  for (let i = 0; i < str.length; i++) {
    const c = StringPrototypeCharCodeAt(str, i);
    if (c > 0xff) throw new DOMException("Invalid character", "InvalidCharacterError");
    ArrayPrototypePush(bytes, c);
  }
  return base64Encode(bytes);
}
