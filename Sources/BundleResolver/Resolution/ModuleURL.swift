/// The URL-shaped strings import maps work with. Local files are `file://` + absolute path;
/// other schemes (`internal:console`) are kept as written. Percent-encoding is not decoded
/// except in explicit `file://` specifiers.
enum ModuleURL {
  static let filePrefix = "file://"

  static func file(_ path: String) -> String { filePrefix + path }

  /// The absolute path of a `file://` URL, or nil for other schemes.
  static func path(of url: String) -> String? {
    guard url.hasPrefix(filePrefix) else { return nil }
    let path = String(url.dropFirst(filePrefix.count))
    return path.removingPercentEncodingIfPresent
  }

  /// The scheme of an absolute URL (`internal` in `internal:console`), or nil when `text` has
  /// none. One-letter schemes are not treated as schemes.
  static func scheme(of text: String) -> String? {
    guard let colon = text.firstIndex(of: ":"), colon != text.startIndex else { return nil }
    let scheme = text[..<colon]
    func isLetter(_ byte: UInt8) -> Bool { (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20) }
    func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }
    guard scheme.utf8.count > 1, let first = scheme.utf8.first, isLetter(first),
      scheme.utf8.allSatisfy({ isLetter($0) || isDigit($0) || $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ".") })
    else { return nil }
    return scheme.lowercased()
  }

  static func isRelativeSpecifier(_ text: String) -> Bool {
    text.hasPrefix("/") || text.hasPrefix("./") || text.hasPrefix("../")
  }

  /// Resolves `text` against `base` when it is URL-like: a relative path (`/`, `./`, `../`) or an
  /// absolute URL. Bare names give nil.
  static func parseURLLike(_ text: String, base: String) -> String? {
    if isRelativeSpecifier(text) { return join(text, base: base) }
    return absolute(text)
  }

  /// Resolves any string against `base` as a URL parser would (scope keys are such strings).
  static func parse(_ text: String, base: String) -> String? {
    absolute(text) ?? join(text, base: base)
  }

  static func absolute(_ text: String) -> String? {
    guard let scheme = scheme(of: text) else { return nil }
    if scheme == "file" {
      var rest = text.dropFirst("file:".count)
      while rest.hasPrefix("//") { rest = rest.dropFirst() }
      return file(normalize(String(rest)))
    }
    return text
  }

  /// Joins a relative reference onto a base URL, collapsing `.` and `..`; a trailing `/` is kept.
  static func join(_ relative: String, base: String) -> String? {
    guard let basePath = path(of: base) else {
      // Non-file bases: only absolute references make sense.
      return nil
    }
    let combined: String
    if relative.hasPrefix("/") {
      combined = relative
    } else {
      let directory = basePath.hasSuffix("/") ? basePath : FilePaths.directory(of: basePath) + "/"
      combined = directory + relative
    }
    return file(normalize(combined))
  }

  /// Collapses `.` and `..` segments; keeps a trailing `/`.
  static func normalize(_ path: String) -> String {
    let trailing = path.hasSuffix("/") || path.hasSuffix("/.") || path.hasSuffix("/..") || path == "." || path == ".."
    let normalized = FilePaths.normalize(path)
    return trailing && normalized != "/" ? normalized + "/" : normalized
  }
}

extension String {
  /// Percent-decoded text, or the text itself when it has no valid escapes.
  var removingPercentEncodingIfPresent: String {
    guard contains("%") else { return self }
    var bytes: [UInt8] = []
    var iterator = Array(utf8)[...]
    while let byte = iterator.popFirst() {
      if byte == UInt8(ascii: "%"), iterator.count >= 2,
        let value = UInt8(String(decoding: iterator.prefix(2), as: UTF8.self), radix: 16)
      {
        bytes.append(value)
        iterator = iterator.dropFirst(2)
      } else {
        bytes.append(byte)
      }
    }
    return String(validating: bytes, as: UTF8.self) ?? self
  }
}
