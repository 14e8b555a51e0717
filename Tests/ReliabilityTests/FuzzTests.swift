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
}
