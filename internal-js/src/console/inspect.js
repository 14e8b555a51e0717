// A value inspector producing the output Node.js users know from util.inspect (plain text, no
// colours): nested objects up to a depth limit, arrays with holes, Maps/Sets, class instances,
// errors with stacks, getters, cycles marked <ref *N> / [Circular *N], and line breaking at 80
// columns with short arrays of numbers grouped in columns.
import {
  ArrayBufferPrototypeGetByteLength,
  ArrayIsArray,
  ArrayPrototypeFilter,
  ArrayPrototypeIncludes,
  ArrayPrototypeIndexOf,
  ArrayPrototypeJoin,
  ArrayPrototypePop,
  ArrayPrototypePush,
  ArrayPrototypeSort,
  ArrayPrototypeSplice,
  ArrayPrototypeUnshift,
  BigIntPrototypeValueOf,
  BooleanPrototypeValueOf,
  DatePrototypeGetTime,
  DatePrototypeToISOString,
  DatePrototypeToString,
  ErrorPrototypeToString,
  FunctionPrototypeCall,
  FunctionPrototypeToString,
  MapIteratorPrototypeNext,
  MapPrototypeEntries,
  MapPrototypeGetSize,
  MathFloor,
  MathMax,
  MathMin,
  MathRound,
  MathSqrt,
  NumberIsNaN,
  NumberPrototypeValueOf,
  ObjectAssign,
  ObjectGetOwnPropertyDescriptor,
  ObjectGetOwnPropertyNames,
  ObjectGetOwnPropertySymbols,
  ObjectGetPrototypeOf,
  ObjectIs,
  ObjectKeys,
  ObjectPrototypeHasOwnProperty,
  ObjectPrototypePropertyIsEnumerable,
  RegExpPrototypeExec,
  RegExpPrototypeToString,
  SafeMap,
  SafeRegExp,
  SafeString,
  SafeUint8Array,
  SetIteratorPrototypeNext,
  SetPrototypeGetSize,
  SetPrototypeValues,
  StringFromCharCode,
  StringPrototypeCharCodeAt,
  StringPrototypeEndsWith,
  StringPrototypeIncludes,
  StringPrototypeIndexOf,
  StringPrototypePadEnd,
  StringPrototypePadStart,
  StringPrototypeRepeat,
  StringPrototypeReplace,
  StringPrototypeSlice,
  StringPrototypeSplit,
  StringPrototypeStartsWith,
  StringPrototypeToUpperCase,
  StringPrototypeValueOf,
  SymbolFor,
  SymbolPrototypeToString,
  SymbolPrototypeValueOf,
  SymbolToStringTag,
  TypedArrayPrototypeGetLength,
  TypedArrayPrototypeGetSymbolToStringTag,
  NumberPrototypeToString,
} from "../primordials/index.js";
import {
  isArguments,
  isArrayBuffer,
  isAsyncFunction,
  isBigIntObject,
  isBooleanObject,
  isBoxedPrimitive,
  isDataView,
  isDate,
  isError,
  isGeneratorFunction,
  isMap,
  isNumberObject,
  isPromise,
  isRegExp,
  isSet,
  isStringObject,
  isTypedArray,
  isWeakMap,
  isWeakSet,
} from "./types.js";

/** Objects may customise their inspection with this (Node-compatible) symbol. */
export const customInspectSymbol = SymbolFor("nodejs.util.inspect.custom");

export const defaultInspectOptions = {
  showHidden: false,
  depth: 2,
  customInspect: true,
  maxArrayLength: 100,
  maxStringLength: 10000,
  breakLength: 80,
  compact: 3,
  sorted: false,
  getters: false,
};

const kObjectType = 0;
const kArrayType = 1;
const kArrayExtrasType = 2;
const kMinLineWidth = 16;

const keyStrRegExp = /^[a-zA-Z_][a-zA-Z_0-9]*$/;
const numberRegExp = /^(0|[1-9][0-9]*)$/;
const classRegExp = /^(\s+[^(]*?)\s*{/;
const stripCommentsRegExp = /(\/\/.*?\n)|(\/\*(.|\n)*?\*\/)/g;

/** inspect(value, options): returns the string representation of any value. */
export function inspect(value, options = undefined) {
  const ctx = {
    budget: {},
    indentationLvl: 0,
    seen: [],
    currentDepth: 0,
    circular: new SafeMap(),
  };
  ObjectAssign(ctx, defaultInspectOptions);
  if (options !== null && typeof options === "object") {
    const keys = ObjectKeys(defaultInspectOptions);
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i];
      if (ObjectPrototypeHasOwnProperty(options, key) && options[key] !== undefined) ctx[key] = options[key];
      else if (key === "depth" && ObjectPrototypeHasOwnProperty(options, key)) ctx.depth = defaultInspectOptions.depth;
    }
    if (ObjectPrototypeHasOwnProperty(options, "depth") && options.depth === null) ctx.depth = null;
  }
  if (ctx.depth === Infinity) ctx.depth = null;
  if (ctx.maxArrayLength === null) ctx.maxArrayLength = Infinity;
  if (ctx.maxStringLength === null) ctx.maxStringLength = Infinity;
  return formatValue(ctx, value, 0);
}

function formatValue(ctx, value, recurseTimes, typedArray) {
  if (typeof value !== "object" && typeof value !== "function") return formatPrimitive(value, ctx);
  if (value === null) return "null";

  if (ctx.customInspect) {
    let maybeCustom;
    try {
      maybeCustom = value[customInspectSymbol];
    } catch {
      maybeCustom = undefined;
    }
    if (typeof maybeCustom === "function" && maybeCustom !== inspect) {
      const depth = ctx.depth === null ? null : ctx.depth - recurseTimes;
      const options = ObjectAssign({}, ctx, { depth, seen: undefined, circular: undefined, budget: undefined });
      const ret = FunctionPrototypeCall(maybeCustom, value, depth, options, inspect);
      if (ret !== value) {
        if (typeof ret !== "string") return formatValue(ctx, ret, recurseTimes);
        return StringPrototypeReplace(ret, /\n/g, `\n${StringPrototypeRepeat(" ", ctx.indentationLvl)}`);
      }
    }
  }

  if (ArrayPrototypeIncludes(ctx.seen, value)) {
    let index = 1;
    if (!ctx.circular.has(value)) {
      index = ctx.circular.size + 1;
      ctx.circular.set(value, index);
    } else {
      index = ctx.circular.get(value);
    }
    return `[Circular *${index}]`;
  }
  return formatRaw(ctx, value, recurseTimes, typedArray);
}

// The constructor name found on the prototype chain, or null for null-prototype objects.
function getConstructorName(obj) {
  let current = obj;
  while (current !== null && current !== undefined) {
    let desc;
    try {
      desc = ObjectGetOwnPropertyDescriptor(current, "constructor");
    } catch {
      return null;
    }
    if (desc !== undefined && typeof desc.value === "function" && desc.value.name !== "") {
      if (isInstanceof(obj, desc.value)) return SafeString(desc.value.name);
    }
    current = ObjectGetPrototypeOf(current);
  }
  return null;
}

function isInstanceof(obj, ctor) {
  try {
    let proto = ObjectGetPrototypeOf(obj);
    const target = ctor.prototype;
    while (proto !== null) {
      if (proto === target) return true;
      proto = ObjectGetPrototypeOf(proto);
    }
    return false;
  } catch {
    return false;
  }
}

function getPrefix(constructor, tag, fallback, size = "") {
  if (constructor === null) {
    if (tag !== "" && fallback !== tag) return `[${fallback}${size}: null prototype] [${tag}] `;
    return `[${fallback}${size}: null prototype] `;
  }
  if (tag !== "" && constructor !== tag) return `${constructor}${size} [${tag}] `;
  return `${constructor}${size} `;
}

// Own enumerable string keys plus enumerable symbols (or every own key with showHidden).
function getKeys(value, showHidden) {
  const symbols = ObjectGetOwnPropertySymbols(value);
  let keys;
  if (showHidden) {
    keys = ObjectGetOwnPropertyNames(value);
    for (let i = 0; i < symbols.length; i++) ArrayPrototypePush(keys, symbols[i]);
  } else {
    keys = ObjectKeys(value);
    for (let i = 0; i < symbols.length; i++) {
      if (ObjectPrototypePropertyIsEnumerable(value, symbols[i])) ArrayPrototypePush(keys, symbols[i]);
    }
  }
  return keys;
}

function isArrayIndexKey(key) {
  return typeof key === "string" && RegExpPrototypeExec(numberRegExp, key) !== null && +key < 4294967295;
}

function getNonIndexKeys(value, showHidden) {
  return ArrayPrototypeFilter(getKeys(value, showHidden), (key) => !isArrayIndexKey(key));
}

function formatRaw(ctx, value, recurseTimes, typedArray) {
  let keys;
  const constructor = getConstructorName(value);
  let tag = "";
  try {
    const t = value[SymbolToStringTag];
    if (typeof t === "string" && t !== "" && t !== constructor) tag = t;
  } catch {}

  let base = "";
  let formatter = () => [];
  let braces;
  let noIterator = true;
  let extrasType = kObjectType;

  if (ArrayIsArray(value)) {
    noIterator = false;
    const prefix = constructor !== "Array" || tag !== "" ? getPrefix(constructor, tag, "Array", `(${value.length})`) : "";
    keys = getNonIndexKeys(value, ctx.showHidden);
    braces = [`${prefix}[`, "]"];
    if (value.length === 0 && keys.length === 0) return `${braces[0]}]`;
    extrasType = kArrayExtrasType;
    formatter = formatArray;
  } else if (isSet(value)) {
    noIterator = false;
    const size = SetPrototypeGetSize(value);
    const prefix = getPrefix(constructor, tag, "Set", `(${size})`);
    keys = getKeys(value, ctx.showHidden);
    formatter = formatSet;
    if (size === 0 && keys.length === 0) return `${prefix}{}`;
    braces = [`${prefix}{`, "}"];
  } else if (isMap(value)) {
    noIterator = false;
    const size = MapPrototypeGetSize(value);
    const prefix = getPrefix(constructor, tag, "Map", `(${size})`);
    keys = getKeys(value, ctx.showHidden);
    formatter = formatMap;
    if (size === 0 && keys.length === 0) return `${prefix}{}`;
    braces = [`${prefix}{`, "}"];
  } else if (isTypedArray(value)) {
    noIterator = false;
    keys = getNonIndexKeys(value, ctx.showHidden);
    const fallback = TypedArrayPrototypeGetSymbolToStringTag(value);
    const length = TypedArrayPrototypeGetLength(value);
    const prefix = getPrefix(constructor, tag === fallback ? "" : tag, fallback, `(${length})`);
    braces = [`${prefix}[`, "]"];
    if (length === 0 && keys.length === 0) return `${braces[0]}]`;
    formatter = formatTypedArray;
    extrasType = kArrayExtrasType;
  }

  if (noIterator) {
    keys = getKeys(value, ctx.showHidden);
    braces = ["{", "}"];
    if (constructor === "Object" && !isError(value)) {
      if (isArguments(value)) {
        braces[0] = "[Arguments] [";
        braces[1] = "]";
        keys = getNonIndexKeys(value, ctx.showHidden);
        extrasType = kArrayExtrasType;
        formatter = formatArray;
        if (value.length === 0 && keys.length === 0) return "[Arguments] []";
      } else {
        if (tag !== "") braces[0] = `${getPrefix(constructor, tag, "Object")}{`;
        if (keys.length === 0) return `${braces[0]}}`;
      }
    } else if (typeof value === "function") {
      base = getFunctionBase(value, constructor, tag);
      if (keys.length === 0) return base;
    } else if (isRegExp(value)) {
      base = RegExpPrototypeToString(constructor !== null ? value : new SafeRegExp(value));
      const prefix = getPrefix(constructor, tag, "RegExp");
      if (prefix !== "RegExp ") base = `${prefix}${base}`;
      if (keys.length === 0) return base;
    } else if (isDate(value)) {
      base = NumberIsNaN(DatePrototypeGetTime(value)) ? DatePrototypeToString(value) : DatePrototypeToISOString(value);
      const prefix = getPrefix(constructor, tag, "Date");
      if (prefix !== "Date ") base = `${prefix}${base}`;
      if (keys.length === 0) return base;
    } else if (isError(value)) {
      base = formatError(value, constructor, tag, ctx, keys);
      if (keys.length === 0) return base;
    } else if (isArrayBuffer(value)) {
      const prefix = getPrefix(constructor, tag, "ArrayBuffer");
      if (typedArray === undefined) {
        formatter = formatArrayBuffer;
      } else if (keys.length === 0) {
        return `${prefix}{ byteLength: ${ArrayBufferPrototypeGetByteLength(value)} }`;
      }
      braces[0] = `${prefix}{`;
      ArrayPrototypeUnshift(keys, "byteLength");
    } else if (isDataView(value)) {
      braces[0] = `${getPrefix(constructor, tag, "DataView")}{`;
      ArrayPrototypeUnshift(keys, "byteLength", "byteOffset", "buffer");
    } else if (isPromise(value)) {
      // Promise state is not observable from JavaScript without native help.
      braces[0] = `${getPrefix(constructor, tag, "Promise")}{`;
      formatter = () => ["<unknown>"];
    } else if (isWeakSet(value)) {
      braces[0] = `${getPrefix(constructor, tag, "WeakSet")}{`;
      formatter = () => ["<items unknown>"];
    } else if (isWeakMap(value)) {
      braces[0] = `${getPrefix(constructor, tag, "WeakMap")}{`;
      formatter = () => ["<items unknown>"];
    } else if (isBoxedPrimitive(value)) {
      base = getBoxedBase(value, ctx, keys, constructor, tag);
      if (keys.length === 0) return base;
    } else {
      if (keys.length === 0) return `${getPrefix(constructor, tag, "Object")}{}`;
      braces[0] = `${getPrefix(constructor, tag, "Object")}{`;
    }
  }

  if (ctx.depth !== null && recurseTimes > ctx.depth) {
    return `[${StringPrototypeSlice(getPrefix(constructor, tag, ArrayIsArray(value) ? "Array" : "Object"), 0, -1)}]`;
  }
  recurseTimes += 1;
  ArrayPrototypePush(ctx.seen, value);
  ctx.currentDepth = recurseTimes;
  let output;
  try {
    output = formatter(ctx, value, recurseTimes);
    for (let i = 0; i < keys.length; i++) {
      ArrayPrototypePush(output, formatProperty(ctx, value, recurseTimes, keys[i], extrasType));
    }
  } finally {
    ArrayPrototypePop(ctx.seen);
  }

  if (ctx.circular.has(value)) {
    const reference = `<ref *${ctx.circular.get(value)}>`;
    base = base === "" ? reference : `${reference} ${base}`;
  }
  if (ctx.sorted) {
    const comparator = ctx.sorted === true ? undefined : ctx.sorted;
    if (extrasType === kObjectType) output = ArrayPrototypeSort(output, comparator);
  }
  return reduceToSingleString(ctx, output, base, braces, extrasType, recurseTimes, value);
}

function getBoxedBase(value, ctx, keys, constructor, tag) {
  let fn;
  let type;
  if (isNumberObject(value)) {
    fn = NumberPrototypeValueOf;
    type = "Number";
  } else if (isStringObject(value)) {
    fn = StringPrototypeValueOf;
    type = "String";
    // The index keys of a String object are its characters: skip them.
    ArrayPrototypeSplice(keys, 0, StringPrototypeValueOf(value).length);
  } else if (isBooleanObject(value)) {
    fn = BooleanPrototypeValueOf;
    type = "Boolean";
  } else if (isBigIntObject(value)) {
    fn = BigIntPrototypeValueOf;
    type = "BigInt";
  } else {
    fn = SymbolPrototypeValueOf;
    type = "Symbol";
  }
  let base = `[${type}`;
  if (type !== constructor) base += constructor === null ? " (null prototype)" : ` (${constructor})`;
  base += `: ${formatPrimitive(fn(value), ObjectAssign({}, ctx, { compact: true }))}]`;
  if (tag !== "" && tag !== constructor) base += ` [${tag}]`;
  return base;
}

function getFunctionBase(value, constructor, tag) {
  let source = "";
  try {
    source = FunctionPrototypeToString(value);
  } catch {}
  if (StringPrototypeStartsWith(source, "class") && StringPrototypeEndsWith(source, "}")) {
    const slice = StringPrototypeSlice(source, 5, -1);
    const bracketIndex = StringPrototypeIndexOf(slice, "{");
    if (
      bracketIndex !== -1 &&
      (!StringPrototypeIncludes(StringPrototypeSlice(slice, 0, bracketIndex), "(") ||
        RegExpPrototypeExec(classRegExp, StringPrototypeReplace(slice, stripCommentsRegExp, "")) !== null)
    ) {
      return getClassBase(value, constructor, tag);
    }
  }
  let type = "Function";
  if (isGeneratorFunction(value)) type = `Generator${type}`;
  if (isAsyncFunction(value)) type = `Async${type}`;
  let base = `[${type}`;
  if (constructor === null) base += " (null prototype)";
  if (value.name === "" || typeof value.name !== "string") base += " (anonymous)";
  else base += `: ${value.name}`;
  base += "]";
  if (constructor !== type && constructor !== null) base += ` ${constructor}`;
  if (tag !== "" && constructor !== tag) base += ` [${tag}]`;
  return base;
}

function getClassBase(value, constructor, tag) {
  const hasName = ObjectPrototypeHasOwnProperty(value, "name");
  const name = (hasName && value.name) || "(anonymous)";
  let base = `class ${name}`;
  if (constructor !== "Function" && constructor !== null) base += ` [${constructor}]`;
  if (tag !== "" && constructor !== tag) base += ` [${tag}]`;
  if (constructor !== null) {
    const superName = ObjectGetPrototypeOf(value).name;
    if (superName) base += ` extends ${superName}`;
  } else {
    base += " extends [null prototype]";
  }
  return `[${base}]`;
}

function formatError(err, constructor, tag, ctx, keys) {
  const name = err.name != null ? SafeString(err.name) : "Error";
  let stack;
  try {
    stack = err.stack;
  } catch {}
  stack = typeof stack === "string" && stack !== "" ? stack : ErrorPrototypeToString(err);

  // Name, message and stack are shown by the stack itself; drop them from the extra keys.
  const shown = ["name", "message", "stack"];
  for (let k = 0; k < shown.length; k++) {
    const key = shown[k];
    const index = ArrayPrototypeIndexOf(keys, key);
    if (index !== -1 && (typeof err[key] !== "string" || StringPrototypeIncludes(stack, err[key]))) {
      ArrayPrototypeSplice(keys, index, 1);
    }
  }
  // A non-enumerable own `cause` is still shown, as [cause].
  if (
    ObjectPrototypeHasOwnProperty(err, "cause") &&
    (keys.length === 0 || !ArrayPrototypeIncludes(keys, "cause"))
  ) {
    ArrayPrototypePush(keys, "cause");
  }
  if (ArrayIsArray(err.errors) && ObjectPrototypeHasOwnProperty(err, "errors") && !ArrayPrototypeIncludes(keys, "errors")) {
    ArrayPrototypePush(keys, "errors");
  }

  stack = improveStack(stack, constructor, name, tag);

  // Errors without frames are wrapped in brackets: [Error: message].
  let pos = (err.message && StringPrototypeIndexOf(stack, err.message)) || -1;
  if (pos !== -1) pos += err.message.length;
  const atIndex = StringPrototypeIndexOf(stack, "\n    at", pos);
  if (atIndex === -1) {
    stack = `[${stack}]`;
  }
  if (ctx.indentationLvl !== 0) {
    const indentation = StringPrototypeRepeat(" ", ctx.indentationLvl);
    stack = StringPrototypeReplace(stack, /\n/g, `\n${indentation}`);
  }
  return stack;
}

// Shows the real class when the stack names a parent class (class MyError extends Error {}).
function improveStack(stack, constructor, name, tag) {
  let len = name.length;
  if (
    constructor === null ||
    (StringPrototypeEndsWith(name, "Error") &&
      StringPrototypeStartsWith(stack, name) &&
      (stack.length === len || stack[len] === ":" || stack[len] === "\n"))
  ) {
    let fallback = "Error";
    if (constructor === null) {
      const start =
        RegExpPrototypeExec(/^([A-Z][a-z_ A-Z0-9[\]()-]+)(?::|\n\s+at)/, stack) ||
        RegExpPrototypeExec(/^([a-z_A-Z0-9-]*Error)$/, stack);
      fallback = (start && start[1]) || "";
      len = fallback.length;
      fallback = fallback || "Error";
    }
    const prefix = StringPrototypeSlice(getPrefix(constructor, tag, fallback), 0, -1);
    if (name !== prefix) {
      if (StringPrototypeIncludes(prefix, name)) {
        stack = len === 0 ? `${prefix}: ${stack}` : `${prefix}${StringPrototypeSlice(stack, len)}`;
      } else {
        stack = `${prefix} [${name}]${StringPrototypeSlice(stack, len)}`;
      }
    }
  }
  return stack;
}

function formatProperty(ctx, value, recurseTimes, key, type, desc) {
  let name;
  let str;
  desc = desc || ObjectGetOwnPropertyDescriptor(value, key) || { value: value[key], enumerable: true };
  if (desc.value !== undefined) {
    ctx.indentationLvl += 2;
    str = formatValue(ctx, desc.value, recurseTimes);
    ctx.indentationLvl -= 2;
  } else if (desc.get !== undefined) {
    const label = desc.set !== undefined ? "Getter/Setter" : "Getter";
    if (ctx.getters) {
      try {
        const tmp = FunctionPrototypeCall(desc.get, value);
        ctx.indentationLvl += 2;
        str = `[${label}: ${formatValue(ctx, tmp, recurseTimes)}]`;
        ctx.indentationLvl -= 2;
      } catch (err) {
        str = `[${label}: <Inspection threw (${err && err.message})>]`;
      }
    } else {
      str = `[${label}]`;
    }
  } else if (desc.set !== undefined) {
    str = "[Setter]";
  } else {
    str = "undefined";
  }
  if (type === kArrayType) return str;
  if (typeof key === "symbol") {
    name = `[${escapeSymbol(SymbolPrototypeToString(key))}]`;
  } else if (key === "__proto__") {
    name = "['__proto__']";
  } else if (desc.enumerable === false) {
    name = `[${RegExpPrototypeExec(keyStrRegExp, key) !== null ? key : strEscape(key)}]`;
  } else if (RegExpPrototypeExec(keyStrRegExp, key) !== null) {
    name = key;
  } else {
    name = strEscape(key);
  }
  return `${name}: ${str}`;
}

function escapeSymbol(s) {
  return StringPrototypeReplace(s, /[\x00-\x1f\x7f]/g, (c) => escapeChar(StringPrototypeCharCodeAt(c, 0)));
}

function formatArray(ctx, value, recurseTimes) {
  const valLen = value.length;
  const maxLength = MathMin(MathMax(0, ctx.maxArrayLength), valLen);
  const output = [];
  let i = 0;
  let holeStart = -1;
  while (i < valLen && output.length < maxLength) {
    if (!ObjectPrototypeHasOwnProperty(value, i)) {
      // Sparse arrays: count the consecutive holes using the own keys (fast for huge gaps).
      holeStart = i;
      let next = valLen;
      const keys = ObjectKeys(value);
      for (let k = 0; k < keys.length; k++) {
        if (!isArrayIndexKey(keys[k])) continue;
        const index = +keys[k];
        if (index > i && index < next) next = index;
      }
      const count = next - holeStart;
      ArrayPrototypePush(output, `<${count} empty item${count > 1 ? "s" : ""}>`);
      i = next;
      continue;
    }
    ArrayPrototypePush(output, formatProperty(ctx, value, recurseTimes, i, kArrayType));
    i++;
  }
  const remaining = valLen - i;
  if (remaining > 0) ArrayPrototypePush(output, `... ${remaining} more item${remaining > 1 ? "s" : ""}`);
  return output;
}

function formatTypedArray(ctx, value, recurseTimes) {
  const length = TypedArrayPrototypeGetLength(value);
  const maxLength = MathMin(MathMax(0, ctx.maxArrayLength), length);
  const remaining = length - maxLength;
  const output = [];
  for (let i = 0; i < maxLength; i++) {
    const element = value[i];
    ArrayPrototypePush(output, typeof element === "bigint" ? `${element}n` : formatNumber(element));
  }
  if (remaining > 0) ArrayPrototypePush(output, `... ${remaining} more item${remaining > 1 ? "s" : ""}`);
  if (ctx.showHidden) {
    ctx.indentationLvl += 2;
    const hidden = ["BYTES_PER_ELEMENT", "length", "byteLength", "byteOffset", "buffer"];
    for (let k = 0; k < hidden.length; k++) {
      const key = hidden[k];
      const str = formatValue(ctx, value[key], recurseTimes, true);
      ArrayPrototypePush(output, `[${key}]: ${str}`);
    }
    ctx.indentationLvl -= 2;
  }
  return output;
}

function formatArrayBuffer(ctx, value) {
  const bytes = new SafeUint8Array(value);
  const max = MathMin(ctx.maxArrayLength, bytes.length);
  let str = "";
  for (let i = 0; i < max; i++) {
    const hex = NumberPrototypeToString(bytes[i], 16);
    str += (i === 0 ? "" : " ") + (hex.length === 1 ? `0${hex}` : hex);
  }
  const remaining = bytes.length - max;
  if (remaining > 0) str += ` ... ${remaining} more byte${remaining > 1 ? "s" : ""}`;
  return [`[Uint8Contents]: <${str}>`];
}

function formatSet(ctx, value, recurseTimes) {
  const output = [];
  const iterator = SetPrototypeValues(value);
  const max = ctx.maxArrayLength;
  ctx.indentationLvl += 2;
  let n = 0;
  for (let r = SetIteratorPrototypeNext(iterator); !r.done; r = SetIteratorPrototypeNext(iterator)) {
    if (n >= max) break;
    ArrayPrototypePush(output, formatValue(ctx, r.value, recurseTimes));
    n++;
  }
  const remaining = SetPrototypeGetSize(value) - n;
  if (remaining > 0) ArrayPrototypePush(output, `... ${remaining} more item${remaining > 1 ? "s" : ""}`);
  ctx.indentationLvl -= 2;
  return output;
}

function formatMap(ctx, value, recurseTimes) {
  const output = [];
  const iterator = MapPrototypeEntries(value);
  const max = ctx.maxArrayLength;
  ctx.indentationLvl += 2;
  let n = 0;
  for (let r = MapIteratorPrototypeNext(iterator); !r.done; r = MapIteratorPrototypeNext(iterator)) {
    if (n >= max) break;
    const k = formatValue(ctx, r.value[0], recurseTimes);
    const v = formatValue(ctx, r.value[1], recurseTimes);
    ArrayPrototypePush(output, `${k} => ${v}`);
    n++;
  }
  const remaining = MapPrototypeGetSize(value) - n;
  if (remaining > 0) ArrayPrototypePush(output, `... ${remaining} more item${remaining > 1 ? "s" : ""}`);
  ctx.indentationLvl -= 2;
  return output;
}

// Arrays with more than six short entries are laid out in aligned columns.
function groupArrayElements(ctx, output, value) {
  let totalLength = 0;
  let maxLength = 0;
  let outputLength = output.length;
  if (ctx.maxArrayLength < output.length) outputLength--;
  const separatorSpace = 2;
  const dataLen = [];
  for (let i = 0; i < outputLength; i++) {
    const len = output[i].length;
    dataLen[i] = len;
    totalLength += len + separatorSpace;
    if (maxLength < len) maxLength = len;
  }
  const actualMax = maxLength + separatorSpace;
  if (actualMax * 3 + ctx.indentationLvl < ctx.breakLength && (totalLength / actualMax > 5 || maxLength <= 6)) {
    const averageBias = MathSqrt(actualMax - totalLength / output.length);
    const biasedMax = MathMax(actualMax - 3 - averageBias, 1);
    const columns = MathMin(
      MathRound(MathSqrt(2.5 * biasedMax * outputLength) / biasedMax),
      MathFloor((ctx.breakLength - ctx.indentationLvl) / actualMax),
      ctx.compact * 4,
      15,
    );
    if (columns <= 1) return output;
    const tmp = [];
    const maxLineLength = [];
    for (let i = 0; i < columns; i++) {
      let lineLength = 0;
      for (let j = i; j < output.length; j += columns) {
        if (dataLen[j] > lineLength) lineLength = dataLen[j];
      }
      ArrayPrototypePush(maxLineLength, lineLength + separatorSpace);
    }
    // Numbers are right-aligned, everything else left-aligned.
    let order = StringPrototypePadStart;
    if (value !== undefined) {
      for (let i = 0; i < output.length; i++) {
        if (typeof value[i] !== "number" && typeof value[i] !== "bigint") {
          order = StringPrototypePadEnd;
          break;
        }
      }
    }
    for (let i = 0; i < outputLength; i += columns) {
      const max = MathMin(i + columns, outputLength);
      let str = "";
      let j = i;
      for (; j < max - 1; j++) {
        str += order(`${output[j]}, `, maxLineLength[j - i], " ");
      }
      if (order === StringPrototypePadStart) {
        str += StringPrototypePadStart(output[j], maxLineLength[j - i] - separatorSpace, " ");
      } else {
        str += output[j];
      }
      ArrayPrototypePush(tmp, str);
    }
    if (ctx.maxArrayLength < output.length) ArrayPrototypePush(tmp, output[outputLength]);
    output = tmp;
  }
  return output;
}

function isBelowBreakLength(ctx, output, start, base) {
  let totalLength = output.length + start;
  if (totalLength + output.length > ctx.breakLength) return false;
  for (let i = 0; i < output.length; i++) {
    totalLength += output[i].length;
    if (totalLength > ctx.breakLength) return false;
  }
  return base === "" || !StringPrototypeIncludes(base, "\n");
}

function reduceToSingleString(ctx, output, base, braces, extrasType, recurseTimes, value) {
  if (ctx.compact !== true) {
    if (typeof ctx.compact === "number" && ctx.compact >= 1) {
      const entries = output.length;
      if (extrasType === kArrayExtrasType && entries > 6) output = groupArrayElements(ctx, output, value);
      // Only the innermost `compact` levels may be joined on one line.
      if (ctx.currentDepth - recurseTimes < ctx.compact && entries === output.length) {
        const start = output.length + ctx.indentationLvl + braces[0].length + base.length + 10;
        if (isBelowBreakLength(ctx, output, start, base)) {
          const joined = ArrayPrototypeJoin(output, ", ");
          if (!StringPrototypeIncludes(joined, "\n")) {
            return `${base ? `${base} ` : ""}${braces[0]} ${joined} ${braces[1]}`;
          }
        }
      }
    }
    const indentation = `\n${StringPrototypeRepeat(" ", ctx.indentationLvl)}`;
    return `${base ? `${base} ` : ""}${braces[0]}${indentation}  ${ArrayPrototypeJoin(
      output,
      `,${indentation}  `,
    )}${indentation}${braces[1]}`;
  }
  // compact === true: everything on one line unless it exceeds breakLength.
  if (isBelowBreakLength(ctx, output, 0, base)) {
    return `${braces[0]}${base ? ` ${base}` : ""} ${ArrayPrototypeJoin(output, ", ")} ${braces[1]}`;
  }
  const indentation = `\n${StringPrototypeRepeat(" ", ctx.indentationLvl)}`;
  const ln = base === "" && braces[0].length === 1 ? " " : `${base ? ` ${base}` : ""}\n${indentation}  `;
  return `${braces[0]}${ln}${ArrayPrototypeJoin(output, `,\n${indentation}  `)} ${braces[1]}`;
}

export function formatNumber(n) {
  if (ObjectIs(n, -0)) return "-0";
  return `${n}`;
}

function formatPrimitive(value, ctx) {
  switch (typeof value) {
    case "string": {
      let trailer = "";
      if (value.length > ctx.maxStringLength) {
        const remaining = value.length - ctx.maxStringLength;
        value = StringPrototypeSlice(value, 0, ctx.maxStringLength);
        trailer = `... ${remaining} more character${remaining > 1 ? "s" : ""}`;
      }
      // Long multi-line strings are split at their line breaks and joined with +.
      if (
        ctx.compact !== true &&
        value.length > kMinLineWidth &&
        value.length > ctx.breakLength - ctx.indentationLvl - 4
      ) {
        const lines = splitLines(value);
        if (lines.length > 1) {
          const parts = [];
          for (let i = 0; i < lines.length; i++) ArrayPrototypePush(parts, strEscape(lines[i]));
          return ArrayPrototypeJoin(parts, ` +\n${StringPrototypeRepeat(" ", ctx.indentationLvl + 2)}`) + trailer;
        }
      }
      return strEscape(value) + trailer;
    }
    case "number":
      return formatNumber(value);
    case "bigint":
      return `${value}n`;
    case "boolean":
      return value ? "true" : "false";
    case "undefined":
      return "undefined";
    case "symbol":
      return escapeSymbol(SymbolPrototypeToString(value));
    default:
      return SafeString(value);
  }
}

// Splits after each "\n", keeping the line breaks.
function splitLines(str) {
  const lines = [];
  let start = 0;
  for (;;) {
    const index = StringPrototypeIndexOf(str, "\n", start);
    if (index === -1 || index === str.length - 1) {
      ArrayPrototypePush(lines, StringPrototypeSlice(str, start));
      return lines;
    }
    ArrayPrototypePush(lines, StringPrototypeSlice(str, start, index + 1));
    start = index + 1;
  }
}

const escapes = {
  8: "\\b",
  9: "\\t",
  10: "\\n",
  12: "\\f",
  13: "\\r",
  92: "\\\\",
};

function escapeChar(code) {
  if (escapes[code] !== undefined) return escapes[code];
  const hex = StringPrototypeToUpperCase(NumberPrototypeToString(code, 16));
  if (code < 0x100) return `\\x${StringPrototypePadStart(hex, 2, "0")}`;
  return `\\u${StringPrototypePadStart(hex, 4, "0")}`;
}

/** Quotes a string the way util.inspect does: ' by default, else " or ` to avoid escaping. */
export function strEscape(str) {
  let quote = 39; // '
  if (StringPrototypeIncludes(str, "'")) {
    if (!StringPrototypeIncludes(str, '"')) quote = 34;
    else if (!StringPrototypeIncludes(str, "`") && !StringPrototypeIncludes(str, "${")) quote = 96;
  }
  let result = "";
  let last = 0;
  for (let i = 0; i < str.length; i++) {
    const code = StringPrototypeCharCodeAt(str, i);
    let replacement;
    if (code === quote) {
      replacement = `\\${StringFromCharCode(quote)}`;
    } else if (code < 0x20 || code === 0x7f || code === 92) {
      replacement = escapeChar(code);
    } else if (code >= 0xd800 && code <= 0xdfff) {
      // Lone surrogates are escaped; valid pairs are kept.
      if (code <= 0xdbff && i + 1 < str.length) {
        const next = StringPrototypeCharCodeAt(str, i + 1);
        if (next >= 0xdc00 && next <= 0xdfff) {
          i++;
          continue;
        }
      }
      replacement = escapeChar(code);
    } else {
      continue;
    }
    result += StringPrototypeSlice(str, last, i) + replacement;
    last = i + 1;
  }
  const q = StringFromCharCode(quote);
  return q + (last === 0 ? str : result + StringPrototypeSlice(str, last)) + q;
}
