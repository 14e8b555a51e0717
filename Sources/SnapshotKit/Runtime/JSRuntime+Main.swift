public import BundleResolver

extension JSRuntime {
  /// Runs an app snapshot's main function (``SnapshotMetadata/main``): calls it with
  /// `arguments` (one argument, an array of strings), awaits its result and runs the event loop
  /// until idle. Returns the exit code: the one JS gave `runtime.exit()`, else the function's
  /// result when it is an integer, else 0. Call it once per runtime, before other code runs.
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
      let result = isolate.resultText(of: promise) ?? "undefined"
      try loop.run()
      return exitCode ?? Int32(result) ?? 0
    } catch {
      if let code = exitCode {
        isolate.resumeAfterTerminate()
        return code
      }
      throw fail(error)
    }
  }
}
