/// Swift implementations of ops, in manifest order. A runtime boots only when its registry's
/// manifest equals the one the snapshot was built with.
///
/// ```swift
/// var ops = OpRegistry()
/// try ops.register("op_add", arity: 2) { call throws(OpError) in
///   .number((try call.argument(0).numberValue ?? 0) + (try call.argument(1).numberValue ?? 0))
/// }
/// try ops.registerAsync("op_fetch_config", arity: 1) { arguments throws(OpError) in
///   .string(try await loadConfig(named: arguments[0].stringValue ?? ""))
/// }
/// ```
public struct OpRegistry: Sendable {
  /// A synchronous op: reads its arguments from the call and returns a value (or throws).
  public typealias SyncBody = @Sendable (borrowing OpCall) throws(OpError) -> JSValue
  /// An asynchronous op: gets its arguments converted up front, runs off the isolate's thread,
  /// and resolves (or rejects) the promise JS received.
  public typealias AsyncBody = @Sendable ([JSValue]) async throws(OpError) -> JSValue

  enum Body: Sendable {
    case sync(SyncBody)
    case async(AsyncBody)
    /// Returns a promise it settles through the event loop itself (timers).
    case promising(SyncBody)
  }

  public private(set) var manifest: OpManifest
  private(set) var bodies: [Body]

  /// An empty registry.
  public init() {
    manifest = try! OpManifest([])
    bodies = []
  }

  /// Adds a synchronous op at the end of the table.
  public mutating func register(_ name: String, arity: Int, _ body: @escaping SyncBody) throws(OpManifestError) {
    manifest = try manifest.appending(OpDescriptor(name: name, kind: .sync, arity: arity))
    bodies.append(.sync(body))
  }

  /// Adds an asynchronous op at the end of the table: JS gets a promise.
  public mutating func registerAsync(_ name: String, arity: Int, _ body: @escaping AsyncBody) throws(OpManifestError) {
    manifest = try manifest.appending(OpDescriptor(name: name, kind: .async, arity: arity))
    bodies.append(.async(body))
  }

  /// A sync-kind entry whose body manages the promise itself (timers).
  mutating func registerPromising(_ name: String, arity: Int, _ body: @escaping SyncBody) throws(OpManifestError) {
    manifest = try manifest.appending(OpDescriptor(name: name, kind: .async, arity: arity))
    bodies.append(.promising(body))
  }

  /// Builds a registry for a declared manifest: `implementations` must cover every op in it,
  /// with the declared kind. This is how a runtime binds the manifest file it shares with
  /// snapgen.
  public init(manifest: OpManifest, sync: [String: SyncBody] = [:], async: [String: AsyncBody] = [:]) throws(OpRegistryError) {
    self.manifest = manifest
    bodies = []
    var missing: [String] = []
    for op in manifest.ops {
      switch op.kind {
      case .sync:
        if let body = sync[op.name] { bodies.append(.sync(body)) } else { missing.append(op.name) }
      case .async:
        if let body = async[op.name] { bodies.append(.async(body)) } else { missing.append(op.name) }
      }
    }
    guard missing.isEmpty else { throw OpRegistryError(unimplemented: missing) }
  }

  /// A registry whose table is exactly `manifest` (every op with its declared kind and arity)
  /// and whose bodies only fail with `reason(name)`: for isolates that must match a snapshot's
  /// op table but never run its ops (a snapshot build, `snapgen verify --expect`).
  public static func stubs(for manifest: OpManifest, reason: @escaping @Sendable (String) -> String) -> OpRegistry {
    var registry = OpRegistry()
    // The names come from a valid manifest, so registering them again cannot fail.
    do {
      for op in manifest.ops {
        let failure = OpError.error(reason(op.name))
        switch op.kind {
        case .sync: try registry.register(op.name, arity: op.arity) { _ throws(OpError) in throw failure }
        case .async: try registry.registerAsync(op.name, arity: op.arity) { _ throws(OpError) in throw failure }
        }
      }
    } catch {
      preconditionFailure("a valid manifest could not be registered again: \(error)")
    }
    return registry
  }

  /// The ops `snapgen run` provides, with `arguments` as the script's command-line arguments.
  public static func standard(arguments: [String] = []) -> OpRegistry {
    DefaultOps.registry(arguments: arguments)
  }

  /// The standard ops with no script arguments.
  public static var standard: OpRegistry { standard() }
}

/// A manifest op without an implementation of the declared kind.
public struct OpRegistryError: Error, Equatable, Sendable, CustomStringConvertible {
  public var unimplemented: [String]
  public var description: String {
    "no implementation (of the declared kind) for ops: \(unimplemented.joined(separator: ", "))"
  }
}
