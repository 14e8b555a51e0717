public import Foundation
public import Testing

/// Golden files: expected outputs kept in the repository and compared byte for byte.
///
/// Run the tests with `SNAPGEN_RECORD_GOLDENS=1` to (re)write every golden a test reaches
/// from the actual output; review the change with `git diff` and commit it. Without it, a
/// missing golden or a mismatch fails the test with a line diff (`-` golden, `+` actual).
public struct Golden: Sendable {
  /// The folder holding the golden files.
  public var folder: String
  /// Applied to the actual output before comparing (and before recording).
  public var scrubber: OutputScrubber

  public init(folder: String, scrubber: OutputScrubber = .standard()) {
    self.folder = folder
    self.scrubber = scrubber
  }

  /// True when `SNAPGEN_RECORD_GOLDENS=1`.
  public static var isRecording: Bool {
    ProcessInfo.processInfo.environment["SNAPGEN_RECORD_GOLDENS"] == "1"
  }

  /// Compares the scrubbed `actual` with the golden file `name`, or records it.
  public func expect(
    _ actual: String, matches name: String, scrubber extra: OutputScrubber? = nil,
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    var text = scrubber.scrub(actual)
    if let extra { text = extra.scrub(text) }
    let path = folder + "/" + name
    if Self.isRecording {
      try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
      try Data(text.utf8).write(to: URL(fileURLWithPath: path))
      return
    }
    guard let data = FileManager.default.contents(atPath: path) else {
      Issue.record(
        "no golden file \(name); run with SNAPGEN_RECORD_GOLDENS=1 to record it. Actual output:\n\(text)",
        sourceLocation: sourceLocation)
      return
    }
    let expected = String(decoding: data, as: UTF8.self)
    if expected != text {
      let diff = LineDiff.render(expected: expected, actual: text)
      Issue.record(
        "\(name) differs from its golden (- golden, + actual; SNAPGEN_RECORD_GOLDENS=1 re-records):\n\(diff)",
        sourceLocation: sourceLocation)
    }
  }
}
