import SnapshotFuzzer
import SnapshotKit
import Testing

@Suite("fuzzing the snapshot.bin reader")
struct FuzzTests {
  @Test("a short seeded run: no crash, and mutants reach past the checksums")
  func shortRun() {
    var fuzzer = ReaderFuzzer(seed: 42)
    let summary = fuzzer.run(count: 5_000)
    #expect(summary.inputs == 5_000)
    #expect(summary.resealed > 1_000)
    // Re-sealed mutants get past the CRCs into the metadata and size checks.
    #expect((summary.rejections["malformedHeader"] ?? 0) > 0, "\(summary)")
    #expect(summary.rejections.count >= 5, "\(summary)")
  }
}
