/// Which module each heap object belongs to.
///
/// A module *labels* the objects that are its own by construction: its `Script` (named after
/// the module), the `SharedFunctionInfo` of every function compiled from that script, every
/// closure over one of those, and the module record whose evaluation generator runs that
/// script's top-level code. Every other object belongs to the module of its nearest labelled
/// dominator (the module whose code, closures or namespace alone keep it alive), or to the
/// module that all its retainers belong to. Objects whose
/// dominators carry no label (V8's own heap, objects several modules share, values hung on the
/// global object directly) stay unattributed, so the modules and that remainder add up to the
/// whole heap.
public struct ModuleAttribution: Sendable {
  /// For each node, the index of its module in the names given, or -1 when unattributed.
  public let owner: [Int]
  /// For each node, the module it labels itself, or -1.
  public let label: [Int]

  /// Attributes the nodes of `graph` to the scripts named `moduleNames`.
  public init(graph: HeapGraph, tree: DominatorTree, moduleNames: [String]) {
    let index = Dictionary(moduleNames.enumerated().map { ($0.element, $0.offset) }, uniquingKeysWith: { first, _ in first })
    var label = [Int](repeating: -1, count: graph.count)
    // Scripts: code nodes with a source and a name, named like a module.
    for node in 0..<graph.count where graph.type(of: node) == "code" {
      guard let module = index[graph.name(of: node)], graph.child(of: node, named: "source") != nil else { continue }
      label[node] = module
    }
    // Shared function infos point at their script.
    for node in 0..<graph.count where graph.type(of: node) == "code" && label[node] == -1 {
      if let script = graph.child(of: node, named: "script_or_debug_info") ?? graph.child(of: node, named: "script"),
        label[script] != -1, graph.child(of: script, named: "source") != nil
      {
        label[node] = label[script]
      }
    }
    // Closures point at their shared function info.
    for node in 0..<graph.count where graph.type(of: node) == "closure" {
      if let shared = graph.child(of: node, named: "shared"), label[shared] != -1 { label[node] = label[shared] }
    }
    // Module records: their evaluation generator's function is the module's top-level code.
    for node in 0..<graph.count where graph.name(of: node) == "system / SourceTextModule" {
      for edge in graph.edges(of: node) {
        let child = graph.target(of: edge)
        if let function = graph.child(of: child, named: "function"), label[function] != -1 {
          label[node] = label[function]
          break
        }
      }
    }
    // Owners, dominators first.
    let reachable = (0..<graph.count).filter { tree.depth[$0] >= 0 }.sorted { tree.depth[$0] < tree.depth[$1] }
    var owner = [Int](repeating: -1, count: graph.count)
    func inheritFromDominators() {
      for node in reachable where owner[node] == -1 {
        let dominator = tree.immediateDominator[node]
        owner[node] = label[node] != -1 ? label[node] : (dominator == node ? -1 : owner[dominator])
      }
    }
    inheritFromDominators()
    // An object whose every retainer belongs to one module is that module's too, though its
    // dominator may be shared (two closures of one module over the same object): repeat until
    // nothing changes, letting what such an object dominates follow it.
    var retainers = [[Int]](repeating: [], count: graph.count)
    for node in 0..<graph.count {
      for edge in graph.edges(of: node) where graph.isStrong(edge) { retainers[graph.target(of: edge)].append(node) }
    }
    var changed = true
    while changed {
      changed = false
      for node in reachable where owner[node] == -1 && !retainers[node].isEmpty {
        let first = owner[retainers[node][0]]
        if first >= 0 && retainers[node].allSatisfy({ owner[$0] == first }) {
          owner[node] = first
          changed = true
        }
      }
      if changed { inheritFromDominators() }
    }
    self.owner = owner
    self.label = label
  }
}
