// Brand checks for built-in objects, done with captured built-in methods (which throw on the
// wrong receiver) rather than instanceof or Symbol.toStringTag, which user code can fake.
import {
  ArrayBufferPrototypeGetByteLength,
  BigIntPrototypeValueOf,
  BooleanPrototypeValueOf,
  DataViewPrototypeGetByteLength,
  DatePrototypeGetTime,
  ErrorPrototype,
  MapPrototypeGetSize,
  NumberPrototypeValueOf,
  ObjectPrototypeIsPrototypeOf,
  ObjectPrototypeToString,
  RegExpPrototypeGetSource,
  SetPrototypeGetSize,
  StringPrototypeValueOf,
  SymbolPrototypeValueOf,
  TypedArrayPrototypeGetSymbolToStringTag,
  WeakMapPrototypeHas,
  WeakSetPrototypeHas,
} from "../primordials/index.js";

function throws(fn, value, arg) {
  try {
    fn(value, arg);
    return false;
  } catch {
    return true;
  }
}

const RegExpPrototype = RegExp.prototype;
const probe = {};

export const isDate = (v) => !throws(DatePrototypeGetTime, v);
export const isRegExp = (v) => v !== RegExpPrototype && !throws(RegExpPrototypeGetSource, v);
export const isMap = (v) => !throws(MapPrototypeGetSize, v);
export const isSet = (v) => !throws(SetPrototypeGetSize, v);
export const isWeakMap = (v) => !throws(WeakMapPrototypeHas, v, probe);
export const isWeakSet = (v) => !throws(WeakSetPrototypeHas, v, probe);
export const isArrayBuffer = (v) => !throws(ArrayBufferPrototypeGetByteLength, v);
export const isDataView = (v) => !throws(DataViewPrototypeGetByteLength, v);
export const isTypedArray = (v) => TypedArrayPrototypeGetSymbolToStringTag(v) !== undefined;
export const isNumberObject = (v) => !throws(NumberPrototypeValueOf, v);
export const isStringObject = (v) => !throws(StringPrototypeValueOf, v);
export const isBooleanObject = (v) => !throws(BooleanPrototypeValueOf, v);
export const isBigIntObject = (v) => !throws(BigIntPrototypeValueOf, v);
export const isSymbolObject = (v) => !throws(SymbolPrototypeValueOf, v);
export const isBoxedPrimitive = (v) =>
  isNumberObject(v) || isStringObject(v) || isBooleanObject(v) || isBigIntObject(v) || isSymbolObject(v);
export const isError = (v) => ObjectPrototypeToString(v) === "[object Error]" || ObjectPrototypeIsPrototypeOf(ErrorPrototype, v);
export const isPromise = (v) => ObjectPrototypeToString(v) === "[object Promise]";
export const isArguments = (v) => ObjectPrototypeToString(v) === "[object Arguments]";
export const isGeneratorFunction = (v) => {
  const tag = ObjectPrototypeToString(v);
  return tag === "[object GeneratorFunction]" || tag === "[object AsyncGeneratorFunction]";
};
export const isAsyncFunction = (v) => {
  const tag = ObjectPrototypeToString(v);
  return tag === "[object AsyncFunction]" || tag === "[object AsyncGeneratorFunction]";
};
