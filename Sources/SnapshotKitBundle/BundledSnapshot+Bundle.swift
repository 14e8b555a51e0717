public import Foundation
public import SnapshotKit

extension BundledSnapshot {
  /// The snapshot in `bundle`, usually the calling module's `Bundle.module`.
  ///
  /// Throws `RuntimeError.io` when the bundle holds none, e.g. when `SnapgenBuildPlugin`
  /// is not applied to that module's target.
  public init(bundle: Bundle) throws(RuntimeError) {
    try self.init(resourceDirectory: bundle.bundleURL)
  }
}

extension JSRuntime {
  /// Boots the snapshot that shipped in `bundle` (pass your module's `Bundle.module`); see
  /// `BundledSnapshot`.
  public static func boot(bundle: Bundle, ops: OpRegistry = .standard) throws(RuntimeError) -> JSRuntime {
    try BundledSnapshot(bundle: bundle).boot(ops: ops)
  }
}
