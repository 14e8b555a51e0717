/// Resolves a package subpath through `package.json` `exports`, following Node's
/// PACKAGE_EXPORTS_RESOLVE: exact subpaths, subpath patterns with one `*` (most specific wins),
/// conditions in the package's own order, arrays as fallbacks and `null` as an exclusion.
struct PackageExports {
  /// The conditions that match, in no particular order (`default` always matches).
  var conditions: Set<String>

  /// Why a subpath cannot be resolved.
  enum Failure: Error, Equatable {
    /// The subpath is not listed (or only under conditions that do not match).
    case notExported
    /// A `null` target excludes it.
    case excluded
    /// A target is not a "./"-relative path inside the package, or a pattern match is invalid.
    case invalidTarget(String)
    /// A target leaves the package folder.
    case escapes(String)
    /// The exports object is malformed (e.g. numeric keys in a conditions object).
    case invalidConfig(String)
  }

  /// The package-relative target ("./dist/x.js") for `subpath` ("." or "./x").
  func resolve(_ subpath: String, exports: JSONValue) throws(Failure) -> String {
    var mapping: [JSONValue.Member]
    switch exports {
    case .object(let members) where members.first?.key.hasPrefix(".") == true:
      mapping = members
    default:
      // "exports sugar": a string, an array or a conditions object stands for ".".
      mapping = [.init(key: ".", line: 0, column: 0, value: exports)]
    }
    if !subpath.contains("*"), let exact = mapping.first(where: { $0.key == subpath }) {
      guard let target = try resolveTarget(exact.value, patternMatch: nil) else {
        throw exact.value == .null ? .excluded : .notExported
      }
      return target
    }
    var best: (key: String, match: String, value: JSONValue)?
    for member in mapping {
      let parts = member.key.split(separator: "*", omittingEmptySubsequences: false)
      guard parts.count == 2 else { continue }
      let base = String(parts[0])
      let trailer = String(parts[1])
      guard subpath.hasPrefix(base), subpath != base,
        trailer.isEmpty || (subpath.hasSuffix(trailer) && subpath.count >= member.key.count)
      else { continue }
      if let current = best, !Self.patternKeyPrecedes(member.key, current.key) { continue }
      let match = String(subpath.dropFirst(base.count).dropLast(trailer.count))
      best = (member.key, match, member.value)
    }
    guard let best else { throw .notExported }
    guard let target = try resolveTarget(best.value, patternMatch: best.match) else {
      throw best.value == .null ? .excluded : .notExported
    }
    return target
  }

  /// PATTERN_KEY_COMPARE: the key with the longer part before `*` wins, then the longer key.
  static func patternKeyPrecedes(_ a: String, _ b: String) -> Bool {
    let baseA = a.split(separator: "*", omittingEmptySubsequences: false)[0].count
    let baseB = b.split(separator: "*", omittingEmptySubsequences: false)[0].count
    if baseA != baseB { return baseA > baseB }
    return a.count > b.count
  }

  /// PACKAGE_TARGET_RESOLVE. Nil means "no match here, keep looking" (or an explicit null).
  private func resolveTarget(_ target: JSONValue, patternMatch: String?) throws(Failure) -> String? {
    switch target {
    case .string(let text):
      if text.hasPrefix("../") || text.hasPrefix("/")
        || !FilePaths.normalize("/package/" + text).hasPrefix("/package/")
      {
        throw .escapes(text)
      }
      guard text.hasPrefix("./") else {
        throw .invalidTarget("'\(text)' must start with './' (targets are paths inside the package)")
      }
      let segments = text.dropFirst(2).split(separator: "/", omittingEmptySubsequences: false)
      if segments.contains(where: { $0 == "." || $0 == ".." || $0.isEmpty || $0.lowercased() == "node_modules" }) {
        throw .invalidTarget("'\(text)' has an empty, '.', '..' or 'node_modules' segment")
      }
      guard let patternMatch else { return text }
      let matchSegments = patternMatch.split(separator: "/", omittingEmptySubsequences: false)
      if matchSegments.contains(where: { $0 == "." || $0 == ".." || $0.isEmpty || $0.lowercased() == "node_modules" }) {
        throw .invalidTarget("the pattern match '\(patternMatch)' has an empty, '.', '..' or 'node_modules' segment")
      }
      return text.replacingAll("*", with: patternMatch)
    case .array(let items):
      guard !items.isEmpty else { return nil }
      var lastFailure: Failure?
      for item in items {
        do {
          if let resolved = try resolveTarget(item, patternMatch: patternMatch) { return resolved }
        } catch .invalidTarget(let message) {
          lastFailure = .invalidTarget(message)
        } catch {
          throw error
        }
      }
      if let lastFailure { throw lastFailure }
      return nil
    case .object(let members):
      for member in members {
        if Int(member.key) != nil {
          throw .invalidConfig("conditions objects must not have numeric keys ('\(member.key)')")
        }
        guard member.key == "default" || conditions.contains(member.key) else { continue }
        if let resolved = try resolveTarget(member.value, patternMatch: patternMatch) { return resolved }
        if member.value == .null { return nil }
      }
      return nil
    case .null:
      return nil
    case .bool, .number:
      throw .invalidTarget("targets must be strings, arrays, objects or null, not \(target.typeDescription)")
    }
  }
}

extension String {
  /// Every occurrence of `target` replaced (no Foundation needed).
  func replacingAll(_ target: String, with replacement: String) -> String {
    split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
  }
}
