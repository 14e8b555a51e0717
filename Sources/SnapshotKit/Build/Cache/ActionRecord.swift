/// An action-cache entry: which content-addressed blob holds the snapshot for a ``CacheKey``.
///
/// Encoded as the smallest valid Bazel `ActionResult` protocol buffer (remote execution API
/// v2): one `output_files` entry (field 2) whose `path` (field 1) is `snapshot.bin` and whose
/// `digest` (field 2) carries the blob's SHA-256 as lowercase hex (`hash`, field 1) and its size
/// (`size_bytes`, field 2). bazel-remote therefore accepts the entry with its default AC
/// validation on, and the same bytes are stored under `ac/` in the local cache. A build
/// manifest (direct mode, see the README) is recorded the same way under the path `snapgen-manifest.json`.
public struct ActionRecord: Sendable, Equatable {
  /// The output path recorded for the snapshot.
  public static let outputPath = "snapshot.bin"

  /// The hex SHA-256 of the snapshot bytes (the `cas/` name).
  public var sha256: String
  /// The blob's size in bytes.
  public var size: Int
  /// The output path recorded (``outputPath`` for a snapshot).
  public var path: String

  public init(sha256: String, size: Int, path: String = ActionRecord.outputPath) {
    self.sha256 = sha256
    self.size = size
    self.path = path
  }

  /// The protocol-buffer encoding.
  public var encoded: [UInt8] {
    var digest: [UInt8] = []
    Self.appendField(1, bytes: Array(sha256.utf8), to: &digest)
    digest.append(0x10)  // field 2, varint
    Self.appendVarint(UInt64(size), to: &digest)
    var file: [UInt8] = []
    Self.appendField(1, bytes: Array(path.utf8), to: &file)
    Self.appendField(2, bytes: digest, to: &file)
    var result: [UInt8] = []
    Self.appendField(2, bytes: file, to: &result)
    return result
  }

  /// Decodes an entry; nil for anything that is not a well-formed record naming `path`
  /// (default `snapshot.bin`) with a 64-hex-digit SHA-256 and a plausible size.
  public static func decode(_ bytes: [UInt8], path expected: String = outputPath) -> ActionRecord? {
    var reader = ProtoReader(bytes[...])
    while let (field, value) = reader.next() {
      guard field == 2, case .bytes(let fileBytes) = value else { continue }
      var file = ProtoReader(fileBytes)
      var path: String?
      var record: ActionRecord?
      while let (fileField, fileValue) = file.next() {
        guard case .bytes(let inner) = fileValue else { continue }
        if fileField == 1 { path = String(decoding: inner, as: UTF8.self) }
        if fileField == 2 { record = digest(inner) }
      }
      guard !file.failed, path == expected, var record else { continue }
      record.path = expected
      return reader.failed ? nil : record
    }
    return nil
  }

  private static func digest(_ bytes: ArraySlice<UInt8>) -> ActionRecord? {
    var reader = ProtoReader(bytes)
    var hash: String?
    var size: UInt64?
    while let (field, value) = reader.next() {
      switch (field, value) {
      case (1, .bytes(let text)): hash = String(decoding: text, as: UTF8.self)
      case (2, .varint(let number)): size = number
      default: continue
      }
    }
    guard !reader.failed, let hash, hash.count == 64, hash.utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }),
      let size, size <= UInt64(Int32.max)
    else { return nil }
    return ActionRecord(sha256: hash, size: Int(size))
  }

  private static func appendField(_ number: UInt64, bytes: [UInt8], to output: inout [UInt8]) {
    appendVarint(number << 3 | 2, to: &output)
    appendVarint(UInt64(bytes.count), to: &output)
    output += bytes
  }

  private static func appendVarint(_ value: UInt64, to output: inout [UInt8]) {
    var rest = value
    while rest >= 0x80 {
      output.append(UInt8(rest & 0x7F) | 0x80)
      rest >>= 7
    }
    output.append(UInt8(rest))
  }
}

/// Reads protocol-buffer fields; stops (and sets `failed`) at anything malformed.
struct ProtoReader {
  enum Value {
    case varint(UInt64)
    case bytes(ArraySlice<UInt8>)
  }

  private var bytes: ArraySlice<UInt8>
  private(set) var failed = false

  init(_ bytes: ArraySlice<UInt8>) { self.bytes = bytes }

  mutating func next() -> (UInt64, Value)? {
    guard !failed, !bytes.isEmpty else { return nil }
    guard let tag = varint() else { return fail() }
    switch tag & 7 {
    case 0:
      guard let value = varint() else { return fail() }
      return (tag >> 3, .varint(value))
    case 1, 5:
      let width = tag & 7 == 1 ? 8 : 4
      guard bytes.count >= width else { return fail() }
      bytes = bytes.dropFirst(width)
      return (tag >> 3, .varint(0))
    case 2:
      guard let length = varint(), length <= UInt64(bytes.count) else { return fail() }
      let value = bytes.prefix(Int(length))
      bytes = bytes.dropFirst(Int(length))
      return (tag >> 3, .bytes(value))
    default:
      return fail()
    }
  }

  private mutating func fail() -> (UInt64, Value)? {
    failed = true
    return nil
  }

  private mutating func varint() -> UInt64? {
    var result: UInt64 = 0
    var shift: UInt64 = 0
    while let byte = bytes.first, shift < 64 {
      bytes = bytes.dropFirst()
      result |= UInt64(byte & 0x7F) << shift
      if byte & 0x80 == 0 { return result }
      shift += 7
    }
    return nil
  }
}
