import FoundationEssentials
import Glibc

/// Makes V8's flag parsing strict: V8 10.2 only prints "Error: unrecognized flag …" or
/// "Error: illegal value for flag …" and goes on without the flag, and `--help` prints and
/// exits the process. snapgen refuses such flags instead, naming them.
enum V8FlagCheck {
  /// Flags that print and exit, or print the whole flag table: never useful in a snapshot tool.
  static let refusedNames: Set<String> = ["help", "print-flag-values"]

  /// Refuses flags that would end or flood the process before V8 sees them.
  static func refuseProcessFlags(_ flags: [String]) throws(V8EngineError) {
    for flag in flags {
      var name = String(flag.drop { $0 == "-" }.prefix { $0 != "=" }.replacing("_", with: "-"))
      if name.hasPrefix("no") && refusedNames.contains(String(name.dropFirst(2))) { name = String(name.dropFirst(2)) }
      if refusedNames.contains(name) {
        throw V8EngineError(message: "the V8 flag '\(flag)' prints V8's flag table (and '--help' exits the process); it cannot be used with snapgen")
      }
    }
  }

  /// Refuses a `--stack-size` (in KB) larger than this process's stack: V8 would then recurse
  /// past the real end of the stack and die with SIGSEGV instead of throwing a RangeError.
  static func refuseOversizedStack(_ flags: [String]) throws(V8EngineError) {
    var limit = rlimit()
    guard getrlimit(__rlimit_resource_t(RLIMIT_STACK.rawValue), &limit) == 0, limit.rlim_cur != rlim_t.max else { return }
    let usableKB = (Int(limit.rlim_cur) - (1 << 20)) / 1024
    for flag in flags {
      let parts = flag.drop { $0 == "-" }.split(separator: "=", maxSplits: 1)
      guard parts.count == 2, String(parts[0].replacing("_", with: "-")) == "stack-size",
        let kilobytes = Int(parts[1])
      else { continue }
      if kilobytes > usableKB {
        throw V8EngineError(
          message: "the V8 flag '\(flag)' asks for a \(kilobytes) KB stack, but this process's stack is \(Int(limit.rlim_cur) / 1024) KB (ulimit -s); V8 would crash instead of throwing a RangeError. Use at most --stack-size=\(max(0, usableKB)) or raise ulimit -s")
      }
    }
  }

  /// Runs `initialize` with V8's standard error captured, then turns V8's complaints about
  /// flags into an error naming the flag; anything else V8 printed is passed on.
  static func capturingComplaints(_ initialize: () throws(V8EngineError) -> Void) throws(V8EngineError) {
    fflush(nil)
    guard let capture = tmpfile() else { return try initialize() }
    defer { fclose(capture) }
    let saved = dup(STDERR_FILENO)
    guard saved >= 0, dup2(fileno(capture), STDERR_FILENO) >= 0 else { return try initialize() }
    var failure: V8EngineError?
    do { try initialize() } catch { failure = error }
    fflush(nil)
    dup2(saved, STDERR_FILENO)
    close(saved)
    let text = contents(of: capture)
    var complaints: [String] = []
    var passOn: [Substring] = []
    for line in text.split(separator: "\n") {
      if let flag = line.firstMatch(after: "Error: unrecognized flag ") {
        complaints.append("unknown V8 flag '\(flag)'")
      } else if let rest = line.firstMatch(after: "Error: illegal value for flag ") {
        let parts = rest.split(separator: " of type ", maxSplits: 1, omittingEmptySubsequences: false)
        complaints.append("malformed V8 flag '\(parts[0])'" + (parts.count > 1 ? " (V8 expects a value of type \(parts[1]))" : ""))
      } else if line != "Try --help for options" {
        passOn.append(line)
      }
    }
    if !passOn.isEmpty {
      let bytes = Array((passOn.joined(separator: "\n") + "\n").utf8)
      _ = bytes.withUnsafeBytes { write(STDERR_FILENO, $0.baseAddress, $0.count) }
    }
    if let failure { throw failure }
    if !complaints.isEmpty { throw V8EngineError(message: complaints.joined(separator: "; ")) }
  }

  private static func contents(of file: UnsafeMutablePointer<FILE>) -> String {
    rewind(file)
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 4096)
    while true {
      let count = fread(&buffer, 1, buffer.count, file)
      if count <= 0 { break }
      bytes += buffer[0..<count]
      if bytes.count > 1 << 20 { break }
    }
    return String(decoding: bytes, as: UTF8.self)
  }
}

extension Substring {
  /// The rest of the line after `prefix`, when the line starts with it.
  fileprivate func firstMatch(after prefix: String) -> String? {
    hasPrefix(prefix) ? String(dropFirst(prefix.count)) : nil
  }
}
