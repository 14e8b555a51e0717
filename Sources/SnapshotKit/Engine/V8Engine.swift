import CV8Shim
import Synchronization

/// The process's V8: initialised once, with one set of flags for the life of the process.
public enum V8Engine {
  /// Flags every snapgen process gets, before the user's:
  /// - snapgen checks a snapshot's CRC-32 before V8 sees it, so V8's own checksum pass over the
  ///   blob (about 0.3 ms per MB) is redundant on the boot path;
  /// - V8 10.2 parses `import … assert { type: "json" }` only behind this flag.
  static let alwaysOnFlags = ["--no-verify-snapshot-checksum", "--harmony-import-assertions"]

  /// Fixed hash and random seeds make the heap, and so the snapshot, identical from run to
  /// run. V8 reads them once per process, so a process that builds reproducible snapshots sets
  /// them at initialisation. (A runtime booted from such a snapshot may use any seeds.)
  static let fixedSeedFlags = ["--hash-seed=3617034581", "--random-seed=1718053"]

  /// What V8 was initialised with.
  public struct State: Equatable, Sendable {
    /// The user's flags (without snapgen's internal ones).
    public var flags: [String]
    /// Whether hash and random seeds are fixed (for reproducible builds).
    public var fixedSeeds: Bool
  }

  private static let state = Mutex<State?>(nil)

  /// Initialises V8 with `flags` (each like `--no-lazy`). Calling it again with the same flags
  /// does nothing; other flags are an error, because V8's flags are process-wide.
  ///
  /// - Parameters:
  ///   - flags: V8 command-line flags, each starting with `--`; empty strings are ignored.
  ///   - fixedSeeds: fix V8's hash and random seeds, as reproducible builds need.
  ///     A process already initialised with fixed seeds also accepts `fixedSeeds: false`.
  public static func initialize(flags: [String] = [], fixedSeeds: Bool = false) throws(V8EngineError) {
    let flags = flags.filter { !$0.isEmpty }
    if let bad = flags.first(where: { !$0.hasPrefix("--") || $0.contains(" ") }) {
      throw V8EngineError(message: "'\(bad)' is not a V8 flag (flags look like --name or --name=value)")
    }
    try V8FlagCheck.refuseProcessFlags(flags)
    try V8FlagCheck.refuseOversizedStack(flags)
    try state.withLock { current throws(V8EngineError) in
      if let current {
        guard current.flags == flags else {
          throw V8EngineError(
            message: "V8 already runs with flags [\(current.flags.joined(separator: " "))] in this process; cannot switch to [\(flags.joined(separator: " "))]")
        }
        guard current.fixedSeeds || !fixedSeeds else {
          throw V8EngineError(
            message: "V8 was initialised in this process without fixed seeds, so a reproducible build is impossible here; build in a separate process (snapgen build)")
        }
        return
      }
      var error = sg_error()
      defer { sg_error_clear(&error) }
      sg_set_message_writer(ShimMessage.writer)
      let all = (alwaysOnFlags + (fixedSeeds ? fixedSeedFlags : []) + flags).joined(separator: " ")
      let initialize = { () throws(V8EngineError) in
        guard sg_v8_initialize(all, &error) == 0 else {
          throw V8EngineError(message: error.message.map { String(cString: $0) } ?? "V8 initialisation failed")
        }
      }
      // Only the user's flags can draw a complaint; without them the boot path pays nothing.
      if flags.isEmpty { try initialize() } else { try V8FlagCheck.capturingComplaints(initialize) }
      current = State(flags: flags, fixedSeeds: fixedSeeds)
    }
  }

  /// Initialises V8 with no flags unless it already is.
  static func ensureInitialized() throws(V8EngineError) {
    if current == nil { try initialize(flags: []) }
  }

  /// What V8 was initialised with, nil before.
  public static var current: State? { state.withLock { $0 } }

  /// The user flags V8 was initialised with, nil before.
  public static var flags: [String]? { current?.flags }

  /// The linked V8's version, e.g. `10.2.154.26-node.37`.
  public static var version: String { String(cString: sg_v8_version()) }

  /// A description of the shim's external-reference table, one entry per line. It is part of
  /// the op-table contract (``OpManifest/digest``): a snapshot built against one layout cannot
  /// boot against another.
  static let externalReferenceLayout = String(cString: sg_external_reference_layout())
}

/// A failure to initialise V8.
public struct V8EngineError: Error, Sendable, CustomStringConvertible {
  public var message: String
  public var description: String { message }
}
