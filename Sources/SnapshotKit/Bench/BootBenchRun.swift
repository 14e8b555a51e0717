public import BundleResolver
import FoundationEssentials
import Glibc
public import SnapgenCrypto

/// One boot benchmark: warm boots of a snapshot in this process side by side with the floor (a
/// bare isolate and context) and, optionally, the same JS evaluated from source; first boots
/// in fresh child processes; optionally op round trips. The engine of `snapgen bench`.
public struct BootBenchRun: Sendable {
  /// The snapshot to boot (with the standard ops).
  public var snapshot: String
  /// The same internal JS as a resolved graph, to compare with a boot from source.
  public var sources: ModuleGraph?
  /// Warm boots of each kind.
  public var iterations = 100
  /// First boots of each kind, one child process each (0 skips them).
  public var processes = 15
  /// The expression run right after boot: the first call into internal JS.
  public var firstCall = "typeof globalThis"
  /// Also measure op round trips.
  public var measuresOps = false
  /// Also measure ``RuntimePool/acquire()`` on a full pool of this many runtimes (0 skips it),
  /// after every boot measurement, reported on its own (``BenchReport/poolAcquire``).
  public var poolSize = 2
  /// When not empty, warm boots that check the snapshot's signature against these keys are
  /// measured too, interleaved with the unchecked ones (the cost of signed boots).
  public var trustedKeys: [Ed25519.PublicKey] = []
  /// An executable that answers ``childArguments(kind:)`` with one sample as JSON on stdout
  /// (`snapgen` does); needed when ``processes`` > 0.
  public var executable: String?
  /// How long one first-boot child may take.
  public var childTimeout: Duration = .seconds(60)

  /// A first-boot child's kind.
  public enum FirstBootKind: String, Sendable {
    case snapshot, floor
  }

  /// Creates a run for `snapshot`.
  public init(snapshot: String) {
    self.snapshot = snapshot
  }

  /// A failure of the benchmark itself (a boot that fails, a child that dies).
  public struct Failure: Error, Sendable, CustomStringConvertible {
    public var description: String
  }

  /// Runs every measurement. V8 must be initialised (with the runtime's flags) first.
  public func run() throws -> BenchReport {
    var snapshotSamples: [BootBenchmark.Sample] = []
    var floorSamples: [BootBenchmark.Sample] = []
    var sourceSamples: [BootBenchmark.Sample] = []
    var signedSamples: [BootBenchmark.Sample] = []
    var checkSamples: [BootBenchmark.Sample] = []
    // One untimed round so that file caches and lazy library state do not count as "warm".
    _ = try BootBenchmark.snapshotBoot(path: snapshot, ops: .standard, firstCall: firstCall)
    _ = try BootBenchmark.bareBoot()
    for _ in 0..<iterations {
      snapshotSamples.append(try BootBenchmark.snapshotBoot(path: snapshot, ops: .standard, firstCall: firstCall))
      floorSamples.append(try BootBenchmark.bareBoot())
      if let sources { sourceSamples.append(try BootBenchmark.sourceBoot(graph: sources, ops: .standard, firstCall: firstCall)) }
      if !trustedKeys.isEmpty {
        signedSamples.append(
          try BootBenchmark.snapshotBoot(path: snapshot, ops: .standard, firstCall: firstCall, trustedKeys: trustedKeys))
        checkSamples.append(try BootBenchmark.signatureCheck(path: snapshot, ops: .standard, trustedKeys: trustedKeys))
      }
    }
    var firstSnapshot: [BootBenchmark.Sample] = []
    var firstFloor: [BootBenchmark.Sample] = []
    for _ in 0..<processes {
      firstSnapshot.append(try childSample(.snapshot))
      firstFloor.append(try childSample(.floor))
    }
    var report = BenchReport(
      snapshot: snapshot, iterations: iterations, processes: processes, firstCall: firstCall,
      warm: BenchReport.Group(
        snapshot: BootBenchmark.summarize(snapshotSamples), floor: BootBenchmark.summarize(floorSamples),
        sources: sources == nil ? nil : BootBenchmark.summarize(sourceSamples)),
      first: BenchReport.Group(
        snapshot: BootBenchmark.summarize(firstSnapshot), floor: BootBenchmark.summarize(firstFloor), sources: nil),
      ops: nil)
    if !trustedKeys.isEmpty {
      report.warmSignatureChecked = BootBenchmark.summarize(signedSamples)
      report.signatureCheck = BootBenchmark.summarize(checkSamples)
    }
    if measuresOps { report.ops = try OpRoundTripBenchmark.run() }
    // Last: while pooled runtimes are alive, V8 10.2 allows no isolate from its built-in snapshot.
    if poolSize > 0 {
      report.poolAcquire = BootBenchmark.summarize(
        try PoolAcquireBenchmark.run(snapshot: snapshot, poolSize: poolSize, iterations: iterations, firstCall: firstCall))
    }
    return report
  }

  /// The arguments that make ``executable`` print one first-boot sample of `kind`.
  public func childArguments(kind: FirstBootKind) -> [String] {
    ["bench", snapshot, "--sample", kind.rawValue, "--call", firstCall]
  }

  /// The child side: one first boot of `kind` in this (fresh) process, as JSON.
  public static func firstBootSample(kind: FirstBootKind, snapshot: String, firstCall: String) throws -> String {
    let sample = kind == .floor
      ? try BootBenchmark.bareBoot() : try BootBenchmark.snapshotBoot(path: snapshot, ops: .standard, firstCall: firstCall)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    return String(decoding: try encoder.encode(sample), as: UTF8.self)
  }

  private func childSample(_ kind: FirstBootKind) throws -> BootBenchmark.Sample {
    guard let executable else { throw Failure(description: "first boots need an executable to run as a child") }
    let outcome = try ChildProcess.run(executable, arguments: childArguments(kind: kind), timeout: childTimeout)
    guard !outcome.timedOut else {
      throw Failure(description: "a first-boot child (\(kind.rawValue)) did not finish within \(childTimeout.components.seconds) s")
    }
    guard outcome.termination == .exited(0),
      let sample = try? JSONDecoder().decode(BootBenchmark.Sample.self, from: Data(outcome.standardOutput))
    else {
      let stderr = String(decoding: outcome.standardError, as: UTF8.self)
      throw Failure(description: "a first-boot child (\(kind.rawValue)) failed (\(outcome.termination)): \(stderr)")
    }
    return sample
  }
}
