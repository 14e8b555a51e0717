import CV8Shim

extension V8Isolate {
  /// V8's default `--stack-size` on 64-bit targets, in KB.
  static let defaultStackSizeKB = 984

  /// The `--stack-size` (in KB) V8 runs with in this process: the last one among the user's
  /// flags, else V8's default.
  static var stackSizeKB: Int {
    var size = defaultStackSizeKB
    for flag in V8Engine.flags ?? [] {
      let parts = flag.drop { $0 == "-" }.split(separator: "=", maxSplits: 1)
      guard parts.count == 2, parts[0] == "stack-size" || parts[0] == "stack_size", let value = Int(parts[1]), value > 0
      else { continue }
      size = value
    }
    return size
  }

  /// Measures V8's stack limit on the calling thread (see `sg_runtime_adopt_current_thread`).
  func adoptCurrentThread() {
    sg_runtime_adopt_current_thread(handle, Self.stackSizeKB)
  }
}
