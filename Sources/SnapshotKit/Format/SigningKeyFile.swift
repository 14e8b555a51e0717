public import SnapgenCrypto

import Glibc

/// Ed25519 key files for signed snapshots: one line of text each,
/// `snapgen-ed25519-private <64 hex digits>` or `snapgen-ed25519-public <64 hex digits>`.
/// Private key files are created with mode 0600 and never overwritten.
public enum SigningKeyFile {
  static let privateTag = "snapgen-ed25519-private"
  static let publicTag = "snapgen-ed25519-public"

  /// A key file that cannot be read, parsed or written.
  public struct Failure: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var reason: String
    public var description: String { "\(path): \(reason)" }
  }

  /// Writes a new key pair: the private key to `path`, the public key to `path + ".pub"`.
  /// Refuses when either file exists.
  public static func generate(at path: String) throws(Failure) -> Ed25519.PublicKey {
    let publicPath = path + ".pub"
    for existing in [path, publicPath] where access(existing, F_OK) == 0 {
      throw Failure(path: existing, reason: "already exists; snapgen never overwrites a key (remove it first if you mean to)")
    }
    let key: Ed25519.PrivateKey
    let publicKey: Ed25519.PublicKey
    do {
      key = try Ed25519.PrivateKey()
      publicKey = try key.publicKey
    } catch {
      throw Failure(path: path, reason: error.description)
    }
    try create(path, text: "\(privateTag) \(key.rawRepresentation.hexString)\n", mode: 0o600)
    try create(publicPath, text: "\(publicTag) \(publicKey.rawRepresentation.hexString)\n", mode: 0o644)
    return publicKey
  }

  /// Reads a private key file.
  public static func readPrivateKey(_ path: String) throws(Failure) -> Ed25519.PrivateKey {
    let bytes = try field(path, tag: privateTag)
    do { return try Ed25519.PrivateKey(rawRepresentation: bytes) } catch { throw Failure(path: path, reason: error.description) }
  }

  /// Reads a public key file.
  public static func readPublicKey(_ path: String) throws(Failure) -> Ed25519.PublicKey {
    let bytes = try field(path, tag: publicTag)
    do { return try Ed25519.PublicKey(rawRepresentation: bytes) } catch { throw Failure(path: path, reason: error.description) }
  }

  private static func field(_ path: String, tag: String) throws(Failure) -> [UInt8] {
    let text: String
    do { text = String(decoding: try FileBytes.read(path, maximumSize: 4096), as: UTF8.self) } catch {
      throw Failure(path: path, reason: "cannot read the key: \(error.reason)")
    }
    let parts = text.split(whereSeparator: \.isWhitespace)
    guard parts.count == 2, parts[0] == tag, let bytes = hexBytes(parts[1]), bytes.count == 32 else {
      let other = tag == privateTag ? publicTag : privateTag
      if parts.first.map(String.init) == other {
        throw Failure(path: path, reason: "this is a \(other == publicTag ? "public" : "private") key; a \(tag == privateTag ? "private" : "public") key is needed here")
      }
      throw Failure(path: path, reason: "not a snapgen key file (expected '\(tag) <64 hex digits>')")
    }
    return bytes
  }

  private static func hexBytes(_ text: Substring) -> [UInt8]? {
    guard text.count % 2 == 0 else { return nil }
    var bytes: [UInt8] = []
    var index = text.startIndex
    while index < text.endIndex {
      let next = text.index(index, offsetBy: 2)
      guard let byte = UInt8(text[index..<next], radix: 16) else { return nil }
      bytes.append(byte)
      index = next
    }
    return bytes
  }

  private static func create(_ path: String, text: String, mode: mode_t) throws(Failure) {
    let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
    guard descriptor >= 0 else { throw Failure(path: path, reason: String(cString: strerror(errno))) }
    defer { close(descriptor) }
    let bytes = Array(text.utf8)
    let written = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress!, $0.count) }
    guard written == bytes.count, fsync(descriptor) == 0 else {
      let reason = String(cString: strerror(errno))
      unlink(path)
      throw Failure(path: path, reason: reason)
    }
  }
}
