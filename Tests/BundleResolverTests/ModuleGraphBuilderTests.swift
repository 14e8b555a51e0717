import BundleResolver
import Foundation
import SnapshotKit
import Testing

/// Writes a module tree into a new temporary folder.
func makeTree(_ files: [String: String]) throws -> String {
  try makeTree(files.mapValues { Array($0.utf8) })
}

/// Writes a module tree of raw bytes into a new temporary folder.
func makeTree(_ files: [String: [UInt8]]) throws -> String {
  let root = FileManager.default.temporaryDirectory.appendingPathComponent("resolver-\(UUID().uuidString)").path
  for (path, contents) in files {
    let full = root + "/" + path
    try FileManager.default.createDirectory(atPath: FilePaths.directory(of: full), withIntermediateDirectories: true)
    try Data(contents).write(to: URL(fileURLWithPath: full))
  }
  return FilePaths.canonical(root) ?? root
}

/// Resolves with ``StaticImportParser``: no V8, for tests of resolution rules.
func resolve(_ root: String, _ entries: [String], options: ResolverOptions = ResolverOptions()) throws(DiagnosticError) -> ModuleGraph {
  try ModuleGraphBuilder(root: root, entryPoints: entries, options: options).build(parser: StaticImportParser())
}

/// Resolves end to end with V8's parser (SnapshotKit's ``ModuleSourceParser``), for what only
/// V8 decides: syntax errors, comments and strings, dynamic imports.
func resolveWithV8(_ root: String, _ entries: [String], options: ResolverOptions = ResolverOptions()) throws(DiagnosticError) -> ModuleGraph {
  let parser: ModuleSourceParser
  do {
    try V8Engine.initialize(flags: [], fixedSeeds: true)
    parser = try ModuleSourceParser()
  } catch let error as V8EngineError {
    throw DiagnosticError([.error(error.message)])
  } catch let error as ModuleParseError {
    throw DiagnosticError([.error(error.message)])
  } catch {
    throw DiagnosticError([.error("\(error)")])
  }
  return try ModuleGraphBuilder(root: root, entryPoints: entries, options: options).build(parser: parser)
}

@Suite("module graph")
struct ModuleGraphBuilderTests {

  @Test("evaluation order is post-order from the entry, in request order")
  func evaluationOrder() throws {
    let root = try makeTree([
      "main.js": "import './a.js';\nimport './b.js';\n",
      "a.js": "import './c.js';\n",
      "b.js": "import './c.js';\nexport * from './d.js';\n",
      "c.js": "",
      "d.js": "export const d = 1;\n",
    ])
    let graph = try resolve(root, ["main.js"])
    #expect(graph.evaluationOrder.map { graph.modules[$0].name } == ["c.js", "a.js", "d.js", "b.js", "main.js"])
    let main = try #require(graph.modules.first { $0.name == "main.js" })
    #expect(main.imports.map(\.specifier) == ["./a.js", "./b.js"])
    #expect(main.imports.map(\.line) == [1, 2])
    #expect(graph.cycles.isEmpty)
  }

  @Test("cycles are allowed and reported")
  func cycles() throws {
    let root = try makeTree(["a.js": "import './b.js';\n", "b.js": "import './a.js';\n"])
    let graph = try resolve(root, ["a.js"])
    #expect(graph.cycles.count == 1)
    #expect(graph.evaluationOrder.map { graph.modules[$0].name } == ["b.js", "a.js"])
  }

  @Test("one file is one module whatever the path spelling")
  func canonicalIdentity() throws {
    let root = try makeTree([
      "main.js": "import './lib/x.js';\nimport './lib/../lib/x.js';\nimport './link.js';\n",
      "lib/x.js": "",
    ])
    try FileManager.default.createSymbolicLink(atPath: root + "/link.js", withDestinationPath: root + "/lib/x.js")
    let graph = try resolve(root, ["main.js"])
    #expect(graph.modules.count == 2)
  }

  @Test("every unresolved import is reported with importer, line and column in one run")
  func allErrorsAtOnce() throws {
    let root = try makeTree([
      "main.js": "import './a.js';\nimport { x } from './missing.js';\n",
      "a.js": "\n  import y from 'some-package';\nimport './folder';\n",
      "folder/index.js": "",
    ])
    do {
      _ = try resolve(root, ["main.js"])
      Issue.record("resolution succeeded")
    } catch {
      let messages = error.diagnostics.map(\.description)
      #expect(error.diagnostics.count == 3)
      #expect(messages.contains { $0.contains("main.js:2:19: error: cannot find module './missing.js'") })
      #expect(messages.contains { $0.contains("a.js:2:17: error: cannot resolve 'some-package'") })
      #expect(messages.contains { $0.contains("a.js:3:8: error: module './folder' is a folder") })
      let bare = error.diagnostics.first { $0.message.contains("some-package") }
      #expect(bare?.notes.last == "imported from \(FilePaths.display(root + "/main.js")):1:8")
    }
  }

  @Test("a syntax error is reported at V8's location")
  func syntaxError() throws {
    let root = try makeTree(["main.js": "export const ok = 1;\nexport const = 2;\n"])
    do {
      _ = try resolveWithV8(root, ["main.js"])
      Issue.record("resolution succeeded")
    } catch {
      let diagnostic = try #require(error.diagnostics.first)
      #expect(diagnostic.line == 2)
      #expect(diagnostic.column == 14)
      #expect(diagnostic.message.contains("SyntaxError"))
    }
  }

  @Test("invalid UTF-8 is reported at the first bad byte")
  func invalidUTF8() throws {
    let root = try makeTree(["main.js": ""])
    try Data(Array("let a = 1;\nlet b = '".utf8) + [0xC3, 0x28] + Array("';\n".utf8)).write(to: URL(fileURLWithPath: root + "/main.js"))
    do {
      _ = try resolve(root, ["main.js"])
      Issue.record("resolution succeeded")
    } catch {
      let diagnostic = try #require(error.diagnostics.first)
      #expect(diagnostic.message.contains("not valid UTF-8"))
      #expect(diagnostic.line == 2)
      #expect(diagnostic.column == 10)
    }
  }

  @Test("an import chain 10,000 modules deep resolves without overflowing the stack")
  func deepChain() throws {
    var files: [String: String] = [:]
    for index in 0..<10_000 {
      files["m\(index).js"] = index < 9_999 ? "import './m\(index + 1).js';\n" : "export {};\n"
    }
    let root = try makeTree(files)
    let graph = try resolve(root, ["m0.js"])
    #expect(graph.modules.count == 10_000)
    #expect(graph.modules[graph.evaluationOrder.first!].name == "m9999.js")
  }

  @Test("a self-import is a one-module cycle, with a warning at the import")
  func selfImport() throws {
    let root = try makeTree(["main.js": "export const x = 1;\n  import './main.js';\n"])
    let graph = try resolve(root, ["main.js"])
    #expect(graph.modules.count == 1)
    #expect(graph.cycles == [[0]])
    let warning = try #require(graph.warnings.first)
    #expect(warning.description == "\(FilePaths.display(root + "/main.js")):2:10: warning: module imports itself ('./main.js')")
  }
}
