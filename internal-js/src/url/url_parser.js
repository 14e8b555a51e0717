// The basic URL parser (URL Standard §4.4) as a state machine over code points, plus the URL
// serializer and origin. A URL record is a plain object:
//   { scheme, username, password, host: string|null (serialised), port: number|null,
//     path: string[] | string (a string is an "opaque path"), query, fragment }
import {
  ArrayPrototypeJoin,
  ArrayPrototypePop,
  ArrayPrototypePush,
  ArrayPrototypeSlice,
  NumberParseInt,
  ObjectPrototypeHasOwnProperty,
  StringFromCodePoint,
  StringPrototypeCharCodeAt,
  StringPrototypeCodePointAt,
  StringPrototypeReplace,
  StringPrototypeSlice,
  StringPrototypeToLowerCase,
} from "../primordials/index.js";
import { failure, parseHost } from "./host.js";
import {
  isC0ControlPercentEncode,
  isFragmentPercentEncode,
  isPathPercentEncode,
  isQueryPercentEncode,
  isSpecialQueryPercentEncode,
  isUserinfoPercentEncode,
  utf8PercentEncodeString,
} from "./percent_encoding.js";

export { failure };

export const specialSchemes = { ftp: 21, file: null, http: 80, https: 443, ws: 80, wss: 443 };

export function isSpecialScheme(scheme) {
  return ObjectPrototypeHasOwnProperty(specialSchemes, scheme);
}

export function defaultPort(scheme) {
  return isSpecialScheme(scheme) ? specialSchemes[scheme] : null;
}

export const State = {
  SCHEME_START: 1,
  SCHEME: 2,
  NO_SCHEME: 3,
  SPECIAL_RELATIVE_OR_AUTHORITY: 4,
  PATH_OR_AUTHORITY: 5,
  RELATIVE: 6,
  RELATIVE_SLASH: 7,
  SPECIAL_AUTHORITY_SLASHES: 8,
  SPECIAL_AUTHORITY_IGNORE_SLASHES: 9,
  AUTHORITY: 10,
  HOST: 11,
  HOSTNAME: 12,
  PORT: 13,
  FILE: 14,
  FILE_SLASH: 15,
  FILE_HOST: 16,
  PATH_START: 17,
  PATH: 18,
  OPAQUE_PATH: 19,
  QUERY: 20,
  FRAGMENT: 21,
};

const EOF = -1;

export function newURLRecord() {
  return { scheme: "", username: "", password: "", host: null, port: null, path: [], query: null, fragment: null };
}

export function hasOpaquePath(url) {
  return typeof url.path === "string";
}

export function includesCredentials(url) {
  return url.username !== "" || url.password !== "";
}

export function cannotHaveUsernamePasswordPort(url) {
  return url.host === null || url.host === "" || url.scheme === "file";
}

const isAsciiAlpha = (c) => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
const isAsciiDigit = (c) => c >= 0x30 && c <= 0x39;
const isAsciiAlphanumeric = (c) => isAsciiAlpha(c) || isAsciiDigit(c);

function isWindowsDriveLetter(s) {
  if (s.length !== 2) return false;
  const a = StringPrototypeCharCodeAt(s, 0);
  const b = StringPrototypeCharCodeAt(s, 1);
  return isAsciiAlpha(a) && (b === 0x3a || b === 0x7c);
}

function isNormalizedWindowsDriveLetter(s) {
  return isWindowsDriveLetter(s) && StringPrototypeCharCodeAt(s, 1) === 0x3a;
}

// Whether code points cps[p...] start with a Windows drive letter followed by end, / \ ? or #.
function startsWithWindowsDriveLetter(cps, p) {
  if (cps.length - p < 2) return false;
  if (!isAsciiAlpha(cps[p]) || (cps[p + 1] !== 0x3a && cps[p + 1] !== 0x7c)) return false;
  if (cps.length - p === 2) return true;
  const c = cps[p + 2];
  return c === 0x2f || c === 0x5c || c === 0x3f || c === 0x23;
}

function isSingleDot(s) {
  return s === "." || StringPrototypeToLowerCase(s) === "%2e";
}

function isDoubleDot(s) {
  const l = StringPrototypeToLowerCase(s);
  return l === ".." || l === ".%2e" || l === "%2e." || l === "%2e%2e";
}

function shortenPath(url) {
  const path = url.path;
  if (url.scheme === "file" && path.length === 1 && isNormalizedWindowsDriveLetter(path[0])) return;
  ArrayPrototypePop(path);
}

function toCodePoints(input) {
  const cps = [];
  for (let i = 0; i < input.length; i++) {
    const cp = StringPrototypeCodePointAt(input, i);
    if (cp > 0xffff) i++;
    // Lone surrogates cannot occur in a USVString: they become U+FFFD.
    ArrayPrototypePush(cps, cp >= 0xd800 && cp <= 0xdfff ? 0xfffd : cp);
  }
  return cps;
}

function encodeCodePoint(cp, inSet) {
  return utf8PercentEncodeString(StringFromCodePoint(cp), inSet);
}

/**
 * The basic URL parser. Returns a URL record or `failure`; with `url` and `stateOverride` it
 * modifies `url` in place (for the setters) and its return value is then meaningless.
 */
export function basicURLParse(input, base = null, url = null, stateOverride = null) {
  if (url === null) {
    url = newURLRecord();
    // Strip leading and trailing C0 control or space.
    let start = 0;
    let end = input.length;
    while (start < end && StringPrototypeCharCodeAt(input, start) <= 0x20) start++;
    while (end > start && StringPrototypeCharCodeAt(input, end - 1) <= 0x20) end--;
    input = StringPrototypeSlice(input, start, end);
  }
  // Remove all ASCII tab or newline.
  input = StringPrototypeReplace(input, /[\t\n\r]/g, "");

  let state = stateOverride || State.SCHEME_START;
  let buffer = "";
  let atSignSeen = false;
  let insideBrackets = false;
  let passwordTokenSeen = false;
  const cps = toCodePoints(input);

  for (let pointer = 0; ; pointer++) {
    const c = pointer < cps.length ? cps[pointer] : EOF;
    switch (state) {
      case State.SCHEME_START:
        if (isAsciiAlpha(c)) {
          buffer += StringPrototypeToLowerCase(StringFromCodePoint(c));
          state = State.SCHEME;
        } else if (!stateOverride) {
          state = State.NO_SCHEME;
          pointer--;
        } else {
          return failure;
        }
        break;

      case State.SCHEME:
        if (isAsciiAlphanumeric(c) || c === 0x2b || c === 0x2d || c === 0x2e) {
          buffer += StringPrototypeToLowerCase(StringFromCodePoint(c));
        } else if (c === 0x3a) {
          if (stateOverride) {
            // The protocol setter cannot switch between special and non-special schemes.
            if (isSpecialScheme(url.scheme) !== isSpecialScheme(buffer)) return url;
            if ((includesCredentials(url) || url.port !== null) && buffer === "file") return url;
            if (url.scheme === "file" && url.host === "") return url;
          }
          url.scheme = buffer;
          if (stateOverride) {
            if (url.port === defaultPort(url.scheme)) url.port = null;
            return url;
          }
          buffer = "";
          if (url.scheme === "file") {
            state = State.FILE;
          } else if (isSpecialScheme(url.scheme) && base !== null && base.scheme === url.scheme) {
            state = State.SPECIAL_RELATIVE_OR_AUTHORITY;
          } else if (isSpecialScheme(url.scheme)) {
            state = State.SPECIAL_AUTHORITY_SLASHES;
          } else if (cps[pointer + 1] === 0x2f) {
            state = State.PATH_OR_AUTHORITY;
            pointer++;
          } else {
            url.path = "";
            state = State.OPAQUE_PATH;
          }
        } else if (!stateOverride) {
          buffer = "";
          state = State.NO_SCHEME;
          pointer = -1; // start over from the first code point
        } else {
          return failure;
        }
        break;

      case State.NO_SCHEME:
        if (base === null || (hasOpaquePath(base) && c !== 0x23)) {
          return failure;
        } else if (hasOpaquePath(base) && c === 0x23) {
          url.scheme = base.scheme;
          url.path = base.path;
          url.query = base.query;
          url.fragment = "";
          state = State.FRAGMENT;
        } else if (base.scheme !== "file") {
          state = State.RELATIVE;
          pointer--;
        } else {
          state = State.FILE;
          pointer--;
        }
        break;

      case State.SPECIAL_RELATIVE_OR_AUTHORITY:
        if (c === 0x2f && cps[pointer + 1] === 0x2f) {
          state = State.SPECIAL_AUTHORITY_IGNORE_SLASHES;
          pointer++;
        } else {
          state = State.RELATIVE;
          pointer--;
        }
        break;

      case State.PATH_OR_AUTHORITY:
        if (c === 0x2f) {
          state = State.AUTHORITY;
        } else {
          state = State.PATH;
          pointer--;
        }
        break;

      case State.RELATIVE:
        url.scheme = base.scheme;
        if (c === 0x2f) {
          state = State.RELATIVE_SLASH;
        } else if (isSpecialScheme(url.scheme) && c === 0x5c) {
          state = State.RELATIVE_SLASH;
        } else {
          url.username = base.username;
          url.password = base.password;
          url.host = base.host;
          url.port = base.port;
          url.path = ArrayPrototypeSlice(base.path);
          url.query = base.query;
          if (c === 0x3f) {
            url.query = "";
            state = State.QUERY;
          } else if (c === 0x23) {
            url.fragment = "";
            state = State.FRAGMENT;
          } else if (c !== EOF) {
            url.query = null;
            shortenPath(url);
            state = State.PATH;
            pointer--;
          }
        }
        break;

      case State.RELATIVE_SLASH:
        if (isSpecialScheme(url.scheme) && (c === 0x2f || c === 0x5c)) {
          state = State.SPECIAL_AUTHORITY_IGNORE_SLASHES;
        } else if (c === 0x2f) {
          state = State.AUTHORITY;
        } else {
          url.username = base.username;
          url.password = base.password;
          url.host = base.host;
          url.port = base.port;
          state = State.PATH;
          pointer--;
        }
        break;

      case State.SPECIAL_AUTHORITY_SLASHES:
        if (c === 0x2f && cps[pointer + 1] === 0x2f) {
          state = State.SPECIAL_AUTHORITY_IGNORE_SLASHES;
          pointer++;
        } else {
          state = State.SPECIAL_AUTHORITY_IGNORE_SLASHES;
          pointer--;
        }
        break;

      case State.SPECIAL_AUTHORITY_IGNORE_SLASHES:
        if (c !== 0x2f && c !== 0x5c) {
          state = State.AUTHORITY;
          pointer--;
        }
        break;

      case State.AUTHORITY:
        if (c === 0x40) {
          // Everything before the last "@" is userinfo; earlier "@"s are part of it.
          if (atSignSeen) buffer = "%40" + buffer;
          atSignSeen = true;
          const bufferCps = toCodePoints(buffer);
          for (let i = 0; i < bufferCps.length; i++) {
            const cp = bufferCps[i];
            if (cp === 0x3a && !passwordTokenSeen) {
              passwordTokenSeen = true;
              continue;
            }
            const encoded = encodeCodePoint(cp, isUserinfoPercentEncode);
            if (passwordTokenSeen) url.password += encoded;
            else url.username += encoded;
          }
          buffer = "";
        } else if (c === EOF || c === 0x2f || c === 0x3f || c === 0x23 || (isSpecialScheme(url.scheme) && c === 0x5c)) {
          if (atSignSeen && buffer === "") return failure;
          pointer -= toCodePoints(buffer).length + 1;
          buffer = "";
          state = State.HOST;
        } else {
          buffer += StringFromCodePoint(c);
        }
        break;

      case State.HOST:
      case State.HOSTNAME:
        if (stateOverride && url.scheme === "file") {
          pointer--;
          state = State.FILE_HOST;
        } else if (c === 0x3a && !insideBrackets) {
          if (buffer === "") return failure;
          if (stateOverride === State.HOSTNAME) return url;
          const host = parseHost(buffer, !isSpecialScheme(url.scheme));
          if (host === failure) return failure;
          url.host = host;
          buffer = "";
          state = State.PORT;
        } else if (c === EOF || c === 0x2f || c === 0x3f || c === 0x23 || (isSpecialScheme(url.scheme) && c === 0x5c)) {
          pointer--;
          if (isSpecialScheme(url.scheme) && buffer === "") return failure;
          if (stateOverride && buffer === "" && (includesCredentials(url) || url.port !== null)) return url;
          const host = parseHost(buffer, !isSpecialScheme(url.scheme));
          if (host === failure) return failure;
          url.host = host;
          buffer = "";
          state = State.PATH_START;
          if (stateOverride) return url;
        } else {
          if (c === 0x5b) insideBrackets = true;
          if (c === 0x5d) insideBrackets = false;
          buffer += StringFromCodePoint(c);
        }
        break;

      case State.PORT:
        if (isAsciiDigit(c)) {
          buffer += StringFromCodePoint(c);
        } else if (
          c === EOF ||
          c === 0x2f ||
          c === 0x3f ||
          c === 0x23 ||
          (isSpecialScheme(url.scheme) && c === 0x5c) ||
          stateOverride
        ) {
          if (buffer !== "") {
            const port = NumberParseInt(buffer, 10);
            if (port > 65535) return failure;
            url.port = port === defaultPort(url.scheme) ? null : port;
            buffer = "";
          }
          if (stateOverride) return url;
          state = State.PATH_START;
          pointer--;
        } else {
          return failure;
        }
        break;

      case State.FILE:
        url.scheme = "file";
        url.host = "";
        if (c === 0x2f || c === 0x5c) {
          state = State.FILE_SLASH;
        } else if (base !== null && base.scheme === "file") {
          url.host = base.host;
          url.path = ArrayPrototypeSlice(base.path);
          url.query = base.query;
          if (c === 0x3f) {
            url.query = "";
            state = State.QUERY;
          } else if (c === 0x23) {
            url.fragment = "";
            state = State.FRAGMENT;
          } else if (c !== EOF) {
            url.query = null;
            if (!startsWithWindowsDriveLetter(cps, pointer)) shortenPath(url);
            else url.path = [];
            state = State.PATH;
            pointer--;
          }
        } else {
          state = State.PATH;
          pointer--;
        }
        break;

      case State.FILE_SLASH:
        if (c === 0x2f || c === 0x5c) {
          state = State.FILE_HOST;
        } else {
          if (base !== null && base.scheme === "file") {
            url.host = base.host;
            if (!startsWithWindowsDriveLetter(cps, pointer) && base.path.length > 0 && isNormalizedWindowsDriveLetter(base.path[0])) {
              ArrayPrototypePush(url.path, base.path[0]);
            }
          }
          state = State.PATH;
          pointer--;
        }
        break;

      case State.FILE_HOST:
        if (c === EOF || c === 0x2f || c === 0x5c || c === 0x3f || c === 0x23) {
          pointer--;
          if (!stateOverride && isWindowsDriveLetter(buffer)) {
            // "file://C:/": the drive letter is a path segment, not a host (buffer kept).
            state = State.PATH;
          } else if (buffer === "") {
            url.host = "";
            if (stateOverride) return url;
            state = State.PATH_START;
          } else {
            let host = parseHost(buffer, !isSpecialScheme(url.scheme));
            if (host === failure) return failure;
            if (host === "localhost") host = "";
            url.host = host;
            if (stateOverride) return url;
            buffer = "";
            state = State.PATH_START;
          }
        } else {
          buffer += StringFromCodePoint(c);
        }
        break;

      case State.PATH_START:
        if (isSpecialScheme(url.scheme)) {
          state = State.PATH;
          if (c !== 0x2f && c !== 0x5c) pointer--;
        } else if (!stateOverride && c === 0x3f) {
          url.query = "";
          state = State.QUERY;
        } else if (!stateOverride && c === 0x23) {
          url.fragment = "";
          state = State.FRAGMENT;
        } else if (c !== EOF) {
          state = State.PATH;
          if (c !== 0x2f) pointer--;
        } else if (stateOverride && url.host === null) {
          ArrayPrototypePush(url.path, "");
        }
        break;

      case State.PATH:
        if (
          c === EOF ||
          c === 0x2f ||
          (isSpecialScheme(url.scheme) && c === 0x5c) ||
          (!stateOverride && (c === 0x3f || c === 0x23))
        ) {
          const slash = c === 0x2f || (isSpecialScheme(url.scheme) && c === 0x5c);
          if (isDoubleDot(buffer)) {
            shortenPath(url);
            if (!slash) ArrayPrototypePush(url.path, "");
          } else if (isSingleDot(buffer) && !slash) {
            ArrayPrototypePush(url.path, "");
          } else if (!isSingleDot(buffer)) {
            if (url.scheme === "file" && url.path.length === 0 && isWindowsDriveLetter(buffer)) {
              buffer = buffer[0] + ":";
            }
            ArrayPrototypePush(url.path, buffer);
          }
          buffer = "";
          if (c === 0x3f) {
            url.query = "";
            state = State.QUERY;
          }
          if (c === 0x23) {
            url.fragment = "";
            state = State.FRAGMENT;
          }
        } else {
          buffer += encodeCodePoint(c, isPathPercentEncode);
        }
        break;

      case State.OPAQUE_PATH:
        if (c === 0x3f) {
          url.query = "";
          state = State.QUERY;
        } else if (c === 0x23) {
          url.fragment = "";
          state = State.FRAGMENT;
        } else if (c !== EOF) {
          url.path += encodeCodePoint(c, isC0ControlPercentEncode);
        }
        break;

      case State.QUERY:
        if ((!stateOverride && c === 0x23) || c === EOF) {
          const inSet = isSpecialScheme(url.scheme) ? isSpecialQueryPercentEncode : isQueryPercentEncode;
          url.query += utf8PercentEncodeString(buffer, inSet);
          buffer = "";
          if (c === 0x23) {
            url.fragment = "";
            state = State.FRAGMENT;
          }
        } else if (c !== EOF) {
          buffer += StringFromCodePoint(c);
        }
        break;

      case State.FRAGMENT:
        if (c !== EOF) url.fragment += encodeCodePoint(c, isFragmentPercentEncode);
        break;
    }
    if (pointer >= cps.length) break;
  }
  return url;
}

/** The URL path serializer. */
export function serializePath(url) {
  if (hasOpaquePath(url)) return url.path;
  let output = "";
  for (let i = 0; i < url.path.length; i++) output += "/" + url.path[i];
  return output;
}

/** The URL serializer. */
export function serializeURL(url, excludeFragment = false) {
  let output = url.scheme + ":";
  if (url.host !== null) {
    output += "//";
    if (includesCredentials(url)) {
      output += url.username;
      if (url.password !== "") output += ":" + url.password;
      output += "@";
    }
    output += url.host;
    if (url.port !== null) output += ":" + url.port;
  }
  // "/." keeps a path starting with "//" from being read back as a host.
  if (url.host === null && !hasOpaquePath(url) && url.path.length > 1 && url.path[0] === "") output += "/.";
  output += serializePath(url);
  if (url.query !== null) output += "?" + url.query;
  if (!excludeFragment && url.fragment !== null) output += "#" + url.fragment;
  return output;
}

/** The ASCII serialization of the URL's origin ("null" for opaque origins). */
export function serializeOrigin(url) {
  switch (url.scheme) {
    case "blob": {
      const pathURL = basicURLParse(serializePath(url));
      if (pathURL !== failure && (pathURL.scheme === "http" || pathURL.scheme === "https")) return serializeOrigin(pathURL);
      return "null";
    }
    case "ftp":
    case "http":
    case "https":
    case "ws":
    case "wss":
      return url.scheme + "://" + url.host + (url.port === null ? "" : ":" + url.port);
    default:
      return "null";
  }
}

export function cloneURLRecord(url) {
  return {
    scheme: url.scheme,
    username: url.username,
    password: url.password,
    host: url.host,
    port: url.port,
    path: hasOpaquePath(url) ? url.path : ArrayPrototypeSlice(url.path),
    query: url.query,
    fragment: url.fragment,
  };
}

export function joinPath(segments) {
  return ArrayPrototypeJoin(segments, "/");
}
