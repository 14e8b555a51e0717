/// Why an op manifest file cannot be used.
public struct OpManifestFileError: Error, Equatable, Sendable, CustomStringConvertible {
  public var path: String
  public var reason: String
  public var description: String { "\(path): error: \(reason)" }
}

/// Why an op manifest is invalid.
public enum OpManifestError: Error, Equatable, Sendable, CustomStringConvertible {
  case duplicateName(String)
  case invalidName(String)
  case invalidArity(String, Int)

  public var description: String {
    switch self {
    case .duplicateName(let name): "op '\(name)' is declared more than once"
    case .invalidName(let name): "'\(name)' is not a valid op name (use letters, digits, _ and $)"
    case .invalidArity(let name, let arity): "op '\(name)' has an invalid arity \(arity)"
    }
  }
}
