/// Per-module figures from one heap snapshot: the heap half of ``AnatomyReport``.
public struct HeapAnalysis: Sendable {
  /// Per module, in the order of the names given; blob and boot shares are left at zero.
  public var modules: [AnatomyReport.Module]
  /// What no module retains alone.
  public var unattributed: AnatomyReport.Remainder
  /// Objects and bytes in the whole snapshot.
  public var heapObjects: Int
  public var heapBytes: Int
  /// Bytes of JIT-compiled code (and what only it retains) in the whole heap.
  public var jitCodeBytes = 0

  /// Analyses a heap snapshot module by module.
  ///
  /// - Parameters:
  ///   - graph: the heap snapshot.
  ///   - names: the modules' names (as their scripts are named) and source sizes in bytes.
  ///   - biggest: how many objects to name per module.
  public init(graph: HeapGraph, modules names: [(name: String, sourceBytes: Int)], biggest: Int = 5) {
    let tree = DominatorTree(graph: graph)
    let attribution = ModuleAttribution(graph: graph, tree: tree, moduleNames: names.map(\.name))
    let paths = RetainingPaths(graph: graph)
    var modules = names.map {
      AnatomyReport.Module(
        name: $0.name, sourceBytes: $0.sourceBytes, functions: 0, bytecodeBytes: 0, jitCodeBytes: 0, largestFunctions: [], objects: 0, bytes: 0, strings: 0,
        stringBytes: 0, blobShare: 0, estimatedBlobBytes: 0, estimatedBootMilliseconds: nil, biggestObjects: [])
    }
    var remainder = AnatomyReport.Remainder(objects: 0, bytes: 0, biggestObjects: [])
    var jitCodeBytes = 0
    // Machine code the warm-up's JIT compiled, and what only it keeps: V8 drops it when it
    // serialises (measured: the blob's code space does not grow with it), so it counts for the
    // heap but not for the blob.
    var jit = [Bool](repeating: false, count: graph.count)
    for node in (0..<graph.count).filter({ tree.depth[$0] > 0 }).sorted(by: { tree.depth[$0] < tree.depth[$1] }) {
      let name = graph.name(of: node)
      jit[node] = jit[tree.immediateDominator[node]]
        || (graph.type(of: node) == "code" && (name.hasPrefix("(code for ") || name == "(BASELINE code)"))
    }
    var members = [[Int]](repeating: [], count: names.count)
    var unowned: [Int] = []
    for node in 0..<graph.count {
      let size = graph.selfSizes[node]
      let module = attribution.owner[node]
      if jit[node] { jitCodeBytes += size }
      guard module >= 0 else {
        remainder.objects += 1
        remainder.bytes += size
        unowned.append(node)
        continue
      }
      members[module].append(node)
      modules[module].objects += 1
      modules[module].bytes += size
      if jit[node] { modules[module].jitCodeBytes += size }
      let type = graph.type(of: node)
      if type.hasSuffix("string") {
        modules[module].strings += 1
        modules[module].stringBytes += size
      }
    }
    // Functions and their bytecode: closures labelled by the module, bytecode of its shared infos.
    for node in 0..<graph.count where attribution.label[node] >= 0 {
      let module = attribution.label[node]
      switch graph.type(of: node) {
      case "closure":
        modules[module].functions += 1
      case "code":
        if let data = graph.child(of: node, named: "function_data"), graph.name(of: data) == "system / BytecodeArray" {
          modules[module].bytecodeBytes += graph.selfSizes[data]
          let name = graph.name(of: node)
          modules[module].largestFunctions.append(
            .init(name: name == "(shared function info)" || name.isEmpty ? "(top level or anonymous)" : name,
                  bytecodeBytes: graph.selfSizes[data]))
        }
      default:
        break
      }
    }
    func biggestObjects(_ nodes: [Int], owner: Int) -> [AnatomyReport.HeapObject] {
      var chosen: [Int] = []
      for node in nodes.sorted(by: { tree.retainedSizes[$0] > tree.retainedSizes[$1] }) where node != 0 {
        if chosen.count == biggest { break }
        // Disjoint regions: skip what an object already named keeps alive.
        var ancestor = tree.immediateDominator[node]
        var covered = false
        while ancestor > 0, attribution.owner[ancestor] == owner {
          if chosen.contains(ancestor) { covered = true; break }
          ancestor = tree.immediateDominator[ancestor]
        }
        if covered || graph.type(of: node) == "synthetic" { continue }
        chosen.append(node)
      }
      return chosen.map { node in
        AnatomyReport.HeapObject(
          type: graph.type(of: node), name: String(graph.name(of: node).prefix(80)),
          retainedBytes: tree.retainedSizes[node], retainingPath: paths.path(to: node))
      }
    }
    for module in modules.indices {
      modules[module].biggestObjects = biggestObjects(members[module], owner: module)
      modules[module].largestFunctions = Array(
        modules[module].largestFunctions.sorted { ($0.bytecodeBytes, $1.name) > ($1.bytecodeBytes, $0.name) }.prefix(5))
    }
    remainder.biggestObjects = biggestObjects(unowned, owner: -1)
    self.modules = modules
    self.unattributed = remainder
    heapObjects = graph.count
    heapBytes = graph.selfSizes.reduce(0, +)
    self.jitCodeBytes = jitCodeBytes
  }
}
