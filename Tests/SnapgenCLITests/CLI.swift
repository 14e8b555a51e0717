import Foundation
import Subprocess
import SystemPackage

/// Runs the built `snapgen` executable the way a user would.
enum CLI {
  struct Result {
    var status: Int32
    var stdout: String
    var stderr: String
  }

  /// The `snapgen` binary next to the test bundle.
  static var executable: String {
    let testBinary = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
    var folder = testBinary.deletingLastPathComponent()
    // On Linux the test runner is <bin>/snapgenPackageTests.xctest.
    while folder.path != "/" && !FileManager.default.fileExists(atPath: folder.appendingPathComponent("snapgen").path) {
      folder = folder.deletingLastPathComponent()
    }
    return folder.appendingPathComponent("snapgen").path
  }

  /// The repository root (for internal-js).
  static var packageRoot: String {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url = url.deletingLastPathComponent() }
    return url.path
  }

  static func run(_ arguments: [String], in folder: String? = nil, as prefix: [String] = []) async throws -> Result {
    let command = prefix.isEmpty ? executable : prefix[0]
    // A prefix runs snapgen through a wrapper (e.g. setpriv); a one-element prefix is another
    // program to run instead of snapgen.
    let fullArguments = prefix.isEmpty ? arguments
      : prefix.count == 1 ? arguments : Array(prefix.dropFirst()) + [executable] + arguments
    let result = try await Subprocess.run(
      .path(FilePath(command)), arguments: Arguments(fullArguments),
      workingDirectory: folder.map { FilePath($0) },
      output: .string(limit: 1 << 20), error: .string(limit: 1 << 20))
    let status: Int32
    switch result.terminationStatus {
    case .exited(let code): status = Int32(code)
    case .signaled(let signal): status = 128 + Int32(signal)
    }
    return Result(status: status, stdout: result.standardOutput ?? "", stderr: result.standardError ?? "")
  }

  static func temporaryFolder() throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("snapgen-cli-\(UUID().uuidString)").path
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
}
