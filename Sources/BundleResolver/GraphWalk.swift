/// The state of one resolution pass: modules found so far, the work list and diagnostics.
struct GraphWalk {
  /// Where a module was first imported from (for import chains in diagnostics).
  struct Origin {
    var importer: Int
    var line: Int
    var column: Int
  }

  let root: String
  let parser: any ModuleRequestParser
  let resolver: SpecifierResolver
  var modules: [ModuleGraph.Module] = []
  var idsByPath: [String: Int] = [:]
  var origins: [Int: Origin] = [:]
  var pending: [Int] = []
  var diagnostics: [Diagnostic] = []
  /// Files whose own problems (an invalid package.json) were already reported.
  var reportedFiles: Set<String> = []

  init(root: String, parser: any ModuleRequestParser, resolver: SpecifierResolver) {
    self.root = root
    self.parser = parser
    self.resolver = resolver
  }

  /// Adds an entry point: a path relative to the root, an absolute path, or a specifier in a
  /// configured scheme.
  mutating func entry(_ entry: String) -> Int? {
    let path: String
    if let scheme = ModuleURL.scheme(of: entry), scheme != "file" {
      do { path = try resolver.resolve(entry, from: root + "/").path } catch {
        report(error, file: nil, line: nil, column: nil, notes: [])
        return nil
      }
    } else {
      do {
        path = try resolver.file(at: FilePaths.join(root, ModuleURL.path(of: entry) ?? entry), specifier: entry, probe: false, probeIndex: false)
      } catch {
        var failure = error
        failure.message = failure.message.replacingAll("module '\(entry)'", with: "entry point '\(entry)'")
        report(failure, file: nil, line: nil, column: nil, notes: [])
        return nil
      }
    }
    guard resolver.files.mayRead(path) else {
      diagnostics.append(.error("entry point \(path) is \(resolver.files.outsideNote)"))
      return nil
    }
    return module(at: path, importer: nil, kind: .javascript)
  }

  /// The id of the module at canonical `path`, adding it (unloaded) when new.
  mutating func module(at path: String, importer: Origin?, kind: ModuleGraph.Kind) -> Int {
    if let id = idsByPath[path] { return id }
    let id = modules.count
    let name = FilePaths.relative(path, to: root) ?? path
    modules.append(ModuleGraph.Module(id: id, path: path, name: name, source: [], kind: kind, imports: []))
    idsByPath[path] = id
    if let importer { origins[id] = importer }
    pending.append(id)
    return id
  }

  /// The id of the base module `name`, adding it (loaded: it has no source here) when new.
  mutating func baseModule(named name: String) -> Int {
    let path = BaseModules.scheme + ":" + name
    if let id = idsByPath[path] { return id }
    let id = modules.count
    modules.append(ModuleGraph.Module(id: id, path: path, name: path, source: [], kind: .base, imports: []))
    idsByPath[path] = id
    return id
  }

  mutating func run() {
    while let id = pending.popLast() { load(id) }
  }

  mutating func load(_ id: Int) {
    let path = modules[id].path
    guard let bytes = resolver.files.contents(of: path) else {
      diagnostics.append(.error("cannot read module file", file: FilePaths.display(path), notes: chain(to: id)))
      return
    }
    modules[id].source = bytes
    if let offset = UTF8Validation.firstInvalidOffset(bytes) {
      let (line, column) = DynamicImportScanner.lineAndColumn(of: offset, in: Array(bytes[..<offset]))
      diagnostics.append(
        .error(
          "module source is not valid UTF-8 (byte offset \(offset))", file: FilePaths.display(path), line: line,
          column: column, notes: chain(to: id)))
      return
    }
    if modules[id].kind == .json { return }
    let requests: [ModuleRequest]
    do {
      requests = try parser.requests(name: modules[id].name, source: bytes)
    } catch {
      diagnostics.append(
        .error(
          error.message, file: FilePaths.display(path), line: error.line > 0 ? error.line : nil,
          column: error.column > 0 ? error.column : nil, notes: chain(to: id)))
      return
    }
    for request in requests { add(request, to: id) }
    reportDynamicImports(in: id)
  }

  private mutating func add(_ request: ModuleRequest, to id: Int) {
    let origin = Origin(importer: id, line: request.line, column: request.column)
    let display = FilePaths.display(modules[id].path)
    var kind = ModuleGraph.Kind.javascript
    switch request.assertionType {
    case nil: break
    case "json": kind = .json
    case let other?:
      diagnostics.append(
        .error(
          "unsupported import assertion type '\(other)' for '\(request.specifier)' (V8 10.2 supports only 'json')",
          file: display, line: request.line, column: request.column, notes: chain(from: origin)))
      return
    }
    if let lookup = resolver.options.baseModules?.lookup(request.specifier) {
      switch lookup {
      case .success(let name):
        let targetId = baseModule(named: name)
        modules[id].imports.append(
          .init(specifier: request.specifier, target: targetId, line: request.line, column: request.column))
      case .failure(let error):
        report(error, file: display, line: request.line, column: request.column, notes: chain(from: origin))
      }
      return
    }
    let resolved: SpecifierResolver.Resolved
    do {
      resolved = try resolver.resolve(request.specifier, from: modules[id].path)
    } catch {
      report(error, file: display, line: request.line, column: request.column, notes: chain(from: origin))
      return
    }
    let target = resolved.path
    func fail(_ message: String, _ notes: [String] = []) {
      diagnostics.append(.error(message, file: display, line: request.line, column: request.column, notes: notes + chain(from: origin)))
    }
    if kind == .javascript {
      if target.hasSuffix(".json") {
        return fail("'\(request.specifier)' is a JSON file; import it with assert { type: 'json' }")
      }
      if target.hasSuffix(".cjs") || target.hasSuffix(".node") || target.hasSuffix(".wasm") {
        return fail("'\(request.specifier)' resolves to \(FilePaths.display(target)), which is not an ES module (snapgen loads JavaScript ES modules and JSON)")
      }
      if let package = resolved.commonJSPackage {
        diagnostics.append(
          Diagnostic(
            .warning, "'\(request.specifier)' resolves to a CommonJS file of package '\(package)' (\"type\": \"commonjs\"); it is loaded as an ES module",
            file: display, line: request.line, column: request.column))
      }
    }
    if target == modules[id].path {
      diagnostics.append(
        Diagnostic(.warning, "module imports itself ('\(request.specifier)')", file: display, line: request.line, column: request.column))
    }
    guard resolver.files.mayRead(target) else {
      return fail("'\(request.specifier)' resolves to \(target), \(resolver.files.outsideNote)")
    }
    let targetId = module(at: target, importer: origin, kind: kind)
    if modules[targetId].kind != kind {
      return fail("'\(request.specifier)' is imported both as JSON and as JavaScript")
    }
    modules[id].imports.append(
      .init(specifier: request.specifier, target: targetId, line: request.line, column: request.column))
  }

  private mutating func reportDynamicImports(in id: Int) {
    let module = modules[id]
    let scanner = DynamicImportScanner(parser: parser)
    for found in scanner.scan(name: module.name, source: module.source) {
      let what = found.specifier.map { "import('\($0)')" } ?? "import()"
      diagnostics.append(
        Diagnostic(
          resolver.options.dynamicImportSeverity,
          "\(what) cannot run while the snapshot is built; its target is not part of the snapshot",
          file: FilePaths.display(module.path), line: found.line, column: found.column,
          notes: ["use a static import, or load it at runtime through the runtime's own module loader"]))
    }
  }

  private mutating func report(_ error: ResolveError, file: String?, line: Int?, column: Int?, notes: [String]) {
    for related in error.related where !reportedFiles.contains(related.file ?? "") {
      reportedFiles.insert(related.file ?? "")
      diagnostics.append(related)
    }
    if !error.message.isEmpty {
      diagnostics.append(.error(error.message, file: file, line: line, column: column, notes: error.notes + notes))
    } else if let file {
      diagnostics.append(.error("cannot resolve this import: the package's package.json is invalid (see above)", file: file, line: line, column: column, notes: notes))
    }
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
}
