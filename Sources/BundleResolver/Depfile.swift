/// Make-syntax dependency files (`target: input input …`), as compilers write with `-MF` and
/// Ninja and Make read with `depfile`.
public enum Depfile {
  /// A path that a depfile cannot spell: Make and Ninja have no escape for line breaks and tabs.
  public struct UnwritablePath: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var description: String {
      "\(path) contains a line break or a tab, which a Make depfile cannot express; rename the file"
    }
  }

  /// One rule: `target` depends on every path in `inputs`. Spaces, `#` and backslashes are
  /// escaped with a backslash and `$` doubled, the way GNU Make and Ninja read them (and clang
  /// writes them).
  public static func render(target: String, inputs: [String]) throws(UnwritablePath) -> String {
    var text = try escape(target) + ":"
    for input in inputs { text += " \\\n  " + (try escape(input)) }
    return text + "\n"
  }

  static func escape(_ path: String) throws(UnwritablePath) -> String {
    var out = ""
    for character in path {
      switch character {
      case "\n", "\r", "\r\n", "\t": throw UnwritablePath(path: path)
      case " ", "#", "\\": out += "\\" + String(character)
      case "$": out += "$$"
      default: out.append(character)
      }
    }
    return out
  }
}
