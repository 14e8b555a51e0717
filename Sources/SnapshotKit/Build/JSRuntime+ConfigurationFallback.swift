import BundleResolver
public import SnapgenCrypto

extension JSRuntime {
  /// Boots from the snapshot at `path`, or from the sources a build configuration names
  /// (resolved with all of its resolver options: schemes, import map, package roots …).
  public static func boot(
    snapshotAt path: String, orSources configuration: BuildConfiguration, ops: OpRegistry = .standard,
    trustedKeys: [Ed25519.PublicKey] = []
  ) throws(RuntimeError) -> BootResult {
    try boot(
      snapshotAt: path, orSources: { () throws(DiagnosticError) in try configuration.resolveGraph() }, ops: ops,
      trustedKeys: trustedKeys)
  }
}
