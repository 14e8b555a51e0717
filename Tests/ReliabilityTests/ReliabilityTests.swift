#if canImport(Glibc)
  import Glibc
#endif
import Foundation
import SnapshotKit
import Testing

/// Every bad input and every filesystem fault ends in a clear message and a non-zero exit, with
/// no partial file and the previous snapshot.bin intact.
@Suite("reliability")
struct ReliabilityTests {
  /// A project folder holding `files` and a previous snapshot.bin.
  func project(_ files: [String: String], raw: [String: [UInt8]] = [:]) throws -> String {
    let folder = try Harness.temporaryFolder()
    try Harness.write(files, into: folder)
    for (path, bytes) in raw { try Data(bytes).write(to: URL(fileURLWithPath: folder + "/" + path)) }
    try Harness.previous.write(to: URL(fileURLWithPath: folder + "/snapshot.bin"))
    return folder
  }

  func expectUntouched(_ folder: String, _ context: String) {
    #expect(FileManager.default.contents(atPath: folder + "/snapshot.bin") == Harness.previous, "\(context)")
    #expect(Harness.temporaries(in: folder).isEmpty, "\(context)")
  }

  @Test("bad inputs are refused and keep the previous snapshot", arguments: BadInput.all)
  func badInput(_ input: BadInput) async throws {
    let folder = try project(input.files, raw: input.rawFiles)
    let entry = input.files["snapgen.json"] == nil ? ["--entry", "main.js"] : []
    let result = try await Harness.run(["build", folder] + entry + ["-o", folder + "/snapshot.bin"] + input.arguments)
    #expect(result.status == 1, "\(input.name): \(result.stderr)")
    #expect(result.stderr.contains(input.message), "\(input.name): \(result.stderr)")
    for text in input.alsoMentions {
      #expect(result.stderr.contains(text), "\(input.name): \(result.stderr)")
    }
    expectUntouched(folder, input.name)
  }

  @Test("the catalogue has at least 30 bad inputs with the filesystem and snapshot faults")
  func catalogueSize() {
    // 27 build inputs + 6 filesystem faults + 7 snapshot-file faults below.
    #expect(BadInput.all.count + 6 + SnapshotFault.all.count >= 30)
  }

  // MARK: - Filesystem faults

  @Test("fs: output path is a directory")
  func outputIsDirectory() async throws {
    let folder = try project(["main.js": "globalThis.x = 1;\n"])
    try FileManager.default.createDirectory(atPath: folder + "/out.bin", withIntermediateDirectories: false)
    let result = try await Harness.run(["build", folder, "--entry", "main.js", "-o", folder + "/out.bin"])
    #expect(result.status == 1)
    #expect(result.stderr.contains("out.bin: it is a directory"), "\(result.stderr)")
    expectUntouched(folder, "directory")
  }

  @Test("fs: output folder does not exist")
  func missingFolder() async throws {
    let folder = try project(["main.js": "globalThis.x = 1;\n"])
    let result = try await Harness.run(["build", folder, "--entry", "main.js", "-o", folder + "/nope/snapshot.bin"])
    #expect(result.status == 1)
    #expect(result.stderr.contains("does not exist"), "\(result.stderr)")
    expectUntouched(folder, "missing folder")
  }

  @Test("fs: read-only folder (as an unprivileged user)")
  func readOnlyFolder() async throws {
    let folder = try project(["main.js": "globalThis.x = 1;\n"])
    try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: folder)
    defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder) }
    let prefix = getuid() == 0 ? ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] : []
    let result = try await Harness.run(["build", folder, "--entry", "main.js", "-o", folder + "/snapshot.bin"], prefix: prefix)
    #expect(result.status == 1, "\(result.stderr)")
    #expect(result.stderr.contains("Permission denied"), "\(result.stderr)")
    expectUntouched(folder, "read-only")
  }

  @Test("fs: a size limit (full disk) fails with EFBIG instead of killing snapgen")
  func fileSizeLimit() async throws {
    let folder = try project(["main.js": "globalThis.x = 1;\n"])
    // The snapshot is ~50 KB; allow 20 KB per file (the previous snapshot.bin is smaller).
    let result = try await Harness.run(
      ["build", folder, "--entry", "main.js", "-o", folder + "/snapshot.bin"], prefix: ["/usr/bin/prlimit", "--fsize=20000"])
    #expect(result.status == 1, "\(result.stderr)")
    #expect(result.stderr.contains("File too large"), "\(result.stderr)")
    expectUntouched(folder, "size limit")
  }

  @Test("fs: two concurrent builds of the same output both end with one whole snapshot")
  func concurrentBuilds() async throws {
    let folder = try project(["main.js": "globalThis.x = 1;\n"])
    let arguments = ["build", folder, "--entry", "main.js", "-o", folder + "/snapshot.bin"]
    async let first = Harness.run(arguments)
    async let second = Harness.run(arguments)
    let results = try await [first, second]
    for result in results { #expect(result.status == 0, "\(result.stderr)") }
    let bytes = try #require(FileManager.default.contents(atPath: folder + "/snapshot.bin"))
    #expect(throws: Never.self) { try SnapshotFile.parse([UInt8](bytes)) }
    #expect(Harness.temporaries(in: folder).isEmpty)
  }

  @Test("fs: a build killed mid-write keeps the old file; the next build clears its temporary")
  func killedMidWrite() async throws {
    let folder = try project(["main.js": "globalThis.x = 1;\n"])
    let arguments = ["build", folder, "--entry", "main.js", "-o", folder + "/snapshot.bin"]
    async let killed = Harness.run(arguments, environment: ["SNAPGEN_TESTING_STALL_BEFORE_RENAME": "600"])
    // Wait for the complete temporary file, then kill the writer before it renames.
    var temporary: String?
    for _ in 0..<600 where temporary == nil {
      try await Task.sleep(for: .milliseconds(100))
      temporary = Harness.temporaries(in: folder).first
    }
    let name = try #require(temporary, "the build never wrote its temporary file")
    let pid = try #require(pid_t(name.split(separator: "-")[1]))
    kill(pid, SIGKILL)
    let result = try await killed
    #expect(result.status == 128 + SIGKILL)
    #expect(FileManager.default.contents(atPath: folder + "/snapshot.bin") == Harness.previous)
    #expect(Harness.temporaries(in: folder) == [name])
    let next = try await Harness.run(arguments)
    #expect(next.status == 0, "\(next.stderr)")
    #expect(Harness.temporaries(in: folder).isEmpty)
    let bytes = try #require(FileManager.default.contents(atPath: folder + "/snapshot.bin"))
    #expect(throws: Never.self) { try SnapshotFile.parse([UInt8](bytes)) }
  }

  // MARK: - Snapshot file faults

  @Test("snapshot file faults are refused by verify with exit 2", arguments: SnapshotFault.all)
  func snapshotFault(_ fault: SnapshotFault) async throws {
    let folder = try Harness.temporaryFolder()
    let good = folder + "/good.bin"
    let build = try await Harness.run(["build", Harness.packageRoot + "/internal-js", "-o", good])
    #expect(build.status == 0, "\(build.stderr)")
    let bytes = [UInt8](try #require(FileManager.default.contents(atPath: good)))
    let path = folder + "/bad.bin"
    try Data(fault.damage(bytes)).write(to: URL(fileURLWithPath: path))
    let verify = try await Harness.run(["verify", path])
    #expect(verify.status == 2, "\(fault.name): \(verify.stderr)")
    #expect(verify.stderr.contains(fault.message), "\(fault.name): \(verify.stderr)")
    let run = try await Harness.run(["run", "-s", path, "--eval", "1"])
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
