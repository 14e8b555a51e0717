/// Why a `snapshot.bin` cannot be used. Every check the reader makes has its own case, so that
/// callers (and `snapgen verify`) can tell an invalid file from an incompatible one.
public enum SnapshotFormatError: Error, Equatable, Sendable, CustomStringConvertible {
  // MARK: Invalid: the file is damaged or not a snapshot.
  case emptyFile
  case truncatedHeader(needed: Int, actual: Int)
  case badMagic
  case unsupportedFormatVersion(UInt32)
  case headerChecksumMismatch(stored: UInt32, computed: UInt32)
  case malformedHeader(String)
  case unknownCodec(UInt8)
  case truncatedPayload(expected: Int, actual: Int)
  case sizeMismatch(String)
  case payloadChecksumMismatch(stored: UInt32, computed: UInt32)
  case decompressionFailed(String)

  // MARK: Incompatible: a sound file built for another V8, flag set, platform or op table.
  case v8VersionMismatch(snapshot: String, runtime: String)
  case v8FlagsMismatch(snapshot: [String], runtime: [String])
  case platformMismatch(snapshot: String, runtime: String)
  case opTableMismatch(OpTableDifference)

  /// True for the cases where the file itself is sound but was built for something else.
  public var isIncompatibility: Bool {
    switch self {
    case .v8VersionMismatch, .v8FlagsMismatch, .platformMismatch, .opTableMismatch: true
    default: false
    }
  }

  public var description: String {
    switch self {
    case .emptyFile: "the snapshot file is empty"
    case .truncatedHeader(let needed, let actual):
      "the snapshot file is truncated: its header needs \(needed) bytes, the file has \(actual)"
    case .badMagic: "not a snapgen snapshot (wrong magic bytes)"
    case .unsupportedFormatVersion(let version):
      "snapshot format version \(version) is not supported (this snapgen reads version \(SnapshotHeader.formatVersion))"
    case .headerChecksumMismatch(let stored, let computed):
      "the snapshot header is corrupt (checksum \(hex(computed)), header says \(hex(stored)))"
    case .malformedHeader(let reason): "the snapshot header is malformed: \(reason)"
    case .unknownCodec(let codec): "the snapshot uses an unknown compression codec (\(codec))"
    case .truncatedPayload(let expected, let actual):
      "the snapshot file is truncated: payload should be \(expected) bytes, only \(actual) present"
    case .sizeMismatch(let reason): "the snapshot's sizes do not match: \(reason)"
    case .payloadChecksumMismatch(let stored, let computed):
      "the snapshot payload is corrupt (checksum \(hex(computed)), header says \(hex(stored)))"
    case .decompressionFailed(let reason): "the snapshot payload cannot be decompressed: \(reason)"
    case .v8VersionMismatch(let snapshot, let runtime):
      "the snapshot was built with V8 \(snapshot); this runtime links V8 \(runtime)"
    case .v8FlagsMismatch(let snapshot, let runtime):
      "the snapshot was built with V8 flags \(describe(snapshot)); this runtime runs with \(describe(runtime))"
    case .platformMismatch(let snapshot, let runtime):
      "the snapshot was built for \(snapshot); this runtime is \(runtime)"
    case .opTableMismatch(let difference):
      "the snapshot's op table does not match this runtime's: \(difference)"
    }
  }
}

private func hex(_ value: UInt32) -> String {
  let digits = String(value, radix: 16)
  return "0x" + String(repeating: "0", count: max(0, 8 - digits.count)) + digits
}

private func describe(_ flags: [String]) -> String {
  flags.isEmpty ? "(none)" : flags.joined(separator: " ")
}
