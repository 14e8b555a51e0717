#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads whole files with plain POSIX calls: one allocation, no Foundation on the boot path.
public enum FileBytes {
  /// The file's bytes, or an error message naming the reason.
  public static func read(_ path: String) throws(FileReadError) -> [UInt8] {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { throw FileReadError(path: path, reason: String(cString: strerror(errno))) }
    defer { close(descriptor) }
    var status = stat()
    guard fstat(descriptor, &status) == 0 else { throw FileReadError(path: path, reason: String(cString: strerror(errno))) }
    guard (status.st_mode & S_IFMT) == S_IFREG else { throw FileReadError(path: path, reason: "not a regular file") }
    let size = Int(status.st_size)
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
}

/// A file that could not be read.
public struct FileReadError: Error, Sendable, CustomStringConvertible {
  public var path: String
  public var reason: String
  public var description: String { "cannot read \(path): \(reason)" }
}
