/// How two op tables differ, for messages that say what to fix.
public struct OpTableDifference: Equatable, Sendable, CustomStringConvertible {
  /// Ops the snapshot needs that the runtime lacks.
  public var missing: [String]
  /// Ops the runtime has that the snapshot does not know.
  public var extra: [String]
  /// Ops present in both at different positions.
  public var reordered: [String]
  /// Ops present in both whose kind or arity differ.
  public var changed: [String]

  public init(snapshot: [OpDescriptor], runtime: [OpDescriptor]) {
    let runtimeIndex = Dictionary(runtime.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { a, _ in a })
    let snapshotIndex = Dictionary(snapshot.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { a, _ in a })
    missing = snapshot.map(\.name).filter { runtimeIndex[$0] == nil }
    extra = runtime.map(\.name).filter { snapshotIndex[$0] == nil }
    reordered = snapshot.enumerated().compactMap { index, op in
      guard let other = runtimeIndex[op.name], other != index else { return nil }
      return op.name
    }
    changed = snapshot.compactMap { op in
      guard let other = runtimeIndex[op.name], runtime[other] != op else { return nil }
      return op.name
    }
  }

  public var isEmpty: Bool { missing.isEmpty && extra.isEmpty && reordered.isEmpty && changed.isEmpty }

  public var description: String { described(snapshot: "the snapshot", runtime: "the runtime") }

  /// The difference in words, naming the two sides: for an app built on a base snapshot the
  /// "runtime" side is the app (`described(snapshot: "the base", runtime: "the app")`).
  public func described(snapshot: String, runtime: String) -> String {
    var parts: [String] = []
    if !missing.isEmpty { parts.append("missing in \(runtime): \(missing.joined(separator: ", "))") }
    if !extra.isEmpty { parts.append("not in \(snapshot): \(extra.joined(separator: ", "))") }
    if !reordered.isEmpty { parts.append("reordered: \(reordered.joined(separator: ", "))") }
    if !changed.isEmpty { parts.append("changed kind or arity: \(changed.joined(separator: ", "))") }
    if parts.isEmpty { parts.append("the native reference layout differs (built by another snapgen version)") }
    return parts.joined(separator: "; ")
  }
}
