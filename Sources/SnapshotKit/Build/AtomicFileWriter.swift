import Glibc
import FoundationEssentials

/// Writes a file so that readers see either the old contents or the new, never a mix: a
/// temporary file in the same folder, flushed to disk, then renamed over the target.
public enum AtomicFileWriter {
  /// Whether the file was written or already held these bytes.
  public enum Outcome: Equatable, Sendable {
    case written, unchanged
  }

  /// Why a write failed; the target is untouched.
  public struct WriteError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var reason: String
    public var description: String { "cannot write \(path): \(reason)" }
  }

  /// Writes `bytes` to `path` unless it already holds exactly them.
  ///
  /// Temporary files are named `.<name>.tmp-<pid>-XXXXXX`; ones left behind by a writer that
  /// was killed (its process is gone) are removed first.
  ///
  /// Only regular files are written. An existing target that is a folder, a device, a FIFO or a
  /// socket (`/dev/stdout`, say) is refused; a symbolic link to a regular file is written
  /// through (its target is replaced atomically and the link stays a link).
  ///
  /// - Parameters:
  ///   - bytes: the complete new contents.
  ///   - requestedPath: the file to write; its folder must exist.
  ///   - beforeRename: called after the temporary file is complete and flushed, just
  ///     before it replaces the target (tests use it to kill a writer mid-write).
  /// - Returns: whether the file was written or already held these bytes.
  @discardableResult
  public static func write(
    _ bytes: [UInt8], to requestedPath: String, beforeRename: (() -> Void)? = nil
  ) throws(WriteError) -> Outcome {
    var path = requestedPath
    var status = stat()
    if stat(path, &status) == 0 {
      switch status.st_mode & S_IFMT {
      case S_IFREG: break
      case S_IFDIR: throw WriteError(path: path, reason: "it is a directory")
      case S_IFCHR, S_IFBLK: throw WriteError(path: path, reason: "it is a device, not a regular file")
      case S_IFIFO: throw WriteError(path: path, reason: "it is a pipe (FIFO), not a regular file")
      default: throw WriteError(path: path, reason: "it is not a regular file")
      }
      var linkStatus = stat()
      if lstat(path, &linkStatus) == 0, (linkStatus.st_mode & S_IFMT) == S_IFLNK, let real = realpath(path, nil) {
        path = String(cString: real)
        free(real)
      }
      if Int(status.st_size) == bytes.count, let existing = try? FileBytes.read(path),
        existing.elementsEqual(bytes)
      {
        return .unchanged
      }
    }
    let slash = path.lastIndex(of: "/")
    let directory = slash.map { $0 == path.startIndex ? "/" : String(path[..<$0]) } ?? "."
    var directoryStatus = stat()
    guard stat(directory, &directoryStatus) == 0 else {
      throw WriteError(path: path, reason: "folder \(directory) does not exist")
    }
    let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
    removeStaleTemporaries(of: name, in: directory)
    var template = Array("\(directory)/.\(name).tmp-\(getpid())-XXXXXX".utf8CString)
    let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
    guard descriptor >= 0 else { throw WriteError(path: path, reason: errorText()) }
    let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    var committed = false
    defer {
      if !committed { unlink(temporary) }
    }
    var offset = 0
    while offset < bytes.count {
      let written = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress! + offset, $0.count - offset) }
      if written < 0 {
        if errno == EINTR { continue }
        let reason = errorText()
        close(descriptor)
        throw WriteError(path: path, reason: reason)
      }
      offset += written
    }
    fchmod(descriptor, 0o644)
    if fsync(descriptor) != 0 {
      let reason = errorText()
      close(descriptor)
      throw WriteError(path: path, reason: reason)
    }
    guard close(descriptor) == 0 else { throw WriteError(path: path, reason: errorText()) }
    beforeRename?()
    guard rename(temporary, path) == 0 else { throw WriteError(path: path, reason: errorText()) }
    committed = true
    let folder = open(directory, O_RDONLY)
    if folder >= 0 {
      fsync(folder)
      close(folder)
    }
    return .written
  }

  /// Removes `.<name>.tmp-<pid>-*` files in `directory` whose writer process no longer exists.
  /// Failures are ignored: a temporary that cannot be removed does no harm.
  static func removeStaleTemporaries(of name: String, in directory: String) {
    let prefix = ".\(name).tmp-"
    guard let entries = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return }
    for entry in entries where entry.hasPrefix(prefix) {
      let rest = entry.dropFirst(prefix.count)
      guard let dash = rest.firstIndex(of: "-"), let pid = pid_t(rest[..<dash]), pid > 0 else { continue }
      if kill(pid, 0) != 0 && errno == ESRCH {
        unlink("\(directory)/\(entry)")
      }
    }
  }

  private static func errorText() -> String { String(cString: strerror(errno)) }
}
