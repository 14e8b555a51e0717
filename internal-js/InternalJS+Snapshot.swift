import Foundation
public import SnapshotKit
import SnapshotKitBundle

extension InternalJS {
  /// The snapshot of this module's JavaScript that shipped with it: `SnapgenBuildPlugin`
  /// builds it from `snapgen.json` on every `swift build` whose inputs changed.
  public static func snapshot() throws(RuntimeError) -> BundledSnapshot {
    try BundledSnapshot(bundle: .module)
  }

  /// Boots a runtime from ``snapshot()`` with `ops` bound (by default the standard ops, which
  /// the snapshot was built against).
  public static func boot(ops: OpRegistry = .standard) throws(RuntimeError) -> JSRuntime {
    try JSRuntime.boot(bundle: .module, ops: ops)
  }
}
