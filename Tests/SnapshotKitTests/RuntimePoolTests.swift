import Foundation
import SnapshotKit
import Testing

@Suite("runtime pool")
struct RuntimePoolTests {
  init() throws { try Fixtures.prepareEngine() }

  /// internal-js's snapshot in a new file (built in this process before any pool exists: V8 10.2
  /// cannot build while runtimes booted from a snapshot are alive).
  private func snapshotFile() throws -> String {
    let folder = try Fixtures.temporaryFolder()
    let path = folder + "/snapshot.bin"
    try AtomicFileWriter.write(try InternalJSSnapshot.file.get().serialized(), to: path)
    return path
  }

  @Test("runtimes are booted ahead: after the pool fills, acquire takes a ready one and a replacement is booted")
  func bootsAhead() throws {
    let pool = try RuntimePool(snapshotAt: try snapshotFile(), size: 3)
    #expect(pool.waitUntilFull())
    #expect(pool.readyCount == 3)
    let runtime = try pool.acquire()
    #expect(try runtime.evaluate("new URL('https://example.org/a?b=1').searchParams.get('b')") == "1")
    #expect(pool.counts.hits == 1)
    #expect(pool.counts.misses == 0)
    #expect(pool.waitUntilFull())
    #expect(pool.readyCount == 3)
    // One booted in init on this thread, then 2 to fill and 1 to replace the one taken.
    #expect(pool.counts.bootedAhead == 3)
  }

  @Test("a released runtime is disposed of and never handed out again: no state reaches the next acquire")
  func releasedRuntimesAreNotReused() throws {
    let pool = try RuntimePool(snapshotAt: try snapshotFile(), size: 2)
    for round in 0..<6 {
      #expect(pool.waitUntilFull())
      let runtime = try pool.acquire()
      #expect(try runtime.evaluate("typeof globalThis.leftBehind") == "undefined", "round \(round)")
      try runtime.evaluate("globalThis.leftBehind = \(round); URL.prototype.leak = 1")
      pool.release(runtime)
    }
    #expect(pool.waitUntilFull())
    #expect(pool.counts.disposed == 6)
    #expect(pool.counts.hits == 6)
  }

  @Test("performance.now() of a runtime booted ahead counts from its hand-out, not from its boot")
  func clockStartsAtHandOut() throws {
    let pool = try RuntimePool(snapshotAt: try snapshotFile(), size: 1)
    #expect(pool.waitUntilFull())
    usleep(300_000)  // the ready runtime waits in the pool
    let runtime = try pool.acquire()
    let now = try #require(Double(try runtime.evaluate("performance.now()")))
    #expect(now >= 0 && now < 250, "performance.now() was \(now) ms right after acquire")
  }

  @Test("acquire on an empty pool boots on the calling thread instead of waiting or failing")
  func missBootsInline() throws {
    let pool = try RuntimePool(snapshotAt: try snapshotFile(), size: 1)
    var runtimes: [JSRuntime] = []
    for _ in 0..<5 { runtimes.append(try pool.acquire()) }
    let counts = pool.counts
    #expect(counts.hits + counts.misses == 5)
    #expect(counts.hits >= 1)  // the runtime booted in init was ready
    for (index, runtime) in runtimes.enumerated() {
      #expect(try runtime.evaluate("\(index) + 1") == "\(index + 1)")
    }
  }

  @Test("deep recursion in a pooled runtime used on another thread throws a RangeError instead of crashing")
  func deepRecursionOnAnotherThread() async throws {
    let path = try snapshotFile()
    let pool = try RuntimePool(snapshotAt: path, size: 2)
    #expect(pool.waitUntilFull())
    let recursion = """
      (() => { function down(n) { return n === 0 ? 0 : 1 + down(n - 1); }
        try { down(1e7); return 'no overflow'; } catch (e) { return e instanceof RangeError ? 'RangeError' : String(e); } })()
      """
    // Threads whose stacks lie elsewhere than the pool thread's, one of them smaller than V8's
    // default --stack-size (984 KB): the limit must follow the thread that uses the runtime.
    for stackSize in [8 << 20, 512 << 10] {
      let outcome = try await onOwnThread(stackSize: stackSize) {
        let runtime = try pool.acquire()
        let first = try runtime.evaluate(recursion)
        // Still usable afterwards, and recursion that fits works.
        let small = try runtime.evaluate("(function f(n) { return n === 0 ? 0 : 1 + f(n - 1); })(1000)")
        return [first, small]
      }
      #expect(outcome == ["RangeError", "1000"], "thread stack \(stackSize / 1024) KB")
    }
  }

  @Test("a pool over a missing, corrupt or incompatible snapshot, or of size 0, fails at creation with the reason")
  func badInputsFailAtCreation() throws {
    let folder = try Fixtures.temporaryFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let missing = folder + "/missing.bin"
    #expect {
      try RuntimePool(snapshotAt: missing)
    } throws: { error in
      "\(error)".contains("missing.bin")
    }
    let corrupt = folder + "/corrupt.bin"
    try AtomicFileWriter.write(Array("not a snapshot at all, just text".utf8), to: corrupt)
    #expect(throws: RuntimeError.self) { try RuntimePool(snapshotAt: corrupt) }
    let valid = try snapshotFile()
    #expect {
      try RuntimePool(snapshotAt: valid, size: 0)
    } throws: { error in
      "\(error)".contains("size of at least 1")
    }
    // internal-js's snapshot against a different op table.
    #expect(throws: RuntimeError.self) { try RuntimePool(snapshotAt: valid, ops: try Fixtures.smallRegistry()) }
  }
}

/// Runs `body` on a new thread with a stack of `stackSize` bytes.
private func onOwnThread<T: Sendable>(stackSize: Int, _ body: @escaping @Sendable () throws -> T) async throws -> T {
  try await withCheckedThrowingContinuation { continuation in
    let thread = Thread {
      do { continuation.resume(returning: try body()) } catch { continuation.resume(throwing: error) }
    }
    thread.stackSize = stackSize
    thread.start()
  }
}
