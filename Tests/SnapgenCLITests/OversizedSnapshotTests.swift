import Foundation
import SnapgenTestSupport
import Testing

/// `snapgen run -s` read the whole file before looking at it: a sparse file of 30 GB that
/// starts with snapgen's magic took all the memory. A file larger than any snapshot the format
/// allows is now refused before it is read.
@Suite("oversized snapshot files (CLI)")
struct OversizedSnapshotTests {
  @Test("run -s refuses a sparse file larger than any snapshot without reading it")
  func sparseFile() async throws {
    let tree = try TemporaryTree()
    let path = tree("huge.bin")
    #expect(FileManager.default.createFile(atPath: path, contents: Data("SNAPGEN\u{1A}".utf8)))
    let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
    try handle.truncate(atOffset: 40 << 30)  // 40 GB, sparse: no disk space is used
    try handle.close()
    let result = try await SnapgenCLI.run(["run", "-s", path, "--eval", "1"], timeLimit: .seconds(60))
    #expect(!result.timedOut)
    #expect(result.status == 1, "\(result.stderr)")
    #expect(result.stderr.contains("cannot read snapshot \(path): it has \(40 << 30) bytes, more than the"), "\(result.stderr)")
  }
}
