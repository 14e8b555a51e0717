import Foundation
import SnapshotKit
import SnapshotKitBundle

/// The consumer's app: its JavaScript (`js/`) built by SnapgenBuildPlugin into an app snapshot
/// on top of ConsumerJS's snapshot (`"base": "target:ConsumerJS"` in its snapgen.json).
public enum ConsumerApp {
  /// Boots the app snapshot and calls its main function with `arguments`; returns the runtime
  /// (for the caller to inspect what main did) and main's exit code.
  public static func run(_ arguments: [String]) throws -> (runtime: JSRuntime, exitCode: Int32) {
    let snapshot = try BundledSnapshot(bundle: .module)
    let file = try SnapshotFile.load(contentsOf: snapshot.url.path)
    guard let main = file.metadata.main else {
      throw RuntimeError.io("\(snapshot.url.path) has no main function")
    }
    let runtime = try JSRuntime.boot(from: file, ops: .standard)
    let code = try runtime.runMain(function: main, arguments: arguments)
    return (runtime, code)
  }
}
