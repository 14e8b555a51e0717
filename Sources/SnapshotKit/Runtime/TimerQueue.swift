/// Pending timers ordered by deadline, then by the order they were added (as HTML requires for
/// timers that fall due together). Cancelled timers are skipped when they reach the front.
struct TimerQueue {
  struct Entry {
    var deadline: ContinuousClock.Instant
    var sequence: Int
    var id: Double
    var promise: Int64
  }

  private var heap: [Entry] = []
  private var active: [Double: Int64] = [:]
  private var nextSequence = 0

  var isEmpty: Bool { active.isEmpty }

  /// The deadline of the earliest live timer.
  var nextDeadline: ContinuousClock.Instant? {
    mutating get {
      dropCancelled()
      return heap.first?.deadline
    }
  }

  mutating func add(id: Double, promise: Int64, deadline: ContinuousClock.Instant) {
    if let old = active[id], old != promise { _ = cancel(id: id) }
    active[id] = promise
    heap.append(Entry(deadline: deadline, sequence: nextSequence, id: id, promise: promise))
    nextSequence += 1
    siftUp(heap.count - 1)
  }

  /// Forgets timer `id`; returns its promise when it was live.
  mutating func cancel(id: Double) -> Int64? {
    active.removeValue(forKey: id)
  }

  /// Removes and returns the earliest timer if its deadline has passed.
  mutating func popDue(now: ContinuousClock.Instant) -> Entry? {
    dropCancelled()
    guard let first = heap.first, first.deadline <= now else { return nil }
    removeFirst()
    active.removeValue(forKey: first.id)
    return first
  }

  private mutating func dropCancelled() {
    while let first = heap.first, active[first.id] != first.promise { removeFirst() }
  }

  private static func precedes(_ a: Entry, _ b: Entry) -> Bool {
    a.deadline == b.deadline ? a.sequence < b.sequence : a.deadline < b.deadline
  }

  private mutating func removeFirst() {
    heap.swapAt(0, heap.count - 1)
    heap.removeLast()
    var index = 0
    while true {
      let left = 2 * index + 1
      let right = left + 1
      var smallest = index
      if left < heap.count && Self.precedes(heap[left], heap[smallest]) { smallest = left }
      if right < heap.count && Self.precedes(heap[right], heap[smallest]) { smallest = right }
      if smallest == index { return }
      heap.swapAt(index, smallest)
      index = smallest
    }
  }

  private mutating func siftUp(_ start: Int) {
    var index = start
    while index > 0 {
      let parent = (index - 1) / 2
      guard Self.precedes(heap[index], heap[parent]) else { return }
      heap.swapAt(index, parent)
      index = parent
    }
  }
}
