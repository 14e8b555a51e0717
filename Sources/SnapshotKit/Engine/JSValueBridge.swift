import CV8Shim

/// Converts between ``JSValue`` and the shim's value handles.
enum JSValueBridge {
  static let maximumDepth = 64

  static func read(_ value: OpaquePointer, in call: OpaquePointer, depth: Int) throws(OpError) -> JSValue {
    guard depth < maximumDepth else { throw .rangeError("value is nested too deeply") }
    switch sg_value_kind_of(value) {
    case SG_UNDEFINED: return .undefined
    case SG_NULL: return .null
    case SG_BOOLEAN: return .boolean(sg_value_boolean(value) != 0)
    case SG_NUMBER: return .number(sg_value_number(value))
    case SG_STRING:
      var length = 0
      let text = sg_value_string(call, value, &length)
      defer { sg_free(text) }
      return .string(text.map { String(decoding: UnsafeRawBufferPointer(start: $0, count: length), as: UTF8.self) } ?? "")
    case SG_BYTES:
      var length = 0
      let bytes = sg_value_bytes(value, &length)
      return .bytes(bytes.map { Array(UnsafeBufferPointer(start: $0, count: length)) } ?? [])
    case SG_ARRAY:
      let count = sg_value_array_length(value)
      var items: [JSValue] = []
      items.reserveCapacity(Int(count))
      for index in 0..<count {
        items.append(try read(sg_value_array_get(call, value, index)!, in: call, depth: depth + 1))
      }
      return .array(items)
    case SG_OBJECT:
      let keys = sg_value_object_keys(call, value)!
      var entries: [(String, JSValue)] = []
      for index in 0..<sg_value_array_length(keys) {
        guard case .string(let key) = try read(sg_value_array_get(call, keys, index)!, in: call, depth: depth + 1)
        else { continue }
        let item = key.utf8CString.withUnsafeBufferPointer {
          sg_value_object_get(call, value, $0.baseAddress, $0.count - 1)!
        }
        entries.append((key, try read(item, in: call, depth: depth + 1)))
      }
      return .object(entries)
    case SG_BIGINT: throw .typeError("BigInt values cannot be passed to ops")
    case SG_FUNCTION: throw .typeError("functions cannot be passed to ops")
    default: throw .typeError("only plain data (strings, numbers, booleans, null, bytes, arrays, plain objects) can be passed to ops")
    }
  }

  static func write(_ value: JSValue, in call: OpaquePointer) -> OpaquePointer {
    switch value {
    case .undefined: return sg_call_undefined(call)
    case .null: return sg_call_null(call)
    case .boolean(let flag): return sg_call_boolean(call, flag ? 1 : 0)
    case .number(let number): return sg_call_number(call, number)
    case .string(let text):
      var text = text
      return text.withUTF8 { buffer in
        buffer.withMemoryRebound(to: CChar.self) { sg_call_string(call, $0.baseAddress, $0.count) }
      }
    case .bytes(let bytes):
      return bytes.withUnsafeBufferPointer { sg_call_bytes(call, $0.baseAddress, $0.count) }
    case .array(let items):
      let array = sg_call_array(call)!
      for item in items { sg_value_array_push(call, array, write(item, in: call)) }
      return array
    case .object(let entries):
      let object = sg_call_object(call)!
      for (key, item) in entries {
        let handle = write(item, in: call)
        key.utf8CString.withUnsafeBufferPointer { sg_value_object_set(call, object, $0.baseAddress, $0.count - 1, handle) }
      }
      return object
    }
  }
}
