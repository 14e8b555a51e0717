// The URL class (URL Standard §6.1): a URL record plus its URLSearchParams, with getters and
// setters that re-run the basic URL parser with a state override.
import {
  ArrayPrototypeSlice,
  ObjectAssign,
  ObjectDefineProperties,
  ObjectDefineProperty,
  ObjectFreeze,
  SafeTypeError,
  StringPrototypeCharCodeAt,
  StringPrototypeSlice,
} from "../primordials/index.js";
import {
  State,
  basicURLParse,
  cannotHaveUsernamePasswordPort,
  failure,
  hasOpaquePath,
  serializeOrigin,
  serializePath,
  serializeURL,
} from "./url_parser.js";
import { isUserinfoPercentEncode, utf8PercentEncodeString } from "./percent_encoding.js";
import { createSearchParamsForURL, resetSearchParams, stripTrailingSpacesFromOpaquePath } from "./url_search_params.js";
import { toUSVString } from "./usv_string.js";

let recordOf;
// URL.parse hands its parsed record to the constructor through these (the token is private).
const adoptToken = ObjectFreeze({});
let adoptedRecord = null;

// "API URL parser": parse the base first, then the input against it.
function apiParse(url, base) {
  let parsedBase = null;
  if (base !== undefined) {
    parsedBase = basicURLParse(toUSVString(base));
    if (parsedBase === failure) return failure;
  }
  return basicURLParse(toUSVString(url), parsedBase);
}

export class URL {
  #url;
  #query;

  constructor(url, base = undefined) {
    if (arguments.length === 0) throw new SafeTypeError("Failed to construct 'URL': 1 argument required, but only 0 present.");
    let parsed;
    if (url === adoptToken) {
      parsed = adoptedRecord;
      adoptedRecord = null;
    } else {
      parsed = apiParse(url, base);
    }
    if (parsed === failure) {
      throw new SafeTypeError(`Invalid URL: ${toUSVString(url)}${base === undefined ? "" : ` (base: ${toUSVString(base)})`}`);
    }
    this.#url = parsed;
    this.#query = createSearchParamsForURL(parsed);
  }

  static {
    recordOf = (value) => {
      if (value === null || typeof value !== "object" || !(#url in value)) throw new SafeTypeError("Illegal invocation");
      return value.#url;
    };
  }

  /** Whether `new URL(url, base)` would succeed. */
  static canParse(url, base = undefined) {
    if (arguments.length === 0) throw new SafeTypeError("Failed to execute 'canParse' on 'URL': 1 argument required.");
    return apiParse(url, base) !== failure;
  }

  /** `new URL(url, base)`, or null where that would throw. */
  static parse(url, base = undefined) {
    if (arguments.length === 0) throw new SafeTypeError("Failed to execute 'parse' on 'URL': 1 argument required.");
    const parsed = apiParse(url, base);
    if (parsed === failure) return null;
    // The constructor adopts the parsed record instead of parsing again.
    adoptedRecord = parsed;
    return new URL(adoptToken);
  }

  get href() {
    return serializeURL(recordOf(this));
  }
  set href(value) {
    const url = recordOf(this);
    const parsed = basicURLParse(toUSVString(value));
    if (parsed === failure) throw new SafeTypeError(`Invalid URL: ${toUSVString(value)}`);
    // Keep the same record object: the URLSearchParams points at it.
    ObjectAssign(url, parsed);
    resetSearchParams(this.#query, url);
  }

  get origin() {
    return serializeOrigin(recordOf(this));
  }

  get protocol() {
    return recordOf(this).scheme + ":";
  }
  set protocol(value) {
    const url = recordOf(this);
    basicURLParse(toUSVString(value) + ":", null, url, State.SCHEME_START);
  }

  get username() {
    return recordOf(this).username;
  }
  set username(value) {
    const url = recordOf(this);
    value = toUSVString(value);
    if (cannotHaveUsernamePasswordPort(url)) return;
    url.username = utf8PercentEncodeString(value, isUserinfoPercentEncode);
  }

  get password() {
    return recordOf(this).password;
  }
  set password(value) {
    const url = recordOf(this);
    value = toUSVString(value);
    if (cannotHaveUsernamePasswordPort(url)) return;
    url.password = utf8PercentEncodeString(value, isUserinfoPercentEncode);
  }

  get host() {
    const url = recordOf(this);
    if (url.host === null) return "";
    if (url.port === null) return url.host;
    return url.host + ":" + url.port;
  }
  set host(value) {
    const url = recordOf(this);
    value = toUSVString(value);
    if (hasOpaquePath(url)) return;
    setWithOverride(url, value, State.HOST);
  }

  get hostname() {
    const url = recordOf(this);
    return url.host === null ? "" : url.host;
  }
  set hostname(value) {
    const url = recordOf(this);
    value = toUSVString(value);
    if (hasOpaquePath(url)) return;
    setWithOverride(url, value, State.HOSTNAME);
  }

  get port() {
    const url = recordOf(this);
    return url.port === null ? "" : `${url.port}`;
  }
  set port(value) {
    const url = recordOf(this);
    value = toUSVString(value);
    if (cannotHaveUsernamePasswordPort(url)) return;
    if (value === "") url.port = null;
    else setWithOverride(url, value, State.PORT);
  }

  get pathname() {
    return serializePath(recordOf(this));
  }
  set pathname(value) {
    const url = recordOf(this);
    value = toUSVString(value);
    if (hasOpaquePath(url)) return;
    const saved = url.path;
    url.path = [];
    if (basicURLParse(value, null, url, State.PATH_START) === failure) url.path = saved;
  }

  get search() {
    const url = recordOf(this);
    return url.query === null || url.query === "" ? "" : "?" + url.query;
  }
  set search(value) {
    const url = recordOf(this);
    value = toUSVString(value);
    if (value === "") {
      url.query = null;
      resetSearchParams(this.#query, url);
      stripTrailingSpacesFromOpaquePath(url);
      return;
    }
    const input = StringPrototypeCharCodeAt(value, 0) === 0x3f ? StringPrototypeSlice(value, 1) : value;
    url.query = "";
    basicURLParse(input, null, url, State.QUERY);
    resetSearchParams(this.#query, url);
  }

  get searchParams() {
    recordOf(this);
    return this.#query;
  }

  get hash() {
    const url = recordOf(this);
    return url.fragment === null || url.fragment === "" ? "" : "#" + url.fragment;
  }
  set hash(value) {
    const url = recordOf(this);
    value = toUSVString(value);
    if (value === "") {
      url.fragment = null;
      stripTrailingSpacesFromOpaquePath(url);
      return;
    }
    const input = StringPrototypeCharCodeAt(value, 0) === 0x23 ? StringPrototypeSlice(value, 1) : value;
    url.fragment = "";
    basicURLParse(input, null, url, State.FRAGMENT);
  }

  toString() {
    return serializeURL(recordOf(this));
  }

  toJSON() {
    return serializeURL(recordOf(this));
  }
}

// Setters run the parser on a copy so that a failure leaves the URL unchanged.
function setWithOverride(url, value, state) {
  const copy = ObjectAssign({}, url);
  if (!hasOpaquePath(url)) copy.path = ArrayPrototypeSlice(url.path);
  if (basicURLParse(value, null, copy, state) === failure) {
    // The parser works on the URL itself: a host it set before an invalid port stays set.
    if (state === State.HOST) url.host = copy.host;
    return;
  }
  ObjectAssign(url, copy);
}

ObjectDefineProperty(URL.prototype, Symbol.toStringTag, { value: "URL", configurable: true });
const enumerable = { enumerable: true };
ObjectDefineProperties(URL.prototype, {
  href: enumerable,
  origin: enumerable,
  protocol: enumerable,
  username: enumerable,
  password: enumerable,
  host: enumerable,
  hostname: enumerable,
  port: enumerable,
  pathname: enumerable,
  search: enumerable,
  searchParams: enumerable,
  hash: enumerable,
  toString: enumerable,
  toJSON: enumerable,
});
ObjectDefineProperty(URL, "canParse", enumerable);
ObjectDefineProperty(URL, "parse", enumerable);

/** Whether `value` is a URL created by this module. */
export function isURL(value) {
  try {
    recordOf(value);
    return true;
  } catch {
    return false;
  }
}
