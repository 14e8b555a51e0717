import BundleResolver
import Foundation
import SnapshotKit
import Testing

@Suite("building and booting")
struct BuildAndBootTests {
  // V8 is process-wide: initialise it with fixed seeds before any test of the suite runs.
  init() throws { try Fixtures.prepareEngine() }

  @Test("two builds of the same inputs are byte-identical")
  func reproducible() throws {
    let first = try Fixtures.smallSnapshot().serialized()
    let second = try Fixtures.smallSnapshot().serialized()
    #expect(first == second)
  }

  @Test("a booted runtime has the state internal JS left, without re-running it")
  func bootRestoresState() throws {
    let file = try Fixtures.smallSnapshot()
    let runtime = try JSRuntime.boot(from: file, ops: Fixtures.smallRegistry())
    #expect(try runtime.evaluate("answer") == "42")
    #expect(try runtime.evaluate("typeof core") == "object")
  }

  @Test("ops reach Swift after boot, with conversions both ways")
  func opsAfterBoot() throws {
    let runtime = try JSRuntime.boot(from: Fixtures.smallSnapshot(), ops: Fixtures.smallRegistry())
    #expect(try runtime.evaluate("add(2, 3)") == "5")
    #expect(try runtime.evaluate("JSON.stringify(echo({a: [1, 'x', null, true], b: {c: 2}}))")
      == #"{"a":[1,"x",null,true],"b":{"c":2}}"#)
    #expect(try runtime.evaluate("echo(new Uint8Array([1, 2, 3])).join()") == "1,2,3")
  }

  @Test("wrong argument types and failing ops become JS exceptions")
  func opErrors() throws {
    let runtime = try JSRuntime.boot(from: Fixtures.smallSnapshot(), ops: Fixtures.smallRegistry())
    #expect(try runtime.evaluate("try { add('a', 1) } catch (e) { e.constructor.name + ': ' + e.message }")
      == "TypeError: op_add takes two numbers")
    #expect(try runtime.evaluate("try { fail() } catch (e) { e.message }") == "op_fail failed on purpose")
    #expect(try runtime.evaluate("try { echo(() => 1) } catch (e) { e.constructor.name }") == "TypeError")
    #expect(throws: JSException.self) { try runtime.evaluate("fail()") }
  }

  @Test("calling an op while building fails the build with the op's name and location")
  func opDuringBuild() throws {
    try Fixtures.prepareEngine()
    let root = try Fixtures.moduleTree(["main.js": "const x = 1;\ncore.ops.op_add(1, 2);\n"])
    let configuration = Fixtures.smallConfiguration(root: root)
    do {
      _ = try SnapshotBuilder(configuration: configuration).build()
      Issue.record("the build succeeded")
    } catch {
      let diagnostic = try #require(error.diagnostics.first)
      #expect(diagnostic.message.contains("op op_add cannot run while building a snapshot"))
      #expect(diagnostic.file?.hasSuffix("main.js") == true)
      #expect(diagnostic.line == 2)
    }
  }

  @Test("booting with a different op table is refused before V8 runs")
  func bootRefusesOtherOps() throws {
    let file = try Fixtures.smallSnapshot()
    #expect {
      try JSRuntime.boot(from: file, ops: .standard)
    } throws: { error in
      guard case RuntimeError.snapshot(.opTableMismatch(let difference)) = error else { return false }
      return difference.missing == ["op_add", "op_fail", "op_echo"] && difference.extra == OpManifest.standard.names
    }
  }

  @Test("a runtime from sources behaves like one from the snapshot")
  func fromSourcesMatches() throws {
    try Fixtures.prepareEngine()
    let root = try Fixtures.moduleTree(Fixtures.smallTree)
    let graph = try ModuleGraphBuilder(root: root, entryPoints: ["main.js"]).build(parser: ModuleSourceParser())
    let cold = try JSRuntime.fromSources(graph, ops: Fixtures.smallRegistry())
    let warm = try JSRuntime.boot(from: Fixtures.smallSnapshot(), ops: Fixtures.smallRegistry())
    for expression in ["answer", "add(40, 2)", "typeof echo"] {
      #expect(try cold.evaluate(expression) == warm.evaluate(expression))
    }
  }

  @Test("exceptions carry message, location and stack")
  func exceptionDetails() throws {
    let runtime = try JSRuntime.boot(from: Fixtures.smallSnapshot(), ops: Fixtures.smallRegistry())
    do {
      try runtime.evaluate("function f() {\n  throw new RangeError('bad');\n}\nf();", name: "script.js")
      Issue.record("no exception")
    } catch {
      #expect(error.message == "RangeError: bad")
      #expect(error.resource == "script.js")
      #expect(error.line == 2)
      #expect(error.column == 3)
      #expect(error.stack?.contains("at f (script.js:2:9)") == true)
    }
  }

  @Test("the input digest changes with any module byte and with the options")
  func inputDigest() throws {
    try Fixtures.prepareEngine()
    let root = try Fixtures.moduleTree(Fixtures.smallTree)
    var configuration = Fixtures.smallConfiguration(root: root)
    let base = try configuration.resolveGraph()
    let digest = InputDigest.compute(configuration: configuration, graph: base)
    try "export function double(x) { return x * 2 }\n".write(toFile: root + "/lib/math.js", atomically: false, encoding: .utf8)
    let changed = try configuration.resolveGraph()
    #expect(InputDigest.compute(configuration: configuration, graph: changed) != digest)
    configuration.options.functionCode = .clear
    #expect(InputDigest.compute(configuration: configuration, graph: changed)
      != InputDigest.compute(configuration: Fixtures.smallConfiguration(root: root), graph: changed))
  }
}
