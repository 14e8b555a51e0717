#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The ops every snapgen runtime provides to internal JS.
public enum DefaultOps {
  static let descriptors: [OpDescriptor] = [
    OpDescriptor(name: "op_print", kind: .sync, arity: 2)
  ]

  static func registry() -> OpRegistry {
    var registry = OpRegistry()
    // Names are literals matching `descriptors`.
    try! registry.register("op_print", arity: 2) { call throws(OpError) in
      let text = try call.string(0)
      let toStderr = try call.boolean(1)
      var bytes = Array(text.utf8)
      let stream = toStderr ? STDERR_FILENO : STDOUT_FILENO
      var offset = 0
      while offset < bytes.count {
        let written = bytes.withUnsafeMutableBytes { Glibc.write(stream, $0.baseAddress! + offset, $0.count - offset) }
        if written < 0 {
          if errno == EINTR { continue }
          throw .error("op_print: cannot write: \(String(cString: strerror(errno)))")
        }
        offset += written
      }
      return .undefined
    }
    precondition(registry.manifest.ops == descriptors)
    return registry
  }
}
