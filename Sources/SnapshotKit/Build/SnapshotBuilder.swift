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
  /// Take a heap snapshot and the heap-space statistics just before serialising (for
  /// `snapgen anatomy`); they come back in ``Result/heapInspection``.
  public var inspectsHeap = false
  /// The snapshot caches to consult after resolution and to fill after a build; nil for none.
  public var cacheSettings: CacheSettings?

  public init(configuration: BuildConfiguration) {
    self.configuration = configuration
  }

  /// The result of a build.
  public struct Result: Sendable {
    public var file: SnapshotFile
    public var graph: ModuleGraph
    /// The heap before serialisation, when ``SnapshotBuilder/inspectsHeap`` was set.
    public var heapInspection: HeapInspection?
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
    // A layered build (BaseSnapshot.swift): the base is checked before its bytes reach V8, and
    // the graph's `base:` imports name its modules.
    let base = try BaseSnapshot.load(for: configuration, manifest: manifest)
    try initializeEngine()
    var configuration = self.configuration
    configuration.resolver.baseModules = base?.modules
    let graph = try configuration.resolveGraph()
    // A layered snapshot depends on its base's exact bytes: the base's digest is part of the key.
    let cached = CachedBuild(
      settings: cacheSettings, configuration: configuration, graph: graph, manifest: manifest,
      base: base?.record(relativeTo: configuration.root))
    if let hit = cached?.lookup() { return hit }
    // Bodies never run while building; the shim throws before dispatching.
    let registry = OpRegistry.stubs(for: manifest) { "op \($0) cannot run while building a snapshot" }
    let runtime: JSRuntime
    do {
      let blob: UnsafeMutableRawBufferPointer?
      do { blob = try base?.file.inflateBlob() } catch {
        throw DiagnosticError([.error("cannot use this file as the base snapshot: \(error)", file: base?.display)])
      }
      runtime = try JSRuntime.make(blob: blob, ops: registry, forSnapshot: true)
    } catch let error as DiagnosticError {
      throw error
    } catch {
      throw DiagnosticError([.error("V8 could not create a snapshot isolate: \(error)")])
    }
    var loader = ModuleLoader(isolate: runtime.isolate)
    var globals = BaseGlobalsCheck()
    if let base {
      do {
        loader.baseModules = Dictionary(
          zip(base.modules.names, try runtime.isolate.takeBaseModules(count: base.modules.names.count)),
          uniquingKeysWith: { a, _ in a })
      } catch {
        throw DiagnosticError([.error(error.message, file: base.display)])
      }
      try globals.record(runtime)
    }
    // Pre-flight checks (Preflight.swift): refuse heap states that would abort CreateBlob.
    var preflight = Preflight()
    preflight.collectsGarbage = preflightCollectsGarbage
    try preflight.prepare(runtime, graph: graph)
    // A failure is diagnosed again for its throw site (ThrowSiteDiagnosis.swift), except in a
    // layered build, whose base modules live only in the base's heap.
    let diagnosis = base == nil ? ThrowSiteDiagnosis(ops: registry) : nil
    let moduleIds: [Int32]
    do { moduleIds = try loader.evaluateReturningModuleIds(graph) } catch {
      let located = diagnosis?.improve(error, of: runtime) { again throws(DiagnosticError) in
        try ModuleLoader(isolate: again.isolate).evaluate(graph)
      }
      throw preflight.explain(located ?? error)
    }
    if base == nil {
      // A runtime snapshot exposes its modules (data slots 0 …, in evaluation order) to apps
      // built on it; the main function, if any, takes the next slot.
      do { try runtime.isolate.exposeModules(graph.evaluationOrder.map { moduleIds[$0] }) } catch {
        throw DiagnosticError([.error("cannot keep the modules for layered builds: \(error.message)")])
      }
    }
    let main = try keepMain(in: runtime, graph: graph, moduleIds: moduleIds)
    try runWarmup(in: runtime)
    do { try refuseUnhandledRejections(in: runtime, graph: graph) } catch {
      throw diagnosis?.improve(error, of: runtime) { again throws(DiagnosticError) in
        try ModuleLoader(isolate: again.isolate).evaluate(graph)
        try refuseUnhandledRejections(in: again, graph: graph)
      } ?? error
    }
    try preflight.check(runtime, graph: graph)
    if base != nil {
      try globals.check(runtime, blame: FilePaths.display(graph.modules[graph.entryPoints[0]].path))
    }

    var heapInspection: HeapInspection?
    if inspectsHeap {
      do { heapInspection = try runtime.isolate.inspectHeap() } catch {
        throw DiagnosticError([error.diagnostic(context: "V8 could not take a heap snapshot")])
      }
    }
    let bytes: [UInt8]
    do { bytes = try runtime.isolate.createBlob(keepFunctionCode: configuration.options.functionCode == .keep) } catch {
      throw DiagnosticError([error.diagnostic(context: "V8 could not serialise the heap")])
    }

    var metadata = SnapshotMetadata(
      snapgenVersion: SnapgenVersion.current, v8Version: V8Engine.version,
      v8Flags: configuration.v8Flags, platform: Platform.current, ops: manifest.ops,
      opTableDigest: manifest.digest,
      inputDigest: InputDigest.compute(configuration: configuration, graph: graph, base: base?.record(relativeTo: configuration.root)),
      modules: graph.evaluationOrder.filter { graph.modules[$0].kind != .base }.map { id in
        let module = graph.modules[id]
        return .init(name: module.name, sha256: InputDigest.sha256(module.source), size: module.source.count)
      },
      entryPoints: graph.entryPoints.map { graph.modules[$0].name },
      options: configuration.options)
    metadata.base = base?.record(relativeTo: configuration.root)
    metadata.main = main
    do {
      let result = Result(file: try SnapshotFile(blob: bytes, metadata: metadata), graph: graph, heapInspection: heapInspection)
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

  /// Keeps the configured main function (`"main": "module#export"`) for `snapgen run`.
  private func keepMain(in runtime: JSRuntime, graph: ModuleGraph, moduleIds: [Int32]) throws(DiagnosticError)
    -> SnapshotMetadata.MainRecord?
  {
    guard let text = configuration.main, let main = MainFunction(text) else { return nil }
    let path = FilePaths.canonical(FilePaths.join(configuration.root, main.module))
    guard let module = graph.modules.first(where: { $0.path == path && $0.kind == .javascript }) else {
      throw DiagnosticError([configuration.configProblem(
        "'main' names '\(main.module)', which is not a module of the graph",
        key: "main", notes: ["the main module must be an entry point or imported by one"])])
    }
    do {
      let slot = try runtime.isolate.keepMain(module: moduleIds[module.id], export: main.export)
      return SnapshotMetadata.MainRecord(module: module.name, export: main.export, slot: slot)
    } catch {
      throw DiagnosticError([configuration.configProblem("'main' \(text): \(error.message)", key: "main")])
    }
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
