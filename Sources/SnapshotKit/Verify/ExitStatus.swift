/// snapgen's exit codes: the one table the CLI and ``VerifyReport`` use.
public enum ExitStatus: Int32, Sendable, CaseIterable {
  /// Success.
  case success = 0
  /// A build, JavaScript or I/O failure (or a check that could not run).
  case failure = 1
  /// The snapshot file is damaged, truncated or not a snapshot.
  case invalidSnapshot = 2
  /// The snapshot is sound but built for another V8, flag set, platform or op table.
  case incompatibleSnapshot = 3
  /// The sources or config changed since the snapshot was built (`verify`).
  case staleSnapshot = 4
  /// A fresh rebuild gives other bytes (`verify --rebuild`).
  case notReproducible = 5
  /// An `--expect` expression was falsy or threw (`verify`).
  case expectationFailed = 6
  /// The snapshot is unsigned, signed by an untrusted key, or its signature does not match.
  case untrustedSnapshot = 7
  /// The command line is wrong (swift-argument-parser's `EX_USAGE`).
  case usage = 64

  /// The status for a snapshot that cannot be used: 3 for an incompatibility, 2 otherwise.
  public static func of(_ problem: SnapshotFormatError) -> ExitStatus {
    problem.isIncompatibility ? .incompatibleSnapshot : .invalidSnapshot
  }
}
