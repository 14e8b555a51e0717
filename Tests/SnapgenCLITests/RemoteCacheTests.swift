import Foundation
import SnapgenTestSupport
import SnapshotKit
import Testing

/// The remote cache against a real server: Debian's nginx with WebDAV PUT, started by
/// scripts/test.sh through scripts/cache-server.sh, which exports its URL and storage folder.
/// Every test builds JavaScript of its own (a fresh UUID in the source), so keys never collide.
@Suite(
  "remote snapshot cache (nginx)", .serialized,
  .enabled(if: RemoteCacheServer.current != nil, "needs the nginx cache server that scripts/test.sh starts"))
struct RemoteCacheTests {
  let url: String
  let store: String
  let tree: TemporaryTree

  init() throws {
    let server = try #require(RemoteCacheServer.current)
    url = server.url
    store = server.store
    tree = try TemporaryTree(["main.js": "globalThis.remoteProbe = '\(UUID().uuidString)';\n"])
  }

  /// `snapgen build` of this test's project into `output`, with a local cache of its own.
  func build(_ output: String, cache: String, remote: String? = nil, _ extra: [String] = [], environment: [String: String] = [:])
    async throws -> (result: CLIResult, outcome: String?)
  {
    let result = try await SnapgenCLI.run(
      ["build", tree.path, "--entry", "main.js", "-o", tree(output), "--json", "--cache-dir", tree(cache),
       "--remote-cache", remote ?? url, "--remote-cache-timeout", "10"] + extra,
      environment: environment)
    let summary = try? JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
    return (result, summary?["cache"] as? String)
  }

  /// The files nginx holds under `ac/` or `cas/` (below `prefix`).
  func stored(_ kind: String, prefix: String = "") -> Set<String> {
    Set((try? FileManager.default.contentsOfDirectory(atPath: store + "/" + prefix + kind)) ?? [])
  }

  /// The snapshot this test's cold build uploaded (besides its JSON build manifest): its path in
  /// nginx's folder.
  func uploadedBlob(before: Set<String>) throws -> String {
    let new = stored("cas").subtracting(before).filter { name in
      FileManager.default.contents(atPath: store + "/cas/" + name)?.first != UInt8(ascii: "{")
    }
    try #require(new.count == 1, "expected one new snapshot blob, found \(new)")
    return store + "/cas/" + new.first!
  }

  @Test("cold build uploads; a warm build on an empty local cache is a remote hit with the same bytes")
  func coldThenWarm() async throws {
    let (blobs, records) = (stored("cas"), stored("ac"))
    let cold = try await build("cold.bin", cache: "cache-a")
    #expect(cold.result.status == 0, "\(cold.result)")
    #expect(cold.outcome == "miss")
    // The snapshot and the build manifest of direct mode, each a blob and a record.
    #expect(stored("cas").subtracting(blobs).count == 2)
    #expect(stored("ac").subtracting(records).count == 2)
    let warm = try await build("warm.bin", cache: "cache-b")
    #expect(warm.result.status == 0, "\(warm.result)")
    #expect(warm.outcome == "hit-remote")
    #expect(warm.result.stderr.isEmpty, "\(warm.result)")
    #expect(tree.contents(of: "cold.bin") == tree.contents(of: "warm.bin"))
    let again = try await build("again.bin", cache: "cache-b")
    #expect(again.outcome == "hit-local", "the remote hit was stored locally")
    let run = try await SnapgenCLI.run(["run", "-s", tree("warm.bin"), "--eval", "typeof remoteProbe"])
    #expect(run.stdout == "string\n", "\(run)")
  }

  @Test("a warm build's requests (manifest and snapshot, record and blob each) share one connection")
  func oneConnection() async throws {
    let log = (store as NSString).deletingLastPathComponent + "/access.log"
    let cold = try await build("cold.bin", cache: "cache-a")
    #expect(cold.result.status == 0, "\(cold.result)")
    let before = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
    let warm = try await build("warm.bin", cache: "cache-b")
    #expect(warm.outcome == "hit-remote", "\(warm.result)")
    let after = try String(contentsOfFile: log, encoding: .utf8)
    // scripts/cache-server.sh logs "<connection> <request on it> \"<request>\" <status>".
    let lines = after.dropFirst(before.count).split(separator: "\n")
    #expect(lines.count == 4, "\(lines)")
    #expect(Set(lines.map { $0.split(separator: " ")[0] }).count == 1, "\(lines)")
    #expect(lines.map { $0.split(separator: " ")[1] } == ["1", "2", "3", "4"], "\(lines)")
  }

  @Test("concurrent builds of the same key all succeed with identical snapshots")
  func concurrent() async throws {
    async let a = build("a.bin", cache: "cache-a")
    async let b = build("b.bin", cache: "cache-b")
    async let c = build("c.bin", cache: "cache-c")
    let results = try await [a, b, c]
    for (result, outcome) in results {
      #expect(result.status == 0, "\(result)")
      #expect(outcome == "miss" || outcome == "hit-remote", "\(result)")
    }
    let bytes = try #require(tree.contents(of: "a.bin"))
    #expect(tree.contents(of: "b.bin") == bytes)
    #expect(tree.contents(of: "c.bin") == bytes)
    let warm = try await build("d.bin", cache: "cache-d")
    #expect(warm.outcome == "hit-remote")
    #expect(tree.contents(of: "d.bin") == bytes)
  }

  @Test("damaged, truncated and forged entries on the server are rebuilt, never served")
  func damagedEntries() async throws {
    let before = stored("cas")
    let cold = try await build("good.bin", cache: "cache-0")
    #expect(cold.outcome == "miss", "\(cold.result)")
    let good = try #require(tree.contents(of: "good.bin"))
    let blob = try uploadedBlob(before: before)
    let original = try #require(FileManager.default.contents(atPath: blob))

    var flipped = original
    flipped[flipped.count / 2] ^= 0xFF
    let truncated = original.prefix(original.count - 1000)
    for (index, (name, damage)) in [("flipped", flipped), ("truncated", Data(truncated)), ("garbage", Data("not a snapshot".utf8))].enumerated() {
      try damage.write(to: URL(fileURLWithPath: blob))
      let rebuilt = try await build("\(name).bin", cache: "cache-\(index + 1)")
      #expect(rebuilt.result.status == 0, "\(name): \(rebuilt.result)")
      #expect(rebuilt.outcome == "miss", "\(name): \(rebuilt.result)")
      #expect(tree.contents(of: "\(name).bin") == good, "\(name)")
      // The rebuild uploaded a sound blob again.
      #expect(FileManager.default.contents(atPath: blob) == original, "\(name)")
    }

    // A forged pair: a damaged snapshot stored under its own digest, and the record pointing at
    // it. The digest checks pass; the snapshot file's own checks must not.
    let records = stored("ac")
    let recordName = try #require(records.first { name in
      (try? Data(contentsOf: URL(fileURLWithPath: store + "/ac/" + name)))?.range(of: Data(URL(fileURLWithPath: blob).lastPathComponent.utf8)) != nil
    })
    let forgedName = sha256Hex(flipped)
    try flipped.write(to: URL(fileURLWithPath: store + "/cas/" + forgedName))
    let record = try #require(FileManager.default.contents(atPath: store + "/ac/" + recordName))
    let forgedRecord = record.replacing(Data(URL(fileURLWithPath: blob).lastPathComponent.utf8), with: Data(forgedName.utf8))
    try forgedRecord.write(to: URL(fileURLWithPath: store + "/ac/" + recordName))
    let forged = try await build("forged.bin", cache: "cache-forged")
    #expect(forged.outcome == "miss", "\(forged.result)")
    #expect(tree.contents(of: "forged.bin") == good)
  }

  @Test("a server answering garbage or 500 costs at most one warning and never fails the build")
  func brokenServers() async throws {
    let reference = try await build("reference.bin", cache: "cache-ref", ["--no-cache"])
    #expect(reference.result.status == 0, "\(reference.result)")
    let garbage = try await build("garbage.bin", cache: "cache-g", remote: url + "/garbage")
    #expect(garbage.result.status == 0, "\(garbage.result)")
    #expect(garbage.outcome == "miss")
    #expect(tree.contents(of: "garbage.bin") == tree.contents(of: "reference.bin"))
    let failing = try await build("failing.bin", cache: "cache-f", remote: url + "/failing")
    #expect(failing.result.status == 0, "\(failing.result)")
    #expect(failing.outcome == "miss")
    #expect(failing.result.stderr.components(separatedBy: "warning: ").count == 2, "\(failing.result)")
    #expect(failing.result.stderr.contains("HTTP 500"), "\(failing.result)")
    #expect(tree.contents(of: "failing.bin") == tree.contents(of: "reference.bin"))
  }

  @Test("--remote-cache-read-only reads but never uploads")
  func readOnly() async throws {
    let (blobs, records) = (stored("cas"), stored("ac"))
    let untrusted = try await build("a.bin", cache: "cache-a", ["--remote-cache-read-only"])
    #expect(untrusted.result.status == 0, "\(untrusted.result)")
    #expect(untrusted.outcome == "miss")
    #expect(stored("cas") == blobs)
    #expect(stored("ac") == records)
    let trusted = try await build("b.bin", cache: "cache-b")
    #expect(trusted.outcome == "miss")
    let reader = try await build("c.bin", cache: "cache-c", [], environment: ["SNAPGEN_REMOTE_CACHE_READ_ONLY": "1"])
    #expect(reader.outcome == "hit-remote", "\(reader.result)")
  }

  @Test("the authorization header comes from the environment and is never printed")
  func authorization() async throws {
    let refused = try await build("a.bin", cache: "cache-a", remote: url + "/private",
      environment: ["SNAPGEN_REMOTE_CACHE_AUTHORIZATION": "Bearer wrong-token"])
    #expect(refused.result.status == 0, "\(refused.result)")
    #expect(refused.result.stderr.contains("HTTP 401"), "\(refused.result)")
    #expect(!refused.result.stderr.contains("wrong-token"))
    let token = ["SNAPGEN_REMOTE_CACHE_AUTHORIZATION": "Bearer snapgen-test-token"]
    let upload = try await build("b.bin", cache: "cache-b", remote: url + "/private", environment: token)
    #expect(upload.outcome == "miss")
    #expect(upload.result.stderr.isEmpty, "\(upload.result)")
    let hit = try await build("c.bin", cache: "cache-c", remote: url + "/private", environment: token)
    #expect(hit.outcome == "hit-remote", "\(hit.result)")
  }
}

private func sha256Hex(_ data: Data) -> String {
  InputDigest.sha256([UInt8](data))
}

/// The nginx cache server scripts/test.sh started, from the variables it exports.
enum RemoteCacheServer {
  /// The cache URL and the folder nginx stores entries in.
  static var current: (url: String, store: String)? {
    let environment = ProcessInfo.processInfo.environment
    guard let url = environment["SNAPGEN_TEST_REMOTE_CACHE"], let store = environment["SNAPGEN_TEST_REMOTE_CACHE_STORE"] else { return nil }
    return (url, store)
  }
}
