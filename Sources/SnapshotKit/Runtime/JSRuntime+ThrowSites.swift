extension JSRuntime {
  /// Records where JavaScript throws from now on, so that every uncaught error this runtime
  /// reports names the place its value was last thrown, even a string, a Symbol or `null`
  /// thrown in a module's top-level code, and an `Error` thrown far from where it was created
  /// (V8 alone reports those through a rejected promise, without a location or with the
  /// creation site).
  ///
  /// It attaches V8's inspector and stops at every throw and rejection to note the place, so it
  /// costs a few milliseconds to start and some time per throw: use it to diagnose a failure,
  /// not in production boots. `snapgen run --throw-sites` turns it on.
  public func recordThrowSites() throws(RuntimeError) {
    do { try isolate.recordThrowSites() } catch { throw .engine(error.message) }
  }
}
