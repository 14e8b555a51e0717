/// Order statistics for benchmark samples.
public enum Statistics {
  /// The median (mean of the middle two for an even count); 0 for no samples.
  public static func median(_ samples: [Double]) -> Double {
    percentile(samples, 50)
  }

  /// The `p`th percentile (0–100) by linear interpolation between closest ranks.
  public static func percentile(_ samples: [Double], _ p: Double) -> Double {
    guard !samples.isEmpty else { return 0 }
    let sorted = samples.sorted()
    let rank = (p / 100) * Double(sorted.count - 1)
    let lower = Int(rank.rounded(.down))
    let upper = Int(rank.rounded(.up))
    let fraction = rank - Double(lower)
    return sorted[lower] + (sorted[upper] - sorted[lower]) * fraction
  }
}

extension Duration {
  /// The duration in nanoseconds.
  public var nanoseconds: Double {
    let (seconds, attoseconds) = components
    return Double(seconds) * 1e9 + Double(attoseconds) / 1e9
  }
}
