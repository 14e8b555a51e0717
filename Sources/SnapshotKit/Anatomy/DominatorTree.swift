/// The dominator tree of a heap graph: node `d` dominates `n` when every path of strong edges
/// from the root to `n` passes through `d`, so freeing `d` would free `n`. A node's retained
/// size is its own size plus the sizes of the nodes it dominates.
///
/// Computed with the iterative algorithm of Cooper, Harvey and Kennedy ("A Simple, Fast
/// Dominance Algorithm", 2001) over the reverse post-order of a depth-first walk.
public struct DominatorTree: Sendable {
  /// Each node's immediate dominator; the root's is itself, and nodes the root cannot reach
  /// have -1.
  public let immediateDominator: [Int]
  /// Each node's retained size in bytes (0 for unreachable nodes).
  public let retainedSizes: [Int]
  /// How many dominator-tree steps each node is below the root (-1 when unreachable).
  public let depth: [Int]

  /// Computes the tree of `graph` from node `root` over strong edges.
  public init(graph: HeapGraph, root: Int = 0) {
    let count = graph.count
    var successors = [[Int]](repeating: [], count: count)
    var predecessors = [[Int]](repeating: [], count: count)
    for node in 0..<count {
      for edge in graph.edges(of: node) where graph.isStrong(edge) {
        let target = graph.target(of: edge)
        successors[node].append(target)
        predecessors[target].append(node)
      }
    }
    // Post-order numbers from an iterative depth-first walk.
    var postOrder = [Int](repeating: -1, count: count)
    var order: [Int] = []
    var visited = [Bool](repeating: false, count: count)
    var stack: [(node: Int, next: Int)] = [(root, 0)]
    visited[root] = true
    while !stack.isEmpty {
      let (node, next) = stack[stack.count - 1]
      if next < successors[node].count {
        stack[stack.count - 1].next += 1
        let target = successors[node][next]
        if !visited[target] {
          visited[target] = true
          stack.append((target, 0))
        }
      } else {
        postOrder[node] = order.count
        order.append(node)
        stack.removeLast()
      }
    }
    var idom = [Int](repeating: -1, count: count)
    idom[root] = root
    func intersect(_ a: Int, _ b: Int) -> Int {
      var a = a, b = b
      while a != b {
        while postOrder[a] < postOrder[b] { a = idom[a] }
        while postOrder[b] < postOrder[a] { b = idom[b] }
      }
      return a
    }
    var changed = true
    while changed {
      changed = false
      for node in order.reversed() where node != root {
        var candidate = -1
        for predecessor in predecessors[node] where idom[predecessor] != -1 {
          candidate = candidate == -1 ? predecessor : intersect(predecessor, candidate)
        }
        if candidate != -1 && idom[node] != candidate {
          idom[node] = candidate
          changed = true
        }
      }
    }
    // Retained sizes: children before parents (post-order lists every node after its
    // dominator-tree descendants, since a dominator precedes what it dominates in the walk).
    var retained = [Int](repeating: 0, count: count)
    for node in order { retained[node] += graph.selfSizes[node] }
    var depth = [Int](repeating: -1, count: count)
    depth[root] = 0
    for node in order.reversed() where node != root { depth[node] = depth[idom[node]] + 1 }
    for node in order where node != root { retained[idom[node]] += retained[node] }
    immediateDominator = idom
    retainedSizes = retained
    self.depth = depth
  }
}
