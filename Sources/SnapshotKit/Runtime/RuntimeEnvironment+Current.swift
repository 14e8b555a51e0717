extension RuntimeEnvironment {
  /// This process: the linked V8, the flags V8 was initialised with, and the given ops.
  public static func current(ops: OpManifest) -> RuntimeEnvironment {
    RuntimeEnvironment(
      v8Version: V8Engine.version, v8Flags: V8Engine.flags ?? [], platform: Platform.current,
      ops: ops)
  }
}
