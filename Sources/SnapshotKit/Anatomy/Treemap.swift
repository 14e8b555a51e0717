/// Lays weighted items out as nested rectangles whose areas follow their weights, with the
/// squarified algorithm of Bruls, Huizing and van Wijk (2000): rows of items are added to the
/// shorter side of the free space while that keeps the worst aspect ratio improving.
public enum Treemap {
  /// A placed rectangle.
  public struct Cell: Sendable, Equatable {
    /// Index of the item in the weights given.
    public var item: Int
    public var x: Double
    public var y: Double
    public var width: Double
    public var height: Double
  }

  /// Places `weights` (non-negative; zero weights get zero area) in a `width` × `height` box.
  public static func layout(weights: [Double], width: Double, height: Double) -> [Cell] {
    let total = weights.reduce(0) { $0 + max(0, $1) }
    guard total > 0, width > 0, height > 0 else {
      return weights.indices.map { Cell(item: $0, x: 0, y: 0, width: 0, height: 0) }
    }
    let scale = width * height / total
    let order = weights.indices.sorted { weights[$0] > weights[$1] }
    var cells: [Cell] = []
    var free = (x: 0.0, y: 0.0, width: width, height: height)
    var row: [Int] = []
    func areas(_ items: [Int]) -> [Double] { items.map { max(0, weights[$0]) * scale } }
    func worst(_ items: [Int], side: Double) -> Double {
      let values = areas(items)
      let sum = values.reduce(0, +)
      guard sum > 0, side > 0, let largest = values.max(), let smallest = values.min(), smallest > 0 else { return .infinity }
      return max(side * side * largest / (sum * sum), (sum * sum) / (side * side * smallest))
    }
    func place(_ items: [Int]) {
      let sum = areas(items).reduce(0, +)
      let horizontal = free.width >= free.height  // lay the row along the shorter side
      let side = horizontal ? free.height : free.width
      let thickness = side > 0 ? sum / side : 0
      var offset = 0.0
      for (item, area) in zip(items, areas(items)) {
        let length = thickness > 0 ? area / thickness : 0
        if horizontal {
          cells.append(Cell(item: item, x: free.x, y: free.y + offset, width: thickness, height: length))
        } else {
          cells.append(Cell(item: item, x: free.x + offset, y: free.y, width: length, height: thickness))
        }
        offset += length
      }
      if horizontal {
        free.x += thickness
        free.width = max(0, free.width - thickness)
      } else {
        free.y += thickness
        free.height = max(0, free.height - thickness)
      }
    }
    for item in order {
      let side = min(free.width, free.height)
      if row.isEmpty || worst(row + [item], side: side) <= worst(row, side: side) {
        row.append(item)
      } else {
        place(row)
        row = [item]
      }
    }
    if !row.isEmpty { place(row) }
    return cells.sorted { $0.item < $1.item }
  }
}
