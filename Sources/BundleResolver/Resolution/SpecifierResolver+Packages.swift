// MARK: - Bare specifiers as packages

extension SpecifierResolver {
  /// Splits `name/sub/path` or `@scope/name/sub/path` into the package name and "./sub/path"
  /// (or "."). Nil for names npm would not accept as a package.
  static func splitPackageSpecifier(_ specifier: String) -> (name: String, subpath: String)? {
    let parts = specifier.split(separator: "/", omittingEmptySubsequences: false)
    let nameCount = specifier.hasPrefix("@") ? 2 : 1
    guard parts.count >= nameCount else { return nil }
    let name = parts[0..<nameCount].joined(separator: "/")
    guard !name.isEmpty, !name.hasPrefix("."), !name.contains("\\"), !name.contains("%"),
      parts[0..<nameCount].allSatisfy({ !$0.isEmpty }), !(nameCount == 2 && parts[0] == "@")
    else { return nil }
    let rest = parts.dropFirst(nameCount)
    return (name, rest.isEmpty ? "." : "./" + rest.joined(separator: "/"))
  }

  /// The folders searched for a package, nearest first.
  func packageSearchFolders(from directory: String) -> [String] {
    var folders: [String] = []
    if options.nodeModules {
      var current = directory
      while true {
        if !current.hasSuffix("/node_modules") { folders.append(current == "/" ? "/node_modules" : current + "/node_modules") }
        if current == "/" { break }
        current = FilePaths.directory(of: current)
      }
    }
    return folders + packageRoots
  }

  func resolvePackage(_ specifier: String, from directory: String) throws(ResolveError) -> Resolved {
    guard let (name, subpath) = Self.splitPackageSpecifier(specifier) else {
      throw ResolveError(message: "cannot resolve '\(specifier)': not a relative path, a URL or a valid package name")
    }
    let folders = packageSearchFolders(from: directory)
    guard let packageFolder = folders.lazy.map({ $0 + "/" + name }).first(where: { self.files.kind(of: $0) == .directory }) else {
      var notes: [String] = []
      let where_ = options.nodeModules ? "node_modules folders from \(FilePaths.display(directory)) up" : ""
      let roots = packageRoots.map(FilePaths.display).joined(separator: ", ")
      notes.append("looked in " + [where_, roots.isEmpty ? "" : "package roots \(roots)"].filter { !$0.isEmpty }.joined(separator: " and "))
      if let close = Suggestions.closest(to: name, among: knownPackageNames(in: folders)) {
        notes.append("did you mean '\(close)'?")
      }
      throw ResolveError(message: "cannot resolve '\(specifier)': no package '\(name)' found", notes: notes)
    }
    let packageDirectory = files.canonical(packageFolder) ?? packageFolder
    let manifest = try manifest(in: packageDirectory)
    let path: String
    if let manifest, let exports = manifest.exports, exports != .null {
      let target: String
      do {
        target = try PackageExports(conditions: Set(options.conditions)).resolve(subpath, exports: exports)
      } catch {
        throw exportsError(error, specifier: specifier, name: name, subpath: subpath, manifest: manifest)
      }
      path = packageDirectory + "/" + target.dropFirst(2)
      do {
        return Resolved(path: try file(at: path, specifier: specifier, probe: false), commonJSPackage: commonJS(manifest, path, name))
      } catch {
        var failure = error
        failure.message = "cannot resolve '\(specifier)': package '\(name)' exports '\(subpath)' as '\(target)', which is missing"
        failure.notes = ["exports are defined at \(FilePaths.display(manifest.path)):\(manifest.exportsLine):\(manifest.exportsColumn)"]
        throw failure
      }
    }
    if subpath != "." {
      let resolved = try file(at: packageDirectory + "/" + subpath.dropFirst(2), specifier: specifier, probe: options.bundlerResolution)
      return Resolved(path: resolved, commonJSPackage: manifest.flatMap { commonJS($0, resolved, name) })
    }
    // No exports: "module", then "main", then index.js, each tried as Node's legacy main lookup does.
    var tried: [String] = []
    for field in [manifest?.module, manifest?.main].compactMap({ $0 }) {
      let base = FilePaths.join(packageDirectory, field)
      guard FilePaths.relative(base, to: packageDirectory) != nil else {
        throw ResolveError(message: "cannot resolve '\(specifier)': the entry '\(field)' in package.json of '\(name)' escapes the package")
      }
      tried.append(field)
      for candidate in [base, base + ".js", base + ".mjs", base + "/index.js", base + "/index.mjs"] where files.kind(of: candidate) == .file {
        let resolved = files.canonical(candidate) ?? candidate
        return Resolved(path: resolved, commonJSPackage: manifest.flatMap { commonJS($0, resolved, name) })
      }
    }
    for candidate in ["index.js", "index.mjs"] where files.kind(of: packageDirectory + "/" + candidate) == .file {
      let resolved = files.canonical(packageDirectory + "/" + candidate) ?? candidate
      return Resolved(path: resolved, commonJSPackage: manifest.flatMap { commonJS($0, resolved, name) })
    }
    throw ResolveError(
      message: "cannot resolve '\(specifier)': package '\(name)' has no entry module",
      notes: ["looked for " + (tried.map { "'\($0)'" } + ["index.js"]).joined(separator: ", ") + " in \(FilePaths.display(packageDirectory)) (package.json has no usable \"exports\", \"module\" or \"main\")"])
  }

  private func commonJS(_ manifest: PackageManifest, _ path: String, _ name: String) -> String? {
    manifest.type == "commonjs" && path.hasSuffix(".js") ? name : nil
  }

  private func exportsError(
    _ failure: PackageExports.Failure, specifier: String, name: String, subpath: String, manifest: PackageManifest
  ) -> ResolveError {
    let defined = "exports are defined at \(FilePaths.display(manifest.path)):\(manifest.exportsLine):\(manifest.exportsColumn)"
    switch failure {
    case .notExported:
      var notes = [defined]
      let subpaths = exportedSubpaths(manifest)
      if !subpaths.isEmpty { notes.append("exported: " + subpaths.prefix(8).joined(separator: ", ") + (subpaths.count > 8 ? ", …" : "")) }
      let conditions = options.conditions.joined(separator: ", ")
      return ResolveError(
        message: "cannot resolve '\(specifier)': '\(subpath)' is not exported by package '\(name)' under the conditions \(conditions)",
        notes: notes)
    case .excluded:
      return ResolveError(message: "cannot resolve '\(specifier)': package '\(name)' excludes '\(subpath)' (its exports target is null)", notes: [defined])
    case .escapes(let target):
      return ResolveError(message: "cannot resolve '\(specifier)': the exports target '\(target)' of package '\(name)' escapes the package folder", notes: [defined])
    case .invalidTarget(let reason):
      return ResolveError(message: "cannot resolve '\(specifier)': invalid exports target in package '\(name)': \(reason)", notes: [defined])
    case .invalidConfig(let reason):
      return ResolveError(message: "cannot resolve '\(specifier)': invalid exports in package '\(name)': \(reason)", notes: [defined])
    }
  }

  private func exportedSubpaths(_ manifest: PackageManifest) -> [String] {
    guard case .object(let members)? = manifest.exports else { return ["."] }
    return members.first?.key.hasPrefix(".") == true ? members.map(\.key) : ["."]
  }

  /// Package names present in the searched folders (for "did you mean").
  private func knownPackageNames(in folders: [String]) -> [String] {
    var names: Set<String> = []
    for folder in folders {
      for entry in files.listing(folder) where !entry.hasPrefix(".") {
        if entry.hasPrefix("@") {
          for inner in files.listing(folder + "/" + entry) { names.insert(entry + "/" + inner) }
        } else {
          names.insert(entry)
        }
      }
    }
    if let importMap { for entry in importMap.imports where ModuleURL.scheme(of: entry.key) == nil && !entry.key.hasPrefix("/") { names.insert(entry.key) } }
    return names.sorted()
  }
}
