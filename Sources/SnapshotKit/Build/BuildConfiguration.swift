public import BundleResolver
import Foundation

/// What to build: the contents of a `snapgen.json`, with command-line overrides applied.
///
/// ```json
/// {
///   "entryPoints": ["src/main.js"],
///   "v8Flags": [],
///   "functionCode": "keep",
///   "compression": "zlib",
///   "compressionLevel": 9,
///   "ops": [{ "name": "op_print", "kind": "sync", "arity": 2 }],
///   "importMap": "import-map.json",
///   "schemes": { "internal": "." },
///   "packageRoots": ["vendor"],
///   "bundlerResolution": false
/// }
/// ```
///
/// `ops` may instead name a manifest file (`"ops": "ops.json"`) that the runtime reads too.
public struct BuildConfiguration: Codable, Equatable, Sendable {
  /// The folder module names and entry points are relative to (the config's folder).
  public var root: String
  public var entryPoints: [String]
  public var v8Flags: [String]
  public var options: BuildOptions
  /// The op table; nil means the standard ops of `snapgen run`.
  public var ops: [OpDescriptor]?
  /// The config file it came from, if any.
  public var configPath: String?
  /// The op manifest file the config names, if any (an input of the build).
  public var opManifestPath: String?
  /// A classic script run in the build context after the modules, before serialising: it calls
  /// hot paths so that their bytecode is compiled and kept in the snapshot (absolute path).
  public var warmup: String?
  /// How module specifiers are resolved (import map, schemes, packages …).
  public var resolver: ResolverOptions

  public init(
    root: String, entryPoints: [String], v8Flags: [String] = [], options: BuildOptions = BuildOptions(),
    ops: [OpDescriptor]? = nil, configPath: String? = nil, resolver: ResolverOptions = ResolverOptions()
  ) {
    self.resolver = resolver
    self.root = root
    self.entryPoints = entryPoints
    self.v8Flags = v8Flags
    self.options = options
    self.ops = ops
    self.configPath = configPath
  }

  static let fileName = "snapgen.json"
  static let knownKeys: Set<String> = [
    "entryPoints", "v8Flags", "functionCode", "compression", "compressionLevel", "deterministic", "ops",
    "importMap", "schemes", "packageRoots", "nodeModules", "conditions", "bundlerResolution", "dynamicImports",
    "warmup",
  ]

  /// Loads `snapgen.json` from a folder, or a config file given directly.
  public static func load(from path: String) throws(DiagnosticError) -> BuildConfiguration {
    let configPath = FilePaths.kind(of: path) == .directory ? FilePaths.join(path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path, fileName) : path
    let display = FilePaths.display(configPath)
    guard let data = FileManager.default.contents(atPath: configPath) else {
      throw DiagnosticError([.error(
        FilePaths.kind(of: configPath) == .missing
          ? "no \(fileName) here; create one with {\"entryPoints\": [\"main.js\"]} or pass --entry"
          : "cannot read \(fileName)",
        file: display)])
    }
    let object: [String: Any]
    do {
      guard let parsed = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
        throw DiagnosticError([.error("\(fileName) must contain a JSON object", file: display, line: 1, column: 1)])
      }
      object = parsed
    } catch let error as DiagnosticError {
      throw error
    } catch {
      throw DiagnosticError([.error("\(fileName) is not valid JSON: \((error as NSError).userInfo[NSDebugDescriptionErrorKey] ?? error)", file: display)])
    }
    var problems: [Diagnostic] = []
    func problem(_ message: String) { problems.append(.error(message, file: display)) }
    for key in object.keys.sorted() where !knownKeys.contains(key) {
      problem("unknown key '\(key)' (known keys: \(knownKeys.sorted().joined(separator: ", ")))")
    }
    func strings(_ key: String) -> [String]? {
      guard let value = object[key] else { return nil }
      guard let list = value as? [String] else { problem("'\(key)' must be an array of strings"); return nil }
      return list
    }
    let root = FilePaths.directory(of: FilePaths.canonical(configPath) ?? configPath)
    var configuration = BuildConfiguration(root: root, entryPoints: strings("entryPoints") ?? [], configPath: configPath)
    if object["entryPoints"] == nil { problem("'entryPoints' is required") }
    configuration.v8Flags = strings("v8Flags") ?? []
    if let value = object["functionCode"] {
      if let name = value as? String, let mode = BuildOptions.FunctionCode(rawValue: name) {
        configuration.options.functionCode = mode
      } else {
        problem("'functionCode' must be \"keep\" or \"clear\"")
      }
    }
    if let value = object["compression"] {
      if let name = value as? String, let codec = PayloadCodec(name: name) {
        configuration.options.codec = codec
      } else {
        problem("'compression' must be \"lz4\", \"zlib\" or \"none\"")
      }
    }
    if let value = object["compressionLevel"] {
      if let level = value as? Int, (1...12).contains(level) {
        configuration.options.compressionLevel = level
      } else {
        problem("'compressionLevel' must be a whole number from 1 to 12")
      }
    }
    if let value = object["deterministic"] {
      if let flag = value as? Bool { configuration.options.deterministic = flag } else { problem("'deterministic' must be true or false") }
    }
    if let value = object["warmup"] {
      if let path = value as? String, !path.isEmpty {
        let warmupPath = FilePaths.join(root, path)
        if FilePaths.kind(of: warmupPath) == .file {
          configuration.warmup = warmupPath
        } else {
          problem("'warmup' names \(FilePaths.display(warmupPath)), which is not a file")
        }
      } else {
        problem("'warmup' must be the path of a script")
      }
    }
    if let path = object["ops"] as? String {
      // A manifest file shared with the runtime that boots the snapshot.
      let manifestPath = FilePaths.join(root, path)
      do {
        configuration.ops = try OpManifest(contentsOf: manifestPath).ops
        configuration.opManifestPath = manifestPath
      } catch {
        problems.append(.error("'ops': \(error.reason)", file: FilePaths.display(manifestPath)))
      }
    } else if let value = object["ops"] {
      do {
        let json = try JSONSerialization.data(withJSONObject: value)
        configuration.ops = try JSONDecoder().decode([OpDescriptor].self, from: json)
      } catch {
        problem("'ops' must be a manifest file path or an array of {\"name\", \"kind\": \"sync\"|\"async\", \"arity\"}")
      }
    }
    configuration.resolver = resolverOptions(object, problem: problem)
    guard problems.isEmpty else { throw DiagnosticError(problems) }
    return configuration
  }

  /// The op manifest to build against.
  public func opManifest() throws(DiagnosticError) -> OpManifest {
    guard let ops else { return .standard }
    do { return try OpManifest(ops) } catch {
      throw DiagnosticError([.error(error.description, file: configPath.map(FilePaths.display))])
    }
  }

  /// A canonical encoding of everything that changes the output, for the input digest.
  var canonicalDescription: String {
    var lines = ["entryPoints " + entryPoints.joined(separator: "\u{1F}")]
    lines.append("v8Flags " + v8Flags.joined(separator: "\u{1F}"))
    lines.append("functionCode \(options.functionCode.rawValue)")
    lines.append("codec \(options.codec.name) level \(options.compressionLevel)")
    lines.append("deterministic \(options.deterministic)")
    lines.append(resolver.canonicalDescription)
    if let warmup { lines.append("warmup " + (FilePaths.relative(warmup, to: root) ?? warmup)) }
    if let ops { lines.append("ops " + ops.map { "\($0.name):\($0.kind.rawValue):\($0.arity)" }.joined(separator: ",")) }
    return lines.joined(separator: "\n")
  }
}
