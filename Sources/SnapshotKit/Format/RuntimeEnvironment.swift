/// What a runtime offers a snapshot: its V8, V8 flags, platform and op table. A snapshot boots
/// only in an environment equal to the one it was built for.
public struct RuntimeEnvironment: Sendable, Equatable {
  public var v8Version: String
  public var v8Flags: [String]
  public var platform: String
  public var ops: OpManifest

  public init(v8Version: String, v8Flags: [String], platform: String, ops: OpManifest) {
    self.v8Version = v8Version
    self.v8Flags = v8Flags
    self.platform = platform
    self.ops = ops
  }

  /// The ``CompatibilityKey`` a snapshot must carry to boot here.
  public var compatibilityKey: [UInt8] {
    CompatibilityKey.compute(platform: platform, v8Version: v8Version, v8Flags: v8Flags, opTableDigest: ops.digest)
  }

  /// Accepts a snapshot whose key matches without decoding its metadata; otherwise decodes it
  /// to name the mismatch.
  func check(key: [UInt8], metadata: () throws(SnapshotFormatError) -> SnapshotMetadata) throws(SnapshotFormatError) {
    guard key != compatibilityKey else { return }
    try check(try metadata())
    // Equal fields with a different key: the header contradicts itself.
    throw .malformedHeader("the compatibility key does not match the metadata")
  }

  /// Compares against a snapshot's metadata, most fundamental mismatch first.
  public func check(_ metadata: SnapshotMetadata) throws(SnapshotFormatError) {
    guard metadata.platform == platform else {
      throw .platformMismatch(snapshot: metadata.platform, runtime: platform)
    }
    guard metadata.v8Version == v8Version else {
      throw .v8VersionMismatch(snapshot: metadata.v8Version, runtime: v8Version)
    }
    guard metadata.v8Flags == v8Flags else {
      throw .v8FlagsMismatch(snapshot: metadata.v8Flags, runtime: v8Flags)
    }
    guard metadata.opTableDigest == ops.digest else {
      throw .opTableMismatch(OpTableDifference(snapshot: metadata.ops, runtime: ops.ops))
    }
  }
}

/// The platform string recorded in snapshots.
public enum Platform {
  public static var current: String {
    #if os(Linux)
      let os = "linux"
    #elseif os(macOS)
      let os = "macos"
    #else
      let os = "unknown"
    #endif
    #if arch(x86_64)
      let arch = "x86_64"
    #elseif arch(arm64)
      let arch = "arm64"
    #else
      let arch = "unknown"
    #endif
    return "\(os)-\(arch)"
  }
}
