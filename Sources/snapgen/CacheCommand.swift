import ArgumentParser
import BundleResolver
import FoundationEssentials
import Glibc
import SnapshotKit

/// `snapgen cache`: look at and trim the local snapshot cache.
struct CacheCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "cache",
    abstract: "Show or trim the local snapshot cache.",
    subcommands: [CacheStatsCommand.self, CachePruneCommand.self])
}

/// Which local cache a `snapgen cache` subcommand works on.
struct CacheFolderOptions: ParsableArguments {
  @Option(help: ArgumentHelp("The cache folder (default $SNAPGEN_CACHE_DIR, $XDG_CACHE_HOME/snapgen or ~/.cache/snapgen).", valueName: "folder"))
  var cacheDir: String?

  @Flag(help: "Print JSON on stdout.")
  var json = false

  func cache(maximumBytes: Int64 = CacheSettings.defaultMaximumBytes) throws -> LocalCache {
    guard let folder = cacheDir.map(FilePaths.absolute) ?? CacheSettings.defaultFolder(environment: ProcessInfo.processInfo.environment) else {
      Terminal.error("error: no cache folder: set HOME, XDG_CACHE_HOME or SNAPGEN_CACHE_DIR, or pass --cache-dir")
      throw ExitCode.failure
    }
    return LocalCache(folder: FilePaths.absolute(folder), maximumBytes: maximumBytes)
  }

  func print(_ fields: [String: JSONField], text: String) throws {
    if json {
      Terminal.out(try fields.sortedJSON())
    } else {
      Terminal.out(text)
    }
  }
}

/// `snapgen cache stats`.
struct CacheStatsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "stats", abstract: "Count the snapshots in the local cache and their size.")

  @OptionGroup var options: CacheFolderOptions

  func run() throws {
    let cache = try options.cache()
    let usage: LocalCache.Usage
    do { usage = try cache.usage() } catch {
      Terminal.error("\(cache.folder): error: \(error.description)")
      throw ExitCode.failure
    }
    try options.print(
      [
        "folder": .string(cache.folder), "snapshots": .integer(usage.snapshots), "manifests": .integer(usage.manifests),
        "blobs": .integer(usage.blobs), "bytes": .integer(Int64(usage.bytes)),
      ],
      text: "\(cache.folder): \(usage.snapshots) snapshots, \(usage.manifests) build manifests, \(Double.byteCount(Int(usage.bytes)))")
  }
}

/// `snapgen cache prune`.
struct CachePruneCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "prune", abstract: "Remove least recently used snapshots until the cache fits a size (default: empty it).")

  @OptionGroup var options: CacheFolderOptions

  @Option(parsing: .unconditional, help: ArgumentHelp("Keep at most this much, e.g. 500M (default 0: remove everything).", valueName: "size"))
  var maxSize: String = "0"

  func run() throws {
    let limit: Int64
    if maxSize == "0" { limit = 0 } else if let bytes = CacheSettings.parseSize(maxSize) { limit = bytes } else {
      throw ValidationError("--max-size must be a size such as 500M, 2G or a number of bytes, not '\(maxSize)'")
    }
    let cache = try options.cache()
    let result: LocalCache.PruneResult
    do { result = try cache.prune(toBytes: limit) } catch {
      Terminal.error("\(cache.folder): error: \(error.description)")
      throw ExitCode.failure
    }
    try options.print(
      [
        "folder": .string(cache.folder), "removedBlobs": .integer(result.removedBlobs),
        "removedBytes": .integer(Int64(result.removedBytes)), "snapshots": .integer(result.remaining.snapshots),
        "bytes": .integer(Int64(result.remaining.bytes)),
      ],
      text: "\(cache.folder): removed \(result.removedBlobs) blobs (\(Double.byteCount(Int(result.removedBytes)))); "
        + "\(result.remaining.snapshots) snapshots left, \(Double.byteCount(Int(result.remaining.bytes)))")
  }
}
