/// A readable line diff between an expected and an actual text: unchanged lines start with
/// two spaces, removed (expected only) with `- `, added (actual only) with `+ `; runs of
/// unchanged lines far from a change are folded.
public enum LineDiff {
  /// The diff of `expected` against `actual`, with `context` unchanged lines around each change.
  public static func render(expected: String, actual: String, context: Int = 3) -> String {
    let old = expected.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let new = actual.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let lines = edits(old, new)
    var keep = [Bool](repeating: false, count: lines.count)
    for (index, line) in lines.enumerated() where line.first != " " {
      for near in max(0, index - context)...min(lines.count - 1, index + context) { keep[near] = true }
    }
    var output: [String] = []
    var folded = false
    for (index, line) in lines.enumerated() {
      if keep[index] {
        output.append(line)
        folded = false
      } else if !folded {
        output.append("  …")
        folded = true
      }
    }
    return output.joined(separator: "\n")
  }

  /// Longest-common-subsequence edit script (texts here are a few hundred lines at most).
  private static func edits(_ old: [String], _ new: [String]) -> [String] {
    let n = old.count, m = new.count
    var table = [[Int]](repeating: [Int](repeating: 0, count: m + 1), count: n + 1)
    for i in stride(from: n - 1, through: 0, by: -1) {
      for j in stride(from: m - 1, through: 0, by: -1) {
        table[i][j] = old[i] == new[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
      }
    }
    var result: [String] = []
    var i = 0, j = 0
    while i < n || j < m {
      if i < n && j < m && old[i] == new[j] {
        result.append("  " + old[i]); i += 1; j += 1
      } else if i < n && (j == m || table[i + 1][j] >= table[i][j + 1]) {
        result.append("- " + old[i]); i += 1
      } else {
        result.append("+ " + new[j]); j += 1
      }
    }
    return result
  }
}
