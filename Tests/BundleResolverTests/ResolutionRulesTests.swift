import BundleResolver
import Foundation
import SnapshotKit
import Testing

/// Each resolution rule against a small fixture tree.
@Suite("resolution rules")
struct ResolutionRulesTests {

  @Test("packages come from the nearest node_modules folder up the chain, then package roots")
  func nodeModulesChain() throws {
    let root = try makeTree([
      "main.js": "import 'a';\nimport 'b';\nimport './src/inner.js';\n",
      "src/inner.js": "import 'a';\n",
      "node_modules/a/index.js": "export const where = 'top';\n",
      "src/node_modules/a/index.js": "export const where = 'nested';\n",
      "vendor/b/index.js": "",
    ])
    let graph = try resolve(root, ["main.js"], options: ResolverOptions(packageRoots: ["vendor"]))
    #expect(target(graph, "a") == "node_modules/a/index.js")
    #expect(target(graph, "a", from: "src/inner.js") == "src/node_modules/a/index.js")
    #expect(target(graph, "b") == "vendor/b/index.js")
    #expect(failures(root, options: ResolverOptions(packageRoots: ["vendor"], nodeModules: false)).contains { $0.message.hasPrefix("cannot resolve 'a': no package 'a' found") })
  }

  @Test("exports conditions import/module/default, subpaths and patterns through real files")
  func packageExports() throws {
    let root = try makeTree([
      "main.js": "import 'pkg';\nimport 'pkg/feature';\nimport 'pkg/icons/star';\nimport '@scope/lib';\n",
      "node_modules/pkg/package.json": #"""
        {"name": "pkg", "exports": {
          ".": {"require": "./main.cjs", "module": "./esm/main.js", "default": "./main.js"},
          "./feature": {"node": {"import": "./node.js"}, "default": {"import": "./esm/feature.mjs"}},
          "./icons/*": "./esm/icons/*.js"
        }}
        """#,
      "node_modules/pkg/esm/main.js": "", "node_modules/pkg/esm/feature.mjs": "", "node_modules/pkg/esm/icons/star.js": "",
      "node_modules/@scope/lib/package.json": #"{"type": "module", "exports": "./src/index.js"}"#,
      "node_modules/@scope/lib/src/index.js": "",
    ])
    let graph = try resolve(root, ["main.js"])
    #expect(target(graph, "pkg") == "node_modules/pkg/esm/main.js")
    #expect(target(graph, "pkg/feature") == "node_modules/pkg/esm/feature.mjs")
    #expect(target(graph, "pkg/icons/star") == "node_modules/pkg/esm/icons/star.js")
    #expect(target(graph, "@scope/lib") == "node_modules/@scope/lib/src/index.js")
    #expect(graph.inputFiles.contains(root + "/node_modules/pkg/package.json"))
    #expect(graph.inputFiles.contains(root + "/node_modules/@scope/lib/package.json"))
  }

  @Test("without exports: module, then main (with Node's legacy lookups), then index.js; subpaths are files")
  func legacyEntries() throws {
    let root = try makeTree([
      "main.js": "import 'm';\nimport 'n';\nimport 'i';\nimport 'm/extra.mjs';\n",
      "node_modules/m/package.json": #"{"module": "./esm.mjs", "main": "./cjs.js"}"#,
      "node_modules/m/esm.mjs": "", "node_modules/m/extra.mjs": "",
      "node_modules/n/package.json": #"{"main": "lib/entry"}"#,
      "node_modules/n/lib/entry.js": "",
      "node_modules/i/index.js": "",
    ])
    let graph = try resolve(root, ["main.js"])
    #expect(target(graph, "m") == "node_modules/m/esm.mjs")
    #expect(target(graph, "n") == "node_modules/n/lib/entry.js")
    #expect(target(graph, "i") == "node_modules/i/index.js")
    #expect(target(graph, "m/extra.mjs") == "node_modules/m/extra.mjs")
  }

  @Test("a package whose package.json says \"type\": \"commonjs\" is loaded with a warning; .cjs is refused")
  func moduleTypes() throws {
    let root = try makeTree([
      "main.js": "import 'c';\n",
      "node_modules/c/package.json": #"{"type": "commonjs", "main": "index.js"}"#,
      "node_modules/c/index.js": "export {};\n",
      "other.js": "import './x.cjs';\n", "x.cjs": "module.exports = 1;\n",
    ])
    let graph = try resolve(root, ["main.js"])
    #expect(graph.warnings.map(\.message) == ["'c' resolves to a CommonJS file of package 'c' (\"type\": \"commonjs\"); it is loaded as an ES module"])
    let diagnostics = failures(root, ["other.js"])
    #expect(diagnostics.map(\.description) == ["\(shown(root, "other.js")):1:8: error: './x.cjs' resolves to \(shown(root, "x.cjs")), which is not an ES module (snapgen loads JavaScript ES modules and JSON)"])
  }

  @Test("a configured scheme maps to a folder; '.js' may be left out")
  func schemes() throws {
    let root = try makeTree([
      "main.js": "import 'internal:console';\nimport 'internal:util/format.js';\n",
      "internal-js/console.js": "import 'internal:util/format';\n",
      "internal-js/util/format.js": "",
    ])
    let graph = try resolve(root, ["main.js"], options: ResolverOptions(schemes: ["internal": "internal-js"]))
    #expect(target(graph, "internal:console") == "internal-js/console.js")
    #expect(target(graph, "internal:util/format.js") == "internal-js/util/format.js")
    #expect(graph.modules.count == 3)
    let entryGraph = try resolve(root, ["internal:console"], options: ResolverOptions(schemes: ["internal": "internal-js"]))
    #expect(order(entryGraph) == ["internal-js/util/format.js", "internal-js/console.js"])
  }

  @Test("bundler-style resolution is off by default and adds extensions and index.js when on")
  func bundlerResolution() throws {
    let root = try makeTree([
      "main.js": "import './util';\nimport './lib';\n",
      "util.js": "", "lib/index.js": "",
    ])
    let off = failures(root).map(\.description)
    #expect(off.count == 2)
    #expect(off.contains { $0.hasPrefix("\(shown(root, "main.js")):1:8: error: cannot find module './util'") && $0.contains("did you mean './util.js'? (extensionless specifiers need \"bundlerResolution\": true)") })
    #expect(off.contains { $0.hasPrefix("\(shown(root, "main.js")):2:8: error: module './lib' is a folder, not a file") && $0.contains("did you mean './lib/index.js'?") })
    let graph = try resolve(root, ["main.js"], options: ResolverOptions(bundlerResolution: true))
    #expect(target(graph, "./util") == "util.js")
    #expect(target(graph, "./lib") == "lib/index.js")
  }

  @Test("JSON modules need the json assertion and become json modules")
  func jsonModules() throws {
    let root = try makeTree([
      "main.js": "import data from './data.json' assert { type: 'json' };\n",
      "bad.js": "import data from './data.json';\n",
      "odd.js": "import x from './data.json' assert { type: 'css' };\n",
      "data.json": "{\"a\": 1}\n",
    ])
    let graph = try resolve(root, ["main.js"])
    #expect(graph.modules.first { $0.name == "data.json" }?.kind == .json)
    #expect(failures(root, ["bad.js"]).map(\.description) == ["\(shown(root, "bad.js")):1:18: error: './data.json' is a JSON file; import it with assert { type: 'json' }"])
    #expect(failures(root, ["odd.js"]).first?.message == "unsupported import assertion type 'css' for './data.json' (V8 10.2 supports only 'json')")
  }

  @Test("an import map applies to relative, bare and scheme specifiers, with scopes")
  func importMapInGraph() throws {
    let root = try makeTree([
      "map/imports.json": #"{"imports": {"lib": "../src/lib.js", "lib/": "../src/lib/", "internal:old": "../src/new.js"}, "scopes": {"../src/lib/": {"lib": "../src/lib/local.js"}}}"#,
      "main.js": "import 'lib';\nimport 'lib/a.js';\nimport 'internal:old';\n",
      "src/lib.js": "", "src/new.js": "", "src/lib/a.js": "import 'lib';\n", "src/lib/local.js": "",
    ])
    let graph = try resolve(root, ["main.js"], options: ResolverOptions(importMap: "map/imports.json"))
    #expect(target(graph, "lib") == "src/lib.js")
    #expect(target(graph, "lib/a.js") == "src/lib/a.js")
    #expect(target(graph, "internal:old") == "src/new.js")
    #expect(target(graph, "lib", from: "src/lib/a.js") == "src/lib/local.js")
    #expect(graph.inputFiles.contains(root + "/map/imports.json"))
  }

  @Test("import() is reported where it is, and only where V8 sees an expression")
  func dynamicImports() throws {
    let source = """
      const a = 'import("no")'; // import('comment')
      /* import("block") */ const t = `import(${1})`;
      const o = { import(x) { return x; } };
      o.import('member');
      export async function load() {
        return [await import('./later.js'), await import /* c */ (name)];
      }
      """
    let root = try makeTree(["main.js": source, "later.js": ""])
    let graph = try resolveWithV8(root, ["main.js"])
    #expect(graph.warnings.map { "\($0.line!):\($0.column!) \($0.message)" } == [
      "6:17 import('./later.js') cannot run while the snapshot is built; its target is not part of the snapshot",
      "6:45 import() cannot run while the snapshot is built; its target is not part of the snapshot",
    ])
    let errors = failures(root, options: ResolverOptions(dynamicImportSeverity: .error), usingV8: true)
    #expect(errors.filter { $0.severity == .error }.count == 2)
  }

  @Test("the content digest changes when an edge points elsewhere, even with the same files")
  func digestCoversEdges() throws {
    let root = try makeTree(["main.js": "import 'x';\nimport './b.js';\n", "a.js": "", "b.js": "", "map.json": #"{"imports": {"x": "./a.js"}}"#])
    let first = try resolve(root, ["main.js"], options: ResolverOptions(importMap: "map.json"))
    try Data(#"{"imports": {"x": "./b.js"}}"#.utf8).write(to: URL(fileURLWithPath: root + "/map.json"))
    try Data("import './a.js';\n".utf8).write(to: URL(fileURLWithPath: root + "/b.js"))
    let second = try resolve(root, ["main.js"], options: ResolverOptions(importMap: "map.json"))
    #expect(Set(first.modules.map(\.name)) == Set(second.modules.map(\.name)))
    #expect(first.contentDigest != second.contentDigest)
  }
}
