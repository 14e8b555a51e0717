public import BundleResolver

extension BuildConfiguration {
  /// The configuration a command line names: `input` is a folder with `snapgen.json`, a config
  /// file, or — with `entryPoints` and no config there — the root folder of those modules.
  /// `entryPoints`, when given, replace the config's.
  ///
  /// - Parameters:
  ///   - input: a folder holding `snapgen.json`, a config file, or (with `entryPoints`) a folder
  ///     of modules.
  ///   - entryPoints: entry points that replace the config's (`--entry` on the command line).
  ///   - folder: confinement for plugin mode (see ``load(from:confinedTo:)``).
  public static func locate(
    _ input: String, entryPoints: [String] = [], confinedTo folder: String? = nil
  ) throws(DiagnosticError) -> BuildConfiguration {
    let hasConfig = FilePaths.kind(of: input) == .file
      || FilePaths.kind(of: FilePaths.join(FilePaths.absolute(input), fileName)) == .file
    if hasConfig || entryPoints.isEmpty {
      // Without a config and without --entry this reports the missing file.
      var configuration = try load(from: input, confinedTo: folder)
      if !entryPoints.isEmpty { configuration.entryPoints = entryPoints }
      return configuration
    }
    var configuration = BuildConfiguration(root: FilePaths.absolute(input), entryPoints: entryPoints)
    configuration.resolver.confinedTo = folder.map { ConfinementFolder($0).path }
    return configuration
  }
}
