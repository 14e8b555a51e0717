/// "Did you mean …?" for unresolved names: the closest candidate by edit distance.
enum Suggestions {
  /// The candidate closest to `name` (Levenshtein distance over characters), if it is close
  /// enough to be a plausible typo: at most a third of the name's length, and at least 1.
  static func closest(to name: String, among candidates: some Sequence<String>) -> String? {
    let target = Array(name)
    let limit = max(1, target.count / 3)
    var best: (name: String, distance: Int)?
    for candidate in candidates where candidate != name {
      let distance = editDistance(target, Array(candidate), limit: limit)
      guard distance <= limit else { continue }
      if best == nil || distance < best!.distance || (distance == best!.distance && candidate < best!.name) {
        best = (candidate, distance)
      }
    }
    return best?.name
  }

  /// Levenshtein distance; gives up early (returning `limit + 1`) once it must exceed `limit`.
  static func editDistance(_ a: [Character], _ b: [Character], limit: Int) -> Int {
    if abs(a.count - b.count) > limit { return limit + 1 }
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      var rowMinimum = current[0]
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        rowMinimum = min(rowMinimum, current[j])
      }
      if rowMinimum > limit { return limit + 1 }
      swap(&previous, &current)
    }
    return previous[b.count]
  }
}
