import FoundationEssentials
import Glibc
import SnapshotKit

/// What `snapgen build` prints after a build: one line for people, or JSON with stable keys.
struct BuildSummary {
  var output: String
  var file: SnapshotFile
  var outcome: AtomicFileWriter.Outcome
  var milliseconds: Double
  /// Where the snapshot came from (hit-local, hit-remote, miss, disabled).
  var cache: CacheOutcome = .disabled

  var text: String {
    let header = file.header
    let ratio = header.rawSize > 0 ? Double(header.storedSize) * 100 / Double(header.rawSize) : 0
    let verb = outcome == .written ? "wrote" : "unchanged"
    let source = [CacheOutcome.hitLocal: " from the local cache", .hitRemote: " from the remote cache"][cache] ?? ""
    return "\(verb) \(output)\(source): \(file.metadata.modules.count) modules, \(Double.byteCount(header.rawSize)) V8 blob → "
      + "\(Double.byteCount(header.storedSize)) \(header.codec.name) (\(String(cFormat: "%.0f", ratio))%) in \(String(cFormat: "%.0f", milliseconds)) ms"
  }

  func json() throws -> String {
    let header = file.header
    let summary: [String: JSONField] = [
      "output": .string(output), "written": .bool(outcome == .written), "modules": .integer(file.metadata.modules.count),
      "rawSize": .integer(Int64(header.rawSize)), "storedSize": .integer(Int64(header.storedSize)),
      "codec": .string(header.codec.name), "inputDigest": .string(file.metadata.inputDigest),
      "milliseconds": .number(milliseconds), "cache": .string(cache.rawValue),
    ]
    return try summary.sortedJSON()
  }
}
