public import BundleResolver

/// Asks V8's own parser for a module's import requests, so every valid module is understood
/// exactly as V8 will later compile it. The resolver's `ModuleRequestParser` for snapgen.
///
/// Owns a V8 isolate (or borrows a runtime's); use it from one thread at a time.
public final class ModuleSourceParser: ModuleRequestParser {
  /// One import request with its 1-based location.
  public typealias Request = ModuleRequest
  /// A parse failure with V8's message and location.
  public typealias ParseError = ModuleParseError

  private let isolate: V8Isolate

  /// Creates a parser with its own isolate. V8 must be initialised, or is initialised with no
  /// flags.
  public init() throws(ParseError) {
    do {
      isolate = try V8Isolate(V8Isolate.Options())
    } catch {
      throw ParseError(message: error.message, line: 0, column: 0)
    }
  }

  /// A parser that uses an existing isolate, so that a booted runtime resolves a script's
  /// imports without a second isolate.
  init(borrowing isolate: V8Isolate) {
    self.isolate = isolate
  }

  /// Parses `source` as a module named `name` and returns its import requests in source order.
  public func requests(name: String, source: [UInt8]) throws(ParseError) -> [Request] {
    try isolate.moduleRequests(name: name, source: source)
  }
}
