import Glibc
import BundleResolver
import Foundation
@testable import SnapshotKit
import Testing

/// The internal-js snapshot with the standard ops, built once per process.
enum InternalJSSnapshot {
  static let file: Result<SnapshotFile, DiagnosticError> = {
    var folder = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { folder = folder.deletingLastPathComponent() }
    do {
      try Fixtures.prepareEngine()
      let configuration = try BuildConfiguration.load(from: folder.path + "/internal-js")
      return .success(try SnapshotBuilder(configuration: configuration).build().file)
    } catch let error as DiagnosticError {
      return .failure(error)
    } catch {
      return .failure(DiagnosticError([.error("\(error)")]))
    }
  }()

  static func boot(arguments: [String] = []) throws -> JSRuntime {
    try JSRuntime.boot(from: file.get(), ops: .standard(arguments: arguments))
  }
}

@Suite("event loop")
struct EventLoopTests {
  // V8 is process-wide: initialise it with fixed seeds before any test of the suite runs.
  init() throws { try Fixtures.prepareEngine() }

  @Test("timers run by deadline, then creation order; cleared timers never run; the loop ends when idle")
  func timerOrder() async throws {
    let log = try await onOwnThread {
      let runtime = try InternalJSSnapshot.boot()
      try runtime.evaluate("""
        globalThis.log = [];
        setTimeout(() => log.push("late"), 30);
        setTimeout(() => log.push("a1"), 5);
        setTimeout(() => log.push("a2"), 5);
        setTimeout((x, y) => log.push(x + y), 5, "arg", "s");
        clearTimeout(setTimeout(() => log.push("cleared"), 1));
        let n = 0;
        const interval = setInterval(() => { log.push("tick"); if (++n === 3) clearInterval(interval); }, 1);
        queueMicrotask(() => log.push("micro"));
        """)
      try runtime.runEventLoop()
      return try runtime.evaluate("log.join()")
    }
    let entries = log.split(separator: ",").map(String.init)
    #expect(entries.first == "micro")
    // Deadlines fixed at the same moment order the timers; the interval re-arms from when its
    // callback ran, so its ticks may fall on either side of "late" on a loaded machine.
    let late = try #require(entries.firstIndex(of: "late"))
    #expect(!entries.contains("cleared"))
    #expect(entries.filter { $0 == "tick" }.count == 3)
    let a1 = try #require(entries.firstIndex(of: "a1"))
    let a2 = try #require(entries.firstIndex(of: "a2"))
    let args = try #require(entries.firstIndex(of: "args"))
    #expect(a1 < a2 && a2 < args && args < late)
  }

  @Test("a top-level await can wait for timers and async ops, and the program's exit code is returned")
  func runMainWaitsAndExits() async throws {
    let folder = try Fixtures.temporaryFolder()
    try "from a file".write(toFile: folder + "/data.txt", atomically: false, encoding: .utf8)
    try """
      await new Promise((resolve) => setTimeout(resolve, 10));
      const text = await runtime.readTextFile(runtime.args[0]);
      globalThis.seen = text + "|" + typeof runtime.env.get("PATH");
      runtime.exit(text === "from a file" ? 42 : 1);
      globalThis.seen = "ran after exit";
      """.write(toFile: folder + "/main.js", atomically: false, encoding: .utf8)
    let (code, seen) = try await onOwnThread {
      let runtime = try InternalJSSnapshot.boot(arguments: [folder + "/data.txt"])
      let code = try runtime.runMain(scriptAt: folder + "/main.js")
      return (code, try runtime.evaluate("globalThis.seen"))
    }
    #expect(code == 42)
    #expect(seen == "from a file|string")
  }

  @Test("async ops resolve with their value and reject with their error's message")
  func asyncOps() async throws {
    let (resolved, rejected) = try await onOwnThread {
      let root = try Fixtures.moduleTree(["main.js": """
        globalThis.slowDouble = (x) => core.ops.op_slow_double(x);
        globalThis.slowFail = () => core.ops.op_slow_fail();
        """])
      let ops = [OpDescriptor(name: "op_slow_double", kind: .async, arity: 1), OpDescriptor(name: "op_slow_fail", kind: .async, arity: 0)]
      let file = try SnapshotBuilder(configuration: BuildConfiguration(root: root, entryPoints: ["main.js"], ops: ops)).build().file
      var registry = OpRegistry()
      try registry.registerAsync("op_slow_double", arity: 1) { arguments throws(OpError) in
        try? await Task.sleep(for: .milliseconds(5))
        guard case .number(let value) = arguments[0] else { throw .typeError("op_slow_double takes a number") }
        return .number(value * 2)
      }
      try registry.registerAsync("op_slow_fail", arity: 0) { _ throws(OpError) in
        try? await Task.sleep(for: .milliseconds(1))
        throw .rangeError("the disk is on fire")
      }
      let runtime = try JSRuntime.boot(from: file, ops: registry)
      try runtime.evaluate("""
        slowDouble(21).then((v) => { globalThis.resolved = v; });
        slowFail().catch((e) => { globalThis.rejected = e.constructor.name + ": " + e.message; });
        """)
      try runtime.runEventLoop()
      return (try runtime.evaluate("resolved"), try runtime.evaluate("rejected"))
    }
    #expect(resolved == "42")
    #expect(rejected == "RangeError: the disk is on fire")
  }

  @Test("an exception in a timer callback is reported with its location")
  func timerException() async throws {
    let error = try await onOwnThread { () -> JSException? in
      let runtime = try InternalJSSnapshot.boot()
      try runtime.evaluate("setTimeout(() => {\n  undefinedFunction();\n}, 1);", name: "timer.js")
      do { try runtime.runEventLoop() } catch let error as JSException { return error }
      return nil
    }
    let exception = try #require(error)
    #expect(exception.message.contains("ReferenceError: undefinedFunction is not defined"))
    #expect(exception.resource == "timer.js")
    #expect(exception.line == 2)
  }

  @Test("an unhandled rejection is reported with its location; a handled one is not")
  func unhandledRejection() async throws {
    let (unhandled, handled) = try await onOwnThread { () -> (JSException?, String) in
      let runtime = try InternalJSSnapshot.boot()
      try runtime.evaluate("Promise.reject(new Error('handled')).catch(() => { globalThis.ok = 'caught'; });")
      try runtime.runEventLoop()
      let handled = try runtime.evaluate("globalThis.ok")
      try runtime.evaluate("\nPromise.reject(new TypeError('nobody listens'));", name: "reject.js")
      do { try runtime.runEventLoop() } catch let error as JSException { return (error, handled) }
      return (nil, handled)
    }
    #expect(handled == "caught")
    let exception = try #require(unhandled)
    #expect(exception.message == "Uncaught (in promise) TypeError: nobody listens")
    #expect(exception.resource == "reject.js")
    #expect(exception.line == 2)
  }

  @Test("waiting for a timer does not spin the CPU")
  func idleWaitIsCheap() async throws {
    let cpuMilliseconds = try await onOwnThread { () -> Double in
      let runtime = try InternalJSSnapshot.boot()
      try runtime.evaluate("setTimeout(() => {}, 300);")
      func threadCPUMilliseconds() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now)
        return Double(now.tv_sec) * 1_000 + Double(now.tv_nsec) / 1_000_000
      }
      let before = threadCPUMilliseconds()
      try runtime.runEventLoop()
      return threadCPUMilliseconds() - before
    }
    // A busy-waiting loop would burn about 300 ms of CPU on this thread.
    #expect(cpuMilliseconds < 100)
  }

  @Test("an op id with no implementation is a RangeError, not a crash")
  func opIdOutOfRange() throws {
    var registry = OpRegistry()
    try registry.register("op_a", arity: 0) { _ throws(OpError) in .string("a") }
    let runtime = try JSRuntime.make(blob: nil, ops: registry, forSnapshot: false, opNames: ["op_a", "op_b"])
    #expect(try runtime.evaluate("core.ops.op_a()") == "a")
    #expect(try runtime.evaluate("try { core.ops.op_b() } catch (e) { e.constructor.name + ': ' + e.message }")
      == "RangeError: op id 1 is out of range (this runtime has 1 ops)")
  }

  @Test("a registry built from a manifest must implement every op with its declared kind")
  func registryFromManifest() throws {
    let manifest = try OpManifest([
      OpDescriptor(name: "op_sync", kind: .sync, arity: 0),
      OpDescriptor(name: "op_async", kind: .async, arity: 0),
      OpDescriptor(name: "op_missing", kind: .sync, arity: 0),
    ])
    #expect(throws: OpRegistryError(unimplemented: ["op_async", "op_missing"])) {
      try OpRegistry(manifest: manifest, sync: ["op_sync": { _ throws(OpError) in .null }, "op_async": { _ throws(OpError) in .null }])
    }
    let complete = try OpRegistry(
      manifest: manifest, sync: ["op_sync": { _ throws(OpError) in .null }, "op_missing": { _ throws(OpError) in .null }],
      async: ["op_async": { _ throws(OpError) in .null }])
    #expect(complete.manifest == manifest)
  }
}
