import Synchronization

/// Holds an ``OpManifest``'s digest once computed. Copies of a manifest share it; a manifest
/// with another table gets a new cache.
final class OpManifestDigestCache: Sendable {
  private let digest = Mutex<String?>(nil)

  /// The kept digest, or `compute()`'s result, kept for next time.
  func value(_ compute: () -> String) -> String {
    if let known = digest.withLock({ $0 }) { return known }
    let computed = compute()
    digest.withLock { $0 = computed }
    return computed
  }
}
