public import BundleResolver

/// Turns the way a snapshot-building child process died (V8's FATAL text on stderr, a signal)
/// into a diagnostic that names the likely JavaScript cause.
public enum V8CrashExplanation {
  /// One known way for V8 to die while serialising, and what usually causes it.
  struct Pattern: Sendable {
    /// Any of these substrings in the child's stderr selects the pattern.
    var needles: [String]
    var message: String
    var hint: String
  }

  static let patterns: [Pattern] = [
    Pattern(
      needles: ["Version mismatch"],
      message: "V8 refused a snapshot blob made by another V8 version (Version mismatch)",
      hint: "rebuild the snapshot with the snapgen that links this runtime's V8"),
    Pattern(
      needles: ["global handle not serialized", "Global handle not serialized"],
      message: "V8 could not serialise the heap: a live Intl object (Intl.DateTimeFormat, NumberFormat, Collator, "
        + "PluralRules, Segmenter …) is reachable when the build ends",
      hint: "create Intl objects lazily, on first use after boot, instead of at module top level"),
    Pattern(
      needles: ["FinalizationRegistry", "dirty_js_finalization_registries", "finalization registr"],
      message: "V8 could not serialise the heap: a FinalizationRegistry has cleanup callbacks pending "
        + "(an object registered with it was collected during the build)",
      hint: "create FinalizationRegistry instances and register objects after boot, not at module top level"),
    Pattern(
      needles: ["Unknown external reference"],
      message: "V8 could not serialise the heap: it holds a native function snapgen does not know "
        + "(Unknown external reference)",
      hint: "a module namespace object (import * as ns) or a function from outside snapgen's op table is reachable "
        + "from the heap; keep only plain JavaScript values and core.ops functions"),
    Pattern(
      needles: ["JavaScript heap out of memory", "Fatal JavaScript OOM", "Fatal javascript OOM", "Reached heap limit"],
      message: "the build ran out of JavaScript heap",
      hint: "look for unbounded allocation (an endless loop filling an array or string) in module top-level code"),
  ]

  /// A diagnostic for a child that did not finish the protocol.
  ///
  /// - Parameters:
  ///   - termination: how the child ended.
  ///   - standardError: what it printed on stderr (V8 prints FATAL messages there).
  public static func diagnostic(termination: ChildProcess.Outcome.Termination, standardError: String) -> Diagnostic {
    let excerpt = excerpt(of: standardError)
    var notes: [String] = []
    let how: String
    switch termination {
    case .exited(let code): how = "exited with status \(code)"
    case .signaled(let signal): how = "was killed by signal \(signal) (\(signalName(signal)))"
    }
    if let pattern = patterns.first(where: { pattern in pattern.needles.contains { standardError.contains($0) } }) {
      notes.append("hint: " + pattern.hint)
      if !excerpt.isEmpty { notes.append("V8 said:\n" + excerpt) }
      return .error("\(pattern.message); the build process \(how)", notes: notes)
    }
    if case .signaled(let signal) = termination, signal == SignalNumber.segv || signal == SignalNumber.bus {
      notes.append(
        "hint: V8 10.2 is known to crash this way when it serialises asm.js code (a \"use asm\" function, also one "
          + "made with new Function or eval); if the modules make such code, load it after boot. snapgen found no "
          + "other cause; if there is no asm.js, please report the modules that crash")
      if !excerpt.isEmpty { notes.append("stderr:\n" + excerpt) }
      return .error("V8 crashed while building the snapshot; the build process \(how)", notes: notes)
    }
    if let fatal = standardError.split(separator: "\n").first(where: { $0.contains("Fatal error") || $0.contains("Check failed") || $0.contains("FATAL") }) {
      notes.append("V8 said:\n" + excerpt)
      return .error("V8 aborted the build (\(fatal.trimmingPrefix(while: { $0 == "#" || $0 == " " }))); the build process \(how)", notes: notes)
    }
    if !excerpt.isEmpty { notes.append("stderr:\n" + excerpt) }
    return .error("the snapshot build process \(how) without a result", notes: notes)
  }

  /// The lines of V8's report that say what happened: from the first line naming a known
  /// problem (or the first line) up to V8's C stack trace, at most eight, without `#` framing.
  static func excerpt(of standardError: String) -> String {
    var lines = standardError.split(separator: "\n").map { $0.trimmingPrefix(while: { $0 == "#" || $0 == " " }) }
      .filter { !$0.isEmpty }
    if let end = lines.firstIndex(where: { $0.contains("C stack trace") || $0.hasPrefix("FailureMessage") }) {
      lines = Array(lines[..<end])
    }
    let needles = patterns.flatMap(\.needles) + ["Fatal error", "Check failed"]
    if let start = lines.firstIndex(where: { line in needles.contains { line.contains($0) } }) {
      lines = Array(lines[start...])
    }
    return lines.prefix(8).map { "  " + $0 }.joined(separator: "\n")
  }

  enum SignalNumber {
    static let ill: Int32 = 4, trap: Int32 = 5, abrt: Int32 = 6, bus: Int32 = 7, fpe: Int32 = 8
    static let kill: Int32 = 9, segv: Int32 = 11, term: Int32 = 15, xfsz: Int32 = 25
  }

  static func signalName(_ signal: Int32) -> String {
    switch signal {
    case SignalNumber.ill: "SIGILL"
    case SignalNumber.trap: "SIGTRAP"
    case SignalNumber.abrt: "SIGABRT"
    case SignalNumber.bus: "SIGBUS"
    case SignalNumber.fpe: "SIGFPE"
    case SignalNumber.kill: "SIGKILL"
    case SignalNumber.segv: "SIGSEGV"
    case SignalNumber.term: "SIGTERM"
    case SignalNumber.xfsz: "SIGXFSZ"
    default: "signal \(signal)"
    }
  }
}
