/// The fixed 96-byte prefix of every `snapshot.bin` (all integers little-endian):
///
/// | offset | size | field |
/// |---|---|---|
/// | 0 | 8 | magic `SNAPGEN\x1A` |
/// | 8 | 4 | format version (1) |
/// | 12 | 4 | header size: prefix + metadata + zero padding to 16 bytes; the payload starts here |
/// | 16 | 4 | metadata size (canonical JSON, UTF-8) |
/// | 20 | 4 | CRC-32 of the whole header with this field zeroed |
/// | 24 | 8 | raw (V8 blob) size |
/// | 32 | 8 | stored (payload) size |
/// | 40 | 4 | CRC-32 of the stored payload |
/// | 44 | 1 | codec (0 none, 1 zlib, 2 lz4) |
/// | 45 | 3 | reserved, zero |
/// | 48 | 32 | compatibility key: SHA-256 of platform, V8 version, V8 flags and op-table digest |
/// | 80 | 1 | flags: bit 0 set when a signature trailer follows the payload (``SnapshotSignature``) |
/// | 81 | 15 | reserved, zero |
///
/// The compatibility key lets a runtime accept a snapshot by comparing 32 bytes, without
/// decoding the metadata; the metadata explains a mismatch when there is one.
public struct SnapshotHeader: Equatable, Sendable {
  public static let magic: [UInt8] = Array("SNAPGEN".utf8) + [0x1A]
  public static let formatVersion: UInt32 = 1
  public static let prefixSize = 96
  /// The largest header the reader accepts (a sanity bound against corrupt size fields).
  public static let maximumHeaderSize = 16 << 20
  /// The largest V8 blob the reader accepts.
  public static let maximumRawSize = 1 << 31

  public var headerSize: Int
  public var metadataSize: Int
  public var headerChecksum: UInt32
  public var rawSize: Int
  public var storedSize: Int
  public var payloadChecksum: UInt32
  public var codec: PayloadCodec
  /// See ``CompatibilityKey``.
  public var compatibilityKey: [UInt8]
  /// Header flags (``signedFlag``); covered by the header checksum and by the signature.
  public var flags: UInt8 = 0

  /// The flag bit saying that a ``SnapshotSignature`` trailer follows the payload.
  public static let signedFlag: UInt8 = 0x01

  /// True when a signature trailer follows the payload.
  public var isSigned: Bool { flags & Self.signedFlag != 0 }

  /// The size of the whole file this header describes.
  public var fileSize: Int { headerSize + storedSize + (isSigned ? SnapshotSignature.trailerSize : 0) }

  enum Offset {
    static let version = 8, headerSize = 12, metadataSize = 16, headerChecksum = 20
    static let rawSize = 24, storedSize = 32, payloadChecksum = 40, codec = 44, reserved = 45
    static let compatibilityKey = 48, compatibilityKeyEnd = 80, flags = 80, reservedTail = 81
  }

  /// Every field of the fixed prefix with its byte range, in file order: the one layout table,
  /// derived from ``Offset``, that anything naming header regions uses.
  static let fields: [(name: String, range: Range<Int>)] = [
    ("magic", 0..<Offset.version),
    ("formatVersion", Offset.version..<Offset.headerSize),
    ("headerSize", Offset.headerSize..<Offset.metadataSize),
    ("metadataSize", Offset.metadataSize..<Offset.headerChecksum),
    ("headerCRC32", Offset.headerChecksum..<Offset.rawSize),
    ("rawSize", Offset.rawSize..<Offset.storedSize),
    ("storedSize", Offset.storedSize..<Offset.payloadChecksum),
    ("payloadCRC32", Offset.payloadChecksum..<Offset.codec),
    ("codec", Offset.codec..<Offset.reserved),
    ("reserved", Offset.reserved..<Offset.compatibilityKey),
    ("compatibilityKey", Offset.compatibilityKey..<Offset.compatibilityKeyEnd),
    ("flags", Offset.flags..<Offset.reservedTail),
    ("reserved", Offset.reservedTail..<prefixSize),
  ]
}

// MARK: - Little-endian helpers

extension UnsafeRawBufferPointer {
  func littleEndianUInt32(at offset: Int) -> UInt32 {
    UInt32(littleEndian: loadUnaligned(fromByteOffset: offset, as: UInt32.self))
  }

  func littleEndianUInt64(at offset: Int) -> UInt64 {
    UInt64(littleEndian: loadUnaligned(fromByteOffset: offset, as: UInt64.self))
  }
}

extension Array where Element == UInt8 {
  mutating func setLittleEndian(_ value: UInt32, at offset: Int) {
    withUnsafeMutableBytes { $0.storeBytes(of: value.littleEndian, toByteOffset: offset, as: UInt32.self) }
  }

  mutating func setLittleEndian(_ value: UInt64, at offset: Int) {
    withUnsafeMutableBytes { $0.storeBytes(of: value.littleEndian, toByteOffset: offset, as: UInt64.self) }
  }
}
