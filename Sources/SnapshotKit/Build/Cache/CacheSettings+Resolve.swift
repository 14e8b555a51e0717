public import BundleResolver

extension CacheSettings {
  /// What the command line says about caching; nil fields fall back to the environment
  /// (``Variable``), then to the configuration, then to the defaults.
  public struct Choices: Sendable {
    public var disabled = false
    public var folder: String?
    public var maximumSize: String?
    public var remoteURL: String?
    public var remoteReadOnly = false
    public var remoteTimeoutSeconds: Int?

    public init() {}
  }

  /// The settings for a build: command line first, then the environment, then the config's
  /// `remoteCache` key. Returns nil when caching is off (`--no-cache`, `SNAPGEN_NO_CACHE=1`).
  ///
  /// - Throws: a diagnostic naming the option or variable with a bad value.
  public static func resolve(
    _ choices: Choices, configuredRemoteURL: String? = nil, environment: [String: String]
  ) throws(DiagnosticError) -> CacheSettings? {
    let disabledByEnvironment = try switchVariable(Variable.disabled, in: environment)
    if choices.disabled || disabledByEnvironment { return nil }
    var settings = CacheSettings(folder: (choices.folder ?? defaultFolder(environment: environment)).map(FilePaths.absolute))
    if let text = choices.maximumSize ?? environment[Variable.maximumSize].flatMap({ $0.isEmpty ? nil : $0 }) {
      guard let bytes = parseSize(text) else {
        let source = choices.maximumSize != nil ? "--cache-max-size" : Variable.maximumSize
        throw DiagnosticError([.error("\(source) must be a size such as 500M, 2G or a number of bytes, not '\(text)'")])
      }
      settings.maximumBytes = bytes
    }
    let url = choices.remoteURL ?? environment[Variable.remoteURL].flatMap { $0.isEmpty ? nil : $0 } ?? configuredRemoteURL
    guard let url else { return settings }
    var timeout = 30
    if let seconds = choices.remoteTimeoutSeconds {
      timeout = seconds
    } else if let text = environment[Variable.remoteTimeout], !text.isEmpty {
      guard let seconds = Int(text), (1...3600).contains(seconds) else {
        throw DiagnosticError([.error("\(Variable.remoteTimeout) must be a whole number of seconds from 1 to 3600, not '\(text)'")])
      }
      timeout = seconds
    }
    let readOnlyByEnvironment = try switchVariable(Variable.remoteReadOnly, in: environment)
    let readOnly = choices.remoteReadOnly || readOnlyByEnvironment
    // Name where the URL came from: a bad SNAPGEN_REMOTE_CACHE is otherwise a mystery.
    let source =
      choices.remoteURL != nil ? "--remote-cache"
      : environment[Variable.remoteURL].map({ !$0.isEmpty }) == true ? Variable.remoteURL : "'remoteCache'"
    do { settings.remote = try RemoteCacheSettings(url: url, readOnly: readOnly, timeoutSeconds: timeout) } catch {
      throw DiagnosticError([.error("\(source): \(error.description)")])
    }
    return settings
  }

  /// An on/off variable (`SNAPGEN_NO_CACHE=1`): unset, empty or `0` is off, `1` is on, and
  /// anything else is refused by name (`SNAPGEN_NO_CACHE=true` was silently ignored, so the
  /// cache a user meant to turn off was used).
  static func switchVariable(_ name: String, in environment: [String: String]) throws(DiagnosticError) -> Bool {
    switch environment[name] {
    case nil, "", "0": return false
    case "1": return true
    case let value?: throw DiagnosticError([.error("\(name) must be 1 (on) or 0 (off), not '\(value)'")])
    }
  }
}
