import Foundation
import SnapshotKit
import SnapshotKitBundle

/// The consumer's runtime: booted from the snapshot SnapgenBuildPlugin built from `js/`.
public enum ConsumerJS {
  /// A runtime with this package's JavaScript in place.
  public static func boot() throws(RuntimeError) -> JSRuntime {
    try JSRuntime.boot(bundle: .module)
  }
}
