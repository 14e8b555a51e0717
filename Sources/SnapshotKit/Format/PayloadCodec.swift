import Glibc
import CDeflate
import CLZ4
import Dispatch
import Synchronization

/// How the V8 blob is stored after the header.
///
/// Compressed payloads are split into chunks of ``chunkSize`` raw bytes, compressed
/// independently, so that they inflate in parallel:
///
/// ```
/// u32 chunk count
/// per chunk: u32 raw size, u32 stored size
/// the chunks' stored bytes, in order
/// ```
public enum PayloadCodec: UInt8, Sendable, Codable, CaseIterable {
  case none = 0
  /// zlib format (RFC 1950), written and read with libdeflate.
  case zlib = 1
  /// LZ4 block format, written with LZ4HC.
  case lz4 = 2

  /// Raw bytes per chunk.
  public static let chunkSize = 256 * 1024

  /// The name used in configs and on the command line.
  public var name: String {
    switch self {
    case .none: "none"
    case .zlib: "zlib"
    case .lz4: "lz4"
    }
  }

  public init?(name: String) {
    guard let codec = Self.allCases.first(where: { $0.name == name }) else { return nil }
    self = codec
  }

  // MARK: - Encoding

  /// Compresses `raw` at `level` (1–12; higher is smaller and slower to write, not to read).
  public func encode(_ raw: [UInt8], level: Int32 = 9) throws(SnapshotFormatError) -> [UInt8] {
    guard self != .none else { return raw }
    var table: [UInt8] = []
    var body: [UInt8] = []
    let chunks = stride(from: 0, to: raw.count, by: Self.chunkSize).map { $0..<min($0 + Self.chunkSize, raw.count) }
    table.appendLittleEndian(UInt32(chunks.count))
    for range in chunks {
      let stored = try raw.withUnsafeBytes { buffer in
        Result { () throws(SnapshotFormatError) in
          try compressChunk(UnsafeRawBufferPointer(rebasing: buffer[range]), level: level)
        }
      }.get()
      table.appendLittleEndian(UInt32(range.count))
      table.appendLittleEndian(UInt32(stored.count))
      body.append(contentsOf: stored)
    }
    return table + body
  }

  private func compressChunk(_ input: UnsafeRawBufferPointer, level: Int32) throws(SnapshotFormatError) -> [UInt8] {
    switch self {
    case .none:
      return Array(input)
    case .zlib:
      guard let compressor = libdeflate_alloc_compressor(max(1, min(level, 12))) else {
        throw .decompressionFailed("libdeflate cannot allocate a compressor")
      }
      defer { libdeflate_free_compressor(compressor) }
      var output = [UInt8](repeating: 0, count: libdeflate_zlib_compress_bound(compressor, input.count))
      let written = output.withUnsafeMutableBytes {
        libdeflate_zlib_compress(compressor, input.baseAddress, input.count, $0.baseAddress, $0.count)
      }
      guard written > 0 else { throw .decompressionFailed("libdeflate could not compress a chunk") }
      return Array(output.prefix(written))
    case .lz4:
      var output = [UInt8](repeating: 0, count: Int(LZ4_compressBound(Int32(input.count))))
      let written = output.withUnsafeMutableBytes { out in
        LZ4_compress_HC(
          input.baseAddress?.assumingMemoryBound(to: CChar.self), out.baseAddress?.assumingMemoryBound(to: CChar.self),
          Int32(input.count), Int32(out.count), max(1, min(level, 12)))
      }
      guard written > 0 else { throw .decompressionFailed("lz4 could not compress a chunk") }
      return Array(output.prefix(Int(written)))
    }
  }

  // MARK: - Decoding

  /// One chunk's place in the stored payload and in the raw blob.
  struct Chunk {
    var rawOffset: Int
    var rawSize: Int
    var storedOffset: Int
    var storedSize: Int
  }

  /// Reads and checks the chunk table against the header's sizes.
  func chunks(in stored: UnsafeRawBufferPointer, rawSize: Int) throws(SnapshotFormatError) -> [Chunk] {
    guard stored.count >= 4 else { throw .sizeMismatch("the payload is too short for its chunk table") }
    let count = Int(stored.littleEndianUInt32(at: 0))
    let tableSize = 4 + count * 8
    guard count > 0, count <= rawSize / Self.chunkSize + 1, tableSize <= stored.count else {
      throw .sizeMismatch("the chunk table (\(count) chunks) does not fit the payload")
    }
    var chunks: [Chunk] = []
    chunks.reserveCapacity(count)
    var rawOffset = 0
    var storedOffset = tableSize
    for index in 0..<count {
      let chunkRaw = Int(stored.littleEndianUInt32(at: 4 + index * 8))
      let chunkStored = Int(stored.littleEndianUInt32(at: 8 + index * 8))
      guard chunkRaw > 0, chunkRaw <= Self.chunkSize, rawOffset + chunkRaw <= rawSize,
        storedOffset + chunkStored <= stored.count
      else {
        throw .sizeMismatch("chunk \(index) of the payload has sizes that do not fit")
      }
      chunks.append(Chunk(rawOffset: rawOffset, rawSize: chunkRaw, storedOffset: storedOffset, storedSize: chunkStored))
      rawOffset += chunkRaw
      storedOffset += chunkStored
    }
    guard rawOffset == rawSize, storedOffset == stored.count else {
      throw .sizeMismatch("the chunks add up to \(rawOffset) raw / \(storedOffset) stored bytes, not \(rawSize) / \(stored.count)")
    }
    return chunks
  }

  /// Decompresses `stored` into a new malloc'd buffer of exactly `rawSize` bytes, which the
  /// caller owns (it can be handed to the shim without another copy). Chunks inflate in
  /// parallel.
  func decode(_ stored: UnsafeRawBufferPointer, rawSize: Int) throws(SnapshotFormatError)
    -> UnsafeMutableRawBufferPointer
  {
    guard let output = malloc(max(rawSize, 1)) else {
      throw .decompressionFailed("cannot allocate \(rawSize) bytes")
    }
    let buffer = UnsafeMutableRawBufferPointer(start: output, count: rawSize)
    if self == .none {
      guard stored.count == rawSize else {
        free(output)
        throw .sizeMismatch("uncompressed payload is \(stored.count) bytes, header says \(rawSize)")
      }
      if rawSize > 0 { buffer.copyMemory(from: stored) }
      return buffer
    }
    do throws(SnapshotFormatError) {
      let chunks = try chunks(in: stored, rawSize: rawSize)
      let job = ParallelInflate(codec: self, stored: stored, output: buffer, chunks: chunks)
      // lz4 inflates a chunk in tens of microseconds: waking other threads costs more than it
      // saves (most of all in the first boot of a process). zlib chunks are worth spreading.
      if chunks.count == 1 || self == .lz4 {
        for index in chunks.indices { job.inflate(index) }
      } else {
        DispatchQueue.concurrentPerform(iterations: chunks.count) { job.inflate($0) }
      }
      if let failure = job.failure.withLock({ $0 }) { throw failure }
      return buffer
    } catch {
      free(output)
      throw error
    }
  }

  /// Inflates one chunk into its place; returns an error message or nil.
  func inflateChunk(_ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer) -> SnapshotFormatError? {
    switch self {
    case .none:
      return nil
    case .zlib:
      guard let decompressor = libdeflate_alloc_decompressor() else {
        return .decompressionFailed("libdeflate cannot allocate a decompressor")
      }
      defer { libdeflate_free_decompressor(decompressor) }
      var produced = 0
      let status = libdeflate_zlib_decompress(
        decompressor, input.baseAddress, input.count, output.baseAddress, output.count, &produced)
      switch status {
      case LIBDEFLATE_SUCCESS where produced == output.count: return nil
      case LIBDEFLATE_SUCCESS, LIBDEFLATE_SHORT_OUTPUT:
        return .sizeMismatch("a chunk inflates to \(produced) bytes, not the \(output.count) its table says")
      case LIBDEFLATE_INSUFFICIENT_SPACE:
        return .sizeMismatch("a chunk inflates to more than the \(output.count) bytes its table says")
      default:
        return .decompressionFailed("a zlib chunk is corrupt")
      }
    case .lz4:
      let produced = LZ4_decompress_safe(
        input.baseAddress?.assumingMemoryBound(to: CChar.self), output.baseAddress?.assumingMemoryBound(to: CChar.self),
        Int32(input.count), Int32(output.count))
      if produced < 0 { return .decompressionFailed("an lz4 chunk is corrupt") }
      if Int(produced) != output.count {
        return .sizeMismatch("a chunk inflates to \(produced) bytes, not the \(output.count) its table says")
      }
      return nil
    }
  }
}

/// One payload inflating chunk by chunk on several threads into disjoint parts of one buffer.
private final class ParallelInflate: @unchecked Sendable {
  let codec: PayloadCodec
  let stored: UnsafeRawBufferPointer
  let output: UnsafeMutableRawBufferPointer
  let chunks: [PayloadCodec.Chunk]
  let failure = Mutex<SnapshotFormatError?>(nil)

  init(codec: PayloadCodec, stored: UnsafeRawBufferPointer, output: UnsafeMutableRawBufferPointer, chunks: [PayloadCodec.Chunk]) {
    self.codec = codec
    self.stored = stored
    self.output = output
    self.chunks = chunks
  }

  func inflate(_ index: Int) {
    let chunk = chunks[index]
    let input = UnsafeRawBufferPointer(rebasing: stored[chunk.storedOffset..<(chunk.storedOffset + chunk.storedSize)])
    let target = UnsafeMutableRawBufferPointer(rebasing: output[chunk.rawOffset..<(chunk.rawOffset + chunk.rawSize)])
    if let error = codec.inflateChunk(input, into: target) {
      failure.withLock { if $0 == nil { $0 = error } }
    }
  }
}

extension Array where Element == UInt8 {
  mutating func appendLittleEndian(_ value: UInt32) {
    Swift.withUnsafeBytes(of: value.littleEndian) { append(contentsOf: $0) }
  }
}
