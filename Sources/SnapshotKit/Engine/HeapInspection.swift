/// What a build isolate's heap looked like just before it was serialised: V8's heap snapshot
/// (the `.heapsnapshot` JSON that Chrome DevTools reads) and the statistics of each heap space.
public struct HeapInspection: Sendable, Codable {
  /// One heap space as V8's `GetHeapSpaceStatistics` reports it, in bytes.
  public struct Space: Sendable, Codable, Equatable {
    public var name: String
    public var size: Int
    public var used: Int
    public var available: Int
    public var physical: Int

    /// Creates a space record.
    public init(name: String, size: Int, used: Int, available: Int, physical: Int) {
      self.name = name
      self.size = size
      self.used = used
      self.available = available
      self.physical = physical
    }
  }

  /// V8's heap snapshot, serialised as JSON (UTF-8).
  public var heapSnapshot: [UInt8]
  /// The heap spaces, in V8's order.
  public var spaces: [Space]

  /// Creates an inspection record.
  public init(heapSnapshot: [UInt8], spaces: [Space]) {
    self.heapSnapshot = heapSnapshot
    self.spaces = spaces
  }
}
