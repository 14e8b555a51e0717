/// A JavaScript value as ops see it: the data that crosses between JS and Swift.
public enum JSValue: Equatable, Sendable {
  case undefined
  case null
  case boolean(Bool)
  case number(Double)
  case string(String)
  /// An ArrayBuffer or view going in; a Uint8Array coming out.
  case bytes([UInt8])
  case array([JSValue])
  /// A plain object; keys keep JS's enumeration order.
  case object([(String, JSValue)])

  public static func == (lhs: JSValue, rhs: JSValue) -> Bool {
    switch (lhs, rhs) {
    case (.undefined, .undefined), (.null, .null): true
    case (.boolean(let a), .boolean(let b)): a == b
    case (.number(let a), .number(let b)): a == b || (a.isNaN && b.isNaN)
    case (.string(let a), .string(let b)): a == b
    case (.bytes(let a), .bytes(let b)): a == b
    case (.array(let a), .array(let b)): a == b
    case (.object(let a), .object(let b)):
      a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
    default: false
    }
  }

  /// The string value, or nil for other kinds.
  public var stringValue: String? {
    if case .string(let text) = self { return text }
    return nil
  }

  /// The number value, or nil for other kinds.
  public var numberValue: Double? {
    if case .number(let number) = self { return number }
    return nil
  }

  /// JavaScript truthiness.
  public var isTruthy: Bool {
    switch self {
    case .undefined, .null: false
    case .boolean(let value): value
    case .number(let value): value != 0 && !value.isNaN
    case .string(let value): !value.isEmpty
    default: true
    }
  }
}
