// structuredClone (HTML §2.7.10): StructuredSerializeInternal and StructuredDeserialize fused
// into one pass. The memory map makes shared references and cycles come out shared and cyclic.
import {
  ArrayBufferPrototypeGetByteLength,
  ArrayBufferPrototypeSlice,
  ArrayIsArray,
  BigIntPrototypeValueOf,
  BooleanPrototypeValueOf,
  DataViewPrototypeGetBuffer,
  DataViewPrototypeGetByteLength,
  DataViewPrototypeGetByteOffset,
  DatePrototypeGetTime,
  MapIteratorPrototypeNext,
  MapPrototypeEntries,
  MapPrototypeSet,
  NumberPrototypeValueOf,
  ObjectDefineProperty,
  ObjectGetOwnPropertyDescriptor,
  ObjectKeys,
  ObjectPrototypeHasOwnProperty,
  ObjectPrototypeToString,
  RegExpPrototypeGetFlags,
  RegExpPrototypeGetSource,
  SafeArray,
  SafeBoolean,
  SafeDataView,
  SafeDate,
  SafeError,
  SafeEvalError,
  SafeMap,
  SafeMapClass,
  SafeNumber,
  SafeObject,
  SafeRangeError,
  SafeReferenceError,
  SafeRegExp,
  SafeSetClass,
  SafeString,
  SafeSyntaxError,
  SafeTypeError,
  SafeURIError,
  SetIteratorPrototypeNext,
  SetPrototypeAdd,
  SetPrototypeValues,
  StringPrototypeValueOf,
  SymbolIterator,
  TypedArrayPrototypeGetBuffer,
  TypedArrayPrototypeGetByteOffset,
  TypedArrayPrototypeGetLength,
  TypedArrayPrototypeGetSymbolToStringTag,
} from "../primordials/index.js";
import {
  isArrayBuffer,
  isBigIntObject,
  isBooleanObject,
  isDataView,
  isDate,
  isError,
  isMap,
  isNumberObject,
  isRegExp,
  isSet,
  isStringObject,
  isSymbolObject,
  isWeakMap,
  isWeakSet,
} from "../console/types.js";
import { DOMException } from "../webidl/dom_exception.js";

const typedArrayConstructors = {
  Int8Array,
  Uint8Array,
  Uint8ClampedArray,
  Int16Array,
  Uint16Array,
  Int32Array,
  Uint32Array,
  Float32Array,
  Float64Array,
  BigInt64Array,
  BigUint64Array,
};

const errorConstructors = {
  Error: SafeError,
  EvalError: SafeEvalError,
  RangeError: SafeRangeError,
  ReferenceError: SafeReferenceError,
  SyntaxError: SafeSyntaxError,
  TypeError: SafeTypeError,
  URIError: SafeURIError,
};

// Objects with internal slots that are not serializable (checked by their built-in tag).
const uncloneableTags = [
  "[object Promise]",
  "[object WeakRef]",
  "[object FinalizationRegistry]",
  "[object Generator]",
  "[object AsyncGenerator]",
  "[object Map Iterator]",
  "[object Set Iterator]",
  "[object Array Iterator]",
  "[object String Iterator]",
  "[object RegExp String Iterator]",
  "[object Module]",
];

let platformObjectCheck = null;
/** Lets platform classes (Event, URL, ...) mark their instances as not serializable. */
export function registerPlatformObjectCheck(fn) {
  platformObjectCheck = fn;
}

function dataCloneError(value) {
  let description;
  try {
    description = typeof value === "symbol" ? value.toString() : SafeString(value);
  } catch {
    description = ObjectPrototypeToString(value);
  }
  return new DOMException(`${description} could not be cloned.`, "DataCloneError");
}

export function structuredClone(value, options = undefined) {
  if (arguments.length === 0) {
    throw new SafeTypeError("Failed to execute 'structuredClone': 1 argument required, but only 0 present.");
  }
  if (options !== undefined && options !== null) {
    if (typeof options !== "object" && typeof options !== "function") {
      throw new SafeTypeError("Failed to execute 'structuredClone': The provided value is not of type 'StructuredSerializeOptions'.");
    }
    const transfer = options.transfer;
    if (transfer !== undefined) {
      if (transfer === null || typeof transfer !== "object" || typeof transfer[SymbolIterator] !== "function") {
        throw new SafeTypeError("Failed to execute 'structuredClone': The provided value cannot be converted to a sequence.");
      }
      for (const _ of transfer) {
        throw new DOMException("transfer is not supported", "DataCloneError");
      }
    }
  }
  return clone(value, new SafeMap());
}

function clone(value, memory) {
  const type = typeof value;
  if (type === "symbol") throw dataCloneError(value);
  if (type !== "object" && type !== "function") return value;
  if (value === null) return value;
  if (memory.has(value)) return memory.get(value);
  if (type === "function") throw dataCloneError(value);

  let result;
  // Primitive wrappers.
  if (isBooleanObject(value)) result = new SafeObject(BooleanPrototypeValueOf(value));
  else if (isNumberObject(value)) result = new SafeObject(NumberPrototypeValueOf(value));
  else if (isBigIntObject(value)) result = SafeObject(BigIntPrototypeValueOf(value));
  else if (isStringObject(value)) result = new SafeObject(StringPrototypeValueOf(value));
  else if (isSymbolObject(value)) throw dataCloneError(value);
  else if (isDate(value)) result = new SafeDate(DatePrototypeGetTime(value));
  else if (isRegExp(value)) result = new SafeRegExp(RegExpPrototypeGetSource(value), RegExpPrototypeGetFlags(value));
  else if (isArrayBuffer(value)) {
    result = ArrayBufferPrototypeSlice(value, 0, ArrayBufferPrototypeGetByteLength(value));
  } else if (TypedArrayPrototypeGetSymbolToStringTag(value) !== undefined) {
    // The view's buffer goes through the memory too, so views sharing a buffer still share one.
    const name = TypedArrayPrototypeGetSymbolToStringTag(value);
    const buffer = clone(TypedArrayPrototypeGetBuffer(value), memory);
    result = new typedArrayConstructors[name](buffer, TypedArrayPrototypeGetByteOffset(value), TypedArrayPrototypeGetLength(value));
  } else if (isDataView(value)) {
    const buffer = clone(DataViewPrototypeGetBuffer(value), memory);
    result = new SafeDataView(buffer, DataViewPrototypeGetByteOffset(value), DataViewPrototypeGetByteLength(value));
  } else if (isMap(value)) {
    result = new SafeMapClass();
    memory.set(value, result);
    // Copy the entries first: user code run by later steps cannot change what gets cloned.
    const entries = [];
    const it = MapPrototypeEntries(value);
    for (let r = MapIteratorPrototypeNext(it); !r.done; r = MapIteratorPrototypeNext(it)) entries[entries.length] = r.value;
    for (let i = 0; i < entries.length; i++) {
      MapPrototypeSet(result, clone(entries[i][0], memory), clone(entries[i][1], memory));
    }
    return result;
  } else if (isSet(value)) {
    result = new SafeSetClass();
    memory.set(value, result);
    const values = [];
    const it = SetPrototypeValues(value);
    for (let r = SetIteratorPrototypeNext(it); !r.done; r = SetIteratorPrototypeNext(it)) values[values.length] = r.value;
    for (let i = 0; i < values.length; i++) SetPrototypeAdd(result, clone(values[i], memory));
    return result;
  } else if (value instanceof DOMException) {
    result = new DOMException(value.message, value.name);
    copyErrorExtras(value, result, memory);
  } else if (isError(value)) {
    // The prototype is chosen by the `name` property; unknown names become a plain Error.
    const name = value.name;
    const ctor =
      typeof name === "string" && ObjectPrototypeHasOwnProperty(errorConstructors, name) ? errorConstructors[name] : SafeError;
    const messageDesc = ObjectGetOwnPropertyDescriptor(value, "message");
    result = messageDesc !== undefined && "value" in messageDesc ? new ctor(SafeString(messageDesc.value)) : new ctor();
    memory.set(value, result);
    copyErrorExtras(value, result, memory);
    return result;
  } else if (isWeakMap(value) || isWeakSet(value)) {
    throw dataCloneError(value);
  } else {
    const tag = ObjectPrototypeToString(value);
    for (let i = 0; i < uncloneableTags.length; i++) {
      if (tag === uncloneableTags[i]) throw dataCloneError(value);
    }
    if (platformObjectCheck !== null && platformObjectCheck(value)) throw dataCloneError(value);
    result = ArrayIsArray(value) ? new SafeArray(value.length) : {};
    memory.set(value, result);
    // Own enumerable string keys, read with [[Get]] and written as data properties.
    const keys = ObjectKeys(value);
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i];
      if (!ObjectPrototypeHasOwnProperty(value, key)) continue;
      const cloned = clone(value[key], memory);
      ObjectDefineProperty(result, key, { value: cloned, writable: true, enumerable: true, configurable: true });
    }
    return result;
  }
  memory.set(value, result);
  return result;
}

// V8 also carries the stack and (recursively cloned) cause over.
function copyErrorExtras(from, to, memory) {
  const stackDesc = ObjectGetOwnPropertyDescriptor(from, "stack");
  if (stackDesc !== undefined && "value" in stackDesc && typeof stackDesc.value === "string") {
    ObjectDefineProperty(to, "stack", { value: stackDesc.value, writable: true, enumerable: false, configurable: true });
  } else {
    let stack;
    try {
      stack = from.stack;
    } catch {}
    if (typeof stack === "string") {
      ObjectDefineProperty(to, "stack", { value: stack, writable: true, enumerable: false, configurable: true });
    }
  }
  const causeDesc = ObjectGetOwnPropertyDescriptor(from, "cause");
  if (causeDesc !== undefined && "value" in causeDesc) {
    ObjectDefineProperty(to, "cause", {
      value: clone(causeDesc.value, memory),
      writable: true,
      enumerable: false,
      configurable: true,
    });
  }
}
