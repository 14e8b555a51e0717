import ArgumentParser
import Testing

@testable import snapgen

/// The exit status ArgumentParser gives a parse error of `command` with `arguments`, and the
/// message it prints; nil when the arguments parse.
func usageError<Command: ParsableCommand>(_ command: Command.Type, _ arguments: [String]) -> (code: Int32, message: String)? {
  do {
    _ = try Command.parse(arguments)
    return nil
  } catch {
    return (Command.exitCode(for: error).rawValue, Command.message(for: error))
  }
}
