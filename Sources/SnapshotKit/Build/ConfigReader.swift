import BundleResolver

/// Typed, located reads of a `snapgen.json` object: every problem is recorded with the file,
/// line and column of the key it is about, values of the wrong JSON type are refused (`1` is not
/// `true`), and duplicate and unknown keys are errors.
struct ConfigReader {
  /// The file as diagnostics show it.
  let display: String
  /// The object's members in source order.
  let members: [JSONValue.Member]
  /// Everything found wrong so far.
  private(set) var problems: [Diagnostic] = []

  /// Reads `bytes` as a JSON object; throws located syntax errors.
  init(bytes: [UInt8], display: String, knownKeys: Set<String>) throws(DiagnosticError) {
    self.display = display
    let value: JSONValue
    do { value = try JSONParser.parse(bytes) } catch {
      throw DiagnosticError([.error("\(BuildConfiguration.fileName) is not valid JSON: \(error.message)", file: display, line: error.line, column: error.column)])
    }
    guard case .object(let members) = value else {
      throw DiagnosticError([.error("\(BuildConfiguration.fileName) must contain a JSON object, not \(value.typeDescription)", file: display, line: 1, column: 1)])
    }
    self.members = members
    var seen: [String: JSONValue.Member] = [:]
    for member in members {
      if let first = seen[member.key] {
        problem("duplicate key '\(member.key)' (first at line \(first.line), column \(first.column))", at: member)
      } else {
        seen[member.key] = member
      }
      if !knownKeys.contains(member.key) {
        problem("unknown key '\(member.key)' (known keys: \(knownKeys.sorted().joined(separator: ", ")))", at: member)
      }
    }
  }

  /// The first member named `key`.
  func member(_ key: String) -> JSONValue.Member? {
    members.first { $0.key == key }
  }

  /// Records a problem at a member's key (or at the file when there is none).
  mutating func problem(_ message: String, at member: JSONValue.Member?) {
    problems.append(.error(message, file: display, line: member?.line, column: member?.column))
  }

  /// Records a problem about `key`, located at it when present.
  mutating func problem(_ message: String, key: String) {
    problem(message, at: member(key))
  }

  /// A string value; a problem when present with another type (or empty and `nonEmpty`).
  mutating func string(_ key: String, _ expectation: String, nonEmpty: Bool = true) -> String? {
    guard let member = member(key) else { return nil }
    guard case .string(let text) = member.value, !(nonEmpty && text.isEmpty) else {
      problem("'\(key)' must be \(expectation), not \(member.value.typeDescription)", at: member)
      return nil
    }
    return text
  }

  /// A boolean value; a problem when present with another type.
  mutating func bool(_ key: String) -> Bool? {
    guard let member = member(key) else { return nil }
    guard case .bool(let flag) = member.value else {
      problem("'\(key)' must be true or false, not \(member.value.typeDescription)", at: member)
      return nil
    }
    return flag
  }

  /// A whole number in `range`; a problem otherwise.
  mutating func integer(_ key: String, in range: ClosedRange<Int>) -> Int? {
    guard let member = member(key) else { return nil }
    guard case .number(let number) = member.value, number == number.rounded(), number >= Double(range.lowerBound),
      number <= Double(range.upperBound)
    else {
      problem("'\(key)' must be a whole number from \(range.lowerBound) to \(range.upperBound)", at: member)
      return nil
    }
    return Int(number)
  }

  /// An array of strings; a problem otherwise (or when empty and `nonEmpty`).
  mutating func strings(_ key: String, nonEmpty: Bool = false) -> [String]? {
    guard let member = member(key) else { return nil }
    guard case .array(let items) = member.value, !(nonEmpty && items.isEmpty) else {
      problem("'\(key)' must be \(nonEmpty ? "a non-empty" : "an") array of strings, not \(member.value.typeDescription)", at: member)
      return nil
    }
    var list: [String] = []
    for (index, item) in items.enumerated() {
      guard case .string(let text) = item else {
        problem("'\(key)'[\(index)] must be a string, not \(item.typeDescription)", at: member)
        return nil
      }
      list.append(text)
    }
    return list
  }
}
