public import BundleResolver
import FoundationEssentials
import Glibc

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
  /// The base snapshot to build on (`"base"`, `--base`; absolute path), if any.
  public var base: String?
  /// The SwiftPM target whose snapshot is the base (`"base": "target:Name"`), built by
  /// SnapgenBuildPlugin, which passes the file as `--base`; nil when `"base"` names a file.
  public var baseTarget: String?
  /// The main function, `module#export` (`"main"`), that `snapgen run` calls after boot.
  public var main: String?
  /// Public key files (`snapgen keygen`): when not empty, the base must be signed by one of them
  /// (`--base-trusted-key`).
  public var baseTrustedKeys: [String] = []
  /// The remote snapshot cache the config names (`"remoteCache": "https://…"`); not an input.
  public var remoteCache: String?

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
  /// A `"base"` value with this prefix names a SwiftPM target, not a file.
  public static let baseTargetPrefix = "target:"
  static let knownKeys: Set<String> = [
    "entryPoints", "v8Flags", "functionCode", "compression", "compressionLevel", "deterministic", "ops",
    "importMap", "schemes", "packageRoots", "nodeModules", "conditions", "bundlerResolution", "dynamicImports",
    "warmup", "base", "main", "remoteCache",
  ]

  /// Loads `snapgen.json` from a folder, or a config file given directly.
  ///
  /// - Parameters:
  ///   - path: a folder holding `snapgen.json`, or the config file itself.
  ///   - folder: when set, every file the config names (op manifest, warm-up script,
  ///     import map) and every file resolution reads must lie inside this folder after symlinks
  ///     are resolved; files outside are refused before they are read (SwiftPM plugin mode).
  public static func load(from path: String, confinedTo folder: String? = nil) throws(DiagnosticError) -> BuildConfiguration {
    let configPath = FilePaths.kind(of: path) == .directory ? FilePaths.join(FilePaths.absolute(path), fileName) : path
    let display = FilePaths.display(configPath)
    guard FilePaths.kind(of: configPath) != .missing else {
      throw DiagnosticError([.error("no \(fileName) here; create one with {\"entryPoints\": [\"main.js\"]} or pass --entry", file: display)])
    }
    let data: [UInt8]
    do { data = try FileBytes.read(configPath, maximumSize: 16 << 20) } catch {
      throw DiagnosticError([.error("cannot read \(fileName): \(error.reason)", file: display)])
    }
    var reader = try ConfigReader(bytes: data, display: display, knownKeys: knownKeys)
    let root = FilePaths.directory(of: FilePaths.canonical(configPath) ?? configPath)
    let confinement = folder.map(ConfinementFolder.init)
    /// Refuses a file the config names when it lies outside the confinement folder.
    func confined(_ key: String, _ path: String) -> Bool {
      guard let confinement, !confinement.contains(path) else { return true }
      let real = FilePaths.canonical(path) ?? FilePaths.normalize(path)
      reader.problem("'\(key)' names \(real), which is \(confinement.outsideNote)", key: key)
      return false
    }
    var configuration = BuildConfiguration(root: root, entryPoints: [], configPath: configPath)
    if let entries = reader.strings("entryPoints", nonEmpty: true) {
      configuration.entryPoints = entries
      // Plain paths are checked here, at their key; scheme specifiers when they resolve.
      for entry in entries where !entry.contains(":") {
        let path = FilePaths.join(root, entry)
        if let confinement, !confinement.contains(path) {
          reader.problem("entry point \(FilePaths.canonical(path) ?? path) is \(confinement.outsideNote)", key: "entryPoints")
        }
      }
    } else if reader.member("entryPoints") == nil {
      reader.problem("'entryPoints' is required", at: nil)
    }
    configuration.v8Flags = reader.strings("v8Flags") ?? []
    if let name = reader.string("functionCode", "\"keep\" or \"clear\"") {
      if let mode = BuildOptions.FunctionCode(rawValue: name) { configuration.options.functionCode = mode } else {
        reader.problem("'functionCode' must be \"keep\" or \"clear\", not \"\(name)\"", key: "functionCode")
      }
    }
    if let name = reader.string("compression", "\"lz4\", \"zlib\" or \"none\"") {
      if let codec = PayloadCodec(name: name) { configuration.options.codec = codec } else {
        reader.problem("'compression' must be \"lz4\", \"zlib\" or \"none\", not \"\(name)\"", key: "compression")
      }
    }
    if let level = reader.integer("compressionLevel", in: 1...12) { configuration.options.compressionLevel = level }
    if let flag = reader.bool("deterministic") { configuration.options.deterministic = flag }
    if let path = reader.string("warmup", "the path of a script") {
      let warmupPath = FilePaths.join(root, path)
      if confined("warmup", warmupPath) {
        if FilePaths.kind(of: warmupPath) == .file {
          configuration.warmup = warmupPath
        } else {
          reader.problem("'warmup' names \(FilePaths.display(warmupPath)), which is not a file", key: "warmup")
        }
      }
    }
    if let member = reader.member("ops") {
      switch member.value {
      case .string(let path):
        // A manifest file shared with the runtime that boots the snapshot.
        let manifestPath = FilePaths.join(root, path)
        if confined("ops", manifestPath) {
          do {
            configuration.ops = try OpManifest(contentsOf: manifestPath).ops
            configuration.opManifestPath = manifestPath
          } catch {
            reader.problem("'ops': \(FilePaths.display(manifestPath)): \(error.reason)", at: member)
          }
        }
      case .array(let items):
        configuration.ops = opDescriptors(items, at: member, reader: &reader)
      default:
        reader.problem(
          "'ops' must be a manifest file path or an array of {\"name\", \"kind\": \"sync\"|\"async\", \"arity\"}, not \(member.value.typeDescription)",
          at: member)
      }
    }
    if let path = reader.string("base", "the path of a snapshot file") {
      if path.hasPrefix(baseTargetPrefix) {
        // Another SwiftPM target's snapshot: SnapgenBuildPlugin builds it and passes --base.
        configuration.baseTarget = String(path.dropFirst(baseTargetPrefix.count))
      } else {
        let basePath = FilePaths.join(root, path)
        if confined("base", basePath) { configuration.base = basePath }
      }
    }
    if let main = reader.string("main", "\"module.js#export\"") {
      if MainFunction(main) == nil {
        reader.problem("'main' must be \"module.js#export\" (a module of the graph and the name of the function it exports), not \"\(main)\"", key: "main")
      } else {
        configuration.main = main
      }
    }
    configuration.resolver = resolverOptions(&reader)
    if let url = reader.string("remoteCache", "an http(s) URL") {
      do { _ = try RemoteCacheSettings(url: url) } catch { reader.problem("'remoteCache': \(error.description)", key: "remoteCache") }
      configuration.remoteCache = url
    }
    configuration.resolver.confinedTo = confinement?.path
    if let importMap = configuration.resolver.importMap { _ = confined("importMap", FilePaths.join(root, importMap)) }
    guard reader.problems.isEmpty else { throw DiagnosticError(reader.problems) }
    return configuration
  }

  /// Inline op descriptors: each `{"name": string, "kind": "sync"|"async", "arity": whole number}`.
  private static func opDescriptors(
    _ items: [JSONValue], at member: JSONValue.Member, reader: inout ConfigReader
  ) -> [OpDescriptor]? {
    var ops: [OpDescriptor] = []
    for (index, item) in items.enumerated() {
      guard case .object(let fields) = item,
        fields.allSatisfy({ ["name", "kind", "arity"].contains($0.key) }),
        case .string(let name)? = item["name"],
        case .number(let arity)? = item["arity"], arity == arity.rounded(), arity >= 0, arity <= 64
      else {
        reader.problem("'ops'[\(index)] must be {\"name\": string, \"kind\": \"sync\"|\"async\", \"arity\": 0…64}", at: member)
        return nil
      }
      var kind = OpDescriptor.Kind.sync
      if let value = item["kind"] {
        guard case .string(let text) = value, let parsed = OpDescriptor.Kind(rawValue: text) else {
          reader.problem("'ops'[\(index)].kind must be \"sync\" or \"async\"", at: member)
          return nil
        }
        kind = parsed
      }
      ops.append(OpDescriptor(name: name, kind: kind, arity: Int(arity)))
    }
    return ops
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
    if let base { lines.append("base " + BaseSnapshot.location(of: base, from: root)) }
    if let main { lines.append("main " + main) }
    if let ops { lines.append("ops " + ops.map { "\($0.name):\($0.kind.rawValue):\($0.arity)" }.joined(separator: ",")) }
    return lines.joined(separator: "\n")
  }
}
