/// The folder every input must lie in (SwiftPM plugin mode): one definition of what "inside"
/// means — the file's real path, symlinks resolved, below the folder's real path — and of the
/// sentence that refuses a file outside it. Used by the resolver and by config loading.
public struct ConfinementFolder: Sendable, Equatable {
  /// The folder's canonical path.
  public let path: String

  /// The confinement of `folder` (made canonical when it exists).
  public init(_ folder: String) {
    path = FilePaths.canonical(folder) ?? FilePaths.normalize(folder)
  }

  /// True when `file` (any path to an existing or missing file) really lies inside the folder.
  public func contains(_ file: String) -> Bool {
    FilePaths.relative(FilePaths.canonical(file) ?? FilePaths.normalize(file), to: path) != nil
  }

  /// "outside the target folder …; …", to follow the refused file's path.
  public var outsideNote: String {
    "outside the target folder \(path); SwiftPM tracks only inputs inside it, so move the file into that folder"
  }
}
