#if canImport(Glibc)
  import Glibc
#endif
import Foundation
import Subprocess
import SystemPackage

/// Runs the built `snapgen` as a user would, with an optional command prefix (setpriv, prlimit)
/// and extra environment.
enum Harness {
  struct Result {
    var status: Int32
    var stdout: String
    var stderr: String
  }

  static let previous = Data("previous snapshot.bin".utf8)

  static var executable: String {
    var folder = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
    while folder.path != "/" && !FileManager.default.fileExists(atPath: folder.appendingPathComponent("snapgen").path) {
      folder = folder.deletingLastPathComponent()
    }
    return folder.appendingPathComponent("snapgen").path
  }

  static var packageRoot: String {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url = url.deletingLastPathComponent() }
    return url.path
  }

  static func run(
    _ arguments: [String], prefix: [String] = [], environment: [String: String] = [:]
  ) async throws -> Result {
    let command = prefix.first ?? executable
    let full = prefix.isEmpty ? arguments : Array(prefix.dropFirst()) + [executable] + arguments
    var env: Environment = .inherit
    for (key, value) in environment { env = env.updating([.init(stringLiteral: key): value]) }
    let result = try await Subprocess.run(
      .path(FilePath(command)), arguments: Arguments(full), environment: env,
      output: .string(limit: 1 << 20), error: .string(limit: 1 << 20))
    let status: Int32
    switch result.terminationStatus {
    case .exited(let code): status = Int32(code)
    case .signaled(let signal): status = 128 + Int32(signal)
    }
    return Result(status: status, stdout: result.standardOutput ?? "", stderr: result.standardError ?? "")
  }

  static func temporaryFolder() throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("snapgen-rel-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return URL(fileURLWithPath: path).resolvingSymlinksInPath().path
  }

  static func write(_ files: [String: String], into folder: String) throws {
    for (path, contents) in files {
      let full = folder + "/" + path
      try FileManager.default.createDirectory(
        atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
      try contents.write(toFile: full, atomically: false, encoding: .utf8)
    }
  }

  /// Temporary files an atomic write may leave in `folder`.
  static func temporaries(in folder: String) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.contains(".tmp-") }
  }
}
