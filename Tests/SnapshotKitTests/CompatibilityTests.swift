import SnapshotKit
import Testing

@Suite("snapshot compatibility")
struct CompatibilityTests {
  // V8 is process-wide: initialise it with fixed seeds before any test of the suite runs.
  init() throws { try Fixtures.prepareEngine() }

  func environment(_ file: SnapshotFile) throws -> RuntimeEnvironment {
    RuntimeEnvironment(
      v8Version: file.metadata.v8Version, v8Flags: file.metadata.v8Flags, platform: file.metadata.platform,
      ops: try OpManifest(file.metadata.ops))
  }

  @Test("the environment a snapshot was built for accepts it")
  func matchingEnvironment() throws {
    let file = try Fixtures.smallSnapshot()
    try file.checkCompatibility(with: environment(file))
    try file.checkCompatibility(with: .current(ops: OpManifest(Fixtures.smallOps)))
  }

  @Test("another V8 version, flag set or platform is refused with both sides named")
  func mismatches() throws {
    let file = try Fixtures.smallSnapshot()
    var other = try environment(file)
    other.v8Version = "11.3.244.8"
    #expect(throws: SnapshotFormatError.v8VersionMismatch(snapshot: file.metadata.v8Version, runtime: "11.3.244.8")) {
      try file.checkCompatibility(with: other)
    }
    other = try environment(file)
    other.v8Flags = ["--no-lazy"]
    #expect(throws: SnapshotFormatError.v8FlagsMismatch(snapshot: [], runtime: ["--no-lazy"])) {
      try file.checkCompatibility(with: other)
    }
    other = try environment(file)
    other.platform = "linux-arm64"
    #expect(throws: SnapshotFormatError.platformMismatch(snapshot: file.metadata.platform, runtime: "linux-arm64")) {
      try file.checkCompatibility(with: other)
    }
  }

  @Test("an op table mismatch lists missing, extra and reordered ops")
  func opTableDifference() throws {
    let file = try Fixtures.smallSnapshot()
    var other = try environment(file)
    other.ops = try OpManifest([
      OpDescriptor(name: "op_echo", kind: .sync, arity: 1),
      OpDescriptor(name: "op_add", kind: .sync, arity: 2),
      OpDescriptor(name: "op_new", kind: .async, arity: 0),
    ])
    do {
      try file.checkCompatibility(with: other)
      Issue.record("a different op table was accepted")
    } catch .opTableMismatch(let difference) {
      #expect(difference.missing == ["op_fail"])
      #expect(difference.extra == ["op_new"])
      #expect(Set(difference.reordered) == ["op_add", "op_echo"])
      #expect(difference.description.contains("missing in the runtime: op_fail"))
    } catch {
      Issue.record("unexpected error \(error)")
    }
  }

  @Test("an op with a changed arity is a mismatch even at the same position")
  func changedArity() throws {
    let file = try Fixtures.smallSnapshot()
    var other = try environment(file)
    var ops = Fixtures.smallOps
    ops[0].arity = 3
    other.ops = try OpManifest(ops)
    #expect(throws: SnapshotFormatError.opTableMismatch(OpTableDifference(snapshot: Fixtures.smallOps, runtime: ops))) {
      try file.checkCompatibility(with: other)
    }
  }

  @Test("a manifest with duplicate or invalid names is refused")
  func invalidManifests() {
    #expect(throws: OpManifestError.duplicateName("op_a")) {
      try OpManifest([OpDescriptor(name: "op_a", arity: 0), OpDescriptor(name: "op_a", arity: 1)])
    }
    #expect(throws: OpManifestError.invalidName("op-a")) { try OpManifest([OpDescriptor(name: "op-a", arity: 0)]) }
  }
}
