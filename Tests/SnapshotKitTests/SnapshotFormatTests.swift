import Foundation
import SnapshotKit
import Testing

@Suite("snapshot.bin format")
struct SnapshotFormatTests {
  // V8 is process-wide: initialise it with fixed seeds before any test of the suite runs.
  init() throws { try Fixtures.prepareEngine() }

  @Test("a written snapshot parses back to the same header, metadata and blob")
  func roundTrip() throws {
    for codec in PayloadCodec.allCases {
      let file = try Fixtures.smallSnapshot(codec: codec)
      let bytes = file.serialized()
      let parsed = try SnapshotFile.parse(bytes)
      #expect(parsed.header == file.header)
      #expect(parsed.metadata == file.metadata)
      #expect(try parsed.blob() == file.blob())
      #expect(parsed.header.codec == codec)
      #expect(parsed.metadata.modules.map(\.name) == ["lib/math.js", "main.js"])
    }
  }

  @Test("zlib stores the internal blob in well under half its raw size")
  func compression() throws {
    let file = try Fixtures.smallSnapshot(codec: .zlib)
    #expect(file.header.storedSize * 2 < file.header.rawSize)
  }

  @Test("flipping any header byte is a typed error")
  func headerByteFlips() throws {
    let bytes = try Fixtures.smallSnapshot().serialized()
    let headerSize = try SnapshotFile.parse(bytes).header.headerSize
    var failures: [Int] = []
    for index in 0..<headerSize {
      for mask: UInt8 in [0xFF, 0x01, 0x80] {
        var damaged = bytes
        damaged[index] ^= mask
        do {
          _ = try SnapshotFile.parse(damaged)
          failures.append(index)
        } catch {
          // Expected: any SnapshotFormatError (the catch is typed).
          #expect(!error.isIncompatibility)
        }
      }
    }
    #expect(failures.isEmpty, "header bytes accepted after a flip: \(failures.prefix(10))")
  }

  @Test("the first bytes report the right error kinds")
  func specificHeaderErrors() throws {
    let bytes = try Fixtures.smallSnapshot().serialized()
    var badMagic = bytes
    badMagic[0] = UInt8(ascii: "X")
    #expect(throws: SnapshotFormatError.badMagic) { try SnapshotFile.parse(badMagic) }
    var badVersion = bytes
    badVersion[8] = 7
    #expect(throws: SnapshotFormatError.unsupportedFormatVersion(7)) { try SnapshotFile.parse(badVersion) }
    var badChecksum = bytes
    badChecksum[20] ^= 0x10
    #expect {
      try SnapshotFile.parse(badChecksum)
    } throws: { error in
      if case SnapshotFormatError.headerChecksumMismatch = error { return true }
      return false
    }
  }

  @Test("flipping sampled payload bytes is a checksum error")
  func payloadByteFlips() throws {
    let bytes = try Fixtures.smallSnapshot().serialized()
    let headerSize = try SnapshotFile.parse(bytes).header.headerSize
    let payloadRange = headerSize..<bytes.count
    var checked = 0
    for index in stride(from: payloadRange.lowerBound, to: payloadRange.upperBound, by: 97) {
      var damaged = bytes
      damaged[index] ^= 0x5A
      #expect {
        try SnapshotFile.parse(damaged)
      } throws: { error in
        if case SnapshotFormatError.payloadChecksumMismatch = error { return true }
        return false
      }
      checked += 1
    }
    #expect(checked > 50)
  }

  @Test("truncating at any length is a typed error, never a crash")
  func truncation() throws {
    let bytes = try Fixtures.smallSnapshot().serialized()
    let headerSize = try SnapshotFile.parse(bytes).header.headerSize
    var lengths = Array(0...(headerSize + 64))
    lengths += stride(from: headerSize + 64, to: bytes.count, by: 211)
    lengths.append(bytes.count - 1)
    for length in lengths {
      do {
        _ = try SnapshotFile.parse(Array(bytes.prefix(length)))
        Issue.record("a file truncated to \(length) of \(bytes.count) bytes was accepted")
      } catch .emptyFile {
        #expect(length == 0)
      } catch .truncatedHeader {
        #expect(length < headerSize)
      } catch .truncatedPayload {
        #expect(length >= headerSize)
      } catch {
        Issue.record("truncation to \(length) gave \(error)")
      }
    }
  }

  @Test("bytes after the payload are a size mismatch")
  func trailingBytes() throws {
    let bytes = try Fixtures.smallSnapshot().serialized() + [0]
    #expect {
      try SnapshotFile.parse(bytes)
    } throws: { error in
      if case SnapshotFormatError.sizeMismatch = error { return true }
      return false
    }
  }

  @Test("a payload that passes its checksum but does not inflate is refused before V8")
  func undecodablePayload() throws {
    let file = try Fixtures.smallSnapshot()
    var garbage = file
    garbage.payload = Array(repeating: 0x42, count: file.payload.count)
    #expect(throws: SnapshotFormatError.self) { try garbage.blob() }
    let codecNone = try Fixtures.smallSnapshot(codec: .none)
    var short = codecNone
    short.payload.removeLast()
    #expect(throws: SnapshotFormatError.self) { try short.blob() }
  }

  @Test("an empty file and non-snapshot files are named as such")
  func emptyAndForeignFiles() {
    #expect(throws: SnapshotFormatError.emptyFile) { try SnapshotFile.parse([]) }
    #expect(throws: SnapshotFormatError.badMagic) { try SnapshotFile.parse(Array("#!/bin/sh\necho hi\n".utf8)) }
    #expect(throws: SnapshotFormatError.truncatedHeader(needed: 96, actual: 3)) {
      try SnapshotFile.parse(Array("SNA".utf8))
    }
  }
}
