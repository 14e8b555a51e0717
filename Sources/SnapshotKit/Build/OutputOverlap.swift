import BundleResolver
import Glibc

/// Refuses to write a build's output over a file the build reads: `-o main.js`, `-o` the base
/// snapshot, `--depfile snapgen.json` or `-o` the signing key would otherwise destroy an input
/// that the user cannot get back from the snapshot.
enum OutputOverlap {
  /// Throws when `outputs` (role, path) name one of `inputs` or each other, as the same file
  /// (device and inode, symbolic links followed as the atomic writer follows them). A path
  /// that does not exist yet cannot be an input; two outputs that do not exist yet are the
  /// same when their normalised absolute paths are.
  static func check(outputs: [(role: String, path: String)], inputs: [String]) throws(DiagnosticError) {
    var written: [(role: String, path: String, normalized: String, identity: FileIdentity?)] = []
    for (role, path) in outputs {
      let identity = identity(of: path)
      let normalized = FilePaths.normalize(FilePaths.absolute(path))
      let same = written.first { earlier in
        if let identity, let other = earlier.identity { return identity.sameFile(as: other) }
        return earlier.normalized == normalized
      }
      if let earlier = same {
        throw DiagnosticError([
          .error("\(role) and \(earlier.role) are the same file (\(FilePaths.display(earlier.path))); give them different paths", file: FilePaths.display(path))
        ])
      }
      written.append((role, path, normalized, identity))
      guard let identity else { continue }
      for input in inputs {
        guard let inputIdentity = Self.identity(of: input), inputIdentity.sameFile(as: identity) else { continue }
        let named = FilePaths.display(input) == FilePaths.display(path) ? "" : " (\(FilePaths.display(input)))"
        throw DiagnosticError([
          .error("refusing to write \(role) over a file this build reads\(named); it would be destroyed: give another path", file: FilePaths.display(path))
        ])
      }
    }
  }

  private static func identity(of path: String) -> FileIdentity? {
    var status = stat()
    guard stat(path, &status) == 0 else { return nil }
    return FileIdentity(status)
  }
}

extension FileIdentity {
  /// Whether both name one file (device and inode), whatever its times and size.
  func sameFile(as other: FileIdentity) -> Bool { device == other.device && inode == other.inode }
}
