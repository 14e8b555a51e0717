/// How specifiers are turned into files. The defaults resolve relative and absolute paths and
/// packages from `node_modules` folders, as Node's ES module resolver does.
public struct ResolverOptions: Sendable, Equatable, Codable {
  /// An import map file (absolute, or relative to the graph root), applied to every specifier.
  public var importMap: String?
  /// Schemes for the runtime's own modules: `["internal": "internal-js"]` makes
  /// `internal:console` the file `internal-js/console.js` (folders absolute or relative to the
  /// graph root).
  public var schemes: [String: String]
  /// Folders searched for packages after the `node_modules` chain (absolute or relative to root).
  public var packageRoots: [String]
  /// Whether `node_modules` folders from the importer up to `/` are searched.
  public var nodeModules: Bool
  /// The package `exports` conditions that match (`default` always does).
  public var conditions: [String]
  /// Bundler-style resolution: extensionless relative specifiers and a folder's `index.js`.
  public var bundlerResolution: Bool
  /// How `import()` found in a module is reported: `.warning` (default) or `.error`.
  public var dynamicImportSeverity: Diagnostic.Severity

  /// A folder every file read while resolving must lie in, after symlinks are resolved
  /// (SwiftPM plugin mode). Modules, package.json files and the import map outside it are
  /// refused before they are read; nil reads anywhere. Not part of the input digest.
  public var confinedTo: String?

  /// The modules of a base snapshot that `base:` specifiers name (layered builds); nil when the
  /// build has no base. Not part of the input digest (the base's own digests are).
  public var baseModules: BaseModules?

  /// The conditions snapgen matches by default.
  public static let defaultConditions = ["import", "module", "default"]

  public init(
    importMap: String? = nil, schemes: [String: String] = [:], packageRoots: [String] = [],
    nodeModules: Bool = true, conditions: [String] = ResolverOptions.defaultConditions,
    bundlerResolution: Bool = false, dynamicImportSeverity: Diagnostic.Severity = .warning
  ) {
    self.importMap = importMap
    self.schemes = schemes
    self.packageRoots = packageRoots
    self.nodeModules = nodeModules
    self.conditions = conditions
    self.bundlerResolution = bundlerResolution
    self.dynamicImportSeverity = dynamicImportSeverity
  }

  /// A canonical one-line-per-setting description, for input digests.
  public var canonicalDescription: String {
    var lines: [String] = []
    lines.append("importMap \(importMap ?? "-")")
    lines.append("schemes " + schemes.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ","))
    lines.append("packageRoots " + packageRoots.joined(separator: "\u{1F}"))
    lines.append("nodeModules \(nodeModules)")
    lines.append("conditions " + conditions.joined(separator: ","))
    lines.append("bundlerResolution \(bundlerResolution)")
    lines.append("dynamicImport \(dynamicImportSeverity.rawValue)")
    return lines.joined(separator: "\n")
  }
}
