import BundleResolver
import Foundation
import SnapshotKit
import Testing

/// Every bad input gives its message at its location, and all of them come out of one run.
@Suite("resolver bad input")
struct ResolverBadInputTests {

  @Test("a missing file suggests the closest module in that folder")
  func missingFile() throws {
    let root = try makeTree(["main.js": "\nimport { x } from './lib/utlis.js';\n", "lib/utils.js": "export const x = 1;\n"])
    let diagnostic = try #require(failures(root).first)
    #expect(diagnostic.description == """
      \(shown(root, "main.js")):2:19: error: cannot find module './lib/utlis.js': no file at \(shown(root, "lib/utlis.js"))
          did you mean './lib/utils.js'?
      """)
  }

  @Test("a missing package suggests the closest installed package")
  func missingPackage() throws {
    let root = try makeTree(["main.js": "import 'lodahs';\n", "node_modules/lodash/index.js": "", "node_modules/@types/x/index.js": ""])
    let diagnostic = try #require(failures(root).first)
    #expect(diagnostic.file == shown(root, "main.js"))
    #expect(diagnostic.line == 1 && diagnostic.column == 8)
    #expect(diagnostic.message == "cannot resolve 'lodahs': no package 'lodahs' found")
    #expect(diagnostic.notes.contains("did you mean 'lodash'?"))
  }

  @Test("a package.json that is not valid JSON is reported at its own location, once")
  func invalidPackageJSON() throws {
    let root = try makeTree([
      "main.js": "import 'broken';\nimport 'broken/x.js';\n",
      "node_modules/broken/package.json": "{\n  \"name\": \"broken\",\n  \"exports\": \"./index.js\"\n  \"main\": 1\n}\n",
    ])
    let diagnostics = failures(root)
    let json = diagnostics.filter { $0.file == shown(root, "node_modules/broken/package.json") }
    #expect(json.map(\.description) == ["\(shown(root, "node_modules/broken/package.json")):4:3: error: package.json is not valid JSON: expected ',' or '}' in an object"])
    #expect(diagnostics.filter { $0.file == shown(root, "main.js") }.map(\.line) == [1, 2])
  }

  @Test("an exports target that escapes the package is an error at the import, pointing at exports")
  func exportsEscape() throws {
    let root = try makeTree([
      "main.js": "import 'evil';\n",
      "node_modules/evil/package.json": "{\n  \"exports\": {\".\": \"./../../secret.js\"}\n}\n",
      "secret.js": "",
    ])
    let diagnostic = try #require(failures(root).first)
    #expect(diagnostic.description.hasPrefix("\(shown(root, "main.js")):1:8: error: cannot resolve 'evil': the exports target './../../secret.js' of package 'evil' escapes the package folder"))
    #expect(diagnostic.notes.first == "exports are defined at \(shown(root, "node_modules/evil/package.json")):2:3")
  }

  @Test("a subpath the package does not export lists what it does export")
  func notExported() throws {
    let root = try makeTree([
      "main.js": "import 'pkg/private.js';\n",
      "node_modules/pkg/package.json": #"{"exports": {".": "./index.js", "./public": "./public.js"}}"#,
    ])
    let diagnostic = try #require(failures(root).first)
    #expect(diagnostic.message == "cannot resolve 'pkg/private.js': './private.js' is not exported by package 'pkg' under the conditions import, module, default")
    #expect(diagnostic.notes.contains("exported: ., ./public"))
  }

  @Test("an import map that is not valid JSON stops before any module is read")
  func invalidImportMapJSON() throws {
    let root = try makeTree(["main.js": "", "map.json": "{\n  \"imports\": {\n    \"a\": './a.js'\n  }\n}\n"])
    let diagnostics = failures(root, options: ResolverOptions(importMap: "map.json"))
    #expect(diagnostics.map(\.description) == ["\(shown(root, "map.json")):3:10: error: import map is not valid JSON: unexpected character ''', expected a value"])
  }

  @Test("invalid import map entries are warnings at the entry; using one is an error at the import")
  func invalidImportMapEntries() throws {
    let root = try makeTree(["main.js": "import 'a';\n", "map.json": "{\"imports\": {\n  \"a\": \"a.js\"\n}}\n", "a.js": ""])
    let diagnostics = failures(root, options: ResolverOptions(importMap: "map.json")).map(\.description)
    #expect(diagnostics.first == "\(shown(root, "map.json")):2:3: warning: invalid address 'a.js' for 'a': addresses must start with '/', './', '../' or a URL scheme; the key is blocked")
    #expect(diagnostics.last?.hasPrefix("\(shown(root, "main.js")):1:8: error: cannot resolve 'a': the import map blocks it (its import map entry is null or invalid)") == true)
  }

  @Test("a specifier with a scheme the config does not know")
  func unknownScheme() throws {
    let root = try makeTree(["main.js": "import fs from 'node:fs';\nimport 'intrenal:console';\n", "internal/console.js": ""])
    let diagnostics = failures(root, options: ResolverOptions(schemes: ["internal": "internal"]))
    #expect(diagnostics.map(\.description) == [
      "\(shown(root, "main.js")):1:16: error: cannot resolve 'node:fs': unknown scheme 'node:'\n    configured schemes: 'internal:'",
      "\(shown(root, "main.js")):2:8: error: cannot resolve 'intrenal:console': unknown scheme 'intrenal:'\n    configured schemes: 'internal:'\n    did you mean 'internal:console'?",
    ])
  }

  @Test("a configured scheme folder or package root that does not exist is a config error")
  func missingFolders() throws {
    let root = try makeTree(["main.js": ""])
    let diagnostics = failures(root, options: ResolverOptions(schemes: ["internal": "nope"], packageRoots: ["vendor"]))
    #expect(diagnostics.map(\.message) == [
      "the folder 'nope' of scheme 'internal:' does not exist (\(shown(root, "nope")))",
      "package root 'vendor' does not exist (\(shown(root, "vendor")))",
    ])
  }

  @Test("a folder where a module file was expected, as import and as entry point")
  func directory() throws {
    let root = try makeTree(["main.js": "import './dir';\n", "dir/other.js": ""])
    #expect(failures(root).map(\.description) == ["\(shown(root, "main.js")):1:8: error: module './dir' is a folder, not a file: \(shown(root, "dir"))"])
    #expect(failures(root, ["dir"]).map(\.description) == ["error: entry point 'dir' is a folder, not a file: \(shown(root, "dir"))"])
  }

  @Test("a file that is not valid UTF-8, reached through an import, keeps the import chain")
  func invalidUTF8() throws {
    let root = try makeTree(["main.js": Array("import './bad.js';\n".utf8), "bad.js": Array("// ok\nconst s = '".utf8) + [0xFF] + Array("';\n".utf8)])
    #expect(failures(root).map(\.description) == ["\(shown(root, "bad.js")):2:12: error: module source is not valid UTF-8 (byte offset 17)\n    imported from \(shown(root, "main.js")):1:8"])
  }

  @Test("a parse error deep in the graph has V8's location and the chain")
  func parseError() throws {
    let root = try makeTree(["main.js": "import './a.js';\n", "a.js": "import './b.js';\n", "b.js": "export default function () {\n  return 1 +;\n}\n"])
    let diagnostic = try #require(failures(root, usingV8: true).first)
    #expect(diagnostic.file == shown(root, "b.js"))
    #expect(diagnostic.line == 2 && diagnostic.column == 13)
    #expect(diagnostic.message == "SyntaxError: Unexpected token ';'")
    #expect(diagnostic.notes == ["imported from \(shown(root, "a.js")):1:8", "imported from \(shown(root, "main.js")):1:8"])
  }

  @Test("all of these at once: every error of the graph in one run")
  func everythingAtOnce() throws {
    let root = try makeTree([
      "main.js": "import './missing.js';\nimport 'nopkg';\nimport 'x:y';\nimport './bad.js';\n",
      "bad.js": "let = ;\n",
    ])
    let errors = failures(root, usingV8: true).filter { $0.severity == .error }
    #expect(errors.map(\.line) == [1, 2, 3, 1])
  }
}
