import Foundation

/// Paths inside this repository, found from this source file's location (no machine paths).
public enum Repository {
  /// The package root (the folder holding Package.swift).
  public static var root: String {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url = url.deletingLastPathComponent() }
    return url.path
  }

  /// `Tests/Fixtures`, the on-disk fixtures shared by the test targets.
  public static var fixtures: String { root + "/Tests/Fixtures" }

  /// The runtime's own JavaScript project, `internal-js`.
  public static var internalJS: String { root + "/internal-js" }

  /// The folder holding the built products (`snapgen`, `snapgen-embedder-example`, …): the
  /// nearest ancestor of the running test binary that contains `snapgen`.
  public static var binFolder: String {
    var folder = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
    while folder.path != "/" && !FileManager.default.fileExists(atPath: folder.appendingPathComponent("snapgen").path) {
      folder = folder.deletingLastPathComponent()
    }
    return folder.path
  }
}
