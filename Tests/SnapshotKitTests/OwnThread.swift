import Foundation

/// Runs `body` on a new thread and returns its result. Event loops block their thread while
/// they wait, so tests run them off Swift's cooperative pool, which async ops need to make
/// progress.
func onOwnThread<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
  try await withCheckedThrowingContinuation { continuation in
    let thread = Thread {
      do { continuation.resume(returning: try body()) } catch { continuation.resume(throwing: error) }
    }
    thread.stackSize = 8 << 20
    thread.start()
  }
}
