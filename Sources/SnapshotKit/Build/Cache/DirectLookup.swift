import BundleResolver

/// The cache consulted before any child process starts or any module is parsed: the
/// configuration's ``BuildManifest`` names the key when the file system still matches it, and
/// the snapshot under that key is served after the usual checks.
struct DirectLookup {
  var configuration: BuildConfiguration
  var settings: CacheSettings

  /// What the lookup found.
  enum Outcome {
    /// A verified snapshot, with the manifest's input files.
    case hit(BuildOutput)
    /// Nothing usable; `settings` are what the build should use from here (without the remote
    /// cache when it failed, so that the build does not wait for it twice), `warnings` what
    /// the lookup met.
    case miss(settings: CacheSettings, warnings: [Diagnostic])
  }

  func run() -> Outcome {
    guard settings.isEnabled, let directKey = BuildManifest.directKey(for: configuration) else {
      return .miss(settings: settings, warnings: [])
    }
    let cache = SnapshotCache(settings: settings)
    var fallback = settings
    guard let manifest = cache.manifest(directKey), manifest.applies(to: configuration), let hit = cache.lookup(manifest.key)
    else {
      if !cache.remoteInUse { fallback.remote = nil }
      return .miss(settings: fallback, warnings: cache.warnings)
    }
    var output = BuildOutput(file: hit.file, inputFiles: manifest.inputFiles, warnings: cache.warnings)
    output.cache = hit.outcome
    return .hit(output)
  }
}
