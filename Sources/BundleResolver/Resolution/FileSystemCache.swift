#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import Foundation

/// Memoised file-system queries for one resolution pass: each path is stat'ed, realpath'ed and
/// listed at most once, however many edges lead to it.
final class FileSystemCache {
  private var kinds: [String: FilePaths.Kind] = [:]
  private var canonicals: [String: String?] = [:]
  private var listings: [String: [String]] = [:]

  func kind(of path: String) -> FilePaths.Kind {
    if let known = kinds[path] { return known }
    let kind = FilePaths.kind(of: path)
    kinds[path] = kind
    return kind
  }

  func canonical(_ path: String) -> String? {
    if let known = canonicals[path] { return known }
    let canonical = FilePaths.canonical(path)
    canonicals[path] = canonical
    return canonical
  }

  /// The names in a folder (empty when it cannot be listed), sorted.
  func listing(_ directory: String) -> [String] {
    if let known = listings[directory] { return known }
    let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).sorted()
    listings[directory] = names
    return names
  }

  func contents(of path: String) -> [UInt8]? {
    FileManager.default.contents(atPath: path).map { [UInt8]($0) }
  }
}
