import Glibc

/// Runs a child process to completion with its standard input fed from memory and its standard
/// output and error collected, without a shell and without temporary files.
///
/// Used to run V8's serialiser in a process of its own: whatever the child does (a V8 FATAL,
/// a segmentation fault, an abort), the parent survives and learns how it ended.
public enum ChildProcess {
  /// How a child ended and what it printed.
  public struct Outcome: Sendable {
    /// How the child ended.
    public enum Termination: Equatable, Sendable {
      case exited(Int32)
      case signaled(Int32)
    }

    public var termination: Termination
    public var standardOutput: [UInt8]
    public var standardError: [UInt8]
    /// True when the child was killed because it outlived the timeout.
    public var timedOut = false
  }

  /// A failure to start the child.
  public struct SpawnError: Error, Sendable, CustomStringConvertible {
    public var description: String
  }

  /// Runs `executable` with `arguments` (not including argv[0]), writes `input` to its standard
  /// input, and waits for it to end; after `timeout` (if given) the child is killed.
  public static func run(
    _ executable: String, arguments: [String], input: [UInt8] = [], environment: [String]? = nil,
    timeout: Duration? = nil
  ) throws(SpawnError) -> Outcome {
    var stdinPipe: [Int32] = [-1, -1]
    var stdoutPipe: [Int32] = [-1, -1]
    var stderrPipe: [Int32] = [-1, -1]
    func makePipe(_ fds: inout [Int32]) -> Bool {
      guard pipe(&fds) == 0 else { return false }
      // Close-on-exec, so that no child inherits another child's pipe ends.
      for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
      return true
    }
    guard makePipe(&stdinPipe), makePipe(&stdoutPipe), makePipe(&stderrPipe) else {
      let reason = String(cString: strerror(errno))
      for fd in stdinPipe + stdoutPipe + stderrPipe where fd >= 0 { close(fd) }
      throw SpawnError(description: "cannot create pipes: \(reason)")
    }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_adddup2(&actions, stdinPipe[0], STDIN_FILENO)
    posix_spawn_file_actions_adddup2(&actions, stdoutPipe[1], STDOUT_FILENO)
    posix_spawn_file_actions_adddup2(&actions, stderrPipe[1], STDERR_FILENO)

    let argv = ([executable] + arguments).map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    let env = (environment ?? currentEnvironment()).map { strdup($0) } + [nil]
    defer { env.forEach { free($0) } }
    var pid: pid_t = 0
    let status = posix_spawn(&pid, executable, &actions, nil, argv, env)
    close(stdinPipe[0])
    close(stdoutPipe[1])
    close(stderrPipe[1])
    guard status == 0 else {
      close(stdinPipe[1])
      close(stdoutPipe[0])
      close(stderrPipe[0])
      throw SpawnError(description: "cannot start \(executable): \(String(cString: strerror(status)))")
    }
    let deadline = timeout.map { ContinuousClock.now + $0 }
    let (output, error, timedOut) = pump(
      input: input, stdin: stdinPipe[1], stdout: stdoutPipe[0], stderr: stderrPipe[0], child: pid, deadline: deadline)
    var waitStatus: Int32 = 0
    while waitpid(pid, &waitStatus, 0) < 0 && errno == EINTR {}
    let termination: Outcome.Termination =
      (waitStatus & 0x7f) == 0 ? .exited((waitStatus >> 8) & 0xff) : .signaled(waitStatus & 0x7f)
    return Outcome(termination: termination, standardOutput: output, standardError: error, timedOut: timedOut)
  }

  /// Feeds stdin and drains stdout and stderr together, so no pipe can fill up and block.
  /// Kills `child` once `deadline` passes (its pipes then close and the loop ends).
  private static func pump(
    input: [UInt8], stdin: Int32, stdout: Int32, stderr: Int32, child: pid_t, deadline: ContinuousClock.Instant?
  ) -> ([UInt8], [UInt8], Bool) {
    var timedOut = false
    var output: [UInt8] = []
    var error: [UInt8] = []
    var written = 0
    var inputOpen = true
    if input.isEmpty {
      close(stdin)
      inputOpen = false
    }
    var open: [Int32] = [stdout, stderr]
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    // A child that dies while we write must not kill us with SIGPIPE; the write fails instead.
    let previous = signal(SIGPIPE, SIG_IGN)
    defer { signal(SIGPIPE, previous) }
    while !open.isEmpty || inputOpen {
      var fds = open.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
      if inputOpen { fds.append(pollfd(fd: stdin, events: Int16(POLLOUT), revents: 0)) }
      var wait: Int32 = -1
      if let deadline, !timedOut {
        let left = ContinuousClock.now.duration(to: deadline)
        wait = Int32(clamping: max(0, left.components.seconds * 1_000 + left.components.attoseconds / 1_000_000_000_000_000))
      }
      let ready = poll(&fds, nfds_t(fds.count), wait)
      if ready < 0 {
        if errno == EINTR { continue }
        break
      }
      if ready == 0 && wait >= 0 {
        timedOut = true
        kill(child, SIGKILL)
        continue
      }
      for entry in fds where entry.revents != 0 {
        if entry.fd == stdin {
          let count = input.withUnsafeBytes { write(stdin, $0.baseAddress! + written, $0.count - written) }
          if count > 0 { written += count }
          if count < 0 && errno != EINTR && errno != EAGAIN || written == input.count {
            close(stdin)
            inputOpen = false
          }
          continue
        }
        let count = chunk.withUnsafeMutableBytes { read(entry.fd, $0.baseAddress!, $0.count) }
        if count > 0 {
          if entry.fd == stdout { output += chunk[0..<count] } else { error += chunk[0..<count] }
        } else if count == 0 || (errno != EINTR && errno != EAGAIN) {
          close(entry.fd)
          open.removeAll { $0 == entry.fd }
        }
      }
    }
    return (output, error, timedOut)
  }

  private static func currentEnvironment() -> [String] {
    var result: [String] = []
    var pointer = environ
    while let entry = pointer.pointee {
      result.append(String(cString: entry))
      pointer += 1
    }
    return result
  }
}
