import ArgumentParser
import BundleResolver
import Foundation
import SnapshotKit

/// `snapgen bench`: boot times, phase by phase, against the floor and a boot from sources.
struct BenchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "bench",
    abstract: "Measure boot phases of a snapshot beside a bare V8 isolate and a boot from sources.",
    discussion: """
      Warm boots run in this process, side by side with the floor (a bare isolate + context, no \
      runtime JS) and, with --sources, the same internal JS evaluated from source. First boots \
      (the first isolate of a process) are measured in fresh child processes. Build snapgen in \
      release mode (swift build -c release) for numbers worth comparing.
      """)

  @Argument(help: "The snapshot to boot.")
  var snapshot: String = "snapshot.bin"

  @Option(help: "Folder (or snapgen.json) of the same internal JS, to compare with a boot from sources.")
  var sources: String?

  @Option(help: "Warm boots of each kind.")
  var iterations: Int = 100

  @Option(help: "First boots of each kind (one child process each).")
  var processes: Int = 15

  @Option(help: "The expression run right after boot: the first call into internal JS.")
  var call: String = "typeof globalThis"

  @Flag(help: "Also measure op round trips (sync, async, beside a plain JS call).")
  var ops = false

  @Flag(help: "Print the report as JSON on stdout.")
  var json = false

  @Option(help: "A previous --json report to compare against.")
  var baseline: String?

  @Option(help: "With --baseline: fail when a median boot is this many percent slower.")
  var maxRegression: Double = 10

  @Option(help: .hidden)
  var sample: String?

  func run() throws {
    try V8Engine.initialize(flags: [])
    if let sample {
      // Child mode: one first boot of the given kind, as JSON.
      let result = sample == "floor" ? try BootBenchmark.bareBoot()
        : try BootBenchmark.snapshotBoot(path: snapshot, ops: .standard, firstCall: call)
      Terminal.out(String(decoding: try JSONSerialization.data(withJSONObject: result, options: [.sortedKeys]), as: UTF8.self))
      return
    }
    let report = try measure()
    if json {
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
      Terminal.out(String(decoding: try encoder.encode(report), as: UTF8.self))
    } else {
      Terminal.out(report.humanSummary)
    }
    if let baseline {
      let previous = try JSONDecoder().decode(BenchReport.self, from: Data(contentsOf: URL(fileURLWithPath: baseline)))
      let regressions = report.regressions(against: previous, maximumPercent: maxRegression)
      if !regressions.isEmpty {
        for line in regressions { Terminal.error("error: regression: \(line)") }
        throw ExitCode.failure
      }
    }
  }

  private func measure() throws -> BenchReport {
    let graph: ModuleGraph? = try sources.map { folder in
      try BuildConfiguration.load(from: folder).resolveGraph()
    }
    var snapshotSamples: [BootBenchmark.Sample] = []
    var floorSamples: [BootBenchmark.Sample] = []
    var sourceSamples: [BootBenchmark.Sample] = []
    // One untimed round so that file caches and lazy library state do not count as "warm".
    _ = try BootBenchmark.snapshotBoot(path: snapshot, ops: .standard, firstCall: call)
    _ = try BootBenchmark.bareBoot()
    for _ in 0..<iterations {
      snapshotSamples.append(try BootBenchmark.snapshotBoot(path: snapshot, ops: .standard, firstCall: call))
      floorSamples.append(try BootBenchmark.bareBoot())
      if let graph { sourceSamples.append(try BootBenchmark.sourceBoot(graph: graph, ops: .standard, firstCall: call)) }
    }
    var firstSnapshot: [BootBenchmark.Sample] = []
    var firstFloor: [BootBenchmark.Sample] = []
    for _ in 0..<processes {
      firstSnapshot.append(try childSample("snapshot"))
      firstFloor.append(try childSample("floor"))
    }
    var report = BenchReport(
      snapshot: snapshot, iterations: iterations, processes: processes, firstCall: call,
      warm: BenchReport.Group(
        snapshot: BootBenchmark.summarize(snapshotSamples), floor: BootBenchmark.summarize(floorSamples),
        sources: graph == nil ? nil : BootBenchmark.summarize(sourceSamples)),
      first: BenchReport.Group(
        snapshot: BootBenchmark.summarize(firstSnapshot), floor: BootBenchmark.summarize(firstFloor), sources: nil),
      ops: nil)
    if ops { report.ops = try OpRoundTripBenchmark.run() }
    return report
  }

  private func childSample(_ kind: String) throws -> BootBenchmark.Sample {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0].hasPrefix("/")
      ? CommandLine.arguments[0] : FileManager.default.currentDirectoryPath + "/" + CommandLine.arguments[0])
    process.arguments = ["bench", snapshot, "--sample", kind, "--call", call]
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0,
      let sample = try JSONSerialization.jsonObject(with: data) as? [String: Double]
    else {
      throw ValidationError("a first-boot child process failed (status \(process.terminationStatus))")
    }
    return sample
  }
}
