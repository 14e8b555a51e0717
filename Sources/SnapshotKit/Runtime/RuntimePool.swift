import Dispatch
import Glibc
public import SnapgenCrypto
import Synchronization

/// Keeps runtimes booted ahead on a background thread, so that a server hands each request a
/// fresh runtime without waiting for a boot.
///
/// ```swift
/// let pool = try RuntimePool(snapshotAt: "snapshot.bin", size: 4)
/// let runtime = try pool.acquire()        // microseconds when one is ready
/// try runtime.evaluate("handle(request)")
/// pool.release(runtime)                   // disposed of on the pool's thread, never reused
/// ```
///
/// - A runtime is handed out once. ``release(_:)`` disposes of it on the pool's thread (off
///   the caller's path); dropping it instead disposes of it on the thread that drops it. No
///   runtime is ever cleaned and handed out again: state one request left behind cannot reach
///   the next.
/// - ``acquire()`` makes the calling thread the runtime's thread for V8's stack checks
///   (``JSRuntime/adoptCurrentThread()``): use the runtime on that thread, or call
///   `adoptCurrentThread()` on the thread that takes it over.
/// - When no runtime is ready (a burst larger than the pool), `acquire()` boots one on the
///   calling thread: it costs a boot, never a failure or a wait on the pool.
/// - The snapshot is read, checked and (with trusted keys) verified once, when the pool is made.
/// - `performance.now()` of a runtime booted ahead counts from its hand-out, not its boot.
public final class RuntimePool: Sendable {
  /// How many runtimes the pool keeps booted ahead.
  public let size: Int
  private let core: Core
  private let worker: WorkerThread

  /// Counts since the pool was made.
  public struct Counts: Sendable, Equatable {
    /// `acquire()` calls that took a runtime booted ahead.
    public var hits = 0
    /// `acquire()` calls that had to boot on the calling thread.
    public var misses = 0
    /// Runtimes the background thread booted.
    public var bootedAhead = 0
    /// Released runtimes the background thread disposed of.
    public var disposed = 0
  }

  /// Reads and checks the snapshot at `path`, boots one runtime on the calling thread (so that
  /// a snapshot that cannot boot fails here, with the reason), and starts the background thread
  /// that boots the rest.
  ///
  /// - Parameters:
  ///   - path: the `snapshot.bin` every runtime boots from.
  ///   - size: how many runtimes to keep ready (at least 1).
  ///   - ops: the runtime's ops; the snapshot must have been built against the same table.
  ///   - trustedKeys: when not empty, the file must be signed by one of these keys.
  public init(
    snapshotAt path: String, size: Int = 2, ops: OpRegistry = .standard, trustedKeys: [Ed25519.PublicKey] = []
  ) throws(RuntimeError) {
    guard size >= 1 else { throw .engine("a runtime pool needs a size of at least 1 (got \(size))") }
    let bytes: [UInt8]
    do { bytes = try FileBytes.read(path, maximumSize: SnapshotHeader.largestFileSize) } catch { throw .io("cannot read snapshot \(path): \(error.reason)") }
    let file: SnapshotFile
    do { file = try SnapshotFile.parse(bytes) } catch { throw .snapshot(error) }
    // The first boot checks compatibility and the signature, once for the whole pool.
    let first = try JSRuntime.boot(from: file, ops: ops, trustedKeys: trustedKeys)
    self.size = size
    core = Core(file: file, ops: ops, size: size, first: first)
    let core = self.core
    worker = try WorkerThread { core.work() }
  }

  deinit {
    core.stop()
    worker.join()
  }

  /// A fresh runtime: one booted ahead when one is ready (microseconds), else one booted now on
  /// the calling thread. Either way the calling thread becomes the runtime's thread for V8's
  /// stack checks. The pool boots a replacement in the background.
  public func acquire() throws(RuntimeError) -> JSRuntime {
    if let ready = core.takeReady() {
      ready.adoptCurrentThread()
      ready.loop.restartClock()
      return ready
    }
    let runtime = try JSRuntime.boot(from: core.file, ops: core.ops)
    core.countMiss()
    return runtime
  }

  /// Hands a runtime back to be disposed of on the pool's thread. It is never handed out again;
  /// the caller must not use it afterwards.
  public func release(_ runtime: JSRuntime) {
    core.dispose(runtime)
  }

  /// How many runtimes are booted and waiting now.
  public var readyCount: Int { core.readyCount }

  /// Counts of hits, misses, boots and disposals so far.
  public var counts: Counts { core.counts }

  /// Waits until the pool holds ``size`` ready runtimes and has nothing left to dispose of, or
  /// until `timeout` passes. Returns whether it got there (false also when background boots
  /// fail: ``lastBootFailure`` then says why).
  @discardableResult
  public func waitUntilFull(timeout: Duration = .seconds(10)) -> Bool {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
      if core.isSettled { return core.readyCount == size }
      usleep(200)
    }
    return false
  }

  /// The last error a background boot hit, if the background thread has stopped booting
  /// because of it (``acquire()`` then boots on the calling thread and reports the error).
  public var lastBootFailure: RuntimeError? { core.failure }
}

extension RuntimePool {
  /// A runtime passing between the pool's thread and its callers. Only one thread holds a
  /// given runtime at a time, which is all a runtime needs.
  fileprivate struct Handoff: @unchecked Sendable {
    let runtime: JSRuntime
  }

  /// What the pool's thread and its callers share.
  fileprivate final class Core: Sendable {
    let file: SnapshotFile
    let ops: OpRegistry
    private let size: Int
    private let state: Mutex<State>
    /// Wakes the pool's thread: something was taken, released or the pool is stopping.
    private let wake = DispatchSemaphore(value: 0)

    struct State {
      var ready: [Handoff] = []
      var toDispose: [Handoff] = []
      var booting = false
      /// Runtimes the pool's thread is disposing of now.
      var disposing = 0
      var stopped = false
      var failure: RuntimeError?
      var counts = Counts()
    }

    init(file: SnapshotFile, ops: OpRegistry, size: Int, first: JSRuntime) {
      self.file = file
      self.ops = ops
      self.size = size
      state = Mutex(State(ready: [Handoff(runtime: first)]))
    }

    func takeReady() -> JSRuntime? {
      let taken = state.withLock { state -> Handoff? in
        guard !state.ready.isEmpty else { return nil }
        state.counts.hits += 1
        return state.ready.removeFirst()
      }
      if taken != nil { wake.signal() }
      return taken?.runtime
    }

    func countMiss() {
      state.withLock {
        $0.counts.misses += 1
        // A boot on the caller's thread worked: let the background thread try again.
        $0.failure = nil
      }
      wake.signal()
    }

    func dispose(_ runtime: JSRuntime) {
      state.withLock { $0.toDispose.append(Handoff(runtime: runtime)) }
      wake.signal()
    }

    func stop() {
      state.withLock { $0.stopped = true }
      wake.signal()
    }

    var readyCount: Int { state.withLock { $0.ready.count } }
    var counts: Counts { state.withLock { $0.counts } }
    var failure: RuntimeError? { state.withLock { $0.failure } }

    /// Nothing to dispose of, no boot running, and either full or stopped by a failure.
    var isSettled: Bool {
      state.withLock { state in
        state.toDispose.isEmpty && state.disposing == 0 && !state.booting && (state.ready.count >= size || state.failure != nil)
      }
    }

    private enum Job {
      case stop
      case dispose
      case boot
      case sleep
    }

    /// The pool thread's loop: disposes of released runtimes first, then boots until full.
    func work() {
      while true {
        // Runtimes taken out of the state to be disposed of here, outside the lock.
        var leaving: [Handoff] = []
        let job = state.withLock { state -> Job in
          if state.stopped {
            leaving = state.ready + state.toDispose
            state.ready = []
            state.toDispose = []
            return .stop
          }
          if !state.toDispose.isEmpty {
            leaving = state.toDispose
            state.toDispose = []
            state.disposing = leaving.count
            return .dispose
          }
          if state.ready.count < size && state.failure == nil {
            state.booting = true
            return .boot
          }
          return .sleep
        }
        switch job {
        case .stop:
          leaving.removeAll()
          return
        case .dispose:
          let count = leaving.count
          leaving.removeAll()  // the last references: each isolate is disposed of here
          state.withLock {
            $0.counts.disposed += count
            $0.disposing = 0
          }
        case .boot:
          let booted = Result { () throws(RuntimeError) in try JSRuntime.boot(from: file, ops: ops) }
          state.withLock { state in
            state.booting = false
            switch booted {
            case .success(let runtime):
              state.ready.append(Handoff(runtime: runtime))
              state.counts.bootedAhead += 1
            case .failure(let error):
              state.failure = error
            }
          }
        case .sleep:
          wake.wait()
        }
      }
    }
  }
}

/// A joinable POSIX thread running one closure (the pool's loop). Plain pthreads keep
/// Foundation's `Thread` off the runtime path.
private final class WorkerThread: Sendable {
  private let thread: pthread_t

  init(_ body: @escaping @Sendable () -> Void) throws(RuntimeError) {
    final class Box {
      let body: @Sendable () -> Void
      init(_ body: @escaping @Sendable () -> Void) { self.body = body }
    }
    let context = Unmanaged.passRetained(Box(body)).toOpaque()
    var thread = pthread_t()
    let status = pthread_create(&thread, nil, { context in
      Unmanaged<Box>.fromOpaque(context!).takeRetainedValue().body()
      return nil
    }, context)
    guard status == 0 else {
      Unmanaged<Box>.fromOpaque(context).release()
      throw .engine("the runtime pool could not start its thread (pthread_create: \(String(cString: strerror(status))))")
    }
    self.thread = thread
  }

  func join() {
    pthread_join(thread, nil)
  }
}
