public import BundleResolver
import FoundationEssentials
import Glibc

/// Where a build's snapshot came from.
public enum CacheOutcome: String, Codable, Sendable {
  /// Found in the local cache.
  case hitLocal = "hit-local"
  /// Found in the remote cache (and now stored locally too).
  case hitRemote = "hit-remote"
  /// Built, then stored in the caches.
  case miss
  /// No cache was consulted.
  case disabled
}

/// The local and remote caches as one: looks a key up locally, then remotely; stores a fresh
/// build in both. A snapshot is served only after its bytes match their digest, the snapshot
/// file parses with every check of ``SnapshotFile/parse(_:)`` and its metadata names the same
/// inputs, V8, flags, platform, op table and options as the key. Nothing here fails a build: a
/// cache that cannot be used adds one warning and is left alone for the rest of the build.
public final class SnapshotCache: @unchecked Sendable {
  public let settings: CacheSettings
  private var local: LocalCache?
  private var remote: RemoteCache?
  /// Warnings met on the way (one per cache at most).
  public private(set) var warnings: [Diagnostic] = []

  /// Creates the caches the settings name; the remote's authorization header is read from
  /// `environment`.
  public convenience init(settings: CacheSettings) {
    self.init(settings: settings, environment: ProcessInfo.processInfo.environment)
  }

  /// Creates the caches the settings name, reading the authorization header from `environment`.
  public init(settings: CacheSettings, environment: [String: String]) {
    self.settings = settings
    local = settings.folder.map { LocalCache(folder: $0, maximumBytes: settings.maximumBytes) }
    remote = settings.remote.map {
      RemoteCache(settings: $0, authorization: environment[CacheSettings.Variable.remoteAuthorization].flatMap { $0.isEmpty ? nil : $0 })
    }
  }

  /// The snapshot stored under a key, checked, and where it was found.
  public func lookup(_ key: CacheKey) -> (file: SnapshotFile, outcome: CacheOutcome)? {
    let hex = key.hex
    if let bytes = local?.lookup(hex), let file = Self.accept(bytes, for: key) {
      return (file, .hitLocal)
    }
    guard let cache = remote else { return nil }
    let blob: DigestedBytes?
    do { blob = try cache.getDigested(hex) } catch {
      disableRemote(error)
      return nil
    }
    guard let blob, let file = Self.accept(blob.bytes, for: key) else { return nil }
    storeLocally(blob, hex)
    return (file, .hitRemote)
  }

  /// Stores a freshly built snapshot (unsigned) under its key.
  public func store(_ file: SnapshotFile, for key: CacheKey) {
    let blob = DigestedBytes(file.serialized())
    let hex = key.hex
    storeLocally(blob, hex)
    if let cache = remote, !cache.settings.readOnly {
      do { try cache.put(blob, for: hex) } catch { disableRemote(error) }
    }
  }

  /// The build manifest stored under a direct key (local first, then remote), if any.
  func manifest(_ directKey: String) -> BuildManifest? {
    if let bytes = local?.lookup(directKey, path: BuildManifest.outputPath), let manifest = BuildManifest.decode(bytes) {
      return manifest
    }
    guard let cache = remote else { return nil }
    do {
      guard let blob = try cache.getDigested(directKey, path: BuildManifest.outputPath),
        let manifest = BuildManifest.decode(blob.bytes)
      else { return nil }
      try? local?.store(blob, for: directKey, path: BuildManifest.outputPath)
      return manifest
    } catch {
      disableRemote(error)
      return nil
    }
  }

  /// Stores a build manifest under its direct key, locally and (unless read-only) remotely.
  func storeManifest(_ manifest: BuildManifest, directKey: String) {
    let bytes = manifest.encoded
    guard !bytes.isEmpty else { return }
    let blob = DigestedBytes(bytes)
    try? local?.store(blob, for: directKey, path: BuildManifest.outputPath)
    if let cache = remote, !cache.settings.readOnly {
      do { try cache.put(blob, for: directKey, path: BuildManifest.outputPath) } catch { disableRemote(error) }
    }
  }

  /// Whether the remote cache is still in use (false after a failure disabled it).
  var remoteInUse: Bool { remote != nil }

  /// The bytes as a snapshot, or nil when they are not the snapshot this key names.
  static func accept(_ bytes: [UInt8], for key: CacheKey) -> SnapshotFile? {
    guard let file = try? SnapshotFile.parse(bytes), file.signature == nil, key.describes(file.metadata) else { return nil }
    return file
  }

  private func storeLocally(_ blob: DigestedBytes, _ hex: String) {
    guard let cache = local else { return }
    do { try cache.store(blob, for: hex) } catch {
      warnings.append(Diagnostic(.warning, "the local snapshot cache is not used: \(error.description)"))
      local = nil
    }
  }

  private func disableRemote(_ error: RemoteCacheError) {
    warnings.append(Diagnostic(.warning, "the remote snapshot cache is not used for this build: \(error.description)"))
    remote = nil
  }
}
