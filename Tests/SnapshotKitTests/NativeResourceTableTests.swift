import SnapshotKit
import Synchronization
import Testing

@Suite("native resources held by id")
struct NativeResourceTableTests {
  final class Counter: Sendable {
    let count = Mutex(0)
    var value: Int { count.withLock { $0 } }
  }

  /// Counts its own deinits, to show that removing a resource frees it.
  final class Probe: Sendable {
    let freed: Counter
    let value: Int
    init(_ value: Int, freed: Counter) {
      self.value = value
      self.freed = freed
    }
    deinit { freed.count.withLock { $0 += 1 } }
  }

  @Test("ids are new for every resource; removal frees it once; unknown ids are TypeErrors")
  func lifecycle() throws {
    let table = NativeResourceTable<Probe>(kind: "probe")
    let freed = Counter()
    let first = try table.insert(Probe(1, freed: freed))
    let second = try table.insert(Probe(2, freed: freed))
    #expect(first != second)
    #expect(table.count == 2)
    #expect(try table.withResource(second) { $0.value } == 2)
    #expect(table.remove(first))
    #expect(!table.remove(first))
    #expect(freed.value == 1)
    #expect(table.count == 1)
    #expect(throws: OpError.typeError("probe 1 is closed or was never opened")) {
      try table.withResource(first) { $0.value }
    }
    // A removed id is not handed out again.
    let third = try table.insert(Probe(3, freed: freed))
    #expect(third != first && third != second)
  }

  @Test("an error thrown inside withResource reaches the caller; the capacity is enforced")
  func errorsAndCapacity() throws {
    let table = NativeResourceTable<Probe>(kind: "probe", capacity: 2)
    let freed = Counter()
    let id = try table.insert(Probe(1, freed: freed))
    #expect(throws: OpError.rangeError("inner")) {
      try table.withResource(id) { _ throws(OpError) in throw .rangeError("inner") }
    }
    _ = try table.insert(Probe(2, freed: freed))
    #expect(throws: OpError.rangeError("too many open probes (at most 2)")) {
      try table.insert(Probe(3, freed: freed))
    }
    #expect(freed.value == 1)  // the refused one
  }
}
