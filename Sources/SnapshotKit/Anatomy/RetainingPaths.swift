/// The shortest chains of strong references from a heap snapshot's root (breadth first), as
/// DevTools' "Retainers" view shows them.
public struct RetainingPaths: Sendable {
  private let graph: HeapGraph
  /// The edge by which the walk first reached each node, or -1.
  private let parentEdge: [Int]
  private let parentNode: [Int]

  /// Walks `graph` from node 0.
  public init(graph: HeapGraph) {
    self.graph = graph
    var parentEdge = [Int](repeating: -1, count: graph.count)
    var parentNode = [Int](repeating: -1, count: graph.count)
    var seen = [Bool](repeating: false, count: graph.count)
    var queue = [0]
    seen[0] = true
    var head = 0
    while head < queue.count {
      let node = queue[head]
      head += 1
      for edge in graph.edges(of: node) where graph.isStrong(edge) && graph.edgeType(edge) != "shortcut" {
        let target = graph.target(of: edge)
        if seen[target] { continue }
        seen[target] = true
        parentEdge[target] = edge
        parentNode[target] = node
        queue.append(target)
      }
    }
    self.parentEdge = parentEdge
    self.parentNode = parentNode
  }

  /// The path to `node` as "node name" steps joined by edge names, at most `limit` steps (the
  /// steps nearest the object are kept).
  public func path(to node: Int, limit: Int = 8) -> [String] {
    var steps: [String] = []
    var current = node
    // The synthetic root's own step says nothing.
    while parentEdge[current] >= 0 && parentNode[current] != 0 {
      let edge = parentEdge[current]
      let holder = parentNode[current]
      let holderName = String(graph.name(of: holder).prefix(40))
      steps.append("\(holderName.isEmpty ? graph.type(of: holder) : holderName).\(graph.edgeName(edge))")
      current = holder
      if steps.count == limit {
        if parentEdge[current] >= 0 && parentNode[current] != 0 { steps.append("…") }
        break
      }
    }
    return steps.reversed()
  }
}
