import Foundation
import SnapgenTestSupport
import Testing

/// What V8 prints through C stdio in the build child must not damage the child's answer.
@Suite("build child output")
struct BuildChildOutputTests {
  @Test("a build with --serialization-statistics (V8 prints tables on stdout) still succeeds")
  func serializationStatistics() async throws {
    let tree = try TemporaryTree(["main.js": "globalThis.x = [1, 2, 3];\n"])
    let result = try await SnapgenCLI.run([
      "build", tree.path, "--entry", "main.js", "-o", tree("snapshot.bin"), "--v8-flag=--serialization-statistics",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(FileManager.default.fileExists(atPath: tree("snapshot.bin")))
  }
}
