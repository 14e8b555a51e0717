import CDeflate

/// CRC-32 (the zlib/PNG polynomial) through libdeflate's vectorised implementation.
public enum CRC32 {
  /// The checksum of `bytes`, continuing from `initial` (0 for a new checksum).
  public static func checksum(_ bytes: UnsafeRawBufferPointer, initial: UInt32 = 0) -> UInt32 {
    guard let base = bytes.baseAddress, !bytes.isEmpty else { return initial }
    return libdeflate_crc32(initial, base, bytes.count)
  }

  public static func checksum(_ bytes: [UInt8]) -> UInt32 {
    bytes.withUnsafeBytes { checksum($0) }
  }
}
