public import SnapgenCrypto

extension ModuleGraph {
  /// A canonical description of the graph's content for input digests: every module in
  /// evaluation order with its name, kind and bytes, and every edge with its specifier and
  /// target. Two graphs with equal digests build the same heap.
  public func digest(into hasher: inout SHA256) {
    func add(_ text: String) { hasher.update(data: Array(text.utf8) + [0]) }
    add("entries " + entryPoints.map { modules[$0].name }.joined(separator: ","))
    for id in evaluationOrder {
      let module = modules[id]
      add("module \(module.name) \(module.kind.rawValue) \(module.source.count)")
      hasher.update(data: module.source)
      for edge in module.imports { add("edge \(edge.specifier) \(modules[edge.target].name)") }
    }
  }

  /// The hex SHA-256 of ``digest(into:)``.
  public var contentDigest: String {
    var hasher = SHA256()
    digest(into: &hasher)
    return hasher.finalize().hexString
  }
}
