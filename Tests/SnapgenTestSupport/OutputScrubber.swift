import Foundation

/// Replaces the few volatile parts of snapgen's output with stable placeholders before a
/// golden comparison. Each rule is a regular expression and its replacement; nothing is
/// dropped wholesale.
///
/// The standard rules (``standard(paths:)``):
/// - the given absolute folders (temporary trees, the repository root) become `<name>`, also
///   in their JSON-escaped form (`\/tmp\/…`);
/// - durations (`12 ms`, `1.5 s`, `"milliseconds": 12.3`) become `<ms>` / `<s>`;
/// - the V8 version (`10.2.154.26-node.37`) becomes `<v8>`, and the platform string
///   (`linux-x86_64`, `linux-aarch64`) becomes `<platform>`, so a golden recorded on one
///   architecture or libnode point release holds on another.
public struct OutputScrubber: Sendable {
  /// One replacement: `replacement` is an `NSRegularExpression` template (`$1` is the first group).
  public struct Rule: Sendable {
    public var pattern: String
    public var replacement: String
    public init(_ pattern: String, _ replacement: String) {
      self.pattern = pattern
      self.replacement = replacement
    }
  }

  public var rules: [Rule]

  public init(rules: [Rule]) { self.rules = rules }

  /// The standard rules, with `paths` (placeholder name → absolute path) replaced first,
  /// longest path first so a nested folder wins over its parent.
  public static func standard(paths: [String: String] = [:]) -> OutputScrubber {
    let pathRules = paths.sorted { $0.value.count > $1.value.count }.flatMap { name, path in
      [path, path.replacingOccurrences(of: "/", with: "\\/")].map {
        Rule(NSRegularExpression.escapedPattern(for: $0), "<\(name)>")
      }
    }
    return OutputScrubber(rules: pathRules + [
      Rule(#"("milliseconds"\s*:\s*)[0-9.eE+-]+"#, "$1<ms>"),
      Rule(#"\b[0-9]+(\.[0-9]+)? ms\b"#, "<ms> ms"),
      Rule(#"\b[0-9]+(\.[0-9]+)? s\b"#, "<s> s"),
      Rule(#"\b10\.2\.[0-9]+\.[0-9]+(-node\.[0-9]+)?"#, "<v8>"),
      Rule(#"\blinux-(x86_64|aarch64|arm64|[a-z0-9_]+)\b"#, "<platform>"),
    ])
  }

  /// `text` with every rule applied in order.
  public func scrub(_ text: String) -> String {
    var result = text
    for rule in rules {
      guard let expression = try? NSRegularExpression(pattern: rule.pattern) else {
        preconditionFailure("invalid scrubber pattern \(rule.pattern)")
      }
      result = expression.stringByReplacingMatches(
        in: result, range: NSRange(result.startIndex..., in: result),
        withTemplate: rule.replacement)
    }
    return result
  }
}
