import BundleResolver
import Foundation
import SnapshotKit
import Testing

@Suite("boot benchmark run (library)", .serialized)
struct BootBenchRunTests {
  init() throws { try Fixtures.prepareEngine() }

  @Test("a run boots each kind the asked number of times and reports ratios; regressions are named")
  func runAndRegressions() throws {
    let root = try Fixtures.moduleTree(["main.js": "globalThis.ready = [1, 2, 3].map((x) => x * 2);\n"])
    defer { try? FileManager.default.removeItem(atPath: root) }
    let configuration = BuildConfiguration(root: root, entryPoints: ["main.js"])
    try SnapshotPipeline(configuration: configuration).run().write(to: root + "/snapshot.bin")
    var run = BootBenchRun(snapshot: root + "/snapshot.bin")
    run.iterations = 3
    run.processes = 0
    run.firstCall = "ready.length"
    run.sources = try configuration.resolveGraph()
    let report = try run.run()
    #expect(report.warm.snapshot["total"]?.count == 3)
    #expect(report.warm.floor["total"]?.count == 3)
    #expect(report.warm.sources?["evaluate"]?.count == 3)
    #expect(report.ratios["warmSnapshotOverFloor"].map { $0 > 0 } == true)
    // Pool acquires are their own figure, never part of the boot ratios.
    #expect(report.poolAcquire?["acquire"]?.count == 3)
    #expect(report.poolAcquire?["firstCall"]?.count == 3)
    #expect(!report.ratios.keys.contains { $0.lowercased().contains("pool") })

    var slower = report
    slower.warm.snapshot["total"]?.median *= 2
    let regressions = slower.regressions(against: report, maximumPercent: 10)
    #expect(regressions.count == 1 && regressions[0].hasPrefix("warm snapshot boot median"))
    #expect(report.regressions(against: report, maximumPercent: 10).isEmpty)
    let decoded = try JSONDecoder().decode(BenchReport.self, from: JSONEncoder().encode(report))
    #expect(decoded.warm.snapshot == report.warm.snapshot && decoded.iterations == 3)
    #expect(decoded.poolAcquire == report.poolAcquire)
  }

  @Test("first boots without an executable fail with a reason instead of crashing")
  func firstBootsNeedAnExecutable() throws {
    let root = try Fixtures.moduleTree(["main.js": "globalThis.ready = 1;\n"])
    defer { try? FileManager.default.removeItem(atPath: root) }
    try SnapshotPipeline(configuration: BuildConfiguration(root: root, entryPoints: ["main.js"])).run()
      .write(to: root + "/snapshot.bin")
    var run = BootBenchRun(snapshot: root + "/snapshot.bin")
    run.iterations = 1
    run.processes = 1
    #expect {
      try run.run()
    } throws: { error in
      (error as? BootBenchRun.Failure)?.description.contains("need an executable") == true
    }
  }
}
