import CV8Shim

/// One op invocation inside the isolate: its arguments, its result and its promise. Valid only
/// during the op handler call that received it.
struct V8Call {
  private let pointer: OpaquePointer

  init(_ pointer: OpaquePointer) { self.pointer = pointer }

  /// The number of arguments JavaScript passed.
  var argumentCount: Int { Int(sg_call_argc(pointer)) }

  /// Argument `index` (which must be below ``argumentCount``) as a ``JSValue``.
  func argument(_ index: Int) throws(OpError) -> JSValue {
    try JSValueBridge.read(sg_call_arg(pointer, Int32(index))!, in: pointer, depth: 0)
  }

  /// Makes `value` the op's return value.
  func returnValue(_ value: JSValue) {
    sg_call_return(pointer, JSValueBridge.write(value, in: pointer))
  }

  /// Throws `error` in JavaScript as an exception of its kind.
  func throwError(_ error: OpError) {
    sg_call_throw(pointer, error.kind, error.message)
  }

  /// Makes the op return a new promise; returns its id for ``V8Isolate/settle(promise:with:)``.
  func returnPromise() -> Int64 { sg_call_promise(pointer) }
}

extension OpError {
  /// The kind of JavaScript error it becomes.
  var kind: sg_error_kind {
    switch self {
    case .typeError: SG_KIND_TYPE_ERROR
    case .rangeError: SG_KIND_RANGE_ERROR
    case .error: SG_KIND_ERROR
    }
  }

  /// The JavaScript error's message.
  var message: String {
    switch self {
    case .typeError(let message), .rangeError(let message), .error(let message): message
    }
  }

  /// The JavaScript error object it becomes, made in `scope`.
  func errorValue(in scope: OpaquePointer) -> OpaquePointer {
    sg_call_error_value(scope, kind, message)
  }
}
