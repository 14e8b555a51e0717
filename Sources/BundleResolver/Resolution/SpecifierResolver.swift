/// Turns one import specifier into a module file: import map first, then relative and absolute
/// paths, configured schemes, and bare specifiers as packages.
///
/// Keeps caches and the list of every input file it read, so use one per resolution pass.
final class SpecifierResolver {
  let root: String
  let options: ResolverOptions
  let importMap: ImportMap?
  let files: FileSystemCache
  /// Scheme → canonical folder.
  let schemeFolders: [String: String]
  /// Canonical package roots.
  let packageRoots: [String]
  /// Files read while resolving (package.json files, the import map), canonical paths.
  private(set) var inputFiles: Set<String> = []
  private var manifests: [String: Result<PackageManifest, DiagnosticError>?] = [:]

  /// A resolved module file: canonical path, and the package it belongs to when reached as one.
  struct Resolved {
    var path: String
    /// Set when the file was found through a package whose package.json says `"type": "commonjs"`.
    var commonJSPackage: String?
  }

  /// Loads the import map and checks the configured folders; throws every problem.
  init(root: String, options: ResolverOptions) throws(DiagnosticError) {
    self.root = root
    self.options = options
    files = FileSystemCache(confinedTo: options.confinedTo)
    var problems: [Diagnostic] = []
    var folders: [String: String] = [:]
    for (scheme, folder) in options.schemes.sorted(by: { $0.key < $1.key }) {
      let path = FilePaths.join(root, folder)
      if let canonical = files.canonical(path), files.kind(of: canonical) == .directory {
        folders[scheme.lowercased()] = canonical
      } else {
        problems.append(.error("the folder '\(folder)' of scheme '\(scheme):' does not exist (\(FilePaths.display(path)))"))
      }
    }
    schemeFolders = folders
    var roots: [String] = []
    for folder in options.packageRoots {
      let path = FilePaths.join(root, folder)
      if let canonical = files.canonical(path), files.kind(of: canonical) == .directory {
        roots.append(canonical)
      } else {
        problems.append(.error("package root '\(folder)' does not exist (\(FilePaths.display(path)))"))
      }
    }
    packageRoots = roots
    var map: ImportMap?
    if let mapPath = options.importMap {
      let path = FilePaths.join(root, mapPath)
      switch files.kind(of: path) {
      case .missing:
        problems.append(.error("import map '\(mapPath)' does not exist", file: FilePaths.display(path)))
      case .directory:
        problems.append(.error("import map '\(mapPath)' is a folder, not a JSON file", file: FilePaths.display(path)))
      case .file where !files.mayRead(path):
        problems.append(.error("import map '\(mapPath)' is \(FilePaths.canonical(path) ?? path), \(files.outsideNote)"))
      case .file:
        let canonical = files.canonical(path) ?? path
        inputFiles.insert(canonical)
        if let bytes = files.contents(of: canonical) {
          do { map = try ImportMap(bytes: bytes, path: canonical) } catch { problems += error.diagnostics }
        } else {
          problems.append(.error("cannot read the import map", file: FilePaths.display(path)))
        }
      }
    }
    importMap = map
    guard problems.isEmpty else { throw DiagnosticError(problems) }
  }

  /// Resolves `specifier` imported by the module file at `referrer` (canonical path).
  func resolve(_ specifier: String, from referrer: String) throws(ResolveError) -> Resolved {
    let referrerURL = ModuleURL.file(referrer)
    let asURL = ModuleURL.parseURLLike(specifier, base: referrerURL)
    if let importMap, let match = importMap.resolve(asURL ?? specifier, referrer: referrerURL) {
      switch match {
      case .resolved(let url):
        do { return try load(url: url, specifier: specifier) } catch {
          var failure = error
          failure.notes.insert("mapped to '\(Self.show(url))' by the import map \(FilePaths.display(importMap.path))", at: 0)
          throw failure
        }
      case .blocked(let key, let reason):
        throw ResolveError(
          message: "cannot resolve '\(specifier)': the import map blocks it (\(reason))",
          notes: ["matched key '\(Self.show(key))' in \(FilePaths.display(importMap.path))"])
      }
    }
    if let asURL { return try load(url: asURL, specifier: specifier) }
    return try resolvePackage(specifier, from: FilePaths.directory(of: referrer))
  }

  /// How a URL is shown in messages: file URLs as paths.
  static func show(_ url: String) -> String {
    ModuleURL.path(of: url).map(FilePaths.display) ?? url
  }

  private func load(url: String, specifier: String) throws(ResolveError) -> Resolved {
    if let path = ModuleURL.path(of: url) {
      return Resolved(path: try file(at: path, specifier: specifier, probe: options.bundlerResolution))
    }
    let scheme = ModuleURL.scheme(of: url) ?? ""
    guard let folder = schemeFolders[scheme] else {
      if scheme == BaseModules.scheme {
        throw ResolveError(
          message: "cannot resolve '\(specifier)': 'base:' names a module of the base snapshot, and this build has none",
          notes: ["build on a runtime snapshot with --base runtime.bin or \"base\": \"runtime.bin\" in snapgen.json"])
      }
      let known = schemeFolders.keys.sorted().map { "'\($0):'" }
      var notes = [known.isEmpty
        ? "no schemes are configured; map one to a folder with \"schemes\": {\"\(scheme)\": \"folder\"} in snapgen.json"
        : "configured schemes: \(known.joined(separator: ", "))"]
      if let close = Suggestions.closest(to: scheme, among: schemeFolders.keys) {
        notes.append("did you mean '\(close):\(url.dropFirst(scheme.count + 1))'?")
      }
      throw ResolveError(message: "cannot resolve '\(specifier)': unknown scheme '\(scheme):'", notes: notes)
    }
    let rest = String(url.dropFirst(scheme.count + 1))
    let path = FilePaths.join(folder, rest)
    guard FilePaths.relative(path, to: folder) != nil else {
      throw ResolveError(message: "cannot resolve '\(specifier)': it leaves the folder of scheme '\(scheme):'")
    }
    // The runtime's own modules may leave out `.js`, as Deno's `ext:` names do not.
    return Resolved(path: try file(at: path, specifier: specifier, probe: true, probeIndex: options.bundlerResolution))
  }

  /// The canonical path of the module file at `path`; with `probe`, extensionless names try
  /// `.js` and `.mjs` (and with `probeIndex` a folder's `index.js`).
  func file(at path: String, specifier: String, probe: Bool, probeIndex: Bool? = nil) throws(ResolveError) -> String {
    let probeIndex = probeIndex ?? probe
    switch files.kind(of: path) {
    case .file:
      return files.canonical(path) ?? path
    case .directory:
      if probeIndex {
        for index in ["index.js", "index.mjs"] where files.kind(of: path + "/" + index) == .file {
          return files.canonical(path + "/" + index) ?? path
        }
      }
      var notes: [String] = []
      if files.kind(of: path + "/index.js") == .file {
        notes.append("did you mean '\(Self.replacingLastComponent(of: specifier, with: Self.lastComponent(of: specifier) + "/index.js"))'? (or set \"bundlerResolution\": true)")
      }
      throw ResolveError(message: "module '\(specifier)' is a folder, not a file: \(FilePaths.display(path))", notes: notes)
    case .missing:
      if probe {
        for ext in [".js", ".mjs"] where files.kind(of: path + ext) == .file {
          return files.canonical(path + ext) ?? path
        }
      }
      throw ResolveError(
        message: "cannot find module '\(specifier)': no file at \(FilePaths.display(path))",
        notes: suggestion(forMissing: path, specifier: specifier))
    }
  }

  private func suggestion(forMissing path: String, specifier: String) -> [String] {
    let directory = FilePaths.directory(of: path)
    let name = String(path[path.index(after: path.lastIndex(of: "/")!)...])
    guard files.kind(of: directory) == .directory else { return [] }
    for ext in [".js", ".mjs"] where files.kind(of: path + ext) == .file {
      return ["did you mean '\(specifier + ext)'? (extensionless specifiers need \"bundlerResolution\": true)"]
    }
    let candidates = files.listing(directory).filter { $0.hasSuffix(".js") || $0.hasSuffix(".mjs") || $0.hasSuffix(".json") }
    guard let close = Suggestions.closest(to: name, among: candidates) else { return [] }
    return ["did you mean '\(Self.replacingLastComponent(of: specifier, with: close))'?"]
  }

  static func lastComponent(of specifier: String) -> String {
    specifier.split(separator: "/").last.map(String.init) ?? specifier
  }

  static func replacingLastComponent(of specifier: String, with name: String) -> String {
    guard let slash = specifier.lastIndex(of: "/") else { return name }
    return String(specifier[...slash]) + name
  }

  /// The parsed package.json in `directory`, nil when there is none; reads each at most once.
  func manifest(in directory: String) throws(ResolveError) -> PackageManifest? {
    let path = directory + "/package.json"
    if let cached = manifests[path] {
      switch cached {
      case nil: return nil
      case .success(let manifest)?: return manifest
      case .failure(let error)?: throw ResolveError(message: "", related: error.diagnostics)
      }
    }
    // Outside the confinement a package.json is not read: packages there do not exist.
    guard files.mayRead(path), files.kind(of: path) == .file,
      let bytes = files.contents(of: path)
    else {
      manifests[path] = .some(nil)
      return nil
    }
    inputFiles.insert(path)
    do {
      let manifest = try PackageManifest(bytes: bytes, path: path)
      manifests[path] = .success(manifest)
      return manifest
    } catch {
      manifests[path] = .failure(error)
      throw ResolveError(message: "", related: error.diagnostics)
    }
  }
}
