import CSnapgenHTTP
import FoundationEssentials
import Glibc

/// A client for a Bazel HTTP cache (bazel-remote, nginx with WebDAV, BuildBuddy …).
///
/// `get` fetches `ac/<key>`, decodes the ``ActionRecord``, fetches `cas/<sha256>` and checks the
/// bytes against the digest and size; `put` uploads `cas/` first, then `ac/`, so a reader never
/// finds a record whose blob was not uploaded. HTTP goes through Debian's libcurl, loaded on
/// first use (no snapgen process links it). The `Authorization` header comes from
/// ``CacheSettings/Variable/remoteAuthorization`` and appears in no message.
public struct RemoteCache: Sendable {
  public var settings: RemoteCacheSettings
  /// The `Authorization` header value, if any.
  var authorization: String?

  /// The largest response accepted (a snapshot is a few megabytes).
  static let maximumResponse = 1 << 30

  public init(settings: RemoteCacheSettings, authorization: String?) {
    self.settings = settings
    self.authorization = authorization
  }

  /// The verified snapshot bytes for a key; nil when the server has no (usable) entry.
  /// Entries that are malformed, truncated or do not match their digest count as missing.
  /// - Throws: when the server cannot be reached, times out or answers with an error.
  public func get(_ key: String, path: String = ActionRecord.outputPath) throws(RemoteCacheError) -> [UInt8]? {
    try getDigested(key, path: path)?.bytes
  }

  /// ``get(_:path:)`` with the digest the bytes were checked against.
  func getDigested(_ key: String, path: String = ActionRecord.outputPath) throws(RemoteCacheError) -> DigestedBytes? {
    guard let recordBytes = try fetch("ac/" + key), let record = ActionRecord.decode(recordBytes, path: path) else { return nil }
    guard let bytes = try fetch("cas/" + record.sha256), bytes.count == record.size else { return nil }
    let blob = DigestedBytes(bytes)
    return blob.sha256 == record.sha256 ? blob : nil
  }

  /// Uploads snapshot bytes under a key (blob, then record).
  public func put(_ bytes: [UInt8], for key: String, path: String = ActionRecord.outputPath) throws(RemoteCacheError) {
    try put(DigestedBytes(bytes), for: key, path: path)
  }

  /// ``put(_:for:path:)`` for bytes whose digest is already known.
  func put(_ blob: DigestedBytes, for key: String, path: String = ActionRecord.outputPath) throws(RemoteCacheError) {
    let record = ActionRecord(sha256: blob.sha256, size: blob.bytes.count, path: path)
    try send("cas/" + record.sha256, blob.bytes)
    try send("ac/" + key, record.encoded)
  }

  private func fetch(_ path: String) throws(RemoteCacheError) -> [UInt8]? {
    let response = try request("GET", path, body: [])
    switch response.status {
    case 200: return response.body
    case 404: return nil
    default: throw RemoteCacheError("GET \(settings.displayURL)/\(path) answered HTTP \(response.status)")
    }
  }

  private func send(_ path: String, _ body: [UInt8]) throws(RemoteCacheError) {
    let response = try request("PUT", path, body: body)
    guard (200...299).contains(response.status) else {
      throw RemoteCacheError("PUT \(settings.displayURL)/\(path) answered HTTP \(response.status)")
    }
  }

  private struct Response {
    var status: Int
    var body: [UInt8]
  }

  /// One request with bounded retries: a connection failure or a 5xx answer is tried again after
  /// a short pause, up to ``RemoteCacheSettings/attempts`` times; a time-out is not.
  private func request(_ method: String, _ path: String, body: [UInt8]) throws(RemoteCacheError) -> Response {
    let url = settings.url + "/" + path
    var lastError = RemoteCacheError("\(method) \(settings.displayURL)/\(path) failed")
    for attempt in 1...settings.attempts {
      if attempt > 1 { usleep(useconds_t(200_000 * (attempt - 1))) }
      var raw = sg_http_response()
      let code = body.withUnsafeBufferPointer { buffer in
        sg_http_request(
          method, url, authorization, buffer.baseAddress, buffer.count, Int(min(5_000, settings.timeoutMilliseconds)),
          Int(settings.timeoutMilliseconds), Self.maximumResponse, &raw)
      }
      defer { sg_http_response_free(&raw) }
      let reason = withUnsafeBytes(of: raw.error) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
      switch code {
      case 0:
        let status = Int(raw.status)
        let bytes = raw.body.map { Array(UnsafeBufferPointer(start: $0, count: raw.length)) } ?? []
        if (500...599).contains(status), attempt < settings.attempts {
          lastError = RemoteCacheError("\(method) \(settings.displayURL)/\(path) answered HTTP \(status)")
          continue
        }
        return Response(status: status, body: bytes)
      case -2:
        throw RemoteCacheError("\(reason); install Debian's libcurl4 to use a remote cache")
      default:
        lastError = RemoteCacheError("\(method) \(settings.displayURL)/\(path) failed: \(scrub(reason))")
        if raw.timed_out != 0 { throw lastError }
      }
    }
    throw lastError
  }

  /// Removes the URL's credentials from a libcurl message, should it quote the URL.
  private func scrub(_ message: String) -> String {
    guard settings.displayURL != settings.url else { return message }
    return message.replacing(settings.url, with: settings.displayURL)
  }
}
