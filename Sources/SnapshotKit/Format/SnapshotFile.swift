import FoundationEssentials
import Glibc

/// A parsed and validated `snapshot.bin`: header, metadata and the stored payload.
///
/// ``parse(_:)`` checks everything that can be checked without V8 (magic, version, header
/// checksum, metadata, sizes, payload checksum); ``checkCompatibility(with:)`` checks the
/// snapshot against a runtime. Only then may the payload reach V8, which aborts the process
/// on blobs it does not like.
public struct SnapshotFile: Sendable {
  public var header: SnapshotHeader
  public var metadata: SnapshotMetadata
  /// The payload as stored (compressed when the codec says so).
  public var payload: [UInt8]
  /// The signature trailer, when the header says the file is signed.
  public var signature: SnapshotSignature?

  // MARK: - Writing

  /// Wraps a raw V8 blob: compresses it and computes the header.
  public init(blob: [UInt8], metadata: SnapshotMetadata) throws(SnapshotFormatError) {
    let codec = metadata.options.codec
    let stored = try codec.encode(blob, level: Int32(metadata.options.compressionLevel))
    let json = SnapshotFile.canonicalJSON(metadata)
    let headerSize = (SnapshotHeader.prefixSize + json.count + 15) / 16 * 16
    self.header = SnapshotHeader(
      headerSize: headerSize, metadataSize: json.count, headerChecksum: 0, rawSize: blob.count,
      storedSize: stored.count, payloadChecksum: CRC32.checksum(stored), codec: codec,
      compatibilityKey: CompatibilityKey.of(metadata))
    self.metadata = metadata
    self.payload = stored
    self.header.headerChecksum = CRC32.checksum(headerBytes(metadataJSON: json))
  }

  /// The complete file.
  public func serialized() -> [UInt8] {
    var bytes = serializedHeader()
    bytes.append(contentsOf: payload)
    if let signature { bytes.append(contentsOf: signature.trailer) }
    return bytes
  }

  /// The header as written, checksum included.
  func serializedHeader() -> [UInt8] {
    var bytes = headerBytes(metadataJSON: SnapshotFile.canonicalJSON(metadata))
    bytes.setLittleEndian(header.headerChecksum, at: SnapshotHeader.Offset.headerChecksum)
    return bytes
  }

  /// Recomputes the header checksum after a header field changed.
  mutating func updateHeaderChecksum() {
    header.headerChecksum = CRC32.checksum(headerBytes(metadataJSON: SnapshotFile.canonicalJSON(metadata)))
  }

  /// Header bytes with the checksum field zeroed.
  private func headerBytes(metadataJSON json: [UInt8]) -> [UInt8] {
    var bytes = SnapshotHeader.magic
    bytes.append(contentsOf: [UInt8](repeating: 0, count: SnapshotHeader.prefixSize - bytes.count))
    bytes.setLittleEndian(SnapshotHeader.formatVersion, at: SnapshotHeader.Offset.version)
    bytes.setLittleEndian(UInt32(header.headerSize), at: SnapshotHeader.Offset.headerSize)
    bytes.setLittleEndian(UInt32(json.count), at: SnapshotHeader.Offset.metadataSize)
    bytes.setLittleEndian(UInt64(header.rawSize), at: SnapshotHeader.Offset.rawSize)
    bytes.setLittleEndian(UInt64(header.storedSize), at: SnapshotHeader.Offset.storedSize)
    bytes.setLittleEndian(header.payloadChecksum, at: SnapshotHeader.Offset.payloadChecksum)
    bytes[SnapshotHeader.Offset.codec] = header.codec.rawValue
    bytes[SnapshotHeader.Offset.flags] = header.flags
    bytes.replaceSubrange(
      SnapshotHeader.Offset.compatibilityKey..<SnapshotHeader.Offset.compatibilityKeyEnd, with: header.compatibilityKey)
    bytes.append(contentsOf: json)
    bytes.append(contentsOf: [UInt8](repeating: 0, count: header.headerSize - bytes.count))
    return bytes
  }

  static func canonicalJSON(_ metadata: SnapshotMetadata) -> [UInt8] {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    // Encoding plain strings, numbers and arrays cannot fail.
    return [UInt8]((try? encoder.encode(metadata)) ?? Data())
  }

  // MARK: - Reading

  /// Parses and validates a whole file.
  public static func parse(_ bytes: [UInt8]) throws(SnapshotFormatError) -> SnapshotFile {
    let parsed = bytes.withUnsafeBytes { buffer in
      Result { () throws(SnapshotFormatError) in
        let header = try parseHeader(buffer)
        let metadata = try parseMetadata(buffer, header: header)
        try checkPayload(buffer, header: header)
        return (header, metadata)
      }
    }
    let (header, metadata) = try parsed.get()
    let payloadEnd = header.headerSize + header.storedSize
    let signature = header.isSigned ? try SnapshotSignature(trailer: bytes[payloadEnd...]) : nil
    return SnapshotFile(
      header: header, metadata: metadata, payload: Array(bytes[header.headerSize..<payloadEnd]), signature: signature)
  }

  private init(header: SnapshotHeader, metadata: SnapshotMetadata, payload: [UInt8], signature: SnapshotSignature?) {
    self.header = header
    self.metadata = metadata
    self.payload = payload
    self.signature = signature
  }

  /// Reads and validates the fixed prefix and the header checksum.
  static func parseHeader(_ buffer: UnsafeRawBufferPointer) throws(SnapshotFormatError)
    -> SnapshotHeader
  {
    guard !buffer.isEmpty else { throw .emptyFile }
    let magicLength = SnapshotHeader.magic.count
    guard buffer.count >= magicLength, Array(buffer[0..<magicLength]) == SnapshotHeader.magic else {
      if buffer.count < magicLength,
        Array(buffer) == Array(SnapshotHeader.magic.prefix(buffer.count))
      {
        throw .truncatedHeader(needed: SnapshotHeader.prefixSize, actual: buffer.count)
      }
      throw .badMagic
    }
    guard buffer.count >= SnapshotHeader.prefixSize else {
      throw .truncatedHeader(needed: SnapshotHeader.prefixSize, actual: buffer.count)
    }
    let version = buffer.littleEndianUInt32(at: SnapshotHeader.Offset.version)
    guard version == SnapshotHeader.formatVersion else { throw .unsupportedFormatVersion(version) }

    let headerSize = Int(buffer.littleEndianUInt32(at: SnapshotHeader.Offset.headerSize))
    let metadataSize = Int(buffer.littleEndianUInt32(at: SnapshotHeader.Offset.metadataSize))
    let stored = buffer.littleEndianUInt32(at: SnapshotHeader.Offset.headerChecksum)
    guard headerSize >= SnapshotHeader.prefixSize, headerSize <= SnapshotHeader.maximumHeaderSize,
      headerSize % 16 == 0
    else {
      throw .malformedHeader("header size \(headerSize) is out of range")
    }
    guard buffer.count >= headerSize else {
      throw .truncatedHeader(needed: headerSize, actual: buffer.count)
    }
    var computed = CRC32.checksum(UnsafeRawBufferPointer(rebasing: buffer[0..<SnapshotHeader.Offset.headerChecksum]))
    computed = withUnsafeBytes(of: UInt32(0)) { CRC32.checksum($0, initial: computed) }
    computed = CRC32.checksum(
      UnsafeRawBufferPointer(rebasing: buffer[(SnapshotHeader.Offset.headerChecksum + 4)..<headerSize]),
      initial: computed)
    guard computed == stored else { throw .headerChecksumMismatch(stored: stored, computed: computed) }

    // A header with a valid checksum was written by a writer; still refuse inconsistent fields.
    guard SnapshotHeader.prefixSize + metadataSize <= headerSize,
      headerSize - (SnapshotHeader.prefixSize + metadataSize) < 16
    else {
      throw .malformedHeader("metadata size \(metadataSize) does not fit header size \(headerSize)")
    }
    let flags = buffer[SnapshotHeader.Offset.flags]
    guard flags & ~SnapshotHeader.signedFlag == 0 else { throw .malformedHeader("unknown header flags \(flags)") }
    guard buffer[SnapshotHeader.Offset.reserved..<SnapshotHeader.Offset.compatibilityKey].allSatisfy({ $0 == 0 }),
      buffer[SnapshotHeader.Offset.reservedTail..<SnapshotHeader.prefixSize].allSatisfy({ $0 == 0 }),
      buffer[(SnapshotHeader.prefixSize + metadataSize)..<headerSize].allSatisfy({ $0 == 0 })
    else {
      throw .malformedHeader("reserved bytes are not zero")
    }
    let codecByte = buffer[SnapshotHeader.Offset.codec]
    guard let codec = PayloadCodec(rawValue: codecByte) else { throw .unknownCodec(codecByte) }
    let rawSize = buffer.littleEndianUInt64(at: SnapshotHeader.Offset.rawSize)
    let storedSize = buffer.littleEndianUInt64(at: SnapshotHeader.Offset.storedSize)
    guard rawSize > 0, rawSize <= UInt64(SnapshotHeader.maximumRawSize),
      storedSize <= UInt64(SnapshotHeader.maximumRawSize)
    else {
      throw .malformedHeader("payload sizes are out of range (raw \(rawSize), stored \(storedSize))")
    }
    switch codec {
    case .none where rawSize != storedSize:
      throw .sizeMismatch("uncompressed payload: raw size \(rawSize) differs from stored size \(storedSize)")
    case .zlib where rawSize > storedSize &* 1032 &+ 64, .lz4 where rawSize > storedSize &* 256 &+ 64:
      throw .sizeMismatch("raw size \(rawSize) is more than \(codec.name) can inflate \(storedSize) bytes to")
    default: break
    }
    return SnapshotHeader(
      headerSize: headerSize, metadataSize: metadataSize, headerChecksum: stored,
      rawSize: Int(rawSize), storedSize: Int(storedSize),
      payloadChecksum: buffer.littleEndianUInt32(at: SnapshotHeader.Offset.payloadChecksum),
      codec: codec,
      compatibilityKey: Array(buffer[SnapshotHeader.Offset.compatibilityKey..<SnapshotHeader.Offset.compatibilityKeyEnd]),
      flags: flags)
  }

  static func parseMetadata(_ buffer: UnsafeRawBufferPointer, header: SnapshotHeader)
    throws(SnapshotFormatError) -> SnapshotMetadata
  {
    let start = SnapshotHeader.prefixSize
    let json = Data(buffer[start..<(start + header.metadataSize)])
    let metadata: SnapshotMetadata
    do {
      metadata = try JSONDecoder().decode(SnapshotMetadata.self, from: json)
    } catch {
      throw .malformedHeader("metadata is not valid: \(error)")
    }
    guard CompatibilityKey.of(metadata) == header.compatibilityKey else {
      throw .malformedHeader("the compatibility key does not match the metadata")
    }
    return metadata
  }

  /// Checks the payload's length and checksum.
  static func checkPayload(_ buffer: UnsafeRawBufferPointer, header: SnapshotHeader)
    throws(SnapshotFormatError)
  {
    let trailer = header.isSigned ? SnapshotSignature.trailerSize : 0
    let present = buffer.count - header.headerSize - trailer
    guard present >= header.storedSize else {
      if header.isSigned && buffer.count - header.headerSize >= header.storedSize {
        throw .malformedHeader("the header says the file is signed, but the signature trailer is missing or cut short")
      }
      throw .truncatedPayload(expected: header.storedSize, actual: max(0, present))
    }
    guard present == header.storedSize else {
      throw .sizeMismatch("\(present - header.storedSize) unexpected bytes after the \(header.isSigned ? "signature" : "payload")")
    }
    let payloadEnd = header.headerSize + header.storedSize
    let computed = CRC32.checksum(UnsafeRawBufferPointer(rebasing: buffer[header.headerSize..<payloadEnd]))
    guard computed == header.payloadChecksum else {
      throw .payloadChecksumMismatch(stored: header.payloadChecksum, computed: computed)
    }
  }

  // MARK: - Using

  /// The raw V8 blob in a new malloc'd buffer owned by the caller.
  func inflateBlob() throws(SnapshotFormatError) -> UnsafeMutableRawBufferPointer {
    try payload.withUnsafeBytes { stored in
      Result { () throws(SnapshotFormatError) in try header.codec.decode(stored, rawSize: header.rawSize) }
    }.get()
  }

  /// The raw V8 blob.
  public func blob() throws(SnapshotFormatError) -> [UInt8] {
    let buffer = try inflateBlob()
    defer { buffer.baseAddress.map { free($0) } }
    return Array(buffer)
  }

  /// Refuses a snapshot that the given runtime cannot boot.
  public func checkCompatibility(with environment: RuntimeEnvironment) throws(SnapshotFormatError) {
    try environment.check(metadata)
  }

  // MARK: - Booting

  /// Validates a whole file for booting: header, checksums and sizes, but the metadata JSON is
  /// decoded only if `environment` does not accept the compatibility key (to explain why).
  /// Returns the header; the payload is `bytes[header.headerSize...]`.
  static func validateForBoot(_ bytes: [UInt8], environment: RuntimeEnvironment) throws(SnapshotFormatError)
    -> SnapshotHeader
  {
    try bytes.withUnsafeBytes { buffer in
      Result { () throws(SnapshotFormatError) in
        let header = try parseHeader(buffer)
        try checkPayload(buffer, header: header)
        try environment.check(key: header.compatibilityKey) { () throws(SnapshotFormatError) in
          try parseMetadata(buffer, header: header)
        }
        return header
      }
    }.get()
  }

  /// Inflates the payload of a validated file into a new malloc'd buffer owned by the caller.
  static func inflateBlob(of bytes: [UInt8], header: SnapshotHeader) throws(SnapshotFormatError)
    -> UnsafeMutableRawBufferPointer
  {
    try bytes.withUnsafeBytes { buffer in
      Result { () throws(SnapshotFormatError) in
        try header.codec.decode(
          UnsafeRawBufferPointer(rebasing: buffer[header.headerSize..<(header.headerSize + header.storedSize)]), rawSize: header.rawSize)
      }
    }.get()
  }
}
