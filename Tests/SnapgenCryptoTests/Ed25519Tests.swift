import SnapgenCrypto
import Testing

@Suite("Ed25519 over OpenSSL")
struct Ed25519Tests {
  private func bytes(_ hex: String) -> [UInt8] {
    var result: [UInt8] = []
    var index = hex.startIndex
    while index < hex.endIndex {
      let next = hex.index(index, offsetBy: 2)
      result.append(UInt8(hex[index..<next], radix: 16)!)
      index = next
    }
    return result
  }

  @Test("RFC 8032 section 7.1, test 2: public key and signature")
  func rfc8032Vector() throws {
    let key = try Ed25519.PrivateKey(
      rawRepresentation: bytes("4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb"))
    #expect(try key.publicKey.rawRepresentation.hexString == "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c")
    let signature = try key.signature(for: [0x72])
    #expect(signature.hexString == "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00")
    #expect(try key.publicKey.isValidSignature(signature, for: [0x72]))
  }

  @Test("a signature fails for another message, another key or a flipped bit")
  func rejections() throws {
    let key = try Ed25519.PrivateKey()
    let other = try Ed25519.PrivateKey()
    let message = Array("snapshot header".utf8)
    var signature = try key.signature(for: message)
    let publicKey = try key.publicKey
    #expect(publicKey.isValidSignature(signature, for: message))
    #expect(!publicKey.isValidSignature(signature, for: message + [0]))
    #expect(try !other.publicKey.isValidSignature(signature, for: message))
    #expect(!publicKey.isValidSignature(Array(signature.dropLast()), for: message))
    signature[10] ^= 0x01
    #expect(!publicKey.isValidSignature(signature, for: message))
  }

  @Test("keys of the wrong size are refused")
  func wrongSizes() {
    #expect(throws: CryptoError.self) { try Ed25519.PrivateKey(rawRepresentation: [1, 2, 3]) }
    #expect(throws: CryptoError.self) { try Ed25519.PublicKey(rawRepresentation: []) }
  }
}
