public import BundleResolver
import SnapgenCrypto

/// The identity of a build in the snapshot cache: a SHA-256 over a canonical, versioned text
/// naming everything that determines the snapshot's bytes.
///
/// The text is one `name value` line per field, in a fixed order, starting with the key format
/// version (``formatVersion``): a change to what goes in bumps it, so old entries are never read
/// under a new meaning. The fields are the ``InputDigest`` (snapgen's version, the effective
/// configuration with every build option, every module's name and bytes, the warm-up script),
/// V8's version and flags, the platform, the op-table digest, snapgen's version and build ID
/// (the GNU build ID of the running executable), the build
/// options again (cheap, and it keeps the key complete even if the input digest changes shape),
/// and the digest of the base snapshot an app snapshot is layered on (`none` until layered
/// snapshots exist).
public struct CacheKey: Codable, Sendable, Equatable {
  /// Bumped whenever the fields or their encoding change.
  public static let formatVersion = 1

  public var inputDigest: String
  public var v8Version: String
  public var v8Flags: [String]
  public var platform: String
  public var opTableDigest: String
  public var snapgenVersion: String
  /// The running executable's GNU build ID: snapgens built from other
  /// sources never share entries, whatever their version string says.
  public var snapgenBuild: String
  public var options: BuildOptions
  /// The SHA-256 of the base snapshot's payload for a layered (app) snapshot; nil for a whole
  /// snapshot. (The input digest covers the base too.)
  public var baseDigest: String?

  /// The key for a configuration, its resolved graph and op manifest, in this process's V8.
  public init(
    configuration: BuildConfiguration, graph: ModuleGraph, manifest: OpManifest, base: SnapshotMetadata.BaseRecord? = nil
  ) {
    inputDigest = InputDigest.compute(configuration: configuration, graph: graph, base: base)
    v8Version = V8Engine.version
    v8Flags = configuration.v8Flags
    platform = Platform.current
    opTableDigest = manifest.digest
    snapgenVersion = SnapgenVersion.current
    snapgenBuild = ExecutableIdentity.buildID
    options = configuration.options
    baseDigest = base?.payloadDigest
  }

  /// The canonical text the key hashes.
  public var canonicalText: String {
    var lines = ["snapgen-cache-key \(Self.formatVersion)"]
    lines.append("input \(inputDigest)")
    lines.append("v8 \(v8Version)")
    lines.append("v8Flags \(v8Flags.count)")
    lines += v8Flags.map { "flag \($0.utf8.count):\($0)" }
    lines.append("platform \(platform)")
    lines.append("ops \(opTableDigest)")
    lines.append("snapgen \(snapgenVersion)")
    lines.append("snapgenBuild \(snapgenBuild)")
    lines.append("functionCode \(options.functionCode.rawValue)")
    lines.append("codec \(options.codec.name) level \(options.compressionLevel)")
    lines.append("deterministic \(options.deterministic)")
    lines.append("base \(baseDigest ?? "none")")
    return lines.joined(separator: "\n") + "\n"
  }

  /// The key as 64 lowercase hex digits (the name of its action-cache entry).
  public var hex: String { SHA256.hash(data: Array(canonicalText.utf8)).hexString }

  /// Whether a snapshot's own metadata agrees with this key (a second check after the digest).
  func describes(_ metadata: SnapshotMetadata) -> Bool {
    metadata.inputDigest == inputDigest && metadata.v8Version == v8Version && metadata.v8Flags == v8Flags
      && metadata.platform == platform && metadata.opTableDigest == opTableDigest
      && metadata.snapgenVersion == snapgenVersion && metadata.options == options
  }
}
