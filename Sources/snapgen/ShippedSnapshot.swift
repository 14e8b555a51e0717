import ArgumentParser
import FoundationEssentials
import Glibc
import SnapshotKit

/// The snapshot `snapgen run` boots when no `--snapshot` is given: the one SnapgenBuildPlugin
/// built for this package's InternalJS target, found in its resource bundle beside snapgen.
///
/// snapgen cannot import InternalJS to ask its `Bundle.module`: the plugin that builds the
/// snapshot runs snapgen, so that dependency would be a cycle.
enum ShippedSnapshot {
  static func path() throws -> String {
    guard let snapshot = BundledSnapshot.beside(module: "InternalJS", package: "snapgen") else {
      Terminal.error(
        "error: no snapshot given and none shipped beside snapgen: pass --snapshot snapshot.bin, "
          + "or run `swift build` so SnapgenBuildPlugin builds InternalJS's snapshot")
      throw ExitCode.failure
    }
    return snapshot.url.path
  }
}
