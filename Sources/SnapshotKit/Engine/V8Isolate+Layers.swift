import CV8Shim
import Glibc

/// Layered snapshots: the modules a base snapshot exposes and an app snapshot's main function
/// (see `docs/layered-snapshots.md`).
extension V8Isolate {
  /// Keeps modules `ids` in the snapshot as data slots 0, 1, …, so that a snapshot built on top
  /// of it can link to them. Call before ``createBlob(keepFunctionCode:)``.
  func exposeModules(_ ids: [Int32]) throws(JSException) {
    var error = sg_error()
    defer { sg_error_clear(&error) }
    let status = ids.withUnsafeBufferPointer { sg_snapshot_expose_modules(handle, $0.baseAddress, $0.count, &error) }
    guard status == 0 else { throw JSException(error) }
  }

  /// In a creator isolate started from a base blob: the ids (in this isolate) of the `count`
  /// modules the base exposed, in the base's order.
  func takeBaseModules(count: Int) throws(JSException) -> [Int32] {
    var error = sg_error()
    defer { sg_error_clear(&error) }
    var ids = [Int32](repeating: -1, count: count)
    let status = ids.withUnsafeMutableBufferPointer { sg_snapshot_take_base_modules(handle, count, $0.baseAddress, &error) }
    guard status == 0 else { throw JSException(error) }
    return ids
  }

  /// Keeps the function module `id` exports as `export` for the runtime to call after boot;
  /// returns its data slot.
  func keepMain(module id: Int32, export: String) throws(JSException) -> Int {
    var error = sg_error()
    defer { sg_error_clear(&error) }
    var slot = 0
    guard sg_snapshot_keep_main(handle, id, export, &slot, &error) == 0 else { throw JSException(error) }
    return slot
  }

  /// Calls the main function kept in `slot` with `arguments`; returns the id of a tracked promise
  /// for its (awaited) result.
  func callMain(slot: Int, arguments: [String]) throws(JSException) -> Int64 {
    var error = sg_error()
    defer { sg_error_clear(&error) }
    var promise: Int64 = -1
    let copies = arguments.map { strdup($0) }
    defer { copies.forEach { free($0) } }
    let status = copies.map { UnsafePointer($0) }.withUnsafeBufferPointer {
      sg_main_call(handle, slot, $0.baseAddress, Int32($0.count), &promise, &error)
    }
    guard status == 0 else { throw JSException(error) }
    return promise
  }

  /// The result of a fulfilled tracked promise when it is a Number; nil for any other result.
  func resultNumber(of promise: Int64) -> Double? {
    var value = 0.0
    return sg_promise_result_number(handle, promise, &value) == 1 ? value : nil
  }
}
