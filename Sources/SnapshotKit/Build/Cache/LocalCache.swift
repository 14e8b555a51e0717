import BundleResolver
import FoundationEssentials
import Glibc

/// The snapshot cache on this machine: a folder of action records and content-addressed
/// snapshots, capped in size with least-recently-used eviction.
///
/// Layout (format `v1`): `v1/ac/<key>` holds an ``ActionRecord``, `v1/cas/<sha256>` the snapshot
/// bytes, `v1/lock` serialises eviction. Every file is written to a temporary name and renamed
/// into place, so a reader sees a whole entry or none, and concurrent builds of the same key
/// simply write the same bytes twice. A hit refreshes both files' modification times, which is
/// the order eviction follows. Blobs are checked against their digest on every read; a damaged
/// entry is removed and reported as a miss.
public struct LocalCache: Sendable {
  /// The folder given by the user (the format folder `v1` lives inside it).
  public var folder: String
  /// The size cap in bytes.
  public var maximumBytes: Int64

  public init(folder: String, maximumBytes: Int64 = CacheSettings.defaultMaximumBytes) {
    self.folder = folder
    self.maximumBytes = maximumBytes
  }

  var root: String { folder + "/v1" }
  var actionFolder: String { root + "/ac" }
  var blobFolder: String { root + "/cas" }

  /// Why the cache folder cannot be used.
  public struct Failure: Error, Sendable, CustomStringConvertible {
    public var description: String
  }

  /// Creates the folders (mode 0700) when missing.
  public func prepare() throws(Failure) {
    for path in [folder, root, actionFolder, blobFolder] {
      if mkdir(path, 0o700) != 0, errno != EEXIST {
        throw Failure(description: "cannot create the cache folder \(path): \(String(cString: strerror(errno)))")
      }
      var status = stat()
      guard stat(path, &status) == 0, status.st_mode & S_IFMT == S_IFDIR else {
        throw Failure(description: "the cache folder \(path) is not a folder")
      }
    }
    guard access(root, W_OK) == 0 else {
      throw Failure(description: "the cache folder \(root) is not writable")
    }
  }

  /// The record for a key, when present and well-formed.
  public func record(for key: String, path: String = ActionRecord.outputPath) -> ActionRecord? {
    guard Self.isDigest(key), let bytes = try? FileBytes.read(actionFolder + "/" + key, maximumSize: 4096) else { return nil }
    return ActionRecord.decode(bytes, path: path)
  }

  /// The verified snapshot bytes for a key, or nil. A record or blob that fails its check is
  /// deleted so that the next build replaces it.
  public func lookup(_ key: String, path: String = ActionRecord.outputPath) -> [UInt8]? {
    guard let record = record(for: key, path: path) else { return nil }
    guard let bytes = blob(record.sha256), bytes.count == record.size else {
      unlink(actionFolder + "/" + key)
      return nil
    }
    touch(actionFolder + "/" + key)
    return bytes
  }

  /// The blob with this digest, verified; a blob whose bytes do not hash to its name is deleted.
  public func blob(_ sha256: String) -> [UInt8]? {
    guard Self.isDigest(sha256) else { return nil }
    let path = blobFolder + "/" + sha256
    guard let bytes = try? FileBytes.read(path, maximumSize: 1 << 31) else { return nil }
    guard InputDigest.sha256(bytes) == sha256 else {
      unlink(path)
      return nil
    }
    touch(path)
    return bytes
  }

  /// Stores snapshot bytes under a key (blob first, then the record that points at it), then
  /// evicts old entries when the cache is over its cap.
  public func store(_ bytes: [UInt8], for key: String, path: String = ActionRecord.outputPath) throws(Failure) {
    try store(DigestedBytes(bytes), for: key, path: path)
  }

  /// ``store(_:for:path:)`` for bytes whose digest is already known.
  func store(_ blob: DigestedBytes, for key: String, path: String = ActionRecord.outputPath) throws(Failure) {
    guard Self.isDigest(key) else { throw Failure(description: "invalid cache key \(key)") }
    try prepare()
    let bytes = blob.bytes, sha256 = blob.sha256
    let record = ActionRecord(sha256: sha256, size: bytes.count, path: path)
    try write(bytes, to: blobFolder + "/" + sha256)
    try write(record.encoded, to: actionFolder + "/" + key)
    touch(blobFolder + "/" + sha256)
    if (try? usage().bytes) ?? 0 > maximumBytes { _ = try? prune(toBytes: maximumBytes, keeping: sha256) }
  }

  /// What the cache holds.
  public struct Usage: Sendable, Equatable {
    /// Snapshots that can be found (records naming a snapshot).
    public var snapshots: Int
    /// Build manifests of direct mode.
    public var manifests: Int
    /// Content-addressed blobs (snapshots and manifests).
    public var blobs: Int
    /// Bytes taken by the blobs and records.
    public var bytes: Int64
  }

  /// Counts the entries and their size.
  public func usage() throws(Failure) -> Usage {
    // A missing folder is an empty cache; a file, a link loop or an unreadable path is not.
    for path in [folder, root, actionFolder, blobFolder] {
      var status = stat()
      if stat(path, &status) != 0 {
        if errno == ENOENT { break }
        throw Failure(description: "cannot read the cache folder \(path): \(String(cString: strerror(errno)))")
      }
      guard status.st_mode & S_IFMT == S_IFDIR else { throw Failure(description: "the cache folder \(path) is not a folder") }
    }
    let blobs = files(in: blobFolder)
    let records = files(in: actionFolder)
    let bytes = (blobs + records).reduce(Int64(0)) { $0 + $1.size }
    let snapshots = records.filter { record(for: $0.name) != nil }.count
    let manifests = records.filter { record(for: $0.name, path: BuildManifest.outputPath) != nil }.count
    return Usage(snapshots: snapshots, manifests: manifests, blobs: blobs.count, bytes: bytes)
  }

  /// What a prune removed.
  public struct PruneResult: Sendable, Equatable {
    /// Blobs removed (snapshots and manifests).
    public var removedBlobs: Int
    public var removedBytes: Int64
    public var remaining: Usage
  }

  /// Removes least recently used snapshots until the cache holds at most `limit` bytes, then
  /// every record whose snapshot is gone. Holds the cache lock meanwhile (another prune waits).
  /// The blob named `keeping` (the one just stored) goes last: file times are only as fine as
  /// the kernel's clock tick, so it may tie with entries used moments before.
  @discardableResult
  public func prune(toBytes limit: Int64, keeping: String? = nil) throws(Failure) -> PruneResult {
    try prepare()
    let lock = open(root + "/lock", O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
    guard lock >= 0 else { throw Failure(description: "cannot open the cache lock \(root)/lock: \(String(cString: strerror(errno)))") }
    defer { close(lock) }
    while flock(lock, LOCK_EX) != 0 && errno == EINTR {}
    removeStaleTemporaries()
    var blobs = files(in: blobFolder).sorted { ($0.name == keeping ? 1 : 0, $0.modified) < ($1.name == keeping ? 1 : 0, $1.modified) }
    let records = files(in: actionFolder)
    var total = (blobs + records).reduce(Int64(0)) { $0 + $1.size }
    var removed = 0
    var removedBytes: Int64 = 0
    while total > limit, !blobs.isEmpty {
      let oldest = blobs.removeFirst()
      if unlink(blobFolder + "/" + oldest.name) == 0 {
        removed += 1
        removedBytes += oldest.size
        total -= oldest.size
      }
    }
    let kept = Set(blobs.map(\.name))
    for record in records {
      let target = self.record(for: record.name)?.sha256 ?? self.record(for: record.name, path: BuildManifest.outputPath)?.sha256
      if target == nil || !kept.contains(target!) || (total > limit) {
        if unlink(actionFolder + "/" + record.name) == 0 {
          removedBytes += record.size
          total -= record.size
        }
      }
    }
    return PruneResult(removedBlobs: removed, removedBytes: removedBytes, remaining: try usage())
  }

  /// Removes temporary files more than an hour old (left by a writer that was killed).
  private func removeStaleTemporaries() {
    let cutoff = Date().timeIntervalSince1970 - 3600
    for folder in [actionFolder, blobFolder] {
      for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] where name.hasPrefix(".tmp-") {
        var status = stat()
        if stat(folder + "/" + name, &status) == 0, Double(status.st_mtim.tv_sec) < cutoff { unlink(folder + "/" + name) }
      }
    }
  }

  private struct Entry {
    var name: String
    var size: Int64
    var modified: Double
  }

  /// The regular files in a folder (temporary files excluded).
  private func files(in path: String) -> [Entry] {
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else { return [] }
    return names.compactMap { name in
      guard !name.hasPrefix(".") else { return nil }
      var status = stat()
      guard stat(path + "/" + name, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return nil }
      let modified = Double(status.st_mtim.tv_sec) + Double(status.st_mtim.tv_nsec) / 1e9
      return Entry(name: name, size: Int64(status.st_size), modified: modified)
    }
  }

  /// Writes a whole file under a temporary name and renames it into place. Unlike
  /// ``AtomicFileWriter`` it does not wait for the disk (no `fsync`): an entry torn by a crash
  /// fails its digest check on the next read and is rebuilt, so the cache needs no durability.
  private func write(_ bytes: [UInt8], to path: String) throws(Failure) {
    let folder = FilePaths.directory(of: path)
    var template = Array("\(folder)/.tmp-\(getpid())-XXXXXX".utf8CString)
    let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
    guard descriptor >= 0 else { throw Failure(description: "cannot write in \(folder): \(String(cString: strerror(errno)))") }
    let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    var offset = 0
    while offset < bytes.count {
      let written = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress! + offset, $0.count - offset) }
      if written < 0 && errno == EINTR { continue }
      guard written > 0 else {
        let reason = String(cString: strerror(errno))
        close(descriptor)
        unlink(temporary)
        throw Failure(description: "cannot write \(path): \(reason)")
      }
      offset += written
    }
    close(descriptor)
    fchmodat(AT_FDCWD, temporary, 0o644, 0)
    guard rename(temporary, path) == 0 else {
      let reason = String(cString: strerror(errno))
      unlink(temporary)
      throw Failure(description: "cannot write \(path): \(reason)")
    }
  }

  /// Marks a file as just used (its modification time is the LRU order).
  private func touch(_ path: String) {
    _ = utimensat(AT_FDCWD, path, nil, 0)
  }

  static func isDigest(_ text: String) -> Bool {
    text.utf8.count == 64 && text.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
  }
}
