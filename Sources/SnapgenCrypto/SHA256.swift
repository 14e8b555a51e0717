import COpenSSL

/// An incremental SHA-256 over OpenSSL's libcrypto (its low-level `SHA256_*` functions, the same
/// implementation the EVP interface uses, without EVP's configuration and provider loading on
/// first use).
///
/// A value type: copying a hasher and updating the copy leaves the original as it was.
///
/// ```swift
/// var hasher = SHA256()
/// hasher.update(data: Array("abc".utf8))
/// let digest = hasher.finalize()   // 32 bytes; digest.hexString for the text form
/// ```
public struct SHA256 {
  /// A plain C struct: copying the hasher copies the state.
  private var context = SHA256_CTX()

  /// A hasher that has seen no bytes.
  public init() {
    SHA256_Init(&context)
  }

  /// Feeds bytes to the hasher.
  public mutating func update(data: some Collection<UInt8>) {
    let done: Void? = data.withContiguousStorageIfAvailable { update($0) }
    if done == nil { Array(data).withUnsafeBufferPointer { update($0) } }
  }

  private mutating func update(_ buffer: UnsafeBufferPointer<UInt8>) {
    guard let base = buffer.baseAddress, !buffer.isEmpty else { return }
    SHA256_Update(&context, base, buffer.count)
  }

  /// The digest of every byte fed so far.
  public func finalize() -> SHA256Digest {
    var copy = context
    var output = [UInt8](repeating: 0, count: Int(SHA256_DIGEST_LENGTH))
    SHA256_Final(&output, &copy)
    return SHA256Digest(bytes: output)
  }

  /// The digest of `data` in one call.
  public static func hash(data: some Collection<UInt8>) -> SHA256Digest {
    var hasher = SHA256()
    hasher.update(data: data)
    return hasher.finalize()
  }
}

/// The 32 bytes of a SHA-256 digest.
public struct SHA256Digest: Sequence, Hashable, Sendable {
  /// The digest's bytes.
  public let bytes: [UInt8]

  /// Lower-case hexadecimal, 64 characters.
  public var hexString: String { bytes.hexString }

  public func makeIterator() -> IndexingIterator<[UInt8]> { bytes.makeIterator() }
}

extension Sequence<UInt8> {
  /// The bytes as lower-case hexadecimal, two characters each.
  public var hexString: String {
    let digits = Array("0123456789abcdef".utf8)
    var text: [UInt8] = []
    text.reserveCapacity(underestimatedCount * 2)
    for byte in self {
      text.append(digits[Int(byte >> 4)])
      text.append(digits[Int(byte & 0x0f)])
    }
    return String(decoding: text, as: UTF8.self)
  }
}
