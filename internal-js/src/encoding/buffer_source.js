// WebIDL BufferSource conversion: a Uint8Array view over an ArrayBuffer or any ArrayBufferView.
import {
  ArrayBufferIsView,
  ArrayBufferPrototypeGetByteLength,
  DataViewPrototypeGetBuffer,
  DataViewPrototypeGetByteLength,
  DataViewPrototypeGetByteOffset,
  SafeTypeError,
  SafeUint8Array,
  TypedArrayPrototypeGetBuffer,
  TypedArrayPrototypeGetByteLength,
  TypedArrayPrototypeGetByteOffset,
  TypedArrayPrototypeGetSymbolToStringTag,
} from "../primordials/index.js";

function isArrayBuffer(value) {
  try {
    ArrayBufferPrototypeGetByteLength(value);
    return true;
  } catch {
    return false;
  }
}

/** Returns a Uint8Array over the bytes of `input`, or throws TypeError naming `context`. */
export function toUint8Array(input, context) {
  if (isArrayBuffer(input)) return new SafeUint8Array(input);
  if (ArrayBufferIsView(input)) {
    if (TypedArrayPrototypeGetSymbolToStringTag(input) !== undefined) {
      return new SafeUint8Array(
        TypedArrayPrototypeGetBuffer(input),
        TypedArrayPrototypeGetByteOffset(input),
        TypedArrayPrototypeGetByteLength(input),
      );
    }
    return new SafeUint8Array(
      DataViewPrototypeGetBuffer(input),
      DataViewPrototypeGetByteOffset(input),
      DataViewPrototypeGetByteLength(input),
    );
  }
  throw new SafeTypeError(`${context}: The provided value is not of type '(ArrayBuffer or ArrayBufferView)'.`);
}
