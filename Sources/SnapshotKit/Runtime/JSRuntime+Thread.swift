extension JSRuntime {
  /// Makes the calling thread the one this runtime runs on, as far as V8's stack checks go.
  ///
  /// V8 measures an isolate's stack limit on the thread that creates it. A runtime booted on
  /// one thread and used on another must adopt the new thread before it runs JavaScript there,
  /// or deep recursion runs past the end of that thread's stack (a crash instead of a
  /// `RangeError`). ``RuntimePool/acquire()`` does this for you. The limit is V8's
  /// `--stack-size` below the caller's frame, and never closer than 64 KB to the thread's real
  /// stack end.
  ///
  /// A runtime is still used by one thread at a time.
  public func adoptCurrentThread() {
    isolate.adoptCurrentThread()
  }
}
