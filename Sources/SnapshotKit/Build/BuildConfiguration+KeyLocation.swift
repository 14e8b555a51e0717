import BundleResolver

extension BuildConfiguration {
  /// A diagnostic about a key of `snapgen.json` found after loading (the `"main"` function is
  /// checked in the build child, once the graph is resolved): located at the key when the
  /// config file still has it, else naming the file.
  func configProblem(_ message: String, key: String, notes: [String] = []) -> Diagnostic {
    let display = configPath.map(FilePaths.display)
    guard let configPath, let bytes = try? FileBytes.read(configPath), case .object(let members)? = try? JSONParser.parse(bytes),
      let member = members.first(where: { $0.key == key })
    else { return .error(message, file: display, notes: notes) }
    return .error(message, file: display, line: member.line, column: member.column, notes: notes)
  }
}
