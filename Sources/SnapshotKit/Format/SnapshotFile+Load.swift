/// Why a snapshot file could not be loaded: it could not be read, or it is not a sound snapshot.
public enum SnapshotLoadError: Error, Sendable, CustomStringConvertible {
  case unreadable(FileReadError)
  case invalid(SnapshotFormatError)

  public var description: String {
    switch self {
    case .unreadable(let error): error.description
    case .invalid(let error): error.description
    }
  }
}

extension SnapshotFile {
  /// Reads and parses a snapshot file, looking at its fixed prefix first: a file that is not
  /// a snapshot, or whose header announces another size than the file has, is refused after
  /// reading 96 bytes instead of all of it (a multi-GB file is never loaded to be rejected).
  public static func load(contentsOf path: String) throws(SnapshotLoadError) -> SnapshotFile {
    let prefix: (bytes: [UInt8], fileSize: Int)
    do { prefix = try FileBytes.readPrefix(path, count: SnapshotHeader.prefixSize) } catch { throw .unreadable(error) }
    let magic = SnapshotHeader.magic
    guard prefix.bytes.count == SnapshotHeader.prefixSize, prefix.bytes.starts(with: magic) else {
      // Too short to be a snapshot, or not one: the parser names which, from these bytes alone.
      if prefix.fileSize > prefix.bytes.count { throw .invalid(.badMagic) }
      do { return try parse(prefix.bytes) } catch { throw .invalid(error) }
    }
    let (headerSize, storedSize) = prefix.bytes.withUnsafeBytes {
      (Int($0.littleEndianUInt32(at: SnapshotHeader.Offset.headerSize)), $0.littleEndianUInt64(at: SnapshotHeader.Offset.storedSize))
    }
    let trailer = prefix.bytes[SnapshotHeader.Offset.flags] & SnapshotHeader.signedFlag != 0 ? SnapshotSignature.trailerSize : 0
    let announced = UInt64(headerSize + trailer).addingReportingOverflow(storedSize)
    guard !announced.overflow, announced.partialValue == UInt64(prefix.fileSize) else {
      throw .invalid(.sizeMismatch("the header announces \(headerSize) + \(storedSize)\(trailer > 0 ? " + \(trailer)" : "") bytes, the file has \(prefix.fileSize)"))
    }
    let bytes: [UInt8]
    do { bytes = try FileBytes.read(path, maximumSize: prefix.fileSize) } catch { throw .unreadable(error) }
    do { return try parse(bytes) } catch { throw .invalid(error) }
  }
}
