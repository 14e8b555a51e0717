import BundleResolver

/// The cache's part in one ``SnapshotBuilder/build()``: after resolution, the key is computed
/// and looked up; after a miss, the fresh snapshot is stored.
struct CachedBuild {
  var cache: SnapshotCache
  var key: CacheKey
  var graph: ModuleGraph

  /// nil when no cache is configured.
  init?(settings: CacheSettings?, configuration: BuildConfiguration, graph: ModuleGraph, manifest: OpManifest) {
    guard let settings, settings.isEnabled else { return nil }
    cache = SnapshotCache(settings: settings)
    key = CacheKey(configuration: configuration, graph: graph, manifest: manifest)
    self.graph = graph
  }

  /// The cached snapshot as a build result, when a cache holds it.
  func lookup() -> SnapshotBuilder.Result? {
    guard let hit = cache.lookup(key) else { return nil }
    var result = SnapshotBuilder.Result(file: hit.file, graph: graph)
    result.cache = hit.outcome
    result.cacheWarnings = cache.warnings
    return result
  }

  /// Stores a fresh build and returns it marked as a miss.
  func store(_ built: SnapshotBuilder.Result) -> SnapshotBuilder.Result {
    cache.store(built.file, for: key)
    var result = built
    result.cache = .miss
    result.cacheWarnings = cache.warnings
    return result
  }
}
