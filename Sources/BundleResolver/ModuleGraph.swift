/// A resolved ES module graph: every module once, its import edges with locations, and the
/// order in which ES semantics evaluate them.
public struct ModuleGraph: Sendable {
  /// One module file.
  public struct Module: Sendable, Equatable {
    /// Index into ``ModuleGraph/modules``.
    public var id: Int
    /// Canonical absolute path (symlinks and `..` collapsed).
    public var path: String
    /// Path relative to the graph's root folder, with `/` separators. Also the name V8 sees,
    /// so stacks and snapshots never contain machine paths.
    public var name: String
    public var source: [UInt8]
    public var kind: Kind
    public var imports: [Edge]
  }

  /// What kind of module a file is.
  public enum Kind: String, Sendable, Codable {
    case javascript, json
    /// A module already evaluated in a base snapshot (``BaseModules``): no file, no source.
    case base
  }

  /// An import request resolved to a module.
  public struct Edge: Sendable, Equatable {
    public var specifier: String
    public var target: Int
    /// 1-based location of the specifier in the importing module.
    public var line: Int
    public var column: Int
  }

  /// The folder module names are relative to.
  public var root: String
  public var modules: [Module]
  /// Module ids of the entry points, in the order given.
  public var entryPoints: [Int]
  /// Post-order from the entry points in request order: each module after its dependencies
  /// (cycles broken where ES breaks them).
  public var evaluationOrder: [Int]
  /// Import cycles found, each as module ids; ES allows them, so they are information only.
  public var cycles: [[Int]]
  /// Every file that decided the result, as canonical paths, sorted: the modules, each
  /// package.json read and the import map. A build that reads a config adds it.
  public var inputFiles: [String]
  /// Warnings found on the way (dynamic imports, self-imports, ignored import map entries …).
  public var warnings: [Diagnostic]
  /// What resolution learnt from the file system (nil for a graph not built by
  /// ``ModuleGraphBuilder``); the snapshot cache checks it to skip resolving.
  public var fileSystemObservations: FileSystemObservations?

  public init(
    root: String, modules: [Module], entryPoints: [Int], evaluationOrder: [Int], cycles: [[Int]],
    inputFiles: [String] = [], warnings: [Diagnostic] = []
  ) {
    self.root = root
    self.modules = modules
    self.entryPoints = entryPoints
    self.evaluationOrder = evaluationOrder
    self.cycles = cycles
    self.inputFiles = inputFiles.isEmpty ? modules.map(\.path).sorted() : inputFiles
    self.warnings = warnings
  }

  /// Looks up a module by canonical path.
  public func module(atPath path: String) -> Module? {
    modules.first { $0.path == path }
  }
}
