/// `"main": "src/app.js#main"`: the module (a path relative to the config's folder, as an entry
/// point is written) and the name of the function it exports.
public struct MainFunction: Equatable, Sendable {
  public var module: String
  public var export: String

  /// Parses `module#export`; nil when either part is empty or there is more than one `#`.
  public init?(_ text: String) {
    let parts = text.split(separator: "#", omittingEmptySubsequences: false)
    guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { return nil }
    module = String(parts[0])
    export = String(parts[1])
  }
}
