import Glibc
import FoundationEssentials
import Synchronization

/// Path helpers shared by the resolver: canonical paths and user-facing display paths.
public enum FilePaths {
  /// The canonical absolute path of an existing file or folder (symlinks and `..` collapsed),
  /// or nil when it does not exist.
  public static func canonical(_ path: String) -> String? {
    guard let resolved = realpath(path, nil) else { return nil }
    defer { free(resolved) }
    return String(cString: resolved)
  }

  /// `path` made absolute against the working folder (lexically; symlinks stay).
  public static func absolute(_ path: String) -> String {
    path.hasPrefix("/") ? normalize(path) : join(FileManager.default.currentDirectoryPath, path)
  }

  /// Joins a relative path onto a folder and collapses `.` and `..` lexically.
  public static func join(_ base: String, _ relative: String) -> String {
    if relative.hasPrefix("/") { return normalize(relative) }
    return normalize(base + "/" + relative)
  }

  public static func normalize(_ path: String) -> String {
    var parts: [Substring] = []
    for part in path.split(separator: "/", omittingEmptySubsequences: true) {
      switch part {
      case ".": continue
      case "..": if !parts.isEmpty { parts.removeLast() }
      default: parts.append(part)
      }
    }
    return "/" + parts.joined(separator: "/")
  }

  public static func directory(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "." }
    return slash == path.startIndex ? "/" : String(path[..<slash])
  }

  /// `path` relative to `base` when it lies inside it, else nil.
  public static func relative(_ path: String, to base: String) -> String? {
    let prefix = base.hasSuffix("/") ? base : base + "/"
    return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : nil
  }

  /// How to show a path to the user: relative to the working folder when inside it.
  public static func display(_ path: String) -> String {
    relative(path, to: WorkingDirectory.canonical()) ?? path
  }

  public enum Kind: Sendable { case file, directory, missing }

  /// What is at `path` (following symlinks), with one `stat` call.
  public static func kind(of path: String) -> Kind {
    var info = stat()
    guard stat(path, &info) == 0 else { return .missing }
    return (info.st_mode & S_IFMT) == S_IFDIR ? .directory : .file
  }
}

/// The canonical working folder, recomputed only when `getcwd` reports a different folder
/// (``FilePaths/display(_:)`` runs once per diagnostic and per module name).
private enum WorkingDirectory {
  private static let cache = Mutex<(raw: String, canonical: String)?>(nil)

  static func canonical() -> String {
    var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
    guard getcwd(&buffer, buffer.count) != nil else { return "/" }
    let raw = String(cString: buffer)
    return cache.withLock { cached in
      if let cached, cached.raw == raw { return cached.canonical }
      let canonical = FilePaths.canonical(raw) ?? raw
      cached = (raw, canonical)
      return canonical
    }
  }
}
