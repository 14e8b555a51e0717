import Foundation
import SnapgenTestSupport
import Testing

/// Bad input that needs more than a folder of files: permissions, damaged snapshot files and
/// snapshots built for another runtime. The file-only cases are folders in
/// `Tests/Fixtures/bad-inputs` (run by ReliabilityTests).
@Suite("bad input", .serialized)
struct BadInputTests {
  @Test("a read-only output folder is refused and the previous snapshot kept")
  func readOnlyFolder() async throws {
    let tree = try TemporaryTree(["main.js": "globalThis.x = 1;\n", "out/snapshot.bin": "previous"])
    let folder = tree.path
    try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: folder + "/out")
    defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder + "/out") }
    try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: folder)
    // root ignores permission bits, so drop to an unprivileged user where we are root.
    let prefix = getuid() == 0 ? ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] : []
    if !prefix.isEmpty && !FileManager.default.isExecutableFile(atPath: prefix[0]) {
      Issue.record("setpriv is needed to test permissions as root")
      return
    }
    let result = try await SnapgenCLI.run(["build", folder, "--entry", "main.js", "-o", folder + "/out/snapshot.bin"], prefix: prefix)
    #expect(result.status == 1, "\(result.stderr)")
    #expect(result.stderr.contains("Permission denied"), "\(result.stderr)")
    #expect(tree.contents(of: "out/snapshot.bin") == Data("previous".utf8))
  }

  @Test("damaged snapshot files are refused with exit code 2 and a reason")
  func damagedSnapshots() async throws {
    let tree = try TemporaryTree()
    let good = tree("good.bin")
    let build = try await SnapgenCLI.run(["build", Repository.internalJS, "-o", good])
    #expect(build.status == 0, "\(build.stderr)")
    let bytes = try #require(FileManager.default.contents(atPath: good))
    var flipped = bytes
    flipped[flipped.count / 2] ^= 0xFF
    var badMagic = bytes
    badMagic[1] = 0
    let cases: [(String, Data, String)] = [
      ("empty", Data(), "the snapshot file is empty"),
      ("short", bytes.prefix(40), "truncated"),
      ("truncated", bytes.prefix(bytes.count - 100), "truncated"),
      ("flipped", flipped, "payload is corrupt"),
      ("magic", badMagic, "not a snapgen snapshot"),
    ]
    for (name, data, message) in cases {
      let path = tree(name + ".bin")
      try data.write(to: URL(fileURLWithPath: path))
      let run = try await SnapgenCLI.run(["run", "-s", path, "--eval", "1"])
      #expect(run.status == 2, "\(name): \(run.stderr)")
      #expect(run.stderr.hasPrefix(path + ": error: "), "\(name): \(run.stderr)")
      #expect(run.stderr.contains(message), "\(name): \(run.stderr)")
    }
    let missing = try await SnapgenCLI.run(["run", "-s", tree("none.bin"), "--eval", "1"])
    #expect(missing.status == 1)
    #expect(missing.stderr.contains("cannot read snapshot"))
  }

  @Test("a snapshot built with other V8 flags is refused, naming both flag sets")
  func flagMismatch() async throws {
    let tree = try TemporaryTree()
    let path = tree("lazy.bin")
    let build = try await SnapgenCLI.run(["build", Repository.internalJS, "-o", path, "--v8-flag=--no-lazy"])
    #expect(build.status == 0, "\(build.stderr)")
    let refused = try await SnapgenCLI.run(["run", "-s", path, "--eval", "1"])
    #expect(refused.status == 3)
    #expect(refused.stderr.contains("built with V8 flags --no-lazy; this runtime runs with (none)"), "\(refused.stderr)")
    let accepted = try await SnapgenCLI.run(["run", "-s", path, "--v8-flag=--no-lazy", "--eval", "typeof URL"])
    #expect(accepted.status == 0, "\(accepted.stderr)")
    #expect(accepted.stdout == "function\n")
  }

  @Test("a snapshot built for another op table is refused, listing the differences")
  func opTableMismatch() async throws {
    let tree = try TemporaryTree([
      "snapgen.json": #"{"entryPoints": ["main.js"], "ops": [{"name": "op_read_secret", "kind": "sync", "arity": 0}]}"#,
      "main.js": "globalThis.secret = () => core.ops.op_read_secret();\n",
    ])
    let build = try await SnapgenCLI.run(["build", tree.path, "-o", tree("custom.bin")])
    #expect(build.status == 0, "\(build.stderr)")
    let refused = try await SnapgenCLI.run(["run", "-s", tree("custom.bin"), "--eval", "1"])
    #expect(refused.status == 3)
    #expect(refused.stderr.contains("missing in the runtime: op_read_secret"), "\(refused.stderr)")
    #expect(refused.stderr.contains("not in the snapshot: op_print"), "\(refused.stderr)")
  }
}
