import Foundation

/// The snapshot cache folder every `snapgen` a test starts uses unless the test names another:
/// one per test process, under the temporary folder, so tests never read or fill the user's own
/// cache and every build in the suite also exercises the cache (a key that missed an input
/// would serve a wrong snapshot to a later test). Removed when the test process exits.
public enum TestCacheFolder {
  /// The folder (created on first use).
  public static let path: String = {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("snapgen-test-cache-\(getpid())")
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    atexit { try? FileManager.default.removeItem(atPath: TestCacheFolder.path) }
    return url.path
  }()
}
