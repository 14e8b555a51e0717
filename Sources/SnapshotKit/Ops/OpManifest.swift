import FoundationEssentials
import Glibc
import SnapgenCrypto

/// The ordered op table: the contract between a snapshot and the runtimes that boot it.
///
/// In a snapshot every op function is stored as an index into this table, so the table used to
/// build must equal the table used to boot. Its ``digest`` goes into the snapshot header.
public struct OpManifest: Equatable, Sendable {
  public let ops: [OpDescriptor]
  /// Computed on first use and kept: a registry grows its manifest one op at a time, and only
  /// the finished table's digest is ever read.
  private let digestCache = OpManifestDigestCache()

  /// SHA-256 (hex) of the shim's external-reference layout and each op's name, kind and arity.
  public var digest: String {
    digestCache.value {
      var text = V8Engine.externalReferenceLayout
      for op in ops { text += "op \(op.name) \(op.kind.rawValue) \(op.arity)\n" }
      return SHA256.hash(data: Array(text.utf8)).hexString
    }
  }

  /// Creates a manifest; op names must be unique and valid identifiers.
  public init(_ ops: [OpDescriptor]) throws(OpManifestError) {
    var seen: Set<String> = []
    for op in ops {
      try Self.check(op)
      guard seen.insert(op.name).inserted else { throw .duplicateName(op.name) }
    }
    self.ops = ops
  }

  private init(checked ops: [OpDescriptor]) {
    self.ops = ops
  }

  /// This manifest with `op` added at the end; only the new op is checked.
  func appending(_ op: OpDescriptor) throws(OpManifestError) -> OpManifest {
    try Self.check(op)
    guard !ops.contains(where: { $0.name == op.name }) else { throw .duplicateName(op.name) }
    return OpManifest(checked: ops + [op])
  }

  private static func check(_ op: OpDescriptor) throws(OpManifestError) {
    guard isValidName(op.name) else { throw .invalidName(op.name) }
    guard op.arity >= 0 else { throw .invalidArity(op.name, op.arity) }
  }

  /// Two manifests are equal when their tables are: the digest follows from the table.
  public static func == (lhs: OpManifest, rhs: OpManifest) -> Bool { lhs.ops == rhs.ops }

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

  public var names: [String] { ops.map(\.name) }

  static func isValidName(_ name: String) -> Bool {
    guard let first = name.unicodeScalars.first, first == "_" || first == "$" || first.properties.isAlphabetic
    else { return false }
    return name.unicodeScalars.allSatisfy {
      $0 == "_" || $0 == "$" || $0.properties.isAlphabetic || ("0"..."9").contains($0)
    }
  }
}
