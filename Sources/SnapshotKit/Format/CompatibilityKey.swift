import SnapgenCrypto

/// The 32-byte digest of everything a runtime must share with a snapshot to boot it: platform,
/// V8 version, V8 flags and op-table digest. Stored in the header's fixed prefix.
public enum CompatibilityKey {
  public static func compute(platform: String, v8Version: String, v8Flags: [String], opTableDigest: String) -> [UInt8] {
    var text = "platform \(platform)\nv8 \(v8Version)\n"
    for flag in v8Flags { text += "flag \(flag)\n" }
    text += "ops \(opTableDigest)\n"
    return Array(SHA256.hash(data: Array(text.utf8)))
  }

  /// The key a snapshot with this metadata must carry.
  public static func of(_ metadata: SnapshotMetadata) -> [UInt8] {
    compute(platform: metadata.platform, v8Version: metadata.v8Version, v8Flags: metadata.v8Flags, opTableDigest: metadata.opTableDigest)
  }
}
