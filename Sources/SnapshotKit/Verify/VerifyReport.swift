/// The result of ``SnapshotVerifier/verify()``: one entry per check, the overall outcome and
/// the exit code `snapgen verify` uses for it. Encoded with stable keys (every key is always
/// present; values that do not apply are `null` or empty).
public struct VerifyReport: Codable, Equatable, Sendable {
  /// The overall verdict, most fundamental failure first.
  public enum Outcome: String, Codable, Sendable, CaseIterable {
    case ok
    /// Damaged, truncated or not a snapshot (exit 2).
    case invalid
    /// Not signed by a trusted key, or its signature does not match (exit 7).
    case untrusted
    /// Sound, but built for another V8, flag set, platform or op table (exit 3).
    case incompatible
    /// A check could not run: unreadable file or config, rebuild that fails (exit 1).
    case error
    /// The sources or config changed since the snapshot was built (exit 4).
    case stale
    /// A fresh rebuild gives other bytes (exit 5).
    case nonReproducible = "non-reproducible"
    /// An `--expect` expression was falsy or threw (exit 6).
    case expectationFailed = "expectation-failed"

    /// The process exit status for this outcome.
    public var exitStatus: ExitStatus {
      switch self {
      case .ok: .success
      case .error: .failure
      case .invalid: .invalidSnapshot
      case .untrusted: .untrustedSnapshot
      case .incompatible: .incompatibleSnapshot
      case .stale: .staleSnapshot
      case .nonReproducible: .notReproducible
      case .expectationFailed: .expectationFailed
      }
    }

    /// The process exit code for this outcome.
    public var exitCode: Int32 { exitStatus.rawValue }
  }

  /// One check and what it found.
  public struct Check: Codable, Equatable, Sendable {
    public enum Status: String, Codable, Sendable {
      case passed, failed, skipped
    }

    /// `format`, `signature`, `compatibility`, `staleness`, `reproducibility` or `expectations`.
    public var name: String
    public var status: Status
    /// One line for people.
    public var message: String
    /// Further lines (diagnostics, differences).
    public var details: [String]

    public init(name: String, status: Status, message: String, details: [String] = []) {
      self.name = name
      self.status = status
      self.message = message
      self.details = details
    }
  }

  /// Modules that differ between the snapshot's header and the sources on disk.
  public struct StaleModules: Codable, Equatable, Sendable {
    public var changed: [String] = []
    public var added: [String] = []
    public var removed: [String] = []
    /// True when the config or snapgen's version changed rather than (or besides) modules.
    public var configurationChanged = false

    public init() {}
  }

  /// An `--expect` expression and its result.
  public struct Expectation: Codable, Equatable, Sendable {
    public var expression: String
    public var passed: Bool
    /// `String(value)`, or the exception when it threw.
    public var result: String
  }

  public var snapshot: String
  public var outcome: Outcome
  public var exitCode: Int32
  public var checks: [Check]
  /// The config staleness was checked against, nil when none was found.
  public var config: String?
  public var staleModules: StaleModules
  /// The first region that differs from a fresh rebuild, nil when not rebuilt or identical.
  public var firstDifference: SnapshotDifference?
  public var expectations: [Expectation]

  public init(snapshot: String) {
    self.snapshot = snapshot
    outcome = .ok
    exitCode = 0
    checks = []
    config = nil
    staleModules = StaleModules()
    firstDifference = nil
    expectations = []
  }

  /// Adds a check and updates the outcome (the most fundamental failure wins).
  mutating func record(_ check: Check, failing outcome: Outcome) {
    checks.append(check)
    guard check.status == .failed else { return }
    let order = Outcome.allCases
    if self.outcome == .ok || order.firstIndex(of: outcome)! < order.firstIndex(of: self.outcome)! {
      self.outcome = outcome
    }
    exitCode = self.outcome.exitCode
  }

  enum CodingKeys: String, CodingKey {
    case snapshot, outcome, exitCode, checks, config, staleModules, firstDifference, expectations
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(snapshot, forKey: .snapshot)
    try container.encode(outcome, forKey: .outcome)
    try container.encode(exitCode, forKey: .exitCode)
    try container.encode(checks, forKey: .checks)
    try container.encode(config, forKey: .config)
    try container.encode(staleModules, forKey: .staleModules)
    try container.encode(firstDifference, forKey: .firstDifference)
    try container.encode(expectations, forKey: .expectations)
  }
}
