import COpenSSL

/// Ed25519 signatures over OpenSSL's libcrypto (RFC 8032, pure Ed25519: the message is signed
/// whole, not pre-hashed).
public enum Ed25519 {
  /// A 32-byte private key (the RFC 8032 seed).
  public struct PrivateKey: Sendable {
    /// The 32-byte seed.
    public let rawRepresentation: [UInt8]

    /// A new key from OpenSSL's random generator.
    public init() throws(CryptoError) {
      var seed = [UInt8](repeating: 0, count: 32)
      guard RAND_bytes(&seed, 32) == 1 else { throw CryptoError("the system random generator failed") }
      rawRepresentation = seed
    }

    /// A key from its 32-byte seed.
    public init(rawRepresentation: [UInt8]) throws(CryptoError) {
      guard rawRepresentation.count == 32 else {
        throw CryptoError("an Ed25519 private key has 32 bytes, not \(rawRepresentation.count)")
      }
      self.rawRepresentation = rawRepresentation
    }

    /// The matching public key.
    public var publicKey: PublicKey {
      get throws(CryptoError) {
        let key = try EVPKey(privateSeed: rawRepresentation)
        var length = 32
        var raw = [UInt8](repeating: 0, count: 32)
        guard EVP_PKEY_get_raw_public_key(key.handle, &raw, &length) == 1, length == 32 else {
          throw CryptoError("OpenSSL could not derive the public key")
        }
        return try PublicKey(rawRepresentation: raw)
      }
    }

    /// The 64-byte signature of `message`.
    public func signature(for message: [UInt8]) throws(CryptoError) -> [UInt8] {
      let key = try EVPKey(privateSeed: rawRepresentation)
      let context = try SigningContext()
      guard EVP_DigestSignInit(context.handle, nil, nil, nil, key.handle) == 1 else {
        throw CryptoError("OpenSSL could not start an Ed25519 signature")
      }
      var signature = [UInt8](repeating: 0, count: 64)
      var length = 64
      guard EVP_DigestSign(context.handle, &signature, &length, message, message.count) == 1, length == 64 else {
        throw CryptoError("OpenSSL could not sign")
      }
      return signature
    }
  }

  /// A 32-byte public key.
  ///
  /// The key is imported into OpenSSL once, when the value is made, so checking many
  /// signatures with one key (every boot of a runtime that requires signed snapshots) does not
  /// pay for the import again.
  public struct PublicKey: Sendable, Hashable {
    /// The 32 key bytes.
    public let rawRepresentation: [UInt8]
    private let imported: EVPKey

    /// A key from its 32 bytes.
    public init(rawRepresentation: [UInt8]) throws(CryptoError) {
      guard rawRepresentation.count == 32 else {
        throw CryptoError("an Ed25519 public key has 32 bytes, not \(rawRepresentation.count)")
      }
      self.rawRepresentation = rawRepresentation
      imported = try EVPKey(publicKey: rawRepresentation)
    }

    /// True when `signature` is this key's signature of `message`.
    public func isValidSignature(_ signature: [UInt8], for message: [UInt8]) -> Bool {
      guard signature.count == 64,
        let context = try? SigningContext(),
        EVP_DigestVerifyInit(context.handle, nil, nil, nil, imported.handle) == 1
      else { return false }
      return EVP_DigestVerify(context.handle, signature, signature.count, message, message.count) == 1
    }

    public static func == (left: PublicKey, right: PublicKey) -> Bool {
      left.rawRepresentation == right.rawRepresentation
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(rawRepresentation) }
  }
}

/// A failure inside OpenSSL, or a key of the wrong size.
public struct CryptoError: Error, CustomStringConvertible, Sendable {
  /// What went wrong.
  public let description: String

  init(_ description: String) {
    self.description = description
    ERR_clear_error()
  }
}

/// Owns one `EVP_PKEY`. OpenSSL allows one key to be used by several threads at once as long as
/// nobody changes it, and nothing here does after creation.
private final class EVPKey: @unchecked Sendable {
  let handle: OpaquePointer

  init(privateSeed: [UInt8]) throws(CryptoError) {
    guard let handle = EVP_PKEY_new_raw_private_key(EVP_PKEY_ED25519, nil, privateSeed, privateSeed.count) else {
      throw CryptoError("OpenSSL refused the Ed25519 private key")
    }
    self.handle = handle
  }

  init(publicKey: [UInt8]) throws(CryptoError) {
    guard let handle = EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nil, publicKey, publicKey.count) else {
      throw CryptoError("OpenSSL refused the Ed25519 public key")
    }
    self.handle = handle
  }

  deinit { EVP_PKEY_free(handle) }
}

/// Owns one `EVP_MD_CTX` used for signing or verifying.
private final class SigningContext {
  let handle: OpaquePointer

  init() throws(CryptoError) {
    guard let handle = EVP_MD_CTX_new() else { throw CryptoError("OpenSSL could not allocate a signing context") }
    self.handle = handle
  }

  deinit { EVP_MD_CTX_free(handle) }
}
