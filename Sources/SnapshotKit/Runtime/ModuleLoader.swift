import BundleResolver
import CV8Shim

/// Compiles, links and evaluates a ``ModuleGraph`` inside a shim runtime.
struct ModuleLoader {
  let runtime: OpaquePointer

  /// Evaluates the graph's entry points in order. Diagnostics name the real files.
  func evaluate(_ graph: ModuleGraph) throws(DiagnosticError) {
    var shimIds: [Int32] = []
    var diagnostics: [Diagnostic] = []
    for module in graph.modules {
      var error = sg_error()
      defer { sg_error_clear(&error) }
      let id = module.source.withUnsafeBufferPointer { buffer in
        buffer.withMemoryRebound(to: CChar.self) { chars in
          module.kind == .json
            ? sg_module_json(runtime, module.name, chars.baseAddress, chars.count, &error)
            : sg_module_compile(runtime, module.name, chars.baseAddress, chars.count, &error)
        }
      }
      if id < 0 {
        diagnostics.append(JSException(error).diagnostic(file: { _ in FilePaths.display(module.path) }))
      }
      shimIds.append(id)
    }
    guard diagnostics.isEmpty else { throw DiagnosticError(diagnostics) }

    // Resolution through the graph's edges: (referrer shim id, specifier) → target shim id.
    var resolver = Resolution(shimIds: shimIds, graph: graph)
    for entry in graph.entryPoints {
      var error = sg_error()
      defer { sg_error_clear(&error) }
      let status = withUnsafeMutablePointer(to: &resolver) { pointer in
        sg_module_instantiate(runtime, shimIds[entry], { context, referrer, specifier in
          let resolution = context!.assumingMemoryBound(to: Resolution.self)
          return resolution.pointee.target(referrer: referrer, specifier: String(cString: specifier!))
        }, pointer, &error)
      }
      if status != 0 { throw DiagnosticError([diagnostic(error, graph: graph, context: "cannot link modules")]) }
    }
    for entry in graph.entryPoints {
      var error = sg_error()
      defer { sg_error_clear(&error) }
      if sg_module_evaluate(runtime, shimIds[entry], &error) != 0 {
        throw DiagnosticError([diagnostic(error, graph: graph, context: "uncaught exception while evaluating modules")])
      }
    }
  }

  private func diagnostic(_ error: sg_error, graph: ModuleGraph, context: String) -> Diagnostic {
    let byName = Dictionary(graph.modules.map { ($0.name, $0.path) }, uniquingKeysWith: { a, _ in a })
    var diagnostic = JSException(error).diagnostic(file: { byName[$0].map(FilePaths.display) ?? $0 })
    diagnostic.message = "\(context): \(diagnostic.message)"
    return diagnostic
  }

  /// Maps resolve callbacks from V8 back onto graph edges.
  private struct Resolution {
    var byShimId: [Int32: Int] = [:]
    var shimIds: [Int32]
    var graph: ModuleGraph

    init(shimIds: [Int32], graph: ModuleGraph) {
      self.shimIds = shimIds
      self.graph = graph
      for (graphId, shimId) in shimIds.enumerated() { byShimId[shimId] = graphId }
    }

    func target(referrer: Int32, specifier: String) -> Int32 {
      guard let graphId = byShimId[referrer],
        let edge = graph.modules[graphId].imports.first(where: { $0.specifier == specifier })
      else { return -1 }
      return shimIds[edge.target]
    }
  }
}

