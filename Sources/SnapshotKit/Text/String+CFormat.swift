import Glibc

extension String {
  /// Formats like C's `printf`, for the numbers in reports (`%.2f`, `%7.2f`, `%d`, `%%`), without
  /// Foundation's `String(cFormat:)` (snapgen links FoundationEssentials only). A `%@` conversion,
  /// with optional flags and width (`%-12@`), takes a `String` argument. Arguments are `Double`,
  /// `Float`, `Int`, `Int32`, `Int64`, `UInt`, `UInt64` or `String`; any other type is printed with
  /// `String(describing:)`.
  package init(cFormat format: String, _ arguments: Any...) {
    // %@ becomes %s over a C copy of the string, kept alive until vsnprintf has run.
    var converted = ""
    var index = format.startIndex
    while index < format.endIndex {
      let character = format[index]
      converted.append(character)
      index = format.index(after: index)
      guard character == "%" else { continue }
      var spec = ""
      while index < format.endIndex, "-+ #0123456789.*".contains(format[index]) {
        spec.append(format[index])
        index = format.index(after: index)
      }
      guard index < format.endIndex else {
        converted += spec
        break
      }
      converted += spec + (format[index] == "@" ? "s" : String(format[index]))
      index = format.index(after: index)
    }
    var copies: [UnsafeMutablePointer<CChar>] = []
    defer { copies.forEach { free($0) } }
    let cArguments: [any CVarArg] = arguments.map { argument in
      switch argument {
      case let value as Double: return value
      case let value as Float: return Double(value)
      case let value as Int: return value
      case let value as Int32: return value
      case let value as Int64: return value
      case let value as UInt: return value
      case let value as UInt64: return value
      default:
        let copy = strdup(argument as? String ?? String(describing: argument))!
        copies.append(copy)
        return UnsafePointer(copy)
      }
    }
    var capacity = 256
    while true {
      let buffer = UnsafeMutablePointer<CChar>.allocate(capacity: capacity)
      defer { buffer.deallocate() }
      let needed = withVaList(cArguments) { vsnprintf(buffer, capacity, converted, $0) }
      if needed < 0 {
        self = converted
        return
      }
      if Int(needed) < capacity {
        self = String(cString: buffer)
        return
      }
      capacity = Int(needed) + 1
    }
  }
}
