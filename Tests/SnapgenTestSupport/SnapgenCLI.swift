import Foundation
import Subprocess
import SystemPackage

/// Runs the built `snapgen` (or another built product) the way a user would: arguments,
/// optional standard input, extra environment, a working directory and a time limit.
public enum SnapgenCLI {
  /// The `snapgen` binary beside the test bundle.
  public static var executable: String { Repository.binFolder + "/snapgen" }

  /// How long a run may take before its whole process group is killed.
  public static let defaultTimeLimit: Duration = .seconds(600)

  /// Runs `snapgen arguments…`.
  ///
  /// - Parameters:
  ///   - prefix: a wrapper to run snapgen through (`["/usr/bin/setpriv", "--reuid=65534"]`); with
  ///     `program`, the program to run instead of snapgen.
  ///   - program: another executable to run in snapgen's place (e.g. the embedder example): a
  ///     path, or a name looked up in `PATH` (`"swift"`).
  ///   - stdin: text fed on standard input; none when nil.
  ///   - environment: variables added to the inherited environment.
  ///   - folder: the working directory; the test process's when nil.
  ///   - timeLimit: after this long the program and everything it started (snapgen's build
  ///     child, swift's compilers) are killed with SIGKILL and the result says `timedOut`.
  public static func run(
    _ arguments: [String], prefix: [String] = [], program: String? = nil, stdin: String? = nil,
    environment: [String: String] = [:], in folder: String? = nil, timeLimit: Duration = defaultTimeLimit
  ) async throws -> CLIResult {
    let target = program ?? executable
    let command = prefix.first ?? target
    let full = prefix.isEmpty ? arguments : Array(prefix.dropFirst()) + [target] + arguments
    var env: Environment = .inherit
    var environment = environment
    if environment["SNAPGEN_CACHE_DIR"] == nil { environment["SNAPGEN_CACHE_DIR"] = TestCacheFolder.path }
    for (key, value) in environment { env = env.updating([.init(stringLiteral: key): value]) }
    let configuration = Configuration(
      executable: command.contains("/") ? .path(FilePath(command)) : .name(command), arguments: Arguments(full),
      environment: env, workingDirectory: folder.map { FilePath($0) })
    if let stdin {
      return try await run(configuration, input: .string(stdin), timeLimit: timeLimit)
    }
    return try await run(configuration, input: .none, timeLimit: timeLimit)
  }

  private static func run(
    _ configuration: Configuration, input: some InputProtocol, timeLimit: Duration
  ) async throws -> CLIResult {
    let result = try await Subprocess.run(
      configuration, input: input, output: .string(limit: 1 << 22), error: .string(limit: 1 << 22)
    ) { execution in
      let pid = execution.processIdentifier.value
      return Task<Bool, Never> {
        do { try await Task.sleep(for: timeLimit) } catch { return false }
        ProcessTree.kill(pid)
        return true
      }
    }
    let watchdog = result.closureResult
    watchdog.cancel()
    let timedOut = await watchdog.value
    let status: Int32
    switch result.terminationStatus {
    case .exited(let code): status = Int32(code)
    case .signaled(let signal): status = 128 + Int32(signal)
    }
    return CLIResult(
      status: status, stdout: result.standardOutput ?? "", stderr: result.standardError ?? "", timedOut: timedOut)
  }
}
