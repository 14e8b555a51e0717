/// Measures ``RuntimePool/acquire()``: what a server pays per request when a runtime was booted
/// ahead. Never a boot figure: the boot happened earlier, on the pool's thread.
public enum PoolAcquireBenchmark {
  /// Fills a pool of `poolSize` runtimes from `snapshot`, then `iterations` times: waits until
  /// the pool is full again (not timed), times `acquire()` and the first call on the runtime it
  /// returned, and releases it. Samples are in milliseconds: `acquire`, `firstCall`.
  ///
  /// Throws when an acquire had to boot on the calling thread (the pool never filled), since
  /// that sample would be a boot, not an acquire.
  public static func run(
    snapshot: String, poolSize: Int, iterations: Int, firstCall: String
  ) throws -> [BootBenchmark.Sample] {
    let pool = try RuntimePool(snapshotAt: snapshot, size: poolSize)
    let clock = ContinuousClock()
    var samples: [BootBenchmark.Sample] = []
    for _ in 0..<iterations {
      guard pool.waitUntilFull(timeout: .seconds(30)) else {
        throw BootBenchRun.Failure(
          description: "the runtime pool did not fill within 30 s" + (pool.lastBootFailure.map { ": \($0)" } ?? ""))
      }
      let start = clock.now
      let runtime = try pool.acquire()
      let acquired = clock.now
      try runtime.evaluate(firstCall, name: "<first call>")
      let called = clock.now
      pool.release(runtime)
      samples.append(["acquire": (acquired - start).milliseconds, "firstCall": (called - acquired).milliseconds])
    }
    guard pool.counts.misses == 0 else {
      throw BootBenchRun.Failure(description: "\(pool.counts.misses) pool acquires had to boot; their samples are not acquires")
    }
    return samples
  }
}
