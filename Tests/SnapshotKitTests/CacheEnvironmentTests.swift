import BundleResolver
import Foundation
import SnapgenTestSupport
import SnapshotKit
import Testing

/// Garbage in the cache's environment variables is refused by name: `SNAPGEN_NO_CACHE=true`
/// used to be ignored (the cache stayed on), and a bad `SNAPGEN_REMOTE_CACHE` or time-out was
/// reported without saying which variable held it.
@Suite("cache environment variables")
struct CacheEnvironmentTests {
  private let home = ["HOME": "/nonexistent/someone"]

  private func message(_ environment: [String: String]) -> String? {
    do {
      _ = try CacheSettings.resolve(CacheSettings.Choices(), environment: home.merging(environment) { $1 })
      return nil
    } catch {
      return error.diagnostics.first?.message
    }
  }

  @Test("on/off variables take 1 or 0 (or empty) and refuse anything else by name")
  func switches() throws {
    #expect(try CacheSettings.resolve(CacheSettings.Choices(), environment: home.merging(["SNAPGEN_NO_CACHE": "0"]) { $1 }) != nil)
    #expect(try CacheSettings.resolve(CacheSettings.Choices(), environment: home.merging(["SNAPGEN_NO_CACHE": ""]) { $1 }) != nil)
    #expect(message(["SNAPGEN_NO_CACHE": "true"]) == "SNAPGEN_NO_CACHE must be 1 (on) or 0 (off), not 'true'")
    #expect(
      message(["SNAPGEN_REMOTE_CACHE": "http://cache.example", "SNAPGEN_REMOTE_CACHE_READ_ONLY": "yes"])
        == "SNAPGEN_REMOTE_CACHE_READ_ONLY must be 1 (on) or 0 (off), not 'yes'")
    let readOnly = try CacheSettings.resolve(
      CacheSettings.Choices(),
      environment: home.merging(["SNAPGEN_REMOTE_CACHE": "http://cache.example", "SNAPGEN_REMOTE_CACHE_READ_ONLY": "0"]) { $1 })
    #expect(readOnly?.remote?.readOnly == false)
  }

  @Test("a bad remote URL or time-out names the variable it came from")
  func remoteValues() {
    #expect(message(["SNAPGEN_REMOTE_CACHE": "ftp://cache.example"]) == "SNAPGEN_REMOTE_CACHE: the remote cache URL must start with http:// or https://")
    #expect(
      message(["SNAPGEN_REMOTE_CACHE": "http://cache.example", "SNAPGEN_REMOTE_CACHE_TIMEOUT": "-3"])
        == "SNAPGEN_REMOTE_CACHE_TIMEOUT must be a whole number of seconds from 1 to 3600, not '-3'")
    var choices = CacheSettings.Choices()
    choices.remoteURL = "http://"
    do {
      _ = try CacheSettings.resolve(choices, environment: home)
      Issue.record("a URL without a host was accepted")
    } catch {
      #expect(error.diagnostics.first?.message == "--remote-cache: the remote cache URL names no host")
    }
  }

  @Test("a cache folder that is a file is an error for stats, not an empty cache")
  func folderIsAFile() throws {
    let tree = try TemporaryTree(["cache": "not a folder\n"])
    #expect(throws: LocalCache.Failure.self) { try LocalCache(folder: tree("cache")).usage() }
    // Its format folder a file, or the folder a symbolic link loop.
    try tree.write(["other/v1": "not a folder\n"])
    #expect(throws: LocalCache.Failure.self) { try LocalCache(folder: tree("other")).usage() }
    try FileManager.default.createSymbolicLink(atPath: tree("loop-a"), withDestinationPath: "loop-b")
    try FileManager.default.createSymbolicLink(atPath: tree("loop-b"), withDestinationPath: "loop-a")
    #expect(throws: LocalCache.Failure.self) { try LocalCache(folder: tree("loop-a")).usage() }
    // A missing folder is an empty cache.
    #expect(try LocalCache(folder: tree("missing")).usage().snapshots == 0)
  }
}
