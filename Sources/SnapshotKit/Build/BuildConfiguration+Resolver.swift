import BundleResolver

extension BuildConfiguration {
  /// Reads and validates the resolution keys of snapgen.json.
  static func resolverOptions(_ reader: inout ConfigReader) -> ResolverOptions {
    var options = ResolverOptions()
    options.importMap = reader.string("importMap", "the path of an import map JSON file")
    if let member = reader.member("schemes") {
      if case .object(let entries) = member.value {
        for entry in entries {
          let scheme = entry.key
          let valid = scheme.count > 1 && scheme.first!.isASCII && scheme.first!.isLetter
            && scheme.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }
          if !valid || scheme.lowercased() == "file" {
            reader.problem("'schemes' key '\(scheme)' is not a usable URL scheme (letters, digits, '+', '-', '.'; at least 2 characters; not 'file')", at: entry)
          } else if case .string(let folder) = entry.value {
            options.schemes[scheme.lowercased()] = folder
          } else {
            reader.problem("'schemes' value of '\(scheme)' must be a folder path, not \(entry.value.typeDescription)", at: entry)
          }
        }
      } else {
        reader.problem("'schemes' must be an object mapping scheme names to folders, e.g. {\"internal\": \"src\"}", at: member)
      }
    }
    if let list = reader.strings("packageRoots") { options.packageRoots = list }
    if let list = reader.strings("conditions", nonEmpty: true) { options.conditions = list }
    if let flag = reader.bool("nodeModules") { options.nodeModules = flag }
    if let flag = reader.bool("bundlerResolution") { options.bundlerResolution = flag }
    if let text = reader.string("dynamicImports", "\"warning\" or \"error\"") {
      switch text {
      case "warning": options.dynamicImportSeverity = .warning
      case "error": options.dynamicImportSeverity = .error
      default: reader.problem("'dynamicImports' must be \"warning\" or \"error\", not \"\(text)\"", key: "dynamicImports")
      }
    }
    return options
  }
}
