// URLSearchParams (URL Standard §6.2): an ordered list of name-value pairs, optionally
// attached to a URL whose query it rewrites after every change ("update steps").
import {
  ArrayPrototypePush,
  ArrayPrototypeSplice,
  FunctionPrototypeCall,
  ObjectDefineProperties,
  ObjectDefineProperty,
  ObjectGetOwnPropertyDescriptor,
  ObjectGetPrototypeOf,
  ReflectOwnKeys,
  SafeTypeError,
  StringPrototypeCharCodeAt,
  StringPrototypeSlice,
  SymbolIterator,
} from "../primordials/index.js";
import { parseUrlencoded, serializeUrlencoded } from "./urlencoded.js";
import { toUSVString } from "./usv_string.js";

let stateOf;

function check(params) {
  return stateOf(params);
}

export class URLSearchParams {
  #s;

  constructor(init = "") {
    this.#s = { list: [], url: null };
    const list = this.#s.list;
    if (init !== null && (typeof init === "object" || typeof init === "function")) {
      const method = init[SymbolIterator];
      if (method !== undefined && method !== null) {
        // sequence<sequence<USVString>>: every inner sequence must be a pair.
        if (typeof method !== "function") throw new SafeTypeError("Failed to construct 'URLSearchParams': The object's Symbol.iterator is not callable.");
        for (const pair of FunctionPrototypeCall(method, init)) {
          if (pair === null || (typeof pair !== "object" && typeof pair !== "function") || typeof pair[SymbolIterator] !== "function") {
            throw new SafeTypeError("Failed to construct 'URLSearchParams': The provided value cannot be converted to a sequence.");
          }
          const items = [];
          for (const item of pair) ArrayPrototypePush(items, toUSVString(item));
          if (items.length !== 2) {
            throw new SafeTypeError("Failed to construct 'URLSearchParams': Sequence initializer must only contain pair elements");
          }
          ArrayPrototypePush(list, items);
        }
      } else {
        // record<USVString, USVString>: own enumerable string keys, in property order.
        const keys = ReflectOwnKeys(init);
        for (let i = 0; i < keys.length; i++) {
          const key = keys[i];
          if (typeof key !== "string") continue;
          const desc = ObjectGetOwnPropertyDescriptor(init, key);
          if (desc === undefined || !desc.enumerable) continue;
          const name = toUSVString(key);
          const value = toUSVString(init[key]);
          // A later key with the same USVString replaces the earlier one's value.
          let replaced = false;
          for (let j = 0; j < list.length; j++) {
            if (list[j][0] === name) {
              list[j][1] = value;
              replaced = true;
            }
          }
          if (!replaced) ArrayPrototypePush(list, [name, value]);
        }
      }
    } else {
      let s = toUSVString(init);
      if (StringPrototypeCharCodeAt(s, 0) === 0x3f) s = StringPrototypeSlice(s, 1);
      const parsed = parseUrlencoded(s);
      for (let i = 0; i < parsed.length; i++) ArrayPrototypePush(list, parsed[i]);
    }
  }

  static {
    stateOf = (params) => {
      if (params === null || typeof params !== "object" || !(#s in params)) throw new SafeTypeError("Illegal invocation");
      return params.#s;
    };
  }

  get size() {
    return check(this).list.length;
  }

  append(name, value) {
    const s = check(this);
    if (arguments.length < 2) throw new SafeTypeError("Failed to execute 'append' on 'URLSearchParams': 2 arguments required.");
    ArrayPrototypePush(s.list, [toUSVString(name), toUSVString(value)]);
    update(s);
  }

  delete(name, value = undefined) {
    const s = check(this);
    if (arguments.length < 1) throw new SafeTypeError("Failed to execute 'delete' on 'URLSearchParams': 1 argument required.");
    name = toUSVString(name);
    const hasValue = value !== undefined;
    if (hasValue) value = toUSVString(value);
    for (let i = 0; i < s.list.length; ) {
      if (s.list[i][0] === name && (!hasValue || s.list[i][1] === value)) ArrayPrototypeSplice(s.list, i, 1);
      else i++;
    }
    update(s);
  }

  get(name) {
    const s = check(this);
    if (arguments.length < 1) throw new SafeTypeError("Failed to execute 'get' on 'URLSearchParams': 1 argument required.");
    name = toUSVString(name);
    for (let i = 0; i < s.list.length; i++) if (s.list[i][0] === name) return s.list[i][1];
    return null;
  }

  getAll(name) {
    const s = check(this);
    if (arguments.length < 1) throw new SafeTypeError("Failed to execute 'getAll' on 'URLSearchParams': 1 argument required.");
    name = toUSVString(name);
    const values = [];
    for (let i = 0; i < s.list.length; i++) if (s.list[i][0] === name) ArrayPrototypePush(values, s.list[i][1]);
    return values;
  }

  has(name, value = undefined) {
    const s = check(this);
    if (arguments.length < 1) throw new SafeTypeError("Failed to execute 'has' on 'URLSearchParams': 1 argument required.");
    name = toUSVString(name);
    const hasValue = value !== undefined;
    if (hasValue) value = toUSVString(value);
    for (let i = 0; i < s.list.length; i++) {
      if (s.list[i][0] === name && (!hasValue || s.list[i][1] === value)) return true;
    }
    return false;
  }

  /** Replaces the first pair named `name` and removes the others (or appends). */
  set(name, value) {
    const s = check(this);
    if (arguments.length < 2) throw new SafeTypeError("Failed to execute 'set' on 'URLSearchParams': 2 arguments required.");
    name = toUSVString(name);
    value = toUSVString(value);
    let found = false;
    for (let i = 0; i < s.list.length; ) {
      if (s.list[i][0] === name) {
        if (!found) {
          s.list[i][1] = value;
          found = true;
          i++;
        } else {
          ArrayPrototypeSplice(s.list, i, 1);
        }
      } else {
        i++;
      }
    }
    if (!found) ArrayPrototypePush(s.list, [name, value]);
    update(s);
  }

  /** Stable sort by name, comparing UTF-16 code units. */
  sort() {
    const s = check(this);
    const list = s.list;
    // Insertion sort: stable, and independent of Array.prototype.sort.
    for (let i = 1; i < list.length; i++) {
      const item = list[i];
      let j = i - 1;
      while (j >= 0 && list[j][0] > item[0]) {
        list[j + 1] = list[j];
        j--;
      }
      list[j + 1] = item;
    }
    update(s);
  }

  forEach(callback, thisArg = undefined) {
    const s = check(this);
    if (typeof callback !== "function") {
      throw new SafeTypeError("Failed to execute 'forEach' on 'URLSearchParams': parameter 1 is not of type 'Function'.");
    }
    for (let i = 0; i < s.list.length; i++) {
      const pair = s.list[i];
      FunctionPrototypeCall(callback, thisArg, pair[1], pair[0], this);
    }
  }

  entries() {
    return new URLSearchParamsIterator(check(this), "key+value");
  }
  keys() {
    return new URLSearchParamsIterator(check(this), "key");
  }
  values() {
    return new URLSearchParamsIterator(check(this), "value");
  }

  toString() {
    return serializeUrlencoded(check(this).list);
  }
}

// The "update steps": write the serialised list back into the associated URL's query.
function update(s) {
  if (s.url === null) return;
  const serialized = serializeUrlencoded(s.list);
  s.url.query = serialized === "" ? null : serialized;
  if (serialized === "") stripTrailingSpacesFromOpaquePath(s.url);
}

export function stripTrailingSpacesFromOpaquePath(url) {
  if (typeof url.path !== "string") return;
  if (url.fragment !== null || url.query !== null) return;
  let end = url.path.length;
  while (end > 0 && StringPrototypeCharCodeAt(url.path, end - 1) === 0x20) end--;
  url.path = StringPrototypeSlice(url.path, 0, end);
}

// Iterators walk the live list by index, as WebIDL pair iterators do.
const IteratorPrototype = ObjectGetPrototypeOf(ObjectGetPrototypeOf([][Symbol.iterator]()));
class URLSearchParamsIterator {
  #state;
  #kind;
  #index = 0;
  constructor(state, kind) {
    this.#state = state;
    this.#kind = kind;
  }
  next() {
    if (!(#state in this)) throw new SafeTypeError("Illegal invocation");
    const list = this.#state.list;
    if (this.#index >= list.length) return { value: undefined, done: true };
    const pair = list[this.#index++];
    const value = this.#kind === "key" ? pair[0] : this.#kind === "value" ? pair[1] : [pair[0], pair[1]];
    return { value, done: false };
  }
}
Object.setPrototypeOf(URLSearchParamsIterator.prototype, IteratorPrototype);
ObjectDefineProperty(URLSearchParamsIterator.prototype, Symbol.toStringTag, {
  value: "URLSearchParams Iterator",
  configurable: true,
});
ObjectDefineProperty(URLSearchParamsIterator.prototype, "next", { enumerable: true });

ObjectDefineProperty(URLSearchParams.prototype, SymbolIterator, {
  value: URLSearchParams.prototype.entries,
  writable: true,
  configurable: true,
});
ObjectDefineProperty(URLSearchParams.prototype, Symbol.toStringTag, { value: "URLSearchParams", configurable: true });
const enumerable = { enumerable: true };
ObjectDefineProperties(URLSearchParams.prototype, {
  size: enumerable,
  append: enumerable,
  delete: enumerable,
  get: enumerable,
  getAll: enumerable,
  has: enumerable,
  set: enumerable,
  sort: enumerable,
  forEach: enumerable,
  entries: enumerable,
  keys: enumerable,
  values: enumerable,
  toString: enumerable,
});

/** Internal: a URLSearchParams bound to a URL record (its list comes from the query). */
export function createSearchParamsForURL(url) {
  const params = new URLSearchParams();
  const s = stateOf(params);
  s.url = url;
  s.list = url.query === null ? [] : parseUrlencoded(url.query);
  return params;
}

/** Internal: re-point the params at a (new) URL record and re-parse its query. */
export function resetSearchParams(params, url) {
  const s = stateOf(params);
  s.url = url;
  s.list = url.query === null ? [] : parseUrlencoded(url.query);
}

export function isURLSearchParams(value) {
  try {
    stateOf(value);
    return true;
  } catch {
    return false;
  }
}
