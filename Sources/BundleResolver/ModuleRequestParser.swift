/// Lists the import requests of an ES module's source, in source order.
///
/// The resolver does not parse JavaScript itself: it asks a parser for each module's static
/// imports and, to find `import(…)` expressions, for the first syntax error of a rewritten copy
/// (see ``parseError(name:source:)``). SnapshotKit's `ModuleSourceParser` asks V8's own parser,
/// so every module is understood exactly as V8 will later compile it.
public protocol ModuleRequestParser {
  /// Parses `source` as a module named `name` and returns its import requests in source order,
  /// or throws its first syntax error with a 1-based location.
  func requests(name: String, source: [UInt8]) throws(ModuleParseError) -> [ModuleRequest]
}

extension ModuleRequestParser {
  /// The parse error of `source` as a module, or nil when it parses.
  public func parseError(name: String, source: [UInt8]) -> ModuleParseError? {
    do {
      _ = try requests(name: name, source: source)
      return nil
    } catch {
      return error
    }
  }
}

/// One static import request of a module, with its 1-based location.
public struct ModuleRequest: Sendable, Equatable {
  public var specifier: String
  public var line: Int
  public var column: Int
  /// The `type` import assertion (`assert { type: "json" }`), if any.
  public var assertionType: String?

  public init(specifier: String, line: Int, column: Int, assertionType: String? = nil) {
    self.specifier = specifier
    self.line = line
    self.column = column
    self.assertionType = assertionType
  }
}

/// A module that does not parse: the parser's message and 1-based location (0 when unknown).
public struct ModuleParseError: Error, Sendable, Equatable {
  public var message: String
  public var line: Int
  public var column: Int

  public init(message: String, line: Int, column: Int) {
    self.message = message
    self.line = line
    self.column = column
  }
}
