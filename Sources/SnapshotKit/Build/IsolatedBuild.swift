import Glibc
public import BundleResolver
import FoundationEssentials

/// Builds a snapshot in a child process, so that V8 dying in the serialiser (a FATAL, a
/// segmentation fault, an abort) becomes a diagnostic instead of killing the caller.
///
/// The child is an executable that calls ``serveChild()`` when given ``childCommand`` as its
/// first argument (`snapgen` does). The parent sends the ``BuildConfiguration`` as JSON on the
/// child's stdin; the child answers on stdout with either the serialised snapshot or its
/// diagnostics, framed so that stray output cannot be mistaken for a result.
public struct IsolatedBuild {
  /// The hidden subcommand that makes an executable serve one build.
  public static let childCommand = "_build-child"

  public var configuration: BuildConfiguration
  /// The executable to run as the child; it must implement ``childCommand``.
  public var executable: String
  /// Extra environment entries (`NAME=value`) for the child.
  public var environment: [String] = []
  /// The snapshot caches the child consults after resolving the graph (sent as JSON in
  /// `SNAPGEN_CHILD_CACHE`; the remote cache's credentials stay in the inherited environment).
  public var cacheSettings: CacheSettings?

  /// How long the child may take before it is killed (an endless loop at module top level, a
  /// promise chain that never ends).
  public var timeout: Duration = .seconds(300)
  /// Also take a heap snapshot before serialising (see ``buildInspectingHeap()``).
  var inspectsHeap = false

  public init(configuration: BuildConfiguration, executable: String) {
    self.configuration = configuration
    self.executable = executable
  }

  static let frameMagic = Array("SNAPGEN-CHILD\u{1}".utf8)
  static let snapshotKind: UInt8 = 0x53  // "S"
  static let diagnosticsKind: UInt8 = 0x44  // "D"

  /// Runs the build (resolution, evaluation, serialisation) in a child and returns what it
  /// produced.
  public func build() throws(DiagnosticError) -> BuildOutput {
    let answer = try runToAnswer()
    switch answer.kind {
    case Self.snapshotKind:
      return try Self.decodeOutput(answer.body)
    default:
      throw Self.diagnostics(in: answer.body)
    }
  }

  /// The child's framed answer, and what it printed on stdout before the frame.
  struct Answer {
    var kind: UInt8
    var body: ArraySlice<UInt8>
    var printed: ArraySlice<UInt8>
  }

  /// Runs the child and returns its framed answer; a time-out or a crash becomes a diagnostic.
  func runToAnswer() throws(DiagnosticError) -> Answer {
    let request: [UInt8]
    do { request = [UInt8](try JSONEncoder().encode(configuration)) } catch {
      throw DiagnosticError([.error("cannot encode the build request: \(error)")])
    }
    let outcome = try runChild(request, diagnosing: false)
    if outcome.timedOut {
      let seconds = timeout.components.seconds
      throw DiagnosticError([.error(
        "the build did not finish within \(seconds) s and was stopped",
        file: configuration.configPath.map(FilePaths.display),
        notes: ["JavaScript that never returns at module top level (an endless loop, say) keeps V8 busy; raise --timeout if the build is only slow"])])
    }
    guard let (kind, body) = Self.unframe(outcome.standardOutput) else {
      // V8 prints some of its reasons (e.g. "global handle not serialized") on stdout.
      let stderr = String(decoding: outcome.standardOutput + outcome.standardError, as: UTF8.self)
      let crash = V8CrashExplanation.diagnostic(termination: outcome.termination, standardError: stderr)
      // V8 names no JavaScript location for a live Intl object; a second build that collects
      // garbage before its pre-flight checks finds the object and where it was created.
      if stderr.contains("global handle not serialized"),
        let rerun = try? runChild(request, diagnosing: true),
        let (kind, body) = Self.unframe(rerun.standardOutput), kind == Self.diagnosticsKind,
        var diagnostics = try? JSONDecoder().decode([Diagnostic].self, from: Data(body)), !diagnostics.isEmpty
      {
        diagnostics[0].notes.append("found by a diagnostic rebuild after V8 aborted: \(crash.message)")
        throw DiagnosticError(diagnostics)
      }
      throw DiagnosticError([crash])
    }
    return Answer(kind: kind, body: body, printed: outcome.standardOutput[..<(body.startIndex - Self.frameMagic.count - 1)])
  }

  /// The diagnostics of a failed child's answer.
  static func diagnostics(in body: ArraySlice<UInt8>) -> DiagnosticError {
    let diagnostics = (try? JSONDecoder().decode([Diagnostic].self, from: Data(body))) ?? []
    return DiagnosticError(diagnostics.isEmpty ? [.error("the build process failed without a diagnostic")] : diagnostics)
  }

  static let diagnoseVariable = "SNAPGEN_CHILD_DIAGNOSE"
  static let parentVariable = "SNAPGEN_CHILD_PARENT"
  static let cacheVariable = "SNAPGEN_CHILD_CACHE"

  private func runChild(_ request: [UInt8], diagnosing: Bool) throws(DiagnosticError) -> ChildProcess.Outcome {
    // The child's crash report is V8's FATAL text; Swift's own backtracer would bury it.
    var variables = ProcessInfo.processInfo.environment
    variables["SWIFT_BACKTRACE"] = "enable=no"
    variables[Self.diagnoseVariable] = diagnosing ? "1" : nil
    variables[Self.inspectVariable] = inspectsHeap ? "1" : nil
    variables[Self.parentVariable] = String(getpid())
    variables[Self.cacheVariable] = cacheSettings.flatMap { try? JSONEncoder().encode($0) }.map { String(decoding: $0, as: UTF8.self) }
    for entry in self.environment {
      let parts = entry.split(separator: "=", maxSplits: 1).map(String.init)
      variables[parts[0]] = parts.count > 1 ? parts[1] : ""
    }
    let environment = variables.map { "\($0.key)=\($0.value)" }.sorted()
    do {
      return try ChildProcess.run(
        executable, arguments: [Self.childCommand], input: request, environment: environment, timeout: timeout)
    } catch {
      throw DiagnosticError([.error(error.description)])
    }
  }

  /// The child side: reads a configuration from stdin, builds, answers on stdout, and returns
  /// the exit status (0 built, 1 diagnostics).
  public static func serveChild() -> Int32 {
    exitWhenOrphaned()
    let input = readStandardInput()
    let response: (UInt8, [UInt8])
    do {
      let configuration = try JSONDecoder().decode(BuildConfiguration.self, from: input)
      var builder = SnapshotBuilder(configuration: configuration)
      builder.preflightCollectsGarbage = ProcessInfo.processInfo.environment[diagnoseVariable] == "1"
      builder.cacheSettings = ProcessInfo.processInfo.environment[cacheVariable].flatMap {
        try? JSONDecoder().decode(CacheSettings.self, from: Data($0.utf8))
      }
      builder.inspectsHeap = ProcessInfo.processInfo.environment[inspectVariable] == "1"
      let result = try builder.build()
      if let inspection = result.heapInspection {
        response = (inspectionKind, try encodeInspection(inspection) + encodeOutput(result.output))
      } else {
        response = (snapshotKind, try encodeOutput(result.output))
      }
    } catch let error as DiagnosticError {
      response = (diagnosticsKind, [UInt8]((try? JSONEncoder().encode(error.diagnostics)) ?? Data()))
    } catch {
      let diagnostics = [Diagnostic.error("invalid build request: \(error)")]
      response = (diagnosticsKind, [UInt8]((try? JSONEncoder().encode(diagnostics)) ?? Data()))
    }
    // V8 prints some flags' reports (--serialization-statistics) through C stdio: flush them
    // now, before the frame, or they land after it and damage the answer.
    fflush(nil)
    var frame = frameMagic
    frame.append(response.0)
    frame += response.1
    var offset = 0
    while offset < frame.count {
      let count = frame.withUnsafeBytes { write(STDOUT_FILENO, $0.baseAddress! + offset, $0.count - offset) }
      if count < 0 {
        if errno == EINTR { continue }
        return 1
      }
      offset += count
    }
    return response.0 == snapshotKind ? 0 : 1
  }

  /// A build child must not outlive the parent that waits for it (a killed `snapgen build`
  /// would leave an endless module spinning): a watcher thread ends the process as soon as it is
  /// re-parented.
  private static func exitWhenOrphaned() {
    // The parent names itself: a parent that died before this line ran is noticed too.
    let parent = ProcessInfo.processInfo.environment[parentVariable].flatMap { pid_t($0) } ?? getppid()
    if getppid() != parent { _exit(137) }
    var thread = pthread_t()
    var attributes = pthread_attr_t()
    pthread_attr_init(&attributes)
    pthread_attr_setdetachstate(&attributes, Int32(PTHREAD_CREATE_DETACHED))
    defer { pthread_attr_destroy(&attributes) }
    // The parent's pid travels in the context pointer; the thread never returns.
    let context = UnsafeMutableRawPointer(bitPattern: Int(parent))
    _ = pthread_create(&thread, &attributes, { context in
      let parent = pid_t(Int(bitPattern: context))
      while getppid() == parent { usleep(100_000) }
      _exit(137)
    }, context)
  }

  /// Everything on standard input, up to its end.
  private static func readStandardInput() -> Data {
    var data = Data()
    var buffer = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let count = read(STDIN_FILENO, &buffer, buffer.count)
      if count > 0 {
        data.append(contentsOf: buffer[0..<count])
      } else if count < 0 && errno == EINTR {
        continue
      } else {
        return data
      }
    }
  }

  /// What the child sends back after a successful build.
  private struct Summary: Codable {
    var inputFiles: [String]
    var warnings: [Diagnostic]
    var cache: CacheOutcome?
  }

  /// A successful answer: the length of a JSON ``Summary`` (8 bytes, little-endian), the
  /// summary, then the serialised snapshot.
  static func encodeOutput(_ output: BuildOutput) throws -> [UInt8] {
    let summary = [UInt8](try JSONEncoder().encode(Summary(inputFiles: output.inputFiles, warnings: output.warnings, cache: output.cache)))
    let length = withUnsafeBytes(of: UInt64(summary.count).littleEndian) { Array($0) }
    return length + summary + output.file.serialized()
  }

  static func decodeOutput(_ body: ArraySlice<UInt8>) throws(DiagnosticError) -> BuildOutput {
    let bytes = Array(body)
    guard bytes.count >= 8 else { throw DiagnosticError([.error("the build process returned a truncated answer")]) }
    let length = bytes.withUnsafeBytes { $0.littleEndianUInt64(at: 0) }
    guard length <= UInt64(bytes.count - 8) else {
      throw DiagnosticError([.error("the build process returned a truncated answer")])
    }
    let summaryEnd = 8 + Int(length)
    let summary: Summary
    do { summary = try JSONDecoder().decode(Summary.self, from: Data(bytes[8..<summaryEnd])) } catch {
      throw DiagnosticError([.error("the build process returned a damaged summary: \(error)")])
    }
    do {
      let file = try SnapshotFile.parse(Array(bytes[summaryEnd...]))
      var output = BuildOutput(file: file, inputFiles: summary.inputFiles, warnings: summary.warnings)
      output.cache = summary.cache ?? .disabled
      return output
    } catch {
      throw DiagnosticError([.error("the build process returned a damaged snapshot: \(error)")])
    }
  }

  /// Finds the frame in the child's stdout.
  static func unframe(_ output: [UInt8]) -> (UInt8, ArraySlice<UInt8>)? {
    guard output.count > frameMagic.count else { return nil }
    var start = 0
    while start + frameMagic.count < output.count {
      if output[start..<(start + frameMagic.count)].elementsEqual(frameMagic) {
        let kindIndex = start + frameMagic.count
        let kind = output[kindIndex]
        guard kind == snapshotKind || kind == diagnosticsKind || kind == inspectionKind else { return nil }
        return (kind, output[(kindIndex + 1)...])
      }
      start += 1
    }
    return nil
  }
}
