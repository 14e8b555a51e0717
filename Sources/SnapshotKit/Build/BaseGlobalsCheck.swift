import BundleResolver

/// A layered build must not take from the runtime what it relies on later: a global the base
/// installed that becomes read-only or non-configurable, an object the base installed (its
/// `runtime`, `console` …) or the global object itself made non-extensible (`Object.freeze`,
/// `Object.seal`, `Object.preventExtensions`). The runtime's JavaScript would then fail at run
/// time, far from the app code that caused it; the build fails instead.
struct BaseGlobalsCheck {
  static let scriptName = "<snapgen-layer-check>"

  /// For every own string-keyed global: writable, configurable, and (for object values) still
  /// extensible, as `name:w c e` lines; the first line is the global object's extensibility.
  static let probe = """
    (() => {
      const lines = [String(Object.isExtensible(globalThis))];
      for (const name of Object.getOwnPropertyNames(globalThis)) {
        const d = Object.getOwnPropertyDescriptor(globalThis, name);
        const v = d.value;
        const object = (typeof v === "object" && v !== null) || typeof v === "function";
        lines.push(name + ":" + (d.writable !== false ? "w" : "-") + (d.configurable ? "c" : "-") +
          (object ? (Object.isExtensible(v) ? "e" : "-") : "e"));
      }
      return lines.join("\\n");
    })()
    """

  private var before: [Substring] = []

  /// Records the globals as the base left them.
  mutating func record(_ runtime: JSRuntime) throws(DiagnosticError) {
    before = try Self.state(runtime)
  }

  /// Fails when the app took a capability away from a global the base installed.
  func check(_ runtime: JSRuntime, blame file: String) throws(DiagnosticError) {
    let after = try Self.state(runtime)
    var lost: [String] = []
    if before.first == "true" && after.first == "false" { lost.append("the global object is no longer extensible") }
    let now = Dictionary(after.dropFirst().map { line in
      let parts = line.split(separator: ":", maxSplits: 1)
      return (parts[0], parts.count > 1 ? parts[1] : "")
    }, uniquingKeysWith: { a, _ in a })
    for line in before.dropFirst() {
      let parts = line.split(separator: ":", maxSplits: 1)
      guard parts.count == 2 else { continue }
      let (name, was) = (parts[0], Array(parts[1]))
      guard let state = now[name].map(Array.init) else {
        lost.append("'\(name)' was deleted")
        continue
      }
      if was[0] == "w" && state[0] != "w" { lost.append("'\(name)' was made read-only") }
      if was[1] == "c" && state[1] != "c" { lost.append("'\(name)' was made non-configurable") }
      if was[2] == "e" && state[2] != "e" { lost.append("'\(name)' was frozen, sealed or made non-extensible") }
    }
    guard !lost.isEmpty else { return }
    let shown = lost.prefix(8) + (lost.count > 8 ? ["… and \(lost.count - 8) more"] : [])
    throw DiagnosticError([.error(
      "the app changes globals the base runtime installed, which its JavaScript may write later: " + shown.joined(separator: "; "),
      file: file,
      notes: ["freeze or seal only objects the app created itself; the runtime's globals must stay as the base left them"])])
  }

  private static func state(_ runtime: JSRuntime) throws(DiagnosticError) -> [Substring] {
    do { return try runtime.evaluate(probe, name: scriptName).split(separator: "\n") } catch {
      throw DiagnosticError([.error("snapgen could not check the runtime's globals: \(error.message)")])
    }
  }
}
