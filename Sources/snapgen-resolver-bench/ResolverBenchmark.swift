import BundleResolver
import Foundation
import SnapshotKit

/// `snapgen-resolver-bench [sizes…]`: generates module trees of the given sizes (default 500,
/// 5000 and 20000 modules), resolves each a few times and reports the wall time. Not a test:
/// it prints numbers and never fails on them.
@main
struct ResolverBenchmark {
  static func main() throws {
    let arguments = CommandLine.arguments.dropFirst()
    let sizes = arguments.isEmpty ? [500, 5_000, 20_000] : arguments.compactMap { Int($0) }
    let repetitions = 3
    try V8Engine.initialize(flags: [], fixedSeeds: false)
    let parser = try ModuleSourceParser()
    print("size      modules   imports   best ms   median ms   µs/module")
    for size in sizes {
      let root = FileManager.default.temporaryDirectory.appendingPathComponent("snapgen-bench-\(size)-\(UUID().uuidString)").path
      defer { try? FileManager.default.removeItem(atPath: root) }
      let summary = try GraphGenerator(moduleCount: size).write(into: root)
      var times: [Double] = []
      var resolved = 0
      for _ in 0..<repetitions {
        let clock = ContinuousClock()
        let start = clock.now
        let graph = try ModuleGraphBuilder(root: root, entryPoints: [GraphGenerator.modulePath(0)]).build(parser: parser)
        let elapsed = clock.now - start
        times.append(Double(elapsed.components.seconds) * 1_000 + Double(elapsed.components.attoseconds) / 1e15)
        resolved = graph.modules.count
      }
      times.sort()
      let best = times[0]
      let median = times[times.count / 2]
      print(
        String(
          format: "%-9d %-9d %-9d %-9.1f %-11.1f %.1f", size, resolved, summary.imports, best, median,
          median * 1_000 / Double(resolved)))
    }
  }
}
