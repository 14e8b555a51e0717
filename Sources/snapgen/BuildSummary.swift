import Foundation
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
      + "\(Double.byteCount(header.storedSize)) \(header.codec.name) (\(String(format: "%.0f", ratio))%) in \(String(format: "%.0f", milliseconds)) ms"
  }

  func json() throws -> String {
    let header = file.header
    let summary: [String: Any] = [
      "output": output, "written": outcome == .written, "modules": file.metadata.modules.count,
      "rawSize": header.rawSize, "storedSize": header.storedSize, "codec": header.codec.name,
      "inputDigest": file.metadata.inputDigest, "milliseconds": milliseconds, "cache": cache.rawValue,
    ]
    return String(decoding: try JSONSerialization.data(withJSONObject: summary, options: [.sortedKeys]), as: UTF8.self)
  }
}
