#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import Foundation

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
  @discardableResult
  public static func write(_ bytes: [UInt8], to path: String) throws(WriteError) -> Outcome {
    var status = stat()
    if stat(path, &status) == 0 {
      if (status.st_mode & S_IFMT) == S_IFDIR {
        throw WriteError(path: path, reason: "it is a directory")
      }
      if Int(status.st_size) == bytes.count, let existing = FileManager.default.contents(atPath: path),
        existing.elementsEqual(bytes)
      {
        return .unchanged
      }
    }
    let directory = (path as NSString).deletingLastPathComponent.isEmpty ? "." : (path as NSString).deletingLastPathComponent
    var directoryStatus = stat()
    guard stat(directory, &directoryStatus) == 0 else {
      throw WriteError(path: path, reason: "folder \(directory) does not exist")
    }
    let name = (path as NSString).lastPathComponent
    var template = Array("\(directory)/.\(name).tmp-XXXXXX".utf8CString)
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
    guard rename(temporary, path) == 0 else { throw WriteError(path: path, reason: errorText()) }
    committed = true
    let folder = open(directory, O_RDONLY)
    if folder >= 0 {
      fsync(folder)
      close(folder)
    }
    return .written
  }

  private static func errorText() -> String { String(cString: strerror(errno)) }
}
