import FoundationEssentials
import Glibc

/// Where a build looks for and stores finished snapshots: a local folder, a remote HTTP cache,
/// both or neither. Sent to the build child as JSON; it holds no secret (the remote cache's
/// authorization header is read from the environment by the process that talks to it).
public struct CacheSettings: Codable, Sendable, Equatable {
  /// The local cache folder; nil when the local cache is off.
  public var folder: String?
  /// The local cache's size cap in bytes; least recently used entries go first.
  public var maximumBytes: Int64
  /// The remote cache, when one is configured.
  public var remote: RemoteCacheSettings?

  /// 2 GiB: room for a few hundred snapshots of internal-js's size.
  public static let defaultMaximumBytes: Int64 = 2 << 30

  public init(folder: String?, maximumBytes: Int64 = defaultMaximumBytes, remote: RemoteCacheSettings? = nil) {
    self.folder = folder
    self.maximumBytes = maximumBytes
    self.remote = remote
  }

  /// Whether any cache is configured.
  public var isEnabled: Bool { folder != nil || remote != nil }

  /// Environment variables that configure the cache (each has a command-line equivalent).
  public enum Variable {
    /// The local cache folder (`--cache-dir`).
    public static let folder = "SNAPGEN_CACHE_DIR"
    /// The local cache's size cap, `512M`, `2G` or bytes (`--cache-max-size`).
    public static let maximumSize = "SNAPGEN_CACHE_MAX_SIZE"
    /// `1` turns every cache off (`--no-cache`).
    public static let disabled = "SNAPGEN_NO_CACHE"
    /// The remote cache's base URL (`--remote-cache`).
    public static let remoteURL = "SNAPGEN_REMOTE_CACHE"
    /// `1` makes the remote cache read-only (`--remote-cache-read-only`).
    public static let remoteReadOnly = "SNAPGEN_REMOTE_CACHE_READ_ONLY"
    /// Seconds one remote request may take (`--remote-cache-timeout`).
    public static let remoteTimeout = "SNAPGEN_REMOTE_CACHE_TIMEOUT"
    /// The value of the `Authorization` header sent to the remote cache (never printed).
    public static let remoteAuthorization = "SNAPGEN_REMOTE_CACHE_AUTHORIZATION"
  }

  /// The default local folder: `$SNAPGEN_CACHE_DIR`, else `$XDG_CACHE_HOME/snapgen`, else
  /// `$HOME/.cache/snapgen`; nil when none can be named.
  public static func defaultFolder(environment: [String: String]) -> String? {
    if let folder = environment[Variable.folder], !folder.isEmpty { return folder }
    if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") { return xdg + "/snapgen" }
    if let home = environment["HOME"], home.hasPrefix("/") { return home + "/.cache/snapgen" }
    return nil
  }

  /// Parses a size: bytes, or a number followed by K, M or G (powers of 1024).
  public static func parseSize(_ text: String) -> Int64? {
    let units: [Character: Int64] = ["K": 1 << 10, "M": 1 << 20, "G": 1 << 30]
    var digits = Substring(text.uppercased())
    var unit: Int64 = 1
    if let last = digits.last, let scale = units[last] {
      unit = scale
      digits = digits.dropLast()
      if digits.last == "I" || digits.last == "B" { return nil }
    }
    guard !digits.isEmpty, digits.allSatisfy(\.isASCII), let number = Int64(digits), number > 0 else { return nil }
    let (bytes, overflow) = number.multipliedReportingOverflow(by: unit)
    return overflow ? nil : bytes
  }
}

/// A remote cache speaking Bazel's HTTP cache protocol: `GET`/`PUT` `URL/ac/<key>` for the
/// ``ActionRecord`` and `URL/cas/<sha256>` for the snapshot bytes.
public struct RemoteCacheSettings: Codable, Sendable, Equatable {
  /// The base URL, `http://` or `https://`, without a trailing slash.
  public var url: String
  /// Read entries but never upload (untrusted CI jobs).
  public var readOnly: Bool
  /// How long one request may take, in milliseconds.
  public var timeoutMilliseconds: Int
  /// How many times a request is tried when the connection fails or the server answers 5xx
  /// (a time-out is not retried).
  public var attempts: Int

  /// Checks and normalises a URL; the error names what is wrong without echoing credentials.
  public init(url: String, readOnly: Bool = false, timeoutSeconds: Int = 30, attempts: Int = 2) throws(RemoteCacheError) {
    let lowered = url.lowercased()
    guard lowered.hasPrefix("http://") || lowered.hasPrefix("https://") else {
      throw RemoteCacheError("the remote cache URL must start with http:// or https://")
    }
    guard !url.contains(where: { $0.isWhitespace || $0 == "?" || $0 == "#" }), url.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else {
      throw RemoteCacheError("the remote cache URL must be a plain http(s) URL without spaces, a query or a fragment")
    }
    guard (1...3600).contains(timeoutSeconds) else {
      throw RemoteCacheError("the remote cache time-out must be from 1 to 3600 seconds")
    }
    var trimmed = url
    while trimmed.hasSuffix("/") { trimmed.removeLast() }
    guard trimmed.split(separator: "/", omittingEmptySubsequences: false).count >= 3,
      !trimmed.split(separator: "/", omittingEmptySubsequences: false)[2].isEmpty
    else {
      throw RemoteCacheError("the remote cache URL names no host")
    }
    self.url = trimmed
    self.readOnly = readOnly
    self.timeoutMilliseconds = timeoutSeconds * 1000
    self.attempts = max(1, attempts)
  }

  /// The URL with any `user:password@` part replaced by `***@`, for messages.
  public var displayURL: String {
    guard let schemeEnd = url.firstRange(of: "://") else { return url }
    let rest = url[schemeEnd.upperBound...]
    let authority = rest.prefix { $0 != "/" }
    guard let at = authority.lastIndex(of: "@") else { return url }
    return String(url[..<schemeEnd.upperBound]) + "***" + String(rest[at...])
  }
}

/// Why the remote cache could not be used; the message never contains credentials.
public struct RemoteCacheError: Error, Sendable, CustomStringConvertible {
  public var description: String
  public init(_ description: String) { self.description = description }
}
