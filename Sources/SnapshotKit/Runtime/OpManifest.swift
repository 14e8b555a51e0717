import CV8Shim
import SnapgenCrypto
import Foundation

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

/// The ordered op table: the contract between a snapshot and the runtimes that boot it.
///
/// In a snapshot every op function is stored as an index into this table, so the table used to
/// build must equal the table used to boot. Its ``digest`` goes into the snapshot header.
public struct OpManifest: Equatable, Sendable {
  public let ops: [OpDescriptor]
  /// SHA-256 (hex) of the shim's external-reference layout and each op's name, kind and arity.
  public let digest: String

  /// Creates a manifest; op names must be unique and valid identifiers.
  public init(_ ops: [OpDescriptor]) throws(OpManifestError) {
    var seen: Set<String> = []
    for op in ops {
      guard Self.isValidName(op.name) else { throw .invalidName(op.name) }
      guard seen.insert(op.name).inserted else { throw .duplicateName(op.name) }
      guard op.arity >= 0 else { throw .invalidArity(op.name, op.arity) }
    }
    self.ops = ops
    var text = String(cString: sg_external_reference_layout())
    for op in ops { text += "op \(op.name) \(op.kind.rawValue) \(op.arity)\n" }
    digest = SHA256.hash(data: Array(text.utf8)).hexString
  }

  /// Reads a manifest file shared by snapgen and a runtime: a JSON array of
  /// `{"name": "op_x", "kind": "sync" | "async", "arity": 1}`, or an object with an `ops` key
  /// holding that array.
  public init(contentsOf path: String) throws(OpManifestFileError) {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw OpManifestFileError(path: path, reason: "cannot read the file")
    }
    struct Wrapped: Decodable { var ops: [OpDescriptor] }
    let decoder = JSONDecoder()
    let descriptors: [OpDescriptor]
    if let list = try? decoder.decode([OpDescriptor].self, from: data) {
      descriptors = list
    } else if let wrapped = try? decoder.decode(Wrapped.self, from: data) {
      descriptors = wrapped.ops
    } else {
      throw OpManifestFileError(
        path: path, reason: "expected a JSON array of {\"name\", \"kind\": \"sync\"|\"async\", \"arity\"} (or {\"ops\": [...]})")
    }
    do { try self.init(descriptors) } catch { throw OpManifestFileError(path: path, reason: error.description) }
  }

  /// The ops every snapgen runtime provides (see ``DefaultOps``).
  public static let standard: OpManifest = OpRegistry.standard.manifest

  public var names: [String] { ops.map(\.name) }

  static func isValidName(_ name: String) -> Bool {
    guard let first = name.unicodeScalars.first, first == "_" || first == "$" || first.properties.isAlphabetic
    else { return false }
    return name.unicodeScalars.allSatisfy {
      $0 == "_" || $0 == "$" || $0.properties.isAlphabetic || ("0"..."9").contains($0)
    }
  }
}

/// Why an op manifest file cannot be used.
public struct OpManifestFileError: Error, Equatable, Sendable, CustomStringConvertible {
  public var path: String
  public var reason: String
  public var description: String { "\(path): error: \(reason)" }
}

/// Why an op manifest is invalid.
public enum OpManifestError: Error, Equatable, Sendable, CustomStringConvertible {
  case duplicateName(String)
  case invalidName(String)
  case invalidArity(String, Int)

  public var description: String {
    switch self {
    case .duplicateName(let name): "op '\(name)' is declared more than once"
    case .invalidName(let name): "'\(name)' is not a valid op name (use letters, digits, _ and $)"
    case .invalidArity(let name, let arity): "op '\(name)' has an invalid arity \(arity)"
    }
  }
}

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

  public var description: String {
    var parts: [String] = []
    if !missing.isEmpty { parts.append("missing in the runtime: \(missing.joined(separator: ", "))") }
    if !extra.isEmpty { parts.append("not in the snapshot: \(extra.joined(separator: ", "))") }
    if !reordered.isEmpty { parts.append("reordered: \(reordered.joined(separator: ", "))") }
    if !changed.isEmpty { parts.append("changed kind or arity: \(changed.joined(separator: ", "))") }
    if parts.isEmpty { parts.append("the native reference layout differs (built by another snapgen version)") }
    return parts.joined(separator: "; ")
  }
}
