import SnapgenTestSupport
import SnapshotFuzzer
import SnapshotKit
import Testing

@Suite("fuzzing the snapshot.bin reader")
struct FuzzTests {
  @Test("a short seeded run: no crash, and mutants reach past the checksums")
  func shortRun() {
    var fuzzer = ReaderFuzzer(seed: 42)
    let summary = fuzzer.run(count: 5_000)
    // Every input is either accepted or rejected with a named reason.
    #expect(summary.accepted + summary.rejections.values.reduce(0, +) == summary.inputs, "\(summary)")
    #expect(summary.rejections["unknown"] == nil, "\(summary)")
    #expect(summary.resealed > 1_000)
    // Re-sealed mutants get past the CRCs into the metadata and size checks.
    #expect((summary.rejections["malformedHeader"] ?? 0) > 0, "\(summary)")
    #expect(summary.rejections.count >= 5, "\(summary)")
  }

  @Test("a seed replays exactly: the same seed gives the same run, another seed another run")
  func seedReplays() {
    var first = ReaderFuzzer(seed: 7)
    var again = ReaderFuzzer(seed: 7)
    var other = ReaderFuzzer(seed: 8)
    let summary = first.run(count: 300)
    #expect(again.run(count: 300).description == summary.description)
    #expect(other.run(count: 300).description != summary.description)
  }

  @Test("mutated V8 blobs behind valid CRCs, unsigned or under a forged signature, never boot when signatures are required")
  func payloadMutantsAreRefused() async throws {
    try V8Engine.initialize(fixedSeeds: true)
    let path = try await FixtureSnapshots.snapshot("probe-js")
    var fuzzer = try PayloadFuzzer(snapshot: try SnapshotFile.load(contentsOf: path), seed: 3)
    let summary = try fuzzer.run(count: 300, ops: .standard)
    #expect(summary.inputs == 300)
    #expect(summary.booted == 0, "\(summary)")
    #expect(summary.otherRefusals.isEmpty, "\(summary)")
    // Every disguise was tried and refused because of its signature.
    #expect(Set(summary.refusedUntrusted.keys) == Set(PayloadFuzzer.Disguise.allCases.map(\.rawValue)), "\(summary)")
    #expect(summary.refusedUntrusted.values.reduce(0, +) == 300, "\(summary)")
  }
}
