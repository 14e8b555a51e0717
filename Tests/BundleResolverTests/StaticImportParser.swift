import BundleResolver

/// A stand-in for V8's parser in tests of resolution alone, so they need no isolate.
///
/// It reads only what these tests write: one statement per line, `import … 'x'` or
/// `export … from 'x'` starting the line, optionally with `assert { type: '…' }`. It reports
/// each specifier at its opening quote (where V8 reports module requests) and never a syntax
/// error, so it finds no dynamic imports: tests of syntax errors and `import(…)` use V8
/// (``resolveWithV8(_:_:options:)``).
struct StaticImportParser: ModuleRequestParser {
  func requests(name: String, source: [UInt8]) throws(ModuleParseError) -> [ModuleRequest] {
    var requests: [ModuleRequest] = []
    for (index, line) in String(decoding: source, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let text = Array(line.utf16)
      let start = text.firstIndex { $0 != 0x20 && $0 != 0x09 } ?? text.endIndex
      let statement = String(decoding: text[start...], as: UTF16.self)
      guard statement.hasPrefix("import") || (statement.hasPrefix("export") && statement.contains(" from ")),
        let open = text[start...].firstIndex(where: { $0 == 0x27 || $0 == 0x22 }),
        let close = text[(open + 1)...].firstIndex(of: text[open])
      else { continue }
      let specifier = String(decoding: text[(open + 1)..<close], as: UTF16.self)
      requests.append(
        ModuleRequest(
          specifier: specifier, line: index + 1, column: open + 1,
          assertionType: assertionType(in: String(decoding: text[(close + 1)...], as: UTF16.self))))
    }
    return requests
  }

  /// The `type` of an `assert { type: '…' }` clause.
  private func assertionType(in rest: String) -> String? {
    guard let assert = rest.firstRange(of: "assert"), let type = rest[assert.upperBound...].firstRange(of: "type") else { return nil }
    let value = rest[type.upperBound...].drop { $0 != "'" && $0 != "\"" }
    guard let quote = value.first else { return nil }
    return String(value.dropFirst().prefix { $0 != quote })
  }
}
