/// Measures the cost of calling ops from JS beside a plain JS function call, in one runtime
/// and one run: a sync op round trip (JS → Swift → JS, no arguments) and an async op round trip
/// (call, Swift task, promise settled by the event loop, await resumed).
public enum OpRoundTripBenchmark {
  /// Per-call costs in nanoseconds: the median over the rounds.
  public struct Report: Sendable, Codable, Equatable {
    public var iterations: Int
    public var rounds: Int
    public var plainCallNanoseconds: Double
    public var syncOpNanoseconds: Double
    public var asyncOpNanoseconds: Double
  }

  /// Runs `rounds` rounds of `iterations` calls of each kind. Blocks the calling thread while
  /// the event loop waits for async ops, so call it off Swift's cooperative pool.
  public static func run(iterations: Int = 100_000, rounds: Int = 7) throws -> Report {
    try V8Engine.ensureInitialized()
    var registry = OpRegistry()
    try registry.register("op_bench_sync", arity: 0) { _ throws(OpError) in .number(1) }
    try registry.registerAsync("op_bench_async", arity: 0) { _ throws(OpError) in .number(1) }
    let runtime = try JSRuntime.make(blob: nil, ops: registry, forSnapshot: false)
    try runtime.evaluate("""
      globalThis.plain = function plain() { return 1; };
      globalThis.benchPlain = (n) => { let s = 0; for (let i = 0; i < n; i++) s += plain(); return s; };
      const sync = core.ops.op_bench_sync, asyncOp = core.ops.op_bench_async;
      globalThis.benchSync = (n) => { let s = 0; for (let i = 0; i < n; i++) s += sync(); return s; };
      globalThis.benchAsync = async (n) => { let s = 0; for (let i = 0; i < n; i++) s += await asyncOp(); globalThis.asyncDone = s; };
      """)
    let asyncIterations = max(1, iterations / 10)
    // Warm up the JIT for each path once.
    try runtime.evaluate("benchPlain(\(iterations)); benchSync(\(iterations))")
    try runtime.evaluate("benchAsync(\(asyncIterations))")
    try runtime.runEventLoop()

    var plain: [Double] = []
    var sync: [Double] = []
    var async: [Double] = []
    let clock = ContinuousClock()
    for _ in 0..<rounds {
      var start = clock.now
      try runtime.evaluate("benchPlain(\(iterations))")
      plain.append((clock.now - start).nanoseconds / Double(iterations))
      start = clock.now
      try runtime.evaluate("benchSync(\(iterations))")
      sync.append((clock.now - start).nanoseconds / Double(iterations))
      start = clock.now
      try runtime.evaluate("benchAsync(\(asyncIterations))")
      try runtime.runEventLoop()
      async.append((clock.now - start).nanoseconds / Double(asyncIterations))
    }
    return Report(
      iterations: iterations, rounds: rounds, plainCallNanoseconds: Statistics.median(plain),
      syncOpNanoseconds: Statistics.median(sync), asyncOpNanoseconds: Statistics.median(async))
  }
}
