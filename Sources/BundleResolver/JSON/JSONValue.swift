/// A parsed JSON value that keeps object key order and where each value starts.
///
/// Package `exports` conditions and import map entries are order-sensitive, and diagnostics about
/// them should point at the entry, so the resolver cannot use an unordered dictionary.
public indirect enum JSONValue: Sendable, Equatable {
  case null
  case bool(Bool)
  case number(Double)
  case string(String)
  case array([JSONValue])
  /// Members in source order, each with the location of its key.
  case object([Member])

  /// One object member: its key, the key's 1-based location and its value.
  public struct Member: Sendable, Equatable {
    public var key: String
    public var line: Int
    public var column: Int
    public var value: JSONValue
  }

  /// The value of the first member named `key`, if this is an object that has one.
  public subscript(key: String) -> JSONValue? {
    guard case .object(let members) = self else { return nil }
    return members.first { $0.key == key }?.value
  }

  /// The member named `key`, with its location.
  public func member(_ key: String) -> Member? {
    guard case .object(let members) = self else { return nil }
    return members.first { $0.key == key }
  }

  /// The string payload, if this is a string.
  public var stringValue: String? {
    if case .string(let text) = self { return text }
    return nil
  }

  /// A short name of the value's type for messages ("an object", "a string" …).
  public var typeDescription: String {
    switch self {
    case .null: "null"
    case .bool: "a boolean"
    case .number: "a number"
    case .string: "a string"
    case .array: "an array"
    case .object: "an object"
    }
  }
}
