import ArgumentParser
import BundleResolver
import FoundationEssentials
import Glibc
import SnapshotKit

/// The snapshot cache options of `snapgen build` (each has an environment equivalent, see
/// ``CacheSettings/Variable``).
struct CacheOptions: ParsableArguments {
  @Flag(help: "Build without consulting or filling any snapshot cache (also SNAPGEN_NO_CACHE=1).")
  var noCache = false

  @Option(help: ArgumentHelp(
    "The local snapshot cache folder (default $SNAPGEN_CACHE_DIR, $XDG_CACHE_HOME/snapgen or ~/.cache/snapgen).",
    valueName: "folder"))
  var cacheDir: String?

  @Option(parsing: .unconditional, help: ArgumentHelp("The local cache's size cap, e.g. 500M or 2G (default 2G; also SNAPGEN_CACHE_MAX_SIZE).", valueName: "size"))
  var cacheMaxSize: String?

  @Option(help: ArgumentHelp(
    "A Bazel HTTP cache (bazel-remote, nginx WebDAV …) to share snapshots through (also SNAPGEN_REMOTE_CACHE or \"remoteCache\" in snapgen.json); "
      + "the Authorization header comes from SNAPGEN_REMOTE_CACHE_AUTHORIZATION.",
    valueName: "url"))
  var remoteCache: String?

  @Flag(help: "Read from the remote cache but never upload (also SNAPGEN_REMOTE_CACHE_READ_ONLY=1).")
  var remoteCacheReadOnly = false

  @Option(help: ArgumentHelp("Seconds one remote cache request may take (default 30; also SNAPGEN_REMOTE_CACHE_TIMEOUT).", valueName: "seconds"))
  var remoteCacheTimeout: Int?

  func validate() throws {
    if let cacheMaxSize, CacheSettings.parseSize(cacheMaxSize) == nil {
      throw ValidationError("--cache-max-size must be a size such as 500M, 2G or a number of bytes, not '\(cacheMaxSize)'")
    }
    if let remoteCacheTimeout, !(1...3600).contains(remoteCacheTimeout) {
      throw ValidationError("--remote-cache-timeout must be from 1 to 3600 seconds, not \(remoteCacheTimeout)")
    }
    if let remoteCache {
      do { _ = try RemoteCacheSettings(url: remoteCache) } catch { throw ValidationError("--remote-cache: \(error.description)") }
    }
  }

  /// The settings these options, the environment and the config's `remoteCache` key describe.
  func settings(configuredRemoteURL: String?) throws(DiagnosticError) -> CacheSettings? {
    var choices = CacheSettings.Choices()
    choices.disabled = noCache
    choices.folder = cacheDir.map { FilePaths.absolute($0) }
    choices.maximumSize = cacheMaxSize
    choices.remoteURL = remoteCache
    choices.remoteReadOnly = remoteCacheReadOnly
    choices.remoteTimeoutSeconds = remoteCacheTimeout
    return try CacheSettings.resolve(choices, configuredRemoteURL: configuredRemoteURL, environment: ProcessInfo.processInfo.environment)
  }
}
