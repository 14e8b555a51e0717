import ArgumentParser
import BundleResolver
import FoundationEssentials
import Glibc
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

  // `.unconditional`: "--iterations -5" is a value to refuse by name, not a missing value.
  @Option(parsing: .unconditional, help: "Warm boots of each kind.")
  var iterations: Int = 100

  @Option(parsing: .unconditional, help: "First boots of each kind (one child process each).")
  var processes: Int = 15

  @Option(help: "The expression run right after boot: the first call into internal JS.")
  var call: String = "typeof globalThis"

  @Flag(help: "Also measure op round trips (sync, async, beside a plain JS call).")
  var ops = false

  @Flag(help: "Print the report as JSON on stdout.")
  var json = false

  @Option(help: "A previous --json report to compare against.")
  var baseline: String?

  @Option(parsing: .unconditional, help: "With --baseline: fail when a median boot is this many percent slower.")
  var maxRegression: Double = 10

  @Option(name: .customLong("trusted-key"), help: "Also measure warm boots that check the snapshot's signature against this public key.")
  var trustedKeys: [String] = []

  @Option(parsing: .unconditional, help: "Runtimes a RuntimePool keeps booted ahead while its acquire() is timed (0 skips it).")
  var poolSize: Int = 2

  @Option(help: .hidden)
  var sample: String?

  func validate() throws {
    guard iterations >= 1 else { throw ValidationError("--iterations must be at least 1, not \(iterations)") }
    guard processes >= 0 else { throw ValidationError("--processes must be 0 or more, not \(processes)") }
    guard maxRegression >= 0 else { throw ValidationError("--max-regression must be 0 or more, not \(maxRegression)") }
    guard (0...64).contains(poolSize) else { throw ValidationError("--pool-size must be between 0 and 64, not \(poolSize)") }
    if let sample, BootBenchRun.FirstBootKind(rawValue: sample) == nil { throw ValidationError("unknown --sample kind '\(sample)'") }
  }

  func run() throws {
    try V8Engine.initialize(flags: [])
    if let sample, let kind = BootBenchRun.FirstBootKind(rawValue: sample) {
      // Child mode: one first boot of the given kind, as JSON.
      Terminal.out(try BootBenchRun.firstBootSample(kind: kind, snapshot: snapshot, firstCall: call))
      return
    }
    // A damaged baseline is reported before the benchmark spends its time.
    let previous = try baseline.map(loadBaseline)
    var run = BootBenchRun(snapshot: snapshot)
    if let sources {
      do { run.sources = try BuildConfiguration.load(from: sources).resolveGraph() } catch {
        throw Terminal.fail(error.diagnostics)
      }
    }
    run.iterations = iterations
    run.processes = processes
    run.firstCall = call
    run.measuresOps = ops
    run.poolSize = poolSize
    for path in trustedKeys {
      do { run.trustedKeys.append(try SigningKeyFile.readPublicKey(path)) } catch {
        Terminal.error("\(error.path): error: \(error.reason)")
        throw ExitCode.failure
      }
    }
    run.executable = Terminal.selfExecutable
    let report = try run.run()
    if json {
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
      Terminal.out(String(decoding: try encoder.encode(report), as: UTF8.self))
    } else {
      Terminal.out(report.humanSummary)
    }
    if let previous {
      let regressions = report.regressions(against: previous, maximumPercent: maxRegression)
      if !regressions.isEmpty {
        for line in regressions { Terminal.error("error: regression: \(line)") }
        throw ExitCode.failure
      }
    }
  }

  private func loadBaseline(_ path: String) throws -> BenchReport {
    do {
      return try JSONDecoder().decode(BenchReport.self, from: Data(FileBytes.read(path)))
    } catch {
      Terminal.error("\(path): error: not a snapgen bench --json report: \(error)")
      throw ExitCode.failure
    }
  }
}
