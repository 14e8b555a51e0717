import Foundation

/// Resolves a module graph from entry points: reads each file, asks V8 for its imports,
/// resolves every specifier, and reports every problem found in one pass.
public struct ModuleGraphBuilder {
  /// The folder module names are relative to (usually the folder of snapgen.json).
  public var root: String
  /// Entry modules, relative to `root` or absolute.
  public var entryPoints: [String]

  public init(root: String, entryPoints: [String]) {
    self.root = root
    self.entryPoints = entryPoints
  }

  /// Builds the graph, or throws every diagnostic found.
  public func build(parser: ModuleSourceParser) throws(DiagnosticError) -> ModuleGraph {
    guard let root = FilePaths.canonical(self.root), FilePaths.kind(of: root) == .directory else {
      throw DiagnosticError([.error("module root folder '\(self.root)' does not exist")])
    }
    var walk = Walk(root: root, parser: parser)
    var entryIds: [Int] = []
    for entry in entryPoints {
      let path = FilePaths.join(root, entry)
      if let id = walk.module(for: path, importer: nil) { entryIds.append(id) }
    }
    if entryPoints.isEmpty {
      walk.diagnostics.append(.error("no entry points given"))
    }
    walk.run()
    if walk.diagnostics.contains(where: { $0.severity == .error }) {
      throw DiagnosticError(walk.diagnostics)
    }
    let (order, cycles) = EvaluationOrder.compute(
      entryPoints: entryIds, imports: walk.modules.map { $0.imports.map(\.target) })
    return ModuleGraph(
      root: root, modules: walk.modules, entryPoints: entryIds, evaluationOrder: order,
      cycles: cycles)
  }
}

/// The state of one resolution pass.
private struct Walk {
  struct Origin {
    var importer: Int
    var line: Int
    var column: Int
  }

  let root: String
  let parser: ModuleSourceParser
  var modules: [ModuleGraph.Module] = []
  var idsByPath: [String: Int] = [:]
  var origins: [Int: Origin] = [:]
  var pending: [Int] = []
  var diagnostics: [Diagnostic] = []

  init(root: String, parser: ModuleSourceParser) {
    self.root = root
    self.parser = parser
  }

  /// The id of the module at `path`, adding it (unparsed) when new; nil when it cannot be read.
  mutating func module(
    for path: String, importer: Origin?, kind: ModuleGraph.Kind = .javascript,
    specifier: String? = nil
  ) -> Int? {
    let located = importer.map { location(of: $0) }
    let what = specifier.map { "'\($0)'" } ?? "entry point"
    switch FilePaths.kind(of: path) {
    case .missing:
      diagnostics.append(
        .error(
          "cannot find module \(what): no file at \(FilePaths.display(path))",
          file: located?.file, line: located?.line, column: located?.column,
          notes: importer.map(chain(from:)) ?? []))
      return nil
    case .directory:
      diagnostics.append(
        .error(
          "module \(what) is a folder, not a file: \(FilePaths.display(path))",
          file: located?.file, line: located?.line, column: located?.column,
          notes: importer.map(chain(from:)) ?? []))
      return nil
    case .file: break
    }
    let canonical = FilePaths.canonical(path) ?? path
    if let id = idsByPath[canonical] { return id }
    let id = modules.count
    let name = FilePaths.relative(canonical, to: root) ?? canonical
    modules.append(
      ModuleGraph.Module(id: id, path: canonical, name: name, source: [], kind: kind, imports: []))
    idsByPath[canonical] = id
    if let importer { origins[id] = importer }
    pending.append(id)
    return id
  }

  mutating func run() {
    while let id = pending.popLast() { load(id) }
  }

  mutating func load(_ id: Int) {
    let path = modules[id].path
    let display = FilePaths.display(path)
    guard let data = FileManager.default.contents(atPath: path) else {
      diagnostics.append(.error("cannot read module file", file: display, notes: chain(to: id)))
      return
    }
    let bytes = [UInt8](data)
    modules[id].source = bytes
    if String(validating: bytes, as: UTF8.self) == nil {
      let offset = firstInvalidUTF8Offset(bytes)
      let (line, column) = lineAndColumn(of: offset, in: bytes)
      diagnostics.append(
        .error(
          "module source is not valid UTF-8 (byte offset \(offset))", file: display, line: line,
          column: column, notes: chain(to: id)))
      return
    }
    if modules[id].kind == .json { return }
    let requests: [ModuleSourceParser.Request]
    do {
      requests = try parser.requests(name: modules[id].name, source: bytes)
    } catch {
      diagnostics.append(
        .error(
          error.message, file: display, line: error.line > 0 ? error.line : nil,
          column: error.column > 0 ? error.column : nil, notes: chain(to: id)))
      return
    }
    let directory = FilePaths.directory(of: path)
    for request in requests {
      let origin = Origin(importer: id, line: request.line, column: request.column)
      var kind = ModuleGraph.Kind.javascript
      switch request.assertionType {
      case nil: break
      case "json": kind = .json
      case let other?:
        diagnostics.append(
          .error(
            "unsupported import assertion type '\(other)' for '\(request.specifier)'",
            file: display, line: request.line, column: request.column))
        continue
      }
      guard let target = resolve(request.specifier, from: directory, origin: origin) else {
        continue
      }
      guard let targetId = module(for: target, importer: origin, kind: kind, specifier: request.specifier)
      else { continue }
      if modules[targetId].kind != kind {
        diagnostics.append(
          .error(
            "'\(request.specifier)' is imported both as JSON and as JavaScript", file: display,
            line: request.line, column: request.column))
        continue
      }
      modules[id].imports.append(
        .init(
          specifier: request.specifier, target: targetId, line: request.line,
          column: request.column))
    }
  }

  /// Turns a specifier into a file path, or records why it cannot.
  mutating func resolve(_ specifier: String, from directory: String, origin: Origin) -> String? {
    if specifier.hasPrefix("./") || specifier.hasPrefix("../") || specifier.hasPrefix("/") {
      return FilePaths.join(directory, specifier)
    }
    if specifier.hasPrefix("file://") {
      return FilePaths.normalize(
        String(specifier.dropFirst("file://".count)).removingPercentEncoding ?? specifier)
    }
    let located = location(of: origin)
    diagnostics.append(
      .error(
        "cannot resolve '\(specifier)': only relative ('./', '../') and absolute specifiers are supported",
        file: located.file, line: located.line, column: located.column, notes: chain(from: origin)))
    return nil
  }

  func location(of origin: Origin) -> (file: String, line: Int, column: Int) {
    (FilePaths.display(modules[origin.importer].path), origin.line, origin.column)
  }

  /// "imported from a.js:3:1" lines from the module that imported `origin` back to an entry.
  func chain(from origin: Origin) -> [String] {
    var notes: [String] = []
    var current: Origin? = origins[origin.importer]
    var seen: Set<Int> = [origin.importer]
    while let step = current, !seen.contains(step.importer), notes.count < 20 {
      let where_ = location(of: step)
      notes.append("imported from \(where_.file):\(where_.line):\(where_.column)")
      seen.insert(step.importer)
      current = origins[step.importer]
    }
    return notes
  }

  func chain(to id: Int) -> [String] {
    guard let origin = origins[id] else { return [] }
    let where_ = location(of: origin)
    return ["imported from \(where_.file):\(where_.line):\(where_.column)"] + chain(from: origin)
  }

  func firstInvalidUTF8Offset(_ bytes: [UInt8]) -> Int {
    UTF8Validation.firstInvalidOffset(bytes) ?? bytes.count
  }

  func lineAndColumn(of offset: Int, in bytes: [UInt8]) -> (Int, Int) {
    var line = 1
    var lineStart = 0
    for index in 0..<min(offset, bytes.count) where bytes[index] == UInt8(ascii: "\n") {
      line += 1
      lineStart = index + 1
    }
    return (line, offset - lineStart + 1)
  }
}
