@testable import BundleResolver
import Testing

@Suite("JSON parser")
struct JSONParserTests {
  @Test("values, escapes and member order")
  func values() throws {
    let value = try JSONParser.parse(Array(#"{"b": [1, -2.5e3, true, null], "a": "x\u00e9\n\ud83d\ude00"}"#.utf8))
    guard case .object(let members) = value else { Issue.record("not an object"); return }
    #expect(members.map(\.key) == ["b", "a"])
    #expect(value["b"] == .array([.number(1), .number(-2500), .bool(true), .null]))
    #expect(value["a"] == .string("xé\n😀"))
  }

  @Test("errors carry line and column", arguments: [
    ("{\n  \"a\": 1,\n}", 3, 1, "expected a string key in double quotes"),
    ("[1 2]", 1, 4, "expected ',' or ']' in an array"),
    ("{\"a\": tru}", 1, 7, "invalid literal, expected 'true'"),
    ("\"abc", 1, 5, "unterminated string"),
    ("{} x", 1, 4, "unexpected text after the JSON value"),
    ("01", 1, 2, "unexpected text after the JSON value"),
  ])
  func errors(text: String, line: Int, column: Int, message: String) {
    do {
      _ = try JSONParser.parse(Array(text.utf8))
      Issue.record("parsed \(text)")
    } catch {
      #expect(error == JSONParser.Failure(message: message, line: line, column: column))
    }
  }
}
