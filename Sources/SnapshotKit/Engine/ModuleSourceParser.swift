import BundleResolver
import CV8Shim

/// Asks V8's own parser for a module's import requests, so every valid module is understood
/// exactly as V8 will later compile it. The resolver's ``ModuleRequestParser`` for snapgen.
///
/// Owns a V8 isolate; use it from one thread at a time.
public final class ModuleSourceParser: ModuleRequestParser {
  /// One import request with its 1-based location.
  public typealias Request = ModuleRequest
  /// A parse failure with V8's message and location.
  public typealias ParseError = ModuleParseError

  private let runtime: OpaquePointer
  private let ownsRuntime: Bool

  /// Creates a parser. V8 must be initialised, or is initialised with no flags.
  public init() throws(ParseError) {
    var options = sg_runtime_options()
    var error = sg_error()
    defer { sg_error_clear(&error) }
    guard let runtime = sg_runtime_new(&options, &error) else {
      throw ParseError(message: error.message.map { String(cString: $0) } ?? "V8 failed", line: 0, column: 0)
    }
    self.runtime = runtime
    ownsRuntime = true
  }

  /// A parser that uses an existing shim runtime's isolate (which must outlive the parser),
  /// so that a booted runtime resolves a script's imports without a second isolate.
  init(borrowing runtime: OpaquePointer) {
    self.runtime = runtime
    ownsRuntime = false
  }

  deinit { if ownsRuntime { sg_runtime_free(runtime) } }

  /// Parses `source` as a module named `name` and returns its import requests in source order.
  public func requests(name: String, source: [UInt8]) throws(ParseError) -> [Request] {
    var list: UnsafeMutablePointer<sg_module_request>?
    var count = 0
    var error = sg_error()
    defer { sg_error_clear(&error) }
    let status = source.withUnsafeBufferPointer { buffer in
      buffer.withMemoryRebound(to: CChar.self) { chars in
        sg_module_parse(runtime, name, chars.baseAddress, chars.count, &list, &count, &error)
      }
    }
    guard status == 0 else {
      throw ParseError(
        message: error.message.map { String(cString: $0) } ?? "parse failed",
        line: Int(error.line), column: Int(error.column))
    }
    defer { sg_module_requests_free(list, count) }
    guard let list else { return [] }
    return (0..<count).map { index in
      let request = list[index]
      return Request(
        specifier: String(cString: request.specifier),
        line: Int(request.line), column: Int(request.column),
        assertionType: request.assertion_type.map { String(cString: $0) })
    }
  }
}
