import BundleResolver
import CV8Shim

/// Compiles, links and evaluates a ``ModuleGraph`` inside a shim runtime.
struct ModuleLoader {
  let runtime: OpaquePointer

  /// Evaluates the graph's entry points in order. Diagnostics name the real files.
  func evaluate(_ graph: ModuleGraph) throws(DiagnosticError) {
    let pending = try evaluateAllowingPending(graph)
    for promise in pending { sg_promise_forget(runtime, promise) }
    if !pending.isEmpty {
      let entry = graph.modules[graph.entryPoints[0]]
      throw DiagnosticError([.error(
        "the module's top-level await never settled (it waits for something that cannot happen while the module graph is evaluated)",
        file: FilePaths.display(entry.path))])
    }
  }

  /// Evaluates the entry points; returns the ids of evaluation promises still pending after
  /// the microtasks (top-level awaits waiting for timers or ops).
  func evaluateAllowingPending(_ graph: ModuleGraph) throws(DiagnosticError) -> [Int64] {
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
    var pending: [Int64] = []
    for entry in graph.entryPoints {
      var error = sg_error()
      defer { sg_error_clear(&error) }
      var promise: Int64 = -1
      if sg_module_evaluate_async(runtime, shimIds[entry], &promise, &error) != 0 {
        throw DiagnosticError([diagnostic(error, graph: graph, context: "uncaught exception while evaluating modules")])
      }
      if promise >= 0 { pending.append(promise) }
    }
    return pending
  }

  private func diagnostic(_ error: sg_error, graph: ModuleGraph, context: String) -> Diagnostic {
    Self.diagnostic(JSException(error), graph: graph, context: context)
  }

  /// A diagnostic for a JS exception, naming the real file of the module V8 reported.
  static func diagnostic(_ exception: JSException, graph: ModuleGraph, context: String?) -> Diagnostic {
    let byName = Dictionary(graph.modules.map { ($0.name, $0.path) }, uniquingKeysWith: { a, _ in a })
    var diagnostic = exception.diagnostic(file: { byName[$0].map(FilePaths.display) ?? $0 })
    if let context { diagnostic.message = "\(context): \(diagnostic.message)" }
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

