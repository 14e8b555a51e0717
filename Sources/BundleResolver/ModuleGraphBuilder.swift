/// Resolves a module graph from entry points: reads each file, asks the parser for its imports,
/// resolves every specifier, and reports every problem found in one pass.
public struct ModuleGraphBuilder {
  /// The folder module names are relative to (usually the folder of snapgen.json).
  public var root: String
  /// Entry modules: paths relative to `root` or absolute, or specifiers in a configured scheme
  /// (`internal:main`).
  public var entryPoints: [String]
  /// How specifiers are resolved.
  public var options: ResolverOptions

  public init(root: String, entryPoints: [String], options: ResolverOptions = ResolverOptions()) {
    self.root = root
    self.entryPoints = entryPoints
    self.options = options
  }

  /// Builds the graph, or throws every diagnostic found (errors and the warnings met so far).
  /// `parser` lists each module's import requests (SnapshotKit's `ModuleSourceParser` asks V8).
  public func build(parser: any ModuleRequestParser) throws(DiagnosticError) -> ModuleGraph {
    guard let root = FilePaths.canonical(self.root), FilePaths.kind(of: root) == .directory else {
      throw DiagnosticError([.error("module root folder '\(self.root)' does not exist")])
    }
    let resolver = try SpecifierResolver(root: root, options: options)
    var walk = GraphWalk(root: root, parser: parser, resolver: resolver)
    walk.diagnostics = resolver.importMap?.warnings ?? []
    var entryIds: [Int] = []
    for entry in entryPoints {
      if let id = walk.entry(entry) { entryIds.append(id) }
    }
    if entryPoints.isEmpty {
      walk.diagnostics.append(.error("no entry points given"))
    }
    walk.run()
    if walk.diagnostics.contains(where: { $0.severity == .error }) {
      throw DiagnosticError(walk.diagnostics)
    }
    let (order, cycles) = EvaluationOrder.compute(
      entryPoints: entryIds, imports: walk.modules.map { $0.imports.map(\.target) })
    let inputs = Set(walk.modules.filter { $0.kind != .base }.map(\.path)).union(resolver.inputFiles).sorted()
    var graph = ModuleGraph(
      root: root, modules: walk.modules, entryPoints: entryIds, evaluationOrder: order,
      cycles: cycles, inputFiles: inputs, warnings: walk.diagnostics)
    var observations = resolver.files.observations
    observations.canonicals[self.root] = root
    observations.kinds[root] = FileSystemObservations.name(of: .directory)
    graph.fileSystemObservations = observations
    return graph
  }
}
