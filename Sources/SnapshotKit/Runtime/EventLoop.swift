import CV8Shim
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

  let runtime: OpaquePointer
  let inbox = Inbox()
  private var timers = TimerQueue()
  private var pendingAsyncOps = 0
  /// Set by the exit op; the loop stops and the runtime reports this code.
  private(set) var exitCode: Int32?
  let startedAt = ContinuousClock.now

  init(runtime: OpaquePointer) {
    self.runtime = runtime
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
    if let promise = timers.cancel(id: id) { sg_promise_forget(runtime, promise) }
  }

  /// Stops JavaScript now and makes the runtime exit with `code`.
  func requestExit(_ code: Int32) {
    exitCode = code
    sg_terminate(runtime)
  }

  var hasPendingWork: Bool { pendingAsyncOps > 0 || !timers.isEmpty }

  // MARK: - Running

  /// Runs until there is no work left, `done` returns true, or the exit op is called.
  /// Throws the first unhandled promise rejection.
  func run(until done: () -> Bool = { false }) throws(JSException) {
    while true {
      sg_run_microtasks(runtime)
      if exitCode != nil {
        sg_resume_after_terminate(runtime)
        return
      }
      try throwUnhandledRejection()
      if done() { return }
      let completions = inbox.drain()
      if !completions.isEmpty {
        pendingAsyncOps -= completions.count
        for completion in completions { settle(completion) }
        continue
      }
      if let due = timers.popDue(now: .now) {
        settle(Completion(promise: due.promise, result: .success(.number(due.id))))
        continue
      }
      guard hasPendingWork else { return }
      inbox.wait(until: timers.nextDeadline)
    }
  }

  private func settle(_ completion: Completion) {
    guard let scope = sg_scope_open(runtime) else { return }
    defer { sg_scope_close(scope) }
    switch completion.result {
    case .success(let value):
      sg_promise_settle(scope, completion.promise, 0, JSValueBridge.write(value, in: scope))
    case .failure(let error):
      let (kind, message) = error.kindAndMessage
      sg_promise_settle(scope, completion.promise, 1, sg_call_error_value(scope, kind, message))
    }
  }

  private func throwUnhandledRejection() throws(JSException) {
    var error = sg_error()
    defer { sg_error_clear(&error) }
    guard sg_take_unhandled_rejection(runtime, &error) == 1 else { return }
    var exception = JSException(error)
    exception.message = "Uncaught (in promise) " + exception.message
    throw exception
  }
}
