import BundleResolver
import FoundationEssentials
import Glibc

/// What the cache remembers about a finished build so that the next build of the same
/// configuration can find its ``CacheKey`` without resolving the module graph ("direct mode",
/// after ccache's): the key, the files read, and every answer the file system gave the resolver.
///
/// Stored like a snapshot, under the ``directKey(for:)`` of the configuration (in `ac/`, with
/// the JSON in `cas/`), locally and remotely. It is used only when the file system still gives
/// every recorded answer (``FileSystemObservations/stillHold()``: same kinds, canonical paths,
/// folder listings and file digests) and the warm-up script is unchanged; resolution is a
/// function of those answers, so the graph and therefore the key would come out the same.
/// The snapshot it names then goes through every check of a normal hit.
struct BuildManifest: Codable, Sendable {
  /// The output path in the manifest's action record.
  static let outputPath = "snapgen-manifest.json"
  /// Bumped whenever the manifest's meaning changes.
  static let formatVersion = 1

  var formatVersion = BuildManifest.formatVersion
  var key: CacheKey
  /// The build's input files (for the depfile), as ``BuildOutput/inputFiles``.
  var inputFiles: [String]
  var observations: FileSystemObservations
  /// The SHA-256 of the warm-up script, when there is one.
  var warmupDigest: String?

  /// The manifest's own key: a digest of everything known before resolving — the whole
  /// configuration (root, entry points, options, ops, resolver settings; its remote cache URL
  /// aside), snapgen's and V8's versions, the platform and the op-table digest. nil in plugin
  /// mode (confined inputs) and when the configuration cannot be encoded.
  static func directKey(for configuration: BuildConfiguration) -> String? {
    guard configuration.resolver.confinedTo == nil, let manifest = try? configuration.opManifest() else { return nil }
    var stripped = configuration
    stripped.remoteCache = nil
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    guard let json = try? encoder.encode(stripped) else { return nil }
    var text = "snapgen-direct \(formatVersion)\nsnapgen \(SnapgenVersion.current) \(ExecutableIdentity.buildID)\nv8 \(V8Engine.version)\n"
    text += "platform \(Platform.current)\nops \(manifest.digest)\nconfig "
    return InputDigest.sha256(Array(text.utf8) + [UInt8](json))
  }

  /// The SHA-256 of a warm-up script's bytes (nil without one or when it cannot be read).
  static func warmupDigest(_ configuration: BuildConfiguration) -> String? {
    guard let path = configuration.warmup, let bytes = try? FileBytes.read(path) else { return nil }
    return InputDigest.sha256(bytes)
  }

  /// Whether this manifest applies to `configuration` on this file system right now.
  func applies(to configuration: BuildConfiguration) -> Bool {
    guard formatVersion == Self.formatVersion, let manifest = try? configuration.opManifest() else { return false }
    guard key.v8Version == V8Engine.version, key.platform == Platform.current, key.snapgenVersion == SnapgenVersion.current,
      key.snapgenBuild == ExecutableIdentity.buildID,
      key.v8Flags == configuration.v8Flags, key.options == configuration.options, key.opTableDigest == manifest.digest,
      key.baseDigest == nil
    else { return false }
    guard (configuration.warmup == nil) == (warmupDigest == nil) else { return false }
    if configuration.warmup != nil, Self.warmupDigest(configuration) != warmupDigest { return false }
    return observations.stillHold()
  }

  var encoded: [UInt8] {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    return (try? encoder.encode(self)).map { [UInt8]($0) } ?? []
  }

  static func decode(_ bytes: [UInt8]) -> BuildManifest? {
    try? JSONDecoder().decode(BuildManifest.self, from: Data(bytes))
  }
}
