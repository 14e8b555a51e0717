public import BundleResolver

extension BuildConfiguration {
  /// Resolves this configuration's module graph with every resolver option it carries: the one
  /// resolution entry point used by the build, the fallback boot, `run --from-sources`, `bench`,
  /// `verify` and `graph`.
  ///
  /// Import requests come from V8's parser. When V8 is not yet initialised in this process it is
  /// started with no flags; a process that needs the configuration's flags (a build) initialises
  /// V8 with them before calling this.
  ///
  /// - Returns: the graph, whose `inputFiles` also name the config file, the op
  ///   manifest file and the warm-up script when the configuration has them.
  public func resolveGraph() throws(DiagnosticError) -> ModuleGraph {
    let parser: ModuleSourceParser
    do { parser = try ModuleSourceParser() } catch {
      throw DiagnosticError([.error("V8 could not start: \(error.message)")])
    }
    var graph = try ModuleGraphBuilder(root: root, entryPoints: entryPoints, options: resolver).build(parser: parser)
    graph.inputFiles = inputFiles(besides: graph.inputFiles)
    return graph
  }

  /// Every file a build of this configuration reads: `resolved` (the graph's modules,
  /// package.json files, import map) plus the config, the op manifest and the warm-up script.
  func inputFiles(besides resolved: [String]) -> [String] {
    let own = [configPath, opManifestPath, warmup, base].compactMap { $0 }.map { FilePaths.canonical($0) ?? $0 }
    return Array(Set(resolved + own)).sorted()
  }
}
