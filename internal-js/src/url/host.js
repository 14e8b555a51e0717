// Host parsing and serialisation (URL Standard §3): domains, IPv4 (decimal/octal/hex parts),
// IPv6 (with :: compression and embedded IPv4) and opaque hosts. Hosts are kept serialised.
import {
  ArrayPrototypeJoin,
  ArrayPrototypePop,
  ArrayPrototypePush,
  NumberParseInt,
  RegExpPrototypeTest,
  NumberPrototypeToString,
  MathPow,
  MathFloor,
  StringPrototypeCharCodeAt,
  StringPrototypeNormalize,
  StringPrototypeSlice,
  StringPrototypeSplit,
  StringPrototypeStartsWith,
  StringPrototypeToLowerCase,
  StringPrototypeReplace,
  StringPrototypeEndsWith,
  StringPrototypeIncludes,
} from "../primordials/index.js";
import {
  isC0ControlPercentEncode,
  percentDecodeString,
  utf8DecodeWithoutBOM,
  utf8PercentEncodeString,
} from "./percent_encoding.js";
import { ops } from "../core/ops.js";

/** Returned by parsers on failure. */
export const failure = Symbol("failure");

function isForbiddenHostCodePoint(c) {
  return (
    c === 0x00 ||
    c === 0x09 ||
    c === 0x0a ||
    c === 0x0d ||
    c === 0x20 ||
    c === 0x23 ||
    c === 0x2f ||
    c === 0x3a ||
    c === 0x3c ||
    c === 0x3e ||
    c === 0x3f ||
    c === 0x40 ||
    c === 0x5b ||
    c === 0x5c ||
    c === 0x5d ||
    c === 0x5e ||
    c === 0x7c
  );
}

function isForbiddenDomainCodePoint(c) {
  return isForbiddenHostCodePoint(c) || c <= 0x1f || c === 0x25 || c === 0x7f;
}

/** The host parser. `isOpaque` is true for non-special schemes. Returns a string or failure. */
export function parseHost(input, isOpaque) {
  if (StringPrototypeStartsWith(input, "[")) {
    if (!StringPrototypeEndsWith(input, "]")) return failure;
    const address = parseIPv6(StringPrototypeSlice(input, 1, -1));
    if (address === failure) return failure;
    return `[${serializeIPv6(address)}]`;
  }
  if (isOpaque) return parseOpaqueHost(input);
  const domain = utf8DecodeWithoutBOM(percentDecodeString(input));
  const asciiDomain = domainToASCII(domain);
  if (asciiDomain === failure) return failure;
  for (let i = 0; i < asciiDomain.length; i++) {
    if (isForbiddenDomainCodePoint(StringPrototypeCharCodeAt(asciiDomain, i))) return failure;
  }
  if (endsInANumber(asciiDomain)) {
    const ipv4 = parseIPv4(asciiDomain);
    return ipv4 === failure ? failure : serializeIPv4(ipv4);
  }
  return asciiDomain;
}

// "domain to ASCII" (URL Standard §3.3): UTS #46 ToASCII through ICU (op_domain_to_ascii) with
// CheckHyphens false, CheckBidi and CheckJoiners true, nontransitional processing and
// beStrict false. An ASCII domain with no "xn--" label maps to its lowercase form, so the common
// case needs no op (and the build-time warm-up calls none).
function domainToASCII(domain) {
  let needsUTS46 = false;
  for (let i = 0; i < domain.length; i++) {
    if (StringPrototypeCharCodeAt(domain, i) >= 0x80) {
      needsUTS46 = true;
      break;
    }
  }
  const lower = needsUTS46 ? domain : StringPrototypeToLowerCase(domain);
  if (!needsUTS46 && (StringPrototypeStartsWith(lower, "xn--") || StringPrototypeIncludes(lower, ".xn--"))) needsUTS46 = true;
  const result = needsUTS46 ? ops.op_domain_to_ascii(domain, false) : lower;
  return result === null || result === "" ? failure : result;
}

function parseOpaqueHost(input) {
  for (let i = 0; i < input.length; i++) {
    if (isForbiddenHostCodePoint(StringPrototypeCharCodeAt(input, i))) return failure;
  }
  return utf8PercentEncodeString(input, isC0ControlPercentEncode);
}

// "ends in a number": the last non-empty label is all digits or a valid IPv4 number (0x...).
function endsInANumber(input) {
  const parts = StringPrototypeSplit(input, ".");
  if (parts[parts.length - 1] === "") {
    if (parts.length === 1) return false;
    ArrayPrototypePop(parts);
  }
  const last = parts[parts.length - 1];
  if (last !== "" && RegExpPrototypeTest(/^[0-9]+$/, last)) return true;
  return parseIPv4Number(last) !== failure;
}

function parseIPv4Number(input) {
  if (input === "") return failure;
  let radix = 10;
  if (input.length >= 2 && (StringPrototypeStartsWith(input, "0x") || StringPrototypeStartsWith(input, "0X"))) {
    input = StringPrototypeSlice(input, 2);
    radix = 16;
  } else if (input.length >= 2 && StringPrototypeStartsWith(input, "0")) {
    input = StringPrototypeSlice(input, 1);
    radix = 8;
  }
  if (input === "") return 0;
  const valid = radix === 10 ? /^[0-9]+$/ : radix === 16 ? /^[0-9a-fA-F]+$/ : /^[0-7]+$/;
  if (!RegExpPrototypeTest(valid, input)) return failure;
  return NumberParseInt(input, radix);
}

/** The IPv4 parser: returns a 32-bit number or failure. */
export function parseIPv4(input) {
  const parts = StringPrototypeSplit(input, ".");
  if (parts[parts.length - 1] === "" && parts.length > 1) ArrayPrototypePop(parts);
  if (parts.length > 4) return failure;
  const numbers = [];
  for (let i = 0; i < parts.length; i++) {
    const n = parseIPv4Number(parts[i]);
    if (n === failure) return failure;
    ArrayPrototypePush(numbers, n);
  }
  for (let i = 0; i < numbers.length - 1; i++) {
    if (numbers[i] > 255) return failure;
  }
  // The last number fills all the remaining bytes (so "1.65536" is 1.1.0.0).
  const last = numbers[numbers.length - 1];
  if (last >= MathPow(256, 5 - numbers.length)) return failure;
  let ipv4 = last;
  for (let i = 0; i < numbers.length - 1; i++) ipv4 += numbers[i] * MathPow(256, 3 - i);
  return ipv4;
}

export function serializeIPv4(address) {
  const out = [];
  let n = address;
  for (let i = 0; i < 4; i++) {
    out[3 - i] = `${n % 256}`;
    n = MathFloor(n / 256);
  }
  return ArrayPrototypeJoin(out, ".");
}

function hexDigit(c) {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x41 && c <= 0x46) return c - 0x37;
  if (c >= 0x61 && c <= 0x66) return c - 0x57;
  return -1;
}

/** The IPv6 parser: returns an array of eight 16-bit pieces or failure. */
export function parseIPv6(input) {
  const address = [0, 0, 0, 0, 0, 0, 0, 0];
  let pieceIndex = 0;
  let compress = null;
  let pointer = 0;
  const at = (p) => (p < input.length ? StringPrototypeCharCodeAt(input, p) : -1);
  if (at(pointer) === 0x3a) {
    if (at(pointer + 1) !== 0x3a) return failure;
    pointer += 2;
    pieceIndex++;
    compress = pieceIndex;
  }
  while (at(pointer) !== -1) {
    if (pieceIndex === 8) return failure;
    if (at(pointer) === 0x3a) {
      if (compress !== null) return failure;
      pointer++;
      pieceIndex++;
      compress = pieceIndex;
      continue;
    }
    let value = 0;
    let length = 0;
    while (length < 4 && hexDigit(at(pointer)) !== -1) {
      value = value * 0x10 + hexDigit(at(pointer));
      pointer++;
      length++;
    }
    if (at(pointer) === 0x2e) {
      // An embedded IPv4 address fills the last two pieces.
      if (length === 0) return failure;
      pointer -= length;
      if (pieceIndex > 6) return failure;
      let numbersSeen = 0;
      while (at(pointer) !== -1) {
        let ipv4Piece = null;
        if (numbersSeen > 0) {
          if (at(pointer) === 0x2e && numbersSeen < 4) pointer++;
          else return failure;
        }
        if (!(at(pointer) >= 0x30 && at(pointer) <= 0x39)) return failure;
        while (at(pointer) >= 0x30 && at(pointer) <= 0x39) {
          const number = at(pointer) - 0x30;
          if (ipv4Piece === null) ipv4Piece = number;
          else if (ipv4Piece === 0) return failure;
          else ipv4Piece = ipv4Piece * 10 + number;
          if (ipv4Piece > 255) return failure;
          pointer++;
        }
        address[pieceIndex] = address[pieceIndex] * 0x100 + ipv4Piece;
        numbersSeen++;
        if (numbersSeen === 2 || numbersSeen === 4) pieceIndex++;
      }
      if (numbersSeen !== 4) return failure;
      break;
    } else if (at(pointer) === 0x3a) {
      pointer++;
      if (at(pointer) === -1) return failure;
    } else if (at(pointer) !== -1) {
      return failure;
    }
    address[pieceIndex] = value;
    pieceIndex++;
  }
  if (compress !== null) {
    let swaps = pieceIndex - compress;
    pieceIndex = 7;
    while (pieceIndex !== 0 && swaps > 0) {
      const tmp = address[pieceIndex];
      address[pieceIndex] = address[compress + swaps - 1];
      address[compress + swaps - 1] = tmp;
      pieceIndex--;
      swaps--;
    }
  } else if (pieceIndex !== 8) {
    return failure;
  }
  return address;
}

/** The IPv6 serializer: lowercase hex, the first longest run (>= 2) of zero pieces as "::". */
export function serializeIPv6(address) {
  let compress = null;
  let bestLength = 1;
  for (let i = 0; i < 8; ) {
    if (address[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && address[j] === 0) j++;
    if (j - i > bestLength) {
      bestLength = j - i;
      compress = i;
    }
    i = j;
  }
  let output = "";
  let ignore0 = false;
  for (let i = 0; i < 8; i++) {
    if (ignore0 && address[i] === 0) continue;
    ignore0 = false;
    if (compress === i) {
      output += i === 0 ? "::" : ":";
      ignore0 = true;
      continue;
    }
    output += NumberPrototypeToString(address[i], 16);
    if (i !== 7) output += ":";
  }
  return output;
}
