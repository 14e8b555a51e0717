import Glibc
import Foundation

/// Snapshots of the small projects in `Tests/Fixtures`, built with the real `snapgen build`
/// once per test process and shared by every test that boots them.
public actor FixtureSnapshots {
  /// The process-wide cache.
  public static let shared = FixtureSnapshots()

  /// A fixture project and the snapshot built from it.
  public struct Built: Sendable {
    /// The copy of the fixture that was built (its snapgen.json sits beside snapshot.bin).
    public var project: String
    /// `project/snapshot.bin`.
    public var snapshot: String
  }

  private var builds: [String: Task<Built, any Error>] = [:]
  private var folder: String?

  /// The snapshot of `Tests/Fixtures/<fixture>`, built on first use.
  ///
  /// The fixture is copied into this process's folder (`snapgen-fixtures-<pid>` in the
  /// temporary folder) first, so the repository stays clean; tests read the copy and never
  /// change it. Folders of test processes that no longer run are removed on first use.
  public func build(_ fixture: String) async throws -> Built {
    if let pending = builds[fixture] { return try await pending.value }
    let project = try processFolder() + "/" + fixture
    try FileManager.default.copyItem(atPath: Repository.fixtures + "/" + fixture, toPath: project)
    let task = Task<Built, any Error> {
      let result = try await SnapgenCLI.run(["build", project, "-o", project + "/snapshot.bin"])
      guard result.status == 0 else { throw FixtureError(fixture: fixture, result: result) }
      return Built(project: project, snapshot: project + "/snapshot.bin")
    }
    builds[fixture] = task
    return try await task.value
  }

  private func processFolder() throws -> String {
    if let folder { return folder }
    let temporary = FileManager.default.temporaryDirectory.resolvingSymlinksInPath().path
    let prefix = "snapgen-fixtures-"
    for name in (try? FileManager.default.contentsOfDirectory(atPath: temporary)) ?? [] where name.hasPrefix(prefix) {
      guard let pid = pid_t(name.dropFirst(prefix.count)), kill(pid, 0) != 0, errno == ESRCH else { continue }
      try? FileManager.default.removeItem(atPath: temporary + "/" + name)
    }
    let path = temporary + "/" + prefix + "\(getpid())"
    try? FileManager.default.removeItem(atPath: path)
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    folder = path
    return path
  }

  /// The snapshot path of `Tests/Fixtures/<fixture>` (see ``build(_:)``).
  public static func snapshot(_ fixture: String) async throws -> String {
    try await shared.build(fixture).snapshot
  }
}

/// A fixture project that `snapgen build` refused.
public struct FixtureError: Error, CustomStringConvertible {
  public var fixture: String
  public var result: CLIResult
  public var description: String { "the fixture \(fixture) did not build: \(result)" }
}
