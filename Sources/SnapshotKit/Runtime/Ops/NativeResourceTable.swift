import Synchronization

/// Native resources that JavaScript holds by numeric id: an op creates one and returns its id,
/// later ops use it by id, and a closing op (or the JS object's finalizer) removes it, which
/// frees it when the last Swift reference goes. Ids are never reused within a table.
///
/// ```swift
/// let decoders = NativeResourceTable<MyDecoder>(kind: "decoder")
/// try ops.register("op_decoder_open", arity: 0) { _ throws(OpError) in .number(try decoders.insert(MyDecoder())) }
/// try ops.register("op_decoder_close", arity: 1) { call throws(OpError) in
///   decoders.remove(try call.number(0)); return .undefined
/// }
/// ```
public final class NativeResourceTable<Resource: AnyObject & Sendable>: Sendable {
  private struct State {
    var nextID: Double = 1
    var resources: [Double: Resource] = [:]
  }

  private let state = Mutex(State())
  /// Names the resource in error messages ("text decoder 7 is closed").
  public let kind: String
  /// The most resources open at once; opening one more is a RangeError.
  public let capacity: Int

  /// An empty table for resources called `kind`.
  public init(kind: String, capacity: Int = 1 << 20) {
    self.kind = kind
    self.capacity = capacity
  }

  /// Stores `resource` and returns its new id.
  public func insert(_ resource: Resource) throws(OpError) -> Double {
    let id: Double? = state.withLock { state in
      guard state.resources.count < capacity else { return nil }
      let id = state.nextID
      state.nextID += 1
      state.resources[id] = resource
      return id
    }
    guard let id else { throw .rangeError("too many open \(kind)s (at most \(capacity))") }
    return id
  }

  /// Runs `body` with the resource `id`, holding the table's lock so that no other thread uses
  /// or frees it meanwhile; a TypeError when there is no such resource.
  public func withResource<Result>(_ id: Double, _ body: (Resource) throws(OpError) -> Result) throws(OpError) -> Result {
    let outcome: Swift.Result<Result, OpError> = state.withLock { state in
      guard let resource = state.resources[id] else {
        return .failure(.typeError("\(kind) \(id.formatted) is closed or was never opened"))
      }
      do throws(OpError) {
        return .success(try body(resource))
      } catch {
        return .failure(error)
      }
    }
    return try outcome.get()
  }

  /// Removes (and so frees) resource `id`; false when it was not open.
  @discardableResult
  public func remove(_ id: Double) -> Bool {
    state.withLock { $0.resources.removeValue(forKey: id) != nil }
  }

  /// How many resources are open.
  public var count: Int { state.withLock { $0.resources.count } }
}

extension Double {
  fileprivate var formatted: String {
    self == rounded() && abs(self) < 1e15 ? String(Int64(self)) : String(self)
  }
}
