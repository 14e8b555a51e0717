public import SnapgenCrypto

/// The Ed25519 signature of a signed `snapshot.bin`, stored in a 104-byte trailer after the
/// payload: magic `SNAPSIG\x01` (8 bytes), the signer's public key (32) and the signature (64).
///
/// The signed message is a domain string (`snapgen snapshot signature v1` and a zero byte), then the whole header as written (its flags say "signed",
/// and its checksum, sizes, compatibility key and metadata are all covered), then the SHA-256
/// of the stored payload. A runtime given trusted keys checks it before any byte reaches V8.
public struct SnapshotSignature: Sendable, Equatable {
  /// The signer's Ed25519 public key.
  public var publicKey: [UInt8]
  /// The 64-byte Ed25519 signature.
  public var signature: [UInt8]

  /// The trailer's size in bytes.
  public static let trailerSize = 104
  static let magic: [UInt8] = Array("SNAPSIG".utf8) + [0x01]
  /// Prefixed to the signed message, so a snapgen signature cannot be replayed elsewhere.
  static let domain: [UInt8] = Array("snapgen snapshot signature v1".utf8) + [0]

  /// The trailer's bytes.
  public var trailer: [UInt8] { Self.magic + publicKey + signature }

  init(publicKey: [UInt8], signature: [UInt8]) {
    self.publicKey = publicKey
    self.signature = signature
  }

  /// Parses a trailer (exactly ``trailerSize`` bytes).
  init(trailer bytes: ArraySlice<UInt8>) throws(SnapshotFormatError) {
    guard bytes.count == Self.trailerSize, bytes.prefix(Self.magic.count).elementsEqual(Self.magic) else {
      throw .malformedHeader("the signature trailer is damaged")
    }
    let keyStart = bytes.startIndex + Self.magic.count
    publicKey = Array(bytes[keyStart..<(keyStart + 32)])
    signature = Array(bytes[(keyStart + 32)...])
  }

  /// The message a signature covers: the domain, the header bytes and the payload's SHA-256.
  static func message(header: some Collection<UInt8>, payload: some Collection<UInt8>) -> [UInt8] {
    domain + Array(header) + SHA256.hash(data: payload).bytes
  }

  /// A short, stable name for a public key: the first 16 hex digits of its SHA-256.
  public static func fingerprint(of publicKey: [UInt8]) -> String {
    String(SHA256.hash(data: publicKey).hexString.prefix(16))
  }

  /// A short, stable name for a public key: the first 16 hex digits of the SHA-256 of its bytes.
  public static func fingerprint(of publicKey: Ed25519.PublicKey) -> String {
    fingerprint(of: publicKey.rawRepresentation)
  }
}
