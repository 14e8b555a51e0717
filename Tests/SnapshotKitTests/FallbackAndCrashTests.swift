import BundleResolver
import Foundation
import SnapshotKit
import Testing

@Suite("fallback boot and crash explanations")
struct FallbackAndCrashTests {
  // V8 is process-wide: initialise it with fixed seeds before any test of the suite runs.
  init() throws { try Fixtures.prepareEngine() }

  @Test("a damaged snapshot falls back to the sources and says why")
  func fallbackInvalid() throws {
    try Fixtures.prepareEngine()
    let root = try Fixtures.moduleTree(Fixtures.smallTree)
    var bytes = try Fixtures.smallSnapshot().serialized()
    bytes[bytes.count - 3] ^= 0xFF
    try Data(bytes).write(to: URL(fileURLWithPath: root + "/snapshot.bin"))
    let result = try JSRuntime.boot(
      snapshotAt: root + "/snapshot.bin", orSources: Fixtures.smallConfiguration(root: root), ops: Fixtures.smallRegistry())
    guard case .invalid(.payloadChecksumMismatch) = result.fallbackReason else {
      Issue.record("expected an invalid-snapshot fallback, got \(String(describing: result.fallbackReason))")
      return
    }
    #expect(try result.runtime.evaluate("answer") == "42")
  }

  @Test("a snapshot for another op table falls back as incompatible; a good one is used")
  func fallbackIncompatibleAndGood() throws {
    try Fixtures.prepareEngine()
    let root = try Fixtures.moduleTree(Fixtures.smallTree)
    try Data(try Fixtures.smallSnapshot().serialized()).write(to: URL(fileURLWithPath: root + "/snapshot.bin"))
    var other = try Fixtures.smallRegistry()
    try other.register("op_more", arity: 0) { _ throws(OpError) in .undefined }
    let mismatched = try JSRuntime.boot(snapshotAt: root + "/snapshot.bin", orSources: Fixtures.smallConfiguration(root: root), ops: other)
    guard case .incompatible(.opTableMismatch) = mismatched.fallbackReason else {
      Issue.record("expected an incompatible fallback, got \(String(describing: mismatched.fallbackReason))")
      return
    }
    do {
      // Released before the next fallback: V8 10.2 cannot make an isolate from sources while
      // one booted from a snapshot is alive (the shim refuses; see runtime.cpp).
      let good = try JSRuntime.boot(snapshotAt: root + "/snapshot.bin", orSources: Fixtures.smallConfiguration(root: root), ops: Fixtures.smallRegistry())
      #expect(good.fallbackReason == nil)
    }
    let missing = try JSRuntime.boot(snapshotAt: root + "/none.bin", orSources: Fixtures.smallConfiguration(root: root), ops: Fixtures.smallRegistry())
    guard case .unreadable = missing.fallbackReason else {
      Issue.record("expected an unreadable fallback")
      return
    }
  }

  @Test("known V8 FATAL texts are explained with their likely JavaScript cause")
  func crashExplanations() {
    let cases: [(String, ChildProcess.Outcome.Termination, String)] = [
      ("global handle not serialized: 0x1: [Foreign]\n# Fatal error in , line 0\n", .signaled(5), "live Intl object"),
      ("# Check failed: isolate->heap()->dirty_js_finalization_registries_list().IsUndefined( isolate).", .signaled(5), "FinalizationRegistry"),
      ("Unknown external reference 0x7f00 <unresolved>", .signaled(5), "native function snapgen does not know"),
      ("Version mismatch between V8 binary and snapshot.", .signaled(6), "another V8 version"),
      ("", .signaled(11), "V8 crashed while building the snapshot"),
      ("<--- JS stacktrace --->\nFATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory", .signaled(6), "ran out of JavaScript heap"),
      ("# Check failed: something else.", .exited(134), "V8 aborted the build"),
    ]
    for (stderr, termination, expected) in cases {
      let diagnostic = V8CrashExplanation.diagnostic(termination: termination, standardError: stderr)
      #expect(diagnostic.message.contains(expected), "\(diagnostic.message)")
    }
  }

  @Test("pre-flight checks run in-process too: asm.js and absent built-ins are named")
  func inProcessPreflight() throws {
    try Fixtures.prepareEngine()
    let asm = try Fixtures.moduleTree(["main.js": "function A() {\n  \"use asm\";\n  return {};\n}\n"])
    #expect {
      try SnapshotBuilder(configuration: BuildConfiguration(root: asm, entryPoints: ["main.js"])).build()
    } throws: { error in
      (error as? DiagnosticError)?.diagnostics.first.map { $0.line == 2 && $0.column == 3 && $0.message.contains("asm.js") } == true
    }
    let at = try Fixtures.moduleTree(["main.js": "globalThis.x = [1].at(0);\n"])
    #expect {
      try SnapshotBuilder(configuration: BuildConfiguration(root: at, entryPoints: ["main.js"])).build()
    } throws: { error in
      (error as? DiagnosticError)?.diagnostics.first?.notes.first?.contains("Array.prototype.at does not exist") == true
    }
  }
}
