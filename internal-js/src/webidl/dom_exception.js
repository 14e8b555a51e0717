// DOMException (WebIDL §3.14.1): name, message and the legacy numeric code of each error name.
import {
  ErrorCaptureStackTrace,
  ErrorPrototype,
  ObjectDefineProperty,
  ObjectFreeze,
  ObjectSetPrototypeOf,
  SafeMap,
  SafeString,
  SafeTypeError,
} from "../primordials/index.js";

// The legacy code constants of WebIDL; the "error names" table no longer gives a code to the
// names in REMOVED_NAMES (their constants stay).
const REMOVED_NAMES = ["DOMStringSizeError", "NoDataAllowedError", "ValidationError"];
const LEGACY_CODES = [
  ["INDEX_SIZE_ERR", "IndexSizeError", 1],
  ["DOMSTRING_SIZE_ERR", "DOMStringSizeError", 2],
  ["HIERARCHY_REQUEST_ERR", "HierarchyRequestError", 3],
  ["WRONG_DOCUMENT_ERR", "WrongDocumentError", 4],
  ["INVALID_CHARACTER_ERR", "InvalidCharacterError", 5],
  ["NO_DATA_ALLOWED_ERR", "NoDataAllowedError", 6],
  ["NO_MODIFICATION_ALLOWED_ERR", "NoModificationAllowedError", 7],
  ["NOT_FOUND_ERR", "NotFoundError", 8],
  ["NOT_SUPPORTED_ERR", "NotSupportedError", 9],
  ["INUSE_ATTRIBUTE_ERR", "InUseAttributeError", 10],
  ["INVALID_STATE_ERR", "InvalidStateError", 11],
  ["SYNTAX_ERR", "SyntaxError", 12],
  ["INVALID_MODIFICATION_ERR", "InvalidModificationError", 13],
  ["NAMESPACE_ERR", "NamespaceError", 14],
  ["INVALID_ACCESS_ERR", "InvalidAccessError", 15],
  ["VALIDATION_ERR", "ValidationError", 16],
  ["TYPE_MISMATCH_ERR", "TypeMismatchError", 17],
  ["SECURITY_ERR", "SecurityError", 18],
  ["NETWORK_ERR", "NetworkError", 19],
  ["ABORT_ERR", "AbortError", 20],
  ["URL_MISMATCH_ERR", "URLMismatchError", 21],
  ["QUOTA_EXCEEDED_ERR", "QuotaExceededError", 22],
  ["TIMEOUT_ERR", "TimeoutError", 23],
  ["INVALID_NODE_TYPE_ERR", "InvalidNodeTypeError", 24],
  ["DATA_CLONE_ERR", "DataCloneError", 25],
];

const codeByName = new SafeMap();
for (let i = 0; i < LEGACY_CODES.length; i++) codeByName.set(LEGACY_CODES[i][1], LEGACY_CODES[i][2]);
for (let i = 0; i < REMOVED_NAMES.length; i++) codeByName.delete(REMOVED_NAMES[i]);

export class DOMException {
  #name;
  #message;

  /** `new DOMException(message, name)` or `new DOMException(message, { name, cause })`. */
  constructor(message = "", options = "Error") {
    this.#message = SafeString(message);
    // (DOMString or DOMExceptionOptions): null, undefined and objects are the dictionary.
    if (options === null || options === undefined || typeof options === "object" || typeof options === "function") {
      const hasCause = options !== null && options !== undefined && "cause" in options;
      const cause = hasCause ? options.cause : undefined;
      const name = options === null || options === undefined ? undefined : options.name;
      this.#name = name === undefined ? "Error" : SafeString(name);
      if (hasCause) ObjectDefineProperty(this, "cause", { value: cause, writable: true, enumerable: false, configurable: true });
    } else {
      this.#name = SafeString(options);
    }
    // Give the object a stack like native errors have (V8-specific but widely relied upon).
    if (ErrorCaptureStackTrace !== undefined) ErrorCaptureStackTrace(this, DOMException);
  }

  get name() {
    return this.#brand().#name;
  }

  get message() {
    return this.#brand().#message;
  }

  get code() {
    const name = this.#brand().#name;
    return codeByName.has(name) ? codeByName.get(name) : 0;
  }

  #brand() {
    if (!(#name in this)) throw new SafeTypeError("Illegal invocation");
    return this;
  }
}

// DOMException.prototype inherits from Error.prototype (WebIDL [ExceptionClass] behaviour).
ObjectSetPrototypeOf(DOMException.prototype, ErrorPrototype);
ObjectDefineProperty(DOMException.prototype, Symbol.toStringTag, { value: "DOMException", configurable: true });
for (const getter of ["name", "message", "code"]) {
  ObjectDefineProperty(DOMException.prototype, getter, { enumerable: true });
}
for (let i = 0; i < LEGACY_CODES.length; i++) {
  const [constName, , code] = LEGACY_CODES[i];
  const desc = { value: code, enumerable: true };
  ObjectDefineProperty(DOMException, constName, desc);
  ObjectDefineProperty(DOMException.prototype, constName, desc);
}
ObjectFreeze(LEGACY_CODES);
