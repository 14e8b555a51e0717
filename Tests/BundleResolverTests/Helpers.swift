import BundleResolver
import Testing

/// Resolves and expects failure; returns every diagnostic (errors and warnings). `usingV8`
/// parses with V8 instead of ``StaticImportParser``.
func failures(
  _ root: String, _ entries: [String] = ["main.js"], options: ResolverOptions = ResolverOptions(), usingV8: Bool = false
) -> [Diagnostic] {
  do {
    _ = try usingV8 ? resolveWithV8(root, entries, options: options) : resolve(root, entries, options: options)
    Issue.record("resolution succeeded")
    return []
  } catch {
    return error.diagnostics
  }
}

/// The names of a graph's modules in evaluation order.
func order(_ graph: ModuleGraph) -> [String] {
  graph.evaluationOrder.map { graph.modules[$0].name }
}

/// What `specifier` in module `from` resolved to (a module name).
func target(_ graph: ModuleGraph, _ specifier: String, from name: String = "main.js") -> String? {
  guard let module = graph.modules.first(where: { $0.name == name }),
    let edge = module.imports.first(where: { $0.specifier == specifier })
  else { return nil }
  return graph.modules[edge.target].name
}

/// `path` as diagnostics show it.
func shown(_ root: String, _ path: String) -> String {
  FilePaths.display(root + "/" + path)
}
