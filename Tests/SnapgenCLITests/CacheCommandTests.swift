import Foundation
import Glibc
import SnapgenTestSupport
import Testing

/// `snapgen build` with the local cache, `snapgen cache stats|prune`, and remote caches that
/// cannot be used (no server needed: a closed port and a listener that never answers). The
/// tests with a real server are in RemoteCacheTests.
@Suite("snapshot cache (command line)", .serialized)
struct CacheCommandTests {
  static func summary(_ result: CLIResult) throws -> [String: Any] {
    try #require(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], "\(result)")
  }

  @Test("a second build is a local hit with the same bytes and depfile; --no-cache builds without it")
  func localHit() async throws {
    let tree = try TemporaryTree(["main.js": "globalThis.cacheProbe = 'local hit';\n"])
    let cache = tree("cache")
    func build(_ output: String, _ extra: [String] = []) async throws -> CLIResult {
      try await SnapgenCLI.run(
        ["build", tree.path, "--entry", "main.js", "-o", tree(output), "--depfile", tree(output + ".d"), "--json", "--cache-dir", cache] + extra)
    }
    let cold = try await build("a.bin")
    #expect(cold.status == 0, "\(cold)")
    #expect(try Self.summary(cold)["cache"] as? String == "miss")
    let warm = try await build("b.bin")
    #expect(warm.status == 0, "\(warm)")
    #expect(try Self.summary(warm)["cache"] as? String == "hit-local")
    #expect(warm.stderr.isEmpty, "\(warm)")
    #expect(tree.contents(of: "a.bin") == tree.contents(of: "b.bin"))
    let depfile = try #require(tree.contents(of: "b.bin.d"))
    #expect(String(decoding: depfile, as: UTF8.self).contains("main.js"))
    let bypass = try await build("c.bin", ["--no-cache"])
    #expect(try Self.summary(bypass)["cache"] as? String == "disabled")
    #expect(tree.contents(of: "a.bin") == tree.contents(of: "c.bin"))

    let text = try await SnapgenCLI.run(["build", tree.path, "--entry", "main.js", "-o", tree("d.bin"), "--cache-dir", cache])
    #expect(text.stdout.hasPrefix("wrote \(tree("d.bin")) from the local cache:"), "\(text)")
    let run = try await SnapgenCLI.run(["run", "-s", tree("d.bin"), "--eval", "cacheProbe"])
    #expect(run.stdout == "local hit\n", "\(run)")
  }

  @Test("cache stats counts what builds stored and cache prune removes it (JSON and text)")
  func statsAndPrune() async throws {
    let tree = try TemporaryTree(["main.js": "globalThis.cacheProbe = 'stats';\n"])
    let cache = tree("cache")
    let empty = try await SnapgenCLI.run(["cache", "stats", "--cache-dir", cache, "--json"])
    #expect(try Self.summary(empty)["snapshots"] as? Int == 0)
    let build = try await SnapgenCLI.run(["build", tree.path, "--entry", "main.js", "-o", tree("a.bin"), "--cache-dir", cache])
    #expect(build.status == 0, "\(build)")
    let stats = try await SnapgenCLI.run(["cache", "stats", "--cache-dir", cache, "--json"])
    let counts = try Self.summary(stats)
    #expect(counts["snapshots"] as? Int == 1)
    #expect(counts["manifests"] as? Int == 1)
    #expect(counts["blobs"] as? Int == 2)
    let size = try #require(counts["bytes"] as? Int)
    #expect(size > (tree.contents(of: "a.bin")?.count ?? .max))
    let text = try await SnapgenCLI.run(["cache", "stats", "--cache-dir", cache])
    #expect(text.stdout.contains("1 snapshots, 1 build manifests"), "\(text)")
    let pruned = try await SnapgenCLI.run(["cache", "prune", "--cache-dir", cache, "--json"])
    let removed = try Self.summary(pruned)
    #expect(removed["removedBlobs"] as? Int == 2)
    #expect(removed["snapshots"] as? Int == 0)
    #expect(removed["bytes"] as? Int == 0)
  }

  @Test("a cache folder that cannot be created is one warning; the build succeeds")
  func unusableFolder() async throws {
    let tree = try TemporaryTree(["main.js": "globalThis.x = 1;\n", "blocker": "a file, not a folder"])
    let result = try await SnapgenCLI.run(
      ["build", tree.path, "--entry", "main.js", "-o", tree("a.bin"), "--cache-dir", tree("blocker/cache"), "--json"])
    #expect(result.status == 0, "\(result)")
    #expect(result.stderr.components(separatedBy: "warning: the local snapshot cache is not used").count == 2, "\(result)")
    #expect(tree.contents(of: "a.bin") != nil)
  }

  @Test("an unreachable remote cache is one warning; the build succeeds and fills the local cache")
  func unreachableRemote() async throws {
    let tree = try TemporaryTree(["main.js": "globalThis.cacheProbe = 'unreachable';\n"])
    let port = try ClosedPort()
    let result = try await SnapgenCLI.run(
      ["build", tree.path, "--entry", "main.js", "-o", tree("a.bin"), "--cache-dir", tree("cache"), "--json",
       "--remote-cache", "http://user:pa55word@127.0.0.1:\(port.number)/cache"],
      environment: ["SNAPGEN_REMOTE_CACHE_AUTHORIZATION": "Bearer s3cr3t-t0ken"])
    #expect(result.status == 0, "\(result)")
    #expect(try Self.summary(result)["cache"] as? String == "miss")
    let warnings = result.stderr.components(separatedBy: "warning: ").count - 1
    #expect(warnings == 1, "\(result)")
    #expect(result.stderr.contains("the remote snapshot cache is not used for this build"), "\(result)")
    #expect(!result.stderr.contains("pa55word") && !result.stderr.contains("s3cr3t"), "credentials printed: \(result)")
    let stats = try await SnapgenCLI.run(["cache", "stats", "--cache-dir", tree("cache"), "--json"])
    #expect(try Self.summary(stats)["snapshots"] as? Int == 1)
  }

  @Test("a remote cache that accepts connections and never answers times out with one warning")
  func hangingRemote() async throws {
    let tree = try TemporaryTree(["main.js": "globalThis.cacheProbe = 'hanging';\n"])
    let listener = try SilentListener()
    let result = try await SnapgenCLI.run(
      ["build", tree.path, "--entry", "main.js", "-o", tree("a.bin"), "--no-cache", "--json"], timeLimit: .seconds(120))
    #expect(result.status == 0, "\(result)")
    let hung = try await SnapgenCLI.run(
      ["build", tree.path, "--entry", "main.js", "-o", tree("b.bin"), "--cache-dir", tree("cache"), "--json",
       "--remote-cache", "http://127.0.0.1:\(listener.port)", "--remote-cache-timeout", "1"],
      timeLimit: .seconds(120))
    #expect(hung.status == 0, "\(hung)")
    #expect(!hung.timedOut)
    #expect(try Self.summary(hung)["cache"] as? String == "miss")
    #expect(hung.stderr.components(separatedBy: "warning: ").count == 2, "\(hung)")
    #expect(hung.stderr.contains("timed out") || hung.stderr.contains("Timeout"), "\(hung)")
    #expect(tree.contents(of: "a.bin") == tree.contents(of: "b.bin"))
  }
}

/// A loopback port nothing listens on (bound, then closed).
struct ClosedPort {
  var number: UInt16
  init() throws {
    let listener = try SilentListener()
    number = listener.port
  }
}

/// A loopback TCP listener that never accepts: connections complete in the kernel's backlog and
/// then wait forever for an answer. Closed when the value goes away.
final class SilentListener {
  let descriptor: Int32
  let port: UInt16

  init() throws {
    let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard descriptor >= 0 else { throw POSIXError(.EMFILE) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = 0
    let bound = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
    }
    guard bound == 0, listen(descriptor, 16) == 0 else {
      close(descriptor)
      throw POSIXError(.EADDRINUSE)
    }
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    _ = withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
    }
    self.descriptor = descriptor
    port = UInt16(bigEndian: address.sin_port)
  }

  deinit { close(descriptor) }
}
