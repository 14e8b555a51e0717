/// What one run of a program produced.
public struct CLIResult: Sendable, CustomStringConvertible {
  /// The exit status; 128 + the signal number when a signal ended the program.
  public var status: Int32
  public var stdout: String
  public var stderr: String
  /// True when the run hit its time limit and its process group was killed.
  public var timedOut: Bool

  public init(status: Int32, stdout: String, stderr: String, timedOut: Bool = false) {
    self.status = status
    self.stdout = stdout
    self.stderr = stderr
    self.timedOut = timedOut
  }

  /// Status and both streams, for the message of a failed expectation.
  public var description: String {
    "exit \(status)\(timedOut ? " (timed out)" : "")\n--- stdout\n\(stdout)--- stderr\n\(stderr)"
  }
}
