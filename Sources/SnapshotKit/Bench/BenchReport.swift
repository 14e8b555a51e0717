import FoundationEssentials
import Glibc

/// The result of a boot benchmark (``BootBenchRun``), and `snapgen bench --json`'s shape.
public struct BenchReport: Codable, Sendable {
  /// Summaries of one kind of boot, phase by phase.
  public struct Group: Codable, Sendable {
    /// Creates a group.
    public init(
      snapshot: [String: BootBenchmark.PhaseSummary], floor: [String: BootBenchmark.PhaseSummary],
      sources: [String: BootBenchmark.PhaseSummary]?
    ) {
      self.snapshot = snapshot
      self.floor = floor
      self.sources = sources
    }

    public var snapshot: [String: BootBenchmark.PhaseSummary]
    public var floor: [String: BootBenchmark.PhaseSummary]
    public var sources: [String: BootBenchmark.PhaseSummary]?
  }

  public var snapshot: String
  public var iterations: Int
  public var processes: Int
  public var firstCall: String
  public var warm: Group
  public var first: Group
  public var ops: OpRoundTripBenchmark.Report?
  /// Warm snapshot boots that also checked the signature (`--trusted-key`), measured interleaved
  /// with ``warm``'s.
  public var warmSignatureChecked: [String: BootBenchmark.PhaseSummary]?
  /// The signature check alone, as a boot makes it the first time it meets a version of the
  /// file (later boots of an unchanged file find it in ``SignatureCheckMemo``).
  public var signatureCheck: [String: BootBenchmark.PhaseSummary]?
  /// ``RuntimePool/acquire()`` on a full pool (`acquire`) and the first call on the runtime it
  /// returned (`firstCall`), in milliseconds: kept apart from the boot figures, which it is not.
  public var poolAcquire: [String: BootBenchmark.PhaseSummary]?

  /// Median-total ratios: how the snapshot boot compares with the floor and with sources.
  public var ratios: [String: Double] {
    var ratios: [String: Double] = [:]
    func median(_ group: [String: BootBenchmark.PhaseSummary]?) -> Double? { group?["total"]?.median }
    if let boot = median(warm.snapshot), let floor = median(warm.floor), floor > 0 {
      ratios["warmSnapshotOverFloor"] = boot / floor
    }
    if let boot = median(first.snapshot), let floor = median(first.floor), floor > 0 {
      ratios["firstSnapshotOverFirstFloor"] = boot / floor
    }
    if let boot = median(warm.snapshot), let cold = median(warm.sources), boot > 0 {
      ratios["sourcesOverSnapshot"] = cold / boot
    }
    if let boot = median(warm.snapshot), let signed = median(warmSignatureChecked), boot > 0 {
      ratios["signatureCheckedOverUnchecked"] = signed / boot
    }
    return ratios
  }

  enum CodingKeys: String, CodingKey {
    case snapshot, iterations, processes, firstCall, warm, first, ops, ratios, warmSignatureChecked, signatureCheck, poolAcquire
  }

  public init(snapshot: String, iterations: Int, processes: Int, firstCall: String, warm: Group, first: Group, ops: OpRoundTripBenchmark.Report?) {
    self.snapshot = snapshot
    self.iterations = iterations
    self.processes = processes
    self.firstCall = firstCall
    self.warm = warm
    self.first = first
    self.ops = ops
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    snapshot = try container.decode(String.self, forKey: .snapshot)
    iterations = try container.decode(Int.self, forKey: .iterations)
    processes = try container.decode(Int.self, forKey: .processes)
    firstCall = try container.decode(String.self, forKey: .firstCall)
    warm = try container.decode(Group.self, forKey: .warm)
    first = try container.decode(Group.self, forKey: .first)
    ops = try container.decodeIfPresent(OpRoundTripBenchmark.Report.self, forKey: .ops)
    warmSignatureChecked = try container.decodeIfPresent([String: BootBenchmark.PhaseSummary].self, forKey: .warmSignatureChecked)
    signatureCheck = try container.decodeIfPresent([String: BootBenchmark.PhaseSummary].self, forKey: .signatureCheck)
    poolAcquire = try container.decodeIfPresent([String: BootBenchmark.PhaseSummary].self, forKey: .poolAcquire)
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(snapshot, forKey: .snapshot)
    try container.encode(iterations, forKey: .iterations)
    try container.encode(processes, forKey: .processes)
    try container.encode(firstCall, forKey: .firstCall)
    try container.encode(warm, forKey: .warm)
    try container.encode(first, forKey: .first)
    try container.encodeIfPresent(ops, forKey: .ops)
    try container.encodeIfPresent(warmSignatureChecked, forKey: .warmSignatureChecked)
    try container.encodeIfPresent(signatureCheck, forKey: .signatureCheck)
    try container.encodeIfPresent(poolAcquire, forKey: .poolAcquire)
    try container.encode(ratios, forKey: .ratios)
  }

  /// Lines naming each median total that grew by more than `maximumPercent`.
  public func regressions(against baseline: BenchReport, maximumPercent: Double) -> [String] {
    let pairs: [(String, Double?, Double?)] = [
      ("warm snapshot boot", warm.snapshot["total"]?.median, baseline.warm.snapshot["total"]?.median),
      ("first snapshot boot", first.snapshot["total"]?.median, baseline.first.snapshot["total"]?.median),
    ]
    return pairs.compactMap { name, now, before in
      guard let now, let before, before > 0, now > before * (1 + maximumPercent / 100) else { return nil }
      return String(cFormat: "%@ median %.3f ms vs baseline %.3f ms (+%.1f%%, limit %.1f%%)", name, now, before, (now / before - 1) * 100, maximumPercent)
    }
  }
}
