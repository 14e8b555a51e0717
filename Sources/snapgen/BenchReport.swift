import Foundation
import SnapshotKit

/// The result of `snapgen bench` (its --json shape).
struct BenchReport: Codable {
  /// Summaries of one kind of boot, phase by phase.
  struct Group: Codable {
    var snapshot: [String: BootBenchmark.PhaseSummary]
    var floor: [String: BootBenchmark.PhaseSummary]
    var sources: [String: BootBenchmark.PhaseSummary]?
  }

  var snapshot: String
  var iterations: Int
  var processes: Int
  var firstCall: String
  var warm: Group
  var first: Group
  var ops: OpRoundTripBenchmark.Report?

  /// Median-total ratios: how the snapshot boot compares with the floor and with sources.
  var ratios: [String: Double] {
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
    return ratios
  }

  enum CodingKeys: String, CodingKey {
    case snapshot, iterations, processes, firstCall, warm, first, ops, ratios
  }

  init(snapshot: String, iterations: Int, processes: Int, firstCall: String, warm: Group, first: Group, ops: OpRoundTripBenchmark.Report?) {
    self.snapshot = snapshot
    self.iterations = iterations
    self.processes = processes
    self.firstCall = firstCall
    self.warm = warm
    self.first = first
    self.ops = ops
  }

  init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    snapshot = try container.decode(String.self, forKey: .snapshot)
    iterations = try container.decode(Int.self, forKey: .iterations)
    processes = try container.decode(Int.self, forKey: .processes)
    firstCall = try container.decode(String.self, forKey: .firstCall)
    warm = try container.decode(Group.self, forKey: .warm)
    first = try container.decode(Group.self, forKey: .first)
    ops = try container.decodeIfPresent(OpRoundTripBenchmark.Report.self, forKey: .ops)
  }

  func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(snapshot, forKey: .snapshot)
    try container.encode(iterations, forKey: .iterations)
    try container.encode(processes, forKey: .processes)
    try container.encode(firstCall, forKey: .firstCall)
    try container.encode(warm, forKey: .warm)
    try container.encode(first, forKey: .first)
    try container.encodeIfPresent(ops, forKey: .ops)
    try container.encode(ratios, forKey: .ratios)
  }

  /// Lines naming each median total that grew by more than `maximumPercent`.
  func regressions(against baseline: BenchReport, maximumPercent: Double) -> [String] {
    let pairs: [(String, Double?, Double?)] = [
      ("warm snapshot boot", warm.snapshot["total"]?.median, baseline.warm.snapshot["total"]?.median),
      ("first snapshot boot", first.snapshot["total"]?.median, baseline.first.snapshot["total"]?.median),
    ]
    return pairs.compactMap { name, now, before in
      guard let now, let before, before > 0, now > before * (1 + maximumPercent / 100) else { return nil }
      return String(format: "%@ median %.3f ms vs baseline %.3f ms (+%.1f%%, limit %.1f%%)", name, now, before, (now / before - 1) * 100, maximumPercent)
    }
  }

  var humanSummary: String {
    var lines: [String] = []
    func table(_ title: String, _ phases: [String: BootBenchmark.PhaseSummary]?, order: [String]) {
      guard let phases else { return }
      lines.append(title)
      lines.append("  phase          min      median   p90      p99      max   (ms)")
      for phase in order {
        guard let s = phases[phase] else { continue }
        lines.append(String(format: "  %-12@ %8.3f %8.3f %8.3f %8.3f %8.3f", phase, s.min, s.median, s.p90, s.p99, s.max))
      }
    }
    let snapshotPhases = ["read", "validate", "decompress", "isolate", "context", "firstCall", "total"]
    table("warm snapshot boot (\(iterations) in-process)", warm.snapshot, order: snapshotPhases)
    table("warm floor: bare isolate + context", warm.floor, order: ["isolate", "context", "total"])
    table("warm boot from sources", warm.sources, order: ["isolate", "context", "evaluate", "firstCall", "total"])
    table("first snapshot boot in a process (\(processes) processes)", first.snapshot, order: snapshotPhases)
    table("first bare isolate in a process", first.floor, order: ["isolate", "context", "total"])
    let ratios = self.ratios
    lines.append("ratios of median totals:")
    for key in ratios.keys.sorted() { lines.append(String(format: "  %@ %.2f×", key, ratios[key]!)) }
    if let ops {
      lines.append(String(format: "op round trips per call: plain JS %.1f ns, sync op %.1f ns, async op %.0f ns", ops.plainCallNanoseconds, ops.syncOpNanoseconds, ops.asyncOpNanoseconds))
    }
    return lines.joined(separator: "\n")
  }
}
