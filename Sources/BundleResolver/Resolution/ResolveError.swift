/// Why one specifier could not be resolved. The graph builder adds the importer's location and
/// the import chain.
struct ResolveError: Error {
  var message: String
  /// Extra lines: where something is defined, what was tried, a suggestion.
  var notes: [String] = []
  /// Problems found in other files on the way (an invalid package.json), reported once each.
  var related: [Diagnostic] = []
}
