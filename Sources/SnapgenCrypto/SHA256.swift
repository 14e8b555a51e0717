import COpenSSL

/// An incremental SHA-256 over OpenSSL's libcrypto (EVP interface).
///
/// A value type: copying a hasher and updating the copy leaves the original as it was.
///
/// ```swift
/// var hasher = SHA256()
/// hasher.update(data: Array("abc".utf8))
/// let digest = hasher.finalize()   // 32 bytes; digest.hexString for the text form
/// ```
public struct SHA256 {
  private var context: DigestContext

  /// A hasher that has seen no bytes.
  public init() {
    context = DigestContext()
  }

  /// Feeds bytes to the hasher.
  public mutating func update(data: some Collection<UInt8>) {
    if !isKnownUniquelyReferenced(&context) { context = context.copy() }
    let done = data.withContiguousStorageIfAvailable { context.update($0) }
    if done == nil { Array(data).withUnsafeBufferPointer { context.update($0) } }
  }

  /// The digest of every byte fed so far.
  public func finalize() -> SHA256Digest {
    SHA256Digest(bytes: context.copy().finish())
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

/// Owns one `EVP_MD_CTX`.
private final class DigestContext {
  let handle: OpaquePointer

  init() {
    guard let handle = EVP_MD_CTX_new() else { fatalError("OpenSSL could not allocate a digest context (out of memory)") }
    self.handle = handle
    precondition(EVP_DigestInit_ex(handle, EVP_sha256(), nil) == 1, "OpenSSL refused SHA-256")
  }

  private init(copying other: DigestContext) {
    guard let handle = EVP_MD_CTX_new() else { fatalError("OpenSSL could not allocate a digest context (out of memory)") }
    self.handle = handle
    precondition(EVP_MD_CTX_copy_ex(handle, other.handle) == 1, "OpenSSL could not copy a digest context")
  }

  deinit { EVP_MD_CTX_free(handle) }

  func copy() -> DigestContext { DigestContext(copying: self) }

  func update(_ buffer: UnsafeBufferPointer<UInt8>) {
    guard let base = buffer.baseAddress, !buffer.isEmpty else { return }
    precondition(EVP_DigestUpdate(handle, base, buffer.count) == 1, "OpenSSL SHA-256 update failed")
  }

  func finish() -> [UInt8] {
    var output = [UInt8](repeating: 0, count: 32)
    var length: UInt32 = 0
    precondition(EVP_DigestFinal_ex(handle, &output, &length) == 1 && length == 32, "OpenSSL SHA-256 final failed")
    return output
  }
}
