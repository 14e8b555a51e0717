import Foundation
import SnapgenTestSupport
import Testing

/// Keeps what `snapgen anatomy` found in internal-js: a single character above U+00FF anywhere
/// in a module (a "…" in a comment) makes V8 keep that module's whole source as a two-byte string
/// in the snapshot, doubling its share of the blob.
@Suite("internal-js sources")
struct InternalJSSourceTests {
  @Test("every internal-js module is Latin-1, so V8 stores its source one byte per character")
  func latin1Sources() throws {
    let source = Repository.internalJS + "/src"
    let files = try FileManager.default.subpathsOfDirectory(atPath: source).filter { $0.hasSuffix(".js") }.sorted()
    #expect(files.count > 10)
    var offenders: [String] = []
    for file in files {
      let text = try String(contentsOfFile: source + "/" + file, encoding: .utf8)
      for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
      where line.unicodeScalars.contains(where: { $0.value > 0xFF }) {
        offenders.append("src/\(file):\(number + 1): \(line)")
      }
    }
    #expect(offenders == [], "write these characters as \\u escapes (or ASCII in comments)")
  }
}
