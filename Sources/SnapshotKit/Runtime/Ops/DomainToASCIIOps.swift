import Glibc
import CSnapgenICU

/// UTS #46 "domain to ASCII" (URL Standard §3.3) through ICU.
enum DomainToASCIIOps {
  static func register(into ops: inout OpRegistry) throws(OpManifestError) {
    // (domain, beStrict) → the ASCII domain, or null when it is invalid.
    try ops.register("op_domain_to_ascii", arity: 2) { call throws(OpError) in
      let domain = try call.string(0)
      let beStrict = try call.boolean(1)
      var output: UnsafeMutablePointer<CChar>?
      var length = 0
      let status = domain.utf8CString.withUnsafeBufferPointer {
        sg_domain_to_ascii($0.baseAddress, $0.count - 1, beStrict ? 1 : 0, &output, &length)
      }
      defer { free(output) }
      switch status {
      case 0:
        guard let output else { return .string("") }
        return .string(String(decoding: UnsafeRawBufferPointer(start: output, count: length), as: UTF8.self))
      case 1: return .null
      default: throw .error("op_domain_to_ascii: ICU's UTS #46 processing failed")
      }
    }
  }
}
