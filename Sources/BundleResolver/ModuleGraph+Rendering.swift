import FoundationEssentials
import Glibc

extension ModuleGraph {
  /// The graph as text: modules in evaluation order with their imports, then cycles.
  public func renderText() -> String {
    var lines = ["\(modules.count) modules, \(modules.reduce(0) { $0 + $1.imports.count }) imports, \(cycles.count) cycles; evaluation order:"]
    for (position, id) in evaluationOrder.enumerated() {
      let module = modules[id]
      let entry = entryPoints.contains(id) ? " (entry)" : ""
      let kind = module.kind == .json ? " [json]" : ""
      lines.append("\(position + 1). \(module.name)\(kind)\(entry)")
      for edge in module.imports {
        lines.append("     \(edge.line):\(edge.column) '\(edge.specifier)' → \(modules[edge.target].name)")
      }
    }
    for cycle in cycles {
      lines.append("cycle: " + (cycle + [cycle[0]]).map { modules[$0].name }.joined(separator: " → "))
    }
    return lines.joined(separator: "\n")
  }

  /// The graph as Graphviz DOT: one node per module, one edge per import, entries as boxes.
  public func renderDOT() -> String {
    func quote(_ text: String) -> String {
      "\"" + text.replacingAll("\\", with: "\\\\").replacingAll("\"", with: "\\\"") + "\""
    }
    var lines = ["digraph modules {", "  rankdir=LR;", "  node [shape=ellipse];"]
    for module in modules {
      let shape = entryPoints.contains(module.id) ? " shape=box" : module.kind == .json ? " shape=note" : ""
      lines.append("  m\(module.id) [label=\(quote(module.name))\(shape)];")
    }
    for module in modules {
      for edge in module.imports {
        lines.append("  m\(module.id) -> m\(edge.target) [label=\(quote(edge.specifier))];")
      }
    }
    lines.append("}")
    return lines.joined(separator: "\n")
  }

  /// The JSON shape of `snapgen graph --json`.
  public struct Report: Codable, Sendable {
    public struct Module: Codable, Sendable {
      public var id: Int
      public var name: String
      public var kind: Kind
      public var size: Int
      public var imports: [Import]
    }
    public struct Import: Codable, Sendable {
      public var specifier: String
      public var target: Int
      public var line: Int
      public var column: Int
    }
    public var root: String
    public var modules: [Module]
    public var entryPoints: [Int]
    public var evaluationOrder: [Int]
    public var cycles: [[Int]]
    /// Input files, relative to the working folder where they lie inside it.
    public var inputFiles: [String]
    public var digest: String
    public var warnings: [Diagnostic]
  }

  /// The graph as a ``Report``.
  public var report: Report {
    Report(
      root: FilePaths.display(root),
      modules: modules.map { module in
        .init(
          id: module.id, name: module.name, kind: module.kind, size: module.source.count,
          imports: module.imports.map { .init(specifier: $0.specifier, target: $0.target, line: $0.line, column: $0.column) })
      },
      entryPoints: entryPoints, evaluationOrder: evaluationOrder, cycles: cycles,
      inputFiles: inputFiles.map(FilePaths.display), digest: contentDigest, warnings: warnings)
  }

  /// ``report`` as pretty-printed JSON with sorted keys.
  public func renderJSON() throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(report), as: UTF8.self)
  }
}
