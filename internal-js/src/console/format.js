// printf-style formatting for console methods (WHATWG Console "Formatter" with Node's
// conventions): %s %d %i %f %j %o %O %c %%; leftover arguments are appended, space-separated.
import {
  JSONStringify,
  NumberParseFloat,
  NumberParseInt,
  ObjectAssign,
  ObjectGetOwnPropertyDescriptor,
  ObjectGetPrototypeOf,
  ObjectPrototypeHasOwnProperty,
  SafeNumber,
  SafeSet,
  SafeString,
  StringPrototypeCharCodeAt,
  StringPrototypeSlice,
} from "../primordials/index.js";
import { formatNumber, inspect } from "./inspect.js";

// Constructors whose toString is built in: %s inspects such objects instead of calling toString.
const builtInObjects = new SafeSet([
  "Object", "Function", "Array", "Number", "Boolean", "String", "Symbol", "Date", "Promise", "RegExp",
  "Error", "AggregateError", "EvalError", "RangeError", "ReferenceError", "SyntaxError", "TypeError",
  "URIError", "ArrayBuffer", "Uint8Array", "Int8Array", "Uint16Array", "Int16Array", "Uint32Array",
  "Int32Array", "Float32Array", "Float64Array", "Uint8ClampedArray", "BigUint64Array", "BigInt64Array",
  "DataView", "Map", "BigInt", "Set", "WeakMap", "WeakSet", "Proxy", "Reflect", "WeakRef",
]);

function hasBuiltInToString(value) {
  let toString;
  try {
    toString = value.toString;
  } catch {
    return true;
  }
  if (typeof toString !== "function") return true;
  if (ObjectPrototypeHasOwnProperty(value, "toString")) return false;
  let pointer = value;
  do {
    pointer = ObjectGetPrototypeOf(pointer);
  } while (pointer !== null && !ObjectPrototypeHasOwnProperty(pointer, "toString"));
  if (pointer === null) return true;
  const descriptor = ObjectGetOwnPropertyDescriptor(pointer, "constructor");
  return descriptor !== undefined && typeof descriptor.value === "function" && builtInObjects.has(descriptor.value.name);
}

function tryStringify(value) {
  try {
    return JSONStringify(value);
  } catch (err) {
    if (err !== null && typeof err === "object" && err.name === "TypeError" && /circular/i.test(err.message)) {
      return "[Circular]";
    }
    throw err;
  }
}

/** Formats `args` like console.log does, with inspect options for non-string values. */
export function formatWithOptions(inspectOptions, ...args) {
  return formatList(inspectOptions, args);
}

export function format(...args) {
  return formatList(undefined, args);
}

export function formatList(inspectOptions, args) {
  const first = args[0];
  let a = 0;
  let str = "";
  let join = "";
  if (typeof first === "string") {
    if (args.length === 1) return first;
    let tempStr;
    let lastPos = 0;
    for (let i = 0; i < first.length - 1; i++) {
      if (StringPrototypeCharCodeAt(first, i) !== 37) continue; // '%'
      const nextChar = StringPrototypeCharCodeAt(first, ++i);
      if (a + 1 !== args.length) {
        switch (nextChar) {
          case 115: {
            // %s: String() for primitives and objects with their own toString, inspect otherwise.
            const arg = args[++a];
            if (typeof arg === "number") tempStr = formatNumber(arg);
            else if (typeof arg === "bigint") tempStr = `${arg}n`;
            else if (typeof arg !== "object" || arg === null || !hasBuiltInToString(arg)) tempStr = SafeString(arg);
            else tempStr = inspect(arg, ObjectAssign({}, inspectOptions, { depth: 0, compact: 3 }));
            break;
          }
          case 106: // %j
            tempStr = tryStringify(args[++a]);
            break;
          case 100: {
            // %d
            const n = args[++a];
            if (typeof n === "bigint") tempStr = `${n}n`;
            else if (typeof n === "symbol") tempStr = "NaN";
            else tempStr = formatNumber(SafeNumber(n));
            break;
          }
          case 79: // %O
            tempStr = inspect(args[++a], inspectOptions);
            break;
          case 111: // %o
            tempStr = inspect(args[++a], ObjectAssign({}, inspectOptions, { showHidden: true, depth: 4 }));
            break;
          case 105: {
            // %i
            const n = args[++a];
            if (typeof n === "bigint") tempStr = `${n}n`;
            else if (typeof n === "symbol") tempStr = "NaN";
            else tempStr = formatNumber(NumberParseInt(n));
            break;
          }
          case 102: {
            // %f
            const n = args[++a];
            tempStr = typeof n === "symbol" ? "NaN" : formatNumber(NumberParseFloat(n));
            break;
          }
          case 99: // %c: CSS is consumed and ignored outside browsers.
            a += 1;
            tempStr = "";
            break;
          case 37: // %%
            str += StringPrototypeSlice(first, lastPos, i);
            lastPos = i + 1;
            continue;
          default:
            continue;
        }
        if (lastPos !== i - 1) str += StringPrototypeSlice(first, lastPos, i - 1);
        str += tempStr;
        lastPos = i + 1;
      } else if (nextChar === 37) {
        str += StringPrototypeSlice(first, lastPos, i);
        lastPos = i + 1;
      }
    }
    if (lastPos !== 0) {
      a++;
      join = " ";
      if (lastPos < first.length) str += StringPrototypeSlice(first, lastPos);
    }
  }
  while (a < args.length) {
    const value = args[a];
    str += join;
    str += typeof value !== "string" ? inspect(value, inspectOptions) : value;
    join = " ";
    a++;
  }
  return str;
}
