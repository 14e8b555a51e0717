public import FoundationEssentials
import Glibc

/// The snapshot that shipped with a Swift module: the `snapshot.bin` that `SnapgenBuildPlugin`
/// builds at `swift build` time and SwiftPM copies into the module's resource bundle.
///
/// Code in the module passes its own `Bundle.module` through `SnapshotKitBundle`, which adds
/// ``init(resourceDirectory:)``'s `Bundle` form (SnapshotKit itself links only
/// FoundationEssentials, so that a runtime process does not load full Foundation):
///
/// ```swift
/// import SnapshotKitBundle
/// let runtime = try JSRuntime.boot(bundle: .module)
/// ```
public struct BundledSnapshot: Sendable, Equatable {
  /// The file name the build plugin gives the snapshot.
  public static let fileName = "snapshot.bin"

  /// Where the snapshot file is.
  public var url: URL

  /// The snapshot in a resource bundle's folder (`Bundle.module.bundleURL`): `snapshot.bin`
  /// directly inside it (Linux) or in its `Contents/Resources` (a Darwin bundle).
  ///
  /// Throws ``RuntimeError/io(_:)`` when the folder holds none, e.g. when `SnapgenBuildPlugin`
  /// is not applied to that module's target.
  public init(resourceDirectory: URL) throws(RuntimeError) {
    for candidate in [resourceDirectory, resourceDirectory.appending(path: "Contents/Resources")] {
      let file = candidate.appending(path: Self.fileName)
      var status = stat()
      if stat(file.path, &status) == 0, status.st_mode & S_IFMT == S_IFREG {
        self.url = file
        return
      }
    }
    throw .io(
      "no \(Self.fileName) in \(resourceDirectory.path): apply SnapgenBuildPlugin to the target that owns this bundle")
  }

  /// The snapshot that shipped with `module` of the package named `package`, looked up in that
  /// module's resource bundle beside `executable` (default: the running program), where
  /// `swift build` puts it; nil when there is none.
  ///
  /// For a program that cannot import the module that owns the snapshot, such as the tool that
  /// builds it. A module that can use its own `Bundle.module` should use `init(bundle:)` from
  /// `SnapshotKitBundle`.
  public static func beside(
    executable: URL? = runningExecutable, module: String, package: String
  ) -> BundledSnapshot? {
    guard let executable else { return nil }
    let folder = executable.resolvingSymlinksInPath().deletingLastPathComponent()
    // SwiftPM names the bundle <package>_<module>, with `.resources` on Linux and `.bundle` on Darwin.
    for suffix in ["resources", "bundle"] {
      let candidate = folder.appending(path: "\(package)_\(module).\(suffix)")
      if let snapshot = try? BundledSnapshot(resourceDirectory: candidate) { return snapshot }
    }
    return nil
  }

  /// The running program's file (`/proc/self/exe` on Linux, else its first argument).
  public static var runningExecutable: URL? {
    #if os(Linux)
    if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
      return URL(filePath: path)
    }
    #endif
    guard let first = CommandLine.arguments.first, !first.isEmpty else { return nil }
    return URL(filePath: first, relativeTo: URL(filePath: FileManager.default.currentDirectoryPath, directoryHint: .isDirectory))
      .absoluteURL
  }

  /// Reads, validates and boots this snapshot.
  public func boot(ops: OpRegistry = .standard) throws(RuntimeError) -> JSRuntime {
    try JSRuntime.boot(snapshotAt: url.path, ops: ops)
  }
}
