/// One op: a native function internal JS reaches as `core.ops.<name>`.
public struct OpDescriptor: Codable, Equatable, Hashable, Sendable {
  /// Whether the op returns its result directly or as a promise.
  public enum Kind: String, Codable, Sendable {
    case sync, async
  }

  public var name: String
  public var kind: Kind
  /// The number of arguments the op expects.
  public var arity: Int

  public init(name: String, kind: Kind = .sync, arity: Int) {
    self.name = name
    self.kind = kind
    self.arity = arity
  }
}
