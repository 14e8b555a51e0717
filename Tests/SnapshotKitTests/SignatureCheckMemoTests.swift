import Foundation
import Glibc
import SnapgenCrypto
@testable import SnapshotKit
import Testing

@Suite("remembered signature checks", .serialized)
struct SignatureCheckMemoTests {
  init() throws { try Fixtures.prepareEngine() }

  private func identity(of path: String) throws -> FileIdentity {
    let read = try FileBytes.readIdentified(path)
    return try #require(read.identity)
  }

  @Test("a remembered check applies to the same file version and signer only")
  func sameVersionAndSigner() throws {
    let root = try Fixtures.moduleTree(["a.bin": "first version"])
    defer { try? FileManager.default.removeItem(atPath: root) }
    let signer = try Ed25519.PrivateKey().publicKey
    let other = try Ed25519.PrivateKey().publicKey
    let memo = SignatureCheckMemo(settleTime: 0)
    let first = try identity(of: root + "/a.bin")
    #expect(!memo.isTrusted(first, by: [signer]))
    memo.remember(first, signer: signer)
    #expect(memo.isTrusted(first, by: [other, signer]))
    #expect(!memo.isTrusted(first, by: [other]))
    // The same name, replaced by another file of the same size: another version.
    try Data("other version".utf8).write(to: URL(fileURLWithPath: root + "/b.bin"))
    #expect(rename(root + "/b.bin", root + "/a.bin") == 0)
    #expect(!memo.isTrusted(try identity(of: root + "/a.bin"), by: [signer]))
    memo.removeAll()
    #expect(memo.count == 0 && !memo.isTrusted(first, by: [signer]))
  }

  @Test("a file changed less than the settle time ago is not remembered")
  func recentFilesAreNotRemembered() throws {
    let root = try Fixtures.moduleTree(["fresh.bin": "just written"])
    defer { try? FileManager.default.removeItem(atPath: root) }
    let memo = SignatureCheckMemo()
    let fresh = try identity(of: root + "/fresh.bin")
    memo.remember(fresh, signer: try Ed25519.PrivateKey().publicKey)
    #expect(memo.count == 0)
  }

  @Test("a signed snapshot booted before and then edited in place (CRCs fixed) is checked again and refused")
  func editedAfterRememberedBoot() throws {
    let key = try Ed25519.PrivateKey()
    let root = try Fixtures.moduleTree(Fixtures.smallTree)
    defer { try? FileManager.default.removeItem(atPath: root) }
    let path = root + "/signed.bin"
    let signed = try Fixtures.smallSnapshot().signed(with: key)
    try Data(signed.serialized()).write(to: URL(fileURLWithPath: path))
    // Let the file settle so that the boot may remember its check.
    Thread.sleep(forTimeInterval: Double(SignatureCheckMemo.defaultSettleTime) / 1e9 + 0.2)
    let trusted = [try key.publicKey]
    do {
      let runtime = try JSRuntime.boot(snapshotAt: path, ops: Fixtures.smallRegistry(), trustedKeys: trusted)
      #expect(try runtime.evaluate("answer") == "42")
    }
    #expect(SignatureCheckMemo.shared.isTrusted(try identity(of: path), by: trusted))

    // An attacker flips a payload byte in place and fixes both CRCs.
    var bytes = signed.serialized()
    let headerSize = signed.header.headerSize
    bytes[headerSize + 10] ^= 0x40
    let payloadCRC = CRC32.checksum(Array(bytes[headerSize..<(headerSize + signed.header.storedSize)]))
    withUnsafeBytes(of: payloadCRC.littleEndian) { bytes.replaceSubrange(40..<44, with: $0) }
    var header = Array(bytes[0..<headerSize])
    header.replaceSubrange(20..<24, with: [0, 0, 0, 0])
    withUnsafeBytes(of: CRC32.checksum(header).littleEndian) { bytes.replaceSubrange(20..<24, with: $0) }
    let descriptor = open(path, O_WRONLY)
    #expect(descriptor >= 0)
    #expect(bytes.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) } == bytes.count)
    close(descriptor)

    #expect {
      try JSRuntime.boot(snapshotAt: path, ops: Fixtures.smallRegistry(), trustedKeys: trusted)
    } throws: { error in
      if case .untrusted(.badSignature)? = error as? RuntimeError { return true }
      return false
    }
  }
}
