import BundleResolver
import Foundation
import SnapshotKit
import Testing

/// One test per bug that came from a fact written in two places (review §2.8); each now has a
/// single source.
@Suite("regressions of the drifted copies", .serialized)
struct DriftRegressionTests {
  init() throws { try Fixtures.prepareEngine() }

  @Test("verify --expect boots a snapshot whose op table has an async op (stubs keep each op's kind)")
  func verifyWithAsyncOp() throws {
    let root = try Fixtures.moduleTree([
      "main.js": "globalThis.lookup = (key) => core.ops.op_lookup(key);\nglobalThis.ready = 1;\n",
      "snapgen.json": """
        {"entryPoints": ["main.js"], "ops": [{"name": "op_lookup", "kind": "async", "arity": 1},
         {"name": "op_now", "kind": "sync", "arity": 0}]}
        """,
    ])
    defer { try? FileManager.default.removeItem(atPath: root) }
    let configuration = try BuildConfiguration.load(from: root)
    let output = try SnapshotPipeline(configuration: configuration).run()
    try output.write(to: root + "/snapshot.bin")
    var verifier = SnapshotVerifier(snapshotPath: root + "/snapshot.bin")
    verifier.expectations = ["ready === 1", "typeof lookup === 'function'"]
    let report = verifier.verify()
    #expect(report.outcome == .ok, "\(report.checks.map { "\($0.name) \($0.status) \($0.message)" })")
    #expect(report.expectations.count == 2 && report.expectations.allSatisfy { $0.passed })
  }

  @Test("stubs for a manifest have exactly the manifest's table, kinds included")
  func stubsKeepKinds() throws {
    let manifest = try OpManifest([
      OpDescriptor(name: "op_a", kind: .async, arity: 1), OpDescriptor(name: "op_b", kind: .sync, arity: 2),
    ])
    let stubs = OpRegistry.stubs(for: manifest) { "no \($0)" }
    #expect(stubs.manifest == manifest)
    #expect(OpRegistry.stubs(for: OpRegistry.standard.manifest) { $0 }.manifest == OpRegistry.standard.manifest)
  }

  @Test("a difference in the compatibility key is named header.compatibilityKey, not reserved or metadata")
  func compatibilityKeyRegion() throws {
    let bytes = try Fixtures.smallSnapshot().serialized()
    var changed = bytes
    changed[50] ^= 0x01
    let difference = try #require(SnapshotDifference.compare(bytes, changed))
    #expect(difference.region == "header.compatibilityKey")
    #expect(difference.regions == ["header.compatibilityKey"])
    var reserved = bytes
    reserved[90] ^= 0x01
    #expect(SnapshotDifference.compare(bytes, reserved)?.region == "header.reserved")
    var metadata = bytes
    metadata[SnapshotHeader.prefixSize + 2] ^= 0x01
    #expect(SnapshotDifference.compare(bytes, metadata)?.region == "metadata")
  }

  @Test("the fallback boot from a config resolves with its resolver options (schemes)")
  func fallbackWithSchemes() throws {
    let root = try Fixtures.moduleTree([
      "main.js": "import { x } from \"internal:x\";\nglobalThis.fromScheme = x;\n",
      "lib/x.js": "export const x = 'scheme ok';\n",
      "snapgen.json": "{\"entryPoints\": [\"main.js\"], \"schemes\": {\"internal\": \"lib\"}}",
    ])
    defer { try? FileManager.default.removeItem(atPath: root) }
    let configuration = try BuildConfiguration.load(from: root)
    let result = try JSRuntime.boot(snapshotAt: root + "/missing.bin", orSources: configuration)
    guard case .unreadable = result.fallbackReason else {
      Issue.record("expected an unreadable fallback, got \(String(describing: result.fallbackReason))")
      return
    }
    #expect(try result.runtime.evaluate("fromScheme") == "scheme ok")
  }
}
