public import Foundation

/// The snapshot that shipped with a Swift module: the `snapshot.bin` that `SnapgenBuildPlugin`
/// builds at `swift build` time and SwiftPM copies into the module's resource bundle.
///
/// Code in the module passes its own `Bundle.module`:
///
/// ```swift
/// let runtime = try JSRuntime.boot(bundle: .module)
/// ```
public struct BundledSnapshot: Sendable, Equatable {
  /// The file name the build plugin gives the snapshot.
  public static let fileName = "snapshot.bin"

  /// Where the snapshot file is.
  public var url: URL

  /// The snapshot in `bundle`, usually the calling module's `Bundle.module`.
  ///
  /// Throws ``RuntimeError/io(_:)`` when the bundle holds none, e.g. when `SnapgenBuildPlugin`
  /// is not applied to that module's target.
  public init(bundle: Bundle) throws(RuntimeError) {
    guard let url = bundle.url(forResource: "snapshot", withExtension: "bin") else {
      throw .io(
        "no \(Self.fileName) in \(bundle.bundleURL.path): apply SnapgenBuildPlugin to the target that owns this bundle")
    }
    self.url = url
  }

  /// The snapshot that shipped with `module` of the package named `package`, looked up in that
  /// module's resource bundle beside `executable` (default: the running program), where
  /// `swift build` puts it; nil when there is none.
  ///
  /// For a program that cannot import the module that owns the snapshot, such as the tool that
  /// builds it. A module that can use its own `Bundle.module` should use ``init(bundle:)``.
  public static func beside(
    executable: URL? = Bundle.main.executableURL, module: String, package: String
  ) -> BundledSnapshot? {
    guard let executable else { return nil }
    let folder = executable.resolvingSymlinksInPath().deletingLastPathComponent()
    // SwiftPM names the bundle <package>_<module>, with `.resources` on Linux and `.bundle` on Darwin.
    for suffix in ["resources", "bundle"] {
      let candidate = folder.appending(path: "\(package)_\(module).\(suffix)")
      if let bundle = Bundle(url: candidate), let snapshot = try? BundledSnapshot(bundle: bundle) {
        return snapshot
      }
    }
    return nil
  }

  /// Reads, validates and boots this snapshot.
  public func boot(ops: OpRegistry = .standard) throws(RuntimeError) -> JSRuntime {
    try JSRuntime.boot(snapshotAt: url.path, ops: ops)
  }
}

extension JSRuntime {
  /// Boots the snapshot that shipped in `bundle` (pass your module's `Bundle.module`); see
  /// ``BundledSnapshot``.
  public static func boot(bundle: Bundle, ops: OpRegistry = .standard) throws(RuntimeError) -> JSRuntime {
    try BundledSnapshot(bundle: bundle).boot(ops: ops)
  }
}
