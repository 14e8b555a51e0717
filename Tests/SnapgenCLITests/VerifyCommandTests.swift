import Foundation
import SnapgenTestSupport
import Testing

@Suite("snapgen verify", .serialized)
struct VerifyCommandTests {
  /// A copy of internal-js with its snapshot built next to its snapgen.json.
  func builtProject() async throws -> TemporaryTree {
    let tree = try TemporaryTree(copying: Repository.internalJS)
    let build = try await SnapgenCLI.run(["build", tree.path, "-o", tree("snapshot.bin")])
    #expect(build.status == 0, "\(build.stderr)")
    return tree
  }

  @Test("a sound, current, reproducible snapshot passes every check (exit 0)")
  func passes() async throws {
    let tree = try await builtProject()
    let folder = tree.path
    let result = try await SnapgenCLI.run(["verify", folder + "/snapshot.bin", "--rebuild", "--expect", "new URL('https://ci.example/').host === 'ci.example'"])
    #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
    for check in ["format", "compatibility", "staleness", "reproducibility", "expectations"] {
      #expect(result.stdout.contains("ok   \(check)"), "\(result.stdout)")
    }
  }

  @Test("--json has stable keys")
  func json() async throws {
    let tree = try await builtProject()
    let folder = tree.path
    let result = try await SnapgenCLI.run(["verify", folder + "/snapshot.bin", "--json"])
    #expect(result.status == 0)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    #expect(Set(object.keys) == ["snapshot", "outcome", "exitCode", "checks", "config", "staleModules", "firstDifference", "expectations"])
    #expect(object["outcome"] as? String == "ok")
    let checks = try #require(object["checks"] as? [[String: Any]])
    #expect(checks.compactMap { $0["name"] as? String } == ["format", "signature", "compatibility", "staleness", "reproducibility", "expectations"])
    #expect(Set(checks[0].keys) == ["name", "status", "message", "details"])
  }

  @Test("a changed, added and removed module make it stale (exit 4), each named")
  func stale() async throws {
    let tree = try await builtProject()
    let folder = tree.path
    try "export const greeting = 'changed';\n".write(toFile: folder + "/src/extra.js", atomically: false, encoding: .utf8)
    let main = try String(contentsOfFile: folder + "/src/main.js", encoding: .utf8)
    try ("import './extra.js';\n" + main).write(toFile: folder + "/src/main.js", atomically: false, encoding: .utf8)
    let result = try await SnapgenCLI.run(["verify", folder + "/snapshot.bin", "--json"])
    #expect(result.status == 4, "\(result.stderr)")
    let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    let stale = try #require(object["staleModules"] as? [String: Any])
    #expect(stale["changed"] as? [String] == ["src/main.js"])
    #expect(stale["added"] as? [String] == ["src/extra.js"])
    #expect(result.stderr.contains("staleness: stale: changed src/main.js; added src/extra.js"), "\(result.stderr)")
  }

  @Test("a snapshot built without fixed seeds is not reproducible (exit 5), naming the first region")
  func nonReproducible() async throws {
    let tree = try TemporaryTree([
      "snapgen.json": #"{"entryPoints": ["main.js"], "deterministic": false}"#,
      "main.js": "globalThis.table = new Map(Array.from({ length: 200 }, (_, i) => ['k' + i, { i }]));\n",
    ])
    let folder = tree.path
    _ = try await SnapgenCLI.run(["build", folder, "-o", folder + "/snapshot.bin"])
    let result = try await SnapgenCLI.run(["verify", folder + "/snapshot.bin", "--rebuild", "--json"])
    #expect(result.status == 5, "\(result.stdout)\(result.stderr)")
    let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    let difference = try #require(object["firstDifference"] as? [String: Any])
    #expect((difference["region"] as? String)?.hasPrefix("header.") == true || difference["region"] as? String == "payload")
    #expect((difference["regions"] as? [String])?.contains("payload") == true, "\(difference)")
  }

  @Test("a falsy or throwing --expect fails with exit 6")
  func expectationFails() async throws {
    let tree = try await builtProject()
    let folder = tree.path
    let result = try await SnapgenCLI.run(["verify", folder + "/snapshot.bin", "--expect", "typeof URL === 'function'", "--expect", "missingThing.x"])
    #expect(result.status == 6, "\(result.stderr)")
    #expect(result.stdout.contains("missingThing.x → ReferenceError: missingThing is not defined"), "\(result.stdout)")
  }

  @Test("invalid is exit 2, incompatible is exit 3")
  func invalidAndIncompatible() async throws {
    let tree = try await builtProject()
    let folder = tree.path
    try Data("nope".utf8).write(to: URL(fileURLWithPath: folder + "/bad.bin"))
    let invalid = try await SnapgenCLI.run(["verify", folder + "/bad.bin"])
    #expect(invalid.status == 2)
    #expect(invalid.stderr.contains("format: not a snapgen snapshot"), "\(invalid.stderr)")
    let incompatible = try await SnapgenCLI.run(["verify", folder + "/snapshot.bin", "--v8-flag=--no-lazy"])
    #expect(incompatible.status == 3, "\(incompatible.stderr)")
    #expect(incompatible.stderr.contains("built with V8 flags (none); this runtime runs with --no-lazy"), "\(incompatible.stderr)")
  }
}
