public import BundleResolver
import CV8Shim

/// A JavaScript exception (or engine failure) with the location V8 reported.
public struct JSException: Error, Sendable, Equatable, CustomStringConvertible {
  /// `TypeError: x is not a function`.
  public var message: String
  /// The script or module name V8 knew the code by.
  public var resource: String?
  public var line: Int?
  public var column: Int?
  public var stack: String?

  public init(message: String, resource: String? = nil, line: Int? = nil, column: Int? = nil, stack: String? = nil) {
    self.message = message
    self.resource = resource
    self.line = line
    self.column = column
    self.stack = stack
  }

  /// Takes the contents of a shim error.
  init(_ error: sg_error) {
    message = error.message.map { String(cString: $0) } ?? "unknown JavaScript error"
    resource = error.resource.map { String(cString: $0) }
    line = error.line > 0 ? Int(error.line) : nil
    column = error.column > 0 ? Int(error.column) : nil
    stack = error.stack.map { String(cString: $0) }
  }

  /// As a diagnostic, with `file` mapping V8's resource name to the path shown to the user.
  public func diagnostic(file: (String) -> String = { $0 }, context: String? = nil) -> Diagnostic {
    var notes: [String] = []
    if let stack, stack != message {
      // The first line of a stack repeats the message.
      let frames = stack.split(separator: "\n").drop { !$0.trimmingPrefix(while: \.isWhitespace).hasPrefix("at ") }
      if !frames.isEmpty { notes.append("stack:\n" + frames.joined(separator: "\n")) }
    }
    let text = context.map { "\($0): \(message)" } ?? message
    return .error(text, file: resource.map(file), line: line, column: column, notes: notes)
  }

  public var description: String { diagnostic().description }
}
