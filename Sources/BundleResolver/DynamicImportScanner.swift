/// Finds `import(…)` expressions in a module.
///
/// V8 10.2's public API lists only static requests (`Module::GetModuleRequests`), and its
/// scanner and AST are not exported, so V8 cannot be asked directly. Instead this finds the few
/// places where the text `import` is followed by `(` (skipping whitespace and comments) and lets
/// the ``ModuleRequestParser`` (V8's, in snapgen) decide what each one is, by parsing the module
/// twice with that spot rewritten:
///
/// 1. `import` → `@@@@@@`: a syntax error at exactly that spot means it is code, not a string,
///    comment, template text or regular expression.
/// 2. `import` → `!0    `: still valid means it stood where an expression may start (a dynamic
///    import); a syntax error means a property or method named `import` (`x.import(…)`,
///    `{ import() {} }`).
///
/// Both rewrites keep every other byte, line and column. Modules without the text `import(` cost
/// one byte scan and no parse.
struct DynamicImportScanner {
  /// One dynamic import: 1-based location of `import`, and its specifier when it is a plain
  /// string literal.
  struct Found: Equatable {
    var line: Int
    var column: Int
    var specifier: String?
  }

  let parser: any ModuleRequestParser

  func scan(name: String, source: [UInt8]) -> [Found] {
    let candidates = Self.candidates(in: source)
    guard !candidates.isEmpty else { return [] }
    var found: [Found] = []
    for offset in candidates {
      let (line, column) = Self.lineAndColumn(of: offset, in: source)
      var probe = source
      probe.replaceSubrange(offset..<offset + 6, with: Array("@@@@@@".utf8))
      guard let error = parser.parseError(name: name, source: probe), error.line == line, error.column == column else {
        continue  // not code
      }
      probe.replaceSubrange(offset..<offset + 6, with: Array("!0    ".utf8))
      guard parser.parseError(name: name, source: probe) == nil else { continue }  // a member named import
      found.append(Found(line: line, column: column, specifier: Self.stringArgument(in: source, after: offset + 6)))
    }
    return found
  }

  private static func isIdentifierByte(_ byte: UInt8) -> Bool {
    byte >= 0x80 || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "$")
      || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
      || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
  }

  /// Offsets of every whole-word `import` followed by `(`.
  static func candidates(in source: [UInt8]) -> [Int] {
    let word = Array("import".utf8)
    var result: [Int] = []
    var index = 0
    let end = source.count - word.count
    while index <= end {
      if source[index] == UInt8(ascii: "i"), source[index + 1] == UInt8(ascii: "m"),
        Array(source[index..<index + 6]) == word,
        index == 0 || !isIdentifierByte(source[index - 1]),
        let next = skipTrivia(source, from: index + 6), source[next] == UInt8(ascii: "(")
      {
        result.append(index)
        index += 6
      } else {
        index += 1
      }
    }
    return result
  }

  /// The offset of the next byte that is not whitespace or a comment, or nil at the end.
  static func skipTrivia(_ source: [UInt8], from start: Int) -> Int? {
    var index = start
    while index < source.count {
      let byte = source[index]
      if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
        index += 1
      } else if byte == UInt8(ascii: "/"), index + 1 < source.count, source[index + 1] == UInt8(ascii: "*") {
        index += 2
        while index + 1 < source.count, !(source[index] == UInt8(ascii: "*") && source[index + 1] == UInt8(ascii: "/")) { index += 1 }
        index += 2
      } else if byte == UInt8(ascii: "/"), index + 1 < source.count, source[index + 1] == UInt8(ascii: "/") {
        while index < source.count, source[index] != 0x0A { index += 1 }
      } else {
        return index
      }
    }
    return nil
  }

  /// `'x'` or `"x"` right after the `(` (no escapes), for the message.
  static func stringArgument(in source: [UInt8], after offset: Int) -> String? {
    guard let open = skipTrivia(source, from: offset), source[open] == UInt8(ascii: "("),
      let start = skipTrivia(source, from: open + 1)
    else { return nil }
    let quote = source[start]
    guard quote == UInt8(ascii: "'") || quote == UInt8(ascii: "\"") else { return nil }
    var index = start + 1
    while index < source.count, source[index] != quote, source[index] != UInt8(ascii: "\\"), source[index] != 0x0A { index += 1 }
    guard index < source.count, source[index] == quote,
      let next = skipTrivia(source, from: index + 1), source[next] == UInt8(ascii: ")") || source[next] == UInt8(ascii: ",")
    else { return nil }
    return String(decoding: source[(start + 1)..<index], as: UTF8.self)
  }

  /// 1-based line and column (in UTF-16 code units, as V8 counts) of a byte offset.
  static func lineAndColumn(of offset: Int, in source: [UInt8]) -> (Int, Int) {
    var line = 1
    var lineStart = 0
    for index in 0..<min(offset, source.count) where source[index] == 0x0A {
      line += 1
      lineStart = index + 1
    }
    let prefix = String(decoding: source[lineStart..<offset], as: UTF8.self)
    return (line, prefix.utf16.count + 1)
  }
}
