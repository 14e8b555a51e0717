import BundleResolver

/// The cache's part in one ``SnapshotBuilder/build()``: after resolution, the key is computed
/// and looked up; after a miss, the fresh snapshot is stored. Either way a ``BuildManifest``
/// is stored so that the next build can skip resolution.
struct CachedBuild {
  var cache: SnapshotCache
  var key: CacheKey
  var graph: ModuleGraph
  var configuration: BuildConfiguration

  /// nil when no cache is configured.
  init?(
    settings: CacheSettings?, configuration: BuildConfiguration, graph: ModuleGraph, manifest: OpManifest,
    base: SnapshotMetadata.BaseRecord? = nil
  ) {
    guard let settings, settings.isEnabled else { return nil }
    cache = SnapshotCache(settings: settings)
    key = CacheKey(configuration: configuration, graph: graph, manifest: manifest, base: base)
    self.graph = graph
    self.configuration = configuration
  }

  /// The cached snapshot as a build result, when a cache holds it.
  func lookup() -> SnapshotBuilder.Result? {
    guard let hit = cache.lookup(key) else { return nil }
    var result = SnapshotBuilder.Result(file: hit.file, graph: graph)
    result.cache = hit.outcome
    storeManifest()
    result.cacheWarnings = cache.warnings
    return result
  }

  /// Stores a fresh build and returns it marked as a miss.
  func store(_ built: SnapshotBuilder.Result) -> SnapshotBuilder.Result {
    cache.store(built.file, for: key)
    storeManifest()
    var result = built
    result.cache = .miss
    result.cacheWarnings = cache.warnings
    return result
  }

  /// Records how to find this key without resolving, when the build allows it: no resolution
  /// warnings (a direct hit could not repeat them), inputs not confined (plugin mode).
  private func storeManifest() {
    guard graph.warnings.isEmpty, let observations = graph.fileSystemObservations,
      let directKey = BuildManifest.directKey(for: configuration)
    else { return }
    let warmupDigest = BuildManifest.warmupDigest(configuration)
    if configuration.warmup != nil, warmupDigest == nil { return }
    let manifest = BuildManifest(key: key, inputFiles: graph.inputFiles, observations: observations, warmupDigest: warmupDigest)
    cache.storeManifest(manifest, directKey: directKey)
  }
}
