import BundleResolver
import Foundation
import SnapgenTestSupport
@testable import SnapshotKit
import Testing

@Suite("snapshot cache", .serialized)
struct SnapshotCacheTests {
  init() throws { try Fixtures.prepareEngine() }

  // MARK: - Action records

  @Test("an action record round-trips through its protocol-buffer encoding")
  func recordRoundTrip() {
    let record = ActionRecord(sha256: String(repeating: "ab", count: 32), size: 300_000)
    #expect(ActionRecord.decode(record.encoded) == record)
    // ActionResult { output_files: [ { path: "snapshot.bin", digest: { hash, size_bytes } } ] }
    #expect(record.encoded.first == 0x12)
  }

  @Test("garbage, truncated or wrong-shaped records are refused")
  func recordGarbage() {
    let record = ActionRecord(sha256: String(repeating: "0f", count: 32), size: 10).encoded
    #expect(ActionRecord.decode(Array("not a cache entry".utf8)) == nil)
    #expect(ActionRecord.decode([]) == nil)
    for length in 1..<record.count { #expect(ActionRecord.decode(Array(record.prefix(length))) == nil, "prefix \(length)") }
    let shortHash = ActionRecord(sha256: "abc", size: 1).encoded
    #expect(ActionRecord.decode(shortHash) == nil)
    let upperHash = ActionRecord(sha256: String(repeating: "AB", count: 32), size: 1).encoded
    #expect(ActionRecord.decode(upperHash) == nil)
  }

  // MARK: - Keys

  @Test("the key changes with every field that determines the snapshot")
  func keyFields() throws {
    let root = try Fixtures.moduleTree(Fixtures.smallTree)
    defer { try? FileManager.default.removeItem(atPath: root) }
    let configuration = Fixtures.smallConfiguration(root: root)
    let graph = try configuration.resolveGraph()
    let manifest = try configuration.opManifest()
    let base = CacheKey(configuration: configuration, graph: graph, manifest: manifest)
    #expect(base.canonicalText.hasPrefix("snapgen-cache-key \(CacheKey.formatVersion)\n"))
    #expect(base.hex.count == 64)
    #expect(CacheKey(configuration: configuration, graph: graph, manifest: manifest).hex == base.hex)
    var variants: [CacheKey] = []
    var flagged = base
    flagged.v8Flags = ["--no-lazy"]
    variants.append(flagged)
    var layered = base
    layered.baseDigest = String(repeating: "0", count: 64)
    variants.append(layered)
    var cleared = base
    cleared.options.functionCode = .clear
    variants.append(cleared)
    var otherPlatform = base
    otherPlatform.platform = "linux-arm64"
    variants.append(otherPlatform)
    var otherOps = base
    otherOps.opTableDigest = String(repeating: "1", count: 64)
    variants.append(otherOps)
    var otherBuild = base
    otherBuild.snapgenBuild = "0123"
    variants.append(otherBuild)
    #expect(base.snapgenBuild.count >= 16 && base.snapgenBuild != "unknown", "the test binary has a GNU build ID")
    var otherV8 = base
    otherV8.v8Version = "10.2.0.0"
    variants.append(otherV8)
    var edited = configuration
    edited.options.compressionLevel = 3
    variants.append(CacheKey(configuration: edited, graph: graph, manifest: manifest))
    let hexes = Set(variants.map(\.hex) + [base.hex])
    #expect(hexes.count == variants.count + 1)
  }

  // MARK: - Local cache

  @Test("a stored entry is found; damaged, truncated or missing blobs are misses and removed")
  func localVerification() throws {
    let folder = try Fixtures.temporaryFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let cache = LocalCache(folder: folder)
    let key = String(repeating: "a", count: 64)
    let bytes = Array("snapshot bytes".utf8)
    try cache.store(bytes, for: key)
    #expect(cache.lookup(key) == bytes)
    let blob = cache.blobFolder + "/" + InputDigest.sha256(bytes)

    try Data("snapshot bytez".utf8).write(to: URL(fileURLWithPath: blob))
    #expect(cache.lookup(key) == nil)
    #expect(!FileManager.default.fileExists(atPath: blob), "a blob that fails its digest is deleted")

    try cache.store(bytes, for: key)
    try Data("snapshot".utf8).write(to: URL(fileURLWithPath: blob))
    #expect(cache.lookup(key) == nil)

    try cache.store(bytes, for: key)
    try FileManager.default.removeItem(atPath: blob)
    #expect(cache.lookup(key) == nil)
    #expect(cache.record(for: key) == nil, "a record whose blob is gone is deleted")

    try Data("garbage".utf8).write(to: URL(fileURLWithPath: cache.actionFolder + "/" + key))
    #expect(cache.lookup(key) == nil)
    #expect(cache.lookup("../../etc/passwd") == nil)
  }

  @Test("over its cap the cache evicts the least recently used snapshots")
  func eviction() throws {
    let folder = try Fixtures.temporaryFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let entry = [UInt8](repeating: 1, count: 1000)
    let keys = ["1", "2", "3"].map { String(repeating: $0, count: 64) }
    let values = (0..<3).map { entry + [UInt8($0)] }
    let roomy = LocalCache(folder: folder, maximumBytes: 1 << 20)
    for (key, value) in zip(keys, values) { try roomy.store(value, for: key) }
    // Make the use order explicit: 2 oldest, then 1, then 3 (file times, not sleeps).
    for (index, key) in [keys[1], keys[0], keys[2]].enumerated() {
      let date = Date(timeIntervalSince1970: 1_000_000 + Double(index) * 100)
      let sha = InputDigest.sha256(values[keys.firstIndex(of: key)!])
      try FileManager.default.setAttributes([.modificationDate: date], ofItemAtPath: roomy.blobFolder + "/" + sha)
    }
    let result = try roomy.prune(toBytes: 2500)
    #expect(result.removedBlobs == 1)
    #expect(roomy.lookup(keys[1]) == nil)
    #expect(roomy.lookup(keys[0]) == values[0])
    #expect(roomy.lookup(keys[2]) == values[2])
    #expect(try roomy.usage().snapshots == 2)
    #expect(try roomy.usage().bytes <= 2500)

    // A store that takes the cache over its cap evicts by itself, the entry it stored last.
    let tight = LocalCache(folder: folder, maximumBytes: 1500)
    try tight.store(entry + [9], for: String(repeating: "4", count: 64))
    #expect(try tight.usage().bytes <= 1500)
    #expect(tight.lookup(String(repeating: "4", count: 64)) == entry + [9])

    let emptied = try tight.prune(toBytes: 0)
    #expect(emptied.remaining == LocalCache.Usage(snapshots: 0, manifests: 0, blobs: 0, bytes: 0))
  }

  @Test("concurrent stores and lookups of one key never see a partial entry")
  func concurrentStores() async throws {
    let folder = try Fixtures.temporaryFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let cache = LocalCache(folder: folder)
    let key = String(repeating: "c", count: 64)
    let value = [UInt8]((0..<200_000).map { UInt8($0 % 251) })
    let seen = await withTaskGroup(of: [UInt8]?.self) { group in
      for index in 0..<16 {
        group.addTask {
          if index % 2 == 0 { try? cache.store(value, for: key) }
          return cache.lookup(key)
        }
      }
      var results: [[UInt8]?] = []
      for await result in group { results.append(result) }
      return results
    }
    for result in seen { #expect(result == nil || result == value) }
    #expect(cache.lookup(key) == value)
    #expect(try cache.usage().snapshots == 1)
  }

  // MARK: - Through the pipeline

  @Test("a second build is served from the local cache; a damaged entry is rebuilt, never served")
  func pipelineHits() throws {
    let root = try Fixtures.moduleTree(Fixtures.smallTree)
    let folder = try Fixtures.temporaryFolder()
    defer {
      try? FileManager.default.removeItem(atPath: root)
      try? FileManager.default.removeItem(atPath: folder)
    }
    var pipeline = SnapshotPipeline(configuration: Fixtures.smallConfiguration(root: root))
    pipeline.cacheSettings = CacheSettings(folder: folder)
    let cold = try pipeline.run()
    #expect(cold.cache == .miss)
    let warm = try pipeline.run()
    #expect(warm.cache == .hitLocal)
    #expect(warm.file.serialized() == cold.file.serialized())
    #expect(warm.inputFiles == cold.inputFiles)

    // Corrupt the payload inside the stored blob and fix up its name so the digest matches:
    // the snapshot file's own checks must still refuse it.
    let cache = LocalCache(folder: folder)
    // The snapshot's record (the other one is the build manifest of direct mode).
    let names = try FileManager.default.contentsOfDirectory(atPath: cache.actionFolder).filter { !$0.hasPrefix(".") }
    let snapshotRecords = names.filter { cache.record(for: $0) != nil }
    #expect(snapshotRecords.count == 1)
    let record = try #require(cache.record(for: snapshotRecords[0]))
    var bytes = try #require(FileManager.default.contents(atPath: cache.blobFolder + "/" + record.sha256)).map { $0 }
    bytes[bytes.count - 10] ^= 0xFF
    let forged = InputDigest.sha256(bytes)
    try Data(bytes).write(to: URL(fileURLWithPath: cache.blobFolder + "/" + forged))
    try Data(ActionRecord(sha256: forged, size: bytes.count).encoded).write(to: URL(fileURLWithPath: cache.actionFolder + "/" + snapshotRecords[0]))
    let rebuilt = try pipeline.run()
    #expect(rebuilt.cache == .miss)
    #expect(rebuilt.file.serialized() == cold.file.serialized())

    // A changed module is a different key.
    try Data("export function double(x) { return x * 3; }\n".utf8).write(to: URL(fileURLWithPath: root + "/lib/math.js"))
    let changed = try pipeline.run()
    #expect(changed.cache == .miss)
    #expect(changed.file.metadata.inputDigest != cold.file.metadata.inputDigest)
  }

  @Test("a cached snapshot whose metadata names other inputs is refused")
  func metadataMismatch() throws {
    let file = try Fixtures.smallSnapshot()
    let root = try Fixtures.moduleTree(Fixtures.smallTree)
    defer { try? FileManager.default.removeItem(atPath: root) }
    let configuration = Fixtures.smallConfiguration(root: root)
    var key = CacheKey(configuration: configuration, graph: try configuration.resolveGraph(), manifest: try configuration.opManifest())
    #expect(SnapshotCache.accept(file.serialized(), for: key) != nil)
    key.inputDigest = String(repeating: "0", count: 64)
    #expect(SnapshotCache.accept(file.serialized(), for: key) == nil)
    #expect(SnapshotCache.accept(Array(file.serialized().dropLast(5)), for: key) == nil)
  }

  // MARK: - Settings

  @Test("settings come from options, then the environment, then the config; bad values are named")
  func settings() throws {
    var choices = CacheSettings.Choices()
    let environment = ["HOME": "/nonexistent/someone", "XDG_CACHE_HOME": "/var/cache/someone"]
    #expect(try CacheSettings.resolve(choices, environment: environment)?.folder == "/var/cache/someone/snapgen")
    #expect(try CacheSettings.resolve(choices, environment: ["HOME": "/nonexistent/someone"])?.folder == "/nonexistent/someone/.cache/snapgen")
    #expect(try CacheSettings.resolve(choices, environment: ["SNAPGEN_NO_CACHE": "1"]) == nil)
    let remote = try CacheSettings.resolve(choices, configuredRemoteURL: "http://cache.example/snapgen/", environment: environment)
    #expect(remote?.remote?.url == "http://cache.example/snapgen")
    let fromEnvironment = try CacheSettings.resolve(
      choices, configuredRemoteURL: "http://config.example",
      environment: ["SNAPGEN_REMOTE_CACHE": "https://env.example", "SNAPGEN_REMOTE_CACHE_READ_ONLY": "1"])
    #expect(fromEnvironment?.remote?.url == "https://env.example")
    #expect(fromEnvironment?.remote?.readOnly == true)
    choices.remoteURL = "ftp://cache.example"
    #expect(throws: DiagnosticError.self) { try CacheSettings.resolve(choices, environment: environment) }
    choices.remoteURL = nil
    choices.maximumSize = "12Q"
    #expect(throws: DiagnosticError.self) { try CacheSettings.resolve(choices, environment: environment) }
    #expect(CacheSettings.parseSize("500M") == 500 << 20)
    #expect(CacheSettings.parseSize("2g") == 2 << 30)
    #expect(CacheSettings.parseSize("0") == nil)
    #expect(CacheSettings.parseSize("99999999999999999G") == nil)
    let secret = try RemoteCacheSettings(url: "https://user:hunter2@cache.example/x")
    #expect(secret.displayURL == "https://***@cache.example/x")
  }
}
