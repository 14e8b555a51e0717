import CV8Shim

extension V8Isolate {
  /// Takes a heap snapshot and the heap-space statistics. Call it before ``createBlob(keepFunctionCode:)``;
  /// the profiler's own copy is deleted again, so nothing of it is serialised.
  func inspectHeap() throws(JSException) -> HeapInspection {
    var json: UnsafeMutablePointer<CChar>?
    var length = 0
    var error = sg_error()
    defer { sg_error_clear(&error) }
    guard sg_anatomy_heap_snapshot(handle, &json, &length, &error) == 0, let json else { throw JSException(error) }
    defer { sg_free(json) }
    let snapshot = json.withMemoryRebound(to: UInt8.self, capacity: length) { Array(UnsafeBufferPointer(start: $0, count: length)) }
    var raw = [sg_heap_space](repeating: sg_heap_space(), count: 32)
    let count = sg_anatomy_heap_spaces(handle, &raw, raw.count)
    let spaces = raw.prefix(count).map { space in
      var copy = space
      let name = withUnsafeBytes(of: &copy.name) { bytes in
        String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
      }
      return HeapInspection.Space(
        name: name, size: Int(space.size), used: Int(space.used), available: Int(space.available),
        physical: Int(space.physical))
    }
    return HeapInspection(heapSnapshot: snapshot, spaces: spaces)
  }
}
