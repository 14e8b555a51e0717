/// The ES module evaluation order: a post-order walk from each entry point in request order.
enum EvaluationOrder {
  /// Returns the order and the cycles met (as module id lists). Iterative, so import chains of
  /// any depth cannot overflow the stack.
  static func compute(entryPoints: [Int], imports: [[Int]]) -> (order: [Int], cycles: [[Int]]) {
    var state = [UInt8](repeating: 0, count: imports.count)  // 0 new, 1 on stack, 2 done
    var order: [Int] = []
    var cycles: [[Int]] = []
    var stack: [(node: Int, next: Int)] = []
    for entry in entryPoints where state[entry] == 0 {
      stack.append((entry, 0))
      state[entry] = 1
      while let top = stack.last {
        let edges = imports[top.node]
        if top.next < edges.count {
          stack[stack.count - 1].next += 1
          let target = edges[top.next]
          switch state[target] {
          case 0:
            state[target] = 1
            stack.append((target, 0))
          case 1:
            if let start = stack.firstIndex(where: { $0.node == target }) {
              cycles.append(stack[start...].map(\.node))
            }
          default: break
          }
        } else {
          state[top.node] = 2
          order.append(top.node)
          stack.removeLast()
        }
      }
    }
    return (order, cycles)
  }
}
