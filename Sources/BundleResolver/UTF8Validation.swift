/// Finds where a byte sequence stops being valid UTF-8, for diagnostics that point at the byte.
enum UTF8Validation {
  /// The offset of the first byte that starts an invalid or truncated sequence, or nil.
  static func firstInvalidOffset(_ bytes: [UInt8]) -> Int? {
    var index = 0
    while index < bytes.count {
      let lead = bytes[index]
      let length: Int
      var minimum: UInt32
      switch lead {
      case 0x00...0x7F: index += 1; continue
      case 0xC2...0xDF: length = 2; minimum = 0x80
      case 0xE0...0xEF: length = 3; minimum = 0x800
      case 0xF0...0xF4: length = 4; minimum = 0x10000
      default: return index
      }
      guard index + length <= bytes.count else { return index }
      var scalar = UInt32(lead) & (0xFF >> (length + 1))
      for offset in 1..<length {
        let byte = bytes[index + offset]
        guard byte & 0xC0 == 0x80 else { return index }
        scalar = scalar << 6 | UInt32(byte & 0x3F)
      }
      if scalar < minimum || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) {
        return index
      }
      index += length
    }
    return nil
  }
}
