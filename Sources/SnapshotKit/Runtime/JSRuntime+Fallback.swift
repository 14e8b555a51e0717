public import BundleResolver
import FoundationEssentials
import Glibc
public import SnapgenCrypto

/// Why a runtime booted from sources instead of its snapshot.
public enum SnapshotFallbackReason: Sendable, Equatable, CustomStringConvertible {
  /// The snapshot file could not be read (missing, unreadable).
  case unreadable(String)
  /// The file is damaged, truncated or not a snapshot.
  case invalid(SnapshotFormatError)
  /// The file is sound but built for another V8, flag set, platform or op table.
  case incompatible(SnapshotFormatError)
  /// Trusted keys were given and the file is not signed by one of them.
  case untrusted(SnapshotSignatureError)

  public var description: String {
    switch self {
    case .unreadable(let reason): "the snapshot cannot be read: \(reason)"
    case .invalid(let error): "the snapshot is invalid: \(error)"
    case .incompatible(let error): "the snapshot does not fit this runtime: \(error)"
    case .untrusted(let error): "the snapshot is not trusted: \(error)"
    }
  }
}

extension JSRuntime {
  /// A runtime and, when it had to boot from sources, why.
  public struct BootResult {
    public var runtime: JSRuntime
    /// nil when the snapshot was used.
    public var fallbackReason: SnapshotFallbackReason?
  }

  /// Boots from the snapshot at `path`, or — when it is missing, invalid or built for
  /// something else — evaluates the sources instead and says why. V8 never sees a snapshot
  /// that failed validation, so the fallback cannot crash the process.
  ///
  /// - Parameters:
  ///   - path: the `snapshot.bin` to try first.
  ///   - sources: produces the module graph to evaluate on fallback (called only then).
  ///   - ops: the runtime's ops; the snapshot must have been built against the same table.
  ///   - trustedKeys: when not empty, a snapshot not signed by one of them is not booted (the
  ///     sources are, and the reason says why).
  /// - Throws: ``RuntimeError`` when the fallback itself fails (the sources do not resolve or
  ///   throw), or V8 cannot start.
  public static func boot(
    snapshotAt path: String, orSources sources: () throws(DiagnosticError) -> ModuleGraph,
    ops: OpRegistry = .standard, trustedKeys: [Ed25519.PublicKey] = []
  ) throws(RuntimeError) -> BootResult {
    let reason: SnapshotFallbackReason
    do {
      return BootResult(runtime: try boot(snapshotAt: path, ops: ops, trustedKeys: trustedKeys), fallbackReason: nil)
    } catch {
      switch error {
      case .io(let message): reason = .unreadable(message)
      case .snapshot(let problem): reason = problem.isIncompatibility ? .incompatible(problem) : .invalid(problem)
      case .untrusted(let problem): reason = .untrusted(problem)
      case .engine, .javascript: throw error
      }
    }
    let graph: ModuleGraph
    do { graph = try sources() } catch { throw .javascript(error) }
    return BootResult(runtime: try fromSources(graph, ops: ops), fallbackReason: reason)
  }
}
