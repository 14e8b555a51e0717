#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import BundleResolver
import CV8Shim
import Foundation

/// A running JavaScript runtime: one V8 isolate and context, booted from a snapshot (or from
/// sources for comparison), with Swift ops bound.
///
/// Not thread-safe: use a runtime from one thread at a time.
public final class JSRuntime {
  let handle: OpaquePointer
  private let opTable: OpTable
  let loop: EventLoop
  /// How long each boot phase took.
  public internal(set) var timings: BootTimings

  private init(handle: OpaquePointer, opTable: OpTable, timings: BootTimings) {
    self.handle = handle
    self.opTable = opTable
    self.timings = timings
    loop = EventLoop(runtime: handle)
    opTable.loop = loop
  }

  deinit { sg_runtime_free(handle) }

  /// The exit code JavaScript asked for through the exit op, if it did.
  public var exitCode: Int32? { loop.exitCode }

  // MARK: - Booting

  /// Reads, validates and boots the snapshot at `path`. This is the boot path to use: it reads
  /// the file once, checks it without decoding the metadata when the snapshot fits, and
  /// inflates straight into the buffer V8 takes.
  public static func boot(snapshotAt path: String, ops: OpRegistry = .standard) throws(RuntimeError) -> JSRuntime {
    let clock = ContinuousClock()
    let start = clock.now
    let bytes: [UInt8]
    do { bytes = try FileBytes.read(path) } catch { throw .io("cannot read snapshot \(path): \(error.reason)") }
    let read = clock.now
    let header: SnapshotHeader
    do { header = try SnapshotFile.validateForBoot(bytes, environment: .current(ops: ops.manifest)) } catch {
      throw .snapshot(error)
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

  /// Boots a parsed snapshot after checking that it fits this process and `ops`.
  public static func boot(from file: SnapshotFile, ops: OpRegistry = .standard) throws(RuntimeError) -> JSRuntime {
    let clock = ContinuousClock()
    let start = clock.now
    do { try file.checkCompatibility(with: .current(ops: ops.manifest)) } catch { throw .snapshot(error) }
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
    do { try ModuleLoader(runtime: runtime.handle).evaluate(graph) } catch { throw .javascript(error) }
    runtime.timings.evaluateSources = clock.now - evaluated
    return runtime
  }

  /// Creates the shim runtime. `blob` ownership passes to the shim. `opNames` overrides the
  /// installed op names (tests use it to install more functions than there are bodies).
  static func make(
    blob: UnsafeMutableRawBufferPointer?, ops: OpRegistry, forSnapshot: Bool, opNames: [String]? = nil
  ) throws(RuntimeError) -> JSRuntime {
    do { try V8Engine.ensureInitialized() } catch { throw .engine(error.message) }
    let table = OpTable(ops)
    let names = (opNames ?? ops.manifest.names).map { strdup($0) }
    defer { names.forEach { free($0) } }
    var error = sg_error()
    defer { sg_error_clear(&error) }
    let handle: OpaquePointer? = names.withUnsafeBufferPointer { namePointers in
      namePointers.withMemoryRebound(to: UnsafePointer<CChar>?.self) { constNames in
        var options = sg_runtime_options()
        options.snapshot = blob?.baseAddress?.assumingMemoryBound(to: UInt8.self)
        options.snapshot_length = blob?.count ?? 0
        options.for_snapshot = forSnapshot ? 1 : 0
        options.op_names = constNames.baseAddress
        options.op_count = Int32(constNames.count)
        options.op_handler = forSnapshot ? nil : opDispatch
        options.op_handler_context = Unmanaged.passUnretained(table).toOpaque()
        return sg_runtime_new(&options, &error)
      }
    }
    guard let handle else {
      throw .engine(error.message.map { String(cString: $0) } ?? "V8 could not create a runtime")
    }
    var timings = BootTimings()
    var isolateNanoseconds: Int64 = 0
    var contextNanoseconds: Int64 = 0
    sg_runtime_boot_phases(handle, &isolateNanoseconds, &contextNanoseconds)
    timings.isolate = .nanoseconds(isolateNanoseconds)
    timings.context = .nanoseconds(contextNanoseconds)
    return JSRuntime(handle: handle, opTable: table, timings: timings)
  }

  // MARK: - Running code

  /// Runs a classic script and returns `String(completionValue)`.
  @discardableResult
  public func evaluate(_ source: String, name: String = "<eval>") throws(JSException) -> String {
    var error = sg_error()
    defer { sg_error_clear(&error) }
    var result: UnsafeMutablePointer<CChar>?
    var source = source
    let status = source.withUTF8 { buffer in
      buffer.withMemoryRebound(to: CChar.self) {
        sg_script_run(handle, name, $0.baseAddress, $0.count, &result, &error)
      }
    }
    guard status == 0 else {
      if exitCode != nil {
        sg_resume_after_terminate(handle)
        return ""
      }
      throw JSException(error)
    }
    defer { sg_free(result) }
    return result.map { String(cString: $0) } ?? ""
  }

  /// Evaluates a module graph (e.g. a user's script and its imports) in this runtime, without
  /// waiting for timers or async ops; a top-level await must settle with microtasks alone.
  public func run(_ graph: ModuleGraph) throws(DiagnosticError) {
    try ModuleLoader(runtime: handle).evaluate(graph)
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
      .build(parser: ModuleSourceParser(borrowing: handle))
    return try runMain(graph)
  }

  /// Runs a program: evaluates the graph (its top-level await may wait on timers and ops), then
  /// the event loop until idle. Returns the exit code: the one JS chose, else 0.
  public func runMain(_ graph: ModuleGraph) throws(DiagnosticError) -> Int32 {
    let pending: [Int64]
    do {
      pending = try ModuleLoader(runtime: handle).evaluateAllowingPending(graph)
    } catch {
      guard let code = exitCode else { throw error }
      sg_resume_after_terminate(handle)
      return code
    }
    do throws(JSException) {
      for promise in pending {
        try loop.run(until: { sg_promise_state_of(handle, promise, nil) != SG_PROMISE_PENDING })
        if let code = exitCode { return code }
        var error = sg_error()
        defer { sg_error_clear(&error) }
        switch sg_promise_state_of(handle, promise, &error) {
        case SG_PROMISE_REJECTED:
          throw JSException(error)
        case SG_PROMISE_PENDING:
          throw JSException(message: "the module's top-level await never settled: nothing is left that could settle it")
        default:
          sg_promise_forget(handle, promise)
        }
      }
      try loop.run()
    } catch {
      if let code = exitCode {
        sg_resume_after_terminate(handle)
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
  case engine(String)
  case javascript(DiagnosticError)

  public var description: String {
    switch self {
    case .io(let message), .engine(let message): message
    case .snapshot(let error): error.description
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

private let opDispatch: sg_op_handler = { context, opId, call in
  guard let context, let call else { return }
  let table = Unmanaged<OpTable>.fromOpaque(context).takeUnretainedValue()
  guard opId >= 0, Int(opId) < table.bodies.count else {
    sg_call_throw(call, "RangeError", "op id \(opId) is out of range (this runtime has \(table.bodies.count) ops)")
    return
  }
  let index = Int(opId)
  let opCall = OpCall(call: call, name: table.names[index], loop: table.loop)
  do throws(OpError) {
    switch table.bodies[index] {
    case .sync(let body):
      let result = try body(opCall)
      sg_call_return(call, JSValueBridge.write(result, in: call))
    case .promising(let body):
      _ = try body(opCall)
    case .async(let body):
      let arguments = try opCall.arguments(arity: table.arities[index])
      let promise = opCall.returnPromise()
      table.loop.start(promise: promise) { () async throws(OpError) -> JSValue in try await body(arguments) }
    }
  } catch {
    let (kind, message) = error.kindAndMessage
    sg_call_throw(call, kind, message)
  }
}
