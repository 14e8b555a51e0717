public import BundleResolver

extension JSRuntime {
  /// Runs an app snapshot's main function (``SnapshotMetadata/main``): calls it with
  /// `arguments` (one argument, an array of strings), awaits its result and runs the event loop
  /// until idle. Returns the exit code: the one JS gave `runtime.exit()`, else the function's
  /// result when it is a number (which must then be a whole number from 0 to 255, as for
  /// `runtime.exit()`), else 0. Call it once per runtime, before other code runs.
  public func runMain(function main: SnapshotMetadata.MainRecord, arguments: [String]) throws(DiagnosticError) -> Int32 {
    func fail(_ error: JSException) -> DiagnosticError {
      var diagnostic = error.diagnostic()
      diagnostic.message = "\(main.module)#\(main.export): \(diagnostic.message)"
      return DiagnosticError([diagnostic])
    }
    let promise: Int64
    do { promise = try isolate.callMain(slot: main.slot, arguments: arguments) } catch {
      if let code = exitCode {
        isolate.resumeAfterTerminate()
        return code
      }
      throw fail(error)
    }
    defer { isolate.forget(promise: promise) }
    do throws(JSException) {
      try loop.run(until: { !isolate.isPending(promise) })
      if let code = exitCode { return code }
      switch isolate.state(of: promise) {
      case .rejected(let exception): throw exception
      case .pending: throw JSException(message: "main's promise never settled: nothing is left that could settle it")
      case .fulfilled: break
      }
      let result = isolate.resultNumber(of: promise)
      if let number = result, !(number >= 0 && number <= 255 && number.rounded() == number) {
        let shown =
          number.isNaN ? "NaN" : number.isInfinite ? (number > 0 ? "Infinity" : "-Infinity")
          : number.rounded() == number && abs(number) < 1e18 ? String(Int64(number)) : "\(number)"
        throw JSException(message: "main returned \(shown), which is not an exit code (a whole number from 0 to 255)")
      }
      try loop.run()
      return exitCode ?? result.map { Int32($0) } ?? 0
    } catch {
      if let code = exitCode {
        isolate.resumeAfterTerminate()
        return code
      }
      throw fail(error)
    }
  }
}
