/// Make-syntax dependency files (`target: input input …`), as compilers write with `-MF` and
/// Ninja and Make read with `depfile`.
public enum Depfile {
  /// One rule: `target` depends on every path in `inputs`. Spaces, `#`, `$` and backslashes are
  /// escaped the way GNU Make and Ninja read them.
  public static func render(target: String, inputs: [String]) -> String {
    var text = escape(target) + ":"
    for input in inputs { text += " \\\n  " + escape(input) }
    return text + "\n"
  }

  static func escape(_ path: String) -> String {
    var out = ""
    for character in path {
      switch character {
      case " ", "#", "\\": out += "\\" + String(character)
      case "$": out += "$$"
      default: out.append(character)
      }
    }
    return out
  }
}
