import FoundationEssentials

/// One value of a flat JSON object that a command prints on stdout.
enum JSONField: Encodable, Sendable {
  case string(String)
  case integer(Int64)
  case number(Double)
  case bool(Bool)

  static func integer(_ value: Int) -> JSONField { .integer(Int64(value)) }

  func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    switch self {
    case .string(let value): try container.encode(value)
    case .integer(let value): try container.encode(value)
    case .number(let value): try container.encode(value)
    case .bool(let value): try container.encode(value)
    }
  }
}

extension Dictionary where Key == String, Value == JSONField {
  /// The object as one line of JSON with its keys sorted, so the output is stable.
  func sortedJSON() throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(self), as: UTF8.self)
  }
}
