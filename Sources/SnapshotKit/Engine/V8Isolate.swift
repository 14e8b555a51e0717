import BundleResolver
import CV8Shim
import Synchronization
import Glibc

/// One V8 isolate and context behind the shim: the only handle to V8 the rest of SnapshotKit
/// holds. Created booted (from a snapshot blob or V8's built-in one) or as a `SnapshotCreator`
/// isolate for a build; freed with the object.
///
/// Not thread-safe: use an isolate from one thread at a time.
final class V8Isolate {
  let handle: OpaquePointer
  /// Kept alive as long as the isolate, which calls it for every op invocation.
  private let opHandler: OpHandler?
  private let bootedFromBlob: Bool

  /// Isolates booted from a snapshot blob that are alive now. V8 10.2 crashes (SIGSEGV in the
  /// string-table deserialiser, measured) when an isolate is made from its built-in snapshot, or
  /// a SnapshotCreator is made, while such an isolate is alive in the process, so snapgen refuses
  /// instead. The other order (built-in isolates alive while booting blobs) works. Creation holds
  /// the lock, so the count cannot change between the check and the new isolate.
  private static let bootedIsolates = Mutex<Int>(0)

  static let mixedIsolatesRefusal =
    "V8 10.2 cannot create an isolate from its built-in snapshot (for parsing, for building a snapshot, or from "
    + "sources) while runtimes booted from a snapshot are alive in this process; do that first, or in another process"

  /// Receives op invocations after boot: the op's index in the installed names, and the call.
  typealias OpHandlerBody = (_ op: Int32, _ call: V8Call) -> Void

  /// What to create.
  struct Options {
    /// A snapshot blob to boot from (ownership passes to the isolate), or nil for V8's built-in
    /// snapshot.
    var snapshot: UnsafeMutableRawBufferPointer?
    /// Create a `SnapshotCreator` isolate whose heap ``createBlob(keepFunctionCode:)`` serialises.
    var forSnapshot = false
    /// Op names installed as `core.ops.<name>` when the context is new (not from a snapshot).
    var opNames: [String] = []
    /// While a snapshot is built, `Error.stackTraceLimit` (when the program sets none): V8
    /// captures no stacks there otherwise. It is removed again before serialising.
    var buildStackTraceLimit = 10
  }

  /// Creates an isolate and its context, initialising V8 with no flags if nothing did before.
  /// Op calls reach `opHandler`; without one (and always while building) they throw.
  init(_ options: Options, opHandler: OpHandlerBody? = nil) throws(V8EngineError) {
    do { try V8Engine.ensureInitialized() } catch {
      free(options.snapshot?.baseAddress)  // ownership passed to the isolate
      throw error
    }
    let box = opHandler.map(OpHandler.init)
    let fromBlob = options.snapshot != nil
    // The handle leaves the lock as its address (a plain value the lock may hand out).
    let address = try Self.bootedIsolates.withLock { booted throws(V8EngineError) -> Int in
      guard fromBlob || booted == 0 else { throw V8EngineError(message: Self.mixedIsolatesRefusal) }
      let handle = try Self.create(options, opHandler: box)
      if fromBlob { booted += 1 }
      return Int(bitPattern: handle)
    }
    self.handle = OpaquePointer(bitPattern: address)!
    self.opHandler = box
    bootedFromBlob = fromBlob
  }

  private static func create(_ options: Options, opHandler box: OpHandler?) throws(V8EngineError) -> OpaquePointer {
    let names = options.opNames.map { strdup($0) }
    defer { names.forEach { free($0) } }
    var error = sg_error()
    defer { sg_error_clear(&error) }
    let handle: OpaquePointer? = names.withUnsafeBufferPointer { namePointers in
      namePointers.withMemoryRebound(to: UnsafePointer<CChar>?.self) { constNames in
        var shimOptions = sg_runtime_options()
        shimOptions.snapshot = options.snapshot?.baseAddress?.assumingMemoryBound(to: UInt8.self)
        shimOptions.snapshot_length = options.snapshot?.count ?? 0
        shimOptions.for_snapshot = options.forSnapshot ? 1 : 0
        shimOptions.op_names = constNames.baseAddress
        shimOptions.op_count = Int32(constNames.count)
        shimOptions.build_stack_trace_limit = Int32(clamping: options.buildStackTraceLimit)
        if let box, !options.forSnapshot {
          shimOptions.op_handler = opTrampoline
          shimOptions.op_handler_context = Unmanaged.passUnretained(box).toOpaque()
        }
        return sg_runtime_new(&shimOptions, &error)
      }
    }
    guard let handle else {
      throw V8EngineError(message: error.message.map { String(cString: $0) } ?? "V8 could not create a runtime")
    }
    return handle
  }

  deinit {
    sg_runtime_free(handle)
    if bootedFromBlob { Self.bootedIsolates.withLock { $0 -= 1 } }
  }

  /// How long creation spent in `Isolate::New` and in `Context::New`.
  var bootPhases: (isolate: Duration, context: Duration) {
    var isolateNanoseconds: Int64 = 0
    var contextNanoseconds: Int64 = 0
    sg_runtime_boot_phases(handle, &isolateNanoseconds, &contextNanoseconds)
    return (.nanoseconds(isolateNanoseconds), .nanoseconds(contextNanoseconds))
  }

  // MARK: - Scripts and microtasks

  /// Runs a classic script and returns `String(completionValue)`.
  func runScript(_ source: String, name: String) throws(JSException) -> String {
    var error = sg_error()
    defer { sg_error_clear(&error) }
    var result: UnsafeMutablePointer<CChar>?
    var source = source
    let status = source.withUTF8 { buffer in
      buffer.withMemoryRebound(to: CChar.self) {
        sg_script_run(handle, name, $0.baseAddress, $0.count, &result, &error)
      }
    }
    guard status == 0 else { throw JSException(error) }
    defer { sg_free(result) }
    return result.map { String(cString: $0) } ?? ""
  }

  func runMicrotasks() { sg_run_microtasks(handle) }

  /// Stops the JavaScript running now; later calls fail until ``resumeAfterTerminate()``.
  func terminate() { sg_terminate(handle) }

  /// Something another thread may hold to stop this isolate's JavaScript (a watchdog): V8's
  /// `TerminateExecution` may be called from any thread.
  struct Terminator: @unchecked Sendable {
    fileprivate let handle: OpaquePointer
    func terminate() { sg_terminate(handle) }
  }

  /// A handle for stopping this isolate from another thread.
  var terminator: Terminator { Terminator(handle: handle) }

  /// The error to report once JavaScript was stopped because the heap reached its limit.
  var heapLimitError: JSException? {
    sg_heap_limit_reached(handle) == 1 ? JSException(message: ShimMessage.text(SG_HEAP_LIMIT)) : nil
  }

  /// Lets the isolate run JavaScript again after ``terminate()``.
  func resumeAfterTerminate() { sg_resume_after_terminate(handle) }

  // MARK: - Modules

  /// Parses a module without keeping it and lists its import requests in source order.
  func moduleRequests(name: String, source: [UInt8]) throws(ModuleParseError) -> [ModuleRequest] {
    var list: UnsafeMutablePointer<sg_module_request>?
    var count = 0
    var error = sg_error()
    defer { sg_error_clear(&error) }
    let status = source.withUnsafeBufferPointer { buffer in
      buffer.withMemoryRebound(to: CChar.self) { chars in
        sg_module_parse(handle, name, chars.baseAddress, chars.count, &list, &count, &error)
      }
    }
    guard status == 0 else {
      throw ModuleParseError(
        message: error.message.map { String(cString: $0) } ?? "parse failed",
        line: Int(error.line), column: Int(error.column))
    }
    defer { sg_module_requests_free(list, count) }
    guard let list else { return [] }
    return (0..<count).map { index in
      let request = list[index]
      return ModuleRequest(
        specifier: String(cString: request.specifier),
        line: Int(request.line), column: Int(request.column),
        assertionType: request.assertion_type.map { String(cString: $0) })
    }
  }

  /// Compiles an ES module (or, with `json`, makes a JSON module) and keeps it; returns its id.
  /// True when the module or one it imports has a top-level await.
  func moduleGraphIsAsync(_ id: Int32) -> Bool { sg_module_is_graph_async(handle, id) == 1 }

  func compileModule(name: String, source: [UInt8], json: Bool = false) throws(JSException) -> Int32 {
    var error = sg_error()
    defer { sg_error_clear(&error) }
    let id = source.withUnsafeBufferPointer { buffer in
      buffer.withMemoryRebound(to: CChar.self) { chars in
        json
          ? sg_module_json(handle, name, chars.baseAddress, chars.count, &error)
          : sg_module_compile(handle, name, chars.baseAddress, chars.count, &error)
      }
    }
    guard id >= 0 else { throw JSException(error) }
    return id
  }

  /// Links module `id` and its imports; `resolve(referrer, specifier)` names each import's
  /// module id (or -1 when there is none).
  func instantiateModule(_ id: Int32, resolve: (_ referrer: Int32, _ specifier: String) -> Int32) throws(JSException) {
    var error = sg_error()
    defer { sg_error_clear(&error) }
    let status = withoutActuallyEscaping(resolve) { resolve in
      var resolver = ModuleResolver(resolve: resolve)
      return withUnsafeMutablePointer(to: &resolver) { pointer in
        sg_module_instantiate(handle, id, { context, referrer, specifier in
          context!.assumingMemoryBound(to: ModuleResolver.self).pointee.resolve(referrer, String(cString: specifier!))
        }, pointer, &error)
      }
    }
    guard status == 0 else { throw JSException(error) }
  }

  /// Evaluates an instantiated module and drains microtasks. Returns the id of its evaluation
  /// promise when a top-level await is still pending, else nil.
  func evaluateModule(_ id: Int32) throws(JSException) -> Int64? {
    var error = sg_error()
    defer { sg_error_clear(&error) }
    var promise: Int64 = -1
    guard sg_module_evaluate_async(handle, id, &promise, &error) == 0 else { throw JSException(error) }
    return promise >= 0 ? promise : nil
  }

  // MARK: - Promises

  /// Whether a tracked promise is still pending.
  func isPending(_ promise: Int64) -> Bool {
    sg_promise_state_of(handle, promise, nil) == SG_PROMISE_PENDING
  }

  /// A tracked promise's state, with a rejection's reason.
  func state(of promise: Int64) -> PromiseState {
    var error = sg_error()
    defer { sg_error_clear(&error) }
    switch sg_promise_state_of(handle, promise, &error) {
    case SG_PROMISE_PENDING: return .pending
    case SG_PROMISE_REJECTED: return .rejected(JSException(error))
    default: return .fulfilled
    }
  }

  /// Stops tracking a promise.
  func forget(promise: Int64) { sg_promise_forget(handle, promise) }

  /// Resolves or rejects a promise an op returned (``V8Call/returnPromise()``), then forgets it.
  /// Does nothing on an isolate that was already serialised.
  func settle(promise: Int64, with result: Result<JSValue, OpError>) {
    guard let scope = sg_scope_open(handle) else { return }
    defer { sg_scope_close(scope) }
    switch result {
    case .success(let value):
      sg_promise_settle(scope, promise, 0, JSValueBridge.write(value, in: scope))
    case .failure(let error):
      sg_promise_settle(scope, promise, 1, error.errorValue(in: scope))
    }
  }

  /// Takes the oldest promise rejection that still has no handler.
  func takeUnhandledRejection() -> JSException? {
    var error = sg_error()
    defer { sg_error_clear(&error) }
    guard sg_take_unhandled_rejection(handle, &error) == 1 else { return nil }
    return JSException(error)
  }

  // MARK: - Snapshots

  /// Ends the current job (dropping WeakRef keep-alives) and runs a full garbage collection.
  /// Does nothing on an isolate that was already serialised.
  func collectGarbage() { _ = sg_preflight_collect_garbage(handle) }

  /// Serialises the context into a startup blob. Afterwards the isolate can only be freed.
  /// `keepFunctionCode` keeps compiled bytecode; otherwise functions recompile lazily.
  func createBlob(keepFunctionCode: Bool) throws(JSException) -> [UInt8] {
    var blob: UnsafeMutablePointer<UInt8>?
    var length = 0
    var error = sg_error()
    defer { sg_error_clear(&error) }
    guard sg_create_blob(handle, keepFunctionCode ? 1 : 0, &blob, &length, &error) == 0, let blob else {
      throw JSException(error)
    }
    defer { sg_free(blob) }
    return Array(UnsafeBufferPointer(start: blob, count: length))
  }
}

/// The state of a promise the isolate tracks.
enum PromiseState {
  case pending
  case fulfilled
  case rejected(JSException)
}

/// The Swift closure behind the shim's op handler pointer.
private final class OpHandler {
  let body: V8Isolate.OpHandlerBody
  init(_ body: @escaping V8Isolate.OpHandlerBody) { self.body = body }
}

private let opTrampoline: sg_op_handler = { context, opId, call in
  guard let context, let call else { return }
  Unmanaged<OpHandler>.fromOpaque(context).takeUnretainedValue().body(opId, V8Call(call))
}

/// The resolve closure handed through the shim's context pointer.
private struct ModuleResolver {
  let resolve: (Int32, String) -> Int32
}
