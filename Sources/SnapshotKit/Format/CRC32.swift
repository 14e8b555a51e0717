import CZlib

/// CRC-32 (the zlib/PNG polynomial) through zlib's optimised implementation.
public enum CRC32 {
  /// The checksum of `bytes`, continuing from `initial` (0 for a new checksum).
  public static func checksum(_ bytes: UnsafeRawBufferPointer, initial: UInt32 = 0) -> UInt32 {
    guard let base = bytes.baseAddress, !bytes.isEmpty else { return initial }
    return UInt32(
      crc32_z(UInt(initial), base.assumingMemoryBound(to: Bytef.self), bytes.count))
  }

  public static func checksum(_ bytes: [UInt8]) -> UInt32 {
    bytes.withUnsafeBytes { checksum($0) }
  }
}
