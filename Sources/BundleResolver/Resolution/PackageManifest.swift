/// The parts of a package's `package.json` that module resolution reads.
struct PackageManifest: Sendable {
  /// The package folder (canonical).
  var directory: String
  /// The package.json path.
  var path: String
  var name: String?
  /// `"type"`: "module", "commonjs" or nil.
  var type: String?
  var exports: JSONValue?
  /// Where `exports` is written, for diagnostics.
  var exportsLine: Int
  var exportsColumn: Int
  var module: String?
  var main: String?

  /// Parses package.json bytes; throws a diagnostic with the location of the first problem.
  init(bytes: [UInt8], path: String) throws(DiagnosticError) {
    let display = FilePaths.display(path)
    let document: JSONValue
    if let bad = UTF8Validation.firstInvalidOffset(bytes) {
      throw DiagnosticError([.error("package.json is not valid UTF-8 (byte offset \(bad))", file: display)])
    }
    do { document = try JSONParser.parse(bytes) } catch {
      throw DiagnosticError([.error("package.json is not valid JSON: \(error.message)", file: display, line: error.line, column: error.column)])
    }
    guard case .object = document else {
      throw DiagnosticError([.error("package.json must contain a JSON object, not \(document.typeDescription)", file: display, line: 1, column: 1)])
    }
    self.path = path
    self.directory = FilePaths.directory(of: path)
    var problems: [Diagnostic] = []
    func text(_ key: String) -> String? {
      guard let member = document.member(key) else { return nil }
      if case .string(let value) = member.value { return value }
      if member.value != .null {
        problems.append(.error("package.json '\(key)' must be a string, not \(member.value.typeDescription)", file: display, line: member.line, column: member.column))
      }
      return nil
    }
    name = text("name")
    type = text("type")
    module = text("module")
    main = text("main")
    let exportsMember = document.member("exports")
    exports = exportsMember?.value
    exportsLine = exportsMember?.line ?? 1
    exportsColumn = exportsMember?.column ?? 1
    if case .object(let members)? = exports {
      let dotted = members.filter { $0.key.hasPrefix(".") }.count
      if dotted != 0 && dotted != members.count {
        problems.append(.error("package.json 'exports' mixes subpaths (\".\"-prefixed keys) and conditions", file: display, line: exportsLine, column: exportsColumn))
      }
    }
    guard problems.isEmpty else { throw DiagnosticError(problems) }
  }
}
