import BundleResolver
import Foundation
import SnapshotKit
import Testing

/// Module namespace objects reachable from the heap at CreateBlob. V8 10.2 leaves their
/// accessor out of its reference table (the shim adds it); these build and boot for real, and
/// read through the namespace after boot. (Probed first in a child process: a V8 FATAL here
/// would kill the test runner.)
@Suite("module namespaces in snapshots")
struct NamespaceSnapshotTests {
  // V8 is process-wide: initialise it with fixed seeds before any test of the suite runs.
  init() throws { try Fixtures.prepareEngine() }

  func boot(_ files: [String: String]) throws -> JSRuntime {
    try Fixtures.prepareEngine()
    let root = try Fixtures.moduleTree(files)
    defer { try? FileManager.default.removeItem(atPath: root) }
    let configuration = BuildConfiguration(root: root, entryPoints: ["main.js"])
    let file = try SnapshotBuilder(configuration: configuration).build().file
    return try JSRuntime.boot(from: file)
  }

  @Test("import * as ns kept on a global: live bindings, functions and the Module tag after boot")
  func importStar() throws {
    let runtime = try boot([
      "main.js": "import * as ns from './counter.js';\nglobalThis.ns = ns;\n",
      "counter.js": "export let count = 40;\nexport function bump() { count += 1; return count; }\nexport default 'counter';\n",
    ])
    #expect(try runtime.evaluate("ns.count") == "40")
    #expect(try runtime.evaluate("ns.bump()") == "41")
    #expect(try runtime.evaluate("ns.count") == "41")
    #expect(try runtime.evaluate("Object.keys(ns).join()") == "bump,count,default")
    #expect(try runtime.evaluate("ns[Symbol.toStringTag]") == "Module")
    #expect(try runtime.evaluate("ns.default") == "counter")
  }

  @Test("export * as ns re-exports a namespace that survives the snapshot; writes still throw")
  func exportStarAs() throws {
    let runtime = try boot([
      "main.js": "import { math } from './index.js';\nglobalThis.math = math;\nglobalThis.trySet = () => { 'use strict'; try { math.pi = 3; return 'no'; } catch (e) { return e.constructor.name; } };\n",
      "index.js": "export * as math from './math.js';\n",
      "math.js": "export const pi = 3.14;\nexport const twice = (x) => 2 * x;\n",
    ])
    #expect(try runtime.evaluate("math.twice(math.pi)") == "6.28")
    #expect(try runtime.evaluate("trySet()") == "TypeError")
    #expect(try runtime.evaluate("Reflect.set(math, 'pi', 1)") == "false")
    #expect(try runtime.evaluate("math.pi") == "3.14")
  }

  @Test("a namespace reachable only from closures, and a JSON module's namespace")
  func closuresAndJSON() throws {
    let runtime = try boot([
      "main.js": "import * as data from './data.json' assert { type: 'json' };\nimport * as util from './util.js';\nglobalThis.read = () => data.default.name + util.suffix();\n",
      "util.js": "export const suffix = () => '!';\n",
      "data.json": "{\"name\": \"snap\"}\n",
    ])
    #expect(try runtime.evaluate("read()") == "snap!")
  }
}
