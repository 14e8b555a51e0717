import BundleResolver
import Foundation
import SnapshotKit
import Testing

/// The shim reports what happened as a status; these check that snapgen's sentences for the
/// statuses it throws into JavaScript reach the user word for word.
@Suite("shim messages")
struct ShimMessageTests {
  init() throws { try Fixtures.prepareEngine() }

  @Test("import() while a snapshot is built fails the build with snapgen's sentence")
  func dynamicImportDuringBuild() throws {
    let root = try Fixtures.moduleTree(["main.js": "const name = './other.js';\nawait import(name);\n", "other.js": ""])
    defer { try? FileManager.default.removeItem(atPath: root) }
    do {
      _ = try SnapshotBuilder(configuration: Fixtures.smallConfiguration(root: root)).build()
      Issue.record("the build succeeded")
    } catch {
      let messages = error.diagnostics.map(\.message)
      #expect(messages.contains { $0.contains("TypeError: import('./other.js') in main.js cannot run while building a snapshot; use a static import") })
    }
  }

  @Test("import() in a runtime is refused with snapgen's sentence, naming the script")
  func dynamicImportInRuntime() throws {
    let root = try Fixtures.moduleTree(Fixtures.smallTree)
    defer { try? FileManager.default.removeItem(atPath: root) }
    let graph = try ModuleGraphBuilder(root: root, entryPoints: ["main.js"]).build(parser: ModuleSourceParser())
    let runtime = try JSRuntime.fromSources(graph, ops: Fixtures.smallRegistry())
    try runtime.evaluate("import('./lib/math.js').catch((error) => { globalThis.reason = String(error); });", name: "probe.js")
    #expect(try runtime.evaluate("reason") == "TypeError: import('./lib/math.js') in probe.js is not supported by this runtime")
  }

  @Test("an op error whose kind is RangeError arrives in JS as a RangeError with its message")
  func opErrorKind() throws {
    var registry = OpRegistry()
    try registry.register("op_range", arity: 0) { _ throws(OpError) in throw .rangeError("out of range on purpose") }
    let root = try Fixtures.moduleTree(["main.js": "globalThis.range = () => core.ops.op_range();\n"])
    defer { try? FileManager.default.removeItem(atPath: root) }
    let graph = try ModuleGraphBuilder(root: root, entryPoints: ["main.js"]).build(parser: ModuleSourceParser())
    let runtime = try JSRuntime.fromSources(graph, ops: registry)
    #expect(try runtime.evaluate("try { range(); 'no throw' } catch (e) { `${e instanceof RangeError} ${e.message}` }") == "true out of range on purpose")
  }
}
