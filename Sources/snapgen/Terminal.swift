import Glibc
import ArgumentParser
import FoundationEssentials
import BundleResolver
import SnapshotKit

/// Output helpers: results to stdout, diagnostics to stderr.
enum Terminal {
  /// Writes a line to stdout unbuffered, so it interleaves correctly with output that
  /// JavaScript writes through ops.
  static func out(_ text: String) {
    writeAll(text + "\n", to: STDOUT_FILENO)
  }

  static func error(_ text: String) {
    var line = text
    if !line.hasSuffix("\n") { line += "\n" }
    writeAll(line, to: STDERR_FILENO)
  }

  /// Writes all of `text` to `descriptor`, retrying after interruptions and partial writes.
  private static func writeAll(_ text: String, to descriptor: Int32) {
    var bytes = Array(text.utf8)
    bytes.withUnsafeMutableBytes { buffer in
      var offset = 0
      while offset < buffer.count {
        let written = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
        if written < 0 && errno == EINTR { continue }
        if written <= 0 { return }
        offset += written
      }
    }
  }

  /// Prints diagnostics compiler-style and returns the failure exit code.
  static func fail(_ diagnostics: [Diagnostic]) -> ExitCode {
    for diagnostic in diagnostics { error(diagnostic.description) }
    return ExitCode.failure
  }

  /// Prints a snapshot or runtime error with the snapshot path in front and picks the exit code.
  static func fail(_ runtimeError: RuntimeError, snapshot path: String) -> ExitCode {
    switch runtimeError {
    case .snapshot(let problem):
      error("\(path): error: \(problem)")
      return ExitCode(ExitStatus.of(problem).rawValue)
    case .untrusted(let problem):
      error("\(path): error: \(problem)")
      return ExitCode(ExitStatus.untrustedSnapshot.rawValue)
    case .javascript(let diagnostics):
      return fail(diagnostics.diagnostics)
    case .io(let message), .engine(let message):
      error("error: \(message)")
      return ExitCode.failure
    }
  }
}

extension Terminal {
  /// This executable's path, for re-running itself as a build child.
  static var selfExecutable: String {
    (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
  }

  /// Fault injection for the reliability tests: with `SNAPGEN_TESTING_STALL_BEFORE_RENAME=<seconds>`
  /// a build waits that long with its temporary file complete but not yet renamed, so a test
  /// can kill it mid-write.
  static var testingStallBeforeRename: (() -> Void)? {
    guard let text = ProcessInfo.processInfo.environment["SNAPGEN_TESTING_STALL_BEFORE_RENAME"],
      let seconds = UInt32(text)
    else { return nil }
    return { sleep(seconds) }
  }
}

extension Double {
  /// A short human size: 812 B, 3.4 KB, 1.20 MB.
  static func byteCount(_ bytes: Int) -> String {
    let value = Double(bytes)
    if value < 1_000 { return "\(bytes) B" }
    if value < 1_000_000 { return String(cFormat: "%.1f KB", value / 1_000) }
    return String(cFormat: "%.2f MB", value / 1_000_000)
  }
}
