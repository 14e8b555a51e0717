/// An op invocation, handed to Swift op implementations. Valid only during the call.
public struct OpCall: ~Copyable {
  let call: V8Call
  /// The op's name, for error messages.
  public let name: String
  /// The loop of the runtime making the call.
  unowned let loop: EventLoop

  /// Makes the op return a new promise; returns its id for the event loop to settle.
  func returnPromise() -> Int64 { call.returnPromise() }

  /// Every argument up to the op's arity (or as many as were passed, if more).
  func arguments(arity: Int) throws(OpError) -> [JSValue] {
    var values: [JSValue] = []
    for index in 0..<max(arity, count) { values.append(try argument(index)) }
    return values
  }

  /// The number of arguments JS passed.
  public var count: Int { call.argumentCount }

  /// Argument `index` converted to a ``JSValue`` (undefined when absent).
  public func argument(_ index: Int) throws(OpError) -> JSValue {
    guard index < count else { return .undefined }
    return try call.argument(index)
  }

  /// Argument `index` as a string, or a TypeError naming the op.
  public func string(_ index: Int) throws(OpError) -> String {
    guard case .string(let text) = try argument(index) else {
      throw .typeError("\(name): argument \(index + 1) must be a string")
    }
    return text
  }

  /// Argument `index` as a finite number, or a TypeError naming the op.
  public func number(_ index: Int) throws(OpError) -> Double {
    guard case .number(let value) = try argument(index), value.isFinite else {
      throw .typeError("\(name): argument \(index + 1) must be a finite number")
    }
    return value
  }

  /// Argument `index` as a boolean (undefined counts as false), or a TypeError.
  public func boolean(_ index: Int) throws(OpError) -> Bool {
    switch try argument(index) {
    case .undefined: return false
    case .boolean(let value): return value
    default: throw .typeError("\(name): argument \(index + 1) must be a boolean")
    }
  }
}
