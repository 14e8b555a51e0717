import Glibc

/// Reads files with plain POSIX calls: one allocation, no Foundation on the boot path.
///
/// Only regular files are read. The file is opened non-blocking and checked with `fstat`
/// before the first read, so a FIFO, a device or a socket given where a file is expected is
/// refused at once instead of blocking forever.
public enum FileBytes {
  /// The file's bytes.
  ///
  /// - Parameters:
  ///   - path: the file to read.
  ///   - maximumSize: refuse larger files before reading them (nil: no limit).
  public static func read(_ path: String, maximumSize: Int? = nil) throws(FileReadError) -> [UInt8] {
    let file = try OpenFile(path)
    defer { close(file.descriptor) }
    if let maximumSize, file.size > maximumSize {
      throw FileReadError(path: path, reason: "it has \(file.size) bytes, more than the \(maximumSize) this reads")
    }
    return try file.read(file.size, path: path)
  }

  /// The file's bytes and its identity, when the file did not change while it was read (the
  /// identity is nil when it did, or when the file was shorter than its size said).
  public static func readIdentified(_ path: String, maximumSize: Int? = nil) throws(FileReadError) -> (bytes: [UInt8], identity: FileIdentity?) {
    let file = try OpenFile(path)
    defer { close(file.descriptor) }
    if let maximumSize, file.size > maximumSize {
      throw FileReadError(path: path, reason: "it has \(file.size) bytes, more than the \(maximumSize) this reads")
    }
    let bytes = try file.read(file.size, path: path)
    var after = stat()
    guard fstat(file.descriptor, &after) == 0, bytes.count == file.size else { return (bytes, nil) }
    let before = file.identity
    let now = FileIdentity(after)
    return (bytes, before == now ? now : nil)
  }

  /// The first `count` bytes (fewer when the file is shorter) and the file's size.
  public static func readPrefix(_ path: String, count: Int) throws(FileReadError) -> (bytes: [UInt8], fileSize: Int) {
    let file = try OpenFile(path)
    defer { close(file.descriptor) }
    return (try file.read(min(count, file.size), path: path), file.size)
  }

  /// A regular file opened for reading.
  private struct OpenFile {
    let descriptor: Int32
    let size: Int
    let identity: FileIdentity

    init(_ path: String) throws(FileReadError) {
      let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
      guard descriptor >= 0 else { throw FileReadError(path: path, reason: String(cString: strerror(errno))) }
      var status = stat()
      guard fstat(descriptor, &status) == 0 else {
        let reason = String(cString: strerror(errno))
        close(descriptor)
        throw FileReadError(path: path, reason: reason)
      }
      guard (status.st_mode & S_IFMT) == S_IFREG else {
        close(descriptor)
        throw FileReadError(path: path, reason: "not a regular file (\(Self.kindName(status.st_mode)))")
      }
      self.descriptor = descriptor
      size = Int(status.st_size)
      identity = FileIdentity(status)
    }

    func read(_ size: Int, path: String) throws(FileReadError) -> [UInt8] {
      var failure: String?
      let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
        var offset = 0
        while offset < size {
          let got = Glibc.read(descriptor, buffer.baseAddress! + offset, size - offset)
          if got < 0 {
            if errno == EINTR { continue }
            failure = String(cString: strerror(errno))
            break
          }
          if got == 0 { break }  // the file shrank while we read it
          offset += got
        }
        count = offset
      }
      if let failure { throw FileReadError(path: path, reason: failure) }
      return bytes
    }

    static func kindName(_ mode: mode_t) -> String {
      switch mode & S_IFMT {
      case S_IFDIR: "a folder"
      case S_IFIFO: "a FIFO"
      case S_IFCHR: "a character device"
      case S_IFBLK: "a block device"
      case S_IFSOCK: "a socket"
      default: "not a file"
      }
    }
  }
}

/// A file that could not be read.
public struct FileReadError: Error, Sendable, CustomStringConvertible {
  public var path: String
  public var reason: String
  public var description: String { "cannot read \(path): \(reason)" }
}
