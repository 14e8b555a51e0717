import Glibc
import FoundationEssentials

/// Memoised file-system queries for one resolution pass: each path is stat'ed, realpath'ed and
/// listed at most once, however many edges lead to it.
final class FileSystemCache {
  /// The folder reads are confined to, if any (``ResolverOptions/confinedTo``).
  let confinement: ConfinementFolder?

  init(confinedTo folder: String? = nil) {
    confinement = folder.map(ConfinementFolder.init)
  }

  /// True when the file at `path` may be read (no realpath at all without a confinement).
  func mayRead(_ path: String) -> Bool {
    confinement?.contains(path) ?? true
  }

  /// Why a file is refused: "outside the target folder …; …" (follows the file's path).
  var outsideNote: String { confinement?.outsideNote ?? "" }

  private var kinds: [String: FilePaths.Kind] = [:]
  private var canonicals: [String: String?] = [:]
  private var listings: [String: [String]] = [:]
  private var reads: [String: String?] = [:]

  /// Every answer this cache gave, for ``FileSystemObservations/stillHold()``.
  var observations: FileSystemObservations {
    var observations = FileSystemObservations()
    observations.kinds = kinds.mapValues(FileSystemObservations.name(of:))
    observations.canonicals = canonicals
    observations.listings = listings
    observations.reads = reads
    return observations
  }

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

  /// The bytes of a regular file inside the confinement; nil when it cannot be read, is not a
  /// regular file (a FIFO would block) or lies outside.
  func contents(of path: String) -> [UInt8]? {
    guard mayRead(path) else { return nil }
    var info = stat()
    guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
      reads[path] = .some(nil)
      return nil
    }
    let bytes = FileManager.default.contents(atPath: path).map { [UInt8]($0) }
    reads[path] = FileSystemObservations.digest(bytes)
    return bytes
  }
}
