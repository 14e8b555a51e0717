#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import CZlib

/// How the V8 blob is stored after the header.
public enum PayloadCodec: UInt8, Sendable, Codable, CaseIterable {
  case none = 0
  case zlib = 1

  /// The name used in configs and on the command line.
  public var name: String {
    switch self {
    case .none: "none"
    case .zlib: "zlib"
    }
  }

  public init?(name: String) {
    guard let codec = Self.allCases.first(where: { $0.name == name }) else { return nil }
    self = codec
  }

  /// Compresses `raw`.
  public func encode(_ raw: [UInt8], level: Int32 = 9) throws(SnapshotFormatError) -> [UInt8] {
    switch self {
    case .none:
      return raw
    case .zlib:
      var capacity = compressBound(uLong(raw.count))
      var output = [UInt8](repeating: 0, count: Int(capacity))
      let status = output.withUnsafeMutableBufferPointer { out in
        raw.withUnsafeBufferPointer { input in
          compress2(out.baseAddress, &capacity, input.baseAddress, uLong(input.count), level)
        }
      }
      guard status == Z_OK else { throw .decompressionFailed("zlib compress2 failed (\(status))") }
      output.removeSubrange(Int(capacity)...)
      return output
    }
  }

  /// Decompresses `stored` into a new malloc'd buffer of exactly `rawSize` bytes, which the
  /// caller owns (it can be handed to the shim without another copy).
  func decode(_ stored: UnsafeRawBufferPointer, rawSize: Int) throws(SnapshotFormatError)
    -> UnsafeMutableRawBufferPointer
  {
    guard let output = malloc(max(rawSize, 1)) else {
      throw .decompressionFailed("cannot allocate \(rawSize) bytes")
    }
    let buffer = UnsafeMutableRawBufferPointer(start: output, count: rawSize)
    switch self {
    case .none:
      guard stored.count == rawSize else {
        free(output)
        throw .sizeMismatch("uncompressed payload is \(stored.count) bytes, header says \(rawSize)")
      }
      if rawSize > 0 { buffer.copyMemory(from: stored) }
      return buffer
    case .zlib:
      var produced = uLongf(rawSize)
      let status = uncompress(
        output.assumingMemoryBound(to: Bytef.self), &produced,
        stored.baseAddress?.assumingMemoryBound(to: Bytef.self), uLong(stored.count))
      guard status == Z_OK else {
        free(output)
        throw status == Z_BUF_ERROR
          ? .sizeMismatch("payload inflates to more than the \(rawSize) bytes the header says")
          : .decompressionFailed("zlib error \(status)")
      }
      guard Int(produced) == rawSize else {
        free(output)
        throw .sizeMismatch("payload inflates to \(produced) bytes, header says \(rawSize)")
      }
      return buffer
    }
  }
}
