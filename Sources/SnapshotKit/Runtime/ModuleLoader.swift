import BundleResolver

/// Compiles, links and evaluates a ``ModuleGraph`` inside an isolate.
struct ModuleLoader {
  let isolate: V8Isolate
  /// Layered builds: the isolate's ids of the base snapshot's modules, by name; a graph's
  /// ``ModuleGraph/Kind/base`` modules link to these instead of being compiled.
  var baseModules: [String: Int32] = [:]

  /// Evaluates the graph like ``evaluate(_:)`` and returns each module's isolate id, by graph id.
  func evaluateReturningModuleIds(_ graph: ModuleGraph) throws(DiagnosticError) -> [Int32] {
    let (pending, shimIds) = try evaluateReturningIds(graph)
    for promise in pending { isolate.forget(promise: promise) }
    if !pending.isEmpty {
      throw DiagnosticError(Self.stuckAwaits(graph, isAsync: { isolate.moduleGraphIsAsync(shimIds[$0]) }))
    }
    return shimIds
  }

  /// Evaluates the graph's entry points in order. Diagnostics name the real files.
  func evaluate(_ graph: ModuleGraph) throws(DiagnosticError) {
    let (pending, shimIds) = try evaluateReturningIds(graph)
    for promise in pending { isolate.forget(promise: promise) }
    if !pending.isEmpty {
      throw DiagnosticError(Self.stuckAwaits(graph, isAsync: { isolate.moduleGraphIsAsync(shimIds[$0]) }))
    }
  }

  /// Blames the module whose own top-level await never settled: an async module none of whose
  /// imports is async (V8 reports "async" per module graph, so such a module holds the await
  /// itself). With several candidates the error stays at the entry point and lists them.
  static func stuckAwaits(_ graph: ModuleGraph, isAsync: (Int) -> Bool) -> [Diagnostic] {
    let message = "a top-level await never settled (it waits for something that cannot happen while the module graph is evaluated)"
    let innermost = graph.evaluationOrder.filter { id in
      isAsync(id) && !graph.modules[id].imports.contains { isAsync($0.target) }
    }
    if innermost.count == 1 {
      return [.error(message, file: FilePaths.display(graph.modules[innermost[0]].path))]
    }
    // Several modules await at top level and V8 does not say which is still waiting.
    return [.error(
      message, file: FilePaths.display(graph.modules[graph.entryPoints[0]].path),
      notes: innermost.map { "a module with a top-level await of its own: \(FilePaths.display(graph.modules[$0].path))" })]
  }

  /// Evaluates the entry points; returns the ids of evaluation promises still pending after
  /// the microtasks (top-level awaits waiting for timers or ops).
  func evaluateAllowingPending(_ graph: ModuleGraph) throws(DiagnosticError) -> [Int64] {
    try evaluateReturningIds(graph).pending
  }

  /// ``evaluateAllowingPending(_:)``, also returning each module's shim id (by graph id).
  private func evaluateReturningIds(_ graph: ModuleGraph) throws(DiagnosticError) -> (pending: [Int64], shimIds: [Int32]) {
    var shimIds: [Int32] = []
    var diagnostics: [Diagnostic] = []
    for module in graph.modules {
      if module.kind == .base {
        let name = String(module.name.dropFirst(BaseModules.scheme.count + 1))
        if let id = baseModules[name] { shimIds.append(id) } else {
          diagnostics.append(.error("'\(module.name)' names a base snapshot module, but this build has no base that exposes it"))
          shimIds.append(-1)
        }
        continue
      }
      do {
        shimIds.append(try isolate.compileModule(name: module.name, source: module.source, json: module.kind == .json))
      } catch {
        diagnostics.append(error.diagnostic(file: { _ in FilePaths.display(module.path) }))
        shimIds.append(-1)
      }
    }
    guard diagnostics.isEmpty else { throw DiagnosticError(diagnostics) }

    // Resolution through the graph's edges: (referrer shim id, specifier) → target shim id.
    let resolver = Resolution(shimIds: shimIds, graph: graph)
    for entry in graph.entryPoints {
      do {
        try isolate.instantiateModule(shimIds[entry], resolve: resolver.target)
      } catch {
        throw DiagnosticError([Self.diagnostic(error, graph: graph, context: "cannot link modules")])
      }
    }
    var pending: [Int64] = []
    for entry in graph.entryPoints {
      do {
        if let promise = try isolate.evaluateModule(shimIds[entry]) { pending.append(promise) }
      } catch {
        throw DiagnosticError([Self.diagnostic(error, graph: graph, context: "uncaught exception while evaluating modules")])
      }
    }
    return (pending, shimIds)
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

