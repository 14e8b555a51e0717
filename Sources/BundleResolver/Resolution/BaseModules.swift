/// The modules a base snapshot exposes to a snapshot built on top of it (`snapgen build
/// --base`). They are already evaluated in the base's heap, so they have no file here: an
/// import of `base:<name>` (the module's name in the base, as `snapgen inspect` lists it; the
/// `.js` may be left out) links to the base's own instance.
public struct BaseModules: Sendable, Equatable, Codable {
  /// The scheme of specifiers that name a base module.
  public static let scheme = "base"

  /// The exposed module names, in the base's order (its evaluation order).
  public var names: [String]
  /// The base snapshot's file, for diagnostics (as the user wrote it).
  public var file: String

  public init(names: [String], file: String) {
    self.names = names
    self.file = file
  }

  /// The base module `specifier` names, or why it names none; nil when `specifier` is not in
  /// the `base:` scheme.
  func lookup(_ specifier: String) -> Result<String, ResolveError>? {
    let prefix = Self.scheme + ":"
    guard specifier.lowercased().hasPrefix(prefix) else { return nil }
    let name = String(specifier.dropFirst(prefix.count))
    for candidate in [name, name + ".js", name + ".mjs"] where names.contains(candidate) {
      return .success(candidate)
    }
    var notes = ["the base snapshot \(file) exposes \(names.count) modules; `snapgen inspect \(file)` lists them"]
    if let close = Suggestions.closest(to: name, among: names) { notes.insert("did you mean '\(prefix)\(close)'?", at: 0) }
    return .failure(ResolveError(message: "'\(specifier)' is not a module of the base snapshot", notes: notes))
  }
}
