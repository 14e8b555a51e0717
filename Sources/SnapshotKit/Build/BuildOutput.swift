public import BundleResolver
import FoundationEssentials
import Glibc

/// What a build produces besides nothing on disk: the snapshot, every file it read (for
/// depfiles and build systems) and the warnings met on the way.
public struct BuildOutput: Sendable {
  /// The snapshot, ready to serialise.
  public var file: SnapshotFile
  /// Every file the build read, as canonical paths, sorted: modules, package.json files, the
  /// import map, the config, the op manifest and the warm-up script.
  public var inputFiles: [String]
  /// Warnings from resolution (dynamic imports, ignored import-map entries …).
  public var warnings: [Diagnostic]
  /// Whether the snapshot came from a cache (``CacheOutcome``).
  public var cache: CacheOutcome = .disabled
  /// Files the build read that are not dependencies (the signing key, trusted keys): never
  /// in the depfile, but never overwritten by ``write(to:depfile:createFolder:beforeRename:)``.
  var otherInputs: [String] = []

  /// Creates an output.
  public init(file: SnapshotFile, inputFiles: [String], warnings: [Diagnostic]) {
    self.file = file
    self.inputFiles = inputFiles
    self.warnings = warnings
  }
}

extension BuildOutput {
  /// Writes the snapshot to `output` atomically (an existing file is replaced only when the
  /// bytes differ) and, when asked, a Make-syntax depfile naming every input.
  ///
  /// - Parameters:
  ///   - output: the snapshot file to write.
  ///   - depfile: where to write the depfile, if anywhere.
  ///   - createFolder: create the output's folder first (plugin mode).
  ///   - beforeRename: called with the temporary file complete, before it replaces `output`
  ///     (fault injection for tests).
  /// - Throws: a diagnostic naming the file that could not be written, or an output that is one
  ///   of the build's inputs (or the other output); `output` is then as it was.
  @discardableResult
  public func write(
    to output: String, depfile: String? = nil, createFolder: Bool = false, beforeRename: (() -> Void)? = nil
  ) throws(DiagnosticError) -> AtomicFileWriter.Outcome {
    let outputs = [("the snapshot", output)] + (depfile.map { [("the depfile", $0)] } ?? [])
    try OutputOverlap.check(outputs: outputs, inputs: inputFiles + otherInputs)
    if let depfile {
      let text: String
      do { text = try Depfile.render(target: output, inputs: inputFiles) } catch {
        throw DiagnosticError([.error("cannot write the depfile: \(error)", file: depfile)])
      }
      do { _ = try AtomicFileWriter.write(Array(text.utf8), to: depfile) } catch {
        throw DiagnosticError([.error("cannot write the depfile: \(error.reason)", file: depfile)])
      }
    }
    if createFolder {
      do {
        try FileManager.default.createDirectory(atPath: FilePaths.directory(of: output), withIntermediateDirectories: true)
      } catch {
        throw DiagnosticError([.error("cannot create the output folder: \(error)", file: output)])
      }
    }
    do { return try AtomicFileWriter.write(file.serialized(), to: output, beforeRename: beforeRename) } catch {
      throw DiagnosticError([.error(error.description)])
    }
  }
}
