public import BundleResolver
import FoundationEssentials
import Glibc
public import SnapgenCrypto

/// A running JavaScript runtime: one V8 isolate and context, booted from a snapshot (or from
/// sources for comparison), with Swift ops bound.
///
/// Not thread-safe: use a runtime from one thread at a time.
public final class JSRuntime {
  let isolate: V8Isolate
  private let opTable: OpTable
  let loop: EventLoop
  /// How long each boot phase took.
  public internal(set) var timings: BootTimings

  private init(isolate: V8Isolate, opTable: OpTable, timings: BootTimings) {
    self.isolate = isolate
    self.opTable = opTable
    self.timings = timings
    loop = EventLoop(isolate: isolate)
    opTable.loop = loop
  }

  /// The exit code JavaScript asked for through the exit op, if it did.
  public var exitCode: Int32? { loop.exitCode }

  // MARK: - Booting

  /// Reads, validates and boots the snapshot at `path`. This is the boot path to use: it reads
  /// the file once, checks it without decoding the metadata when the snapshot fits, and
  /// inflates straight into the buffer V8 takes.
  ///
  /// - Parameters:
  ///   - path: the `snapshot.bin` to boot.
  ///   - ops: the runtime's ops; the snapshot must have been built against the same table.
  ///   - trustedKeys: when not empty, the file must be signed by one of these keys
  ///     (``SnapshotSignature``); an unsigned or wrongly signed file is refused before any byte
  ///     reaches V8. Empty (the default) trusts whoever could write the file: its checksums catch
  ///     accidents, not attackers.
  public static func boot(
    snapshotAt path: String, ops: OpRegistry = .standard, trustedKeys: [Ed25519.PublicKey] = []
  ) throws(RuntimeError) -> JSRuntime {
    let clock = ContinuousClock()
    let start = clock.now
    let bytes: [UInt8]
    let identity: FileIdentity?
    // The file's identity serves only the signature memo: without trusted keys, one fstat.
    do {
      // No snapshot is larger than its format allows: a bigger file (a sparse 30 GB file) is
      // refused before it is read, instead of exhausting memory.
      let limit = SnapshotHeader.largestFileSize
      (bytes, identity) =
        trustedKeys.isEmpty
        ? (try FileBytes.read(path, maximumSize: limit), nil) : try FileBytes.readIdentified(path, maximumSize: limit)
    } catch {
      throw .io("cannot read snapshot \(path): \(error.reason)")
    }
    let read = clock.now
    let header: SnapshotHeader
    do { header = try SnapshotFile.validateForBoot(bytes, environment: .current(ops: ops.manifest)) } catch {
      throw .snapshot(error)
    }
    if !trustedKeys.isEmpty {
      try checkSignature(of: bytes, header: header, identity: identity, trustedKeys: trustedKeys)
    }
    let validated = clock.now
    let blob: UnsafeMutableRawBufferPointer
    do { blob = try SnapshotFile.inflateBlob(of: bytes, header: header) } catch { throw .snapshot(error) }
    let inflated = clock.now
    let runtime = try make(blob: blob, ops: ops, forSnapshot: false)
    runtime.timings.read = read - start
    runtime.timings.validate = validated - read
    runtime.timings.decompress = inflated - validated
    runtime.timings.isolateAndContext = clock.now - inflated
    return runtime
  }

  /// Checks the signature of a file read for booting, or finds that this version of the file
  /// passed the same check before (``SignatureCheckMemo``).
  private static func checkSignature(
    of bytes: [UInt8], header: SnapshotHeader, identity: FileIdentity?, trustedKeys: [Ed25519.PublicKey]
  ) throws(RuntimeError) {
    let header = header
    if let identity, header.isSigned, SignatureCheckMemo.shared.isTrusted(identity, by: trustedKeys) { return }
    let signer: Ed25519.PublicKey
    do { signer = try SnapshotFile.checkSignature(of: bytes, header: header, trustedKeys: trustedKeys) } catch {
      throw .untrusted(error)
    }
    if let identity { SignatureCheckMemo.shared.remember(identity, signer: signer) }
  }

  /// Boots a parsed snapshot after checking that it fits this process and `ops` (and, with
  /// `trustedKeys`, that one of them signed it).
  public static func boot(
    from file: SnapshotFile, ops: OpRegistry = .standard, trustedKeys: [Ed25519.PublicKey] = []
  ) throws(RuntimeError) -> JSRuntime {
    let clock = ContinuousClock()
    let start = clock.now
    do { try file.checkCompatibility(with: .current(ops: ops.manifest)) } catch { throw .snapshot(error) }
    if !trustedKeys.isEmpty {
      do { try file.checkSignature(trustedKeys: trustedKeys) } catch { throw .untrusted(error) }
    }
    let validated = clock.now
    let blob: UnsafeMutableRawBufferPointer
    do { blob = try file.inflateBlob() } catch { throw .snapshot(error) }
    let inflated = clock.now
    let runtime = try make(blob: blob, ops: ops, forSnapshot: false)
    runtime.timings.validate = validated - start
    runtime.timings.decompress = inflated - validated
    runtime.timings.isolateAndContext = clock.now - inflated
    return runtime
  }

  /// A runtime that evaluates `graph` from source in a fresh isolate (no snapshot), with the
  /// same ops bound: what a runtime without snapgen would do at every start.
  public static func fromSources(_ graph: ModuleGraph, ops: OpRegistry = .standard) throws(RuntimeError) -> JSRuntime {
    let clock = ContinuousClock()
    let start = clock.now
    let runtime = try make(blob: nil, ops: ops, forSnapshot: false)
    runtime.timings.isolateAndContext = clock.now - start
    let evaluated = clock.now
    do { try ModuleLoader(isolate: runtime.isolate).evaluate(graph) } catch { throw .javascript(error) }
    runtime.timings.evaluateSources = clock.now - evaluated
    return runtime
  }

  /// Creates the isolate. `blob` ownership passes to it. `opNames` overrides the installed op
  /// names (tests use it to install more functions than there are bodies).
  static func make(
    blob: UnsafeMutableRawBufferPointer?, ops: OpRegistry, forSnapshot: Bool, opNames: [String]? = nil
  ) throws(RuntimeError) -> JSRuntime {
    let table = OpTable(ops)
    let options = V8Isolate.Options(snapshot: blob, forSnapshot: forSnapshot, opNames: opNames ?? ops.manifest.names)
    let isolate: V8Isolate
    do { isolate = try V8Isolate(options, opHandler: table.dispatch) } catch { throw .engine(error.message) }
    var timings = BootTimings()
    (timings.isolate, timings.context) = isolate.bootPhases
    return JSRuntime(isolate: isolate, opTable: table, timings: timings)
  }

  // MARK: - Running code

  /// Runs a classic script and returns `String(completionValue)`.
  @discardableResult
  public func evaluate(_ source: String, name: String = "<eval>") throws(JSException) -> String {
    do {
      return try isolate.runScript(source, name: name)
    } catch {
      if exitCode != nil {
        isolate.resumeAfterTerminate()
        return ""
      }
      throw error
    }
  }

  /// Evaluates a module graph (e.g. a user's script and its imports) in this runtime, without
  /// waiting for timers or async ops; a top-level await must settle with microtasks alone.
  public func run(_ graph: ModuleGraph) throws(DiagnosticError) {
    try ModuleLoader(isolate: isolate).evaluate(graph)
  }

  /// Runs timers, async op completions and microtasks until no work is left or JS calls the
  /// exit op. Throws the first unhandled promise rejection (including exceptions thrown by
  /// timer callbacks).
  public func runEventLoop() throws(JSException) {
    try loop.run()
  }

  /// Runs the ES module at `path` as a program: resolves its imports with this runtime's own
  /// isolate, then behaves like ``runMain(_:)``.
  public func runMain(scriptAt path: String) throws(DiagnosticError) -> Int32 {
    let canonical = FilePaths.canonical(path) ?? path
    let graph = try ModuleGraphBuilder(root: FilePaths.directory(of: canonical), entryPoints: [canonical])
      .build(parser: ModuleSourceParser(borrowing: isolate))
    return try runMain(graph)
  }

  /// Runs a program: evaluates the graph (its top-level await may wait on timers and ops), then
  /// the event loop until idle. Returns the exit code: the one JS chose, else 0.
  public func runMain(_ graph: ModuleGraph) throws(DiagnosticError) -> Int32 {
    let pending: [Int64]
    do {
      pending = try ModuleLoader(isolate: isolate).evaluateAllowingPending(graph)
    } catch {
      guard let code = exitCode else { throw error }
      isolate.resumeAfterTerminate()
      return code
    }
    do throws(JSException) {
      for promise in pending {
        try loop.run(until: { !isolate.isPending(promise) })
        if let code = exitCode { return code }
        switch isolate.state(of: promise) {
        case .rejected(let exception):
          throw exception
        case .pending:
          throw JSException(message: "the module's top-level await never settled: nothing is left that could settle it")
        case .fulfilled:
          isolate.forget(promise: promise)
        }
      }
      try loop.run()
    } catch {
      if let code = exitCode {
        isolate.resumeAfterTerminate()
        return code
      }
      throw DiagnosticError([ModuleLoader.diagnostic(error, graph: graph, context: nil)])
    }
    return exitCode ?? 0
  }
}

/// Why a runtime could not boot.
public enum RuntimeError: Error, CustomStringConvertible {
  case io(String)
  case snapshot(SnapshotFormatError)
  /// Trusted keys were given and the snapshot is unsigned or not signed by one of them.
  case untrusted(SnapshotSignatureError)
  case engine(String)
  case javascript(DiagnosticError)

  public var description: String {
    switch self {
    case .io(let message), .engine(let message): message
    case .snapshot(let error): error.description
    case .untrusted(let error): error.description
    case .javascript(let error): error.description
    }
  }
}

/// The Swift op bodies a runtime dispatches to, kept alive as long as the runtime.
final class OpTable {
  let names: [String]
  let arities: [Int]
  let bodies: [OpRegistry.Body]
  unowned(unsafe) var loop: EventLoop!

  init(_ registry: OpRegistry) {
    names = registry.manifest.names
    arities = registry.manifest.ops.map(\.arity)
    bodies = registry.bodies
  }
}

extension OpTable {
  /// Runs op `opId`'s Swift body for one invocation from JavaScript.
  func dispatch(_ opId: Int32, _ call: V8Call) {
    guard opId >= 0, Int(opId) < bodies.count else {
      call.throwError(.rangeError("op id \(opId) is out of range (this runtime has \(bodies.count) ops)"))
      return
    }
    let index = Int(opId)
    let opCall = OpCall(call: call, name: names[index], loop: loop)
    do throws(OpError) {
      switch bodies[index] {
      case .sync(let body):
        call.returnValue(try body(opCall))
      case .promising(let body):
        _ = try body(opCall)
      case .async(let body):
        let arguments = try opCall.arguments(arity: arities[index])
        let promise = opCall.returnPromise()
        loop.start(promise: promise) { () async throws(OpError) -> JSValue in try await body(arguments) }
      }
    } catch {
      call.throwError(error)
    }
  }
}
