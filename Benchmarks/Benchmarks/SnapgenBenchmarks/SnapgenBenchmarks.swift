import Benchmark
import BundleResolver
import Foundation
import SnapshotKit

let benchmarks: @Sendable () -> Void = {
  let boot = Benchmark.Configuration(
    metrics: [.wallClock, .mallocCountTotal], warmupIterations: 5, scalingFactor: .one,
    maxDuration: .seconds(5), maxIterations: 300,
    thresholds: [.wallClock: .init(relative: [.p50: 25])])

  // MARK: - Boot

  Benchmark("Boot: internal-js snapshot (read, validate, inflate, isolate, context)", configuration: boot) { benchmark in
    let path = Fixtures.snapshotPath
    let ops = OpRegistry.standard
    benchmark.startMeasurement()
    for _ in benchmark.scaledIterations {
      blackHole(try BootBenchmark.snapshotBoot(path: path, ops: ops, firstCall: "0"))
    }
  }

  Benchmark("Boot: bare isolate + context (floor)", configuration: boot) { benchmark in
    try V8Engine.initialize(flags: [], fixedSeeds: true)
    benchmark.startMeasurement()
    for _ in benchmark.scaledIterations { blackHole(try BootBenchmark.bareBoot()) }
  }

  Benchmark("Boot: internal-js evaluated from source", configuration: boot) { benchmark in
    let graph = Fixtures.internalGraph
    let ops = OpRegistry.standard
    benchmark.startMeasurement()
    for _ in benchmark.scaledIterations {
      blackHole(try BootBenchmark.sourceBoot(graph: graph, ops: ops, firstCall: "0"))
    }
  }

  // MARK: - Ops

  Benchmark(
    "Ops: round trips (sync, async, plain JS call; ns per call in the report)",
    configuration: .init(metrics: [.wallClock], maxDuration: .seconds(10), maxIterations: 5)
  ) { benchmark in
    try V8Engine.initialize(flags: [], fixedSeeds: true)
    for _ in benchmark.scaledIterations {
      let report = try OpRoundTripBenchmark.run(iterations: 100_000, rounds: 3)
      print(String(format: "op round trip per call: plain %.1f ns, sync %.1f ns, async %.0f ns",
        report.plainCallNanoseconds, report.syncOpNanoseconds, report.asyncOpNanoseconds))
    }
  }

  // MARK: - Resolver

  for count in [500, 5_000, 20_000] {
    Benchmark(
      "Resolver: \(count) generated modules",
      configuration: .init(
        metrics: [.wallClock], maxDuration: .seconds(20), maxIterations: count > 5_000 ? 3 : 10,
        thresholds: [.wallClock: .init(relative: [.p50: 25])])
    ) { benchmark in
      try V8Engine.initialize(flags: [], fixedSeeds: true)
      let root = Fixtures.generatedTree(modules: count)
      benchmark.startMeasurement()
      for _ in benchmark.scaledIterations {
        blackHole(try ModuleGraphBuilder(root: root, entryPoints: ["m0.js"]).build(parser: ModuleSourceParser()))
      }
    }
  }

  // MARK: - Build

  Benchmark(
    "Build: internal-js snapshot (resolve, evaluate, serialise, compress)",
    configuration: .init(metrics: [.wallClock, .peakMemoryResident], maxDuration: .seconds(10), maxIterations: 20,
      thresholds: [.wallClock: .init(relative: [.p50: 25])])
  ) { benchmark in
    try V8Engine.initialize(flags: [], fixedSeeds: true)
    let configuration = try Fixtures.configuration()
    benchmark.startMeasurement()
    for _ in benchmark.scaledIterations {
      blackHole(try SnapshotBuilder(configuration: configuration).build())
    }
  }
}
