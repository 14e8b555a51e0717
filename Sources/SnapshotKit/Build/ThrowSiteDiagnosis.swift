internal import BundleResolver

/// Names where a failed build's exception was *thrown*.
///
/// V8 reports a throw in a module's top-level code through the module's rejected promise, with
/// no location for a thrown string, Symbol or `null`, and with the place an `Error` was created
/// rather than thrown. When a build fails that way, the same steps run again in a fresh runtime
/// (not a snapshot creator, with the build's op stubs) whose debugger records every throw
/// (``V8Isolate/recordThrowSites()``); when the second run fails with the same message, its
/// location replaces the first one and the original location is kept as a note.
struct ThrowSiteDiagnosis {
  /// The build's op stubs, which the second run binds too.
  var ops: OpRegistry
  /// The second run is stopped after this long (it repeats work that already failed once).
  var timeLimit: Duration = .seconds(60)

  /// `failure`, with the throw site of each diagnostic that `steps` reproduces. A failure of
  /// `failed` that was not a thrown value (the heap limit, a terminated run) is returned as it is.
  func improve(
    _ failure: DiagnosticError, of failed: JSRuntime, steps: (JSRuntime) throws(DiagnosticError) -> Void
  ) -> DiagnosticError {
    guard failed.isolate.heapLimitError == nil else { return failure }
    let runtime: JSRuntime
    do {
      runtime = try JSRuntime.make(blob: nil, ops: ops, forSnapshot: false)
      try runtime.isolate.recordThrowSites()
    } catch {
      return failure
    }
    var again: DiagnosticError?
    let stopped = runtime.withTimeLimit(timeLimit) {
      do throws(DiagnosticError) { try steps(runtime) } catch { again = error }
    }
    // A second run that did not fail the same way has nothing to teach.
    guard !stopped, runtime.isolate.heapLimitError == nil, let again else { return failure }
    var improved = failure
    for index in improved.diagnostics.indices {
      let original = improved.diagnostics[index]
      guard
        let match = again.diagnostics.first(where: { $0.message == original.message }),
        let file = match.file, let line = match.line,
        // `throw new Error(…)` is thrown on the line it was created: the creation site says it.
        file != original.file || line != original.line
      else { continue }
      improved.diagnostics[index].file = file
      improved.diagnostics[index].line = line
      improved.diagnostics[index].column = match.column
      if let file = original.file, let line = original.line {
        improved.diagnostics[index].notes.insert(
          "note: the thrown value was created at \(file):\(line):\(original.column ?? 0)", at: 0)
      }
    }
    return improved
  }
}
