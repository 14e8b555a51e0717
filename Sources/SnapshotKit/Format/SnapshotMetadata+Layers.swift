extension SnapshotMetadata {
  /// The base snapshot a layered snapshot was built on: enough to tell whether the base file
  /// at hand is the one it was built on, and whether it is compatible.
  public struct BaseRecord: Codable, Equatable, Sendable {
    /// The base's file name as the config named it (relative to the config's folder).
    public var file: String
    /// The base's own input digest (its sources and config).
    public var inputDigest: String
    /// SHA-256 of the base's stored payload, hex: equal only for the very same base heap.
    public var payloadDigest: String
    /// The base's compatibility key, hex.
    public var compatibilityKey: String
    /// The base's signer (public key, hex) when the base was signed.
    public var signer: String?
    /// How many modules the base exposes (its data slots 0 …).
    public var moduleCount: Int

    public init(file: String, inputDigest: String, payloadDigest: String, compatibilityKey: String, signer: String?, moduleCount: Int) {
      self.file = file
      self.inputDigest = inputDigest
      self.payloadDigest = payloadDigest
      self.compatibilityKey = compatibilityKey
      self.signer = signer
      self.moduleCount = moduleCount
    }
  }

  /// The app's main function: `module#export`, kept in the snapshot's data slot `slot`.
  public struct MainRecord: Codable, Equatable, Sendable {
    public var module: String
    public var export: String
    public var slot: Int

    public init(module: String, export: String, slot: Int) {
      self.module = module
      self.export = export
      self.slot = slot
    }
  }
}
