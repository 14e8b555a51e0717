import Foundation
import SnapgenCrypto
import SnapshotKit
import Testing

@Suite("signed snapshots", .serialized)
struct SigningTests {
  init() throws { try Fixtures.prepareEngine() }

  /// Rewrites the payload CRC and the header CRC of a serialised file, as an attacker would.
  private func fixChecksums(_ bytes: inout [UInt8], headerSize: Int, storedSize: Int) {
    let payloadCRC = CRC32.checksum(Array(bytes[headerSize..<(headerSize + storedSize)]))
    withUnsafeBytes(of: payloadCRC.littleEndian) { bytes.replaceSubrange(40..<44, with: $0) }
    var header = Array(bytes[0..<headerSize])
    header.replaceSubrange(20..<24, with: [0, 0, 0, 0])
    let headerCRC = CRC32.checksum(header)
    withUnsafeBytes(of: headerCRC.littleEndian) { bytes.replaceSubrange(20..<24, with: $0) }
  }

  @Test("a signed file round-trips and passes with its key, fails with another or without a signature")
  func roundTrip() throws {
    let key = try Ed25519.PrivateKey()
    let unsigned = try Fixtures.smallSnapshot()
    let signed = try unsigned.signed(with: key)
    let parsed = try SnapshotFile.parse(signed.serialized())
    #expect(parsed.header.isSigned && parsed.signature == signed.signature)
    #expect(signed.serialized().count == unsigned.serialized().count + SnapshotSignature.trailerSize)
    try parsed.checkSignature(trustedKeys: [try key.publicKey])
    #expect(throws: SnapshotSignatureError.untrustedKey(SnapshotSignature.fingerprint(of: try key.publicKey.rawRepresentation))) {
      try parsed.checkSignature(trustedKeys: [try Ed25519.PrivateKey().publicKey])
    }
    #expect(throws: SnapshotSignatureError.unsigned) { try unsigned.checkSignature(trustedKeys: [try key.publicKey]) }
    // Signing is deterministic: the same snapshot signs to the same bytes (no spurious rewrites).
    #expect(try unsigned.signed(with: key).serialized() == signed.serialized())
  }

  @Test("a payload changed after signing, with every CRC fixed, is refused by the signature")
  func tamperedPayload() throws {
    let key = try Ed25519.PrivateKey()
    let signed = try Fixtures.smallSnapshot().signed(with: key)
    var bytes = signed.serialized()
    bytes[signed.header.headerSize + 10] ^= 0x40
    fixChecksums(&bytes, headerSize: signed.header.headerSize, storedSize: signed.header.storedSize)
    let parsed = try SnapshotFile.parse(bytes)  // the CRCs no longer notice
    #expect {
      try parsed.checkSignature(trustedKeys: [try key.publicKey])
    } throws: { error in
      if case .badSignature? = error as? SnapshotSignatureError { return true }
      return false
    }
  }

  @Test("stripping the signature (flag cleared, trailer cut, CRC fixed) leaves an unsigned file, which trusted keys refuse")
  func strippedSignature() throws {
    let key = try Ed25519.PrivateKey()
    let signed = try Fixtures.smallSnapshot().signed(with: key)
    var bytes = Array(signed.serialized().dropLast(SnapshotSignature.trailerSize))
    bytes[80] = 0
    fixChecksums(&bytes, headerSize: signed.header.headerSize, storedSize: signed.header.storedSize)
    let parsed = try SnapshotFile.parse(bytes)
    #expect(parsed.signature == nil)
    #expect(throws: SnapshotSignatureError.unsigned) { try parsed.checkSignature(trustedKeys: [try key.publicKey]) }
  }

  @Test("a signed flag without its trailer, and unknown flags, are malformed headers")
  func flagsWithoutTrailer() throws {
    let signed = try Fixtures.smallSnapshot().signed(with: try Ed25519.PrivateKey())
    let cut = Array(signed.serialized().dropLast(SnapshotSignature.trailerSize))
    #expect {
      try SnapshotFile.parse(cut)
    } throws: { error in
      if case .malformedHeader(let reason)? = error as? SnapshotFormatError { return reason.contains("signature trailer") }
      return false
    }
    let plain = try Fixtures.smallSnapshot()
    var unknown = plain.serialized()
    unknown[80] = 0x02
    fixChecksums(&unknown, headerSize: plain.header.headerSize, storedSize: plain.header.storedSize)
    #expect(throws: SnapshotFormatError.malformedHeader("unknown header flags 2")) { try SnapshotFile.parse(unknown) }
  }

  @Test("a runtime with trusted keys boots a snapshot signed by one of them and refuses others before V8")
  func bootWithTrustedKeys() throws {
    let key = try Ed25519.PrivateKey()
    let root = try Fixtures.moduleTree(Fixtures.smallTree)
    defer { try? FileManager.default.removeItem(atPath: root) }
    let unsigned = try Fixtures.smallSnapshot()
    try Data(try unsigned.signed(with: key).serialized()).write(to: URL(fileURLWithPath: root + "/signed.bin"))
    try Data(unsigned.serialized()).write(to: URL(fileURLWithPath: root + "/unsigned.bin"))
    do {
      let runtime = try JSRuntime.boot(snapshotAt: root + "/signed.bin", ops: Fixtures.smallRegistry(), trustedKeys: [try key.publicKey])
      #expect(try runtime.evaluate("answer") == "42")
    }
    #expect {
      try JSRuntime.boot(snapshotAt: root + "/unsigned.bin", ops: Fixtures.smallRegistry(), trustedKeys: [try key.publicKey])
    } throws: { error in
      if case .untrusted(.unsigned)? = error as? RuntimeError { return true }
      return false
    }
    // Without trusted keys, both boot (the file's checks pass; nothing says who built it).
    do { _ = try JSRuntime.boot(snapshotAt: root + "/unsigned.bin", ops: Fixtures.smallRegistry()) }
    let fallback = try JSRuntime.boot(
      snapshotAt: root + "/unsigned.bin", orSources: Fixtures.smallConfiguration(root: root), ops: Fixtures.smallRegistry(),
      trustedKeys: [try key.publicKey])
    #expect(fallback.fallbackReason == .untrusted(.unsigned))
    #expect(try fallback.runtime.evaluate("answer") == "42")
  }
}
