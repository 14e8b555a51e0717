import Dispatch
import FoundationEssentials
import Glibc
import Synchronization

extension JSRuntime {
  /// Runs `body`; when it has not returned after `limit`, the JavaScript it is running is
  /// terminated (V8 `TerminateExecution`, from a watchdog thread), so the call inside `body`
  /// fails and `body` returns. The runtime can run JavaScript again afterwards.
  ///
  /// - Returns: true when the limit stopped `body`.
  func withTimeLimit(_ limit: Duration, _ body: () -> Void) -> Bool {
    let watch = Watch()
    let terminator = isolate.terminator
    let (seconds, attoseconds) = limit.components
    let nanoseconds = max(0, min(Int64.max / 2, seconds &* 1_000_000_000 &+ attoseconds / 1_000_000_000))
    DispatchQueue.global().asyncAfter(deadline: .now() + .nanoseconds(Int(nanoseconds))) {
      watch.fire { terminator.terminate() }
    }
    body()
    let fired = watch.finish()
    if fired { isolate.resumeAfterTerminate() }
    return fired
  }
}

/// The shared state of one time limit: the watchdog terminates only while the body runs, and
/// does so under the lock, so a termination can never reach JavaScript that runs later.
private final class Watch: Sendable {
  private let state = Mutex<(finished: Bool, fired: Bool)>((false, false))

  func fire(_ stop: () -> Void) {
    state.withLock { state in
      guard !state.finished else { return }
      state.fired = true
      stop()
    }
  }

  func finish() -> Bool {
    state.withLock { state in
      state.finished = true
      return state.fired
    }
  }
}
