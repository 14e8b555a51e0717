public import BundleResolver
import SnapgenCrypto

/// The digest of everything a snapshot is built from: snapgen's version, the effective
/// configuration and the graph (every module's name and bytes, every edge). Equal digests mean an up-to-date snapshot.
public enum InputDigest {
  /// The hex SHA-256 for a configuration and its resolved graph.
  public static func compute(
    configuration: BuildConfiguration, graph: ModuleGraph, base: SnapshotMetadata.BaseRecord? = nil
  ) -> String {
    var hasher = SHA256()
    func add(_ text: String) { hasher.update(data: Array(text.utf8) + [0]) }
    add("snapgen \(SnapgenVersion.current)")
    add(configuration.canonicalDescription)
    graph.digest(into: &hasher)
    if let warmup = configuration.warmup {
      let bytes = (try? FileBytes.read(warmup)) ?? []
      add("warmup \(bytes.count)")
      hasher.update(data: bytes)
    }
    if let base { add("base \(base.inputDigest) \(base.payloadDigest)") }
    return hasher.finalize().hexString
  }

  /// The hex SHA-256 of some bytes.
  public static func sha256(_ bytes: [UInt8]) -> String {
    SHA256.hash(data: bytes).hexString
  }
}

/// snapgen's own version, recorded in every snapshot.
public enum SnapgenVersion {
  public static let current = "0.1.0"
}
