/// What a snapshot was built from and with. Stored as canonical JSON (sorted keys, no
/// timestamps) inside the header, so equal inputs give equal bytes.
public struct SnapshotMetadata: Codable, Equatable, Sendable {
  /// One input module.
  public struct ModuleRecord: Codable, Equatable, Sendable {
    /// Path relative to the build root, as V8 saw it.
    public var name: String
    /// SHA-256 of the module's bytes, hex.
    public var sha256: String
    public var size: Int

    public init(name: String, sha256: String, size: Int) {
      self.name = name
      self.sha256 = sha256
      self.size = size
    }
  }

  public var snapgenVersion: String
  public var v8Version: String
  /// V8 flags the snapshot was built with; a runtime must run with the same set.
  public var v8Flags: [String]
  /// `os-architecture`, e.g. `linux-x86_64`.
  public var platform: String
  /// The op table the snapshot's functions index into, in order.
  public var ops: [OpDescriptor]
  /// SHA-256 of the op table and the shim's external-reference layout.
  public var opTableDigest: String
  /// SHA-256 over snapgen's version, the config and every module's name and bytes.
  public var inputDigest: String
  /// Every input module, in evaluation order.
  public var modules: [ModuleRecord]
  public var entryPoints: [String]
  public var options: BuildOptions
  /// For a snapshot built on top of another (`snapgen build --base`): which base, so that
  /// `verify` can tell when it changed. Absent in other snapshots (and in older files).
  public var base: BaseRecord?
  /// The function `snapgen run` calls after boot (`"main"` in snapgen.json), if any.
  public var main: MainRecord?

  public init(
    snapgenVersion: String, v8Version: String, v8Flags: [String], platform: String,
    ops: [OpDescriptor], opTableDigest: String, inputDigest: String, modules: [ModuleRecord],
    entryPoints: [String], options: BuildOptions
  ) {
    self.snapgenVersion = snapgenVersion
    self.v8Version = v8Version
    self.v8Flags = v8Flags
    self.platform = platform
    self.ops = ops
    self.opTableDigest = opTableDigest
    self.inputDigest = inputDigest
    self.modules = modules
    self.entryPoints = entryPoints
    self.options = options
  }
}
