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
  /// How long each boot phase took.
  public private(set) var timings: BootTimings

  private init(handle: OpaquePointer, opTable: OpTable, timings: BootTimings) {
    self.handle = handle
    self.opTable = opTable
    self.timings = timings
  }

  deinit { sg_runtime_free(handle) }

  // MARK: - Booting

  /// Reads, validates and boots the snapshot at `path`.
  public static func boot(snapshotAt path: String, ops: OpRegistry = .standard) throws(RuntimeError) -> JSRuntime {
    let clock = ContinuousClock()
    let start = clock.now
    guard let data = FileManager.default.contents(atPath: path) else {
      throw .io("cannot read snapshot \(path): \(String(cString: strerror(errno)))")
    }
    let bytes = [UInt8](data)
    let read = clock.now
    let file: SnapshotFile
    do { file = try SnapshotFile.parse(bytes) } catch { throw .snapshot(error) }
    let parsing = clock.now - read
    let runtime = try boot(from: file, ops: ops)
    runtime.timings.read = read - start
    runtime.timings.validate += parsing
    return runtime
  }

  /// Boots a parsed snapshot after checking that it fits this process and `ops`.
  public static func boot(from file: SnapshotFile, ops: OpRegistry = .standard) throws(RuntimeError) -> JSRuntime {
    let clock = ContinuousClock()
    var timings = BootTimings()
    let start = clock.now
    do { try V8Engine.ensureInitialized() } catch { throw .engine(error.message) }
    do { try file.checkCompatibility(with: .current(ops: ops.manifest)) } catch { throw .snapshot(error) }
    let validated = clock.now
    timings.validate = validated - start
    let blob: UnsafeMutableRawBufferPointer
    do { blob = try file.inflateBlob() } catch { throw .snapshot(error) }
    let inflated = clock.now
    timings.decompress = inflated - validated
    let runtime = try make(blob: blob, ops: ops, forSnapshot: false)
    timings.isolateAndContext = clock.now - inflated
    runtime.timings = timings
    return runtime
  }

  /// A runtime that evaluates `graph` from source in a fresh isolate (no snapshot), with the
  /// same ops bound: what a runtime without snapgen would do at every start.
  public static func fromSources(_ graph: ModuleGraph, ops: OpRegistry = .standard) throws(RuntimeError) -> JSRuntime {
    let clock = ContinuousClock()
    let start = clock.now
    do { try V8Engine.ensureInitialized() } catch { throw .engine(error.message) }
    let runtime = try make(blob: nil, ops: ops, forSnapshot: false)
    runtime.timings.isolateAndContext = clock.now - start
    let evaluated = clock.now
    do { try ModuleLoader(runtime: runtime.handle).evaluate(graph) } catch { throw .javascript(error) }
    runtime.timings.evaluateSources = clock.now - evaluated
    return runtime
  }

  /// Creates the shim runtime. `blob` ownership passes to the shim.
  static func make(
    blob: UnsafeMutableRawBufferPointer?, ops: OpRegistry, forSnapshot: Bool
  ) throws(RuntimeError) -> JSRuntime {
    let table = OpTable(ops)
    let names = ops.manifest.names.map { strdup($0) }
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
    return JSRuntime(handle: handle, opTable: table, timings: BootTimings())
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
    guard status == 0 else { throw JSException(error) }
    defer { sg_free(result) }
    return result.map { String(cString: $0) } ?? ""
  }

  /// Evaluates a module graph (e.g. a user's script and its imports) in this runtime.
  public func run(_ graph: ModuleGraph) throws(DiagnosticError) {
    try ModuleLoader(runtime: handle).evaluate(graph)
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
  let bodies: [OpRegistry.SyncBody]

  init(_ registry: OpRegistry) {
    names = registry.manifest.names
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
  do throws(OpError) {
    let result = try table.bodies[Int(opId)](OpCall(call: call, name: table.names[Int(opId)]))
    sg_call_return(call, JSValueBridge.write(result, in: call))
  } catch {
    let (kind, message) = error.kindAndMessage
    sg_call_throw(call, kind, message)
  }
}
