import BundleResolver

extension BuildConfiguration {
  /// Reads and validates the resolution keys of snapgen.json.
  static func resolverOptions(_ object: [String: Any], problem: (String) -> Void) -> ResolverOptions {
    var options = ResolverOptions()
    if let value = object["importMap"] {
      if let path = value as? String, !path.isEmpty { options.importMap = path } else { problem("'importMap' must be the path of an import map JSON file") }
    }
    if let value = object["schemes"] {
      if let table = value as? [String: Any], table.values.allSatisfy({ $0 is String }) {
        for (scheme, folder) in table.sorted(by: { $0.key < $1.key }) {
          let valid = scheme.count > 1 && scheme.first!.isASCII && scheme.first!.isLetter
            && scheme.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }
          if !valid || scheme.lowercased() == "file" {
            problem("'schemes' key '\(scheme)' is not a usable URL scheme (letters, digits, '+', '-', '.'; at least 2 characters; not 'file')")
          } else {
            options.schemes[scheme.lowercased()] = folder as? String
          }
        }
      } else {
        problem("'schemes' must be an object mapping scheme names to folders, e.g. {\"internal\": \"src\"}")
      }
    }
    if let value = object["packageRoots"] {
      if let list = value as? [String] { options.packageRoots = list } else { problem("'packageRoots' must be an array of folder paths") }
    }
    if let value = object["conditions"] {
      if let list = value as? [String], !list.isEmpty { options.conditions = list } else { problem("'conditions' must be a non-empty array of strings") }
    }
    if let value = object["nodeModules"] {
      if let flag = value as? Bool { options.nodeModules = flag } else { problem("'nodeModules' must be true or false") }
    }
    if let value = object["bundlerResolution"] {
      if let flag = value as? Bool { options.bundlerResolution = flag } else { problem("'bundlerResolution' must be true or false") }
    }
    if let value = object["dynamicImports"] {
      switch value as? String {
      case "warning": options.dynamicImportSeverity = .warning
      case "error": options.dynamicImportSeverity = .error
      default: problem("'dynamicImports' must be \"warning\" or \"error\"")
      }
    }
    return options
  }
}
