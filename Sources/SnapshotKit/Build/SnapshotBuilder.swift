public import BundleResolver

/// Builds a snapshot: resolves the module graph, evaluates it in a `SnapshotCreator` isolate,
/// serialises the heap and wraps the blob in the snapgen format.
public struct SnapshotBuilder {
  public var configuration: BuildConfiguration
  /// Run a full garbage collection before the pre-flight checks, so that live `Intl` objects
  /// (which abort V8's serialiser) are reported with the location that created them. The
  /// collection makes the snapshot's bytes timing-dependent: use it to diagnose a failed build
  /// (``IsolatedBuild`` does so after V8 aborts), not for the snapshot you ship.
  public var preflightCollectsGarbage = false
  /// The snapshot caches to consult after resolution and to fill after a build; nil for none.
  public var cacheSettings: CacheSettings?

  public init(configuration: BuildConfiguration) {
    self.configuration = configuration
  }

  /// The result of a build.
  public struct Result: Sendable {
    public var file: SnapshotFile
    public var graph: ModuleGraph
    /// Where the snapshot came from, and what the caches had to say.
    public var cache: CacheOutcome = .disabled
    public var cacheWarnings: [Diagnostic] = []

    /// The snapshot with the files it was built from and the resolution warnings.
    public var output: BuildOutput {
      var output = BuildOutput(file: file, inputFiles: graph.inputFiles, warnings: graph.warnings + cacheWarnings)
      output.cache = cache
      return output
    }
  }

  /// Builds the snapshot in memory.
  public func build() throws(DiagnosticError) -> Result {
    let manifest = try configuration.opManifest()
    try initializeEngine()
    let graph = try configuration.resolveGraph()
    let cached = CachedBuild(settings: cacheSettings, configuration: configuration, graph: graph, manifest: manifest)
    if let hit = cached?.lookup() { return hit }
    let runtime: JSRuntime
    do {
      // Bodies never run while building; the shim throws before dispatching.
      let registry = OpRegistry.stubs(for: manifest) { "op \($0) cannot run while building a snapshot" }
      runtime = try JSRuntime.make(blob: nil, ops: registry, forSnapshot: true)
    } catch {
      throw DiagnosticError([.error("V8 could not create a snapshot isolate: \(error)")])
    }
    // Pre-flight checks (Preflight.swift): refuse heap states that would abort CreateBlob.
    var preflight = Preflight()
    preflight.collectsGarbage = preflightCollectsGarbage
    try preflight.prepare(runtime, graph: graph)
    do { try ModuleLoader(isolate: runtime.isolate).evaluate(graph) } catch { throw preflight.explain(error) }
    try runWarmup(in: runtime)
    try refuseUnhandledRejections(in: runtime, graph: graph)
    try preflight.check(runtime, graph: graph)

    let bytes: [UInt8]
    do { bytes = try runtime.isolate.createBlob(keepFunctionCode: configuration.options.functionCode == .keep) } catch {
      throw DiagnosticError([error.diagnostic(context: "V8 could not serialise the heap")])
    }

    let metadata = SnapshotMetadata(
      snapgenVersion: SnapgenVersion.current, v8Version: V8Engine.version,
      v8Flags: configuration.v8Flags, platform: Platform.current, ops: manifest.ops,
      opTableDigest: manifest.digest,
      inputDigest: InputDigest.compute(configuration: configuration, graph: graph),
      modules: graph.evaluationOrder.map { id in
        let module = graph.modules[id]
        return .init(name: module.name, sha256: InputDigest.sha256(module.source), size: module.source.count)
      },
      entryPoints: graph.entryPoints.map { graph.modules[$0].name },
      options: configuration.options)
    do {
      let result = Result(file: try SnapshotFile(blob: bytes, metadata: metadata), graph: graph)
      return cached?.store(result) ?? result
    } catch {
      throw DiagnosticError([.error(error.description)])
    }
  }

  /// A promise rejected at build time with no handler is an error nobody would see at run
  /// time (the snapshot keeps the rejected promise); it fails the build with its location.
  private func refuseUnhandledRejections(in runtime: JSRuntime, graph: ModuleGraph) throws(DiagnosticError) {
    let byName = Dictionary(graph.modules.map { ($0.name, FilePaths.display($0.path)) }, uniquingKeysWith: { a, _ in a })
    var problems: [Diagnostic] = []
    while var rejection = runtime.isolate.takeUnhandledRejection() {
      rejection.message = "Uncaught (in promise) " + rejection.message
      problems.append(rejection.diagnostic(
        file: { byName[$0] ?? $0 }, context: "a promise was rejected while building and nothing handled it"))
    }
    if !problems.isEmpty { throw DiagnosticError(problems) }
  }

  /// Runs the configured warm-up script in the build context (see ``BuildConfiguration/warmup``).
  private func runWarmup(in runtime: JSRuntime) throws(DiagnosticError) {
    guard let path = configuration.warmup else { return }
    let display = FilePaths.display(path)
    let source: [UInt8]
    do { source = try FileBytes.read(path) } catch { throw DiagnosticError([.error(error.description, file: display)]) }
    do {
      try runtime.evaluate(String(decoding: source, as: UTF8.self), name: FilePaths.relative(path, to: configuration.root) ?? path)
    } catch {
      throw DiagnosticError([error.diagnostic(file: { _ in display }, context: "the warm-up script failed")])
    }
  }

  private func initializeEngine() throws(DiagnosticError) {
    do {
      try V8Engine.initialize(flags: configuration.v8Flags, fixedSeeds: configuration.options.deterministic)
    } catch {
      throw DiagnosticError([.error(error.message, file: configuration.configPath.map(FilePaths.display))])
    }
  }
}
