import FoundationEssentials
import Glibc

extension AnatomyReport {
  /// A plain-text report: totals, one row per module (biggest first), the remainder, V8's
  /// serialisation statistics and the boot phases.
  public var text: String {
    var lines: [String] = []
    lines.append("snapshot anatomy of \(configuration) (V8 \(v8Version))")
    lines.append(
      "blob \(Self.bytes(blobBytes)) raw, \(Self.bytes(storedBytes)) stored; heap before serialising: "
        + "\(heapObjects) objects, \(Self.bytes(heapBytes))")
    if let floor {
      lines.append(
        "an empty module's snapshot\(floor.base.map { " on the base \($0) (V8's and the base's share)" } ?? " (V8's own share)"): blob \(Self.bytes(floor.blobBytes)), heap \(floor.heapObjects) objects, "
          + "\(Self.bytes(floor.heapBytes))")
    }
    lines.append("")
    lines.append(
      Self.row(["module", "source", "functions", "bytecode", "objects", "heap", "strings", "~blob", "~boot"]))
    for module in modules.sorted(by: { $0.bytes > $1.bytes }) {
      lines.append(
        Self.row([
          module.name, Self.bytes(module.sourceBytes), "\(module.functions)", Self.bytes(module.bytecodeBytes),
          "\(module.objects)", Self.bytes(module.bytes), "\(module.strings)", Self.percent(module.blobShare),
          module.estimatedBootMilliseconds.map { String(cFormat: "%.2f ms", $0) } ?? "-",
        ]))
    }
    let attributed = modules.reduce(0) { $0 + $1.bytes }
    lines.append(
      Self.row([
        "(unattributed)", "", "", "", "\(unattributed.objects)", Self.bytes(unattributed.bytes), "",
        Self.percent(max(0, 1 - modules.reduce(0) { $0 + $1.blobShare })), "",
      ]))
    let jit = modules.reduce(0) { $0 + $1.jitCodeBytes }
    if jit > 0 {
      lines.append("JIT code from the warm-up in the modules' heap: \(Self.bytes(jit)) (V8 does not serialise it; left out of ~blob)")
    }
    lines.append(
      "modules \(Self.bytes(attributed)) + unattributed \(Self.bytes(unattributed.bytes)) = heap \(Self.bytes(attributed + unattributed.bytes))")
    lines.append("")
    lines.append("biggest objects (retained bytes, retaining path):")
    for module in modules.sorted(by: { $0.bytes > $1.bytes }).prefix(8) {
      lines.append("  \(module.name)")
      for object in module.biggestObjects.prefix(3) { lines.append("    " + Self.describe(object)) }
    }
    lines.append("  (unattributed)")
    for object in unattributed.biggestObjects.prefix(3) { lines.append("    " + Self.describe(object)) }
    lines.append("")
    lines.append("most bytecode:")
    let functions = modules.flatMap { module in module.largestFunctions.map { (module.name, $0) } }
      .sorted { $0.1.bytecodeBytes > $1.1.bytecodeBytes }.prefix(10)
    for (module, function) in functions {
      lines.append("  \(Self.bytes(function.bytecodeBytes))  \(function.name)  in \(module)")
    }
    if !serialization.isEmpty {
      lines.append("")
      lines.append("V8 serialisation statistics (--serialization-statistics):")
      for part in serialization.blobParts { lines.append("  blob part \(part.name): \(Self.bytes(part.bytes))") }
      for serializer in serialization.serializers {
        let spaces = serializer.spaces.filter { $0.bytes > 0 }.map { "\($0.name) \(Self.bytes($0.bytes))" }
        lines.append("  \(serializer.name): " + (spaces.isEmpty ? "nothing" : spaces.joined(separator: ", ")))
      }
    }
    if let boot {
      lines.append("")
      lines.append("boot (\(boot.source)), median ms:")
      let order = ["read", "validate", "decompress", "isolate", "context", "firstCall", "total"]
      for phase in order where boot.phases[phase] != nil {
        let floor = boot.floor[phase].map { String(cFormat: " (bare V8: %.2f)", $0) } ?? ""
        let label = phase + String(repeating: " ", count: max(0, 11 - phase.count))
        lines.append("  " + label + String(cFormat: "%7.2f", boot.phases[phase]!) + floor)
      }
      lines.append(String(cFormat: "  deserialising this snapshot's own objects: ~%.2f ms", boot.deserializeMilliseconds))
      lines.append("  per-module ~boot: \(boot.method)")
    }
    return lines.joined(separator: "\n")
  }

  static func describe(_ object: HeapObject) -> String {
    let name = object.name.isEmpty ? object.type : "\(object.type) \(object.name.debugDescription)"
    return "\(bytes(object.retainedBytes))  \(name)  ← \(object.retainingPath.joined(separator: " → "))"
  }

  static func row(_ cells: [String]) -> String {
    let widths = [40, 9, 9, 9, 8, 9, 8, 6, 9]
    return zip(cells, widths).enumerated().map { index, pair in
      let (cell, width) = pair
      let padding = String(repeating: " ", count: max(0, width - cell.count))
      return index == 0 ? cell + padding : padding + cell
    }.joined(separator: " ")
  }

  static func bytes(_ count: Int) -> String {
    count >= 1024 * 1024 ? String(cFormat: "%.2f MB", Double(count) / 1_048_576)
      : count >= 1024 ? String(cFormat: "%.1f KB", Double(count) / 1024) : "\(count) B"
  }

  static func percent(_ share: Double) -> String { String(cFormat: "%.1f%%", share * 100) }
}
