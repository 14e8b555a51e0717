import Glibc
import Foundation
import SnapgenTestSupport
import SnapshotKit
import Testing

/// Every bad input and every filesystem fault ends in a clear message and a non-zero exit, with
/// no partial file and the previous snapshot.bin intact.
@Suite("reliability")
struct ReliabilityTests {
  static let previous = Data("previous snapshot.bin".utf8)

  /// A project folder holding `files` and a previous snapshot.bin.
  func project(_ files: [String: String]) throws -> TemporaryTree {
    let tree = try TemporaryTree(files, name: "snapgen-rel")
    try Self.previous.write(to: URL(fileURLWithPath: tree("snapshot.bin")))
    return tree
  }

  func expectUntouched(_ tree: TemporaryTree, _ context: String) {
    #expect(tree.contents(of: "snapshot.bin") == Self.previous, "\(context)")
    #expect(tree.temporaries().isEmpty, "\(context)")
  }

  // MARK: - Filesystem faults (the file-only ones are folders in Tests/Fixtures/bad-inputs)

  @Test("fs: read-only folder (as an unprivileged user)")
  func readOnlyFolder() async throws {
    let tree = try project(["main.js": "globalThis.x = 1;\n"])
    let folder = tree.path
    try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: folder)
    defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder) }
    let prefix = getuid() == 0 ? ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] : []
    let result = try await SnapgenCLI.run(["build", folder, "--entry", "main.js", "-o", folder + "/snapshot.bin"], prefix: prefix)
    #expect(result.status == 1, "\(result.stderr)")
    #expect(result.stderr.contains("Permission denied"), "\(result.stderr)")
    expectUntouched(tree, "read-only")
  }

  @Test("fs: a size limit (full disk) fails with EFBIG instead of killing snapgen")
  func fileSizeLimit() async throws {
    let tree = try project(["main.js": "globalThis.x = 1;\n"])
    let folder = tree.path
    // The snapshot is ~50 KB; allow 20 KB per file (the previous snapshot.bin is smaller).
    let result = try await SnapgenCLI.run(
      ["build", folder, "--entry", "main.js", "-o", folder + "/snapshot.bin"], prefix: ["/usr/bin/prlimit", "--fsize=20000"])
    #expect(result.status == 1, "\(result.stderr)")
    #expect(result.stderr.contains("File too large"), "\(result.stderr)")
    expectUntouched(tree, "size limit")
  }

  @Test("fs: two concurrent builds of the same output both end with one whole snapshot")
  func concurrentBuilds() async throws {
    let tree = try project(["main.js": "globalThis.x = 1;\n"])
    let folder = tree.path
    let arguments = ["build", folder, "--entry", "main.js", "-o", folder + "/snapshot.bin"]
    async let first = SnapgenCLI.run(arguments)
    async let second = SnapgenCLI.run(arguments)
    let results = try await [first, second]
    for result in results { #expect(result.status == 0, "\(result.stderr)") }
    let bytes = try #require(FileManager.default.contents(atPath: folder + "/snapshot.bin"))
    #expect(throws: Never.self) { try SnapshotFile.parse([UInt8](bytes)) }
    #expect(tree.temporaries().isEmpty)
  }

  @Test("fs: a build killed mid-write keeps the old file; the next build clears its temporary")
  func killedMidWrite() async throws {
    let tree = try project(["main.js": "globalThis.x = 1;\n"])
    let folder = tree.path
    let arguments = ["build", folder, "--entry", "main.js", "-o", folder + "/snapshot.bin"]
    async let killed = SnapgenCLI.run(arguments, environment: ["SNAPGEN_TESTING_STALL_BEFORE_RENAME": "600"])
    // Wait for the complete temporary file, then kill the writer before it renames.
    var temporary: String?
    for _ in 0..<600 where temporary == nil {
      try await Task.sleep(for: .milliseconds(100))
      temporary = tree.temporaries().first
    }
    let name = try #require(temporary, "the build never wrote its temporary file")
    let pid = try #require(pid_t(name.split(separator: "-")[1]))
    kill(pid, SIGKILL)
    let result = try await killed
    #expect(result.status == 128 + SIGKILL)
    #expect(tree.contents(of: "snapshot.bin") == Self.previous)
    #expect(tree.temporaries() == [name])
    let next = try await SnapgenCLI.run(arguments)
    #expect(next.status == 0, "\(next.stderr)")
    #expect(tree.temporaries().isEmpty)
    let bytes = try #require(FileManager.default.contents(atPath: folder + "/snapshot.bin"))
    #expect(throws: Never.self) { try SnapshotFile.parse([UInt8](bytes)) }
  }

  // MARK: - Snapshot file faults

  @Test("snapshot file faults are refused by verify with exit 2", arguments: SnapshotFault.all)
  func snapshotFault(_ fault: SnapshotFault) async throws {
    let tree = try TemporaryTree(name: "snapgen-rel")
    let good = try await FixtureSnapshots.snapshot("probe-js")
    let bytes = [UInt8](try #require(FileManager.default.contents(atPath: good)))
    let path = tree("bad.bin")
    try Data(fault.damage(bytes)).write(to: URL(fileURLWithPath: path))
    let verify = try await SnapgenCLI.run(["verify", path])
    #expect(verify.status == 2, "\(fault.name): \(verify.stderr)")
    #expect(verify.stderr.contains(fault.message), "\(fault.name): \(verify.stderr)")
    let run = try await SnapgenCLI.run(["run", "-s", path, "--eval", "1"])
    #expect(run.status == 2, "\(fault.name): \(run.stderr)")
  }
}

/// Damage done to a good snapshot.bin.
struct SnapshotFault: Sendable, CustomTestStringConvertible {
  var name: String
  var message: String
  var damage: @Sendable ([UInt8]) -> [UInt8]

  var testDescription: String { "snapshot: \(name)" }

  static let all: [SnapshotFault] = [
    SnapshotFault(name: "empty file", message: "empty") { _ in [] },
    SnapshotFault(name: "truncated header", message: "truncated") { Array($0.prefix(30)) },
    SnapshotFault(name: "truncated payload", message: "truncated") { Array($0.dropLast(10)) },
    SnapshotFault(name: "bit flip in the payload", message: "payload is corrupt") { bytes in
      var bytes = bytes
      bytes[bytes.count - 5] ^= 0x10
      return bytes
    },
    SnapshotFault(name: "bit flip in the metadata", message: "header is corrupt") { bytes in
      var bytes = bytes
      bytes[80] ^= 0x01
      return bytes
    },
    SnapshotFault(name: "not a snapshot", message: "not a snapgen snapshot") { _ in Array("<html>not this</html>".utf8) },
    SnapshotFault(name: "trailing bytes", message: "unexpected bytes after the payload") { $0 + [0, 1, 2] },
  ]
}
