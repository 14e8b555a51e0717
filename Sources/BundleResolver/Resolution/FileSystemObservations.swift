import FoundationEssentials
import Glibc
import SnapgenCrypto

/// Everything one resolution pass learnt from the file system: what each probed path was, what
/// each path canonicalised to, each folder listing, and the SHA-256 of every file read.
///
/// Resolution is a function of these answers: when ``stillHold()`` finds the file system
/// answering every one of them the same way, resolving again would give the same graph. The
/// snapshot cache uses this to find a build's key without resolving (its "direct mode").
public struct FileSystemObservations: Codable, Sendable, Equatable {
  /// Path → `file`, `directory` or `missing`.
  public var kinds: [String: String] = [:]
  /// Path → its canonical path, or nil when it did not exist.
  public var canonicals: [String: String?] = [:]
  /// Folder → its sorted names.
  public var listings: [String: [String]] = [:]
  /// File → the hex SHA-256 of the bytes read, or nil when it could not be read.
  public var reads: [String: String?] = [:]

  public init() {}

  static func name(of kind: FilePaths.Kind) -> String {
    switch kind {
    case .file: "file"
    case .directory: "directory"
    case .missing: "missing"
    }
  }

  static func digest(_ bytes: [UInt8]?) -> String? {
    bytes.map { SHA256.hash(data: $0).hexString }
  }

  /// Whether the file system still answers every observation the same way (re-reads and
  /// re-hashes every file read).
  public func stillHold() -> Bool {
    for (path, kind) in kinds where Self.name(of: FilePaths.kind(of: path)) != kind { return false }
    for (path, canonical) in canonicals where FilePaths.canonical(path) != canonical { return false }
    for (folder, names) in listings {
      let now = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
      if now != names { return false }
    }
    for (path, digest) in reads {
      var info = stat()
      let regular = stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
      let bytes = regular ? FileManager.default.contents(atPath: path).map { [UInt8]($0) } : nil
      if Self.digest(bytes) != digest { return false }
    }
    return true
  }
}
