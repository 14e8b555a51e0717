import Glibc
import FoundationEssentials

/// The ops every snapgen runtime provides to internal JS, in table order.
public enum DefaultOps {
  static func registry(arguments: [String]) -> OpRegistry {
    var ops = OpRegistry()
    // The names below are unique literals, so registration cannot fail.
    do {
      try ops.register("op_print", arity: 2) { call throws(OpError) in
        try writeAll(Array(try call.string(0).utf8), to: try call.boolean(1) ? STDERR_FILENO : STDOUT_FILENO)
        return .undefined
      }
      try ops.register("op_time_monotonic", arity: 0) { call throws(OpError) in
        .number((ContinuousClock.now - call.loop.startedAt).milliseconds)
      }
      try ops.register("op_time_wall", arity: 0) { _ throws(OpError) in
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return .number(Double(now.tv_sec) * 1_000 + Double(now.tv_nsec) / 1_000_000)
      }
      try ops.register("op_env_get", arity: 1) { call throws(OpError) in
        guard let value = getenv(try call.string(0)) else { return .undefined }
        return .string(String(cString: value))
      }
      try ops.register("op_env_entries", arity: 0) { _ throws(OpError) in
        .object(ProcessInfo.processInfo.environment.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) })
      }
      try ops.register("op_args", arity: 0) { _ throws(OpError) in .array(arguments.map(JSValue.string)) }
      try ops.registerAsync("op_read_file", arity: 1) { arguments throws(OpError) in
        .bytes(try readFile(path(arguments[0], op: "op_read_file")))
      }
      try ops.registerAsync("op_read_text_file", arity: 1) { arguments throws(OpError) in
        let bytes = try readFile(path(arguments[0], op: "op_read_text_file"))
        return .string(String(decoding: bytes, as: UTF8.self))
      }
      try ops.registerAsync("op_write_file", arity: 2) { arguments throws(OpError) in
        let target = try path(arguments[0], op: "op_write_file")
        let bytes: [UInt8]
        switch arguments[1] {
        case .string(let text): bytes = Array(text.utf8)
        case .bytes(let data): bytes = data
        default: throw .typeError("op_write_file: data must be a string or bytes")
        }
        guard FileManager.default.createFile(atPath: target, contents: Data(bytes)) else {
          throw .error("cannot write \(target): \(String(cString: strerror(errno)))")
        }
        return .undefined
      }
      try ops.register("op_exit", arity: 1) { call throws(OpError) in
        let code = try call.number(0)
        guard code == code.rounded(), (0...255).contains(code) else {
          throw .rangeError("op_exit: the exit code must be a whole number from 0 to 255")
        }
        call.loop.requestExit(Int32(code))
        // V8 acts on termination at its next interrupt check; throwing as well abandons the
        // rest of the calling code at once.
        throw .error("runtime.exit(\(Int32(code))) was called")
      }
      try ops.registerPromising("op_timer_start", arity: 2) { call throws(OpError) in
        // JS converts the delay as a WebIDL long; clamp again so no number can overflow the clock.
        let requested = try call.number(0)
        let delay = requested.isFinite ? min(max(0, requested), 2_147_483_647) : 0
        let id = try call.number(1)
        let promise = call.returnPromise()
        call.loop.addTimer(id: id, promise: promise, delay: .microseconds(Int64(delay * 1_000)))
        return .undefined
      }
      try ops.register("op_timer_cancel", arity: 1) { call throws(OpError) in
        call.loop.cancelTimer(id: try call.number(0))
        return .undefined
      }
      try TextDecoderOps.register(into: &ops)
      try DomainToASCIIOps.register(into: &ops)
    } catch {
      preconditionFailure("the default op table is invalid: \(error)")
    }
    return ops
  }

  private static func path(_ value: JSValue, op: String) throws(OpError) -> String {
    guard case .string(let path) = value, !path.isEmpty else { throw .typeError("\(op): the path must be a non-empty string") }
    return path
  }

  private static func readFile(_ path: String) throws(OpError) -> [UInt8] {
    guard let data = FileManager.default.contents(atPath: path) else {
      let reason = FileManager.default.fileExists(atPath: path) ? "cannot be read" : "no such file"
      throw .error("cannot read \(path): \(reason)")
    }
    return [UInt8](data)
  }

  static func writeAll(_ bytes: [UInt8], to stream: Int32) throws(OpError) {
    var offset = 0
    while offset < bytes.count {
      let written = bytes.withUnsafeBytes { Glibc.write(stream, $0.baseAddress! + offset, $0.count - offset) }
      if written < 0 {
        if errno == EINTR { continue }
        throw .error("cannot write output: \(String(cString: strerror(errno)))")
      }
      offset += written
    }
  }
}
