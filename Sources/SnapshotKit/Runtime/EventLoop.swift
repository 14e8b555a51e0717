import Dispatch
import Synchronization

/// Drives a runtime's asynchronous work on the thread that runs the runtime: microtasks, timers,
/// async op completions and unhandled rejections. It sleeps while nothing is due.
final class EventLoop {
  /// A finished async op, posted from any thread.
  struct Completion: Sendable {
    var promise: Int64
    var result: Result<JSValue, OpError>
  }

  /// Completions posted from other threads, and the signal that wakes the loop.
  final class Inbox: Sendable {
    private let items = Mutex<[Completion]>([])
    private let signal = DispatchSemaphore(value: 0)

    func post(_ completion: Completion) {
      items.withLock { $0.append(completion) }
      signal.signal()
    }

    func drain() -> [Completion] { items.withLock { items in defer { items = [] }; return items } }

    /// Sleeps until something is posted or `deadline` passes (forever when nil).
    func wait(until deadline: ContinuousClock.Instant?) {
      guard let deadline else {
        signal.wait()
        return
      }
      let remaining = ContinuousClock.now.duration(to: deadline)
      guard remaining > .zero else { return }
      let nanoseconds = remaining.components.seconds * 1_000_000_000 + remaining.components.attoseconds / 1_000_000_000
      _ = signal.wait(timeout: .now() + .nanoseconds(Int(min(nanoseconds, Int64(Int.max)))))
    }
  }

  let isolate: V8Isolate
  let inbox = Inbox()
  private var timers = TimerQueue()
  private var pendingAsyncOps = 0
  /// Set by the exit op; the loop stops and the runtime reports this code.
  private(set) var exitCode: Int32?
  /// The origin of `performance.now()`: the boot, or the hand-out of a pooled runtime.
  private(set) var startedAt = ContinuousClock.now

  /// Makes now the origin of `performance.now()` (a runtime booted ahead starts when it is
  /// handed out, not when it was booted).
  func restartClock() { startedAt = .now }

  init(isolate: V8Isolate) {
    self.isolate = isolate
  }

  // MARK: - Work sources

  /// Starts an async op body off the isolate's thread; its result settles `promise` later.
  func start(promise: Int64, _ work: @escaping @Sendable () async throws(OpError) -> JSValue) {
    pendingAsyncOps += 1
    let inbox = self.inbox
    Task.detached {
      let result: Result<JSValue, OpError>
      do throws(OpError) { result = .success(try await work()) } catch { result = .failure(error) }
      inbox.post(Completion(promise: promise, result: result))
    }
  }

  /// Schedules timer `id` to resolve `promise` after `delay`.
  func addTimer(id: Double, promise: Int64, delay: Duration) {
    timers.add(id: id, promise: promise, deadline: ContinuousClock.now + delay)
  }

  func cancelTimer(id: Double) {
    if let promise = timers.cancel(id: id) { isolate.forget(promise: promise) }
  }

  /// Stops JavaScript now and makes the runtime exit with `code`.
  func requestExit(_ code: Int32) {
    exitCode = code
    isolate.terminate()
  }

  var hasPendingWork: Bool { pendingAsyncOps > 0 || !timers.isEmpty }

  // MARK: - Running

  /// Runs until there is no work left, `done` returns true, or the exit op is called.
  /// Throws the first unhandled promise rejection.
  func run(until done: () -> Bool = { false }) throws(JSException) {
    while true {
      isolate.runMicrotasks()
      // V8 was stopped before it could abort on heap exhaustion; nothing more may run.
      if let heapLimit = isolate.heapLimitError { throw heapLimit }
      if exitCode != nil {
        isolate.resumeAfterTerminate()
        return
      }
      try throwUnhandledRejection()
      if done() { return }
      let completions = inbox.drain()
      if !completions.isEmpty {
        pendingAsyncOps -= completions.count
        for completion in completions { isolate.settle(promise: completion.promise, with: completion.result) }
        continue
      }
      if let due = timers.popDue(now: .now) {
        isolate.settle(promise: due.promise, with: .success(.number(due.id)))
        continue
      }
      guard hasPendingWork else { return }
      inbox.wait(until: timers.nextDeadline)
    }
  }

  private func throwUnhandledRejection() throws(JSException) {
    guard var exception = isolate.takeUnhandledRejection() else { return }
    exception.message = "Uncaught (in promise) " + exception.message
    throw exception
  }
}
