public import BundleResolver
public import SnapgenCrypto

/// Measures boots phase by phase: from a snapshot, from sources (the same internal JS evaluated
/// in a fresh isolate), and a bare isolate + context with no runtime JS (the floor).
public enum BootBenchmark {
  /// One boot's phases in milliseconds (`total` included).
  public typealias Sample = [String: Double]

  /// Boots from the snapshot file at `path` and runs `firstCall` (the first call into internal JS);
  /// with `trustedKeys` the signature is checked too (in the `validate` phase).
  public static func snapshotBoot(
    path: String, ops: OpRegistry, firstCall: String, trustedKeys: [Ed25519.PublicKey] = []
  ) throws -> Sample {
    let clock = ContinuousClock()
    let start = clock.now
    let runtime = try JSRuntime.boot(snapshotAt: path, ops: ops, trustedKeys: trustedKeys)
    let booted = clock.now
    try runtime.evaluate(firstCall, name: "<first call>")
    let called = clock.now
    let timings = runtime.timings
    return [
      "read": timings.read.milliseconds, "validate": timings.validate.milliseconds,
      "decompress": timings.decompress.milliseconds, "isolate": timings.isolate.milliseconds,
      "context": timings.context.milliseconds, "firstCall": (called - booted).milliseconds,
      "total": (called - start).milliseconds,
    ]
  }

  /// The signature check a boot makes the first time it meets a version of the file (no
  /// ``SignatureCheckMemo``): one SHA-256 of the stored payload and one Ed25519 verification,
  /// timed alone in the `check` phase.
  public static func signatureCheck(path: String, ops: OpRegistry, trustedKeys: [Ed25519.PublicKey]) throws -> Sample {
    let bytes = try FileBytes.read(path)
    let header = try SnapshotFile.validateForBoot(bytes, environment: .current(ops: ops.manifest))
    let clock = ContinuousClock()
    let start = clock.now
    try SnapshotFile.checkSignature(of: bytes, header: header, trustedKeys: trustedKeys)
    return ["check": (clock.now - start).milliseconds]
  }

  /// Evaluates `graph` from source in a fresh isolate, then runs `firstCall`.
  public static func sourceBoot(graph: ModuleGraph, ops: OpRegistry, firstCall: String) throws -> Sample {
    let clock = ContinuousClock()
    let start = clock.now
    let runtime = try JSRuntime.fromSources(graph, ops: ops)
    let booted = clock.now
    try runtime.evaluate(firstCall, name: "<first call>")
    let called = clock.now
    return [
      "isolate": runtime.timings.isolate.milliseconds, "context": runtime.timings.context.milliseconds,
      "evaluate": runtime.timings.evaluateSources.milliseconds, "firstCall": (called - booted).milliseconds,
      "total": (called - start).milliseconds,
    ]
  }

  /// A bare isolate and context from V8's built-in snapshot: no runtime JS at all.
  public static func bareBoot() throws -> Sample {
    try V8Engine.ensureInitialized()
    let clock = ContinuousClock()
    let start = clock.now
    let runtime = try JSRuntime.make(blob: nil, ops: OpRegistry(), forSnapshot: false)
    let total = (clock.now - start).milliseconds
    return ["isolate": runtime.timings.isolate.milliseconds, "context": runtime.timings.context.milliseconds, "total": total]
  }

  /// Order statistics of one phase over many boots, in milliseconds.
  public struct PhaseSummary: Codable, Sendable, Equatable {
    public var count: Int
    public var min: Double
    public var median: Double
    public var p90: Double
    public var p99: Double
    public var max: Double
  }

  /// Summarises samples phase by phase.
  public static func summarize(_ samples: [Sample]) -> [String: PhaseSummary] {
    var phases: [String: [Double]] = [:]
    for sample in samples {
      for (phase, value) in sample { phases[phase, default: []].append(value) }
    }
    return phases.mapValues { values in
      PhaseSummary(
        count: values.count, min: values.min() ?? 0, median: Statistics.median(values),
        p90: Statistics.percentile(values, 90), p99: Statistics.percentile(values, 99), max: values.max() ?? 0)
    }
  }
}
