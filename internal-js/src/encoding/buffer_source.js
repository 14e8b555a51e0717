// WebIDL [AllowShared] BufferSource conversion: a Uint8Array view over an ArrayBuffer, a
// SharedArrayBuffer or any ArrayBufferView.
import {
  FunctionPrototypeCall,
  ObjectGetOwnPropertyDescriptor,
  globalThisRef,
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

// SharedArrayBuffer does not exist while the snapshot is built (V8 10.2), so its byteLength
// getter is looked up on first use, at run time.
let sharedByteLength = null;

function isSharedArrayBuffer(value) {
  if (sharedByteLength === null) {
    const constructor = globalThisRef.SharedArrayBuffer;
    if (typeof constructor !== "function") return false;
    sharedByteLength = ObjectGetOwnPropertyDescriptor(constructor.prototype, "byteLength").get;
  }
  try {
    FunctionPrototypeCall(sharedByteLength, value);
    return true;
  } catch {
    return false;
  }
}

/** Returns a Uint8Array over the bytes of `input`, or throws TypeError naming `context`. */
export function toUint8Array(input, context) {
  if (isArrayBuffer(input) || isSharedArrayBuffer(input)) return new SafeUint8Array(input);
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
