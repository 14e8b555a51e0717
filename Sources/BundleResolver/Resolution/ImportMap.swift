/// A WICG import map (`imports` and `scopes`), parsed and normalised as the HTML specification
/// describes: keys that look like URLs are resolved, addresses are resolved against the map's own
/// location, invalid entries are dropped with a warning, and every map is sorted so the most
/// specific key matches first.
public struct ImportMap: Sendable {
  /// One normalised entry: a specifier key and its address (nil when the entry blocks the key).
  struct Entry: Sendable {
    var key: String
    var address: String?
  }

  /// A scope: the URL prefix it applies to and its entries.
  struct Scope: Sendable {
    var prefix: String
    var entries: [Entry]
  }

  var imports: [Entry]
  var scopes: [Scope]
  /// The map file (canonical path); addresses were resolved against it.
  public var path: String
  /// Problems with single entries (they were ignored, as browsers do).
  public var warnings: [Diagnostic]

  /// The outcome of matching a specifier against the map.
  enum Match: Equatable {
    case resolved(String)
    /// The key matched but its address is null or invalid, or a prefix match backtracked.
    case blocked(key: String, reason: String)
  }

  /// Parses the map file at `path` (already read as `bytes`).
  public init(bytes: [UInt8], path: String) throws(DiagnosticError) {
    let display = FilePaths.display(path)
    let document: JSONValue
    do { document = try JSONParser.parse(bytes) } catch {
      throw DiagnosticError([.error("import map is not valid JSON: \(error.message)", file: display, line: error.line, column: error.column)])
    }
    guard case .object(let members) = document else {
      throw DiagnosticError([.error("import map must be a JSON object, not \(document.typeDescription)", file: display, line: 1, column: 1)])
    }
    self.path = path
    self.imports = []
    self.scopes = []
    self.warnings = []
    let base = ModuleURL.file(path)
    var errors: [Diagnostic] = []
    for member in members {
      switch member.key {
      case "imports":
        guard case .object(let entries) = member.value else {
          errors.append(.error("import map 'imports' must be an object, not \(member.value.typeDescription)", file: display, line: member.line, column: member.column))
          continue
        }
        imports = normalize(entries, base: base, display: display)
      case "scopes":
        guard case .object(let scopeMembers) = member.value else {
          errors.append(.error("import map 'scopes' must be an object, not \(member.value.typeDescription)", file: display, line: member.line, column: member.column))
          continue
        }
        for scope in scopeMembers {
          guard case .object(let entries) = scope.value else {
            errors.append(.error("import map scope '\(scope.key)' must be an object, not \(scope.value.typeDescription)", file: display, line: scope.line, column: scope.column))
            continue
          }
          guard let prefix = ModuleURL.parse(scope.key, base: base) else {
            warnings.append(.init(.warning, "import map scope '\(scope.key)' is not a valid URL; ignored", file: display, line: scope.line, column: scope.column))
            continue
          }
          scopes.append(Scope(prefix: prefix, entries: normalize(entries, base: base, display: display)))
        }
      default:
        warnings.append(.init(.warning, "unknown import map key '\(member.key)' (known: imports, scopes); ignored", file: display, line: member.line, column: member.column))
      }
    }
    guard errors.isEmpty else { throw DiagnosticError(errors) }
    scopes.sort { Self.codeUnitsDescending($0.prefix, $1.prefix) }
  }

  /// "Sort and normalise a specifier map": resolve URL-like keys and addresses, drop invalid
  /// entries with a warning, order keys so longer prefixes come first.
  private mutating func normalize(_ members: [JSONValue.Member], base: String, display: String) -> [Entry] {
    var byKey: [String: Entry] = [:]
    var order: [String] = []
    for member in members {
      func warn(_ message: String) {
        warnings.append(.init(.warning, message, file: display, line: member.line, column: member.column))
      }
      guard !member.key.isEmpty else {
        warn("import map key must not be empty; ignored")
        continue
      }
      let key = ModuleURL.parseURLLike(member.key, base: base) ?? member.key
      var address: String?
      switch member.value {
      case .string(let text):
        if let url = ModuleURL.parseURLLike(text, base: base) {
          if member.key.hasSuffix("/") && !url.hasSuffix("/") {
            warn("invalid address '\(text)' for '\(member.key)': a key ending in '/' needs an address ending in '/'; the key is blocked")
          } else {
            address = url
          }
        } else {
          warn("invalid address '\(text)' for '\(member.key)': addresses must start with '/', './', '../' or a URL scheme; the key is blocked")
        }
      default:
        warn("invalid address for '\(member.key)': expected a string, not \(member.value.typeDescription); the key is blocked")
      }
      if byKey[key] == nil { order.append(key) }
      byKey[key] = Entry(key: key, address: address)
    }
    return order.map { byKey[$0]! }.sorted { Self.codeUnitsDescending($0.key, $1.key) }
  }

  static func codeUnitsDescending(_ a: String, _ b: String) -> Bool {
    Array(a.utf16).lexicographicallyPrecedes(Array(b.utf16)) == false && a != b
  }

  /// Resolves `specifier` (already normalised: a URL when URL-like, else the bare text) imported
  /// from `referrer` (a URL). Nil when no entry applies.
  func resolve(_ specifier: String, referrer: String) -> Match? {
    for scope in scopes where scope.prefix == referrer || (scope.prefix.hasSuffix("/") && referrer.hasPrefix(scope.prefix)) {
      if let match = Self.match(specifier, in: scope.entries) { return match }
    }
    return Self.match(specifier, in: imports)
  }

  private static func match(_ specifier: String, in entries: [Entry]) -> Match? {
    for entry in entries {
      if entry.key == specifier {
        guard let address = entry.address else { return .blocked(key: entry.key, reason: "its import map entry is null or invalid") }
        return .resolved(address)
      }
      if entry.key.hasSuffix("/") && specifier.hasPrefix(entry.key) {
        guard let address = entry.address else { return .blocked(key: entry.key, reason: "its import map entry is null or invalid") }
        let rest = String(specifier.dropFirst(entry.key.count))
        let joined: String? =
          ModuleURL.path(of: address) != nil
          ? ModuleURL.join(rest, base: address) : address + rest
        guard let url = joined, url.hasPrefix(address) else {
          return .blocked(key: entry.key, reason: "'\(rest)' backtracks above the address '\(address)' of '\(entry.key)'")
        }
        return .resolved(url)
      }
    }
    return nil
  }
}
