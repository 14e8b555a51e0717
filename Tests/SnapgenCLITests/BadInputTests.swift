import Foundation
import Testing

/// Every failure a user can cause ends in a clear message, a non-zero exit, and no partial or
/// destroyed output.
@Suite("bad input", .serialized)
struct BadInputTests {
  /// Builds `files` (entry main.js) over an existing snapshot.bin and checks it survived.
  func failingBuild(_ files: [String: String]) async throws -> CLI.Result {
    let folder = try CLI.temporaryFolder()
    try CLI.write(files, into: folder)
    let output = folder + "/snapshot.bin"
    try Data("previous snapshot".utf8).write(to: URL(fileURLWithPath: output))
    let result = try await CLI.run(["build", folder, "--entry", "main.js", "-o", output], in: folder)
    #expect(result.status == 1)
    #expect(FileManager.default.contents(atPath: output) == Data("previous snapshot".utf8))
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.contains(".tmp") }.isEmpty)
    return result
  }

  @Test("a syntax error names path:line:col")
  func syntaxError() async throws {
    let result = try await failingBuild(["main.js": "import './ok.js';\n", "ok.js": "let a = 1;\nlet b = ;\n"])
    #expect(result.stderr.hasPrefix("ok.js:2:9: error: SyntaxError: Unexpected token ';'"), "\(result.stderr)")
  }

  @Test("a throw at module top level names path:line:col and the stack")
  func topLevelThrow() async throws {
    let result = try await failingBuild([
      "main.js": "import { check } from './check.js';\ncheck();\n",
      "check.js": "export function check() {\n  throw new Error('config missing');\n}\n",
    ])
    #expect(result.stderr.hasPrefix("check.js:2:9: error: uncaught exception while evaluating modules: Error: config missing"), "\(result.stderr)")
    #expect(result.stderr.contains("at check (check.js:2:9)"))
    #expect(result.stderr.contains("at main.js:2:1"))
  }

  @Test("an unresolvable import names the importer, its location and the specifier")
  func unresolvedImport() async throws {
    let result = try await failingBuild(["main.js": "const x = 1;\nimport { y } from './nope.js';\n"])
    #expect(result.stderr.hasPrefix("main.js:2:19: error: cannot find module './nope.js'"), "\(result.stderr)")
  }

  @Test("a top-level await that never settles is an error, not a hang")
  func stuckAwait() async throws {
    let result = try await failingBuild(["main.js": "await new Promise(() => {});\n"])
    #expect(result.stderr.contains("top-level await never settled"))
  }

  @Test("JavaScript that never finishes is stopped after --timeout, keeping the old snapshot")
  func endlessLoop() async throws {
    let folder = try CLI.temporaryFolder()
    try CLI.write(["main.js": "let i = 0;\nwhile (true) { i++; }\n", "snapshot.bin": "previous"], into: folder)
    let result = try await CLI.run(["build", folder, "--entry", "main.js", "-o", folder + "/snapshot.bin", "--timeout", "2"])
    #expect(result.status == 1)
    #expect(result.stderr.contains("the build did not finish within 2 s and was stopped"), "\(result.stderr)")
    #expect(FileManager.default.contents(atPath: folder + "/snapshot.bin") == Data("previous".utf8))
  }

  @Test("an unwritable output keeps the old file and says why")
  func unwritableOutput() async throws {
    let folder = try CLI.temporaryFolder()
    try CLI.write(["main.js": "globalThis.x = 1;\n", "blocker": "a file, not a folder"], into: folder)
    var result = try await CLI.run(["build", folder, "--entry", "main.js", "-o", folder + "/blocker/snapshot.bin"])
    #expect(result.status == 1)
    #expect(result.stderr.contains("cannot write"))
    try FileManager.default.createDirectory(atPath: folder + "/dir.bin", withIntermediateDirectories: false)
    result = try await CLI.run(["build", folder, "--entry", "main.js", "-o", folder + "/dir.bin"])
    #expect(result.status == 1)
    #expect(result.stderr.contains("it is a directory"))
  }

  @Test("a read-only output folder is refused and the previous snapshot kept")
  func readOnlyFolder() async throws {
    let folder = try CLI.temporaryFolder()
    try CLI.write(["main.js": "globalThis.x = 1;\n", "out/snapshot.bin": "previous"], into: folder)
    try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: folder + "/out")
    defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder + "/out") }
    try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: folder)
    // root ignores permission bits, so drop to an unprivileged user where we are root.
    let prefix = getuid() == 0 ? ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] : []
    if !prefix.isEmpty && !FileManager.default.isExecutableFile(atPath: prefix[0]) {
      Issue.record("setpriv is needed to test permissions as root")
      return
    }
    let result = try await CLI.run(["build", folder, "--entry", "main.js", "-o", folder + "/out/snapshot.bin"], as: prefix)
    #expect(result.status == 1, "\(result.stderr)")
    #expect(result.stderr.contains("Permission denied"), "\(result.stderr)")
    #expect(FileManager.default.contents(atPath: folder + "/out/snapshot.bin") == Data("previous".utf8))
  }

  @Test("damaged snapshot files are refused with exit code 2 and a reason")
  func damagedSnapshots() async throws {
    let folder = try CLI.temporaryFolder()
    let good = folder + "/good.bin"
    _ = try await CLI.run(["build", CLI.packageRoot + "/internal-js", "-o", good])
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
      let path = folder + "/" + name + ".bin"
      try data.write(to: URL(fileURLWithPath: path))
      let run = try await CLI.run(["run", "-s", path, "--eval", "1"])
      #expect(run.status == 2, "\(name): \(run.stderr)")
      #expect(run.stderr.hasPrefix(path + ": error: "), "\(name): \(run.stderr)")
      #expect(run.stderr.contains(message), "\(name): \(run.stderr)")
    }
    let missing = try await CLI.run(["run", "-s", folder + "/none.bin", "--eval", "1"])
    #expect(missing.status == 1)
    #expect(missing.stderr.contains("cannot read snapshot"))
  }

  @Test("a snapshot built with other V8 flags is refused, naming both flag sets")
  func flagMismatch() async throws {
    let folder = try CLI.temporaryFolder()
    let path = folder + "/lazy.bin"
    let build = try await CLI.run(["build", CLI.packageRoot + "/internal-js", "-o", path, "--v8-flag=--no-lazy"])
    #expect(build.status == 0, "\(build.stderr)")
    let refused = try await CLI.run(["run", "-s", path, "--eval", "1"])
    #expect(refused.status == 3)
    #expect(refused.stderr.contains("built with V8 flags --no-lazy; this runtime runs with (none)"), "\(refused.stderr)")
    let accepted = try await CLI.run(["run", "-s", path, "--v8-flag=--no-lazy", "--eval", "greet('lazy')"])
    #expect(accepted.status == 0, "\(accepted.stderr)")
  }

  @Test("a snapshot built for another op table is refused, listing the differences")
  func opTableMismatch() async throws {
    let folder = try CLI.temporaryFolder()
    try CLI.write([
      "snapgen.json": #"{"entryPoints": ["main.js"], "ops": [{"name": "op_read_secret", "kind": "sync", "arity": 0}]}"#,
      "main.js": "globalThis.secret = () => core.ops.op_read_secret();\n",
    ], into: folder)
    let build = try await CLI.run(["build", folder, "-o", folder + "/custom.bin"])
    #expect(build.status == 0, "\(build.stderr)")
    let refused = try await CLI.run(["run", "-s", folder + "/custom.bin", "--eval", "1"])
    #expect(refused.status == 3)
    #expect(refused.stderr.contains("missing in the runtime: op_read_secret"), "\(refused.stderr)")
    #expect(refused.stderr.contains("not in the snapshot: op_print"), "\(refused.stderr)")
  }

  @Test("config mistakes are named with the config file")
  func badConfig() async throws {
    let folder = try CLI.temporaryFolder()
    try CLI.write(["snapgen.json": #"{"entryPoint": ["main.js"], "compression": "lz9"}"#], into: folder)
    let result = try await CLI.run(["build", folder, "-o", folder + "/x.bin"], in: folder)
    #expect(result.status == 1)
    #expect(result.stderr.contains("snapgen.json:1:2: error: unknown key 'entryPoint'"), "\(result.stderr)")
    #expect(result.stderr.contains("'compression' must be"))
    let empty = try CLI.temporaryFolder()
    let none = try await CLI.run(["build", empty], in: empty)
    #expect(none.status == 1)
    #expect(none.stderr.contains("no snapgen.json here"))
    #expect(!FileManager.default.fileExists(atPath: empty + "/snapshot.bin"))
  }
}
