import FoundationEssentials
import Glibc
import SnapshotKit

extension BenchReport {
  /// The report as tables for people.
  var humanSummary: String {
    var lines: [String] = []
    func table(_ title: String, _ phases: [String: BootBenchmark.PhaseSummary]?, order: [String]) {
      guard let phases else { return }
      lines.append(title)
      lines.append("  phase          min      median   p90      p99      max   (ms)")
      for phase in order {
        guard let s = phases[phase] else { continue }
        lines.append(String(cFormat: "  %-12@ %8.3f %8.3f %8.3f %8.3f %8.3f", phase, s.min, s.median, s.p90, s.p99, s.max))
      }
    }
    let snapshotPhases = ["read", "validate", "decompress", "isolate", "context", "firstCall", "total"]
    table("warm snapshot boot (\(iterations) in-process)", warm.snapshot, order: snapshotPhases)
    table("warm snapshot boot, signature checked", warmSignatureChecked, order: snapshotPhases)
    table("signature check of a file version not seen before", signatureCheck, order: ["check"])
    table("warm floor: bare isolate + context", warm.floor, order: ["isolate", "context", "total"])
    table("warm boot from sources", warm.sources, order: ["isolate", "context", "evaluate", "firstCall", "total"])
    table("first snapshot boot in a process (\(processes) processes)", first.snapshot, order: snapshotPhases)
    table("first bare isolate in a process", first.floor, order: ["isolate", "context", "total"])
    if let pool = poolAcquire, let acquire = pool["acquire"] {
      // Its own line, in microseconds: an acquire is not a boot and never enters the ratios.
      lines.append(String(
        cFormat: "pool acquire (runtime booted ahead, %ld acquires): median %.1f µs, p99 %.1f µs, max %.1f µs",
        acquire.count, acquire.median * 1000, acquire.p99 * 1000, acquire.max * 1000))
      if let call = pool["firstCall"] {
        lines.append(String(cFormat: "  then first call on it: median %.3f ms", call.median))
      }
    }
    let ratios = self.ratios
    lines.append("ratios of median totals:")
    for key in ratios.keys.sorted() { lines.append(String(cFormat: "  %@ %.2f×", key, ratios[key]!)) }
    if let ops {
      lines.append(String(cFormat: "op round trips per call: plain JS %.1f ns, sync op %.1f ns, async op %.0f ns", ops.plainCallNanoseconds, ops.syncOpNanoseconds, ops.asyncOpNanoseconds))
    }
    return lines.joined(separator: "\n")
  }
}
