/// Swift implementations of ops, in manifest order. A runtime boots only when its registry's
/// manifest equals the one the snapshot was built with.
public struct OpRegistry: Sendable {
  /// A synchronous op body.
  public typealias SyncBody = @Sendable (borrowing OpCall) throws(OpError) -> JSValue

  public private(set) var manifest: OpManifest
  var bodies: [SyncBody]

  /// An empty registry.
  public init() {
    manifest = try! OpManifest([])
    bodies = []
  }

  /// Adds a synchronous op at the end of the table.
  public mutating func register(_ name: String, arity: Int, _ body: @escaping SyncBody) throws(OpManifestError) {
    manifest = try OpManifest(manifest.ops + [OpDescriptor(name: name, kind: .sync, arity: arity)])
    bodies.append(body)
  }

  /// The ops `snapgen run` provides.
  public static var standard: OpRegistry { DefaultOps.registry() }
}
