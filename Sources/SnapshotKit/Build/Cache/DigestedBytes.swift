/// Bytes and their SHA-256, hashed once: a download the remote cache verified is stored in the
/// local cache, and a fresh build is stored locally and uploaded, under the same digest without
/// hashing the bytes again. Only ``init(_:)`` computes the digest, so it always matches.
struct DigestedBytes: Sendable {
  let bytes: [UInt8]
  /// Lowercase hex SHA-256 of ``bytes``.
  let sha256: String

  init(_ bytes: [UInt8]) {
    self.bytes = bytes
    sha256 = InputDigest.sha256(bytes)
  }
}
