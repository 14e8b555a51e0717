import FoundationEssentials
import Glibc

/// A problem found while resolving or building, with the location it refers to.
///
/// Printed compiler-style (`path:line:col: error: message`), the form SwiftPM and editors parse.
public struct Diagnostic: Error, Equatable, Sendable, Codable, CustomStringConvertible {
  /// How serious a diagnostic is.
  public enum Severity: String, Sendable, Codable {
    case error, warning, note
  }

  public var severity: Severity
  public var message: String
  /// The file the diagnostic is about, as given to the user (relative where possible).
  public var file: String?
  /// 1-based line, when known.
  public var line: Int?
  /// 1-based column, when known.
  public var column: Int?
  /// Further lines: the import chain, a stack, a suggestion.
  public var notes: [String]

  public init(
    _ severity: Severity, _ message: String, file: String? = nil, line: Int? = nil,
    column: Int? = nil, notes: [String] = []
  ) {
    self.severity = severity
    self.message = message
    self.file = file
    self.line = line
    self.column = column
    self.notes = notes
  }

  /// Shorthand for an error diagnostic.
  public static func error(
    _ message: String, file: String? = nil, line: Int? = nil, column: Int? = nil,
    notes: [String] = []
  ) -> Diagnostic {
    Diagnostic(.error, message, file: file, line: line, column: column, notes: notes)
  }

  /// `path:line:col: severity: message`, followed by indented notes.
  public var description: String {
    var location = ""
    if let file {
      location = file
      if let line {
        location += ":\(line)"
        if let column { location += ":\(column)" }
      }
      location += ": "
    }
    var text = "\(location)\(severity.rawValue): \(message)"
    for note in notes {
      text += "\n    " + note.split(separator: "\n", omittingEmptySubsequences: false)
        .joined(separator: "\n    ")
    }
    return text
  }
}

/// One or more diagnostics that stopped an operation.
public struct DiagnosticError: Error, Sendable, CustomStringConvertible {
  public var diagnostics: [Diagnostic]

  public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }

  public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

extension Diagnostic {
  /// Diagnostics as one JSON document, `{"diagnostics": [{severity, message, file, line,
  /// column, notes}]}`, keys sorted, for tools and editors.
  public static func renderJSON(_ diagnostics: [Diagnostic]) -> String {
    struct Document: Encodable { var diagnostics: [Diagnostic] }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    guard let data = try? encoder.encode(Document(diagnostics: diagnostics)) else { return "{\"diagnostics\":[]}" }
    return String(decoding: data, as: UTF8.self)
  }
}
