import SnapshotKit
import Testing

@Suite("op manifest grown one op at a time")
struct OpManifestAppendTests {
  @Test("a registry's manifest equals, and digests like, the same table made at once; copies agree")
  func sameDigestAsWholeTable() throws {
    var registry = OpRegistry()
    try registry.register("op_a", arity: 1) { _ throws(OpError) in .undefined }
    try registry.registerAsync("op_b", arity: 0) { _ throws(OpError) in .undefined }
    let whole = try OpManifest([
      OpDescriptor(name: "op_a", kind: .sync, arity: 1), OpDescriptor(name: "op_b", kind: .async, arity: 0),
    ])
    #expect(registry.manifest == whole)
    #expect(registry.manifest.digest == whole.digest)
    #expect(registry.manifest.digest.count == 64)
    let shorter = try OpManifest([OpDescriptor(name: "op_a", kind: .sync, arity: 1)])
    #expect(shorter.digest != whole.digest)
    #expect(shorter != whole)
  }

  @Test("registering checks the new op: duplicate and invalid names and negative arities are refused")
  func appendedOpsAreChecked() throws {
    var registry = OpRegistry()
    try registry.register("op_a", arity: 0) { _ throws(OpError) in .undefined }
    #expect(throws: OpManifestError.duplicateName("op_a")) {
      try registry.registerAsync("op_a", arity: 0) { _ throws(OpError) in .undefined }
    }
    #expect(throws: OpManifestError.invalidName("1op")) {
      try registry.register("1op", arity: 0) { _ throws(OpError) in .undefined }
    }
    #expect(throws: OpManifestError.invalidArity("op_c", -1)) {
      try registry.register("op_c", arity: -1) { _ throws(OpError) in .undefined }
    }
    #expect(registry.manifest.names == ["op_a"])
  }
}
