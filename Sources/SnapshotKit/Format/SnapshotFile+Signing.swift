public import SnapgenCrypto

/// Why a snapshot's signature is not accepted.
public enum SnapshotSignatureError: Error, Sendable, Equatable, CustomStringConvertible {
  /// Trusted keys were given and the file carries no signature.
  case unsigned
  /// Signed, but by a key that is not trusted (its fingerprint).
  case untrustedKey(String)
  /// The signature does not match the file: it was changed after signing.
  case badSignature(String)
  /// The signing key could not be used.
  case signingFailed(String)

  public var description: String {
    switch self {
    case .unsigned: "the snapshot is not signed, and this runtime only boots snapshots signed by a trusted key"
    case .untrustedKey(let fingerprint): "the snapshot is signed by key \(fingerprint), which is not trusted here"
    case .badSignature(let fingerprint):
      "the snapshot's signature (key \(fingerprint)) does not match its contents: the file was changed after signing"
    case .signingFailed(let reason): "cannot sign the snapshot: \(reason)"
    }
  }
}

extension SnapshotFile {
  /// This file signed with `key`: the header's signed flag is set (so the checksum changes) and
  /// a signature trailer is added.
  public func signed(with key: Ed25519.PrivateKey) throws(SnapshotSignatureError) -> SnapshotFile {
    var file = self
    file.header.flags |= SnapshotHeader.signedFlag
    file.updateHeaderChecksum()
    do {
      let message = SnapshotSignature.message(header: file.serializedHeader(), payload: file.payload)
      file.signature = SnapshotSignature(
        publicKey: try key.publicKey.rawRepresentation, signature: try key.signature(for: message))
    } catch {
      throw .signingFailed(error.description)
    }
    return file
  }

  /// Accepts the file only when it is signed by one of `trustedKeys` and the signature matches.
  public func checkSignature(trustedKeys: [Ed25519.PublicKey]) throws(SnapshotSignatureError) {
    let bytes = serialized()
    try Self.checkSignature(of: bytes, header: header, trustedKeys: trustedKeys)
  }

  /// The boot path's check, on the file's bytes as read (header already validated). Returns
  /// the trusted key that signed the file.
  @discardableResult
  static func checkSignature(of bytes: [UInt8], header: SnapshotHeader, trustedKeys: [Ed25519.PublicKey])
    throws(SnapshotSignatureError) -> Ed25519.PublicKey
  {
    guard header.isSigned else { throw .unsigned }
    let payloadEnd = header.headerSize + header.storedSize
    let signature: SnapshotSignature
    do { signature = try SnapshotSignature(trailer: bytes[payloadEnd...]) } catch { throw .badSignature("?") }
    guard let key = trustedKeys.first(where: { $0.rawRepresentation == signature.publicKey }) else {
      throw .untrustedKey(SnapshotSignature.fingerprint(of: signature.publicKey))
    }
    let message = SnapshotSignature.message(
      header: bytes[0..<header.headerSize], payload: bytes[header.headerSize..<payloadEnd])
    guard key.isValidSignature(signature.signature, for: message) else {
      throw .badSignature(SnapshotSignature.fingerprint(of: signature.publicKey))
    }
    return key
  }
}
