// Array, typed array, ArrayBuffer and DataView primordials. Array.prototype.at/findLast are
// deliberately absent: V8 10.2 lacks them in the snapshot-building context.
import { uncurryThis } from "./uncurry.js";

const AP = Array.prototype;
export const SafeArray = Array;
export const ArrayIsArray = Array.isArray;
export const ArrayFrom = Array.from;
export const ArrayOf = Array.of;
export const ArrayPrototype = AP;
export const ArrayPrototypePush = uncurryThis(AP.push);
export const ArrayPrototypePop = uncurryThis(AP.pop);
export const ArrayPrototypeShift = uncurryThis(AP.shift);
export const ArrayPrototypeUnshift = uncurryThis(AP.unshift);
export const ArrayPrototypeSlice = uncurryThis(AP.slice);
export const ArrayPrototypeSplice = uncurryThis(AP.splice);
export const ArrayPrototypeJoin = uncurryThis(AP.join);
export const ArrayPrototypeIndexOf = uncurryThis(AP.indexOf);
export const ArrayPrototypeIncludes = uncurryThis(AP.includes);
export const ArrayPrototypeMap = uncurryThis(AP.map);
export const ArrayPrototypeFilter = uncurryThis(AP.filter);
export const ArrayPrototypeForEach = uncurryThis(AP.forEach);
export const ArrayPrototypeSome = uncurryThis(AP.some);
export const ArrayPrototypeEvery = uncurryThis(AP.every);
export const ArrayPrototypeFind = uncurryThis(AP.find);
export const ArrayPrototypeFindIndex = uncurryThis(AP.findIndex);
export const ArrayPrototypeReduce = uncurryThis(AP.reduce);
export const ArrayPrototypeSort = uncurryThis(AP.sort);
export const ArrayPrototypeReverse = uncurryThis(AP.reverse);
export const ArrayPrototypeConcat = uncurryThis(AP.concat);
export const ArrayPrototypeFill = uncurryThis(AP.fill);
export const ArrayPrototypeKeys = uncurryThis(AP.keys);
export const ArrayPrototypeValues = uncurryThis(AP.values);
export const ArrayPrototypeEntries = uncurryThis(AP.entries);
export const ArrayPrototypeSymbolIterator = uncurryThis(AP[Symbol.iterator]);
export const ArrayIteratorPrototypeNext = uncurryThis(Object.getPrototypeOf([][Symbol.iterator]()).next);

// %TypedArray% is the shared, otherwise hidden, superclass of all typed array constructors.
export const TypedArray = Object.getPrototypeOf(Uint8Array);
const TAP = TypedArray.prototype;
export const TypedArrayPrototype = TAP;
export const TypedArrayPrototypeGetLength = uncurryThis(Object.getOwnPropertyDescriptor(TAP, "length").get);
export const TypedArrayPrototypeGetBuffer = uncurryThis(Object.getOwnPropertyDescriptor(TAP, "buffer").get);
export const TypedArrayPrototypeGetByteOffset = uncurryThis(Object.getOwnPropertyDescriptor(TAP, "byteOffset").get);
export const TypedArrayPrototypeGetByteLength = uncurryThis(Object.getOwnPropertyDescriptor(TAP, "byteLength").get);
// Returns the constructor name ("Uint8Array", ...) or undefined when the value is not a typed array.
export const TypedArrayPrototypeGetSymbolToStringTag = uncurryThis(
  Object.getOwnPropertyDescriptor(TAP, Symbol.toStringTag).get,
);
export const TypedArrayPrototypeSlice = uncurryThis(TAP.slice);
export const TypedArrayPrototypeSubarray = uncurryThis(TAP.subarray);
export const TypedArrayPrototypeSet = uncurryThis(TAP.set);
export const TypedArrayPrototypeFill = uncurryThis(TAP.fill);

export const SafeArrayBuffer = ArrayBuffer;
export const ArrayBufferIsView = ArrayBuffer.isView;
export const ArrayBufferPrototypeGetByteLength = uncurryThis(
  Object.getOwnPropertyDescriptor(ArrayBuffer.prototype, "byteLength").get,
);
export const ArrayBufferPrototypeSlice = uncurryThis(ArrayBuffer.prototype.slice);
export const SafeDataView = DataView;
export const DataViewPrototypeGetBuffer = uncurryThis(Object.getOwnPropertyDescriptor(DataView.prototype, "buffer").get);
export const DataViewPrototypeGetByteOffset = uncurryThis(
  Object.getOwnPropertyDescriptor(DataView.prototype, "byteOffset").get,
);
export const DataViewPrototypeGetByteLength = uncurryThis(
  Object.getOwnPropertyDescriptor(DataView.prototype, "byteLength").get,
);

export const SafeUint8Array = Uint8Array;
export const SafeUint8ClampedArray = Uint8ClampedArray;
export const SafeInt8Array = Int8Array;
export const SafeUint16Array = Uint16Array;
export const SafeInt16Array = Int16Array;
export const SafeUint32Array = Uint32Array;
export const SafeInt32Array = Int32Array;
export const SafeFloat32Array = Float32Array;
export const SafeFloat64Array = Float64Array;
export const SafeBigInt64Array = BigInt64Array;
export const SafeBigUint64Array = BigUint64Array;
