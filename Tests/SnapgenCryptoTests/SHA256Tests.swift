import SnapgenCrypto
import Testing

@Suite("SHA-256 over OpenSSL")
struct SHA256Tests {
  @Test("FIPS 180-2 test vectors")
  func knownVectors() {
    #expect(SHA256.hash(data: Array("abc".utf8)).hexString == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    #expect(SHA256.hash(data: [UInt8]()).hexString == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    let million = [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)
    #expect(SHA256.hash(data: million).hexString == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
  }

  @Test("incremental updates equal one update, and a copy keeps its own state")
  func incrementalAndCopies() {
    let text = Array("The quick brown fox jumps over the lazy dog".utf8)
    var hasher = SHA256()
    hasher.update(data: text[..<10])
    let snapshot = hasher
    hasher.update(data: text[10...])
    #expect(hasher.finalize() == SHA256.hash(data: text))
    #expect(snapshot.finalize() == SHA256.hash(data: text[..<10]))
    // finalize does not consume: more bytes can follow.
    var more = SHA256()
    more.update(data: text)
    _ = more.finalize()
    more.update(data: [0x21])
    #expect(more.finalize() == SHA256.hash(data: text + [0x21]))
  }
}
