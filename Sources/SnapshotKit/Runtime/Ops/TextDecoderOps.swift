import CSnapgenICU

/// The ops behind internal JS's TextDecoder for encodings other than UTF-8: label lookup and
/// native decoders held by id in a ``NativeResourceTable``.
enum TextDecoderOps {
  static func register(into ops: inout OpRegistry) throws(OpManifestError) {
    let decoders = NativeResourceTable<NativeTextDecoder>(kind: "text decoder")
    // The encoding's name for a label, or undefined (Encoding Standard "get an encoding").
    try ops.register("op_encoding_for_label", arity: 1) { call throws(OpError) in
      EncodingLabels.encoding(forLabel: try call.string(0)).map(JSValue.string) ?? .undefined
    }
    // (name, fatal) → id of a new decoder.
    try ops.register("op_text_decoder_open", arity: 2) { call throws(OpError) in
      let name = try call.string(0)
      guard let decoder = NativeTextDecoder(encoding: name, fatal: try call.boolean(1)) else {
        throw .rangeError("The \"\(name)\" encoding is not supported")
      }
      return .number(try decoders.insert(decoder))
    }
    // (id, bytes, stream) → the decoded text.
    try ops.register("op_text_decoder_decode", arity: 3) { call throws(OpError) in
      let id = try call.number(0)
      let bytes: [UInt8]
      switch try call.argument(1) {
      case .bytes(let data): bytes = data
      case .undefined: bytes = []
      default: throw .typeError("op_text_decoder_decode: argument 2 must be bytes")
      }
      let stream = try call.boolean(2)
      return .string(try decoders.withResource(id) { decoder throws(OpError) in try decoder.decode(bytes, flush: !stream) })
    }
    // (id) → undefined; frees the decoder (closing twice is harmless).
    try ops.register("op_text_decoder_close", arity: 1) { call throws(OpError) in
      decoders.remove(try call.number(0))
      return .undefined
    }
  }
}
